"""Clickable desktop notifications for the tray (``system/notifications.py``), in Qt terms.

The sender's thread reports clicks, closes and failures; a queued signal carries each to
the UI thread. Nothing starts until the first notification: no D-Bus at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reconnect_gui import APP_ID, APP_NAME
from reconnect_gui.system.notifications import DesktopNotifier, Event
from reconnect_gui.ui.widgets.thread_relay import relay_to, stop_relaying


class DesktopNotifications(QObject):
    """``notify`` returns a number; ``clicked``, ``closed`` and ``failed`` carry it."""

    clicked = Signal(int)
    closed = Signal(int)
    failed = Signal(int)  # no notification service: show it some other way

    def __init__(self, bus: str = "SESSION", parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The sender's thread reports (notification number, Event) through the relay.
        self._number, report = relay_to(self, DesktopNotifications._heard)
        self._notifier = DesktopNotifier(APP_NAME, APP_ID, lambda n, event: report((n, event)), bus)
        self._started = False

    def notify(self, title: str, message: str) -> int:
        """Our words only, never the user's: notifications show on a locked screen too."""
        if not self._started:
            self._started = True
            self._notifier.start()
        return self._notifier.notify(title, message)

    def _heard(self, answer: tuple[int, Event]) -> None:
        number, event = answer
        {Event.CLICKED: self.clicked, Event.CLOSED: self.closed, Event.FAILED: self.failed}[
            event
        ].emit(number)

    def stop(self) -> None:
        stop_relaying(self._number)
        if self._started:
            self._notifier.stop()
