"""The drafting pane's quiet pages: a message (locked, or a problem) and the welcome.

The welcome shows while there are no drafts: what the pane is for, the way in (a text, a
letter, or an example to make one's own), and how far off the No-Contact target is.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from reconnect_gui.core.drafts.words import welcome_words
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.tone.report import Context
from reconnect_gui.ui.shell.panes import pane_info
from reconnect_gui.ui.widgets.chips import FlowLayout
from reconnect_gui.ui.widgets.labels import heading_column, wrapped_label

HEADING = pane_info(PaneKey.DRAFT).heading
BLURB = pane_info(PaneKey.DRAFT).blurb
MARGINS = (48, 40, 48, 40)
TEXT_WIDTH = 620  # px; longer lines are hard to follow


class WelcomePage(QWidget):
    """No drafts yet: a few words and four ways to start."""

    new_requested = Signal(str)  # "text", "letter" or "logistics"
    example_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = heading_column(self, HEADING, MARGINS, spacing=14)
        blurb = wrapped_label(BLURB)
        blurb.setMaximumWidth(TEXT_WIDTH)
        layout.addWidget(blurb)
        self.context = wrapped_label("")
        self.context.setMaximumWidth(TEXT_WIDTH)
        self.context.hide()
        layout.addWidget(self.context)
        holder = QWidget()  # the buttons wrap onto a second line in a narrow window
        buttons = FlowLayout(holder, spacing=10)
        self.write_text_button = QPushButton("Write a text")
        self.write_letter_button = QPushButton("Write a letter")
        self.write_logistics_button = QPushButton("Sort out logistics")
        self.example_button = QPushButton("Start from an example…")
        for button, description in (
            (self.write_text_button, "A short message for their phone"),
            (self.write_letter_button, "A short letter, by email or on paper"),
            (
                self.write_logistics_button,
                "Something practical: belongings, children, bills",
            ),
            (self.example_button, "Three calm starting points to make your own"),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.setAccessibleDescription(description)
            button.setMinimumHeight(36)
            buttons.add(button)
        self.write_text_button.clicked.connect(lambda: self.new_requested.emit("text"))
        self.write_letter_button.clicked.connect(lambda: self.new_requested.emit("letter"))
        self.write_logistics_button.clicked.connect(lambda: self.new_requested.emit("logistics"))
        self.example_button.clicked.connect(self.example_requested)
        layout.addWidget(holder)
        layout.addStretch(1)

    def show_context(self, context: Context) -> None:
        """How far the No-Contact target is while the countdown runs, or, for someone
        who chose to move on, that nothing here needs sending (else nothing)."""
        self.context.setText(welcome_words(context))
        self.context.setVisible(bool(self.context.text()))

    def forget(self) -> None:
        self.context.clear()
