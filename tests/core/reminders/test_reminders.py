"""The reminder schedule: each rule by example, then properties over zones, DST and clocks."""

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.contact_log import mark_answered, sent_unanswered, they_contacted
from reconnect_gui.core.countdown.moments import local
from reconnect_gui.core.countdown.plan import new_plan, record_slip
from reconnect_gui.core.drafts.draft import COOL_OFF_HOURS, edit, new_draft
from reconnect_gui.core.reminders.schedule import (
    CHECK_IN,
    DRAFT_READY,
    FIRED_KEEP,
    MILESTONE,
    PAUSE_HOLD,
    WAIT_OVER,
    Reminder,
    ReminderPrefs,
    ReminderSources,
    check_in_key,
    draft_key,
    due_reminders,
    milestone_key,
    next_reminder,
    prune_fired,
    wait_key,
)

BERLIN = "Europe/Berlin"
H = timedelta(hours=1)
M = timedelta(minutes=1)
D = timedelta(days=1)
NO_QUIET = ReminderPrefs(quiet_start=None, quiet_end=None)
ONLY_CHECK_IN = ReminderPrefs(
    milestones=False, waits=False, drafts=False, quiet_start=None, quiet_end=None
)
ONLY_ONE_OFFS = ReminderPrefs(check_in=None, quiet_start=None, quiet_end=None)
PRIVATE = "Sam"  # stands for anything the user wrote; must never reach a notification


def at(zone: str, *parts: int) -> datetime:
    """A wall-clock moment in ``zone`` (first occurrence), as UTC."""
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def wall(moment: datetime, zone: str) -> datetime:
    return local(moment, zone).replace(tzinfo=None)


def plan_from(start: datetime, zone: str = BERLIN, target: int = 30):
    return new_plan(start, zone, target_days=target, ex_name=PRIVATE, reasons=[PRIVATE])


def upcoming(sources, prefs, now, fired=(), count=10) -> list[Reminder]:
    """The next ``count`` reminders, as the app would show them with its one timer."""
    shown, fired = [], set(fired)
    for _ in range(count):
        reminder = next_reminder(sources, prefs, fired, now)
        if reminder is None:
            break
        batch = due_reminders(sources, prefs, fired, now, reminder.due)
        assert reminder.key in {r.key for r in batch}
        shown.extend(batch)
        fired |= {r.key for r in batch}
        now = reminder.due
    return shown


# -- the daily check-in ------------------------------------------------------------------


def test_the_check_in_comes_at_the_chosen_local_time_titled_with_the_day() -> None:
    start = at(BERLIN, 2026, 11, 10, 21, 0)
    sources = ReminderSources(plan_from(start), zone=BERLIN)
    now = at(BERLIN, 2026, 11, 22, 9, 0)
    reminder = next_reminder(sources, ONLY_CHECK_IN, (), now)
    assert reminder == Reminder(
        key="check_in:2026-11-22",
        kind=CHECK_IN,
        due=at(BERLIN, 2026, 11, 22, 20, 0),
        title="Day 11",  # 21:00 on the 10th to 20:00 on the 22nd: 11 whole days
        message="How are you feeling today?",
        pane="countdown",  # the check-in on the home screen (issue 17)
    )
    assert next_reminder(sources, ONLY_CHECK_IN, {reminder.key}, now).key == "check_in:2026-11-23"


def test_without_a_plan_the_check_in_still_comes_without_a_day_number() -> None:
    sources = ReminderSources(None, zone="America/New_York")
    now = at("America/New_York", 2026, 7, 1, 12, 0)
    reminder = next_reminder(sources, ONLY_CHECK_IN, (), now)
    assert reminder.title == "Checking in"
    assert reminder.due == at("America/New_York", 2026, 7, 1, 20, 0)


