"""The journal's list column: "New entry", the search and filters, the entries, and Undo.

It shows what the pane gives it and says what the user asked for (signals); the pane
does the work in the vault. The list is ``EntryList`` over ``JournalListModel``: one
column, one fixed row height, so 10,000 entries scroll as smoothly as ten. When nothing
is listed, a calm sentence takes the list's place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.wording import plural
from reconnect_gui.ui.journal.filters import JournalFilters
from reconnect_gui.ui.journal.library import VIEW_ALL, VIEW_ON_THIS_DAY, VIEW_TRASH
from reconnect_gui.ui.journal.model import ID_ROLE, JournalDelegate, JournalListModel
from reconnect_gui.ui.widgets.labels import caption, quiet_label, wrapped_label

LIST_WIDTH, NARROW_LIST_WIDTH = 330, 270  # px; the narrow one below WIDE_PANE
WIDE_PANE = 960  # px of the whole pane
EMPTY_WORDS = {
    "first": "No entries yet. Your first one will appear here.",
    "no_match": "Nothing matches. Try fewer or different words, or clear the filters.",
    VIEW_TRASH: (
        "The trash is empty. Entries you delete wait here for 30 days, so you can "
        "always bring them back."
    ),
    VIEW_ON_THIS_DAY: (
        "Nothing from this day a week, a month or a year ago yet. What you write today "
        "will come back here."
    ),
}


def count_words(shown: int, total: int, view: str) -> str:
    """The quiet line under the list: "1,204 entries", "3 of 1,204 entries", "2 in the trash"."""
    noun = "entry" if total == 1 else "entries"
    if view == VIEW_TRASH:
        return f"{shown:,} in the trash" if shown else ""
    if view == VIEW_ON_THIS_DAY:
        return f"{shown:,} from earlier days" if shown else ""
    if shown == total:
        return f"{total:,} {noun}" if total else ""
    return f"{shown:,} of {total:,} {noun}"


class EntryList(QTableView):
    """The entries as a list: a table of one column without headers or grid.

    Why not ``QListView``: after every search it lays out all rows again, asking the
    (Python) model about each one, about 60 ms for 10,000 entries. A table's rows are
    sections of one fixed height, laid out in constant time, so a keystroke stays quick."""

    def __init__(self, model: JournalListModel, delegate: JournalDelegate) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        delegate.setParent(self)
        self._delegate = delegate
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # on the column's own ground
        self._fit_rows()

    def _fit_rows(self) -> None:
        option = QStyleOptionViewItem()
        option.font = self.font()
        height = self._delegate.sizeHint(option, QModelIndex()).height()
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()


def short_title(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class JournalColumn(QFrame):
    """The entries, newest first, with everything that finds, starts or removes one."""

    picked = Signal(str)  # the id of the entry the user chose
    new_requested = Signal()
    delete_requested = Signal()  # the Delete key in the list
    undo_requested = Signal()

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalColumn")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setFixedWidth(NARROW_LIST_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 16, 12, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = caption("Your journal")
        top.addWidget(self.title, 1)
        self.new_button = QPushButton("New entry")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setAccessibleDescription("Start a new journal entry (Ctrl+N)")
        self.new_button.setToolTip("Start a new journal entry (Ctrl+N)")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.filters = JournalFilters()
        layout.addWidget(self.filters)

        self.model = JournalListModel(now, self)
        self.delegate = JournalDelegate()
        self.list = EntryList(self.model, self.delegate)
        self.list.setAccessibleName("Your entries, newest first")
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.title.setBuddy(self.list)
        delete = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        delete.activated.connect(self.delete_requested)
        self.empty = QWidget()
        empty_column = QVBoxLayout(self.empty)
        empty_column.setContentsMargins(4, 16, 4, 0)
        empty_column.setSpacing(10)
        self.empty_label = wrapped_label("")
        self.empty_label.setAccessibleName("No entries to show")
        empty_column.addWidget(self.empty_label)
        self.clear_button = QPushButton("Clear search and filters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_search_and_filters)
        empty_column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_column.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self.count_label = quiet_label("", italic=False)
        self.count_label.setAccessibleName("Entries shown")
        layout.addWidget(self.count_label)
        self.damaged_label = quiet_label("")
        self.damaged_label.hide()
        layout.addWidget(self.damaged_label)
        layout.addWidget(self._undo_bar())
        self._syncing = False  # True while the pane marks a row: that is not a pick

    def _undo_bar(self) -> QFrame:
        self.undo_bar = QFrame()
        row = QHBoxLayout(self.undo_bar)
        row.setContentsMargins(0, 4, 0, 0)
        self.undo_label = wrapped_label("")
        row.addWidget(self.undo_label, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo move to trash")
        self.undo_button.setAccessibleDescription(
            "Bring back the entry you just moved to the trash"
        )
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_requested)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.undo_bar.hide()
        return self.undo_bar

    def paintEvent(self, event: QPaintEvent) -> None:
        """A quiet line down the right edge, between the list and the entry."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Midlight))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.end()

    def tab_chain(self) -> tuple[QWidget, ...]:
        f = self.filters
        return (
            self.new_button,
            *f.view_buttons.values(),
            f.search,
            f.filters_button,
            f.tag_combo,
            f.mood_combo,
            f.type_combo,
            f.when_combo,
            f.from_date,
            f.to_date,
            f.clear_button,
            self.list,
            self.clear_button,
            self.undo_button,
        )

    # ---- what the list shows ------------------------------------------------------------

    def show_state(self, total: int) -> None:
        """After the model changed: the list or a calm sentence, and the count line."""
        shown, view = self.model.rowCount(), self.filters.view()
        searching = bool(self.filters.search.text().strip()) or self.filters.has_filters()
        if shown:
            self.stack.setCurrentWidget(self.list)
        else:
            if view == VIEW_ALL:
                key = "no_match" if searching else "first"
            else:
                key = "no_match" if searching else view
            self.empty_label.setText(EMPTY_WORDS[key])
            self.clear_button.setVisible(searching)
            self.stack.setCurrentWidget(self.empty)
        self.count_label.setText(count_words(shown, total, view))

    def select(self, entry_id: str | None) -> None:
        """Mark the open entry in the list (without asking to open it again)."""
        row = self.model.row_of(entry_id) if entry_id else -1
        selection = self.list.selectionModel()
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.scrollTo(index)
        finally:
            self._syncing = False

    def show_damaged(self, count: int) -> None:
        if count:
            verb = "was" if count == 1 else "were"
            self.damaged_label.setText(
                f"{plural(count, 'entry', 'entries')} could not be read and {verb} left out. "
                "The rest are safe."
            )
        self.damaged_label.setVisible(bool(count))

    def show_undo(self, title: str) -> None:
        """Offer "Undo" for the entry just moved to the trash (``title``: its display title)."""
        self.undo_label.setText(f"“{short_title(title)}” is in the trash.")
        self.undo_button.show()
        self.undo_bar.show()

    def show_note(self, text: str) -> None:
        """One quiet sentence where Undo appears (e.g. an entry is back from the trash)."""
        self.undo_label.setText(text)
        self.undo_button.hide()
        self.undo_bar.show()

    def hide_undo(self) -> None:
        self.undo_bar.hide()
        self.undo_label.clear()

    def fit_width(self, pane_width: int) -> None:
        width = NARROW_LIST_WIDTH if pane_width < WIDE_PANE else LIST_WIDTH
        if self.width() != width:
            self.setFixedWidth(width)

    def forget(self) -> None:
        """Drop every title, tag and search word shown (the vault is locking)."""
        with QSignalBlocker(self.list.selectionModel()):
            self.model.clear()
        self.delegate.forget()
        self.filters.forget()
        self.hide_undo()
        self.count_label.clear()
        self.damaged_label.clear()
        self.damaged_label.hide()
        self.empty_label.clear()

    # ---- the user's picks ---------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.picked.emit(current.data(ID_ROLE))

    def clear_search_and_filters(self) -> None:
        """Every entry again: the search box emptied and the filters back to "any"."""
        with QSignalBlocker(self.filters.search):
            self.filters.search.clear()
        self.filters.search_debouncer.cancel()  # a search typed just before is void now
        self.filters.clear_filters()
