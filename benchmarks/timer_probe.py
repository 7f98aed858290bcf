"""Run a Qt program and log every timer event its GUI thread delivers:
``python benchmarks/timer_probe.py LOG -m reconnect_gui`` or ``... LOG path/to/script.py``.

The probe makes the QApplication first and watches it with an event filter, then runs the
program, which picks up that application. Each timer event appends one line
"<time.monotonic()> <receiver's class>" to LOG, so a benchmark can count the timers that
fired in any window of time (CLOCK_MONOTONIC is the same for every process).
"""

from __future__ import annotations

import runpy
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

TIMER_EVENTS = (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent)


class TimerLog(QObject):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.log = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (lives on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in TIMER_EVENTS:
            self.log.write(f"{time.monotonic():.3f} {watched.metaObject().className()}\n")
        return False


def main() -> None:
    log_path, *program = sys.argv[1:]
    app = QApplication(sys.argv[:1])
    probe = TimerLog(log_path)
    app.installEventFilter(probe)
    if program[0] == "-m":
        sys.argv = [program[1], *program[2:]]
        runpy.run_module(program[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = program
        runpy.run_path(program[0], run_name="__main__")


if __name__ == "__main__":
    main()