@pytest.mark.parametrize(
    ("zone", "day", "chosen", "shown"),
    [
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), time(3, 0)),  # 02:00 → 03:00
        ("America/New_York", date(2026, 3, 8), time(2, 0), time(3, 0)),
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 10), time(2, 30)),  # half an hour
    ],
)
def test_a_time_the_clock_skips_moves_to_the_first_minute_after(zone, day, chosen, shown) -> None:
    sources = ReminderSources(None, zone=zone)
    prefs = ReminderPrefs(check_in=chosen, quiet_start=None, quiet_end=None)
    now = datetime.combine(day, time(0, 1), ZoneInfo(zone)).astimezone(UTC)
    reminder = next_reminder(sources, prefs, (), now)
    assert reminder.key == check_in_key(day)
    assert wall(reminder.due, zone) == datetime.combine(day, shown)


def test_a_time_the_clock_shows_twice_uses_the_first() -> None:
    sources = ReminderSources(None, zone=BERLIN)
    prefs = ReminderPrefs(check_in=time(2, 30), quiet_start=None, quiet_end=None)
    reminder = next_reminder(sources, prefs, (), at(BERLIN, 2026, 10, 25, 0, 0))
    assert reminder.due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    # Shown once: the second 02:30 of that night brings nothing new.
    after = next_reminder(sources, prefs, {reminder.key}, reminder.due)
    assert after.key == "check_in:2026-10-26"


def test_a_date_the_clock_skips_entirely_has_no_check_in() -> None:
    # Samoa moved across the date line: 30 December 2011 never happened there.
    sources = ReminderSources(None, zone="Pacific/Apia")
    shown = upcoming(sources, ONLY_CHECK_IN, at("Pacific/Apia", 2011, 12, 28, 21, 0), count=3)
    assert [r.key for r in shown] == [
        "check_in:2011-12-29",
        "check_in:2011-12-31",
        "check_in:2012-01-01",
    ]
    assert shown[1].due - shown[0].due == D


def test_a_late_check_in_counts_the_day_as_of_when_it_shows() -> None:
    start = at(BERLIN, 2026, 11, 10, 20, 30)
    sources = ReminderSources(plan_from(start), zone=BERLIN)
    fired = set()
    # Asleep from 19:00 to 22:00: the 20:00 check-in shows late, after the day turned over.
    shown = due_reminders(
        sources, ONLY_CHECK_IN, fired, at(BERLIN, 2026, 11, 15, 19), at(BERLIN, 2026, 11, 15, 22)
    )
    assert [(r.key, r.title) for r in shown] == [("check_in:2026-11-15", "Day 5")]


# -- milestones --------------------------------------------------------------------------


def test_milestones_come_when_the_current_attempt_reaches_day_n() -> None:
    start = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start, target=10), zone="UTC")
    shown = upcoming(sources, ONLY_ONE_OFFS, start, count=20)
    assert [(r.due - start, r.title) for r in shown] == [
        (1 * D, "Day 1"),
        (3 * D, "Day 3"),
        (7 * D, "Day 7 — one week"),
        (10 * D, "Day 10 — your target"),
        (14 * D, "Day 14 — two weeks"),
        (21 * D, "Day 21 — three weeks"),
        (30 * D, "Day 30 — one month"),
    ]
    assert {r.kind for r in shown} == {MILESTONE}
    assert {r.pane for r in shown} == {"countdown"}
    assert shown[2].key == milestone_key(start, 7) == "milestone:2026-11-01T20:00:00+00:00:7"


def test_a_restart_announces_only_the_new_attempts_milestones() -> None:
    start = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
    slip_at = start + 5 * D
    plan = record_slip(plan_from(start), slip_at, "reached_out", restart=True, note=PRIVATE)
    sources = ReminderSources(plan, zone="UTC")
    reminder = next_reminder(sources, ONLY_ONE_OFFS, (), slip_at)
    assert (reminder.key, reminder.due) == (milestone_key(slip_at, 1), slip_at + D)
    # Day 7 of the old attempt would have been start + 7 days: it never shows.
    old_seven = milestone_key(start, 7)
    later = due_reminders(sources, ONLY_ONE_OFFS, (), start + 6 * D, start + 8 * D)
    assert old_seven not in {r.key for r in later}
    # Keeping count after a slip changes nothing.
    kept = record_slip(plan_from(start), slip_at, "replied", restart=False)
    assert next_reminder(ReminderSources(kept, zone="UTC"), ONLY_ONE_OFFS, (), slip_at).key == (
        milestone_key(start, 7)
    )


