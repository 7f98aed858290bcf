"""The "Earlier versions" dialog: a draft's versions, newest first, and a way back to one.

The dialog only shows and asks; the pane restores (``core.drafts.draft.restore_version``), which
keeps the current words as a version too, so nothing is lost either way.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from reconnect_gui.core.drafts.draft import Draft
from reconnect_gui.core.drafts.words import when_words
from reconnect_gui.core.wording import plural
from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.labels import DIALOG_MARGINS, heading_column, quiet_label


class VersionsDialog(QDialog):
    """Earlier versions of the draft, newest first, and a way to bring one back."""

    restore_requested = Signal(int)  # the index in ``Draft.versions``

    def __init__(self, draft: Draft, now: datetime, zone: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions")
        self.setMinimumSize(620, 420)
        layout = heading_column(self, "Earlier versions", DIALOG_MARGINS)
        layout.addWidget(
            quiet_label(
                "Reconnect keeps a version when you pause writing. Bringing one back keeps "
                "what you have now as a version too, so nothing is lost."
            )
        )
        row = QHBoxLayout()
        row.setSpacing(16)
        self.list = QListWidget()
        self.list.setAccessibleName("Versions, newest first")
        self.list.setMaximumWidth(230)
        self._indices = list(range(len(draft.versions)))[::-1]
        self._bodies = [draft.versions[i].body for i in self._indices]
        for index in self._indices:
            version = draft.versions[index]
            words = len(version.body.split())
            self.list.addItem(f"{when_words(version.at, now, zone)}\n{plural(words, 'word')}")
        row.addWidget(self.list)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The words of this version")
        row.addWidget(self.preview, 1)
        layout.addLayout(row, 1)
        buttons, self.restore_button, _close = dialog_buttons(
            self, "Bring this version back", self._restore, dismiss="Close"
        )
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._bodies):
            self.preview.setPlainText(self._bodies[row])

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._indices):
            self.restore_requested.emit(self._indices[row])
            self.accept()

    def forget(self) -> None:
        """Drop the words (the vault is locking)."""
        self._bodies = []
        self.preview.clear()
        self.list.clear()
