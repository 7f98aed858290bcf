import math
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.ui.countdown.ring import (
    CountdownRing,
    mark_angles,
    mixed,
    ring_geometry,
)
from reconnect_gui.ui.widgets.theme import palette_for

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def plan():
    return new_plan(START, "Europe/Berlin", 30)


NOW = START + timedelta(days=12, hours=5, minutes=30, seconds=30)  # the clock fixture's start


@pytest.fixture
def ring(qtbot, clock, plan) -> CountdownRing:
    widget = CountdownRing(clock)
    qtbot.addWidget(widget)
    widget.set_source(plan)
    return widget


def test_moving_the_clock_three_days_moves_the_day_and_what_a_screen_reader_hears(
    ring, clock
) -> None:
    assert ring.view.day == 12
    assert ring.accessibleName() == "No-Contact progress"
    assert ring.accessibleDescription().startswith("Day 12 of 30: 12 days")
    clock.moment += timedelta(days=3)
    ring.refresh()
    assert ring.view.day == 15
    assert ring.view.day_text == "Day 15 of 30"
    assert ring.accessibleDescription().startswith("Day 15 of 30: 15 days 5 hours without contact")
    assert "Next milestone: day 21" in ring.accessibleDescription()


def test_the_timer_wakes_the_ring_when_the_minute_turns(qtbot, ring, clock) -> None:
    clock.moment = START + timedelta(days=12, minutes=4, seconds=59.8)  # 0.2 s to the next minute
    ring.show()
    qtbot.waitExposed(ring)
    assert ring.timer.isActive()
    assert ring.timer.interval() <= 400
    clock.moment += timedelta(days=3)  # the refresh the timer triggers must read the clock again
    qtbot.waitUntil(lambda: ring.view.day == 15, timeout=3000)
    assert ring.accessibleDescription().startswith("Day 15 of 30")
    assert ring.timer.isActive()  # re-aimed at the next change


def test_a_new_day_is_announced_but_a_new_minute_is_not(qtbot, ring, clock) -> None:
    with qtbot.assertNotEmitted(ring.day_changed):
        clock.moment += timedelta(minutes=5)
        ring.refresh()
    with qtbot.waitSignal(ring.day_changed, timeout=0):
        clock.moment += timedelta(days=1)
        ring.refresh()


def test_the_timer_runs_only_while_the_ring_is_shown(qtbot, ring, clock) -> None:
    assert not ring.timer.isActive()  # set up but never shown: nothing wakes up
    ring.show()
    qtbot.waitExposed(ring)
    assert ring.timer.isActive()
    assert ring.timer.isSingleShot()
    # aimed at the next whole minute (30 s into it here) plus a small margin
    assert 30_000 <= ring.timer.interval() <= 30_500
    ring.hide()
    assert not ring.timer.isActive()
    clock.moment += timedelta(hours=2)
    ring.refresh()  # a refresh while hidden updates the words but starts nothing
    assert ring.view.time_text == "12 days 7 hours"  # the whole time so far (issue 17)
    assert not ring.timer.isActive()
    ring.show()
    assert ring.timer.isActive()


def test_a_hidden_parent_stops_the_timer(qtbot, plan, clock) -> None:
    from PySide6.QtWidgets import QStackedWidget, QWidget

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    ring = CountdownRing(clock)
    ring.set_source(plan)
    other = QWidget()
    stack.addWidget(ring)
    stack.addWidget(other)
    stack.show()
    qtbot.waitExposed(stack)
    assert ring.timer.isActive()
    stack.setCurrentWidget(other)  # the user opens another pane
    assert not ring.timer.isActive()
    stack.setCurrentWidget(ring)
    assert ring.timer.isActive()


def test_without_a_plan_the_ring_is_quiet_and_never_wakes(qtbot, clock, plan) -> None:
    ring = CountdownRing(clock)
    qtbot.addWidget(ring)
    ring.set_source(None)
    ring.show()
    qtbot.waitExposed(ring)
    assert ring.view is None
    assert not ring.timer.isActive()
    assert ring.accessibleDescription() == "Locked"
    ring.set_source(plan)  # unlocked
    assert ring.timer.isActive()
    assert ring.accessibleDescription().startswith("Day 12 of 30")
    ring.set_source(None)  # locked again
    assert not ring.timer.isActive()
    assert ring.accessibleDescription() == "Locked"


def test_waiting_for_a_reply_shows_in_the_state(ring, clock, plan) -> None:
    ring.set_source(plan, [sent_unanswered(clock.moment - timedelta(days=1))])
    assert ring.view.state == "waiting_for_reply"
    assert "Waiting for a reply: 13 days left" in ring.accessibleDescription()


def test_the_ring_stays_square_and_not_too_small(ring) -> None:
    assert ring.hasHeightForWidth()
    assert ring.heightForWidth(420) == 420
    assert ring.minimumSizeHint().width() >= 200
    assert ring.minimumSizeHint().height() >= 200
    assert ring.sizeHint().width() == ring.sizeHint().height()


