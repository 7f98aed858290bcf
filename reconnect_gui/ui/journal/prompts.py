"""Guided prompts: today's question, and every question by theme; choosing one starts a reflection.

The questions and their themes come from ``core.journal.prompts`` (data shipped with the app);
today's is ``prompt_of_the_day`` with the prompts the user has answered as history, so
it changes daily and does not come back too soon. This page only shows them and says
which one the user chose (``chosen``); the pane opens the reflection.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.journal.prompts import Prompt, PromptSet, load_prompts, prompt_of_the_day
from reconnect_gui.core.wording import short_day
from reconnect_gui.ui.widgets.chips import Chip, FlowLayout, RoundedBar
from reconnect_gui.ui.widgets.labels import caption, quiet_label, wrapped_label

BLURB = (
    "Questions to help you look back, understand and steady yourself. Choose one and "
    "write as much or as little as you like: your answer is saved as a reflection."
)
TEXT_WIDTH = 640  # px; longer lines are hard to follow


def answered_words(day: date) -> str:
    return f"You answered this on {short_day(day, weekday=False, year=True)}."


def answered_mark(day: date) -> str:
    """Under a prompt in the list: "✓ Answered on 20 Nov 2026"."""
    return f"✓ Answered on {short_day(day, weekday=False, year=True)}"


class PromptsPage(QWidget):
    """Today's prompt, then the prompts of one theme at a time."""

    chosen = Signal(object)  # the Prompt to answer

    def __init__(self, prompts: PromptSet | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts or load_prompts()
        self.today_prompt: Prompt | None = None
        self._answered: dict[str, date] = {}  # prompt id -> the last day it was answered
        self.setAccessibleName("Prompts")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(12)
        blurb = quiet_label(BLURB, italic=False)
        blurb.setMaximumWidth(TEXT_WIDTH)
        column.addWidget(blurb)
        column.addWidget(self._today_card())
        column.addSpacing(6)
        column.addWidget(caption("Browse by theme"))
        column.addWidget(self._theme_chips())
        self.theme_about = quiet_label("")
        self.theme_about.setMaximumWidth(TEXT_WIDTH)
        column.addWidget(self.theme_about)
        self.list = QListWidget()
        self.list.setAccessibleName("Prompts in this theme")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setMinimumHeight(160)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._item_activated)
        self.list.currentItemChanged.connect(lambda *_: self._update_answer_button())
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.answer_button = QPushButton("Write about this prompt")
        self.answer_button.setAccessibleName("Write about the chosen prompt")
        self.answer_button.setAutoDefault(False)
        self.answer_button.clicked.connect(self._answer_chosen)
        row.addWidget(self.answer_button)
        column.addLayout(row)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_theme(self.prompts.themes[0].id)

    # ---- building -----------------------------------------------------------------------

    def _today_card(self) -> RoundedBar:
        card = RoundedBar(edge=True, ground=QPalette.ColorRole.Base)
        card.setAccessibleName("Today's prompt")
        card.setMaximumWidth(TEXT_WIDTH + 40)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        self.today_theme = quiet_label("", italic=False)
        layout.addWidget(self.today_theme)
        self.today_text = wrapped_label("")
        font = QFont(self.today_text.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.today_text.setFont(font)
        layout.addWidget(self.today_text)
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 0)
        self.today_answered = quiet_label("")
        row.addWidget(self.today_answered, 1)
        self.today_button = QPushButton("Write about this")
        self.today_button.setAccessibleName("Write about today's prompt")
        self.today_button.setMinimumHeight(32)
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(self._answer_today)
        row.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        return card

    def _theme_chips(self) -> QWidget:
        holder = QWidget()
        flow = FlowLayout(holder, spacing=6)
        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[str, Chip] = {}
        for theme in self.prompts.themes:
            button = Chip(theme.title, checkable=True)
            button.setAccessibleName(f"Theme: {theme.title}")
            button.setAccessibleDescription(theme.about)
            button.clicked.connect(lambda _=False, t=theme.id: self.show_theme(t))
            self.theme_group.addButton(button)
            self.theme_buttons[theme.id] = button
            flow.add(button)
        return holder

    # ---- what it shows ------------------------------------------------------------------

    def set_history(self, history: Iterable[tuple[date, str]], today: date) -> None:
        """The prompts answered so far (local day, prompt id), and the user's date today."""
        history = list(history)
        self._answered = {}
        for day, prompt_id in sorted(history):
            self._answered[prompt_id] = day
        prompt = prompt_of_the_day(self.prompts.prompts, today, history)
        self.today_prompt = prompt
        theme = self.prompts.theme(prompt.theme)
        self.today_theme.setText(f"Today's prompt · {theme.title if theme else ''}")
        self.today_text.setText(prompt.text)
        self.today_text.setAccessibleName(prompt.text)
        answered = self._answered.get(prompt.id)
        self.today_answered.setText(answered_words(answered) if answered else "")
        self.show_theme(self.current_theme())

    def current_theme(self) -> str:
        return next(t for t, b in self.theme_buttons.items() if b.isChecked())

    def show_theme(self, theme_id: str) -> None:
        theme = self.prompts.theme(theme_id)
        if theme is None:
            return
        self.theme_buttons[theme_id].setChecked(True)
        self.theme_about.setText(theme.about)
        with QSignalBlocker(self.list):
            self.list.clear()
            for prompt in self.prompts.in_theme(theme_id):
                answered = self._answered.get(prompt.id)
                text = prompt.text + (f"\n{answered_mark(answered)}" if answered else "")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, prompt.id)
                self.list.addItem(item)
        self._update_answer_button()

    def focus_today(self) -> None:
        self.today_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def forget(self) -> None:
        """Forget which prompts were answered (the vault is locking)."""
        self._answered = {}
        self.today_answered.clear()
        self.show_theme(self.current_theme())

    # ---- choosing -----------------------------------------------------------------------

    def _update_answer_button(self) -> None:
        self.answer_button.setEnabled(self.list.currentItem() is not None)

    def _answer_today(self) -> None:
        if self.today_prompt is not None:
            self.chosen.emit(self.today_prompt)

    def _answer_chosen(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._item_activated(item)

    def _item_activated(self, item: QListWidgetItem) -> None:
        prompt = self.prompts.by_id(item.data(Qt.ItemDataRole.UserRole))
        if prompt is not None:
            self.chosen.emit(prompt)