# -- waits and drafts --------------------------------------------------------------------


def test_the_end_of_a_wait_after_an_unanswered_message() -> None:
    sent = datetime(2026, 11, 1, 18, 0, tzinfo=UTC)
    message = sent_unanswered(sent, note=PRIVATE, wait_days=14)
    sources = ReminderSources(None, contacts=(message, they_contacted(sent, PRIVATE)))
    reminder = next_reminder(sources, ONLY_ONE_OFFS, (), sent)
    assert (reminder.kind, reminder.key, reminder.due) == (WAIT_OVER, wait_key(sent), sent + 14 * D)
    assert reminder.pane == "countdown"
    answered = ReminderSources(None, contacts=(mark_answered(message, sent + D),))
    assert next_reminder(answered, ONLY_ONE_OFFS, (), sent) is None


def test_only_the_end_of_the_last_running_wait_is_announced() -> None:
    sent = datetime(2026, 11, 1, 18, 0, tzinfo=UTC)
    first, second = sent_unanswered(sent), sent_unanswered(sent + 3 * D)
    sources = ReminderSources(None, contacts=(first, second))
    shown = upcoming(sources, ONLY_ONE_OFFS, sent)
    assert [(r.key, r.due) for r in shown] == [(wait_key(second.at), second.at + 14 * D)]
    # A message sent after a wait ended starts a wait of its own.
    later = sent_unanswered(sent + 20 * D)
    shown = upcoming(ReminderSources(None, contacts=(first, later)), ONLY_ONE_OFFS, sent)
    assert [r.key for r in shown] == [wait_key(first.at), wait_key(later.at)]


def test_a_draft_is_announced_when_its_cool_off_ends() -> None:
    t0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    draft = new_draft("text", t0, body=f"Hi {PRIVATE}", title=PRIVATE, draft_id="d1")
    blank = new_draft("letter", t0, body="  ", draft_id="d2")
    sources = ReminderSources(None, drafts=(draft, blank))
    reminder = next_reminder(sources, ONLY_ONE_OFFS, (), t0)
    ready = t0 + COOL_OFF_HOURS * H
    assert reminder == Reminder(
        key=draft_key("d1", ready),
        kind=DRAFT_READY,
        due=ready,
        title="A draft has rested",
        message=reminder.message,
        pane="draft",
        target_id="d1",
    )
    assert next_reminder(sources, ONLY_ONE_OFFS, {reminder.key}, t0) is None
    # New words restart the cool-off, and earn a reminder of their own.
    edited = edit(draft, "Hi, I hope you are well.", t0 + 2 * H)
    again = next_reminder(
        ReminderSources(None, drafts=(edited,)), ONLY_ONE_OFFS, {reminder.key}, t0
    )
    assert again.due == ready + 2 * H


def test_no_notification_ever_carries_what_the_user_wrote() -> None:
    start = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
    plan = record_slip(plan_from(start), start + D, "other", restart=False, note=PRIVATE)
    sources = ReminderSources(
        plan,
        contacts=(sent_unanswered(start, note=PRIVATE, wait_days=2),),
        drafts=(new_draft("letter", start, body=PRIVATE, title=PRIVATE, draft_id="x"),),
        zone=BERLIN,
    )
    shown = upcoming(sources, ReminderPrefs(), start, count=12)
    assert {r.kind for r in shown} == {CHECK_IN, MILESTONE, WAIT_OVER, DRAFT_READY}
    for reminder in shown:
        assert PRIVATE not in reminder.title + reminder.message


