"""Finding entries: search as you type, filters, and the three views (entries, On this day, trash).

``JournalFilters`` only holds what the user asked for and says when it changed
(``changed``); the pane turns ``query()`` into the list with ``core.journal.query``.
Typing in the search box waits ``SEARCH_DELAY_MS`` for a pause, so a fast typist gets
one search per pause, not one per letter. Every filter set is named in a quiet line
under the search, with a way to clear them, so a short list never puzzles anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.journal.entry import (
    ENTRY_TYPE_WORDS,
    ENTRY_TYPES,
    MOOD_WORDS,
    MOODS,
    EntryType,
)
from reconnect_gui.core.journal.query import SHOW_LIVE, SHOW_TRASH, JournalFilter, TagCount
from reconnect_gui.core.wording import short_day
from reconnect_gui.ui.journal.library import VIEW_ALL, VIEW_ON_THIS_DAY, VIEW_TRASH
from reconnect_gui.ui.widgets.chips import Chip, RoundedBar
from reconnect_gui.ui.widgets.debounce import Debouncer
from reconnect_gui.ui.widgets.labels import quiet_label
from reconnect_gui.ui.widgets.mood_faces import paint_mood
from reconnect_gui.ui.widgets.theme import is_dark

SEARCH_DELAY_MS = 150
VIEW_WORDS = {VIEW_ALL: "Entries", VIEW_ON_THIS_DAY: "On this day", VIEW_TRASH: "Trash"}
VIEW_DESCRIPTIONS = {
    VIEW_ALL: "Every entry, newest first",
    VIEW_ON_THIS_DAY: "What you wrote a week, a month and a year ago",
    VIEW_TRASH: "Deleted entries, kept 30 days so you can bring them back",
}
ANY_TIME, PAST_WEEK, PAST_MONTH, PAST_YEAR, CHOSEN_DATES = "any", "week", "month", "year", "dates"
WHEN_WORDS = {
    ANY_TIME: "Any time",
    PAST_WEEK: "Past 7 days",
    PAST_MONTH: "Past 30 days",
    PAST_YEAR: "Past year",
    CHOSEN_DATES: "Chosen dates",
}
KIND_PLURALS = {
    "entry": "Journal entries",
    EntryType.UNSENT_LETTER: "Unsent letters",
    EntryType.REFLECTION: "Reflections",
}
WHEN_DAYS = {PAST_WEEK: 7, PAST_MONTH: 30, PAST_YEAR: 365}


def day_words(day: date) -> str:
    return short_day(day, weekday=False, year=True)


def range_words(start: date, end: date) -> str:
    """ "22 Nov 2026", or "1 – 22 Nov 2026", or "28 Oct – 3 Nov 2026"."""
    if start == end:
        return day_words(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} – {day_words(end)}"
    if start.year == end.year:
        return f"{short_day(start, weekday=False)} – {day_words(end)}"
    return f"{day_words(start)} – {day_words(end)}"


def python_date(day: QDate) -> date:
    """``QDate.toPython()``, typed (PySide6's stubs say it returns ``object``)."""
    return date(day.year(), day.month(), day.day())


def qt_date(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def mood_icon(level: int, dark: bool, size: int = 16) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_mood(painter, QRectF(0, 0, size, size), level, dark)
    painter.end()
    return QIcon(pixmap)


class JournalFilters(QWidget):
    """The view switch, the search box, and the filters (tag, mood, kind, when)."""

    changed = Signal()  # the view, the search (after a pause) or a filter changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._view_row())
        layout.addLayout(self._search_row())
        layout.addWidget(self._panel())
        self.summary_bar = QWidget()
        summary_row = QHBoxLayout(self.summary_bar)
        summary_row.setContentsMargins(2, 0, 0, 0)
        self.summary_label = quiet_label("", italic=False)
        self.summary_label.setAccessibleName("Filters in use")
        summary_row.addWidget(self.summary_label, 1)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setAccessibleDescription("Show every entry again")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        summary_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        self.summary_bar.hide()
        layout.addWidget(self.summary_bar)
        self.search_debouncer = Debouncer(SEARCH_DELAY_MS, self.changed.emit, self)

    # ---- building -----------------------------------------------------------------------

    def _view_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[str, Chip] = {}
        for view, words in VIEW_WORDS.items():
            button = Chip(words, checkable=True)
            button.setAccessibleName(words)
            button.setAccessibleDescription(VIEW_DESCRIPTIONS[view])
            button.setToolTip(VIEW_DESCRIPTIONS[view])
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            row.addWidget(button)
        row.addStretch(1)
        self.view_buttons[VIEW_ALL].setChecked(True)
        self.view_group.buttonClicked.connect(lambda _button: self._changed_now())
        return row

    def _search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search your journal")
        self.search.setAccessibleName("Search your journal")
        self.search.setAccessibleDescription("Finds entries with all these words (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.search_debouncer.poke())
        row.addWidget(self.search, 1)
        self.filters_button = QPushButton("Filters")
        self.filters_button.setCheckable(True)
        self.filters_button.setAutoDefault(False)
        self.filters_button.setAccessibleName("Filters")
        self.filters_button.setAccessibleDescription("Show entries by tag, mood, kind or date")
        self.filters_button.toggled.connect(lambda on: self.panel.setVisible(on))
        row.addWidget(self.filters_button)
        return row

    def _panel(self) -> RoundedBar:
        self.panel = RoundedBar()
        grid = QGridLayout(self.panel)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        self._date_labels: list[QLabel] = []
        grid.setVerticalSpacing(6)
        self.tag_combo = self._combo("Tag", [("Any tag", None)])
        self.mood_combo = self._combo("Mood", [("Any mood", None)])
        dark = is_dark(self.palette())
        for level in MOODS:
            self.mood_combo.addItem(mood_icon(level, dark), MOOD_WORDS[level].capitalize(), level)
        kinds = [("All kinds", None), *((ENTRY_TYPE_WORDS[t], t) for t in ENTRY_TYPES)]
        self.type_combo = self._combo("Kind", kinds)
        self.when_combo = self._combo("When", [(w, k) for k, w in WHEN_WORDS.items()])
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        for edit, words in ((self.from_date, "From"), (self.to_date, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{words} date")
            edit.dateChanged.connect(lambda _day: self._changed_now())
        for row, (words, widget) in enumerate(
            (
                ("Tag", self.tag_combo),
                ("Mood", self.mood_combo),
                ("Kind", self.type_combo),
                ("When", self.when_combo),
                ("From", self.from_date),
                ("To", self.to_date),
            )
        ):
            label = QLabel(words)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            if words in ("From", "To"):
                self._date_labels.append(label)
        grid.setColumnStretch(1, 1)
        self.panel.hide()
        self._show_date_rows(False)
        return self.panel

    def _combo(self, name: str, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"Filter by {name.lower()}")
        for words, data in items:
            combo.addItem(words, data)
        combo.currentIndexChanged.connect(lambda _index: self._combo_changed(combo))
        return combo

    def _combos(self) -> tuple[QComboBox, ...]:
        """Tag, mood, kind, when: index 0 of each is "any"."""
        return (self.tag_combo, self.mood_combo, self.type_combo, self.when_combo)

    def _combo_changed(self, combo: QComboBox) -> None:
        if combo is self.when_combo:
            self._show_date_rows(combo.currentData() == CHOSEN_DATES)
        self._changed_now()

    def _show_date_rows(self, shown: bool) -> None:
        for widget in (self.from_date, self.to_date, *self._date_labels):
            widget.setVisible(shown)

    def _changed_now(self) -> None:
        self.search_debouncer.cancel()  # the search text is read now, with the rest
        self._update_summary()
        self.changed.emit()

    # ---- what the user asked for --------------------------------------------------------

    def view(self) -> str:
        return next(v for v, b in self.view_buttons.items() if b.isChecked())

    def set_view(self, view: str) -> None:
        if view != self.view():
            self.view_buttons[view].setChecked(True)
            self._changed_now()

    def query(self, today: date) -> JournalFilter:
        """The search and filters as ``core.journal.query`` reads them; ``today`` is the
        user's local date, for "Past 7 days" and the like."""
        tag, mood, kind = (
            c.currentData() for c in (self.tag_combo, self.mood_combo, self.type_combo)
        )
        start, end = self._date_range(today)
        return JournalFilter(
            text=self.search.text(),
            tags=frozenset([tag]) if tag else frozenset(),
            moods=frozenset([mood]) if mood else frozenset(),
            types=frozenset([kind]) if kind else frozenset(),
            start=start,
            end=end,
            show=SHOW_TRASH if self.view() == VIEW_TRASH else SHOW_LIVE,
        )

    def _date_range(self, today: date) -> tuple[date | None, date | None]:
        when = self.when_combo.currentData()
        if when in WHEN_DAYS:
            return today - timedelta(days=WHEN_DAYS[when] - 1), None
        if when == CHOSEN_DATES:
            first, last = self._chosen_dates()
            return min(first, last), max(first, last)
        return None, None

    def _chosen_dates(self) -> tuple[date, date]:
        """The "From" and "To" dates as they are set (not yet in order)."""
        return python_date(self.from_date.date()), python_date(self.to_date.date())

    def has_filters(self) -> bool:
        """True when a tag, mood, kind or date narrows the list (the search aside)."""
        return any(combo.currentIndex() > 0 for combo in self._combos())

    def set_tags(self, counts: Sequence[TagCount]) -> None:
        """The tags in use, most used first; the chosen one stays chosen while it exists."""
        chosen = self.tag_combo.currentData()
        with QSignalBlocker(self.tag_combo):
            self.tag_combo.clear()
            self.tag_combo.addItem("Any tag", None)
            for count in counts:
                self.tag_combo.addItem(f"{count.tag} ({count.count})", count.tag)
            found = self.tag_combo.findData(chosen) if chosen else 0
            self.tag_combo.setCurrentIndex(max(found, 0))
        if chosen and found < 0:
            self._changed_now()

    def show_day(self, day: date) -> None:
        """Only the entries of ``day`` (a day clicked in the mood chart)."""
        blockers = [QSignalBlocker(w) for w in (self.when_combo, self.from_date, self.to_date)]
        self.when_combo.setCurrentIndex(list(WHEN_WORDS).index(CHOSEN_DATES))
        self.from_date.setDate(qt_date(day))
        self.to_date.setDate(qt_date(day))
        del blockers
        self._show_date_rows(True)
        self.view_buttons[VIEW_ALL].setChecked(True)
        self._changed_now()

    def clear_filters(self) -> None:
        """Tag, mood, kind and date back to "any" (the search stays)."""
        for combo in self._combos():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._show_date_rows(False)
        self._changed_now()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def forget(self) -> None:
        """Drop the search words and the tag names (the vault is locking)."""
        self.search_debouncer.cancel()
        with QSignalBlocker(self.search):
            self.search.clear()
        self.set_tags([])
        for combo in (self.mood_combo, self.type_combo, self.when_combo):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._show_date_rows(False)
        with QSignalBlocker(self.view_group):
            self.view_buttons[VIEW_ALL].setChecked(True)
        self._update_summary()

    def summary(self) -> str:
        """The filters in use, in words: "Mood: low · Tag: work · 22 Nov 2026"."""
        parts = []
        if self.tag_combo.currentIndex() > 0:
            parts.append(f"Tag: {self.tag_combo.currentData()}")
        if self.mood_combo.currentIndex() > 0:
            parts.append(f"Mood: {MOOD_WORDS[self.mood_combo.currentData()]}")
        if self.type_combo.currentIndex() > 0:
            parts.append(KIND_PLURALS[self.type_combo.currentData()])
        when = self.when_combo.currentData()
        if when == CHOSEN_DATES:
            first, last = self._chosen_dates()
            parts.append(range_words(min(first, last), max(first, last)))
        elif when != ANY_TIME:
            parts.append(WHEN_WORDS[when])
        return " · ".join(parts)

    def _update_summary(self) -> None:
        words = self.summary()
        self.summary_label.setText(f"Showing only: {words}" if words else "")
        self.summary_bar.setVisible(bool(words))
        count = sum(
            c.currentIndex() > 0
            for c in (self.tag_combo, self.mood_combo, self.type_combo, self.when_combo)
        )
        self.filters_button.setText(f"Filters ({count})" if count else "Filters")
