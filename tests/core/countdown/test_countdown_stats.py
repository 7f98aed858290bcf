"""Days, streaks, milestones and state: concrete time cases and properties over any moment."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown import stats
from reconnect_gui.core.countdown.moments import local
from reconnect_gui.core.countdown.plan import (
    SLIP_KINDS,
    add_readiness_result,
    edit_plan,
    extend_target,
    new_plan,
    record_slip,
)
from reconnect_gui.core.countdown.readiness import QUESTIONS, evaluate
from reconnect_gui.core.countdown.stats import NoContactState

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MOMENTS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)
ZONES = st.sampled_from(sorted(z for z in available_timezones() if "/" in z))
H = timedelta(hours=1)
D = timedelta(days=1)


def target_moment(plan) -> datetime:
    """When the current attempt reaches the target: its start plus the time left then."""
    return plan.current.start + stats.remaining(plan, plan.current.start)


def test_day_n_counts_whole_24_hour_periods() -> None:
    start = datetime(2026, 5, 1, 22, 0, tzinfo=BERLIN)
    p = new_plan(start, "Europe/Berlin")
    assert stats.days_elapsed(p, start) == 0
    assert stats.days_elapsed(p, start + D - timedelta(seconds=1)) == 0
    assert stats.days_elapsed(p, start + D) == 1
    # Past midnight in Berlin is not a new day: only 3 hours have passed.
    assert stats.days_elapsed(p, datetime(2026, 5, 2, 1, 0, tzinfo=BERLIN)) == 0
    assert stats.elapsed(p, start + 2 * D + 5 * H) == 2 * D + 5 * H
    assert stats.remaining(p, start + 2 * D) == 28 * D


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        ("Europe/Berlin", datetime(2026, 3, 28, 12, 0), datetime(2026, 3, 29, 12, 0)),  # spring
        ("America/New_York", datetime(2026, 3, 7, 12, 0), datetime(2026, 3, 8, 12, 0)),
    ],
)
def test_spring_forward_the_same_wall_clock_time_next_day_is_only_23_hours(
    zone: str, before: datetime, after: datetime
) -> None:
    tz = ZoneInfo(zone)
    p = new_plan(before.replace(tzinfo=tz), zone)
    # Same-zone subtraction ignores the DST change (24 h): the code never relies on it.
    assert after.replace(tzinfo=tz) - before.replace(tzinfo=tz) == 24 * H
    real_gap = after.replace(tzinfo=tz).astimezone(UTC) - before.replace(tzinfo=tz).astimezone(UTC)
    assert real_gap == 23 * H
    assert stats.days_elapsed(p, after.replace(tzinfo=tz)) == 0
    assert stats.days_elapsed(p, (after + H).replace(tzinfo=tz)) == 1


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        ("Europe/Berlin", datetime(2026, 10, 24, 12, 0), datetime(2026, 10, 25, 11, 0)),  # fall
        ("America/New_York", datetime(2026, 10, 31, 12, 0), datetime(2026, 11, 1, 11, 0)),
    ],
)
def test_fall_back_a_day_is_still_24_hours(zone: str, before: datetime, after: datetime) -> None:
    tz = ZoneInfo(zone)
    p = new_plan(before.replace(tzinfo=tz), zone)
    # 23 wall-clock hours later, but 24 real hours: Day 1 has begun.
    assert stats.days_elapsed(p, after.replace(tzinfo=tz)) == 1
    assert stats.days_elapsed(p, (after - timedelta(minutes=1)).replace(tzinfo=tz)) == 0


def test_thirty_days_across_a_dst_change_end_at_the_same_utc_instant() -> None:
    start = datetime(2026, 3, 15, 9, 0, tzinfo=BERLIN)  # CET; target falls in CEST
    p = new_plan(start, "Europe/Berlin")
    assert target_moment(p) == start.astimezone(UTC) + 30 * D
    assert local(target_moment(p), p.zone).hour == 10  # shown one hour later locally
    assert stats.days_elapsed(p, target_moment(p)) == 30
    assert stats.state(p, target_moment(p)) == NoContactState.TARGET_REACHED
    assert stats.state(p, target_moment(p) - timedelta(seconds=1)) == NoContactState.COUNTING


def test_a_leap_day_is_one_more_day() -> None:
    p = new_plan(datetime(2028, 2, 28, 12, 0, tzinfo=UTC), "UTC", target_days=2)
    assert stats.days_elapsed(p, datetime(2028, 3, 1, 12, 0, tzinfo=UTC)) == 2
    assert target_moment(p) == datetime(2028, 3, 1, 12, 0, tzinfo=UTC)
    p30 = new_plan(datetime(2028, 2, 15, tzinfo=UTC), "UTC")
    assert target_moment(p30) == datetime(2028, 3, 16, tzinfo=UTC)


def test_travelling_from_berlin_to_tokyo_keeps_the_day_count() -> None:
    start = datetime(2026, 6, 1, 20, 0, tzinfo=BERLIN)
    p = new_plan(start, "Europe/Berlin")
    now = start + 10 * D + 6 * H
    before = stats.status(p, now)
    moved = edit_plan(p, zone="Asia/Tokyo")
    after = stats.status(moved, now.astimezone(ZoneInfo("Asia/Tokyo")))
    assert before["days_elapsed"] == after["days_elapsed"] == 10
    assert {k: v for k, v in before.items() if k != "zone"} == {
        k: v for k, v in after.items() if k != "zone"
    }
    assert local(moved.start, moved.zone).hour == 3  # 20:00 CEST is 03:00 next day in Tokyo


def test_a_clock_set_backwards_gives_zero_and_keeps_counting() -> None:
    start = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    p = new_plan(start, "UTC")
    before_start = start - 400 * D
    assert stats.elapsed(p, before_start) == timedelta(0)
    assert stats.days_elapsed(p, before_start) == 0
    assert stats.state(p, before_start) == NoContactState.COUNTING
    assert stats.next_milestone(p, before_start) == (1, D)
    assert stats.remaining(p, before_start) == 30 * D
    status = stats.status(p, before_start)
    assert status["days_elapsed"] == status["seconds_elapsed"] == status["longest_streak"] == 0


def test_restart_versus_keep_counting() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    now = start + 20 * D
    base = new_plan(start, "UTC")
    kept = record_slip(base, start + 8 * D, "replied", restart=False)
    restarted = record_slip(base, start + 8 * D, "replied", restart=True)
    assert stats.current_streak(kept, now) == 20
    assert stats.current_streak(restarted, now) == 12
    assert stats.longest_streak(restarted, now) == 12
    assert stats.streaks(restarted, now) == [8, 12]
    assert stats.total_days(restarted, now) == 20


def test_streak_maths_over_several_attempts() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    p = new_plan(start, "UTC")
    p = record_slip(p, start + 10 * D + 5 * H, "reached_out", restart=True)  # 10 days
    p = record_slip(p, start + 13 * D, "checked_profiles", restart=False)
    p = record_slip(p, start + 14 * D, "replied", restart=True)  # 3 days 19 h -> 3
    now = start + 19 * D + 23 * H  # 5 days 23 h -> 5
    assert stats.streaks(p, now) == [10, 3, 5]
    assert stats.current_streak(p, now) == 5
    assert stats.longest_streak(p, now) == 10
    assert stats.total_days(p, now) == 18
    # slips at day 10.2, 13 and 14: gaps 10.2, 2.8 and 1 days
    assert stats.average_gap_between_slips(p) == (14 * D) / 3
    assert stats.status(p, now)["average_days_between_slips"] == round(14 / 3, 2)


def test_no_slips_means_no_average_gap() -> None:
    assert (
        stats.average_gap_between_slips(new_plan(datetime(2026, 1, 1, tzinfo=UTC), "UTC")) is None
    )


def test_urges_per_week() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    p = new_plan(start, "UTC")
    urges = [start + H, start + 2 * D, start + 6 * D, start + 8 * D, start - D, start + 30 * D]
    now = start + 15 * D
    assert stats.urges_by_week(urges, p, now) == [3, 1, 0]
    assert stats.urges_per_week(urges, p, now) == pytest.approx(4 / 3)
    assert stats.urges_by_week([], p, start - D) == [0]


def test_milestones_include_the_target_once_and_in_order() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert stats.milestones(new_plan(start, "UTC")) == (1, 3, 7, 14, 21, 30)
    assert stats.milestones(new_plan(start, "UTC", target_days=10)) == (1, 3, 7, 10, 14, 21, 30)
    assert stats.milestones(new_plan(start, "UTC", target_days=60))[-1] == 60


def test_next_milestone_and_time_until_it() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    p = new_plan(start, "UTC", target_days=45)
    assert stats.next_milestone(p, start + 2 * D + 20 * H) == (3, 4 * H)
    assert stats.next_milestone(p, start + 3 * D) == (7, 4 * D)  # reached today, next one is 7
    assert stats.next_milestone(p, start + 40 * D) == (45, 5 * D)
    assert stats.next_milestone(p, start + 45 * D) is None


def test_states_counting_target_reached_ready_and_waiting() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    p = new_plan(start, "UTC")
    assert stats.state(p, start + 5 * D) == NoContactState.COUNTING
    assert stats.state(p, start + 5 * D, waiting_for_reply=True) == NoContactState.WAITING_FOR_REPLY
    assert stats.state(p, start + 31 * D) == NoContactState.TARGET_REACHED
    no_to_all = {q.id: False for q in QUESTIONS}
    not_yet = add_readiness_result(
        p, evaluate({**no_to_all, "checking_online": True}, start + 31 * D)
    )
    assert stats.state(not_yet, start + 32 * D) == NoContactState.TARGET_REACHED
    ready = add_readiness_result(not_yet, evaluate(no_to_all, start + 33 * D))
    assert stats.state(ready, start + 33 * D) == NoContactState.READY
    assert (
        stats.state(ready, start + 34 * D, waiting_for_reply=True)
        == NoContactState.WAITING_FOR_REPLY
    )
    # Extending the target after "not yet" returns to counting.
    assert stats.state(extend_target(not_yet, 14), start + 32 * D) == NoContactState.COUNTING
    # A readiness result from before a restart does not carry over.
    restarted = record_slip(ready, start + 35 * D, "reached_out", restart=True)
    assert stats.state(restarted, start + 70 * D) == NoContactState.TARGET_REACHED


def test_status_has_the_cli_json_fields() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    status = stats.status(new_plan(start, "UTC"), start + 3 * D + H)
    assert status["days_elapsed"] == 3 and status["target_days"] == 30
    assert status["state"] == "counting"
    assert status["current_streak"] == status["longest_streak"] == status["total_days"] == 3
    assert (
        status["next_milestone"] == 7
        and status["seconds_to_next_milestone"] == (4 * D - H).total_seconds()
    )


# -- properties over any moment and zone --------------------------------------------------

SLIPS = st.lists(
    st.tuples(st.integers(-(10**7), 10**8), st.sampled_from(SLIP_KINDS), st.booleans()), max_size=6
)


def build(start: datetime, zone: str, slips: list) -> object:
    p = new_plan(start, zone)
    for seconds, kind, restart in slips:  # in any order: back-dated slips happen
        p = record_slip(p, start + timedelta(seconds=seconds), kind, restart=restart)
    return p


@given(start=MOMENTS, zone=ZONES, now=MOMENTS, slips=SLIPS)
def test_elapsed_is_never_negative_and_longest_covers_current(
    start: datetime, zone: str, now: datetime, slips: list
) -> None:
    p = build(start, zone, slips)
    assert stats.elapsed(p, now) >= timedelta(0)
    assert stats.days_elapsed(p, now) >= 0
    assert stats.longest_streak(p, now) >= stats.current_streak(p, now) >= 0
    assert stats.total_days(p, now) >= stats.longest_streak(p, now)
    assert stats.state(p, now) in tuple(NoContactState)
    upcoming = stats.next_milestone(p, now)
    assert upcoming is None or upcoming[1] > timedelta(0)
    gap = stats.average_gap_between_slips(p)
    assert (gap is None) == (not slips) and (gap is None or gap >= timedelta(0))


@given(start=MOMENTS, zone=ZONES, a=MOMENTS, b=MOMENTS, slips=SLIPS)
def test_days_never_go_down_as_time_goes_on(
    start: datetime, zone: str, a: datetime, b: datetime, slips: list
) -> None:
    p = build(start, zone, slips)
    early, late = sorted([a, b], key=lambda m: m.astimezone(UTC))
    assert stats.elapsed(p, early) <= stats.elapsed(p, late)
    assert stats.days_elapsed(p, early) <= stats.days_elapsed(p, late)
    assert stats.longest_streak(p, early) <= stats.longest_streak(p, late)
    assert stats.total_days(p, early) <= stats.total_days(p, late)


@given(start=MOMENTS, zone=ZONES, other=ZONES, now=MOMENTS)
def test_the_zone_never_changes_the_count(
    start: datetime, zone: str, other: str, now: datetime
) -> None:
    p = new_plan(start, zone)
    moved = edit_plan(p, zone=other)
    assert stats.days_elapsed(p, now) == stats.days_elapsed(moved, now.astimezone(ZoneInfo(other)))


@given(start=MOMENTS, zone=ZONES, offset=st.integers(0, 10**9), kind=st.sampled_from(SLIP_KINDS))
def test_restart_resets_the_current_streak(
    start: datetime, zone: str, offset: int, kind: str
) -> None:
    at = start + timedelta(seconds=offset)
    p = record_slip(new_plan(start, zone), at, kind, restart=True)
    assert stats.current_streak(p, at) == 0
    assert stats.elapsed(p, at) == timedelta(0)
    assert stats.longest_streak(p, at) == stats.days_elapsed(new_plan(start, zone), at)
