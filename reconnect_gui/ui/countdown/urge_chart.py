"""A small bar chart of urges per week, so the user can watch them fade.

The last 12 weeks at most, the current week on the right. Bar geometry comes from the
pure ``bar_rects``; the words (labels, empty state, screen-reader text) from
``core/countdown/urge_chart.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reconnect_gui.core.countdown.urge_chart import (
    WEEKS_SHOWN,
    chart_description,
    empty_text,
    recent_weeks,
    week_label,
)
from reconnect_gui.ui.widgets.colours import mixed

ACCESSIBLE_NAME = "Urges per week"
CHART_HEIGHT = 120  # px, when there is room
# px: in a short window (banners showing above) the home screen lowers the chart to fit
# without scrolling; the bars and both label rows still read at this.
CHART_MIN_HEIGHT = 72
MAX_BAR_WIDTH = 36.0
MIN_BAR_HEIGHT = 3.0  # a single urge among many still shows
# Past weeks' bars: this share of the accent over the window, 3:1 against it in both themes.
OLDER_BAR_SHARE = 0.75


def bar_rects(counts: Sequence[int], width: float, height: float) -> list[QRectF]:
    """One bar per shown week (oldest first) in a ``width``×``height`` box, bottoms at ``height``.

    The box always has ``WEEKS_SHOWN`` equal slots and the newest week takes the rightmost,
    so bars keep their width as weeks pass. The tallest bar fills the height; a zero
    week has a zero-height bar at the bottom.
    """
    weeks = recent_weeks(counts)
    if not weeks:
        return []
    slot = width / WEEKS_SHOWN
    bar = min(slot * 0.62, MAX_BAR_WIDTH)
    peak = max(weeks)
    first_slot = WEEKS_SHOWN - len(weeks)
    rects = []
    for i, count in enumerate(weeks):
        h = 0.0 if peak == 0 or count == 0 else max(height * count / peak, MIN_BAR_HEIGHT)
        x = (first_slot + i) * slot + (slot - bar) / 2
        rects.append(QRectF(x, height - h, bar, h))
    return rects


class UrgeChart(QWidget):
    """Urges per week as quiet bars; "No urges logged yet" until there are some."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: list[int] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(CHART_HEIGHT)  # the home screen lowers it when room is short
        self.setAccessibleName(ACCESSIBLE_NAME)
        self.setAccessibleDescription(chart_description([]))

    def set_counts(self, counts: Sequence[int]) -> None:
        """Urges per week, oldest first (``countdown_stats.urges_by_week``)."""
        self._counts = [max(int(c), 0) for c in counts]
        self.setAccessibleDescription(chart_description(self._counts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, CHART_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, CHART_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)

        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.88)
        else:  # a font set in pixels has no point size
            small.setPixelSize(max(round(small.pixelSize() * 0.88), 9))
        metrics = QFontMetricsF(small)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        # Room for the count above the tallest bar and a row of week labels below.
        plot = area.adjusted(0, metrics.height() + 2, 0, -(metrics.height() + 6))

        painter.setPen(QPen(mixed(window, text, 0.25), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.setFont(small)

        message = empty_text(self._counts)
        if message is not None:
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, message)
            return

        rects = [
            r.translated(plot.topLeft())
            for r in bar_rects(self._counts, plot.width(), plot.height())
        ]
        weeks = recent_weeks(self._counts)
        older = mixed(window, accent, OLDER_BAR_SHARE)  # the current week stands out a little
        for i, (rect, count) in enumerate(zip(rects, weeks, strict=True)):
            if count == 0:
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent if i == len(rects) - 1 else older)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(muted)
            height = metrics.height()
            label = QRectF(rect.center().x() - 30, rect.top() - height - 2, 60, height)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(count))

        # Week labels only at the two ends, and only when they do not collide.
        painter.setPen(muted)
        baseline = area.bottom() - metrics.descent()
        newest = week_label(0)
        newest_left = plot.right() - metrics.horizontalAdvance(newest)
        painter.drawText(QPointF(newest_left, baseline), newest)
        if len(weeks) > 1:
            oldest = week_label(len(weeks) - 1)
            left = max(rects[0].left(), plot.left())
            if left + metrics.horizontalAdvance(oldest) + 12 < newest_left:
                painter.drawText(QPointF(left, baseline), oldest)
