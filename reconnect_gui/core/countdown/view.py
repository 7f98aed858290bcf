"""What the home screen says, as plain values: the ring's words, the stats, the history.

Pure functions of the stored plan, contacts and urges and ``now``; the widgets in
``ui/`` only draw these. Every sentence the home screen shows is built here, so tests
can read it without a display.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from reconnect_gui.core.countdown import stats
from reconnect_gui.core.countdown.contact_log import ContactEntry, wait_remaining
from reconnect_gui.core.countdown.moments import DAY, local, utc_moment, whole_days
from reconnect_gui.core.countdown.plan import SLIP_KIND_WORDS, Plan
from reconnect_gui.core.wording import plural, short_moment

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)

STATE_WORDS = {
    stats.NoContactState.COUNTING: "Counting",
    stats.NoContactState.TARGET_REACHED: "Target reached",
    stats.NoContactState.READY: "Ready, if you want to",
    stats.NoContactState.WAITING_FOR_REPLY: "Waiting for a reply",
}


def duration_words(span: timedelta) -> str:
    """A calm, rounded-down length: "2 days 3 hours", "5 hours 12 minutes", "4 minutes"."""
    span = max(span, timedelta(0))
    days, hours, minutes = span // DAY, (span % DAY) // HOUR, (span % HOUR) // MINUTE
    if days:
        return plural(days, "day") + (f" {plural(hours, 'hour')}" if hours else "")
    if hours:
        return plural(hours, "hour") + (f" {plural(minutes, 'minute')}" if minutes else "")
    return plural(minutes, "minute") if minutes else "less than a minute"


@dataclass(frozen=True)
class RingView:
    """Everything the progress ring draws, and the sentence a screen reader hears."""

    day: int  # whole days in the current attempt
    target_days: int
    fraction: float  # 0.0 … 1.0 of the target
    day_text: str  # "Day 12 of 30"
    time_text: str  # the hours and minutes of the day in progress
    milestone_text: str
    state: str  # one of countdown_stats.STATES
    state_text: str
    accessible_text: str
    next_change: timedelta  # how long these words stay true (to the next whole minute)


def ring_view(plan: Plan, now: datetime, contacts: Iterable[ContactEntry] = ()) -> RingView:
    now = utc_moment(now)
    gone = stats.elapsed(plan, now)
    day = whole_days(gone)
    wait = wait_remaining(contacts, now)
    state = stats.state(plan, now, waiting_for_reply=wait is not None)
    into_day = gone - day * DAY
    time_text = f"and {duration_words(into_day)}" if into_day >= MINUTE else "just started"
    upcoming = stats.next_milestone(plan, now)
    if upcoming is None:
        milestone_text = "Every milestone reached"
    else:
        milestone_text = f"Next milestone: day {upcoming[0]}, in {duration_words(upcoming[1])}"
    state_text = STATE_WORDS[state]
    if wait is not None:
        state_text = f"Waiting for a reply: {duration_words(wait)} left"
    day_text = f"Day {day} of {plan.target_days}"
    return RingView(
        day=day,
        target_days=plan.target_days,
        fraction=min(gone / (plan.target_days * DAY), 1.0),
        day_text=day_text,
        time_text=time_text,
        milestone_text=milestone_text,
        state=state,
        state_text=state_text,
        accessible_text=f"{day_text} without contact, {time_text}. {milestone_text}. {state_text}.",
        next_change=MINUTE - gone % MINUTE,
    )


@dataclass(frozen=True)
class StatsView:
    current_streak: str
    longest_streak: str
    total_days: str
    average_gap: str
    urges_per_week: str


def stats_view(plan: Plan, now: datetime, urge_times: Iterable[datetime] = ()) -> StatsView:
    gap = stats.average_gap_between_slips(plan)
    return StatsView(
        current_streak=plural(stats.current_streak(plan, now), "day"),
        longest_streak=plural(stats.longest_streak(plan, now), "day"),
        total_days=plural(stats.total_days(plan, now), "day"),
        average_gap="no slips" if gap is None else duration_words(gap),
        urges_per_week=f"{stats.urges_per_week(urge_times, plan, now):.1f}",
    )


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime  # UTC
    kind: str  # attempt_start, attempt_end, slip, logistics, they_contacted, sent_unanswered,
    # answered, readiness
    title: str
    detail: str = ""


CONTACT_TITLES = {
    "logistics": "A practical contact",
    "they_contacted": "They got in touch",
    "sent_unanswered": "I sent a message",
}
TOPIC_WORDS = {"belongings": "belongings", "bills": "shared bills", "other": "something practical"}


def history(plan: Plan, contacts: Iterable[ContactEntry] = ()) -> list[HistoryEvent]:
    """Attempts, slips, contacts and readiness checks, newest first."""
    events: list[HistoryEvent] = []  # appended in the order things happened
    for number, attempt in enumerate(plan.attempts, start=1):
        events.append(HistoryEvent(attempt.start, "attempt_start", f"Attempt {number} began"))
        for slip in attempt.slips:
            who = "They started it" if slip.initiated_by == "them" else "I started it"
            after = "I started counting again" if slip.restarted else "I kept counting"
            detail = " · ".join(part for part in (who, after, slip.note) if part)
            events.append(HistoryEvent(slip.at, "slip", SLIP_KIND_WORDS[slip.kind], detail))
        if attempt.end is not None:
            length = plural(whole_days(attempt.end - attempt.start), "day")
            events.append(HistoryEvent(attempt.end, "attempt_end", f"Attempt {number}: {length}"))
    for entry in contacts:
        title = CONTACT_TITLES[entry.kind]
        if entry.kind == "logistics" and entry.topic:
            title += f" ({TOPIC_WORDS[entry.topic]})"
        events.append(HistoryEvent(entry.at, entry.kind, title, entry.note))
        if entry.answered_at is not None:
            events.append(HistoryEvent(entry.answered_at, "answered", "They answered my message"))
    for result in plan.readiness:
        outcome = "ready" if result.outcome == "ready" else "not yet"
        events.append(HistoryEvent(result.at, "readiness", f"Readiness check: {outcome}"))
    # Newest first; at equal moments the later-appended event (e.g. the new attempt's
    # start after the slip that ended the old one) comes first.
    order = sorted(range(len(events)), key=lambda i: (events[i].at, i), reverse=True)
    return [events[i] for i in order]


def when_words(moment: datetime, zone: str) -> str:
    """A moment as the user reads it in their zone: "Sat 21 Nov 2026, 20:15"."""
    return short_moment(local(moment, zone))
