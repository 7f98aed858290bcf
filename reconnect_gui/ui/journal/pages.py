"""The journal pane's pages: a message (locked, opening, a problem), the welcome, and the
three tabs beside the list (the entry, the prompts, the mood chart).

The welcome shows while no entry is open: what the journal is for, and three ways in
(an entry, a letter that will not be sent, today's prompt).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.journal.entry import EntryType
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.ui.journal.editor import JournalEditor
from reconnect_gui.ui.journal.mood_chart import MoodChart
from reconnect_gui.ui.journal.prompts import PromptsPage
from reconnect_gui.ui.shell.panes import pane_info
from reconnect_gui.ui.widgets.chips import FlowLayout
from reconnect_gui.ui.widgets.labels import caption, heading_column, quiet_label, wrapped_label

HEADING = pane_info(PaneKey.JOURNAL).heading
WELCOME_WORDS = (
    "A quiet place for what you feel, for questions that help you reflect, and for the "
    "letters you should not send. Everything here is encrypted on this computer, and "
    "only you can read it."
)
MARGINS = (40, 32, 40, 32)
TEXT_WIDTH = 600  # px; longer lines are hard to follow
ENTRY_TAB, PROMPTS_TAB, CHART_TAB = range(3)
WELCOME, EDITOR = range(2)  # inside the entry tab
CHART_HINT = (
    "Each point is a day's mood, from the entries you gave one. Click a point to read "
    "what you wrote that day."
)
CHART_MAX_HEIGHT = 460  # px; taller, the ups and downs look steeper than they felt


class WelcomePage(QWidget):
    """No entry open: a few words, today's prompt, and three ways to start."""

    new_requested = Signal(str)  # an EntryType: ENTRY or UNSENT_LETTER
    prompt_requested = Signal()  # answer today's prompt

    def __init__(self) -> None:
        super().__init__()
        layout = heading_column(self, HEADING, MARGINS, spacing=14)
        blurb = wrapped_label(WELCOME_WORDS)
        blurb.setMaximumWidth(TEXT_WIDTH)
        layout.addWidget(blurb)
        self.prompt_intro = quiet_label("Today's prompt", italic=False)
        layout.addWidget(self.prompt_intro)
        self.prompt_text = wrapped_label("")
        self.prompt_text.setMaximumWidth(TEXT_WIDTH)
        font = QFont(self.prompt_text.font())
        font.setItalic(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.prompt_text.setFont(font)
        layout.addWidget(self.prompt_text)
        holder = QWidget()
        buttons = FlowLayout(holder, spacing=10)
        self.write_button = QPushButton("Write an entry")
        self.letter_button = QPushButton("Write a letter you won't send")
        self.prompt_button = QPushButton("Answer today's prompt")
        for button, description in (
            (self.write_button, "A new journal entry (Ctrl+N)"),
            (self.letter_button, "Say everything to them here; it is never sent"),
            (self.prompt_button, "Write about today's question"),
        ):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.setMinimumHeight(34)
            button.setAutoDefault(False)
            buttons.add(button)
        self.write_button.clicked.connect(lambda: self.new_requested.emit("entry"))
        self.letter_button.clicked.connect(lambda: self.new_requested.emit(EntryType.UNSENT_LETTER))
        self.prompt_button.clicked.connect(self.prompt_requested)
        layout.addWidget(holder)
        layout.addStretch(1)
        self.show_prompt("")

    def show_prompt(self, text: str) -> None:
        self.prompt_text.setText(text)
        for widget in (self.prompt_intro, self.prompt_text, self.prompt_button):
            widget.setVisible(bool(text))


class EntryTabs(QTabWidget):
    """Beside the list: the entry (or the welcome), the prompts, and the mood chart."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.welcome = WelcomePage()
        self.editor = JournalEditor(now)
        self.entry_side = QStackedWidget()
        self.entry_side.addWidget(self.welcome)
        self.entry_side.addWidget(self.editor)
        self.prompts = PromptsPage()
        chart_page = QWidget()
        column = QVBoxLayout(chart_page)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(6)
        column.addWidget(caption("How you have been feeling"))
        column.addWidget(quiet_label(CHART_HINT, italic=False))
        self.chart = MoodChart(now)
        self.chart.setMaximumHeight(CHART_MAX_HEIGHT)
        column.addWidget(self.chart, 1)
        column.addStretch(0)
        self.addTab(self.entry_side, "Entry")
        self.addTab(self.prompts, "Prompts")
        self.addTab(chart_page, "Mood over time")
        # The range buttons sit above the days: Tab meets them first, as one reads them.
        # (Only once the chart is among the tabs: Qt leaves it first while it leads a chain.)
        QWidget.setTabOrder(list(self.chart.span_buttons.values())[-1], self.chart)
        self.setTabToolTip(PROMPTS_TAB, "Questions to reflect on (Ctrl+P)")

    def feed_chart(
        self,
        moods: list[tuple[datetime, int]],
        urges: list[tuple[datetime, int | None]],
        plan: Plan | None,
        zone: str,
    ) -> None:
        """The chart from the moods, the urges, and the plan's start and slips."""
        start = plan.start if plan is not None else None
        slips = [slip.at for slip in plan.slips] if plan is not None else []
        self.chart.set_data(moods, urges, start, slips, zone)

    def forget(self) -> None:
        """Drop every word and mood shown (the vault is locking)."""
        self.editor.forget()
        self.prompts.forget()
        self.welcome.show_prompt("")
        self.chart.clear()
        self.entry_side.setCurrentIndex(WELCOME)
