"""after_next_frame: work that can wait runs after the window's next paint, not before."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reconnect_gui.ui.shell.next_frame import after_next_frame


class _Recording(QWidget):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def paintEvent(self, event) -> None:
        self.events.append("painted")


class _QueuingDuringPaint(_Recording):
    """Queues a zero-delay timer while it paints, as the day-count benchmark's probe does."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        QTimer.singleShot(0, lambda: self.events.append("queued by the paint"))


def _window_with_a_child(
    qtbot, events: list[str], child_class: type[_Recording] = _Recording
) -> tuple[QWidget, _Recording]:
    window = QWidget()
    child = child_class(events)
    QVBoxLayout(window).addWidget(child)
    qtbot.add_widget(window)
    window.resize(200, 100)
    window.show()
    qtbot.wait_exposed(window)
    qtbot.wait(50)  # the first frame is done
    events.clear()
    return window, child


def test_the_work_waits_until_a_changed_child_has_painted(qtbot) -> None:
    events: list[str] = []
    window, child = _window_with_a_child(qtbot, events)
    child.update()  # as a pane does when the vault has opened
    after_next_frame(window, lambda: events.append("work"), at_the_latest_ms=5000)
    qtbot.wait_until(lambda: "work" in events)
    assert events == ["painted", "work"]


def test_the_work_runs_once_even_when_the_window_paints_again(qtbot) -> None:
    events: list[str] = []
    window, child = _window_with_a_child(qtbot, events)
    child.update()
    after_next_frame(window, lambda: events.append("work"), at_the_latest_ms=200)
    qtbot.wait_until(lambda: "work" in events)
    child.update()
    qtbot.wait(400)  # past the fallback as well
    assert events.count("work") == 1


def test_with_nothing_to_paint_the_work_runs_at_the_latest_time(qtbot) -> None:
    events: list[str] = []
    window, _child = _window_with_a_child(qtbot, events)
    window.hide()  # a hidden window paints nothing
    after_next_frame(window, lambda: events.append("work"), at_the_latest_ms=100)
    qtbot.wait_until(lambda: "work" in events, timeout=2000)
    assert events == ["work"]


def test_the_work_also_waits_for_what_the_paint_queued(qtbot) -> None:
    events: list[str] = []
    window, child = _window_with_a_child(qtbot, events, _QueuingDuringPaint)
    child.update()
    after_next_frame(window, lambda: events.append("work"), at_the_latest_ms=5000)
    qtbot.wait_until(lambda: "work" in events)
    assert events == ["painted", "queued by the paint", "work"]