# -- quiet hours, pause, switches --------------------------------------------------------


def test_quiet_hours_move_a_reminder_to_their_end_and_may_wrap_midnight() -> None:
    start = at(BERLIN, 2026, 11, 1, 23, 0)  # milestones fall at 23:00 Berlin time
    sources = ReminderSources(plan_from(start), zone=BERLIN)
    quiet = ReminderPrefs(check_in=None, quiet_start=time(22, 0), quiet_end=time(8, 0))
    reminder = next_reminder(sources, quiet, (), start)
    assert reminder.key == milestone_key(start, 1)
    assert reminder.due == at(BERLIN, 2026, 11, 3, 8, 0)
    # A window within one day, and one that starts and ends together (no quiet hours).
    daytime = ReminderPrefs(check_in=None, quiet_start=time(12, 0), quiet_end=time(23, 30))
    assert next_reminder(sources, daytime, (), start).due == at(BERLIN, 2026, 11, 2, 23, 30)
    none = ReminderPrefs(check_in=None, quiet_start=time(22, 0), quiet_end=time(22, 0))
    assert next_reminder(sources, none, (), start).due == at(BERLIN, 2026, 11, 2, 23, 0)


def test_a_check_in_inside_quiet_hours_comes_when_they_end() -> None:
    sources = ReminderSources(None, zone=BERLIN)
    prefs = ReminderPrefs(check_in=time(23, 0), quiet_start=time(22, 0), quiet_end=time(7, 30))
    shown = upcoming(sources, prefs, at(BERLIN, 2026, 11, 1, 12, 0), count=2)
    assert [(r.key, wall(r.due, BERLIN)) for r in shown] == [
        ("check_in:2026-11-01", datetime(2026, 11, 2, 7, 30)),
        ("check_in:2026-11-02", datetime(2026, 11, 3, 7, 30)),
    ]


def test_a_pause_drops_check_ins_and_holds_one_offs_until_it_ends() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), zone="UTC")
    pause_end = start + 4 * D + 6 * H
    prefs = ReminderPrefs(check_in=time(20, 0), quiet_start=None, paused_until=pause_end)
    assert due_reminders(sources, prefs, (), start, pause_end - M) == []
    reminder = next_reminder(sources, prefs, (), start)
    assert (reminder.key, reminder.due) == (milestone_key(start, 3), pause_end)
    # Days 1 and 3 were held; only the higher shows. The check-ins of the 1st-4th are gone.
    shown = due_reminders(sources, prefs, (), start, pause_end)
    assert [r.key for r in shown] == [milestone_key(start, 3)]
    assert next_reminder(sources, prefs, {reminder.key}, pause_end).key == "check_in:2026-11-05"


def test_a_pause_ending_in_quiet_hours_waits_for_them_to_end() -> None:
    sent = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(None, contacts=(sent_unanswered(sent, wait_days=1),))
    prefs = ReminderPrefs(check_in=None, paused_until=sent + 2 * D + 11 * H)  # 23:00 UTC
    assert next_reminder(sources, prefs, (), sent).due == sent + 2 * D + 20 * H  # 08:00


def test_one_offs_long_before_the_end_of_a_pause_are_stale() -> None:
    sent = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(None, contacts=(sent_unanswered(sent, wait_days=1),))
    ended = sent + D
    held = ReminderPrefs(check_in=None, quiet_start=None, paused_until=ended + PAUSE_HOLD)
    assert next_reminder(sources, held, (), ended + D).due == ended + PAUSE_HOLD
    too_long = ReminderPrefs(check_in=None, paused_until=ended + PAUSE_HOLD + M)
    assert next_reminder(sources, too_long, (), ended + D) is None


def test_resuming_early_shows_what_the_pause_held() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), zone="UTC")
    resumed = start + D + 2 * H  # paused until next week, resumed after day 1
    prefs = ReminderPrefs(check_in=None, quiet_start=None, paused_until=resumed)
    shown = due_reminders(sources, prefs, (), start + D - M, resumed)
    assert [(r.key, r.due) for r in shown] == [(milestone_key(start, 1), resumed)]


