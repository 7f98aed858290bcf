"""Notices the moment a window has painted its first frame, and reports the start-up
figures for ``--smoke`` (the packaging tests and the benchmarks read them)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from reconnect_gui import __version__
from reconnect_gui.system import process_stats


class FirstPaintProbe(QObject):
    """Emits ``painted`` once, after the paint pass that drew the window's first frame.

    The zero-delay timer fires after the whole widget tree of that pass has painted and
    been flushed, which is when a person would see the window.
    """

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


def report_smoke_figures(app: QApplication, icon: QIcon) -> None:
    """Print the start-up figures as one JSON line: the paint time now, the memory once
    the start-up work queued behind the first frame is done; then end the app."""
    first_paint_ms = process_stats.ms_since_spawn()
    if icon.isNull():
        print("smoke: the app icon could not be loaded from resources", file=sys.stderr)
        app.exit(1)
        return

    def report() -> None:
        peak = process_stats.peak_rss_mb()
        figures = {
            "version": __version__,
            "first_paint_ms": round(first_paint_ms, 1),
            "rss_mb": None if peak is None else round(peak, 1),
        }
        print(json.dumps(figures), flush=True)
        app.exit(0)

    QTimer.singleShot(0, report)


class _NextFrame(QObject):
    """Runs ``callback`` once, after the window's next paint pass, or after
    ``at_the_latest_ms`` when nothing in the window needs painting (or it is hidden)."""

    def __init__(self, window: QWidget, callback: Callable[[], None], at_the_latest_ms: int):
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        # Every repaint of a widget in the window is an UpdateRequest to the window itself,
        # posted at low priority: a zero-delay timer started now would run before it.
        window.installEventFilter(self)
        QTimer.singleShot(at_the_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window or event.type() != QEvent.Type.UpdateRequest:
            return False
        self._window.removeEventFilter(self)
        # Paint now, so that the callback is queued behind whatever the paint itself
        # queues (a zero-delay timer started during the paint, say): it waits for all.
        self._window.event(event)
        QTimer.singleShot(0, self, self._run)
        return True

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        self._window.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_next_frame(
    window: QWidget, callback: Callable[[], None], at_the_latest_ms: int = 500
) -> None:
    """Run ``callback`` once the window has painted what is waiting to be painted: work
    that can wait (the tray, the reminders) then never holds up what the person sees."""
    _NextFrame(window, callback, at_the_latest_ms)
