"""The journal's questions: export one entry as plain Markdown, delete one for good.

Exporting keeps the same promise as the full plain export: the user reads
``EXPORT_ENTRY_WARNING`` and chooses to go on before anything is written in the clear,
then picks where (Qt's own file dialog, at home, leaving no trail: ``save_file_dialog``).
Every step is a dialog in the pane's one ``DialogSlot``, so a lock closes it and nothing is
written after it. Unsent letters are never exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from reconnect_gui.core.journal.entry import JournalEntry
from reconnect_gui.storage import journal_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.widgets.dialog_slot import DialogSlot
from reconnect_gui.ui.widgets.file_dialogs import save_file_dialog


def exported_words(path: Path) -> str:
    return f"Exported to {path}. That copy is not encrypted: delete it when you no longer need it."


class ExportFlow:
    """Warn, ask where, write; ``done`` gets the path written."""

    def __init__(
        self, parent: QWidget, dialogs: DialogSlot, zone: str, done: Callable[[Path], None]
    ) -> None:
        self._parent = parent
        self._dialogs = dialogs
        self._zone = zone
        self._done = done

    def start(self, entry: JournalEntry) -> None:
        if not entry.id or entry.is_unsent_letter:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Export this entry?",
            journal_store.EXPORT_ENTRY_WARNING,
            parent=self._parent,
        )
        go = box.addButton("Choose where to save…", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        # After the warning has closed, so the slot is free for the file dialog.
        go.clicked.connect(lambda: QTimer.singleShot(0, lambda: self._choose_file(entry)))
        self._dialogs.open(box)

    def _choose_file(self, entry: JournalEntry) -> None:
        dialog = save_file_dialog(
            self._parent,
            "Export entry",
            journal_store.export_file_name(entry, ZoneInfo(self._zone)),
            "Markdown (*.md)",
            "md",
        )
        dialog.fileSelected.connect(lambda path: self.write(entry, Path(path)))
        self._dialogs.open(dialog)

    def write(self, entry: JournalEntry, path: Path) -> None:
        try:
            # The file dialog has already asked before replacing a file that was there.
            journal_store.write_entry_plain(entry, path, ZoneInfo(self._zone), overwrite=True)
        except (VaultError, OSError) as error:
            message = getattr(error, "message", None) or "The file could not be written there."
            QMessageBox.warning(self._parent, "Not exported", message)
            return
        self._done(path)


def ask_delete_for_good(parent: QWidget, dialogs: DialogSlot, delete: Callable[[], None]) -> None:
    """One clear question before an entry leaves the trash for good; "Keep it" is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Delete this entry for good?",
        "It will be gone for good and cannot be brought back, from Reconnect's automatic "
        "copies too. Backups you made yourself still hold it.",
        parent=parent,
    )
    yes = box.addButton("Delete for good", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    yes.clicked.connect(delete)
    dialogs.open(box)
