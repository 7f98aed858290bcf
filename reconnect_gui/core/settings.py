"""The app's non-private settings: a typed dataclass and its JSON form.

Settings hold no text the user wrote (window geometry, the last pane, the theme).
Anything private lives in the encrypted vault instead.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")
APP_LOCK_CHOICES = (0, 5, 15, 30, 60)  # minutes without use before locking; 0 = no app lock
CLEAR_CLIPBOARD_CHOICES = (0, 30, 60, 120)  # seconds a copied draft stays there; 0 = never cleared


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(); empty means "centre a default"
    last_pane: str = "countdown"
    theme: str = "system"  # "system" follows the desktop's light/dark choice
    app_lock_minutes: int = 0  # see APP_LOCK_CHOICES
    # Reminders: times and switches only, nothing private (core/reminders/choices.py reads them).
    reminders_enabled: bool = True
    check_in_time: str = "20:00"  # "HH:MM" on the user's clock; "" means no daily check-in
    milestone_reminders: bool = True
    wait_reminders: bool = True
    draft_reminders: bool = True
    quiet_start: str = "22:00"  # "HH:MM"; both "" means no quiet hours
    quiet_end: str = "08:00"
    reminders_paused_until: str = ""  # an ISO moment in UTC, or ""
    tray_notice_shown: bool = False  # "Reconnect is still here in the tray" is said once
    clear_clipboard_seconds: int = 60  # see CLEAR_CLIPBOARD_CHOICES

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
    if name == "clear_clipboard_seconds":
        return value in CLEAR_CLIPBOARD_CHOICES
    if name == "version":
        return isinstance(value, int) and value >= 1
    if name in ("check_in_time", "quiet_start", "quiet_end"):
        return value == "" or (isinstance(value, str) and clock_time(value) is not None)
    if name == "reminders_paused_until":
        return value == "" or (isinstance(value, str) and utc_moment_text(value) is not None)
    if name == "window_geometry":  # base64 text; anything else would stop the window
        return isinstance(value, str) and value.isascii()
    return True


def clock_time(text: str) -> time | None:
    """ "HH:MM" as a time, or None."""
    digits = text[:2] + text[3:]
    # isdecimal alone would let "²²" or Arabic-Indic digits through to int()
    if len(text) != 5 or text[2] != ":" or not (digits.isascii() and digits.isdecimal()):
        return None
    hour, minute = int(text[:2]), int(text[3:])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def utc_moment_text(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
        return moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (ValueError, OverflowError):  # year 1 at +14:00 falls before datetime.min in UTC
        return None
