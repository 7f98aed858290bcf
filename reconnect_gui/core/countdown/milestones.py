"""Celebrating milestones once: which one to celebrate now, and its warm words.

Day N is reached N whole 24-hour periods after the current attempt's start (the same
count as everything else, ``stats.days_elapsed``). A milestone is celebrated once per
attempt: its key holds the attempt's start and the day, and the keys already celebrated
are kept in the vault (``storage.milestone_store``), so a restart never repeats one.
When several are reached at once (the app was closed for a week), only the highest is
celebrated, and it covers the ones below it: one quiet moment, not a queue of them.

The words live here only: the home screen's card and the desktop notification
(``core.reminders.schedule``) both take them from ``milestone_words``. A milestone
reached before today (the app was not opened that day) reads in the past: "You reached
day 3 on Sunday 4 October." rather than "you are through them" three days later.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from reconnect_gui.core.countdown.moments import DAY, local, moment_data
from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.countdown.stats import days_elapsed, milestones
from reconnect_gui.core.wording import long_day

CELEBRATION_WORDS = {
    1: "Your first full day of No Contact. That is a real beginning.",
    3: "Three days. The first days are often the hardest, and you are through them.",
    7: "A whole week of No Contact. Take a moment to notice what you did.",
    14: "Two weeks. You have kept a promise to yourself, day after day.",
    21: "Three weeks. Look how far you have come.",
    30: "A month of No Contact. That took steady, quiet strength.",
}
TARGET_WORDS = "You reached the target you set. Nothing needs deciding today: just notice it."
OTHER_WORDS = "{day} days of No Contact. That took steady effort."
# The same moments, told afterwards: after "You reached day 3 on Sunday 4 October."
PAST_WORDS = {
    1: "Your first full day of No Contact was a real beginning.",
    3: "Three days: the first days are often the hardest, and you got through them.",
    7: "A whole week of No Contact. It is worth a moment to notice what you did.",
    14: "Two weeks of keeping a promise to yourself, day after day.",
    21: "Three weeks, and you have kept going since. Look how far you have come.",
    30: "A month of No Contact. That took steady, quiet strength.",
}
PAST_TARGET = "You reached your target, day {day}, {when}. Nothing needs deciding: just notice it."
PAST_REACHED = "You reached day {day} {when}. {words}"


@dataclass(frozen=True)
class MilestoneWords:
    title: str  # "Day 7 — one week"
    message: str


@dataclass(frozen=True)
class Celebration:
    day: int
    title: str  # "Day 7 — one week"
    message: str
    keys: frozenset[str]  # this milestone and the ones below it it covers


def milestone_key(plan: Plan, day: int) -> str:
    """The key of ``day`` in the plan's current attempt."""
    return f"{moment_data(plan.current.start)}:{day}"


def reached(plan: Plan, now: datetime) -> list[int]:
    """The milestone days the current attempt has reached by ``now``, lowest first."""
    today = days_elapsed(plan, now)
    return [day for day in milestones(plan) if day <= today]


def milestone_title(day: int, target_days: int) -> str:
    if day == target_days:
        return f"Day {day} — your target"
    names = {7: "one week", 14: "two weeks", 21: "three weeks", 30: "one month"}
    return f"Day {day} — {names[day]}" if day in names else f"Day {day}"


def milestone_words(day: int, target_days: int) -> MilestoneWords:
    """What is said as day ``day`` is reached: on the home card and in the notification."""
    if day == target_days:
        message = TARGET_WORDS
    else:
        message = CELEBRATION_WORDS.get(day, OTHER_WORDS.format(day=day))
    return MilestoneWords(milestone_title(day, target_days), message)


def past_milestone_words(day: int, target_days: int, on: date, today: date) -> MilestoneWords:
    """What is said of day ``day`` when it was reached ``on`` a day before ``today``."""
    when = "yesterday" if (today - on).days == 1 else f"on {long_day(on)}"
    if on.year != today.year:
        when = f"{when} {on.year}"
    if day == target_days:
        message = PAST_TARGET.format(day=day, when=when)
    else:
        words = PAST_WORDS.get(day, OTHER_WORDS.format(day=day))  # reads the same afterwards
        message = PAST_REACHED.format(day=day, when=when, words=words)
    return MilestoneWords(milestone_title(day, target_days), message)


def to_celebrate(
    plan: Plan, now: datetime, celebrated: Collection[str], zone: str | None = None
) -> Celebration | None:
    """The highest milestone reached and not celebrated yet in this attempt, if any.

    Its words are in the past when it was reached before today in ``zone`` (the plan's
    zone when not given): the app was not opened on the day."""
    due = [day for day in reached(plan, now) if milestone_key(plan, day) not in celebrated]
    if not due:
        return None
    day = max(due)
    zone = zone or plan.zone
    on = local(plan.current.start + day * DAY, zone).date()
    today = local(now, zone).date()
    words = (
        past_milestone_words(day, plan.target_days, on, today)
        if on < today
        else milestone_words(day, plan.target_days)
    )
    keys = frozenset(milestone_key(plan, d) for d in reached(plan, now) if d <= day)
    return Celebration(day, words.title, words.message, keys)


def dot_words(day: int, plan: Plan, now: datetime) -> str:
    """What a milestone dot on the ring says when pointed at: reached, or how far off."""
    title = milestone_title(day, plan.target_days)
    today = days_elapsed(plan, now)
    if day <= today:
        return f"{title}: reached"
    left = day - today
    return f"{title}: {left} more day{'s' if left != 1 else ''}"
