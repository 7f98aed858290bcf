"""Cyclic garbage is collected on the UI thread only, never on a worker thread, where
PySide's disconnect of a freed object can deadlock against the UI thread (CI froze so)."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from helpers.repo import after_a_smoke_start
from reconnect_gui.ui.shell.ui_thread_collector import (
    UiThreadCollector,
    collect_on_the_ui_thread,
    due_generation,
)


class _Sender(QObject):
    ping = Signal()


class _Listener:
    """A plain object with a slot connected to a Qt signal, in a reference cycle: only the
    cycle collector can free it, and freeing it makes PySide disconnect the slot."""

    def __init__(self, sender: _Sender) -> None:
        self.me = self
        sender.ping.connect(self.heard)

    def heard(self) -> None:
        pass


def _allocate_like_a_busy_worker(kept: list[list[int]]) -> None:
    # Far past the youngest generation's threshold (700): left to itself, the collector
    # would run here, on this thread, many times over. The lists stay alive, as a
    # worker's results do, so the count stays past the threshold for the UI thread.
    kept.extend([n] for n in range(50_000))


def test_a_worker_that_allocates_never_collects_the_ui_threads_garbage(qtbot) -> None:
    sender = _Sender()
    listener = _Listener(sender)
    freed_on: list[str] = []
    weakref.finalize(listener, lambda: freed_on.append(threading.current_thread().name))
    del listener  # garbage now, in a cycle

    results: list[list[int]] = []
    worker = threading.Thread(
        target=_allocate_like_a_busy_worker, args=(results,), name="busy-worker"
    )
    worker.start()
    worker.join()
    assert freed_on == []  # the worker's allocations did not run the collector

    qtbot.wait_until(lambda: freed_on != [], timeout=5000)  # the UI thread's timer did
    assert freed_on == [threading.main_thread().name]


def test_the_automatic_collector_stays_off_and_one_timer_collects(qapp) -> None:
    first = collect_on_the_ui_thread(qapp)
    assert collect_on_the_ui_thread(qapp) is first
    assert not gc.isenabled()


def test_a_generation_is_collected_when_its_count_passes_its_threshold() -> None:
    thresholds = (700, 10, 10)
    assert due_generation((700, 11, 11), thresholds) is None  # the young one is not full
    assert due_generation((701, 3, 2), thresholds) == 0
    assert due_generation((701, 11, 2), thresholds) == 1
    assert due_generation((701, 11, 11), thresholds) == 2
    assert due_generation((701, 3, 11), thresholds) == 2


def test_a_big_heap_that_lives_on_is_not_scanned_whole_again_and_again() -> None:
    thresholds = (700, 10, 10)
    due_for_a_full = (701, 11, 11)
    # 200,000 objects outlived the last full collection; 10,000 have joined them since.
    assert due_generation(due_for_a_full, thresholds, 10_000, 200_000) == 1
    assert due_generation(due_for_a_full, thresholds, 50_000, 200_000) == 2  # grown by 1/4
    assert due_generation(due_for_a_full, thresholds, 0, 0) == 2  # none yet
    incremental = (2000, 10, 0)  # Python 3.14: the young and a slice of the old
    assert due_generation((2000, 0, 0), incremental) is None
    assert due_generation((2001, 0, 0), incremental) == 1


def test_what_outlives_a_collection_is_counted_toward_the_next_full_one(qapp, monkeypatch) -> None:
    collector = UiThreadCollector(qapp)
    try:
        kept = [[n] for n in range(5_000)]  # lives on through both collections
        monkeypatch.setattr(gc, "get_count", lambda: (701, 11, 11))
        assert collector.collect_due() == 2
        assert collector._old_after_full >= len(kept)
        more = [[n] for n in range(5_000)]  # young; outlives the next collection
        monkeypatch.setattr(gc, "get_count", lambda: (701, 11, 0))
        assert collector.collect_due() == 1
        assert collector._old_since_full >= len(more)
    finally:
        collector.deleteLater()


def test_the_app_switches_the_automatic_collector_off(tmp_path: Path) -> None:
    report = after_a_smoke_start(tmp_path / "home", "{'automatic': gc.isenabled()}")
    assert report == {"code": 0, "automatic": False}
