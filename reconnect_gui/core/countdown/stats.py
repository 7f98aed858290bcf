"""What the countdown shows: days, streaks, milestones, state. All functions take ``now``.

**What a "day" is.** ``days_elapsed`` is the number of whole 24-hour periods between
the current attempt's start and ``now``, computed on UTC instants. So "Day 3" means
at least 72 hours have passed. This is the only day count used (streaks, milestones,
target, status): it never depends on the zone, so a DST change never makes a day 23
or 25 hours long, travelling never adds or removes a day, and a leap day is simply
one more 24 hours. Everything is computed from stored moments, never from timers.

**A clock set backwards.** When ``now`` is before the start, the time elapsed is
zero (``now`` is treated as the start): nothing is negative, nothing fails, and
the state is still counting.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from reconnect_gui.core.countdown.moments import DAY, utc_moment, whole_days
from reconnect_gui.core.countdown.plan import Attempt, Plan
from reconnect_gui.core.countdown.readiness import Outcome

MILESTONE_DAYS = (1, 3, 7, 14, 21, 30)
WEEK = timedelta(days=7)


class NoContactState(StrEnum):
    """Where the countdown stands (the draft's checks and the home screen read it)."""

    COUNTING = "counting"
    TARGET_REACHED = "target_reached"
    READY = "ready"  # the target is reached and the latest readiness check passed
    WAITING_FOR_REPLY = "waiting_for_reply"  # an unanswered message's wait is running
    MOVING_ON = "moving_on"  # the target is reached and the person chose to move on


def _span(attempt: Attempt, now: datetime) -> timedelta:
    end = attempt.end if attempt.end is not None else utc_moment(now)
    return max(end - attempt.start, timedelta(0))


def elapsed(plan: Plan, now: datetime) -> timedelta:
    """Time since the current attempt started (zero if the clock reads earlier)."""
    return _span(plan.current, now)


def days_elapsed(plan: Plan, now: datetime) -> int:
    """Whole 24-hour periods since the current attempt started: the "Day N" number."""
    return whole_days(elapsed(plan, now))


def remaining(plan: Plan, now: datetime) -> timedelta:
    """Time left until the target; zero once it is reached."""
    return max(plan.target_days * DAY - elapsed(plan, now), timedelta(0))


def current_streak(plan: Plan, now: datetime) -> int:
    """Days in the current attempt (a kept-counting slip does not reset it)."""
    return days_elapsed(plan, now)


def streaks(plan: Plan, now: datetime) -> list[int]:
    """Whole days of every attempt, oldest first."""
    return [whole_days(_span(a, now)) for a in plan.attempts]


def longest_streak(plan: Plan, now: datetime) -> int:
    return max(streaks(plan, now))


def total_days(plan: Plan, now: datetime) -> int:
    """Total days without contact: the sum of every attempt's whole days.

    Summing the per-attempt numbers makes the total match the history the user sees.
    """
    return sum(streaks(plan, now))


def average_gap_between_slips(plan: Plan) -> timedelta | None:
    """Mean time from the start (or the previous slip) to each slip; ``None`` without slips."""
    moments = sorted(slip.at for slip in plan.slips)
    if not moments:
        return None
    points = [min(plan.start, moments[0]), *moments]
    gaps = [b - a for a, b in pairwise(points)]
    return sum(gaps, timedelta(0)) / len(gaps)


def urges_by_week(urge_times: Iterable[datetime], plan: Plan, now: datetime) -> list[int]:
    """Urges counted per week since the plan began (week 1 = its first 7 × 24 hours).

    Urges before the start or after ``now`` are left out; there is always at least one week.
    """
    start, now = plan.start, max(utc_moment(now), plan.start)
    counts = [0] * (1 + (now - start) // WEEK)
    for moment in urge_times:
        moment = utc_moment(moment)
        if start <= moment <= now:
            counts[(moment - start) // WEEK] += 1
    return counts


def urges_per_week(urge_times: Iterable[datetime], plan: Plan, now: datetime) -> float:
    """Average urges per week since the plan began (the first week counts as a whole week)."""
    counts = urges_by_week(urge_times, plan, now)
    return sum(counts) / len(counts)


def milestones(plan: Plan) -> tuple[int, ...]:
    """The milestone days for this plan: the fixed ones and the target, sorted, no repeats."""
    return tuple(sorted({*MILESTONE_DAYS, plan.target_days}))


def next_milestone(plan: Plan, now: datetime) -> tuple[int, timedelta] | None:
    """The next milestone day and the time until it, or ``None`` once all are passed."""
    gone = elapsed(plan, now)
    for day in milestones(plan):
        if day * DAY > gone:
            return day, day * DAY - gone
    return None


def state(plan: Plan, now: datetime, *, waiting_for_reply: bool = False) -> NoContactState:
    """counting, target_reached, ready (a passed readiness check) or waiting_for_reply.

    A running wait after an unanswered message comes first. "ready" needs the target
    reached and the latest readiness check in the current attempt to have passed.
    """
    if waiting_for_reply:
        return NoContactState.WAITING_FOR_REPLY
    if days_elapsed(plan, now) < plan.target_days:
        return NoContactState.COUNTING
    checks = [r for r in plan.readiness if plan.current.start <= r.at <= utc_moment(now)]
    latest = max(checks, key=lambda r: r.at).outcome if checks else None
    if latest == Outcome.READY:
        return NoContactState.READY
    if latest == Outcome.MOVING_ON:
        return NoContactState.MOVING_ON
    return NoContactState.TARGET_REACHED


def status(plan: Plan, now: datetime, *, waiting_for_reply: bool = False) -> dict[str, Any]:
    """A JSON-ready summary, the shape of ``reconnect status --json``."""
    upcoming = next_milestone(plan, now)
    gap = average_gap_between_slips(plan)
    return {
        "days_elapsed": days_elapsed(plan, now),
        "seconds_elapsed": int(elapsed(plan, now).total_seconds()),
        "target_days": plan.target_days,
        "state": state(plan, now, waiting_for_reply=waiting_for_reply),
        "current_streak": current_streak(plan, now),
        "longest_streak": longest_streak(plan, now),
        "total_days": total_days(plan, now),
        "attempts": len(plan.attempts),
        "slips": len(plan.slips),
        "average_days_between_slips": None if gap is None else round(gap / DAY, 2),
        "next_milestone": None if upcoming is None else upcoming[0],
        "seconds_to_next_milestone": None if upcoming is None else int(upcoming[1].total_seconds()),
        "zone": plan.zone,
    }
