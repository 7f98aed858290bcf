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
from reconnect_gui.core.countdown.person import ExWords, ex_words
from reconnect_gui.core.countdown.plan import Initiator, Plan, SlipKind
from reconnect_gui.core.countdown.readiness import Outcome
from reconnect_gui.core.wording import plural, short_day, short_moment

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)

STATE_WORDS = {
    stats.NoContactState.COUNTING: "Counting",
    stats.NoContactState.TARGET_REACHED: "Target reached",
    stats.NoContactState.READY: "Ready, if you want to",
    stats.NoContactState.WAITING_FOR_REPLY: "Waiting for a reply",
    stats.NoContactState.MOVING_ON: "Moving on",
}
# What broke No Contact, as the dialog offers it and the history shows it ({their}: the
# ex's possessive, see ``core.countdown.person``).
SLIP_KIND_TEMPLATES = {
    SlipKind.REACHED_OUT: "I reached out",
    SlipKind.REPLIED: "I replied",
    SlipKind.CHECKED_PROFILES: "I checked {their} profiles",
    SlipKind.MET_BY_CHANCE: "We met by chance",
    SlipKind.OTHER: "Something else",
}


def person_of(plan: Plan | None) -> ExWords:
    """How the app speaks of the ex in ``plan`` ("they" without a plan)."""
    return ExWords() if plan is None else ex_words(plan.ex_name, plan.ex_pronouns)


def slip_kind_words(kind: SlipKind | str, ex: ExWords | None = None) -> str:
    """ "I checked her profiles": a kind of slip in words, with the ex's pronouns."""
    return (ex or ExWords()).fill(SLIP_KIND_TEMPLATES[SlipKind(kind)])


def time_left_words(left: timedelta) -> str:
    """How long is left until the target or the end of a wait, the one way every screen
    says it ("13 days 5 hours"): the home screen and the draft's notes read this, so they
    never disagree by a rounding."""
    return duration_words(left)


def target_day_words(start: datetime, target_days: int, zone: str, now: datetime) -> str:
    """The day the target falls, counted from ``start``, in the right tense: "You reach
    day 30 on Sat 21 Nov 2026." or, once it is behind, "You reached day 3 on Tue 3 Mar 2026."

    Only the date: the hour can differ from the start's by one across a DST change (days
    are whole 24-hour periods), which would look like a mistake.
    """
    moment = utc_moment(start) + target_days * DAY
    verb = "reached" if moment <= utc_moment(now) else "reach"
    return f"You {verb} day {target_days} on {short_day(local(moment, zone), year=True)}."


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
    day_text: str  # "Day 12 of 30"; past the target "Day 40" (and "Target of 30 reached")
    time_text: str  # the whole time so far, to read on its own: "12 days 5 hours"
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
    time_text = duration_words(gone) if gone >= MINUTE else "just started"
    upcoming = stats.next_milestone(plan, now)
    if day >= plan.target_days:
        milestone_text = f"Target of {plan.target_days} reached"
    elif upcoming is None:
        milestone_text = "Every milestone reached"
    elif upcoming[0] == plan.target_days:
        milestone_text = f"Your target: day {upcoming[0]}, in {time_left_words(upcoming[1])}"
    else:
        milestone_text = f"Next milestone: day {upcoming[0]}, in {duration_words(upcoming[1])}"
    state_text = STATE_WORDS[state]
    if wait is not None:
        state_text = f"Waiting for a reply: {time_left_words(wait)} left"
    # Past the target the ring says "Day 40" and, beneath, "Target of 30 reached"; read
    # out as one: "Day 40 — target of 30 reached" (never "Day 40 of 30").
    if day >= plan.target_days:
        day_text = f"Day {day}"
        spoken = f"Day {day} — target of {plan.target_days} reached: {time_text} without contact"
        spoken_rest = state_text
    else:
        day_text = f"Day {day} of {plan.target_days}"
        spoken = f"{day_text}: {time_text} without contact"
        spoken_rest = f"{milestone_text}. {state_text}"
    return RingView(
        day=day,
        target_days=plan.target_days,
        fraction=min(gone / (plan.target_days * DAY), 1.0),
        day_text=day_text,
        time_text=time_text,
        milestone_text=milestone_text,
        state=state,
        state_text=state_text,
        accessible_text=f"{spoken}. {spoken_rest}.",
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


CONTACT_TITLES = {  # {who}: the ex's name, else their pronoun (core.countdown.person)
    "logistics": "A practical contact",
    "they_contacted": "{who} got in touch",
    "sent_unanswered": "I sent a message",
}
READINESS_TITLES = {
    Outcome.READY: "Readiness check: ready",
    Outcome.NOT_YET: "Readiness check: not yet",
    Outcome.MOVING_ON: "I chose to move on, without contact",
}
TOPIC_WORDS = {"belongings": "belongings", "bills": "shared bills", "other": "something practical"}


def history(plan: Plan, contacts: Iterable[ContactEntry] = ()) -> list[HistoryEvent]:
    """Attempts, slips, contacts and readiness checks, newest first."""
    ex = person_of(plan)
    events: list[HistoryEvent] = []  # appended in the order things happened
    for number, attempt in enumerate(plan.attempts, start=1):
        events.append(HistoryEvent(attempt.start, "attempt_start", f"Attempt {number} began"))
        for slip in attempt.slips:
            who = f"{ex.who} started it" if slip.initiated_by == Initiator.THEM else "I started it"
            after = "I started counting again" if slip.restarted else "I kept counting"
            detail = " · ".join(part for part in (who, after, slip.note) if part)
            events.append(HistoryEvent(slip.at, "slip", slip_kind_words(slip.kind, ex), detail))
        if attempt.end is not None:
            length = plural(whole_days(attempt.end - attempt.start), "day")
            events.append(HistoryEvent(attempt.end, "attempt_end", f"Attempt {number}: {length}"))
    for entry in contacts:
        title = ex.fill(CONTACT_TITLES[entry.kind])
        if entry.kind == "logistics" and entry.topic:
            title += f" ({TOPIC_WORDS[entry.topic]})"
        events.append(HistoryEvent(entry.at, entry.kind, title, entry.note))
        if entry.answered_at is not None:
            answered = f"{ex.who} answered my message"
            events.append(HistoryEvent(entry.answered_at, "answered", answered))
    for result in plan.readiness:
        events.append(HistoryEvent(result.at, "readiness", READINESS_TITLES[result.outcome]))
    # Newest first; at equal moments the later-appended event (e.g. the new attempt's
    # start after the slip that ended the old one) comes first.
    order = sorted(range(len(events)), key=lambda i: (events[i].at, i), reverse=True)
    return [events[i] for i in order]


def when_words(moment: datetime, zone: str) -> str:
    """A moment as the user reads it in their zone: "Sat 21 Nov 2026, 20:15"."""
    return short_moment(local(moment, zone))