def test_reminders_off_or_paused_for_good_means_nothing() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), contacts=(sent_unanswered(start),))
    off = ReminderPrefs(enabled=False)
    assert next_reminder(sources, off, (), start) is None
    assert due_reminders(sources, off, (), start, start + 40 * D) == []
    forever = ReminderPrefs(paused_until=datetime(9999, 12, 31, tzinfo=UTC))
    assert next_reminder(sources, forever, (), start) is None


@pytest.mark.parametrize(
    ("switch", "kind"),
    [("milestones", MILESTONE), ("waits", WAIT_OVER), ("drafts", DRAFT_READY)],
)
def test_each_kind_has_its_own_switch(switch: str, kind: str) -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(
        plan_from(start),
        contacts=(sent_unanswered(start, wait_days=2),),
        drafts=(new_draft("text", start, body="Hi", draft_id="d"),),
    )
    on = ReminderPrefs(check_in=None, quiet_start=None)
    off = ReminderPrefs(check_in=None, quiet_start=None, **{switch: False})
    assert kind in {r.kind for r in upcoming(sources, on, start)}
    assert kind not in {r.kind for r in upcoming(sources, off, start)}
    assert CHECK_IN not in {r.kind for r in upcoming(sources, on, start)}


# -- catching up after sleep, clock jumps and restarts -------------------------------------


def test_after_a_long_sleep_each_kind_shows_once() -> None:
    start = at(BERLIN, 2026, 11, 1, 10, 0)
    sources = ReminderSources(
        plan_from(start),
        contacts=(sent_unanswered(start, wait_days=3),),
        drafts=(new_draft("text", start, body="Hi", draft_id="a"),),
        zone=BERLIN,
    )
    woke = at(BERLIN, 2026, 11, 9, 9, 0)  # asleep for 8 days
    shown = due_reminders(sources, NO_QUIET, (), start, woke)
    assert [(r.kind, r.key) for r in shown] == [
        (DRAFT_READY, draft_key("a", start + COOL_OFF_HOURS * H)),
        (WAIT_OVER, wait_key(start)),
        (MILESTONE, milestone_key(start, 7)),
        (CHECK_IN, "check_in:2026-11-08"),
    ]
    assert shown[-1].title == "Day 7"
    fired = {r.key for r in shown}
    assert due_reminders(sources, NO_QUIET, fired, start, woke) == []
    # The lower milestones never come back, even to a first run that looks back a day.
    assert due_reminders(sources, NO_QUIET, fired, None, woke + H) == []


def test_a_first_run_looks_back_one_day() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), zone="UTC")
    prefs = ReminderPrefs(check_in=None, quiet_start=None)
    assert [r.key for r in due_reminders(sources, prefs, (), None, start + D + H)] == [
        milestone_key(start, 1)
    ]
    assert due_reminders(sources, prefs, (), None, start + 2 * D + H) == []


def test_a_clock_set_backwards_shows_nothing_and_never_repeats() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), zone="UTC")
    first = due_reminders(sources, NO_QUIET, (), start, start + 3 * D)
    fired = {r.key for r in first}
    assert due_reminders(sources, NO_QUIET, fired, start + 3 * D, start + D) == []
    # Carrying on from the earlier clock shows nothing already shown.
    redo = due_reminders(sources, NO_QUIET, fired, start + D - M, start + 3 * D)
    assert not {r.key for r in redo} & fired
    assert next_reminder(sources, NO_QUIET, fired, start + D).key not in fired


def test_a_restart_never_repeats_what_was_shown() -> None:
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(plan_from(start), zone="UTC")
    shown = due_reminders(sources, NO_QUIET, (), start + 6 * D, start + 7 * D)
    assert [r.key for r in shown] == ["check_in:2026-11-07", milestone_key(start, 7)]
    fired = prune_fired({r.key for r in shown}, start + 7 * D)
    assert due_reminders(sources, NO_QUIET, fired, None, start + 7 * D + H) == []


