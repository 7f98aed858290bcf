"""The desktop's light or dark look, remembered for the next start.

The first frame comes before any D-Bus work (system/desktop_portal.py), so it is painted
in the look the desktop had when the app last learned it; after the frame the app asks
again and follows any change. A module of its own: it is read before the first frame,
where the portal's code is not wanted.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reconnect_gui.system.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

_REMEMBERED = {"dark": True, "light": False}


def remembered_dark(file: Path) -> bool | None:
    """Whether the desktop was dark when last learned (None: never learned, or unknown)."""
    try:
        return _REMEMBERED.get(file.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def remember_dark(file: Path, dark: bool | None) -> None:
    """Note what the desktop said, for the next first frame; only a hint, so a failure is
    logged and forgotten."""
    try:
        if dark is None:
            file.unlink(missing_ok=True)
        else:
            atomic_write_bytes(file, b"dark\n" if dark else b"light\n")
    except OSError as error:
        log.debug("could not remember the desktop's look (%s)", type(error).__name__)
