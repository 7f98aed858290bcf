"""Notices the moment a window has painted its first frame, and reports the start-up
figures for ``--smoke`` (the packaging tests and the benchmarks read them)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
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


def report_smoke_figures(app: QApplication, window: QWidget) -> None:
    """Print the start-up figures as one JSON line: the paint time now, the memory once
    the start-up work queued behind the first frame is done; then end the app. Exit 1
    instead when the window has no icon by then (the resources were not found)."""
    first_paint_ms = process_stats.ms_since_spawn()

    def report() -> None:
        if window.windowIcon().isNull():
            print("smoke: the app icon could not be loaded from resources", file=sys.stderr)
            app.exit(1)
            return
        peak = process_stats.peak_rss_mb()
        figures = {
            "version": __version__,
            "first_paint_ms": round(first_paint_ms, 1),
            "rss_mb": None if peak is None else round(peak, 1),
        }
        print(json.dumps(figures), flush=True)
        app.exit(0)

    QTimer.singleShot(0, report)