# -- the fired log -----------------------------------------------------------------------


def test_prune_keeps_recent_keys_and_drops_old_or_unreadable_ones() -> None:
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    old, recent = now - FIRED_KEEP - 3 * D, now - 5 * D
    keys = {
        check_in_key(old.date()),
        check_in_key(recent.date()),
        milestone_key(old - 7 * D, 7),
        milestone_key(recent - 7 * D, 7),
        draft_key("a:b", old),
        draft_key("a:b", recent),
        wait_key(now - 300 * D),  # its wait may have lasted up to a year
        wait_key(now - 500 * D),
        "check_in:not-a-date",
        "milestone:2026-01-01T00:00:00+00:00:x",
        "something else",
    }
    assert prune_fired(keys, now) == {
        check_in_key(recent.date()),
        milestone_key(recent - 7 * D, 7),
        draft_key("a:b", recent),
        wait_key(now - 300 * D),
    }


def test_a_pruned_key_never_comes_back() -> None:
    sent = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    sources = ReminderSources(None, contacts=(sent_unanswered(sent, wait_days=1),))
    later = sent + FIRED_KEEP + 2 * D
    assert prune_fired({wait_key(sent)}, later + 400 * D) == frozenset()
    pause = ReminderPrefs(check_in=None, paused_until=later + D)
    assert next_reminder(sources, pause, (), later) is None
    assert due_reminders(sources, pause, (), sent, later + 2 * D) == []


# -- properties --------------------------------------------------------------------------

ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "UTC",
)


def _transition_days() -> list[datetime]:
    """Noon UTC on the days around each zone's clock changes (and Samoa's skipped day)."""
    found = [datetime(2011, 12, 30, 0, 0, tzinfo=UTC)]
    for name in ZONES:
        zone = ZoneInfo(name)
        moment = datetime(2024, 1, 1, 12, tzinfo=UTC)
        while moment.year < 2028:
            if (moment + D).astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset():
                found.append(moment)
            moment += D
    return found


TRANSITIONS = _transition_days()
NOW = st.one_of(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
        lambda d: d.replace(tzinfo=UTC)
    ),
    st.builds(
        lambda day, minutes: day + timedelta(minutes=minutes),
        st.sampled_from(TRANSITIONS),
        st.integers(-3 * 24 * 60, 3 * 24 * 60),
    ),
)
TIMES = st.times().map(lambda t: t.replace(microsecond=0))
SPANS = st.integers(-40 * 24 * 60, 3 * 24 * 60).map(lambda m: timedelta(minutes=m))


@st.composite
def prefs_strategy(draw, *, quiet: bool = True) -> ReminderPrefs:
    quiet_start, quiet_end = (draw(st.none() | TIMES), draw(TIMES)) if quiet else (None, None)
    return ReminderPrefs(
        check_in=draw(st.none() | TIMES),
        milestones=draw(st.booleans()),
        waits=draw(st.booleans()),
        drafts=draw(st.booleans()),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
    )


@st.composite
def sources_strategy(draw, now: datetime) -> ReminderSources:
    plan = None
    if draw(st.booleans()):
        plan = plan_from(now + draw(SPANS), target=draw(st.integers(1, 60)))
        if draw(st.booleans()):
            plan = record_slip(plan, now + draw(SPANS), "other", restart=draw(st.booleans()))
    contacts = tuple(
        sent_unanswered(now + span, wait_days=days)
        for span, days in draw(st.lists(st.tuples(SPANS, st.integers(1, 20)), max_size=3))
    )
    drafts = tuple(
        new_draft("text", now + span, body="Hi", draft_id=f"d{i}")
        for i, span in enumerate(draw(st.lists(SPANS, max_size=3)))
    )
    return ReminderSources(plan, contacts, drafts, zone=draw(st.sampled_from(ZONES)))


