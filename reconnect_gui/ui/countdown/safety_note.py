"""A short safety note for anyone whose relationship was abusive, controlling or frightening.

No phone numbers or web addresses on purpose: we can't know the user's country, and the
app never goes online. It points to the kinds of help that exist everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QWidget,
)

from reconnect_gui.ui.widgets.labels import DIALOG_MARGINS, heading_column, wrapped_label

SAFETY_LINK_TEXT = "If this relationship hurt you"

HEADING = "Your safety comes first"
PARAGRAPHS = (
    "If your ex hurt you, controlled you, or made you feel afraid, please don't go back, "
    "and don't contact them. You don't owe them a message, an explanation or another chance.",
    "No Contact is there to protect you. Keeping your distance is the right choice, "
    "for as long as you need it.",
)
HELP_INTRO = "You don't have to carry this alone:"
HELP_LINES = (
    "If you are in danger right now, call your local emergency number.",
    "A domestic abuse or domestic violence helpline in your country can listen, "
    "in confidence, and help you plan what comes next.",
    "A doctor, or someone you trust, can support you too.",
)


class SafetyNoteDialog(QDialog):
    """A few warm, plain sentences and one Close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(SAFETY_LINK_TEXT)
        self.setMinimumWidth(500)
        self.setMaximumWidth(640)
        layout = heading_column(self, HEADING, DIALOG_MARGINS)
        self.labels: list[QLabel] = []
        for text in PARAGRAPHS:
            layout.addWidget(self._label(text))
        layout.addWidget(self._label(HELP_INTRO))
        help_lines = QGridLayout()
        help_lines.setContentsMargins(8, 0, 0, 0)
        help_lines.setHorizontalSpacing(8)
        help_lines.setVerticalSpacing(6)
        help_lines.setColumnStretch(1, 1)
        for line, text in enumerate(HELP_LINES):
            bullet = QLabel("•")
            bullet.setAccessibleName("")  # decoration: a screen reader reads the line itself
            help_lines.addWidget(bullet, line, 0, Qt.AlignmentFlag.AlignTop)
            help_lines.addWidget(self._label(text), line, 1)
        layout.addLayout(help_lines)
        layout.addStretch(1)  # any spare height goes here, not between the sentences
        row = QDialogButtonBox()
        self.close_button = row.addButton("Close", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setAccessibleName("Close")
        self.close_button.setDefault(True)
        row.accepted.connect(self.accept)
        layout.addWidget(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped text knows its height only at the real width: fit the window to it.
        layout = self.layout()
        if layout is None:
            return
        wanted = layout.totalHeightForWidth(self.width())
        if wanted > 0:
            self.resize(self.width(), wanted)

    def _label(self, text: str) -> QLabel:
        label = wrapped_label(text)
        self.labels.append(label)
        return label
