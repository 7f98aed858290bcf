"""Notices when nobody has used the app for a while (for the app lock).

One single-shot timer, restarted by the user's own input (keys, clicks, wheel), at
most once a second so mouse movement costs nothing. It runs only while armed, so a
locked or unlocked-without-app-lock app has no timer at all.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self._last_restart = 0.0

    @property
    def armed(self) -> bool:
        """True while the idle timer runs (between ``arm`` and ``disarm`` or going idle)."""
        return self._timer.isActive()

    def arm(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def disarm(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            now = time.monotonic()
            if now - self._last_restart >= 1.0:
                self._last_restart = now
                self._timer.start()
        return False

    def _expired(self) -> None:
        self.disarm()
        self.idle.emit()
