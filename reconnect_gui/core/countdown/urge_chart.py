"""The words of the urges-per-week chart: which weeks it shows, their labels, what it says.

Pure values from ``countdown_stats.urges_by_week`` (counts oldest first, the current week
last); ``ui/countdown/urge_chart.py`` only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reconnect_gui.core.wording import plural

WEEKS_SHOWN = 12
EMPTY_TEXT = "No urges logged yet"
QUIET_TEXT = f"No urges in the last {WEEKS_SHOWN} weeks"


def recent_weeks(counts: Sequence[int]) -> list[int]:
    """The weeks the chart shows: at most the last ``WEEKS_SHOWN``, oldest first."""
    return list(counts[-WEEKS_SHOWN:])


def week_label(weeks_ago: int) -> str:
    """ "this week", "last week", "5 weeks ago"."""
    if weeks_ago == 0:
        return "this week"
    if weeks_ago == 1:
        return "last week"
    return f"{weeks_ago} weeks ago"


def _urges(count: int) -> str:
    if count == 0:
        return "none"
    return plural(count, "urge")


def empty_text(counts: Sequence[int]) -> str | None:
    """What the chart says instead of bars, or ``None`` when there are bars to show."""
    if not any(counts):
        return EMPTY_TEXT
    if not any(recent_weeks(counts)):
        return QUIET_TEXT
    return None


def chart_description(counts: Sequence[int]) -> str:
    """The chart for a screen reader, newest week first: "This week 2 urges, last week none…"."""
    empty = empty_text(counts)
    if empty is not None:
        return f"{empty}."
    weeks = recent_weeks(counts)
    parts = [f"{week_label(ago)} {_urges(count)}" for ago, count in enumerate(reversed(weeks))]
    sentence = ", ".join(parts)
    return f"Urges per week, newest first: {sentence}."