def test_milestone_marks_skip_the_target_and_crowded_days() -> None:
    assert [day for day, _ in mark_angles((1, 3, 7, 14, 21, 30), 30)] == [1, 3, 7, 14, 21]
    assert mark_angles((7, 14), 28)[1] == (14, pytest.approx(180.0))
    assert [day for day, _ in mark_angles((1, 3, 7, 14, 21, 30, 365), 365)] == [14, 30]


# -- what gets painted --------------------------------------------------------------


def paint_to_image(ring: CountdownRing, size: int, dpr: float = 1.0) -> QImage:
    """The ring painted into a ``size``×``size`` (logical px) image, as its paint event does."""
    pixels = math.ceil(size * dpr)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(ring.palette().color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    ring.paint_ring(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def pixel(image: QImage, x: float, y: float) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(x * dpr), int(y * dpr))


def on_ring(size: int, degrees: float) -> tuple[float, float]:
    """The point on the stroke's middle line, ``degrees`` clockwise from 12 o'clock."""
    geometry = ring_geometry(QRectF(0, 0, size, size))
    radians = math.radians(90 - degrees)
    center = geometry.center
    return (
        center.x() + geometry.radius * math.cos(radians),
        center.y() - geometry.radius * math.sin(radians),
    )


def close(a: QColor, b: QColor, tolerance: int = 3) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb(), b.getRgb(), strict=True))


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize("size", [200, 360, 640])
def test_the_arc_starts_at_twelve_and_fills_clockwise(ring, clock, size, dpr, dark) -> None:
    ring.setPalette(palette_for(dark))
    palette = ring.palette()
    accent = palette.color(QPalette.ColorRole.Highlight)
    track = mixed(
        palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText), 0.13
    )

    clock.moment = START  # the very first moment: nothing filled yet
    ring.refresh()
    assert ring.view.fraction == 0
    empty = paint_to_image(ring, size, dpr)
    assert empty.width() == round(size * dpr)
    assert close(pixel(empty, *on_ring(size, 4)), track)
    assert close(pixel(empty, *on_ring(size, 90)), track)

    clock.moment = START + timedelta(days=15)  # half way
    ring.refresh()
    half = paint_to_image(ring, size, dpr)
    for degrees in (4, 90, 150):
        assert close(pixel(half, *on_ring(size, degrees)), accent), degrees
    for degrees in (200, 270, 340):
        assert close(pixel(half, *on_ring(size, degrees)), track), degrees
    # day 7 is passed: a hole in the arc; day 21 is ahead: a dot on the track
    assert close(pixel(half, *on_ring(size, 84)), palette.color(QPalette.ColorRole.Window))
    assert close(
        pixel(half, *on_ring(size, 252)), palette.color(QPalette.ColorRole.PlaceholderText)
    )


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_no_text_crosses_the_ring_at_the_smallest_size(ring, clock, plan, dpr) -> None:
    """Long words (a wait, a three-digit day) are split or elided inside the ring."""
    ring.setPalette(palette_for(False))
    long_plan = new_plan(START, "Europe/Berlin", 365)
    clock.moment = START + timedelta(days=200, hours=23, minutes=59)
    ring.set_source(
        long_plan, [sent_unanswered(clock.moment - timedelta(minutes=5), wait_days=365)]
    )
    assert "Waiting for a reply" in ring.view.state_text
    size = 200
    image = paint_to_image(ring, size, dpr)
    window = ring.palette().color(QPalette.ColorRole.Window)
    geometry = ring_geometry(QRectF(0, 0, size, size))
    # between the text's circle and the stroke's inner edge there is only background
    gap_radius = (geometry.text_radius + geometry.radius - geometry.stroke / 2) / 2
    center = geometry.center
    for step in range(360):
        radians = math.radians(step)
        x = center.x() + gap_radius * math.cos(radians)
        y = center.y() + gap_radius * math.sin(radians)
        assert close(pixel(image, x, y), window), step
    # and there is text inside: the centre row is not empty
    row = [pixel(image, x, center.y()) for x in range(60, 140)]
    assert any(not close(colour, window) for colour in row)


def test_the_placeholder_is_painted_without_an_arc(qtbot, clock) -> None:
    ring = CountdownRing(clock)
    qtbot.addWidget(ring)
    ring.set_source(None)
    image = paint_to_image(ring, 240, 2.0)
    accent = ring.palette().color(QPalette.ColorRole.Highlight)
    for degrees in range(0, 360, 15):
        assert not close(pixel(image, *on_ring(240, degrees)), accent)
    window = ring.palette().color(QPalette.ColorRole.Window)
    row = [pixel(image, x, 120) for x in range(80, 160)]
    assert any(not close(colour, window) for colour in row)  # the quiet word is there


def test_the_widget_paints_through_the_same_code(qtbot, ring) -> None:
    ring.resize(300, 300)
    ring.show()
    qtbot.waitExposed(ring)
    grabbed = ring.grab().toImage()
    accent = ring.palette().color(QPalette.ColorRole.Highlight)
    assert close(pixel(grabbed, *on_ring(300, 60)), accent)  # day 12 of 30 reaches 144°
