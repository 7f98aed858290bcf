"""Python's cycle collector runs on the UI thread only.

Left to itself, the collector runs on whichever thread happens to allocate when a
generation fills up: often one of our worker threads. If it then frees an object with a
Qt connection (a bound method connected to a signal, say), PySide disconnects it there:
Qt's connection lock is taken first and the interpreter lock second, while the UI thread,
holding the interpreter lock, may be waiting for that same Qt lock (a click, a connect).
Neither moves again: the app freezes. CI caught exactly this.

So the automatic collector is switched off, and the UI thread collects instead, each
time its event loop has done its work and is about to wait, generation by generation, by
the counts and thresholds the collector itself would have used. No timer: an idle app in
the tray never wakes up for it, and garbage made meanwhile waits for the next event (a
worker's result is one). Reference counting, which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject

_NAME = "reconnect-ui-thread-collector"  # how collect_on_the_ui_thread finds one already there


class UiThreadCollector(QObject):
    """Collects cyclic garbage on the thread it lives in (the UI thread)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._thresholds = gc.get_threshold()
        # What CPython keeps to spare a big heap needless full collections (see below).
        self._old_after_full = 0  # objects that outlived the last full collection
        self._old_since_full = 0  # objects moved into the oldest generation since
        # A check costs under a microsecond, a due young collection a few microseconds.
        dispatcher = QAbstractEventDispatcher.instance(self.thread())
        dispatcher.aboutToBlock.connect(self.collect_due)

    def collect_due(self) -> int | None:
        """Collect the generation that is due, as CPython would have; which one, or None
        when none was."""
        generation = due_generation(
            gc.get_count(), self._thresholds, self._old_since_full, self._old_after_full
        )
        if generation == 2:
            gc.collect(2)
            self._old_after_full, self._old_since_full = len(gc.get_objects(2)), 0
        elif generation == 1 and self._thresholds[2] != 0:
            # Its survivors move into the oldest generation: count them.
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            self._old_since_full += max(0, young - gc.collect(1))
        elif generation is not None:
            gc.collect(generation)
        return generation


def due_generation(
    counts: tuple[int, int, int],
    thresholds: tuple[int, ...],
    old_since_full: int = 0,
    old_after_full: int = 0,
) -> int | None:
    """CPython's rule (3.11 to 3.13): nothing until the youngest generation passes its
    threshold; then the oldest generation whose count has passed its own, except that a
    full collection waits until the oldest generation has grown by a quarter since the
    last one, so a big heap that lives on is not scanned again and again. Python 3.14's
    incremental collector has no third threshold (it reads 0): there generation 1 means
    the young objects and a slice of the old, which is what it does on its own."""
    if counts[0] <= thresholds[0]:
        return None
    if thresholds[2] == 0:
        return 1
    if counts[2] > thresholds[2] and old_since_full >= old_after_full / 4:
        return 2
    return 1 if counts[1] > thresholds[1] else 0


def collect_on_the_ui_thread(app: QCoreApplication) -> UiThreadCollector:
    """Switch the automatic collector off for good and collect from ``app``'s thread.
    Safe to call again: the collector already there is kept."""
    existing = app.findChild(UiThreadCollector, _NAME)
    gc.disable()
    if isinstance(existing, UiThreadCollector):
        return existing
    return UiThreadCollector(app)
