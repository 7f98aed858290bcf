"""The autosave every editor of the person's words shares (a draft, a journal entry):
what the editor holds now, what the vault holds, and a save a moment after typing pauses
and at once when the person moves on. Never losing a word is the point.

- ``open`` shows a record; ``leave`` saves now (another record, another pane, a lock);
  ``close`` forgets it without saving (it was deleted, or the vault has locked).
- When the vault refuses a save, the save line says so and the next change tries again.
- If the refused save was the last one before a lock, ``keep_unsaved`` hands the record to
  the pane, which keeps it in memory only (never on screen while locked, never written in
  the clear) and gives it back with ``put_back`` after unlocking.

A subclass says how the editor's words come into the record (``sync``), when a record is
not worth writing (``_worth_saving``), and how it is written (``_write``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.widgets.debounce import Debouncer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from reconnect_gui.storage.vault import Vault

SAVING, SAVED, NOT_SAVED = "Saving…", "Saved", "Not saved"
TRIES_AGAIN = "Reconnect tries again as you type."

Record = TypeVar("Record")


class SaveStatusView(Protocol):
    """What the autosave needs of an editor: its save line and its notice."""

    saved_label: QLabel

    def set_saved(self, text: str, problem: str = "") -> None: ...

    def show_notice(self, text: str) -> None: ...


class Autosave(QObject, Generic[Record]):
    saved = Signal(object)  # the record as the vault now holds it

    def __init__(
        self,
        view: SaveStatusView,
        vault: Callable[[], Vault | None],
        delay_ms: int,
        max_wait_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = view
        self._vault = vault
        self.current: Record | None = None  # the open record, as last synced from the editor
        self.stored: Record | None = None  # the open record as the vault holds it
        self.save_debouncer = Debouncer(delay_ms, self.save_now, self, max_wait_ms=max_wait_ms)

    def leave(self) -> None:
        """Stop waiting and save now: the person moves on (another record, pane, or a lock)."""
        self.save_debouncer.cancel()
        self.save_now()

    def close(self) -> None:
        """No record open any more (it was deleted, or the vault locked); nothing is saved."""
        self.save_debouncer.cancel()
        self.current = self.stored = None

    def keep_unsaved(self) -> Record | None:
        """The open record if the vault does not hold its latest state (after ``leave``)."""
        record = self.current
        if record is None or record == self.stored or not self._savable():
            return None
        return record if self._worth_saving(record) else None

    def put_back(self, kept: Record, stored: Record | None, notice: str) -> None:
        """``kept`` is open again after unlocking: say so (``notice``), and let the autosave
        try again. ``stored``: the record as the vault holds it (None when it has none)."""
        self.current, self.stored = kept, stored
        self._status.show_notice(notice)
        self._status.set_saved(SAVING)
        self.save_debouncer.poke()

    def changed(self) -> None:
        """The person changed something: save once they pause."""
        self.save_debouncer.poke()
        self._status.set_saved(SAVING)

    def save_now(self) -> None:
        """Write the open record to the vault if it changed (the debouncer calls this)."""
        vault = self._vault()
        if vault is None or self.current is None or not self._savable():
            return
        self.sync()
        record = self.current
        if record == self.stored or not self._worth_saving(record):
            if self._status.saved_label.text() == SAVING:
                self._status.set_saved(self._saved_words(record))
            return
        try:
            stored = self._write(vault, record)
        except VaultError as error:
            self._status.set_saved(NOT_SAVED, f"{error.message} {TRIES_AGAIN}")
            return
        self.current = self.stored = stored
        self._status.set_saved(SAVED)
        self._after_save(stored)
        self.saved.emit(stored)

    # ---- what a subclass says -----------------------------------------------------------

    def sync(self) -> None:
        """Bring the editor's words into ``current``."""
        raise NotImplementedError

    def _write(self, vault: Vault, record: Record) -> Record:
        """Write ``record``; returns it as the vault now holds it."""
        raise NotImplementedError

    def _savable(self) -> bool:
        """False while the open record may not be written at all (read-only)."""
        return True

    def _worth_saving(self, record: Record) -> bool:
        """False for a record with nothing in it that was never stored."""
        return True

    def _saved_words(self, record: Record) -> str:
        """The save line once an unchanged record has been looked at."""
        return SAVED

    def _after_save(self, record: Record) -> None:
        """Anything the editor shows about a saved record (e.g. its versions)."""
