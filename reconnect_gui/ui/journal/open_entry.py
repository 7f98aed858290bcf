"""The open journal entry while it is written: saved a moment after typing pauses, never lost.

``OpenEntry`` holds the one entry open in the ``JournalEditor``. It brings the
editor's values into the entry (``core.journal.entry.edited``) and writes it to the vault
(``journal_store.save_entry``) once the user pauses, and at once when they move on
(another entry, another pane, a lock). A new entry gets its id on its first save; a new
entry that is still blank is never saved, so "New entry" clicked by mistake leaves no
trace.

Saving, a refused save and the words kept over a lock follow the autosave every editor
shares (``ui.widgets.autosave``). A save writes only what the person changed since the
editor last matched the vault, onto the entry as the vault holds it then: another
process (a restore from the command line) may have changed it meanwhile. When the saved
entry differs from the editor, the editor shows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reconnect_gui.core.journal.entry import JournalEntry, dated_on, edited
from reconnect_gui.storage import journal_store
from reconnect_gui.ui.journal.editor import JournalEditor
from reconnect_gui.ui.widgets.autosave import SAVED, Autosave

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

SAVE_DELAY_MS = 800  # a pause in typing this long saves...
SAVE_MAX_WAIT_MS = 4000  # ...and a long burst is still saved about this often


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


class OpenEntry(Autosave[JournalEntry]):
    """The open entry: its latest values and its autosave. ``saved`` carries the entry as
    the vault now holds it (a new one with its id)."""

    def __init__(
        self,
        view: JournalEditor,
        vault: Callable[[], Vault | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(view, vault, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, parent)
        self.view = view
        self.read_only = False  # an entry in the trash is shown, never saved
        view.edited.connect(self._edited)

    @property
    def entry(self) -> JournalEntry | None:
        """The open entry, as last synced from the editor."""
        return self.current

    @entry.setter
    def entry(self, entry: JournalEntry | None) -> None:
        self.current = entry

    # ---- opening and closing ------------------------------------------------------------

    def open(self, entry: JournalEntry, read_only: bool = False, trash_note: str = "") -> None:
        """Show ``entry`` (as stored; a new one has ``id == ""``) in the editor."""
        self.save_debouncer.cancel()
        self.entry = entry
        self.stored = entry if entry.id else None
        self.read_only = read_only
        self.view.show_entry(entry, read_only, trash_note)

    def close(self) -> None:
        super().close()
        self.read_only = False

    # ---- typing and saving --------------------------------------------------------------

    def _edited(self) -> None:
        if self.entry is None or self.read_only:
            return
        self.changed()

    def sync(self) -> None:
        """Bring the editor's values into the entry."""
        if self.entry is not None and not self.read_only:
            values = self.view.values()
            day = values.pop("day")
            entry = edited(self.entry, **values)
            if isinstance(day, date):
                entry = dated_on(entry, day, self.view.zone)
            self.entry = entry

    def _savable(self) -> bool:
        return not self.read_only

    def _worth_saving(self, record: JournalEntry) -> bool:
        # A new entry still blank is never saved: "New entry" clicked by mistake leaves no trace.
        return bool(record.id) or not is_blank(record)

    def _saved_words(self, record: JournalEntry) -> str:
        return SAVED if record.id else ""

    def _write(self, vault: Vault, record: JournalEntry) -> JournalEntry:
        # The vault may give a new entry its id and times; the words are the same unless
        # another process changed what the person did not.
        saved = journal_store.save_entry(vault, record, base=self.stored)
        if _shown(saved) != _shown(record):
            self._show_saved(saved)
        return saved

    def _show_saved(self, saved: JournalEntry) -> None:
        """Show the entry as saved, so the next save cannot write back what the editor
        held; the cursor stays where it was when the words are the same."""
        body = self.view.body
        position = body.textCursor().position() if saved.body == body.toPlainText() else None
        self.view.show_entry(saved, self.read_only, self.view.trash_label.text())
        if position is not None:
            cursor = body.textCursor()
            cursor.setPosition(position)
            body.setTextCursor(cursor)


def _shown(entry: JournalEntry) -> tuple[object, ...]:
    return tuple(getattr(entry, name) for name in journal_store.EDITED_FIELDS)
