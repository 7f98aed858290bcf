"""Moments in time as the countdown and the contact log store them.

Every moment is kept as an aware UTC datetime and written as an ISO 8601 string with
``+00:00``. The user's IANA zone name is stored beside it and only used for display.
Reading stored data is tolerant: anything that is not a clear aware moment becomes
``None`` instead of an error.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY = timedelta(days=1)
# Moments outside these years are refused: they are typing mistakes, and adding a
# few hundred days to them must never overflow datetime.
FIRST_YEAR = 1900
LAST_YEAR = 2999


def utc_moment(moment: datetime, what: str = "The time") -> datetime:
    """``moment`` in UTC; refuses naive or out-of-range moments with a plain message."""
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise ValueError(f"{what} needs a time zone; this looks like a bug, not your mistake.")
    utc = moment.astimezone(UTC)
    if not FIRST_YEAR <= utc.year <= LAST_YEAR:
        raise ValueError(f"{what} must be between the years {FIRST_YEAR} and {LAST_YEAR}.")
    return utc


def moment_data(moment: datetime) -> str:
    """The stored form of a moment: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat()


def moment_from_data(value: Any) -> datetime | None:
    """A stored moment back as aware UTC, or ``None`` when it is missing or odd."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    try:
        return utc_moment(value)
    except (ValueError, OverflowError):
        return None


def is_zone_name(name: object) -> bool:
    """True when ``name`` is an IANA zone this machine knows (e.g. ``Europe/Berlin``)."""
    if not isinstance(name, str) or not name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def local_zone_name() -> str:
    """This computer's IANA zone name (TZ, or /etc/localtime's target), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    return next((name for name in candidates if name and is_zone_name(name)), "UTC")


def checked_zone(name: str) -> str:
    """``name`` if it is a known zone; otherwise a plain ``ValueError``."""
    if not is_zone_name(name):
        raise ValueError(f"“{name}” is not a time zone this computer knows, like Europe/Berlin.")
    return name


def local(moment: datetime, zone: str) -> datetime:
    """``moment`` shown in the zone ``zone`` (UTC when the name is unknown)."""
    return moment.astimezone(ZoneInfo(zone) if is_zone_name(zone) else UTC)


def whole_days(span: timedelta) -> int:
    """Whole 24-hour periods in ``span``; never negative."""
    return max(0, span // DAY)


def text(value: Any) -> str:
    """Stored free text, or ``""`` when it is missing or not text."""
    return value if isinstance(value, str) else ""
