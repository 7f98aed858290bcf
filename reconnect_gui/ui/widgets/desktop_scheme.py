"""Keep the "system" theme in step with the desktop's dark mode, live.

Started after the first frame (it touches Qt's ColorScheme enum, ~20 ms, and may talk
D-Bus). Qt's style hints answer on GNOME, KDE, Windows and macOS, and say when the person
switches. Where they say "Unknown" (other X11 desktops, platform themes that do not ask),
the XDG desktop portal is read directly on a thread of its own (system/desktop_portal.py),
never blocking the UI thread. Each answer goes to ``theme.follow_desktop`` and to
``remember``, so the next start's first frame is already in the right look.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from reconnect_gui.system.desktop_portal import ColorScheme, ColorSchemeWatcher
from reconnect_gui.ui.widgets.theme import desktop_is_dark, follow_desktop

NO_ANSWER = -1  # what the portal thread sends when nobody says


class _PortalRelay(QObject):
    """Carries the portal threads' answers to the UI thread (a queued signal).

    One for the whole process, made on the UI thread and never deleted: a watcher thread
    holding the last reference to a QObject would delete it on that thread, while its
    queued answer still waits in the UI thread's event queue (a crash when it is
    delivered). The threads name their follower by number instead of holding it."""

    said = Signal(int, int)  # (follower number, answer)


_relay: _PortalRelay | None = None
_followers: weakref.WeakValueDictionary[int, DesktopSchemeFollower] = weakref.WeakValueDictionary()
_numbers = itertools.count(1)


def _portal_relay() -> _PortalRelay:
    global _relay
    if _relay is None:
        _relay = _PortalRelay()
        _relay.said.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(number: int, value: int) -> None:
    follower = _followers.get(number)
    if follower is not None:
        follower._portal_said(value)


class DesktopSchemeFollower(QObject):
    """Learns whether the desktop is dark and follows each change."""

    def __init__(
        self,
        app: QApplication,
        remember: Callable[[bool | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._remember = remember
        self._watcher: ColorSchemeWatcher | None = None
        self._number = next(_numbers)
        _followers[self._number] = self
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._qt_said)
        self._qt_said(hints.colorScheme())

    def stop(self) -> None:
        """Stop listening to the portal (at quit; the thread ends within half a second)."""
        _followers.pop(self._number, None)
        if self._watcher is not None:
            self._watcher.stop()
        with suppress(RuntimeError, TypeError):  # already gone with the app
            self._app.styleHints().colorSchemeChanged.disconnect(self._qt_said)

    def _qt_said(self, scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Unknown:
            self._ask_the_portal()
        else:
            self._learned(scheme == Qt.ColorScheme.Dark)

    def _ask_the_portal(self) -> None:
        if self._watcher is not None:
            return  # already listening
        relay, number = _portal_relay(), self._number

        def heard(scheme: ColorScheme | None) -> None:  # on the watcher's thread
            relay.said.emit(number, NO_ANSWER if scheme is None else int(scheme))

        self._watcher = ColorSchemeWatcher(heard)
        self._watcher.start()

    def _portal_said(self, value: int) -> None:
        if value == NO_ANSWER:
            self._learned(None)
        else:  # "no preference" is GNOME's default, a light look (as Qt reads it too)
            self._learned(value == ColorScheme.DARK)

    def _learned(self, dark: bool | None) -> None:
        changed = dark != desktop_is_dark()
        follow_desktop(self._app, dark)
        if changed:
            self._remember(dark)
