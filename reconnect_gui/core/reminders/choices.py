"""The reminder choices kept in settings.json, as the schedule reads them.

Apart from core/settings.py so that reading the settings at start-up does not load the
reminder schedule (and through it the drafts and the tone checker): ~120 ms before the
first frame.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, time

from reconnect_gui.core.reminders.schedule import ReminderPrefs
from reconnect_gui.core.settings import Settings, clock_time, utc_moment_text


def reminder_prefs(settings: Settings) -> ReminderPrefs:
    """The reminder choices in ``settings`` as the schedule reads them."""
    quiet = (clock_time(settings.quiet_start), clock_time(settings.quiet_end))
    return ReminderPrefs(
        enabled=settings.reminders_enabled,
        check_in=clock_time(settings.check_in_time),
        milestones=settings.milestone_reminders,
        waits=settings.wait_reminders,
        drafts=settings.draft_reminders,
        quiet_start=quiet[0] if None not in quiet else None,
        quiet_end=quiet[1] if None not in quiet else None,
        paused_until=utc_moment_text(settings.reminders_paused_until),
    )


def with_reminder_prefs(settings: Settings, prefs: ReminderPrefs) -> Settings:
    """``settings`` carrying ``prefs`` (the inverse of ``reminder_prefs``)."""

    def clock(value: time | None) -> str:
        return "" if value is None else value.strftime("%H:%M")

    quiet = prefs.quiet_start is not None and prefs.quiet_end is not None
    return dataclasses.replace(
        settings,
        reminders_enabled=prefs.enabled,
        check_in_time=clock(prefs.check_in),
        milestone_reminders=prefs.milestones,
        wait_reminders=prefs.waits,
        draft_reminders=prefs.drafts,
        quiet_start=clock(prefs.quiet_start) if quiet else "",
        quiet_end=clock(prefs.quiet_end) if quiet else "",
        reminders_paused_until=""
        if prefs.paused_until is None
        else prefs.paused_until.astimezone(UTC).isoformat(timespec="seconds"),
    )
