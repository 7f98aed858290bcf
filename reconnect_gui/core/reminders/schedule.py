"""The reminder schedule: what to show, and when, as a pure function of state and clock.

Nothing here keeps time. The app aims one timer at ``next_reminder(...).due`` and, when it
fires (or after sleep/wake, a clock jump or a restart), asks ``due_reminders`` what to
show, then adds the shown keys to the fired log kept in the vault (``reminder_store``).

**Kinds.** Each has its own switch in ``ReminderPrefs``; ``enabled=False`` silences all.

- Check-in (``CHECK_IN``): every day at ``check_in`` on the wall clock of ``zone``. A time
  the clock skips (spring forward) moves to the first minute after the gap; a time the
  clock shows twice (fall back) uses the first. A date the clock skips entirely (Samoa,
  30 December 2011) has no check-in. The key is the local date. The title is "Day N" of
  the current attempt as of the moment it shows. Without a plan the check-in still comes,
  titled "Checking in": the user picked that time to be asked how they are, and that
  question matters before a countdown starts and after it ends.
- Milestone (``MILESTONE``): the moment the current attempt reaches day N for each of
  ``countdown_stats.milestones`` (day N = N whole 24-hour periods after the attempt's
  start). Only the current attempt's: a restart after a slip starts new keys and the
  old attempt's milestones are never announced.
- Wait over (``WAIT_OVER``): the end of the wait after an unanswered message. An answered
  message has none. When another unanswered message's wait is still running at that
  moment, only the end of the last wait is announced.
- Draft ready (``DRAFT_READY``): a draft's cool-off ending (``drafts.cool_off_ends``).
  Blank drafts are skipped. New words mean a new cool-off end, so a new key.

A click leads to the check-in on the home screen for a check-in (it asks how the user
feels, in one line and a mood), to the countdown for a milestone or a wait, and to the
draft itself for a draft.

**Check-ins that fit.** A first run (the app just started: ``since=None``) shows a missed
check-in only on the day it was due: starting the app at 09:00 never asks about last
night, before today's chosen time has come. A vault made just now has seen no check-ins:
``check_ins_before`` names today's, if its time has passed, so the caller can count it as
shown and no restart later that day brings it up.

**Quiet hours.** From ``quiet_start`` (inclusive) to ``quiet_end`` (exclusive) on the
local wall clock; the window may wrap midnight; equal times (or either ``None``) mean no
quiet hours. Anything due inside moves to the next moment the clock reads ``quiet_end``.

**Pause.** Nothing is due before ``paused_until``. A check-in that would have shown
during the pause is dropped. A milestone, wait or draft that came due during the pause
shows when the pause ends (then quiet hours apply); one that came due more than
``PAUSE_HOLD`` before the end is stale and dropped, since the pause's start is not known.
To resume early, set ``paused_until`` to the moment of resuming rather than ``None``:
what the pause held then shows at once. A pause beyond the year 2999 means "until I
resume"; a naive ``paused_until`` is read as UTC.

**Catching up.** ``due_reminders`` looks at the window ``(since, now]``. Only the newest
check-in and the highest milestone due by ``now`` are ever eligible, so a long sleep or a
clock jumped forward shows each kind once; each wait and draft shows once. A clock set
backwards (``now < since``) shows nothing; fired keys never show again either way.
Anything whose own moment is more than ``FIRED_KEEP`` old is stale and never shown, which
is what lets ``prune_fired`` forget keys that old without any risk of a repeat.

Every title and message is our own words and never contains anything the user wrote
(notifications can be read on a lock screen).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from reconnect_gui.core.countdown.contact_log import (
    MAX_WAIT_DAYS,
    ContactEntry,
    ContactKind,
    wait_ends,
)
from reconnect_gui.core.countdown.milestones import milestone_words
from reconnect_gui.core.countdown.moments import (
    DAY,
    LAST_YEAR,
    is_zone_name,
    moment_data,
    utc_moment,
)
from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.countdown.stats import days_elapsed, milestones
from reconnect_gui.core.drafts.draft import Draft, cool_off_ends
from reconnect_gui.core.panes import PaneKey

CHECK_IN = "check_in"
MILESTONE = "milestone"
WAIT_OVER = "wait_over"
DRAFT_READY = "draft_ready"
KINDS = (CHECK_IN, MILESTONE, WAIT_OVER, DRAFT_READY)


PAUSE_HOLD = timedelta(days=14)  # one-offs older than this at the pause's end are dropped
FIRED_KEEP = timedelta(days=60)  # fired keys are kept this long; older reminders are stale
CATCH_UP = DAY  # how far back the first run (since=None) looks

_ORDER = {kind: i for i, kind in enumerate(KINDS)}  # for equal due moments
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class ReminderPrefs:
    """What the user chose; holds nothing private, so it lives in settings.json."""

    enabled: bool = True  # master switch
    check_in: time | None = time(20, 0)  # local wall-clock time; None = no daily check-in
    milestones: bool = True
    waits: bool = True  # the end of the wait after an unanswered message
    drafts: bool = True  # a draft's cool-off ending
    quiet_start: time | None = time(22, 0)  # None = no quiet hours; may wrap midnight
    quiet_end: time | None = time(8, 0)
    paused_until: datetime | None = None  # aware UTC


@dataclass(frozen=True)
class ReminderSources:
    """What the vault holds, already loaded."""

    plan: Plan | None
    contacts: tuple[ContactEntry, ...] = ()
    drafts: tuple[Draft, ...] = ()
    zone: str = "UTC"  # IANA name of the user's zone


@dataclass(frozen=True)
class Reminder:
    key: str  # stable identity across restarts; see the key functions below
    kind: str  # one of KINDS
    due: datetime  # aware UTC, already moved out of quiet hours and past any pause
    title: str  # short and calm; never anything the user wrote
    message: str
    pane: PaneKey  # where a click leads
    target_id: str | None = None  # the draft to open, for DRAFT_READY


# -- words ------------------------------------------------------------------------------

CHECK_IN_MESSAGE = "How are you feeling today?"
NO_PLAN_CHECK_IN_TITLE = "Checking in"
WAIT_TITLE = "Your waiting time has ended"
WAIT_MESSAGE = "There is no need to do anything now. Check in with yourself first."
DRAFT_TITLE = "A draft has rested"
DRAFT_MESSAGE = "Read it again with fresh eyes before you decide anything."


def _check_in_title(plan: Plan | None, shown_at: datetime) -> str:
    return NO_PLAN_CHECK_IN_TITLE if plan is None else f"Day {days_elapsed(plan, shown_at)}"


# -- keys -------------------------------------------------------------------------------


def check_in_key(day: date) -> str:
    return f"check_in:{day.isoformat()}"


def milestone_key(attempt_start: datetime, day: int) -> str:
    return f"milestone:{moment_data(attempt_start)}:{day}"


def wait_key(contact_at: datetime) -> str:
    return f"wait:{moment_data(contact_at)}"


def draft_key(draft_id: str, ready_at: datetime) -> str:
    return f"draft:{draft_id}:{moment_data(ready_at)}"


def _moment(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.utcoffset() is not None else None


def _key_moment(key: object) -> datetime | None:
    """A moment no earlier than when the keyed reminder was first due, or None if unreadable."""
    if not isinstance(key, str):
        return None
    kind, _, rest = key.partition(":")
    try:
        if kind == "check_in":
            # Any zone's date ends within about a day of UTC's; the extra day covers quiet hours.
            return datetime.combine(date.fromisoformat(rest), time(), UTC) + 3 * DAY
        if kind == "milestone":
            start, _, day = rest.rpartition(":")
            moment = _moment(start)
            return None if moment is None or not day.isdigit() else moment + int(day) * DAY
        if kind == "wait":
            # The key holds when the message was sent, not how long its wait was.
            moment = _moment(rest)
            return None if moment is None else moment + MAX_WAIT_DAYS * DAY
        if kind == "draft":
            # The draft id comes first and may itself hold a colon: try each split.
            cuts = (i for i, char in enumerate(rest) if char == ":")
            return next((m for i in cuts if (m := _moment(rest[i + 1 :])) is not None), None)
    except (ValueError, OverflowError):
        return None
    return None


def prune_fired(fired: Collection[str], now: datetime) -> frozenset[str]:
    """The fired keys worth keeping: those whose moment is less than ``FIRED_KEEP`` before
    ``now``; unreadable keys are dropped. Safe: a reminder that old is stale and never
    shown again anyway. A wait's key is kept as long as the longest wait could last."""
    horizon = utc_moment(now) - FIRED_KEEP
    kept = set()
    for key in fired:
        moment = _key_moment(key)
        if moment is not None and moment >= horizon:
            kept.add(key)
    return frozenset(kept)


