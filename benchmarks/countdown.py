"""The home screen's progress ring: ``python -m benchmarks.countdown``.

- Paint: the median of 200 paints of the ring (day 12 of 30, a running wait, so every
  line is drawn) into a 360×360 logical-pixel image at device pixel ratio 2, through the
  same ``paint_ring`` the widget uses. Target: at most 2 ms, and at most 2× the floor: the
  plainest ring QPainter can draw, a circle, an arc and the same words centred with one
  ``drawText``, into the same image, in the same run (alternating, so machine load hits
  both alike).
- Wake-ups while hidden: a window holding the ring is shown, then hidden, and an event
  filter on the application counts the timer events that reach the ring or its timer
  during 3 s. Target: 0. The floor is the usual way to keep a countdown live, a widget
  ticking once a second with a repeating timer, hidden the same way. The ring's clock is
  set 0.5 s before a minute turns, so a timer left running would be caught; the ring is
  also watched while shown, to prove the counter sees its wake-ups.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPalette, QPen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from benchmarks.table import Row, print_table
from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.countdown.view import RingView
from reconnect_gui.ui.countdown.ring import CountdownRing

PAINTS = 200
SIZE = 360  # logical px
DPR = 2.0
PAINT_LIMIT_MS = 2.0
PAINT_TARGET_RATIO = 2.0  # measured 1.3–1.4× here; the ms limit is the real target
WATCH_MS = 3000
START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


class RunningClock:
    """A clock that runs with real time from a chosen moment (the ring's timer is real)."""

    def __init__(self, at: datetime) -> None:
        self.set(at)

    def set(self, at: datetime) -> None:
        self._at, self._since = at, time.monotonic()

    def __call__(self) -> datetime:
        return self._at + timedelta(seconds=time.monotonic() - self._since)


def floor_paint(painter: QPainter, rect: QRectF, view: RingView, palette: QPalette) -> None:
    """The plainest ring: track, arc, and the words centred in one ``drawText``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ring = rect.adjusted(14, 14, -14, -14)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 20))
    painter.drawEllipse(ring)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 20))
    painter.drawArc(ring, 90 * 16, -round(360 * 16 * view.fraction))
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    words = (view.state_text, view.day_text, view.time_text, view.milestone_text)
    painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, "\n".join(words))


def timed_ms(paint: Callable[[QPainter], None], image: QImage, background) -> float:
    started = time.perf_counter()
    image.fill(background)
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return (time.perf_counter() - started) * 1000


def paint_row() -> Row:
    plan = new_plan(START, "Europe/Berlin", 30)
    now = START + timedelta(days=12, hours=4, minutes=12)
    ring = CountdownRing(lambda: now)
    ring.set_source(plan, [sent_unanswered(now - timedelta(days=2))])
    view, palette = ring.view, ring.palette()
    assert view is not None
    rect = QRectF(0, 0, SIZE, SIZE)
    image = QImage(round(SIZE * DPR), round(SIZE * DPR), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(DPR)
    background = palette.color(QPalette.ColorRole.Window)

    def app(painter: QPainter) -> None:
        ring.paint_ring(painter, rect)

    def floor(painter: QPainter) -> None:
        floor_paint(painter, rect, view, palette)

    for _ in range(10):  # warm the glyph caches of both
        timed_ms(app, image, background)
        timed_ms(floor, image, background)
    app_ms, floor_ms = [], []
    for _ in range(PAINTS):
        app_ms.append(timed_ms(app, image, background))
        floor_ms.append(timed_ms(floor, image, background))
    return Row(
        f"ring paint, {SIZE}px @{DPR:g}x",
        statistics.median(app_ms),
        statistics.median(floor_ms),
        "ms",
        PAINT_TARGET_RATIO,
        PAINT_LIMIT_MS,
    )


class TimerEvents(QObject):
    """Counts the timer events the application delivers to the watched objects."""

    def __init__(self) -> None:
        super().__init__()
        self.watched: tuple[QObject, ...] = ()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent) and any(
            watched is w for w in self.watched
        ):
            self.count += 1
        return False

    def during(self, watched: tuple[QObject, ...], milliseconds: int) -> int:
        self.watched, self.count = watched, 0
        QTest.qWait(milliseconds)
        self.watched = ()
        return self.count


class TickingWidget(QWidget):
    """The floor: a countdown kept live the usual way, a repeating one-second tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tick = QTimer(self)
        self.tick.timeout.connect(self.update)
        self.tick.start(1000)


def host(child: QWidget) -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(child)
    window.resize(420, 420)
    return window


def wake_up_row(app: QApplication) -> Row:
    counter = TimerEvents()
    app.installEventFilter(counter)
    plan = new_plan(START, "Europe/Berlin", 30)
    just_before_a_minute = START + timedelta(days=12, minutes=4, seconds=59.5)
    clock = RunningClock(just_before_a_minute)
    ring = CountdownRing(clock)
    ring.set_source(plan)
    window = host(ring)
    window.show()
    QTest.qWaitForWindowExposed(window)
    clock.set(just_before_a_minute)
    ring.refresh()  # aim the timer 0.5 s ahead
    shown = counter.during((ring, ring.timer), 1500)
    if shown < 1:
        raise SystemExit("the counter saw no wake-up of the shown ring: the probe is broken")

    clock.set(just_before_a_minute)
    ring.refresh()  # a running timer would fire 0.5 s from now
    window.hide()
    hidden = counter.during((ring, ring.timer), WATCH_MS)

    ticking = TickingWidget()
    floor_window = host(ticking)
    floor_window.show()
    QTest.qWaitForWindowExposed(floor_window)
    floor_window.hide()
    floor = counter.during((ticking, ticking.tick), WATCH_MS)
    app.removeEventFilter(counter)
    return Row(f"wake-ups hidden, {WATCH_MS // 1000} s", hidden, floor, "n", 0.0, 0)


def countdown_rows() -> list[Row]:
    # Offscreen: no window flashes up, and the figures do not depend on a desktop.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    return [paint_row(), wake_up_row(app)]


if __name__ == "__main__":
    rows = countdown_rows()
    print_table(rows)
    sys.exit(0 if all(row.ok for row in rows) else 1)
