"""The mood chart widget: hover words, clicks, the keyboard, the empty state and its pixels."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QToolTip

from reconnect_gui.core.journal.mood_chart import EMPTY_TEXT
from reconnect_gui.ui.journal.mood_chart import ACCESSIBLE_NAME, MoodChart
from reconnect_gui.ui.widgets.theme import palette_for

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)
TODAY = date(2026, 5, 20)
D = timedelta(days=1)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN).astimezone(UTC)


MOODS = [
    (at(TODAY - 40 * D), 1),  # alone: the next mood is 20 days later
    (at(TODAY - 20 * D), 5),
    (at(TODAY - 3 * D), 2),
    (at(TODAY - D, 9), 2),
    (at(TODAY - D, 21), 4),  # two entries yesterday: one point at "okay"
]
URGES = [(at(TODAY - 10 * D), 8), (at(TODAY - 10 * D, 20), 3)]


@pytest.fixture
def chart(qtbot) -> MoodChart:
    widget = MoodChart(lambda: NOW)
    qtbot.addWidget(widget)
    widget.set_data(MOODS, URGES, at(TODAY - 35 * D), [at(TODAY - 3 * D, 23)], "Europe/Berlin")
    widget.resize(700, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_it_is_named_and_describes_the_data_in_words(chart) -> None:
    assert chart.accessibleName() == ACCESSIBLE_NAME == "Mood over time"
    assert chart.accessibleDescription() == (
        "Last 90 days: 4 days with a mood, from very low to very good; 2 urges; "
        "No Contact began on Wed 15 Apr 2026; 1 slip."
    )
    names = [b.accessibleName() for b in chart.span_buttons.values()]
    assert names == [
        "Show the last 30 days",
        "Show the last 90 days",
        "Show the last year",
        "Show everything",
    ]
    assert [b.text() for b in chart.span_buttons.values()] == [
        "30 days",
        "90 days",
        "A year",
        "All",
    ]


def test_hovering_a_point_shows_its_day_moods_and_entries(chart, qtbot) -> None:
    where = chart.point_position(TODAY - D)
    assert where is not None
    assert chart.tooltip_at(where) == (
        "Tue 19 May 2026\nMoods: low, good (on average okay)\n2 entries"
    )
    qtbot.mouseMove(chart, where.toPoint())
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Tue 19 May 2026\nMoods: low, good (on average okay)\n2 entries"
    assert chart.cursor().shape() == Qt.CursorShape.PointingHandCursor
    # The slip that day is part of the day's story.
    slip_day = chart.point_position(TODAY - 3 * D)
    assert chart.tooltip_at(slip_day) == "Sun 17 May 2026\nMood: low\n1 entry\nSlip"
    # Away from every point there is nothing to show.
    assert chart.tooltip_at(QPointF(where.x(), where.y() - 40)) is None


def test_hovering_an_urge_mark_tells_how_many_and_how_strong(chart) -> None:
    layout = chart.chart_layout()
    plot = chart.plot_rect()
    (mark,) = layout.urges
    spot = QPointF(plot.left() + mark.x, plot.top() + (mark.top + mark.bottom) / 2)
    assert chart.tooltip_at(spot) == "Sun 10 May 2026\n2 urges, the strongest 8 of 10"


def test_clicking_a_point_opens_that_day(chart, qtbot) -> None:
    where = chart.point_position(TODAY - 20 * D).toPoint()
    with qtbot.waitSignal(chart.day_clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [TODAY - 20 * D]
    # A click on an empty spot opens nothing.
    with qtbot.assertNotEmitted(chart.day_clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where + QPoint(0, 60))


def test_arrow_keys_walk_the_days_with_a_mood_and_enter_opens_one(chart, qtbot) -> None:
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert chart.focused_day() == TODAY - D  # the newest day first
    assert chart.accessibleDescription().endswith(
        "Chosen: Tue 19 May 2026, moods: low, good (on average okay), 2 entries. "
        "Press Enter to open that day."
    )
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.focused_day() == TODAY - 3 * D
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # stops at the oldest
    assert chart.focused_day() == TODAY - 40 * D
    assert QToolTip.text().startswith("Fri 10 Apr 2026\nMood: very low")
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.focused_day() == TODAY - 20 * D
    with qtbot.waitSignal(chart.day_clicked) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [TODAY - 20 * D]
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.focused_day() == TODAY - D
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.focused_day() == TODAY - 40 * D


def test_choosing_a_range_redraws_and_keeps_the_keyboard_near_its_day(chart, qtbot) -> None:
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.focused_day() == TODAY - 40 * D
    with qtbot.waitSignal(chart.span_changed) as blocker:
        qtbot.mouseClick(chart.span_buttons["30"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["30"]
    assert chart.span() == "30" and chart.span_buttons["30"].isChecked()
    assert [p.day for p in chart.chart_layout().points] == [
        TODAY - 20 * D,
        TODAY - 3 * D,
        TODAY - D,
    ]
    assert chart.accessibleDescription().startswith("Last 30 days: 3 days with a mood")
    assert chart.focused_day() == TODAY - 20 * D  # the day it chose is gone; the nearest
    chart.set_span("all")
    assert chart.data().first == TODAY - 40 * D
    with pytest.raises(ValueError):
        chart.set_span("7")


def test_empty_state_says_what_to_do_and_clear_forgets_everything(qtbot, chart) -> None:
    empty = MoodChart(lambda: NOW)
    qtbot.addWidget(empty)
    empty.resize(400, 220)
    empty.show()
    qtbot.waitExposed(empty)
    assert empty.accessibleDescription() == "Last 90 days: no moods yet; no urges."
    assert empty.chart_layout().points == ()
    accent = empty.palette().color(QPalette.ColorRole.Highlight)
    assert _near(_render(empty, 1), accent, empty.plot_rect()) == 0  # no points, no lines
    with qtbot.assertNotEmitted(empty.day_clicked):
        empty.setFocus()
        qtbot.keyClick(empty, Qt.Key.Key_Return)
    assert empty.message() == EMPTY_TEXT == "Add a mood to an entry and it will show here."

    assert chart.message() is None
    chart.set_span("30")
    chart.set_data([(at(TODAY - 60 * D), 3)], zone="Europe/Berlin")
    assert chart.message() == "No moods in this range. All shows the earlier ones."
    chart.set_span("all")
    qtbot.mouseMove(chart, chart.point_position(TODAY - 60 * D).toPoint())
    qtbot.waitUntil(QToolTip.isVisible)
    chart.clear()  # the vault locked: the mood in the tooltip goes too
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    assert chart.message() == EMPTY_TEXT
    assert chart.accessibleDescription() == "So far: no moods yet; no urges."
    assert chart.chart_layout().points == () and chart.focused_day() is None


def _render(chart: MoodChart, dpr: int) -> QImage:
    image = QImage(chart.size() * dpr, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(chart.palette().color(QPalette.ColorRole.Window))
    chart.render(image)
    return image


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _closest(image: QImage, where: QPointF, dpr: int, colour: QColor, reach: int = 1) -> int:
    """How far the pixel nearest ``colour`` around ``where`` (logical px) is from it."""
    cx, cy = round(where.x() * dpr), round(where.y() * dpr)
    return min(
        _distance(image.pixelColor(x, y), colour)
        for x in range(cx - reach, cx + reach + 1)
        for y in range(cy - reach, cy + reach + 1)
    )


def _near(image: QImage, colour: QColor, area: QRectF) -> int:
    """How many pixels in ``area`` (every second one) are (almost) ``colour``."""
    return sum(
        _distance(image.pixelColor(x, y), colour) <= 8
        for y in range(round(area.top()), round(area.bottom()), 2)
        for x in range(round(area.left()), round(area.right()), 2)
    )


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("dpr", [1, 2])
def test_points_and_lines_are_painted_where_the_mapping_says(chart, dark, dpr) -> None:
    chart.setPalette(palette_for(dark))
    accent = chart.palette().color(QPalette.ColorRole.Highlight)
    image = _render(chart, dpr)
    assert image.width() == chart.width() * dpr
    layout = chart.chart_layout()
    origin = chart.plot_rect().topLeft()
    for point in layout.points:
        assert _closest(image, origin + QPointF(point.x, point.y), dpr, accent, 0) <= 8

    # The line between the two close days is drawn; across the 20-day gap there is none.
    (segment,) = layout.segments
    a, b = segment.points
    assert (a.day, b.day) == (TODAY - 3 * D, TODAY - D)
    middle = origin + QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)
    assert _closest(image, middle, dpr, accent) <= 40
    lonely, next_one = layout.points[0], layout.points[1]
    gap = origin + QPointF((lonely.x + next_one.x) / 2, (lonely.y + next_one.y) / 2)
    assert _closest(image, gap, dpr, accent, 2) > 60

    # Urge marks stand on the strip at the bottom.
    (mark,) = layout.urges
    muted = chart.palette().color(QPalette.ColorRole.PlaceholderText)
    window = chart.palette().color(QPalette.ColorRole.Window)
    inside = origin + QPointF(mark.x, mark.bottom - 2)
    assert _distance(image.pixelColor((inside * dpr).toPoint()), window) > 40
    assert _closest(image, inside, dpr, muted, 0) < _distance(window, muted)
