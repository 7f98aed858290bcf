"""The app's settings while it runs: one copy in memory, written to settings.json a moment
after the last change (clicks on a time field come one by one) and once more at quit.

Every part that changes a setting goes through ``update``; parts that show a setting
listen to ``changed``. The window's geometry and last pane are read from it at each save,
so they never need a setting of their own while the app runs. Nothing the user wrote is
ever a setting (core.settings holds only choices)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reconnect_gui.core.settings import Settings
from reconnect_gui.storage.settings_store import save_settings
from reconnect_gui.ui.widgets.debounce import Debouncer

log = logging.getLogger(__name__)
SAVE_PAUSE_MS = 400  # write once the changes pause


class SettingsKeeper(QObject):
    changed = Signal(object)  # the new Settings

    def __init__(self, path: Path, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._settings = settings
        self._window_state: Callable[[], tuple[str, str]] | None = None
        self._save_later = Debouncer(SAVE_PAUSE_MS, self.save_now, self)

    @property
    def settings(self) -> Settings:
        return self._settings

    def track_window(self, window_state: Callable[[], tuple[str, str]]) -> None:
        """Read the window's (geometry, last pane) from ``window_state`` at every save."""
        self._window_state = window_state

    def update(self, **changes: Any) -> None:
        """Change some settings (``update(theme="dark")``); saved a moment later."""
        self.apply(lambda settings: replace(settings, **changes))

    def apply(self, change: Callable[[Settings], Settings]) -> None:
        """Change the settings through ``change`` (for grouped choices such as reminders)."""
        updated = change(self._settings)
        if updated == self._settings:
            return
        self._settings = updated
        self.changed.emit(updated)
        self._save_later.poke()

    def save_now(self) -> None:
        """Write settings.json now, with the window's state; a failure is logged, not fatal."""
        self._save_later.cancel()
        if self._window_state is not None:
            geometry, pane = self._window_state()
            self._settings = replace(self._settings, window_geometry=geometry, last_pane=pane)
        try:
            save_settings(self._path, self._settings)
        except OSError as error:
            log.warning("could not save settings (%s)", type(error).__name__)