def _inside_quiet(moment: datetime, prefs: ReminderPrefs, zone: str) -> bool:
    start, end = prefs.quiet_start, prefs.quiet_end
    if start is None or end is None or start == end:
        return False
    clock = local(moment, zone).time().replace(tzinfo=None)
    return start <= clock < end if start < end else not end <= clock < start


def _in_gap(day: date, chosen: time, zone: str) -> bool:
    naive = datetime.combine(day, chosen)
    there = naive.replace(tzinfo=ZoneInfo(zone))
    return there.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != naive


@given(st.data(), NOW)
def test_the_next_reminder_is_always_after_now_and_shows_when_due(data, now) -> None:
    sources = data.draw(sources_strategy(now))
    prefs = data.draw(prefs_strategy())
    pause = data.draw(st.none() | SPANS.map(lambda s: now + s + 3 * D))
    prefs = ReminderPrefs(**{**prefs.__dict__, "paused_until": pause})
    reminder = next_reminder(sources, prefs, (), now)
    if reminder is None:
        return
    assert reminder.due > now
    assert pause is None or reminder.due >= pause
    assert not _inside_quiet(reminder.due, prefs, sources.zone)
    shown = due_reminders(sources, prefs, (), now, reminder.due)
    assert reminder.key in {r.key for r in shown}


@given(st.data(), NOW, TIMES)
def test_the_check_in_keeps_the_chosen_local_time_unless_the_clock_skips_it(
    data, now, chosen
) -> None:
    zone = data.draw(st.sampled_from(ZONES))
    sources = ReminderSources(None, zone=zone)
    prefs = ReminderPrefs(check_in=chosen, quiet_start=None, quiet_end=None)
    shown = upcoming(sources, prefs, now, count=4)
    assert len(shown) == 4
    for reminder in shown:
        clock = wall(reminder.due, zone)
        if clock.time() != chosen:
            assert clock.time() > chosen and clock.second == 0  # the first minute after a gap
            assert _in_gap(clock.date(), chosen, zone)
            assert wall(reminder.due - M, zone).time() < chosen
        assert reminder.key == check_in_key(clock.date())
    for earlier, later in pairwise(shown):
        assert later.due - earlier.due >= 20 * H


@given(st.data(), NOW, st.integers(1, 6))
def test_check_ins_never_come_within_20_hours_of_each_other(data, now, steps) -> None:
    zone = data.draw(st.sampled_from(ZONES))
    prefs = data.draw(prefs_strategy())
    prefs = ReminderPrefs(check_in=prefs.check_in or time(20), **_quiet(prefs))
    shown = upcoming(ReminderSources(None, zone=zone), prefs, now, count=steps)
    for earlier, later in pairwise(shown):
        assert later.due - earlier.due >= 20 * H


def _quiet(prefs: ReminderPrefs) -> dict:
    return {"quiet_start": prefs.quiet_start, "quiet_end": prefs.quiet_end}


@given(st.data(), NOW, st.integers(-2 * 24 * 60, 20 * 24 * 60))
def test_catching_up_shows_each_key_once_within_its_window(data, now, minutes) -> None:
    sources = data.draw(sources_strategy(now))
    prefs = data.draw(prefs_strategy())
    pause = data.draw(st.none() | SPANS.map(lambda s: now + s + 3 * D))
    prefs = ReminderPrefs(**{**prefs.__dict__, "paused_until": pause})
    earlier = due_reminders(sources, prefs, (), None, now)
    fired = {r.key for r in earlier} | set(data.draw(st.lists(st.sampled_from(["x", "y"]))))
    since, later = now, now + timedelta(minutes=minutes)  # a jump forward or backward
    shown = due_reminders(sources, prefs, fired, since, later)
    if later < since:
        assert shown == []
    keys = [r.key for r in shown]
    assert len(keys) == len(set(keys)) and not set(keys) & fired
    assert sum(r.kind == CHECK_IN for r in shown) <= 1
    assert sum(r.kind == MILESTONE for r in shown) <= 1
    for reminder in shown:
        assert since < reminder.due <= later
        assert pause is None or reminder.due >= pause
        assert not _inside_quiet(reminder.due, prefs, sources.zone)


