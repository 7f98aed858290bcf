"""The typing debouncer: one run per pause, none mid-burst, and a run at least every
max_wait during a long burst."""

import time

import pytest
from PySide6.QtCore import QObject
from PySide6.QtTest import QTest

from reconnect_gui.ui.widgets.debounce import Debouncer, wait_ms


class Runs:
    """A callback that records when it ran (monotonic seconds)."""

    def __init__(self) -> None:
        self.at: list[float] = []

    def __call__(self) -> None:
        self.at.append(time.monotonic())

    @property
    def count(self) -> int:
        return len(self.at)


@pytest.fixture
def parent(qtbot):
    owner = QObject()
    yield owner
    owner.deleteLater()


def type_for(debouncer: Debouncer, ms: int, every_ms: int = 10) -> None:
    """Poke like a fast typist for about ``ms`` milliseconds, letting Qt run in between."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        debouncer.poke()
        QTest.qWait(every_ms)


# -- the decision, without a clock --------------------------------------------------------


def test_without_a_max_wait_every_poke_waits_the_full_delay() -> None:
    assert wait_ms(300, None, 0) == 300
    assert wait_ms(300, None, 60_000) == 300


def test_a_max_wait_shortens_the_wait_near_the_end_of_a_burst() -> None:
    assert wait_ms(300, 1000, 0) == 300
    assert wait_ms(300, 1000, 800) == 200
    assert wait_ms(300, 1000, 999.5) == 0
    assert wait_ms(300, 1000, 5000) == 0  # overdue (a busy machine): run at once


def test_nonsense_settings_are_refused(parent) -> None:
    with pytest.raises(ValueError):
        Debouncer(-1, lambda: None, parent)
    with pytest.raises(ValueError):
        Debouncer(300, lambda: None, parent, max_wait_ms=100)


# -- with Qt's timer ----------------------------------------------------------------------


def test_one_poke_runs_once_after_the_delay(qtbot, parent) -> None:
    runs = Runs()
    debouncer = Debouncer(40, runs, parent)
    assert not debouncer.pending
    debouncer.poke()
    assert debouncer.pending and runs.count == 0
    qtbot.wait_until(lambda: runs.count == 1, timeout=2000)
    assert not debouncer.pending
    QTest.qWait(120)
    assert runs.count == 1


def test_fast_typing_runs_nothing_until_the_pause_then_once(qtbot, parent) -> None:
    runs = Runs()
    debouncer = Debouncer(150, runs, parent)
    type_for(debouncer, 500)
    assert runs.count == 0 and debouncer.pending
    qtbot.wait_until(lambda: runs.count == 1, timeout=2000)
    QTest.qWait(300)
    assert runs.count == 1


def test_a_long_burst_still_gets_a_run_every_max_wait(qtbot, parent) -> None:
    runs = Runs()
    debouncer = Debouncer(150, runs, parent, max_wait_ms=250)
    started = time.monotonic()
    type_for(debouncer, 900)
    assert runs.count >= 2  # about 3 in 900 ms, fewer only on a very busy machine
    assert runs.at[0] - started >= 0.24
    gaps = [b - a for a, b in zip(runs.at, runs.at[1:], strict=False)]
    assert all(gap >= 0.2 for gap in gaps)  # never more often than max_wait (plus slack)
    qtbot.wait_until(lambda: not debouncer.pending, timeout=2000)


def test_flush_runs_a_waiting_run_now_and_only_once(qtbot, parent) -> None:
    runs = Runs()
    debouncer = Debouncer(10_000, runs, parent)
    debouncer.flush()
    assert runs.count == 0  # nothing was waiting
    debouncer.poke()
    debouncer.flush()
    assert runs.count == 1 and not debouncer.pending
    QTest.qWait(50)
    debouncer.flush()
    assert runs.count == 1


def test_cancel_forgets_a_waiting_run(qtbot, parent) -> None:
    runs = Runs()
    debouncer = Debouncer(30, runs, parent)
    debouncer.poke()
    debouncer.cancel()
    QTest.qWait(120)
    assert runs.count == 0 and not debouncer.pending


def test_a_callback_that_pokes_again_schedules_one_more_run(qtbot, parent) -> None:
    runs = Runs()

    def check_and_poke_once() -> None:
        runs()
        if runs.count == 1:
            debouncer.poke()

    debouncer = Debouncer(20, check_and_poke_once, parent)
    debouncer.poke()
    qtbot.wait_until(lambda: runs.count == 2, timeout=2000)
    QTest.qWait(80)
    assert runs.count == 2


def test_a_failing_callback_does_not_leave_the_debouncer_stuck(qtbot, parent) -> None:
    def fail() -> None:
        raise RuntimeError("check failed")

    debouncer = Debouncer(10_000, fail, parent)
    debouncer.poke()
    with pytest.raises(RuntimeError):
        debouncer.flush()
    assert not debouncer.pending


def test_the_max_wait_counts_from_the_first_poke_of_each_burst(qtbot, parent) -> None:
    now = [100.0]  # a clock the test moves by hand; Qt's timer still runs in real time
    runs = Runs()
    debouncer = Debouncer(10_000, runs, parent, max_wait_ms=20_000, clock=lambda: now[0])
    debouncer.poke()
    now[0] += 19.99  # twenty seconds of typing later, 10 ms of the max wait are left
    debouncer.poke()
    qtbot.wait_until(lambda: runs.count == 1, timeout=2000)
    now[0] += 1  # a new burst: the full delay again
    debouncer.poke()
    QTest.qWait(200)
    assert runs.count == 1 and debouncer.pending
