"""The floor: a bare PySide6 window, measured exactly the way ``reconnect --smoke`` is.

Prints one JSON line ``{"version": "floor", "first_paint_ms": ..., "rss_mb": ...}`` and
exits 0. Self-contained on purpose: the benchmark runs it from source and frozen with the
same ``build.spec`` (``RECONNECT_SPEC_ENTRY=benchmarks/floor_window.py``).

first_paint_ms is measured from the parent's ``time.monotonic_ns()`` just before spawning
when ``RECONNECT_SPAWN_MONOTONIC_NS`` is set, otherwise from the process start time
(Linux: /proc/self/stat starttime vs CLOCK_BOOTTIME).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def elapsed_ms() -> float:
    spawn_ns = os.environ.get("RECONNECT_SPAWN_MONOTONIC_NS")
    if spawn_ns:
        return (time.monotonic_ns() - int(spawn_ns)) / 1e6
    with open("/proc/self/stat", encoding="ascii") as f:
        # Field 2 (comm) may hold spaces; fields after its closing ")" start at field 3.
        start_ticks = int(f.read().rpartition(")")[2].split()[19])  # field 22: starttime
    start_s = start_ticks / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_s) * 1000


def peak_rss_mb() -> float:
    # The same measure as reconnect_gui.system.process_stats (kept separate so the floor
    # imports nothing of the app): VmHWM, since ru_maxrss survives exec.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


class FirstPaint(QObject):
    """Catches the window's first Paint, then reports once that paint pass has finished."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        result = {
            "version": "floor",
            "first_paint_ms": round(elapsed_ms(), 1),
            "rss_mb": round(peak_rss_mb(), 1),
        }
        print(json.dumps(result), flush=True)
        self._app.exit(0)


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.setCentralWidget(QLabel("floor"))
    window.resize(1040, 700)  # the app's default window size: same backing store
    first_paint = FirstPaint(app)
    window.installEventFilter(first_paint)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
