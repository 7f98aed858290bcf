"""The open journal entry while it is written: saved a moment after typing pauses, never lost.

``OpenEntry`` holds the one entry open in the ``JournalEditor``. It brings the
editor's values into the entry (``core.journal.entry.edited``) and writes it to the vault
(``journal_store.save_entry``) once the user pauses, and at once when they move on
(another entry, another pane, a lock). A new entry gets its id on its first save; a new
entry that is still blank is never saved, so "New entry" clicked by mistake leaves no
trace.

When the vault refuses a save, the save word says so and the next change tries again.
If the refused save was the last one before a lock, ``keep_unsaved`` hands the entry to
the pane, which holds it in memory only and gives it back with ``put_back`` after
unlocking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reconnect_gui.core.journal.entry import JournalEntry, edited
from reconnect_gui.storage import journal_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.journal.editor import JournalEditor
from reconnect_gui.ui.widgets.debounce import Debouncer

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

SAVE_DELAY_MS = 800  # a pause in typing this long saves...
SAVE_MAX_WAIT_MS = 4000  # ...and a long burst is still saved about this often
SAVING, SAVED, NOT_SAVED = "Saving…", "Saved", "Not saved"


def kept_words(title: str) -> str:
    """After unlocking, when the last save before the lock failed and the words came back."""
    short = title if len(title) <= 40 else title[:39].rstrip() + "…"
    return (
        f"Your last changes to “{short}” could not be saved before Reconnect locked. "
        "They are back here, and Reconnect is saving them now."
    )


def is_blank(entry: JournalEntry) -> bool:
    """Nothing the user chose or wrote (a prompt alone is not an answer)."""
    return not (
        entry.title.strip() or entry.body.strip() or entry.mood or entry.tags or entry.feelings
    )


class OpenEntry(QObject):
    """The open entry: its latest values and its autosave."""

    saved = Signal(object)  # the JournalEntry as the vault now holds it

    def __init__(
        self,
        view: JournalEditor,
        vault: Callable[[], Vault | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._vault = vault
        self.entry: JournalEntry | None = None  # the open entry, as last synced
        self.stored: JournalEntry | None = None  # the open entry as the vault holds it
        self.read_only = False  # an entry in the trash is shown, never saved
        self.save_debouncer = Debouncer(
            SAVE_DELAY_MS, self.save_now, self, max_wait_ms=SAVE_MAX_WAIT_MS
        )
        view.edited.connect(self._edited)

    # ---- opening and closing ------------------------------------------------------------

    def open(self, entry: JournalEntry, read_only: bool = False, trash_note: str = "") -> None:
        """Show ``entry`` (as stored; a new one has ``id == ""``) in the editor."""
        self.save_debouncer.cancel()
        self.entry = entry
        self.stored = entry if entry.id else None
        self.read_only = read_only
        self.view.show_entry(entry, read_only, trash_note)

    def leave(self) -> None:
        """Save now: the user moves on (another entry, another pane, or a lock)."""
        self.save_debouncer.cancel()
        self.save_now()

    def close(self) -> None:
        """No entry open any more; nothing is saved."""
        self.save_debouncer.cancel()
        self.entry = self.stored = None
        self.read_only = False

    def keep_unsaved(self) -> JournalEntry | None:
        """The open entry if the vault does not hold its latest state (after ``leave``)."""
        entry = self.entry
        if entry is None or self.read_only or entry == self.stored:
            return None
        return None if not entry.id and is_blank(entry) else entry

    def put_back(self, kept: JournalEntry, stored: JournalEntry | None) -> None:
        """``kept`` is open again after unlocking: say so, and let the autosave try again.

        ``stored``: the entry as the vault holds it (None when it has none)."""
        self.entry, self.stored = kept, stored
        self.view.show_notice(kept_words(kept.display_title))
        self.view.set_saved(SAVING)
        self.save_debouncer.poke()

    # ---- typing and saving --------------------------------------------------------------

    def _edited(self) -> None:
        if self.entry is None or self.read_only:
            return
        self.save_debouncer.poke()
        self.view.set_saved(SAVING)

    def sync(self) -> None:
        """Bring the editor's values into the entry."""
        if self.entry is not None and not self.read_only:
            self.entry = edited(self.entry, **self.view.values())

    def save_now(self) -> None:
        """Write the open entry to the vault if it changed (the debouncer calls this)."""
        vault = self._vault()
        if vault is None or self.entry is None or self.read_only:
            return
        self.sync()
        entry = self.entry
        if entry == self.stored or (not entry.id and is_blank(entry)):
            if self.view.saved_label.text() == SAVING:
                self.view.set_saved(SAVED if entry.id else "")
            return
        try:
            stored = journal_store.save_entry(vault, entry)
        except VaultError as error:
            self.view.set_saved(NOT_SAVED, f"{error.message} Reconnect tries again as you type.")
            return
        # The vault may have given a new entry its id and times; the words are the same.
        self.entry = self.stored = stored
        self.view.set_saved(SAVED)
        self.saved.emit(stored)
