"""The journal list: a model over the entries shown, and the delegate that paints each row.

Model/view keeps the list smooth with any number of entries: the model holds the entries
(already searched and filtered by ``core.journal.query``) and answers only for the rows
on screen; the delegate paints a row in one pass (mood face, title or first line, date,
kind and tags) at one fixed height, so the view never measures 10,000 rows.

The mood faces come from ui/widgets/mood_faces.py, so the list, the editor's mood picker
and the home screen's check-in show the same five pictures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reconnect_gui.core.countdown.moments import is_zone_name, local
from reconnect_gui.core.journal.entry import (
    ENTRY_TYPE_WORDS,
    MOOD_WORDS,
    EntryType,
    JournalEntry,
    plain_line,
)
from reconnect_gui.core.journal.query import match_spans
from reconnect_gui.core.wording import short_day
from reconnect_gui.ui.widgets.colours import mixed
from reconnect_gui.ui.widgets.mood_faces import MOOD_COLOURS, paint_mood  # noqa: F401
from reconnect_gui.ui.widgets.theme import is_dark

Index = QModelIndex | QPersistentModelIndex

# Roles beyond Qt's own: what the delegate and the tests read from a row.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the JournalEntry
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_ROLE = Qt.ItemDataRole.UserRole + 3  # "Today 14:05", "Tue 17 Nov", "3 Mar 2025"
MOOD_ROLE = Qt.ItemDataRole.UserRole + 4  # 1…5 or None
TAGS_ROLE = Qt.ItemDataRole.UserRole + 5  # tuple of str
TYPE_ROLE = Qt.ItemDataRole.UserRole + 6  # "entry", "unsent_letter", "reflection"
NOTE_ROLE = Qt.ItemDataRole.UserRole + 7  # "A year ago", "Deleted for good in 12 days", ""

# Unsent letters and reflections carry a small tinted label (light, dark).
TYPE_TINTS = {
    EntryType.UNSENT_LETTER: ("#a34f37", "#e8a088"),
    EntryType.REFLECTION: ("#2e6b70", "#7cc3c6"),
}
# The label's words: the tint with this share of the text colour, 4.5:1 on its tinted
# ground (also under the mouse); on a selected row, a faint light wash behind them.
BADGE_INK_SHARE = 0.3
SELECTED_BADGE_ALPHA = 24

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ELIDE = Qt.TextElideMode.ElideRight
TEXT_CACHE_ROWS = 5000  # cut titles kept for painting, about ten screens of scrolling
ROW_PADDING = 9  # px above and below a row's two lines
FACE_SIZE = 22
SNIPPET_LEAD = 24  # characters shown before a match found in the body
SNIPPET_LENGTH = 160  # characters of the body around it (the row cuts it to its width)
MARK_SHARE = 0.35  # a search match's ground: this share of the highlight colour
SELECTED_MARK_ALPHA = 70  # on a selected row, a light wash instead


def body_snippet(body: str, words: tuple[str, ...]) -> str:
    """A few words of ``body`` around the first match of the searched ``words``, on one
    line ("…and then the lake was quiet…"); "" when the body has no match."""
    spans = match_spans(body, words)
    if not spans:
        return ""
    start = max(0, spans[0][0] - SNIPPET_LEAD)
    if start:  # begin at a word, not inside one
        space = body.find(" ", start, spans[0][0])
        start = space + 1 if space >= 0 else start
    # Read as the list reads a first line: without Markdown marks ("# Today" is "Today").
    lines = (plain_line(line) for line in body[start : start + SNIPPET_LENGTH].splitlines())
    piece = " ".join(" ".join(line.split()) for line in lines if line)
    return ("…" if start else "") + piece


def date_words(moment: datetime, now: datetime, zone: str, *, with_time: bool = True) -> str:
    """When an entry was written, short: "Today 14:05", "Yesterday 21:10", "Tue 17 Nov",
    and "3 Mar 2025" for another year, in the user's zone. A back-dated entry has a day
    but no time of its own (``with_time=False``): "Yesterday"."""
    there, today = local(moment, zone), local(now, zone).date()
    day = there.date()
    clock = f" {there:%H:%M}" if with_time else ""
    if day == today:
        return f"Today{clock}"
    if day == today - timedelta(days=1):
        return f"Yesterday{clock}"
    if day.year == today.year:
        return short_day(day)
    return short_day(day, weekday=False, year=True)


def type_tint(entry_type: EntryType, dark: bool) -> QColor | None:
    pair = TYPE_TINTS.get(entry_type)
    return QColor(pair[1 if dark else 0]) if pair else None


class JournalListModel(QAbstractListModel):
    """The entries the list shows, in the order given (newest first), one per row."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = "UTC"
        self._entries: list[JournalEntry] = []
        self._notes: dict[str, str] = {}
        self.search: tuple[str, ...] = ()  # folded words searched for: the rows mark them
        self._tz: tzinfo = UTC
        self._dates: dict[str, tuple[datetime, str]] = {}  # id -> (created, date words)
        self._dates_day: date | None = None

    # ---- what the list shows ------------------------------------------------------------

    def set_zone(self, zone: str) -> None:
        self._zone = zone
        self._tz = ZoneInfo(zone) if is_zone_name(zone) else UTC
        self._dates, self._dates_day = {}, None

    def set_entries(
        self,
        entries: Sequence[JournalEntry],
        notes: Mapping[str, str] | None = None,
        search: tuple[str, ...] = (),
    ) -> None:
        """Show ``entries`` (in this order); ``notes`` adds a few words to some rows, by id;
        ``search``: the folded words searched for, marked in each row."""
        self.beginResetModel()
        self._entries = list(entries)
        self._notes = dict(notes or {})
        self.search = search
        self.endResetModel()

    def put(self, entry: JournalEntry) -> bool:
        """Show the new state of an entry already listed; False when it is not listed."""
        row = self.row_of(entry.id)
        if row < 0:
            return False
        self._entries[row] = entry
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return True

    def insert(self, entry: JournalEntry, row: int = 0) -> None:
        """Add an entry at ``row`` (a new entry goes on top)."""
        row = max(0, min(row, len(self._entries)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self.endInsertRows()

    def remove(self, entry_id: str) -> None:
        row = self.row_of(entry_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self._notes.pop(entry_id, None)
        self.endRemoveRows()

    def clear(self) -> None:
        """Forget every entry and the search words (the vault is locking)."""
        self.set_entries([])
        self._dates, self._dates_day = {}, None

    def entries(self) -> list[JournalEntry]:
        return list(self._entries)

    def row_words(self, row: int) -> tuple[JournalEntry, str, str] | None:
        """The entry of ``row``, its date in words and its note: all a row paints."""
        if not 0 <= row < len(self._entries):
            return None
        entry = self._entries[row]
        return entry, self.date_of(entry), self._notes.get(entry.id, "")

    def date_of(self, entry: JournalEntry) -> str:
        """``date_words`` for the entry, kept per day (a row is painted many times)."""
        now = self._now()
        today = now.astimezone(self._tz).date()
        if today != self._dates_day:
            self._dates, self._dates_day = {}, today
        found = self._dates.get(entry.id)
        if found is None or found[0] != entry.when:
            found = self._dates[entry.id] = (
                entry.when,
                date_words(entry.when, now, self._zone, with_time=not entry.is_back_dated),
            )
        return found[1]

    def entry_at(self, row: int) -> JournalEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: str) -> int:
        """The row showing ``entry_id``; -1 when it is not listed. A scan (under a
        millisecond for 10,000 rows) costs less than keeping an index after each search."""
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return -1

    # ---- QAbstractListModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.display_title
        if role == ENTRY_ROLE:
            return entry
        if role == ID_ROLE:
            return entry.id
        if role == DATE_ROLE:
            return self.date_of(entry)
        if role == MOOD_ROLE:
            return entry.mood
        if role == TAGS_ROLE:
            return entry.tags
        if role == TYPE_ROLE:
            return entry.entry_type
        if role == NOTE_ROLE:
            return self._notes.get(entry.id, "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(entry)
        return None

    def _spoken(self, entry: JournalEntry) -> str:
        """The row as one sentence for a screen reader."""
        parts = [entry.display_title, self.date_of(entry)]
        if entry.entry_type != EntryType.ENTRY:
            parts.append(ENTRY_TYPE_WORDS[entry.entry_type])
        if entry.mood is not None:
            parts.append(f"mood {MOOD_WORDS[entry.mood]}")
        if entry.tags:
            parts.append("tags " + ", ".join(entry.tags))
        note = self._notes.get(entry.id, "")
        if note:
            parts.append(note)
        return ", ".join(parts)


@dataclass(frozen=True)
class _RowText:
    """What a row writes, measured and cut to its width once (painting reuses it)."""

    title: str
    when_width: int
    rest: str  # note and tags (or, in a search, the body's match), cut to fit
    badge_width: int
    title_marks: tuple[tuple[int, int], ...] = ()  # search matches in ``title``
    rest_marks: tuple[tuple[int, int], ...] = ()  # ...and in ``rest``


class JournalDelegate(QStyledItemDelegate):
    """Paints one row: mood face, title (or first line), then date, kind, note and tags.

    Painting is the cost of scrolling, so each row's cut text and each mood face are
    kept after their first paint (``_texts``, ``_faces``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts_for = ""
        self._title_font = QFont()
        self._small_font = QFont()
        self._title_metrics = QFontMetrics(self._title_font)
        self._small_metrics = QFontMetrics(self._small_font)
        self._texts: dict[tuple[Any, ...], _RowText] = {}
        self._faces: dict[tuple[int, bool, float], QPixmap] = {}

    def _fonts(self, base: QFont) -> tuple[QFont, QFont]:
        key = base.key()
        if key != self._fonts_for:  # build the two fonts once per base font
            self._title_font = QFont(base)
            self._title_font.setWeight(QFont.Weight.DemiBold)
            self._small_font = QFont(base)
            if base.pointSizeF() > 0:
                self._small_font.setPointSizeF(base.pointSizeF() * 0.9)
            self._title_metrics = QFontMetrics(self._title_font)
            self._small_metrics = QFontMetrics(self._small_font)
            self._texts.clear()
            self._fonts_for = key
        return self._title_font, self._small_font

    def forget(self) -> None:
        """Drop the cut titles and tags kept for painting (the vault is locking)."""
        self._texts.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self._fonts(option.font)
        height = self._title_metrics.height() + self._small_metrics.height()
        return QSize(200, height + 2 * ROW_PADDING + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        found = model.row_words(index.row()) if isinstance(model, JournalListModel) else None
        if found is None:
            return
        entry, when, note = found
        search = model.search if isinstance(model, JournalListModel) else ()
        palette: QPalette = option.palette
        dark = is_dark(palette)
        title_font, small_font = self._fonts(option.font)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        # The list is drawn on the column's ground (alternate-base), not on Base.
        ground = palette.color(QPalette.ColorRole.AlternateBase)
        if selected:
            text = muted = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            text = palette.color(QPalette.ColorRole.Text)
            muted = palette.color(QPalette.ColorRole.PlaceholderText)

        rect = QRectF(option.rect).adjusted(4, 2, -4, -2)
        shaded = selected or bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus) and not selected
        if selected:  # over the view's own square row highlight: the rounded one goes on top
            painter.fillRect(option.rect, ground)
        if shaded or focused:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if shaded:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(
                    palette.color(QPalette.ColorRole.Highlight)
                    if selected
                    else mixed(ground, palette.color(QPalette.ColorRole.Text), 0.06)
                )
                painter.drawRoundedRect(rect, 6, 6)
            if focused:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
            painter.restore()

        tint = type_tint(entry.entry_type, dark)
        if entry.entry_type == EntryType.UNSENT_LETTER and tint is not None and not selected:
            # A letter never sent: a quiet mark down its side, so it is told apart at a glance.
            painter.fillRect(QRectF(rect.left() + 1, rect.top() + 6, 3, rect.height() - 12), tint)
        left = rect.left() + 12
        if entry.mood is not None:
            face = self._face(entry.mood, dark, painter.device().devicePixelRatioF())
            painter.drawPixmap(int(left), int(rect.center().y() - FACE_SIZE / 2), face)
        left += FACE_SIZE + 10
        right = rect.right() - 10
        words = self.row_text(entry, when, note, int(right - left), tint is not None, search)
        mark = (
            QColor(255, 255, 255, SELECTED_MARK_ALPHA)
            if selected
            else mixed(ground, palette.color(QPalette.ColorRole.Highlight), MARK_SHARE)
        )
        top = rect.top() + ROW_PADDING - 2

        # Line one: the title (or first line), as much of it as fits.
        painter.setFont(title_font)
        painter.setPen(text)
        line_one = QRectF(left, top, right - left, self._title_metrics.height())
        _paint_marks(painter, line_one, words.title, words.title_marks, self._title_metrics, mark)
        painter.drawText(line_one, LEFT, words.title)
        # Line two: when, the kind (when not a plain entry), a note, the tags.
        line_two = QRectF(left, line_one.bottom() + 4, right - left, self._small_metrics.height())
        painter.setFont(small_font)
        painter.setPen(muted)
        painter.drawText(line_two, LEFT, when)
        x = left + words.when_width + 5
        if tint is not None:
            badge = QRectF(x, line_two.top(), words.badge_width, line_two.height())
            self._paint_badge(painter, badge, entry.entry_type, tint, ground, selected, text)
            x = badge.right() + 6
        if words.rest:
            painter.setPen(muted)
            rest = QRectF(x, line_two.top(), right - x, line_two.height())
            _paint_marks(painter, rest, words.rest, words.rest_marks, self._small_metrics, mark)
            painter.drawText(rest, LEFT, words.rest)

    def _face(self, level: int, dark: bool, ratio: float) -> QPixmap:
        key = (level, dark, ratio)
        face = self._faces.get(key)
        if face is None:
            face = QPixmap(round(FACE_SIZE * ratio), round(FACE_SIZE * ratio))
            face.setDevicePixelRatio(ratio)
            face.fill(Qt.GlobalColor.transparent)
            face_painter = QPainter(face)
            paint_mood(face_painter, QRectF(0, 0, FACE_SIZE, FACE_SIZE), level, dark)
            face_painter.end()
            self._faces[key] = face
        return face

    def row_text(
        self,
        entry: JournalEntry,
        when: str,
        note: str,
        width: int,
        badge: bool,
        search: tuple[str, ...] = (),
    ) -> _RowText:
        key = (entry.id, entry.updated, when, note, width, search)
        found = self._texts.get(key)
        if found is not None:
            return found
        if len(self._texts) > TEXT_CACHE_ROWS:
            self._texts.clear()
        small = self._small_metrics
        title = self._title_metrics.elidedText(entry.display_title, ELIDE, max(width, 0))
        when_width = small.horizontalAdvance(when)
        badge_width = small.horizontalAdvance(ENTRY_TYPE_WORDS[entry.entry_type]) + 12
        room = width - when_width - 5 - (badge_width + 6 if badge else 0)
        # In a search, where the body matches says more than the tags.
        snippet = body_snippet(entry.body, search) if search else ""
        bits = [bit for bit in (note, snippet or ", ".join(entry.tags)) if bit]
        rest = ""
        if bits and room > 0:
            joined = " · ".join(bits) if badge else "· " + " · ".join(bits)
            rest = small.elidedText(joined, ELIDE, room)
        found = self._texts[key] = _RowText(
            title,
            when_width,
            rest,
            badge_width,
            tuple(match_spans(title, search)),
            tuple(match_spans(rest, search)),
        )
        return found

    def _paint_badge(
        self,
        painter: QPainter,
        badge: QRectF,
        entry_type: EntryType,
        tint: QColor,
        ground: QColor,
        selected: bool,
        text: QColor,
    ) -> None:
        """The kind of entry as a small tinted label."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            QColor(255, 255, 255, SELECTED_BADGE_ALPHA) if selected else mixed(ground, tint, 0.16)
        )
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(text if selected else mixed(tint, text, BADGE_INK_SHARE))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, ENTRY_TYPE_WORDS[entry_type])
        painter.restore()


def _paint_marks(
    painter: QPainter,
    rect: QRectF,
    text: str,
    marks: tuple[tuple[int, int], ...],
    metrics: QFontMetrics,
    colour: QColor,
) -> None:
    """A soft rounded ground behind each search match in ``text`` (drawn left-aligned
    in ``rect``), painted before the text itself."""
    if not marks:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    height = metrics.height()
    top = rect.center().y() - height / 2
    for start, end in marks:
        x = rect.left() + metrics.horizontalAdvance(text[:start])
        if x >= rect.right():
            break
        width = min(float(metrics.horizontalAdvance(text[start:end])), rect.right() - x)
        painter.drawRoundedRect(QRectF(x - 1, top, width + 2, height), 3, 3)
    painter.restore()
