"""The mood-over-time chart: days across, mood up, urges along the bottom, start and slips as lines.

Custom-painted (QtCharts would add a large module for one chart and still need our own
gap rule, words and keyboard handling). Every number comes from ``core/journal/mood_chart.py``:
``chart_data`` for the range, ``chart_layout`` for where things go; this widget only
paints them with the palette's colours, shows the day under the pointer, and turns a
click, or Enter on the day chosen with the arrow keys, into ``day_clicked``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.journal.entry import MOOD_WORDS
from reconnect_gui.core.journal.mood_chart import (
    DEFAULT_SPAN,
    SPAN_DAYS,
    SPAN_WORDS,
    SPANS,
    ChartData,
    ChartLayout,
    chart_data,
    chart_description,
    chart_layout,
    day_sentence,
    day_tooltip,
    empty_text,
    urge_tooltip,
)
from reconnect_gui.ui.widgets.colours import mixed

ACCESSIBLE_NAME = "Mood over time"
HIT_RADIUS = 10.0  # px around a point that still counts as "on" it
POINT_RADIUS = 4.0
LINE_WIDTH = 2.0
URGE_AXIS_LABEL = "urges"
EVENT_LINE_SHARE = 0.8  # the start and slip lines, a little quieter than their labels
URGE_MARK_SHARE = 0.75  # urge marks: the quiet colour over the window, still 3:1 against it
SPAN_BUTTON_STYLE = (
    "QPushButton { padding: 3px 10px; }"
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border: 1px solid palette(highlight); border-radius: 3px; }"
)


def _crisp(value: float, line_px: float, dpr: float) -> float:
    """``value`` moved to where a ``line_px`` wide straight line covers whole device pixels."""
    device_width = max(round(line_px * dpr), 1)
    if device_width % 2:
        return (math.floor(value * dpr) + 0.5) / dpr
    return round(value * dpr) / dpr


class MoodChart(QWidget):
    """Mood per day over 30 days, 90 days, a year or everything, with urges and slips.

    ``set_data`` takes plain values (no journal or plan objects), so the journal pane can
    feed it from whatever it loaded. ``day_clicked`` carries the ``datetime.date`` of a
    clicked point (or the one chosen with the arrow keys and Enter).
    """

    day_clicked = Signal(object)  # datetime.date
    span_changed = Signal(str)  # "30", "90", "365" or "all"

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._moods: list[tuple[datetime, int]] = []
        self._urges: list[tuple[datetime, int | None]] = []
        self._start: datetime | None = None
        self._slips: list[datetime] = []
        self._zone = "UTC"
        self._span = DEFAULT_SPAN
        self._data = chart_data([], now=now())
        self._layout: ChartLayout | None = None  # None: compute again before use
        self._layout_size = QSizeF()
        self._hovered: date | None = None
        self._pressed: date | None = None
        self._focused: date | None = None  # the day the arrow keys chose
        self._tooltip_shown = False

        self.setAccessibleName(ACCESSIBLE_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._build_controls()
        self._update_description()

    # --- Public ------------------------------------------------------------------------

    def set_data(
        self,
        moods: Iterable[tuple[datetime, int]],
        urges: Iterable[tuple[datetime, int | None]] = (),
        start: datetime | None = None,
        slips: Iterable[datetime] = (),
        zone: str = "UTC",
    ) -> None:
        """Mood samples (moment, 1–5), urges (moment, intensity or None), the No-Contact
        start and slip moments (all aware UTC), and the user's zone for the days."""
        self._moods = list(moods)
        self._urges = list(urges)
        self._start = start
        self._slips = list(slips)
        self._zone = zone
        self._refresh()

    def clear(self) -> None:
        """Forget everything shown (the vault locked), the open tooltip too."""
        self.set_data([])
        self._focused = None
        self._update_description()
        self._hide_tooltip()

    def span(self) -> str:
        return self._span

    def set_span(self, span: str) -> None:
        """Show "30", "90" or "365" days up to today, or "all"."""
        if span not in SPANS:
            raise ValueError(f"The range must be one of: {', '.join(SPANS)}.")
        self.span_buttons[span].setChecked(True)
        if span != self._span:
            self._span = span
            self._refresh()
            self.span_changed.emit(span)

    def data(self) -> ChartData:
        return self._data

    def plot_rect(self) -> QRectF:
        """Where the plot sits in the widget; ``chart_layout()`` coordinates start here."""
        metrics = QFontMetricsF(self._small_font())
        y_labels = [*MOOD_WORDS.values(), URGE_AXIS_LABEL]
        left = max(metrics.horizontalAdvance(label) for label in y_labels) + 14
        top = self._controls.geometry().bottom() + 12
        bottom = metrics.height() + 10
        area = QRectF(self.rect()).adjusted(left, top, -12, -bottom)
        return area if area.width() > 1 and area.height() > 1 else QRectF(left, top, 1, 1)

    def chart_layout(self) -> ChartLayout:
        """The layout for the plot's current size (kept until the size, font or data change)."""
        plot = self.plot_rect()
        if self._layout is None or self._layout_size != plot.size():
            self._layout = self.chart_layout_for(plot.width(), plot.height())
            self._layout_size = plot.size()
        return self._layout

    def chart_layout_for(self, width: float, height: float) -> ChartLayout:
        metrics = QFontMetricsF(self._small_font())
        return chart_layout(
            self._data, width, height, metrics.horizontalAdvance, metrics.height() + 2
        )

    def point_position(self, day: date) -> QPointF | None:
        """Where ``day``'s point is drawn, in widget coordinates (None without a point)."""
        plot = self.plot_rect()
        for point in self.chart_layout().points:
            if point.day == day:
                return QPointF(plot.left() + point.x, plot.top() + point.y)
        return None

    def day_at(self, pos: QPointF) -> date | None:
        """The day whose point is under ``pos`` (widget coordinates), if any."""
        plot = self.plot_rect()
        return self.chart_layout().point_at(pos.x() - plot.left(), pos.y() - plot.top(), HIT_RADIUS)

    def tooltip_at(self, pos: QPointF) -> str | None:
        """What hovering ``pos`` shows: a point's day, mood(s) in words and entry count, or
        an urge mark's day and urges."""
        day = self.day_at(pos)
        if day is not None:
            return day_tooltip(self._data, day)
        plot = self.plot_rect()
        x, y = pos.x() - plot.left(), pos.y() - plot.top()
        urge_day = self.chart_layout().urge_at(x, y, HIT_RADIUS / 2)
        return None if urge_day is None else urge_tooltip(self._data, urge_day)

    def message(self) -> str | None:
        """The calm sentence shown instead of points (no moods yet, or none in this range)."""
        return empty_text(self._data)

    def focused_day(self) -> date | None:
        """The day the keyboard has chosen (the arrow keys move it), or None."""
        return self._focused

    def sizeHint(self) -> QSize:
        return QSize(680, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(340, 200)

    # --- Building and refreshing --------------------------------------------------------

    def _build_controls(self) -> None:
        self._controls = QWidget(self)
        self._controls.setAccessibleName("Range")
        row = QHBoxLayout(self._controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addStretch(1)
        self.span_group = QButtonGroup(self)
        self.span_group.setExclusive(True)
        self.span_buttons: dict[str, QPushButton] = {}
        for span in SPANS:
            button = QPushButton(SPAN_WORDS[span])
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setStyleSheet(SPAN_BUTTON_STYLE)
            button.setChecked(span == self._span)
            what = "everything" if span == "all" else f"the last {SPAN_DAYS[span]} days"
            if span == "365":
                what = "the last year"
            button.setAccessibleName(f"Show {what}")
            button.clicked.connect(lambda _=False, s=span: self.set_span(s))
            self.span_group.addButton(button)
            self.span_buttons[span] = button
            row.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._controls)
        outer.addStretch(1)

    def _refresh(self) -> None:
        self._data = chart_data(
            self._moods,
            self._urges,
            self._start,
            self._slips,
            self._zone,
            now=self._now(),
            span=self._span,
        )
        self._layout = None
        days = [d.day for d in self._data.days]
        focused = self._focused
        if focused is not None and focused not in days:
            # Keep the keyboard near where it was: the nearest day still shown.
            self._focused = min(days, key=lambda d: abs(d - focused), default=None)
        for gone in ("_hovered", "_pressed"):
            if getattr(self, gone) not in days:
                setattr(self, gone, None)
        self._update_description()
        self.update()

    def _update_description(self) -> None:
        text = chart_description(self._data)
        if self._focused is not None and self.hasFocus():
            chosen = day_sentence(self._data, self._focused)
            text += f" Chosen: {chosen}. Press Enter to open that day."
        self.setAccessibleDescription(text)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.88)
        else:  # a font set in pixels has no point size
            small.setPixelSize(max(round(small.pixelSize() * 0.88), 9))
        return small

    # --- Events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # label widths and rows change
            self._layout = None
        super().changeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day != self._hovered:
            self._hovered = day
            self.update()
        if day is None:
            self.unsetCursor()
            text = self.tooltip_at(event.position())  # an urge mark, perhaps
            if text is None:
                self._hide_tooltip()
            else:
                QToolTip.showText(event.globalPosition().toPoint() + QPoint(10, 12), text, self)
                self._tooltip_shown = True
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self._show_tooltip(day)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.day_at(event.position())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position())
            if day is not None and day == self._pressed:
                self._focused = day
                self._update_description()
                self.update()
                self.day_clicked.emit(day)
            self._pressed = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        days = [d.day for d in self._data.days]
        key = event.key()
        if not days or key not in _KEYS:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._focused is not None:
                self.day_clicked.emit(self._focused)
            return
        index = days.index(self._focused) if self._focused in days else len(days) - 1
        if key == Qt.Key.Key_Left:
            index = max(index - 1, 0) if self._focused in days else index
        elif key == Qt.Key.Key_Right:
            index = min(index + 1, len(days) - 1)
        elif key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(days) - 1
        self._focused = days[index]
        self._update_description()
        self._show_tooltip(self._focused)
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._focused is None and self._data.days:
            self._focused = self._data.days[-1].day  # start at the newest day
        self._update_description()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._update_description()
        self.update()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._hide_tooltip()
        super().hideEvent(event)

    def _hide_tooltip(self) -> None:
        """Hide the tooltip if it is ours: it may say a mood the vault now keeps locked."""
        if self._tooltip_shown:
            QToolTip.hideText()
            self._tooltip_shown = False

    def _show_tooltip(self, day: date) -> None:
        text = day_tooltip(self._data, day)
        where = self.point_position(day)
        if text is None or where is None:
            return
        spot = QRect(QPoint(round(where.x()) - 6, round(where.y()) - 6), QSize(12, 12))
        QToolTip.showText(self.mapToGlobal(where.toPoint() + QPoint(10, 12)), text, self, spot)
        self._tooltip_shown = True

    # --- Painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The device really painted on: a HiDPI backing store, or an image in ``render()``.
        engine = painter.paintEngine()
        device = engine.paintDevice() if engine is not None else None
        dpr = device.devicePixelRatioF() if device is not None else self.devicePixelRatioF()
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        small = self._small_font()
        metrics = QFontMetricsF(small)
        painter.setFont(small)

        plot = self.plot_rect()
        layout = self.chart_layout()
        ox, oy = plot.left(), plot.top()

        # Quiet grid: one line per mood level, the words on the left.
        grid = mixed(window, text, 0.12)
        for tick in layout.y_ticks:
            y = _crisp(oy + tick.at, 1, dpr)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(ox, y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = QRectF(0, y - metrics.height() / 2, ox - 10, metrics.height())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick.label
            )

        # Days along the bottom.
        axis_y = _crisp(plot.bottom(), 1, dpr)
        painter.setPen(QPen(mixed(window, text, 0.3), 1))
        painter.drawLine(QPointF(ox, axis_y), QPointF(plot.right(), axis_y))
        baseline = plot.bottom() + 6 + metrics.ascent()
        for tick in layout.x_ticks:
            x = _crisp(ox + tick.at, 1, dpr)
            painter.setPen(QPen(mixed(window, text, 0.3), 1))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
            painter.setPen(muted)
            painter.drawText(QPointF(ox + tick.label_left, baseline), tick.label)

        self._paint_events(painter, layout, ox, oy, dpr, muted, accent, window)
        self._paint_urges(painter, layout, ox, oy, muted, window, metrics)

        message = self.message()
        if message is not None:
            self._paint_message(painter, layout, plot, message, small, muted, window)
        else:
            self._paint_moods(painter, layout, ox, oy, accent, window, text)
        painter.end()

    def _paint_events(
        self,
        painter: QPainter,
        layout: ChartLayout,
        ox: float,
        oy: float,
        dpr: float,
        muted: QColor,
        accent: QColor,
        window: QColor,
    ) -> None:
        row_height = QFontMetricsF(self._small_font()).height() + 2
        for line in layout.events:
            x = _crisp(ox + line.x, 1, dpr)
            # The start in the accent colour, a slip in the quiet one: a fact, not a failure.
            ink = accent if line.started and not line.slips else muted
            colour = mixed(window, ink, EVENT_LINE_SHARE)
            pen = QPen(colour, 1, Qt.PenStyle.DashLine)
            pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.drawLine(QPointF(x, oy + layout.mood_top), QPointF(x, oy + layout.height))
            if line.label:
                painter.setPen(ink)  # words need 4.5:1; the quieter line only 3:1
                top = oy + line.label_row * row_height
                painter.drawText(
                    QRectF(ox + line.label_left, top, 1000, row_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    line.label,
                )

    def _paint_urges(
        self,
        painter: QPainter,
        layout: ChartLayout,
        ox: float,
        oy: float,
        muted: QColor,
        window: QColor,
        metrics: QFontMetricsF,
    ) -> None:
        if layout.urge_band is None:
            return
        top, bottom = layout.urge_band
        painter.setPen(muted)
        label = QRectF(0, oy + top, ox - 10, bottom - top)
        painter.drawText(
            label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, URGE_AXIS_LABEL
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mixed(window, muted, URGE_MARK_SHARE))
        for mark in layout.urges:
            rect = QRectF(
                ox + mark.x - mark.width / 2, oy + mark.top, mark.width, mark.bottom - mark.top
            )
            painter.drawRoundedRect(rect, min(mark.width / 2, 2), min(mark.width / 2, 2))

    def _paint_moods(
        self,
        painter: QPainter,
        layout: ChartLayout,
        ox: float,
        oy: float,
        accent: QColor,
        window: QColor,
        text: QColor,
    ) -> None:
        pen = QPen(accent, LINE_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for segment in layout.segments:
            path = QPainterPath(QPointF(ox + segment.points[0].x, oy + segment.points[0].y))
            for point in segment.points[1:]:
                path.lineTo(ox + point.x, oy + point.y)
            painter.drawPath(path)

        # Dense ranges (a year on a small window) get smaller dots, so days stay apart.
        radius = min(POINT_RADIUS, max(layout.slot * 0.5, 3.0))
        painter.setPen(QPen(window, 1.5))
        painter.setBrush(accent)
        for point in layout.points:
            painter.drawEllipse(QPointF(ox + point.x, oy + point.y), radius, radius)

        for day, colour, width in (
            (self._hovered, accent, 2.0),
            (self._focused if self.hasFocus() else None, text, 1.5),
        ):
            if day is None:
                continue
            marked = next((p for p in layout.points if p.day == day), None)
            if marked is not None:
                painter.setPen(QPen(colour, width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                ring = radius + 4
                painter.drawEllipse(QPointF(ox + marked.x, oy + marked.y), ring, ring)

    def _paint_message(
        self,
        painter: QPainter,
        layout: ChartLayout,
        plot: QRectF,
        message: str,
        small: QFont,
        muted: QColor,
        window: QColor,
    ) -> None:
        font = QFont(self.font())
        font.setItalic(True)
        painter.setFont(font)
        area = QRectF(
            plot.left(),
            plot.top() + layout.mood_top,
            plot.width(),
            layout.mood_bottom - layout.mood_top,
        )
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        box = painter.boundingRect(area.adjusted(16, 0, -16, 0), flags, message)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(window)
        painter.drawRoundedRect(box.adjusted(-12, -6, 12, 6), 6, 6)
        painter.setPen(muted)
        painter.drawText(area.adjusted(16, 0, -16, 0), flags, message)
        painter.setFont(small)


_KEYS = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Space,
}
