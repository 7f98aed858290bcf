"""Loading and saving settings.json, never failing the app over a bad file."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import NamedTuple

from reconnect_gui.core.clock import system_clock
from reconnect_gui.core.settings import Settings, SettingsFormatError, settings_from_json_dict
from reconnect_gui.system.atomic import atomic_write_bytes

log = logging.getLogger(__name__)


# A NamedTuple, not a frozen dataclass: made before the first frame (see
# system/paths.py, AppPaths).
class LoadedSettings(NamedTuple):
    settings: Settings
    problem: str | None = None  # one plain sentence for the user, when the file was unusable


def load_settings(path: Path) -> LoadedSettings:
    """Read settings; a missing file means defaults, a damaged one is set aside.

    A file that is not valid JSON (or not readable) is renamed to
    ``settings.json.damaged-<timestamp>`` so nothing is silently thrown away.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as error:
        log.warning("settings file unreadable (%s); using defaults", type(error).__name__)
        return LoadedSettings(
            Settings(), "Reconnect could not read its settings file, so it started with defaults."
        )
    try:
        settings, rejected = settings_from_json_dict(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, SettingsFormatError, RecursionError):
        backup = _set_aside(path)
        log.warning("settings file damaged; kept as %s, using defaults", backup.name)
        return LoadedSettings(
            Settings(),
            "Your settings file was damaged, so Reconnect started with its default settings. "
            f"The old file was kept as {backup}. Your journal and other private data "
            "are stored separately and were not affected.",
        )
    if rejected:
        log.warning("settings fields reset to defaults: %s", ", ".join(rejected))
    return LoadedSettings(settings)


def save_settings(path: Path, settings: Settings) -> None:
    text = json.dumps(settings.to_json_dict(), indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def _set_aside(path: Path) -> Path:
    stamp = system_clock().strftime("%Y%m%dT%H%M%SZ")  # only names the set-aside file
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    path.replace(backup)
    return backup
