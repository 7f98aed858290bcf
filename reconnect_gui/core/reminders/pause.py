"""Pausing reminders: when a chosen pause ends, and how to say it.

The tray and Settings offer the same three choices. "Until tomorrow" means tomorrow
morning on the person's own clock, not 24 hours: someone pausing at 23:00 wants quiet
through the night, not until 23:00 the next day.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from reconnect_gui.core.countdown.moments import utc_moment
from reconnect_gui.core.wording import long_day

PAUSE_HOUR = "hour"
PAUSE_TOMORROW = "tomorrow"
PAUSE_WEEK = "week"
PAUSE_CHOICES = (PAUSE_HOUR, PAUSE_TOMORROW, PAUSE_WEEK)
PAUSE_WORDS = {PAUSE_HOUR: "For 1 hour", PAUSE_TOMORROW: "Until tomorrow", PAUSE_WEEK: "For 1 week"}
MORNING = time(8, 0)  # "tomorrow" begins here unless the quiet hours end later


def pause_end(choice: str, now: datetime, zone: str, morning: time | None = None) -> datetime:
    """The moment (aware UTC) a pause chosen at ``now`` ends.

    ``morning``: when "tomorrow" starts on the local clock (the end of quiet hours, if set).
    A morning the clock skips (a DST gap) ends the pause at the first moment after it."""
    now = utc_moment(now)
    if choice == PAUSE_HOUR:
        return now + timedelta(hours=1)
    if choice == PAUSE_WEEK:
        return now + timedelta(days=7)
    if choice != PAUSE_TOMORROW:
        raise ValueError(f"A pause is one of: {', '.join(PAUSE_CHOICES)}.")
    tz = ZoneInfo(zone)
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    wall = datetime.combine(tomorrow, morning or MORNING)
    # Round-tripping through UTC moves a skipped wall time forward past the gap.
    return utc_moment(wall.replace(tzinfo=tz))


def paused_words(until: datetime, now: datetime, zone: str) -> str:
    """ "until 08:00 tomorrow" / "until 15:30" / "until Sunday 29 November" (our words)."""
    tz = ZoneInfo(zone)
    local_until, today = until.astimezone(tz), now.astimezone(tz).date()
    clock = local_until.strftime("%H:%M")
    days = (local_until.date() - today).days
    if days <= 0:
        return f"until {clock}"
    if days == 1:
        return f"until {clock} tomorrow"
    return f"until {long_day(local_until)}"
