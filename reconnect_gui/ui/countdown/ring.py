"""The home screen's progress ring: a custom-painted picture of ``core.countdown.view.RingView``.

The ring only draws what ``ring_view`` says; it computes no days itself. It wakes up once
a minute, and only while it is on screen: one single-shot timer is aimed at the moment
the words change (``RingView.next_change``), started when the ring is shown and stopped
when it is hidden (another pane, a minimised window, the tray), so a hidden ring costs
nothing. Coming back recomputes everything from ``now()``, so nothing is missed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QHideEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reconnect_gui.core.countdown.contact_log import ContactEntry
from reconnect_gui.core.countdown.milestones import dot_words
from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.countdown.stats import milestones
from reconnect_gui.core.countdown.view import RingView, ring_view
from reconnect_gui.ui.widgets.colours import mixed

ACCESSIBLE_NAME = "No-Contact progress"
PLACEHOLDER = "Locked"  # the quiet word in the empty ring
# Fire a little after the minute turns, so ring_view already sees the new minute.
TIMER_MARGIN_MS = 50
MIN_SIDE = 200
RING_MAX = 380  # px: big enough to read across the room, small enough to leave room below
RING_MIN = 200  # px: the home screen's ring never shrinks below this
HINT_SIDE = 300
MIN_MARK_GAP_DEGREES = 8.0  # milestone marks closer than this (long targets) would blur


@dataclass(frozen=True)
class RingGeometry:
    """Where the ring sits inside a rectangle; shared by painting and the tests."""

    ring: QRectF  # the circle through the middle of the stroke
    stroke: float
    text_radius: float  # text stays inside this circle

    @property
    def center(self) -> QPointF:
        return self.ring.center()

    @property
    def radius(self) -> float:
        return self.ring.width() / 2


def ring_geometry(rect: QRectF) -> RingGeometry:
    """The largest centred ring that fits ``rect``, with a stroke that scales with it."""
    side = max(min(rect.width(), rect.height()), 1.0)
    stroke = max(side * 0.06, 4.0)
    inset = stroke / 2 + 2  # 2 px of air so the round caps never touch the edge
    square = QRectF(0, 0, side, side)
    square.moveCenter(rect.center())
    ring = square.adjusted(inset, inset, -inset, -inset)
    text_radius = max(ring.width() / 2 - stroke / 2 - stroke * 0.7, 1.0)
    return RingGeometry(ring, stroke, text_radius)


def mark_angles(plan_milestones: Sequence[int], target_days: int) -> list[tuple[int, float]]:
    """(day, clockwise degrees from 12 o'clock) for the milestone marks worth drawing.

    Days past the target are off the ring; the target itself is 12 o'clock, where the
    ring closes; marks that would crowd the start or each other (a 365-day target) go.
    """
    marks: list[tuple[int, float]] = []
    last = 0.0
    for day in plan_milestones:
        if not 0 < day < target_days:
            continue
        angle = 360.0 * day / target_days
        if angle - last >= MIN_MARK_GAP_DEGREES and 360.0 - angle >= MIN_MARK_GAP_DEGREES:
            marks.append((day, angle))
            last = angle
    return marks


def mark_point(geometry: RingGeometry, angle: float) -> QPointF:
    """Where the milestone mark at ``angle`` (clockwise from 12 o'clock) sits on the ring."""
    radians = math.radians(90 - angle)
    return geometry.center + QPointF(
        geometry.radius * math.cos(radians), -geometry.radius * math.sin(radians)
    )


@dataclass(frozen=True)
class _Line:
    text: str
    font: QFont
    role: str  # "text", "muted" or "accent": which palette colour
    baseline: float  # y relative to the ring's centre
    x: float  # left edge relative to the ring's centre


def _chord(radius: float, dy: float) -> float:
    """Width of the circle ``radius`` at ``dy`` from its centre (0 outside it)."""
    return 2 * math.sqrt(radius * radius - dy * dy) if abs(dy) < radius else 0.0


def _split_once(text: str) -> list[str]:
    """Two lines at the ", " or ": " nearest the middle, or the text as it is."""
    cuts = [(i, sep) for sep in (", ", ": ") for i in range(len(text)) if text.startswith(sep, i)]
    if not cuts:
        return [text]
    i, sep = min(cuts, key=lambda cut: abs(cut[0] - len(text) / 2))
    return [text[:i] + sep.strip(" ,"), text[i + len(sep) :]]


def _font(base: QFont, pixels: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(round(pixels), 7))
    font.setWeight(weight)
    font.setItalic(False)
    return font


class _RingFonts:
    """The ring's three text sizes, all proportional to the room inside the ring."""

    def __init__(self, base: QFont, radius: float) -> None:
        self.base = base
        self.big = _font(base, radius * 0.54, QFont.Weight.DemiBold)
        self.small = _font(base, radius * 0.125)
        self.note = _font(base, radius * 0.1)  # the next milestone: there, not loud
        self.label = _font(base, radius * 0.1, QFont.Weight.DemiBold)  # the state, above
        self.big_m = QFontMetricsF(self.big)
        self.small_m = QFontMetricsF(self.small)


def _ring_text(view: RingView, base: QFont, radius: float) -> list[_Line]:
    """The centred words: state, "Day 12 of 30" with a big 12, the time, the next milestone.

    A line too wide for the circle where it sits is split once at a comma or colon; what
    still does not fit is elided, so nothing ever crosses the ring.
    """
    fonts = _RingFonts(base, radius)
    lines, too_wide = _stack(view, fonts, radius, split=set())
    if too_wide & {"state", "milestone"}:
        lines, _ = _stack(view, fonts, radius, split=too_wide & {"state", "milestone"})
    return lines


@dataclass(frozen=True)
class _Row:
    name: str  # "state", "day", "time" or "milestone"
    text: str
    font: QFont
    metrics: QFontMetricsF
    role: str
    above: float  # space above the row


def _stack(
    view: RingView, fonts: _RingFonts, radius: float, split: set[str]
) -> tuple[list[_Line], set[str]]:
    """The lines top to bottom, centred as a block; also which rows had to be elided.

    ``split`` names the rows ("state", "milestone") to put on two lines.
    """
    gap = fonts.small_m.height() * 0.35
    day_h = fonts.big_m.capHeight() + fonts.small_m.descent()  # the digits' ink, not line box
    rows: list[_Row] = []

    def add(name: str, text: str, font: QFont, role: str, above: float) -> None:
        parts = _split_once(text) if name in split else [text]
        metrics = QFontMetricsF(font)
        for i, part in enumerate(parts):
            rows.append(_Row(name, part, font, metrics, role, above if i == 0 else 0.0))

    add("state", view.state_text, fonts.label, "accent", 0.0)
    add("day", view.day_text, fonts.big, "text", gap * 1.2)
    add("time", view.time_text, fonts.small, "text", gap * 0.5)
    add("milestone", view.milestone_text, fonts.note, "muted", gap * 1.6)

    def height(row: _Row) -> float:
        return row.above + (day_h if row.name == "day" else row.metrics.height())

    y = -sum(height(row) for row in rows) / 2  # the block's top, relative to the centre
    lines: list[_Line] = []
    too_wide: set[str] = set()
    for row in rows:
        top = y + row.above
        y += height(row)
        if row.name == "day":
            lines += _day_row(view, fonts, radius, top)
            continue
        metrics = row.metrics
        room = min(_chord(radius, top), _chord(radius, top + metrics.height())) * 0.96
        if metrics.horizontalAdvance(row.text) > room:
            too_wide.add(row.name)
        if room > 0:
            shown = metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, room)
            x = -metrics.horizontalAdvance(shown) / 2
            lines.append(_Line(shown, row.font, row.role, top + metrics.ascent(), x))
    return lines, too_wide


def _day_row(view: RingView, fonts: _RingFonts, radius: float, top: float) -> list[_Line]:
    """ "Day 12 of 30" on one baseline, the number large; the row shrinks to fit if needed."""
    before, number, after = view.day_text.partition(str(view.day))
    if not number:  # the words changed shape: show them whole rather than guess
        before, number, after = "", view.day_text, ""
    baseline = top + fonts.big_m.capHeight()
    widths = [
        fonts.small_m.horizontalAdvance(before),
        fonts.big_m.horizontalAdvance(number),
        fonts.small_m.horizontalAdvance(after),
    ]
    room = min(_chord(radius, top), _chord(radius, baseline)) * 0.96
    scale = min(1.0, room / sum(widths)) if sum(widths) else 1.0
    big, small = fonts.big, fonts.small
    if scale < 1:
        big = _font(fonts.base, big.pixelSize() * scale, QFont.Weight.DemiBold)
        small = _font(fonts.base, small.pixelSize() * scale)
    lines, x = [], -sum(widths) * scale / 2
    for text, font, width in zip((before, number, after), (small, big, small), widths, strict=True):
        if text:
            lines.append(_Line(text, font, "text", baseline, x))
        x += width * scale
    return lines


class CountdownRing(QWidget):
    """The countdown as a ring that fills towards the target, with the day in its centre."""

    # A new day or state (e.g. the target reached while the window is open): the home
    # screen refreshes its streaks and buttons. Not emitted for the minutes in between.
    day_changed = Signal()

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._plan: Plan | None = None
        self._contacts: tuple[ContactEntry, ...] = ()
        self._view: RingView | None = None
        self._preview: RingView | None = None  # shown until a plan is set (start-up)
        self._marks: list[tuple[int, float]] = []
        self._on_screen = False  # between showEvent and hideEvent (minimising counts as hidden)
        self._text_cache: tuple[object, list[_Line]] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5 % early and wake us twice a minute.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.refresh)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(ACCESSIBLE_NAME)
        self.setAccessibleDescription(PLACEHOLDER)

    # -- what it shows ---------------------------------------------------------------

    @property
    def view(self) -> RingView | None:
        """What the ring shows now; ``None`` while locked or without a plan."""
        return self._view

    def set_source(self, plan: Plan | None, contacts: Sequence[ContactEntry] = ()) -> None:
        """Show ``plan`` (``None``: locked or no plan yet, a quiet empty ring)."""
        self._plan = plan
        self._contacts = tuple(contacts)
        self._preview = None
        self._marks = [] if plan is None else mark_angles(milestones(plan), plan.target_days)
        self.refresh()

    def show_preview(self, view: RingView, milestone_days: Sequence[int]) -> None:
        """Show ``view`` as it was read before the vault opened here (start-up), until
        ``set_source`` gives the plan itself."""
        self._plan, self._contacts = None, ()
        self._preview = view
        self._marks = mark_angles(milestone_days, view.target_days)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the words from ``now()``, repaint if they changed, re-aim the timer."""
        if self._plan is None:
            view = self._preview
        else:
            view = ring_view(self._plan, self._now(), self._contacts)
        if view != self._view:
            before, self._view = self._view, view
            self._describe(PLACEHOLDER if view is None else view.accessible_text)
            self.update()
            if view is not None and (
                before is None or (before.day, before.state) != (view.day, view.state)
            ):
                self.day_changed.emit()
        self._aim_timer()

    def _aim_timer(self) -> None:
        if self._on_screen and self._view is not None:
            wait_ms = math.ceil(self._view.next_change.total_seconds() * 1000)
            self.timer.start(wait_ms + TIMER_MARGIN_MS)
        else:
            self.timer.stop()

    def _describe(self, text: str) -> None:
        if text == self.accessibleDescription():
            return
        self.setAccessibleDescription(text)
        if QAccessible.isActive():  # only when a screen reader listens
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

    # -- milestone labels ----------------------------------------------------------------

    def mark_at(self, point: QPointF) -> int | None:
        """The milestone day whose dot lies under ``point`` (widget coordinates), if any."""
        geometry = ring_geometry(QRectF(self.rect()))
        reach = max(geometry.stroke, 12.0)  # easy to hit with a mouse
        for day, angle in self._marks:
            offset = mark_point(geometry, angle) - point
            if math.hypot(offset.x(), offset.y()) <= reach:
                return day
        return None

    def tooltip_at(self, point: QPointF) -> str:
        """A dot's label ("Day 7 — one week: reached"), or every milestone elsewhere."""
        plan = self._plan
        if plan is None:
            return ""
        day = self.mark_at(point)
        now = self._now()
        if day is not None:
            return dot_words(day, plan, now)
        return "\n".join(dot_words(d, plan, now) for d in milestones(plan))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- live only while visible -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._on_screen = True
        self.refresh()  # time went on while hidden

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._on_screen = False
        self.timer.stop()

    # -- size ----------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(HINT_SIDE, HINT_SIDE)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_SIDE, MIN_SIDE)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_ring(painter, QRectF(self.rect()))
        painter.end()

    def paint_ring(self, painter: QPainter, rect: QRectF) -> None:
        """Everything the ring draws, into ``rect``; the one paint path for screen and image."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        geometry = ring_geometry(rect)

        view = self._view
        fraction = 0.0 if view is None else view.fraction
        track = QPen(mixed(window, text, 0.13), geometry.stroke)
        track.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(track)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if fraction < 1:
            # Only the part the arc leaves open: stroking a big antialiased ring at 2x is
            # most of the paint time, so the two never overlap (the arc's caps hide the seams).
            painter.drawArc(
                geometry.ring, 90 * 16, round(360 * 16 * (1 - fraction))
            )  # anticlockwise
        if view is None:
            self._paint_placeholder(painter, geometry, muted)
            return

        if fraction > 0:
            arc = QPainterPath()
            arc.arcMoveTo(geometry.ring, 90)
            arc.arcTo(geometry.ring, 90, -360 * fraction)
            pen = QPen(accent, geometry.stroke)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(arc)

        # Milestones: a hole in the filled arc once passed, a soft dot on the track ahead.
        painter.setPen(Qt.PenStyle.NoPen)
        dot = max(geometry.stroke * 0.17, 1.5)
        for day, angle in self._marks:
            point = mark_point(geometry, angle)
            painter.setBrush(window if day <= view.day else muted)
            painter.drawEllipse(point, dot, dot)

        colours = {"text": text, "muted": muted, "accent": accent}
        center = geometry.center
        for line in self._lines(view, geometry.text_radius):
            painter.setFont(line.font)
            painter.setPen(colours[line.role])
            painter.drawText(QPointF(center.x() + line.x, center.y() + line.baseline), line.text)

    def _lines(self, view: RingView, radius: float) -> list[_Line]:
        # Laying out text measures fonts; a repaint with the same words reuses it.
        key = (view, round(radius, 2), self.font().key())
        if self._text_cache is None or self._text_cache[0] != key:
            self._text_cache = (key, _ring_text(view, self.font(), radius))
        return self._text_cache[1]

    def _paint_placeholder(self, painter: QPainter, geometry: RingGeometry, muted: QColor) -> None:
        font = _font(self.font(), geometry.text_radius * 2 * 0.09)
        font.setItalic(True)
        metrics = QFontMetricsF(font)
        room = geometry.text_radius * 2 * 0.9
        shown = metrics.elidedText(PLACEHOLDER, Qt.TextElideMode.ElideRight, room)
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(
            QPointF(
                geometry.center.x() - metrics.horizontalAdvance(shown) / 2,
                geometry.center.y() + (metrics.ascent() - metrics.descent()) / 2,
            ),
            shown,
        )
