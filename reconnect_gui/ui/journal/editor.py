"""One journal entry, open for writing: kind, title, words, mood, feelings and tags.

``JournalEditor`` only shows an entry and says when the user changed something
(``edited``); saving is ``OpenEntry``'s and the entries are the pane's. Text the
pane puts in (opening an entry) never counts as typing.

The three kinds look different on purpose. A reflection shows the prompt it answers
above the words. An unsent letter sits on paper-coloured ground in a letter typeface,
under a line that says it will never be sent; nothing here offers to copy it: no copy
button, no Copy or Cut in its menu, no export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QEvent, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.moments import FIRST_YEAR, local
from reconnect_gui.core.journal.entry import (
    ENTRY_TYPE_WORDS,
    ENTRY_TYPES,
    EntryType,
    JournalEntry,
    entry_day,
)
from reconnect_gui.core.journal.query import TagCount, match_spans, word_count
from reconnect_gui.core.wording import plural, short_day
from reconnect_gui.ui.journal.entry_controls import FeelingChips, TagEditor
from reconnect_gui.ui.journal.markdown import MarkdownHighlighter
from reconnect_gui.ui.journal.model import type_tint
from reconnect_gui.ui.widgets.chips import RoundedBar
from reconnect_gui.ui.widgets.colours import mixed, severity_colour
from reconnect_gui.ui.widgets.debounce import Debouncer
from reconnect_gui.ui.widgets.labels import caption, quiet_label, wrapped_label
from reconnect_gui.ui.widgets.mood_faces import MoodPicker
from reconnect_gui.ui.widgets.theme import is_dark

PLACEHOLDERS = {
    EntryType.ENTRY: "Write whatever is on your mind. Only you will read this.",
    EntryType.UNSENT_LETTER: (
        "Dear …\n\nSay everything you need to say. This letter will not be sent."
    ),
    EntryType.REFLECTION: "Take your time. There is no right answer, only yours.",
}
LETTER_NOTE = (
    "Write it, don't send it. This letter stays here in your journal, encrypted. "
    "Reconnect never sends it and never offers to copy it anywhere."
)
LETTER_PAPER = ("#fbf5ea", "#272420")  # light, dark: the ground an unsent letter is written on
NO_COPY_ACTIONS = ("edit-copy", "edit-cut", "link-copy")  # Qt's names in the text menu
WORDS_DELAY_MS = 150
DAY_FORMAT = "ddd d MMM yyyy"  # "Tue 17 Nov 2026": the weekday helps place a day
DAY_DESCRIPTION = (
    "The day this entry is about. Choose an earlier day to write about it; "
    "the day you wrote it is kept too."
)


def words_text(count: int) -> str:
    return plural(count, "word")


def _qt_date(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DayEdit(QDateEdit):
    """The day an entry is about. Tab leaves the field, as everywhere else in the entry;
    the arrow keys (and typing) move between its weekday, day, month and year."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class BodyEdit(QPlainTextEdit):
    """The entry's words. For an unsent letter, the menu offers no way to copy them."""

    no_copy = False

    def context_menu(self, pos: QPoint | None = None) -> QMenu:
        """The menu a right-click opens (without Copy and Cut for an unsent letter)."""
        menu = self.createStandardContextMenu(pos or QPoint(0, 0))
        if self.no_copy:
            for action in menu.actions():
                if action.objectName() in NO_COPY_ACTIONS:
                    menu.removeAction(action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())