@given(st.data(), NOW)
def test_running_for_days_with_restarts_never_repeats_a_reminder(data, now) -> None:
    sources = data.draw(sources_strategy(now))
    prefs = data.draw(prefs_strategy())
    pause = data.draw(st.none() | SPANS.map(lambda s: now + s + 3 * D))
    prefs = ReminderPrefs(**{**prefs.__dict__, "paused_until": pause})
    wakes = data.draw(st.lists(st.integers(1, 3 * 24 * 60), min_size=1, max_size=8))
    fired: set[str] = set()
    since: datetime | None = None  # the first run
    seen: list[str] = []
    for minutes in wakes:
        shown = due_reminders(sources, prefs, fired, since, now)
        seen += [r.key for r in shown]
        fired = set(prune_fired(fired | {r.key for r in shown}, now))
        # Sometimes the app restarts (it forgets `since`), sometimes the machine sleeps.
        since = None if data.draw(st.booleans()) else now
        now += timedelta(minutes=minutes)
    assert len(seen) == len(set(seen))


# -- issue 17: check-ins that fit ------------------------------------------------------------


def test_a_restart_in_the_morning_does_not_ask_about_last_night() -> None:
    start = at(BERLIN, 2026, 11, 1, 10, 0)
    sources = ReminderSources(plan_from(start), zone=BERLIN)
    morning = at(BERLIN, 2026, 11, 9, 9, 0)  # the app starts; yesterday's 20:00 went unseen
    assert [r.kind for r in due_reminders(sources, ONLY_CHECK_IN, (), None, morning)] == []
    # Its own time comes: then it asks.
    evening = at(BERLIN, 2026, 11, 9, 20, 0)
    assert next_reminder(sources, ONLY_CHECK_IN, (), morning).due == evening
    # Started later the same evening, the missed one of today still comes.
    late = at(BERLIN, 2026, 11, 9, 21, 30)
    assert [r.key for r in due_reminders(sources, ONLY_CHECK_IN, (), None, late)] == [
        "check_in:2026-11-09"
    ]


def test_a_check_in_moved_past_quiet_hours_still_comes_on_a_restart() -> None:
    sources = ReminderSources(None, zone=BERLIN)
    prefs = ReminderPrefs(check_in=time(23, 0), milestones=False, waits=False, drafts=False)
    morning = at(BERLIN, 2026, 11, 10, 9, 0)  # 23:00 is quiet: it was due at 08:00 today
    assert [r.key for r in due_reminders(sources, prefs, (), None, morning)] == [
        "check_in:2026-11-09"
    ]


def test_a_vault_made_after_todays_check_in_time_never_sees_it() -> None:
    from reconnect_gui.core.reminders.schedule import check_ins_before

    sources = ReminderSources(None, zone=BERLIN)
    made = at(BERLIN, 2026, 11, 9, 21, 0)
    before = check_ins_before(sources, ONLY_CHECK_IN, made)
    assert before == {"check_in:2026-11-09"}
    # A restart later that evening shows nothing; tomorrow's comes at its time.
    assert due_reminders(sources, ONLY_CHECK_IN, before, None, made + H) == []
    assert next_reminder(sources, ONLY_CHECK_IN, before, made).key == "check_in:2026-11-10"
    assert check_ins_before(sources, ONLY_CHECK_IN, at(BERLIN, 2026, 11, 9, 10, 0)) == set()


def test_a_check_in_leads_to_the_check_in_on_the_home_screen() -> None:
    sources = ReminderSources(None, zone="UTC")
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    (check_in,) = upcoming(sources, ONLY_CHECK_IN, start, count=1)
    assert check_in.kind == CHECK_IN and check_in.pane == "countdown"