# -- the wall clock ---------------------------------------------------------------------


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name if is_zone_name(name) else "UTC")


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    """The naive local wall-clock reading at ``moment``."""
    return moment.astimezone(zone).replace(tzinfo=None)


def _gap_end(naive: datetime, zone: ZoneInfo) -> datetime:
    """The first whole minute after the spring-forward gap that swallowed ``naive`` (UTC)."""
    # fold=1 reads the time with the offset after the jump, landing before it; fold=0 the
    # other way round. The jump lies between; halve in whole seconds (transitions are).
    low = math.floor(naive.replace(tzinfo=zone, fold=1).timestamp())
    high = math.ceil(naive.replace(tzinfo=zone, fold=0).timestamp())
    offset_after = _offset(high, zone)
    while high - low > 1:  # at most ~17 halvings, even for a skipped day
        middle = (low + high) // 2
        if _offset(middle, zone) == offset_after:
            high = middle
        else:
            low = middle
    jump = datetime.fromtimestamp(high, UTC)
    whole = jump.replace(second=0)
    return whole if whole == jump else whole + _MINUTE


def _offset(timestamp: int, zone: ZoneInfo) -> timedelta | None:
    return datetime.fromtimestamp(timestamp, UTC).astimezone(zone).utcoffset()


def _instants(day: date, at: time, zone: ZoneInfo) -> list[datetime]:
    """Every UTC moment the clock in ``zone`` reads ``at`` on ``day``, earliest first.

    Two on a fall-back day, one usually, and for a time the clock skips, the end of the gap.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None))
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(first, zone) != naive:
        return [_gap_end(naive, zone)]
    second = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return sorted({first, second})


def _is_quiet(moment: datetime, prefs: ReminderPrefs, zone: ZoneInfo) -> bool:
    start, end = prefs.quiet_start, prefs.quiet_end
    if start is None or end is None:
        return False
    start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    if start == end:
        return False
    clock = _wall(moment, zone).time()
    return start <= clock < end if start < end else (clock >= start or clock < end)


def _after_quiet(moment: datetime, prefs: ReminderPrefs, zone: ZoneInfo) -> datetime:
    """``moment``, or if it falls in quiet hours, the next time the clock reads quiet_end."""
    for _ in range(3):  # a second round only when quiet_end sits in a DST gap
        if not _is_quiet(moment, prefs, zone):
            return moment
        assert prefs.quiet_end is not None
        today = _wall(moment, zone).date()
        moment = next(
            instant
            for offset in range(3)
            for instant in _instants(today + offset * DAY, prefs.quiet_end, zone)
            if instant > moment
        )
    return moment


# -- the schedule -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Schedule:
    """The inputs, checked once, and the rules that move a moment (quiet hours, pause)."""

    sources: ReminderSources
    prefs: ReminderPrefs
    fired: frozenset[str]
    now: datetime
    zone: ZoneInfo
    pause_end: datetime | None

    def place(self, raw: datetime) -> datetime | None:
        """When a one-off due at ``raw`` shows: past any pause, then out of quiet hours.

        None when it is stale, or came due too long before the pause ended.
        """
        if raw < self.now - FIRED_KEEP:
            return None  # stale (and its key may have been pruned)
        pause = self.pause_end
        if pause is not None and raw < pause:
            if raw < pause - PAUSE_HOLD:
                return None
            raw = pause
        return _after_quiet(raw, self.prefs, self.zone)

    def check_in_due(self, day: date) -> datetime | None:
        """When the check-in of local ``day`` shows, before any pause rule."""
        assert self.prefs.check_in is not None
        first = _instants(day, self.prefs.check_in, self.zone)[0]
        if _wall(first, self.zone).date() != day:
            return None  # the clock skipped the rest of this date
        return _after_quiet(first, self.prefs, self.zone)

    def check_in(self, day: date, shown_at: datetime | None = None) -> Reminder | None:
        due = self.check_in_due(day)
        if due is None or (self.pause_end is not None and due < self.pause_end):
            return None
        title = _check_in_title(self.sources.plan, shown_at or due)
        return Reminder(
            check_in_key(day), CHECK_IN, due, title, CHECK_IN_MESSAGE, PaneKey.COUNTDOWN
        )

    def milestones(self) -> Iterator[Reminder]:
        plan = self.sources.plan
        if plan is None or not self.prefs.milestones:
            return
        start = plan.current.start
        for day in milestones(plan):
            due = self.place(start + day * DAY)
            if due is not None:
                # The home card's words (one wording for one moment).
                words = milestone_words(day, plan.target_days)
                key = milestone_key(start, day)
                yield Reminder(key, MILESTONE, due, words.title, words.message, PaneKey.COUNTDOWN)

    def waits(self) -> Iterator[Reminder]:
        if not self.prefs.waits:
            return
        open_waits = [
            c
            for c in self.sources.contacts
            if c.kind == ContactKind.SENT_UNANSWERED and c.answered_at is None
        ]
        announced = set()  # the same message logged twice is announced once
        for entry in open_waits:
            end = wait_ends(entry)
            if entry.at in announced or any(_outlasts(o, entry, end) for o in open_waits):
                continue
            announced.add(entry.at)
            due = self.place(end)
            if due is not None:
                yield Reminder(
                    wait_key(entry.at), WAIT_OVER, due, WAIT_TITLE, WAIT_MESSAGE, PaneKey.COUNTDOWN
                )

    def drafts(self) -> Iterator[Reminder]:
        if not self.prefs.drafts:
            return
        for draft in self.sources.drafts:
            if not draft.body.strip():
                continue
            ready = cool_off_ends(draft)
            due = self.place(ready)
            if due is not None:
                yield Reminder(
                    draft_key(draft.id, ready),
                    DRAFT_READY,
                    due,
                    DRAFT_TITLE,
                    DRAFT_MESSAGE,
                    PaneKey.DRAFT,
                    target_id=draft.id,
                )


def _outlasts(other: ContactEntry, entry: ContactEntry, end: datetime) -> bool:
    """True when ``other``'s wait is still running as ``entry``'s ends (the later-sent
    message wins when both end together)."""
    if other is entry or other.at > end:
        return False
    other_end = wait_ends(other)
    return other_end > end or (other_end == end and other.at > entry.at)


def _schedule(
    sources: ReminderSources, prefs: ReminderPrefs, fired: Collection[str], now: datetime
) -> _Schedule | None:
    """The checked inputs, or None when nothing can ever be due (off, or paused for good)."""
    if not prefs.enabled:
        return None
    pause = prefs.paused_until
    if pause is not None:
        pause = pause.replace(tzinfo=UTC) if pause.utcoffset() is None else pause.astimezone(UTC)
        if pause.year > LAST_YEAR:
            return None
    return _Schedule(sources, prefs, frozenset(fired), utc_moment(now), _zone(sources.zone), pause)


def _sort_key(reminder: Reminder) -> tuple[datetime, int, str]:
    return reminder.due, _ORDER[reminder.kind], reminder.key


def next_reminder(
    sources: ReminderSources, prefs: ReminderPrefs, fired: Collection[str], now: datetime
) -> Reminder | None:
    """The first reminder due strictly after ``now`` that is not in ``fired`` (to aim the
    timer at). Cheap: a few days of check-ins at most, never a walk over years."""
    schedule = _schedule(sources, prefs, fired, now)
    if schedule is None:
        return None
    now = schedule.now
    found = [
        r
        for r in (*schedule.milestones(), *schedule.waits(), *schedule.drafts())
        if r.due > now and r.key not in schedule.fired
    ]
    if prefs.check_in is not None and (check_in := _next_check_in(schedule)) is not None:
        found.append(check_in)
    # For one moment, the highest milestone wins: due_reminders shows only that one.
    found.sort(key=lambda r: (*_sort_key(r)[:2], -_milestone_day(r), r.key))
    return found[0] if found else None


def _milestone_day(reminder: Reminder) -> int:
    return int(reminder.key.rpartition(":")[2]) if reminder.kind == MILESTONE else 0


def _next_check_in(schedule: _Schedule) -> Reminder | None:
    start = max(schedule.now, schedule.pause_end or schedule.now)
    day = _wall(start, schedule.zone).date() - 2 * DAY  # quiet hours may carry a day over
    for _ in range(len(schedule.fired) + 10):  # fired future days (clock set back) are skipped
        reminder = schedule.check_in(day)
        if reminder and reminder.due > schedule.now and reminder.key not in schedule.fired:
            return reminder
        day += DAY
    return None


def due_reminders(
    sources: ReminderSources,
    prefs: ReminderPrefs,
    fired: Collection[str],
    since: datetime | None,
    now: datetime,
) -> list[Reminder]:
    """What to show at ``now``: reminders due in ``(since, now]`` and not yet fired, the
    newest check-in and highest milestone only (see the module docstring), oldest first.

    ``since=None`` (first run) looks back ``CATCH_UP``. A clock set backwards
    (``now < since``) shows nothing; the caller may then carry on from ``now``.
    """
    schedule = _schedule(sources, prefs, fired, now)
    if schedule is None:
        return []
    now = schedule.now
    since_given = since
    since = now - CATCH_UP if since is None else utc_moment(since)
    if now < since:
        return []

    def fresh(reminder: Reminder | None) -> bool:
        return (
            reminder is not None
            and since < reminder.due <= now
            and reminder.key not in schedule.fired
        )

    first_run = since_given is None
    shown: list[Reminder] = []
    if prefs.check_in is not None and (check_in := _newest_check_in(schedule)) is not None:
        today = _wall(now, schedule.zone).date()
        other_day = _wall(check_in.due, schedule.zone).date() != today
        if fresh(check_in) and not (first_run and other_day):
            shown.append(check_in)
    reached = [m for m in schedule.milestones() if m.due <= now]
    if reached:
        highest = max(reached, key=lambda m: (m.due, _milestone_day(m)))
        shown.extend([highest] if fresh(highest) else [])
    shown.extend(r for r in (*schedule.waits(), *schedule.drafts()) if fresh(r))
    return sorted(shown, key=_sort_key)


def _newest_check_in(schedule: _Schedule) -> Reminder | None:
    """The latest check-in due by ``now`` (titled as of now), or None if a pause dropped it."""
    day = _wall(schedule.now, schedule.zone).date()
    for _ in range(5):  # today's, or yesterday's carried past quiet hours, or a skipped date
        due = schedule.check_in_due(day)
        if due is not None and due <= schedule.now:
            return schedule.check_in(day, shown_at=schedule.now)
        day -= DAY
    return None


def check_ins_before(
    sources: ReminderSources, prefs: ReminderPrefs, now: datetime
) -> frozenset[str]:
    """The keys of check-ins a vault made at ``now`` never saw: today's, once its time has
    passed. Counted as shown, no restart later the same day asks about them."""
    schedule = _schedule(sources, prefs, (), now)
    if schedule is None or prefs.check_in is None:
        return frozenset()
    today = _wall(schedule.now, schedule.zone).date()
    due = schedule.check_in_due(today)
    return frozenset({check_in_key(today)} if due is not None and due <= schedule.now else ())
