"""The app's non-private settings: a typed dataclass and its JSON form.

Settings hold no text the user wrote (window geometry, the last pane, the theme).
Anything private lives in the encrypted vault instead.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")
APP_LOCK_CHOICES = (0, 5, 15, 30, 60)  # minutes without use before locking; 0 = no app lock


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(); empty means "centre a default"
    last_pane: str = "countdown"
    theme: str = "system"  # "system" follows the desktop's light/dark choice
    app_lock_minutes: int = 0  # see APP_LOCK_CHOICES

    def to_json_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class SettingsFormatError(ValueError):
    """The settings data is not a JSON object at all (as opposed to one odd field)."""


def settings_from_json_dict(data: object) -> tuple[Settings, list[str]]:
    """Build Settings from parsed JSON, keeping every valid field.

    A field with the wrong type or an unknown value falls back to its default and is
    named in the returned list; unknown keys (from a newer version) are ignored.
    """
    if not isinstance(data, dict):
        raise SettingsFormatError("settings must be a JSON object")
    defaults = Settings()
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for field in dataclasses.fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        default = getattr(defaults, field.name)
        # bool is an int subclass; a settings file saying `"version": true` is still wrong.
        if type(value) is not type(default) or not _allowed(field.name, value):
            rejected.append(field.name)
            continue
        values[field.name] = value
    return Settings(**values), rejected


def _allowed(name: str, value: object) -> bool:
    if name == "theme":
        return value in THEMES
    if name == "app_lock_minutes":
        return value in APP_LOCK_CHOICES
    if name == "version":
        return isinstance(value, int) and value >= 1
    return True