class JournalEditor(QWidget):
    """The editor side of the journal pane, for one entry at a time."""

    edited = Signal()  # the user changed something in the entry
    trash_requested = Signal()
    export_requested = Signal()
    restore_requested = Signal()  # from the trash
    purge_requested = Signal()  # "Delete now", from the trash

    def __init__(
        self, now: Callable[[], datetime] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self.zone = "UTC"  # the user's zone: the day field shows days there
        self._written = date(1970, 1, 1)  # the day the open entry was written
        self._search: tuple[str, ...] = ()  # folded words to mark in the body
        self._loading = False
        self._entry_type = EntryType.ENTRY
        self._read_only = False
        # Everything but the actions scrolls: in a small window (720×480) with the trash
        # bar or a prompt showing, nothing is squeezed into overlapping; the words, the
        # moods and the way to the trash stay whole and in reach.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        content.setObjectName("journalEditorContent")
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 8)
        layout.setSpacing(10)
        self.notice, notice_row = self._bar("journalNotice", "Notice")
        self.notice_label = wrapped_label("")
        notice_row.addWidget(self.notice_label, 1)
        dismiss = QPushButton("OK")
        dismiss.setAccessibleName("Dismiss notice")
        dismiss.setAutoDefault(False)
        dismiss.clicked.connect(self.hide_notice)
        notice_row.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.notice)
        layout.addWidget(self._trash_bar())
        layout.addLayout(self._top_row())
        layout.addWidget(self._letter_bar())
        layout.addWidget(self._prompt_box())
        self.body = BodyEdit()
        self.body.setAccessibleName("Your entry")
        self.body.setTabChangesFocus(True)
        font = QFont(self.body.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.body.setFont(font)
        self._body_font = font
        self.body.document().setDocumentMargin(12)
        self.body.setMinimumHeight(110)
        self.highlighter = MarkdownHighlighter(self.body.document(), font)
        # contentsChange, not textChanged: the highlighter's repaints emit textChanged too.
        self.body.document().contentsChange.connect(self._contents_changed)
        layout.addWidget(self.body, 1)
        layout.addLayout(self._details())
        status = self._status_row()
        status.setContentsMargins(16, 4, 16, 12)
        outer.addLayout(status)
        self.words_debouncer = Debouncer(WORDS_DELAY_MS, self._count_words, self)
        self._apply_look()

    # ---- building -----------------------------------------------------------------------

    def _bar(self, name: str, accessible: str) -> tuple[RoundedBar, QHBoxLayout]:
        """A hidden rounded bar, and the row that lays out what goes in it."""
        bar = RoundedBar()
        bar.setObjectName(name)
        bar.setAccessibleName(accessible)
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 8, 8, 8)
        row.setSpacing(10)
        bar.hide()
        return bar, row

    def _trash_bar(self) -> RoundedBar:
        self.trash_bar, row = self._bar("journalTrashBar", "In the trash")
        self.trash_label = wrapped_label("")
        row.addWidget(self.trash_label, 1)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setAccessibleName("Restore entry")
        self.restore_button.setAccessibleDescription("Bring this entry back to your journal")
        self.restore_button.clicked.connect(self.restore_requested)
        self.purge_button = QPushButton("Delete now…")
        self.purge_button.setAccessibleName("Delete now")
        self.purge_button.setAccessibleDescription("Delete this entry for good (asks first)")
        self.purge_button.clicked.connect(self.purge_requested)
        for button in (self.restore_button, self.purge_button):
            button.setAutoDefault(False)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return self.trash_bar

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        self.type_combo = QComboBox()
        for entry_type in ENTRY_TYPES:
            self.type_combo.addItem(ENTRY_TYPE_WORDS[entry_type], entry_type)
        self.type_combo.setAccessibleName("Kind of entry")
        self.type_combo.setAccessibleDescription(
            "A journal entry, a letter you will not send, or a reflection on a prompt"
        )
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        row.addWidget(self.type_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional)")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setMaxLength(200)
        self.title_edit.textEdited.connect(self._user_edit)
        row.addWidget(self.title_edit, 1)
        return row

    def _letter_bar(self) -> RoundedBar:
        self.letter_bar, row = self._bar("journalLetterBar", "Unsent letter")
        self.letter_label = wrapped_label(LETTER_NOTE)
        row.addWidget(self.letter_label, 1)
        return self.letter_bar

    def _prompt_box(self) -> RoundedBar:
        self.prompt_box, row = self._bar("journalPrompt", "Prompt")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(quiet_label("You are reflecting on", italic=False))
        self.prompt_label = wrapped_label("")
        font = QFont(self.prompt_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.08)
        font.setItalic(True)
        self.prompt_label.setFont(font)
        column.addWidget(self.prompt_label)
        row.addLayout(column, 1)
        return self.prompt_box

    def _details(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.mood_picker = MoodPicker()
        self.mood_picker.changed.connect(self._user_edit)
        self.feelings = FeelingChips()
        self.feelings.changed.connect(self._user_edit)
        self.tags = TagEditor()
        self.tags.changed.connect(self._user_edit)
        # The day it is about, on its own line: it fits beside its label in a narrow window.
        self.day_edit = DayEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(DAY_FORMAT)
        self.day_edit.setMinimumDate(QDate(FIRST_YEAR + 1, 1, 1))  # a day the vault can hold
        self.day_edit.setAccessibleName("Day")
        self.day_edit.lineEdit().setAccessibleName("Day")  # the words typed in the field
        self.day_edit.setAccessibleDescription(DAY_DESCRIPTION)
        self.day_edit.setToolTip(DAY_DESCRIPTION)
        self.day_edit.dateChanged.connect(self._day_changed)
        day_row = QHBoxLayout()
        day_row.setSpacing(10)
        day_row.addWidget(self.day_edit)
        self.day_note = quiet_label("", italic=False)
        self.day_note.setWordWrap(False)
        day_row.addWidget(self.day_note, 1)
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        grid.addWidget(caption("Day", self.day_edit), 0, 0, top_left)
        grid.addLayout(day_row, 0, 1)
        rows: tuple[tuple[str, QWidget], ...] = (
            ("Mood", self.mood_picker),
            ("Feelings", self.feelings),
            ("Tags", self.tags),
        )
        for row, (words, widget) in enumerate(rows, start=1):
            grid.addWidget(caption(words, widget), row, 0, top_left)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.words_label = quiet_label("", italic=False)
        self.words_label.setAccessibleName("Word count")
        self.words_label.setWordWrap(False)
        row.addWidget(self.words_label)
        self.saved_label = quiet_label("", italic=False)
        self.saved_label.setAccessibleName("Save status")
        self.saved_label.setWordWrap(False)
        row.addWidget(self.saved_label)
        row.addStretch(1)
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Export entry")
        self.export_button.setAccessibleDescription(
            "Save this entry as a plain Markdown file (not encrypted; asks first)"
        )
        self.export_button.clicked.connect(self.export_requested)
        self.trash_button = QPushButton("Move to trash")
        self.trash_button.setAccessibleName("Move to trash")
        self.trash_button.setAccessibleDescription(
            "You can undo this right away, and the trash keeps it for 30 days"
        )
        self.trash_button.clicked.connect(self.trash_requested)
        for button in (self.export_button, self.trash_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        return row

    def tab_chain(self) -> tuple[QWidget, ...]:
        """Kind and title, the words, mood, feelings, tags, then the entry's actions."""
        return (
            self.restore_button,
            self.purge_button,
            self.type_combo,
            self.title_edit,
            self.body,
            self.day_edit,
            *self.mood_picker.buttons.values(),
            *self.feelings.buttons.values(),
            self.feelings.more_button,
            *self.tags.tab_chain(),
            self.export_button,
            self.trash_button,
        )

    # ---- the entry ----------------------------------------------------------------------

    def show_entry(
        self, entry: JournalEntry, read_only: bool = False, trash_note: str = ""
    ) -> None:
        """Show an entry as stored; ``read_only`` with ``trash_note`` for one in the trash."""
        self._loading = True
        try:
            self.title_edit.setText(entry.title)
            self.body.setPlainText(entry.body)
            with QSignalBlocker(self.type_combo):
                self.type_combo.setCurrentIndex(ENTRY_TYPES.index(entry.entry_type))
            self.mood_picker.set_mood(entry.mood)
            self.feelings.set_feelings(entry.feelings)
            self.tags.set_tags(entry.tags)
            self._show_day(entry)
        finally:
            self._loading = False
        self.body.document().clearUndoRedoStacks()  # undo never reaches another entry
        self.body.moveCursor(self.body.textCursor().MoveOperation.End)
        self.prompt_label.setText(entry.prompt_text)
        self._entry_type = entry.entry_type
        self._read_only = read_only
        self.trash_label.setText(trash_note)
        self.set_saved("")
        self._apply_look()
        self._count_words()
        self._mark_search()

    def _show_day(self, entry: JournalEntry) -> None:
        """The day the entry is about; days after today cannot be chosen."""
        today = local(self._now(), self.zone).date()
        self._written = local(entry.created, self.zone).date()
        shown = entry_day(entry, self.zone)
        with QSignalBlocker(self.day_edit):
            self.day_edit.setMaximumDate(_qt_date(max(today, shown, self._written)))
            self.day_edit.setDate(_qt_date(shown))
        self._mark_day()

    def day(self) -> date:
        """The day chosen in the day field."""
        day = self.day_edit.date()
        return date(day.year(), day.month(), day.day())

    def _day_changed(self, _day: QDate) -> None:
        self._mark_day()
        self._user_edit()

    def _mark_day(self) -> None:
        """A back-dated entry says so, and when it was really written, on the field."""
        written = f"Written on {short_day(self._written, year=True)}."
        back_dated = self.day() != self._written
        # Said in words beside the field: "Written on Sun 22 Nov", so both days are seen.
        self.day_note.setText(f"Written on {short_day(self._written)}" if back_dated else "")
        self.day_edit.setToolTip(f"{DAY_DESCRIPTION}\n{written}" if back_dated else DAY_DESCRIPTION)
        self.day_edit.setAccessibleDescription(
            f"{DAY_DESCRIPTION} {written}" if back_dated else DAY_DESCRIPTION
        )

    # ---- search words marked in the entry -------------------------------------------------

    def mark_search(self, words: tuple[str, ...]) -> None:
        """Mark where the searched ``words`` (folded, ``core.journal.query.search_words``)
        appear in the body, so the match is easy to find in a long entry."""
        self._search = words
        self._mark_search()

    def search_marks(self) -> list[tuple[int, int]]:
        """(start, end) of every marked match in the body, in order."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self.body.extraSelections()
        ]

    def _mark_search(self) -> None:
        marks = []
        if self._search:
            document = self.body.document()
            mark = QTextCharFormat()
            palette = self.body.palette()
            mark.setBackground(
                mixed(
                    palette.color(QPalette.ColorRole.Base),
                    palette.color(QPalette.ColorRole.Highlight),
                    0.35,
                )
            )
            mark.setForeground(palette.color(QPalette.ColorRole.Text))
            for start, end in match_spans(self.body.toPlainText(), self._search):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = mark
                marks.append(selection)
        self.body.setExtraSelections(marks)

    def values(self) -> dict[str, object]:
        """What the editor holds now, as ``core.journal.entry.edited`` takes it, and the
        chosen ``day`` (``core.journal.entry.dated_on`` turns it into the entry's day)."""
        return {
            "day": self.day(),
            "title": self.title_edit.text(),
            "body": self.body.toPlainText(),
            "mood": self.mood_picker.mood(),
            "feelings": self.feelings.feelings(),
            "tags": self.tags.tags(),
            "entry_type": self._entry_type,
        }

    def set_tag_counts(self, counts: list[TagCount]) -> None:
        self.tags.set_counts(counts)

    def set_saved(self, text: str, problem: str = "") -> None:
        """The quiet save word; ``problem`` (why it failed) shows in the problem colour."""
        self.saved_label.setText(text)
        self.saved_label.setToolTip(problem or ("Encrypted, on this computer" if text else ""))
        self.saved_label.setAccessibleDescription(problem)
        palette = self.palette()
        if problem:
            colour = severity_colour("problem", is_dark(palette))
            palette.setColor(QPalette.ColorRole.PlaceholderText, colour)
        self.saved_label.setPalette(palette)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
        self.notice_label.clear()
        self.notice.setAccessibleDescription("")

    def focus_body(self) -> None:
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        """Drop every trace of the user's words (the vault is locking)."""
        self.words_debouncer.cancel()
        self._loading = True
        try:
            self.title_edit.clear()
            self.body.setPlainText("")
            self.mood_picker.set_mood(None)
            self.feelings.set_feelings(())
            self.tags.forget()
        finally:
            self._loading = False
        self._search = ()
        self.body.setExtraSelections([])
        self.day_note.clear()
        self.body.document().clearUndoRedoStacks()
        self.prompt_label.clear()
        self.trash_label.clear()
        self.hide_notice()
        self.set_saved("")
        self.words_label.clear()

    # ---- reacting to the user -----------------------------------------------------------

    def _contents_changed(self, _position: int = 0, removed: int = 0, added: int = 0) -> None:
        if not self._loading and (removed or added):
            self.words_debouncer.poke()
            self.edited.emit()

    def _user_edit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _type_chosen(self, index: int) -> None:
        self._entry_type = ENTRY_TYPES[index]
        self._apply_look()
        self._user_edit()

    def _count_words(self) -> None:
        self.words_label.setText(words_text(word_count(self.body.toPlainText())))
        if self._search:
            self._mark_search()  # words typed since may match too

    # ---- how the entry looks ------------------------------------------------------------

    def _apply_look(self) -> None:
        """Placeholder, letter paper and typeface, prompt, and what can be done with it."""
        kind, read_only = self._entry_type, self._read_only
        letter = kind == EntryType.UNSENT_LETTER
        self.body.setPlaceholderText(PLACEHOLDERS[kind])
        self.body.no_copy = letter
        self.letter_bar.setVisible(letter)
        self.prompt_box.setVisible(kind == EntryType.REFLECTION and bool(self.prompt_label.text()))
        self.trash_bar.setVisible(read_only)
        for widget in (self.title_edit, self.body):
            widget.setReadOnly(read_only)
        for control in (self.type_combo, self.day_edit, self.mood_picker, self.feelings, self.tags):
            control.setEnabled(not read_only)
        self.export_button.setVisible(not read_only)
        self.trash_button.setVisible(not read_only)
        self.export_button.setEnabled(not letter)
        self.export_button.setToolTip(
            "Unsent letters stay in your journal: they are not exported one by one."
            if letter
            else "Save this entry as a plain Markdown file"
        )
        self._paint_paper(letter)

    def _paint_paper(self, letter: bool) -> None:
        dark = is_dark(self.palette())
        palette = QPalette(self.palette())
        font = QFont(self._body_font)
        if letter:
            palette.setColor(QPalette.ColorRole.Base, QColor(LETTER_PAPER[1 if dark else 0]))
            font.setFamilies(["Georgia", "Cambria", "DejaVu Serif", "serif"])
            font.setStyleHint(QFont.StyleHint.Serif)
        self.body.setPalette(palette)
        self.body.setFont(font)
        self.highlighter.set_font(font)
        window = self.palette().color(QPalette.ColorRole.Window)
        tint = type_tint(EntryType.UNSENT_LETTER, dark) or window
        self.letter_bar.set_colours(mixed(window, tint, 0.1), mixed(window, tint, 0.45))
        self.highlighter.set_colours(
            self.palette().color(QPalette.ColorRole.PlaceholderText),
            self.palette().color(QPalette.ColorRole.Highlight),
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._paint_paper(self._entry_type == EntryType.UNSENT_LETTER)
