"""Keep the "system" theme in step with the desktop's dark mode, live.

Started after the first frame (it touches Qt's ColorScheme enum, ~20 ms, and may talk
D-Bus). Qt's style hints answer on GNOME, KDE, Windows and macOS, and say when the person
switches. Where they say "Unknown" (other X11 desktops, platform themes that do not ask),
the XDG desktop portal is read directly on a thread of its own (system/desktop_portal.py),
never blocking the UI thread. Each answer goes to ``theme.follow_desktop`` and to
``remember``, so the next start's first frame is already in the right look.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from reconnect_gui.system.desktop_portal import ColorScheme, ColorSchemeWatcher
from reconnect_gui.ui.widgets.theme import desktop_is_dark, follow_desktop
from reconnect_gui.ui.widgets.thread_relay import relay_to, stop_relaying

NO_ANSWER = -1  # what the portal thread sends when nobody says


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
        self._number, self._portal_answer = relay_to(self, DesktopSchemeFollower._portal_said)
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._qt_said)
        self._qt_said(hints.colorScheme())

    def stop(self) -> None:
        """Stop listening to the portal (at quit; the thread ends within half a second)."""
        stop_relaying(self._number)
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
        answer = self._portal_answer  # the thread holds this, never the follower

        def heard(scheme: ColorScheme | None) -> None:  # on the watcher's thread
            answer(NO_ANSWER if scheme is None else int(scheme))

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
