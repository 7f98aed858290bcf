"""Work that can wait for the window's next frame: after the vault has answered, the tray
and the reminders start only once the home screen has painted what it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


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
