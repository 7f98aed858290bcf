"""Clickable desktop notifications for the tray (``system/notifications.py``), in Qt terms.

The sender's thread reports clicks, closes and failures; a queued signal carries each to
the UI thread. Nothing starts until the first notification: no D-Bus at start-up.
"""

from __future__ import annotations

import itertools
import weakref

from PySide6.QtCore import QObject, Qt, Signal

from reconnect_gui import APP_ID, APP_NAME
from reconnect_gui.system.notifications import DesktopNotifier, Event


class _Relay(QObject):
    """One for the process, made on the UI thread and never deleted (see
    ui/widgets/desktop_scheme.py: a thread must never hold the last reference to a
    QObject). The thread names its receiver by number."""

    said = Signal(int, int, str)  # (receiver number, notification number, Event value)


_relay: _Relay | None = None
_receivers: weakref.WeakValueDictionary[int, DesktopNotifications] = weakref.WeakValueDictionary()
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.said.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(receiver: int, number: int, event: str) -> None:
    target = _receivers.get(receiver)
    if target is not None:
        {
            Event.CLICKED.value: target.clicked,
            Event.CLOSED.value: target.closed,
            Event.FAILED.value: target.failed,
        }[event].emit(number)


class DesktopNotifications(QObject):
    """``notify`` returns a number; ``clicked``, ``closed`` and ``failed`` carry it."""

    clicked = Signal(int)
    closed = Signal(int)
    failed = Signal(int)  # no notification service: show it some other way

    def __init__(self, bus: str = "SESSION", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._number = next(_numbers)
        _receivers[self._number] = self
        relay, number = _the_relay(), self._number
        self._notifier = DesktopNotifier(
            APP_NAME, APP_ID, lambda n, event: relay.said.emit(number, n, event.value), bus
        )
        self._started = False

    def notify(self, title: str, message: str) -> int:
        """Our words only, never the user's: notifications show on a locked screen too."""
        if not self._started:
            self._started = True
            self._notifier.start()
        return self._notifier.notify(title, message)

    def stop(self) -> None:
        _receivers.pop(self._number, None)
        if self._started:
            self._notifier.stop()
