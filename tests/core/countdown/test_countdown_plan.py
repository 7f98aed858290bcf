"""The No-Contact plan: creation, slips (restart or keep counting), and its stored form."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.plan import (
    SLIP_KINDS,
    Plan,
    add_readiness_result,
    edit_plan,
    extend_target,
    new_plan,
    plan_from_data,
    plan_to_data,
    record_slip,
)
from reconnect_gui.core.countdown.readiness import evaluate

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 1, 20, 0, tzinfo=BERLIN)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
MOMENTS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)


def plan(**kwargs: object) -> Plan:
    return new_plan(START, "Europe/Berlin", **kwargs)  # type: ignore[arg-type]


def test_a_new_plan_stores_its_start_in_utc_with_the_zone_name() -> None:
    p = new_plan(START, "Europe/Berlin", 45, " Sam ", "they/them", [" miss sleep ", "", "self"])
    assert p.start == datetime(2026, 11, 1, 19, 0, tzinfo=UTC)
    assert p.start.tzinfo is UTC
    assert (p.zone, p.target_days, p.ex_name, p.ex_pronouns) == (
        "Europe/Berlin",
        45,
        "Sam",
        "they/them",
    )
    assert p.reasons == ("miss sleep", "self")
    assert len(p.attempts) == 1 and p.current.end is None


def test_the_default_target_is_thirty_days() -> None:
    assert plan().target_days == 30


@pytest.mark.parametrize("target", [0, -3, 3651, 2.5, "30", True])
def test_a_bad_target_is_refused_plainly(target: object) -> None:
    with pytest.raises(ValueError, match="whole number of days"):
        plan(target_days=target)


def test_a_naive_start_or_an_unknown_zone_is_refused_plainly() -> None:
    with pytest.raises(ValueError, match="time zone"):
        new_plan(datetime(2026, 1, 1), "Europe/Berlin")
    with pytest.raises(ValueError, match="not a time zone"):
        new_plan(START, "Mars/Olympus")
    with pytest.raises(ValueError, match="between the years"):
        new_plan(datetime(1, 1, 2, tzinfo=UTC), "UTC")


def test_restart_closes_the_attempt_and_opens_a_new_one_at_the_slip() -> None:
    slip_at = START + timedelta(days=5, hours=3)
    p = record_slip(plan(), slip_at, "reached_out", restart=True, note=" texted ")
    assert len(p.attempts) == 2
    first, second = p.attempts
    assert first.end == second.start == slip_at.astimezone(UTC)
    assert second.end is None and second.slips == ()
    (slip,) = first.slips
    assert (slip.kind, slip.note, slip.initiated_by, slip.restarted) == (
        "reached_out",
        "texted",
        "me",
        True,
    )
    assert p.start == START.astimezone(UTC)  # the plan's first start is kept


def test_keep_counting_records_the_slip_on_the_same_attempt() -> None:
    p = record_slip(
        plan(), START + timedelta(days=2), "met_by_chance", restart=False, initiated_by="them"
    )
    assert len(p.attempts) == 1
    assert p.current.slips[0].initiated_by == "them"
    assert p.current.slips[0].restarted is False


def test_a_slip_before_the_attempt_started_never_gives_a_negative_attempt() -> None:
    p = record_slip(plan(), START - timedelta(days=3), "replied", restart=True)
    first, second = p.attempts
    assert first.end == first.start == second.start


@pytest.mark.parametrize(("kind", "who"), [("texted", "me"), ("other", "both")])
def test_unknown_slip_kinds_or_initiators_are_refused(kind: str, who: str) -> None:
    with pytest.raises(ValueError, match="must be"):
        record_slip(plan(), START, kind, restart=False, initiated_by=who)


def test_extending_the_target() -> None:
    assert extend_target(plan(), 14).target_days == 44
    with pytest.raises(ValueError, match="at least one"):
        extend_target(plan(), 0)


def test_travel_changes_the_zone_only() -> None:
    p = edit_plan(plan(), zone="Asia/Tokyo", reasons=["be calm"])
    assert p.zone == "Asia/Tokyo" and p.start == plan().start and p.reasons == ("be calm",)
    with pytest.raises(ValueError):
        edit_plan(p, zone="Nowhere/Else")


def test_editing_the_target_and_a_mistyped_start() -> None:
    p = edit_plan(plan(), target_days=60, current_start=START - timedelta(days=2))
    assert p.target_days == 60 and p.start == START - timedelta(days=2)
    with pytest.raises(ValueError, match="whole number"):
        edit_plan(p, target_days=0)


def test_moving_the_start_never_goes_before_the_previous_attempt() -> None:
    slipped = record_slip(plan(), START + timedelta(days=5), "replied", restart=True)
    moved = edit_plan(slipped, current_start=START)
    assert moved.current.start == START + timedelta(days=5)
    later = edit_plan(slipped, current_start=START + timedelta(days=6))
    assert later.current.start == START + timedelta(days=6)
    assert later.attempts[0] == slipped.attempts[0]


def test_round_trip_with_attempts_slips_and_readiness() -> None:
    p = record_slip(
        plan(ex_name="Alex", reasons=["me"]), START + timedelta(days=3), "replied", restart=True
    )
    p = record_slip(p, START + timedelta(days=9), "checked_profiles", restart=False, note="late")
    p = add_readiness_result(p, evaluate({}, START + timedelta(days=40)))
    assert plan_from_data(plan_to_data(p), fallback_start=EPOCH) == p


def test_stored_data_from_a_newer_version_keeps_unknown_fields() -> None:
    data = plan_to_data(record_slip(plan(), START + timedelta(days=1), "other", restart=True))
    data["mood_goal"] = "calm"
    data["attempts"][0]["place"] = "home"
    data["attempts"][0]["slips"][0]["channel"] = "sms"
    back = plan_from_data(data, fallback_start=EPOCH)
    assert back.extra == {"mood_goal": "calm"}
    assert back.attempts[0].extra == {"place": "home"}
    assert back.attempts[0].slips[0].extra == {"channel": "sms"}
    assert plan_to_data(back) == data


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {},
        {"attempts": "soon"},
        {"attempts": [{"start": "yesterday"}, 5, None]},
        {"attempts": [{"start": "2026-01-01T00:00:00"}]},  # naive: unreadable
        {"zone": 42, "target_days": "30", "reasons": "x", "readiness": {"a": 1}},
    ],
)
def test_odd_stored_data_falls_back_without_failing(data: object) -> None:
    p = plan_from_data(data, fallback_start=EPOCH)
    assert p.start == EPOCH and p.zone == "UTC" and p.target_days == 30
    assert p.reasons == () and p.readiness == ()


def test_odd_fields_inside_a_readable_plan_are_cleaned() -> None:
    data = {
        "zone": "Asia/Tokyo",
        "target_days": 99999,
        "reasons": ["ok", 3, None, "  "],
        "attempts": [
            {"start": "2026-03-01T00:00:00+00:00", "end": None, "slips": [{"at": "x"}]},
            {
                "start": "2026-01-01T00:00:00Z",
                "end": "2025-01-01T00:00:00Z",
                "slips": [{"at": "2026-01-05T00:00:00Z", "kind": "??", "initiated_by": 7}],
            },
        ],
    }
    p = plan_from_data(data, fallback_start=EPOCH)
    assert p.target_days == 3650 and p.reasons == ("ok",) and p.zone == "Asia/Tokyo"
    first, second = p.attempts  # sorted by start
    assert first.start == datetime(2026, 1, 1, tzinfo=UTC)
    assert first.end == first.start  # an end before the start reads as a zero-length attempt
    assert second.end is None
    assert (first.slips[0].kind, first.slips[0].initiated_by) == ("other", "me")
    assert second.slips == ()


def test_an_earlier_attempt_without_an_end_is_closed_at_the_next_start() -> None:
    data = {
        "attempts": [
            {"start": "2026-01-01T00:00:00Z"},
            {"start": "2026-01-03T00:00:00Z", "end": "2026-02-01T00:00:00Z"},
        ]
    }
    first, second = plan_from_data(data, fallback_start=EPOCH).attempts
    assert first.end == second.start == datetime(2026, 1, 3, tzinfo=UTC)
    assert second.end is None  # the last attempt is always the current one


@given(
    start=MOMENTS,
    zone=st.sampled_from(
        ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"]
    ),
    target=st.integers(1, 3650),
    name=st.text(),
    reasons=st.lists(st.text()),
    slips=st.lists(
        st.tuples(st.integers(0, 10**8), st.sampled_from(SLIP_KINDS), st.booleans(), st.text()),
        max_size=6,
    ),
)
def test_any_plan_survives_a_round_trip(
    start: datetime, zone: str, target: int, name: str, reasons: list[str], slips: list
) -> None:
    p = new_plan(start, zone, target, ex_name=name, reasons=reasons)
    for seconds, kind, restart, note in slips:
        p = record_slip(p, start + timedelta(seconds=seconds), kind, restart=restart, note=note)
    assert plan_from_data(plan_to_data(p), fallback_start=EPOCH) == p


@given(
    st.dictionaries(
        st.text(max_size=12), st.one_of(st.none(), st.integers(), st.text(), st.lists(st.text()))
    )
)
def test_arbitrary_stored_dicts_never_fail(data: dict) -> None:
    plan_from_data(data, fallback_start=EPOCH)


STORED_MOMENTS = st.sampled_from(
    ["2026-01-01T00:00:00Z", "2026-02-03T04:05:06+05:30", "2026-01-01T00:00:00", "x"]
)
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5000) | st.text(max_size=5) | STORED_MOMENTS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "start",
                    "end",
                    "slips",
                    "at",
                    "kind",
                    "attempts",
                    "zone",
                    "target_days",
                    "reasons",
                    "readiness",
                    "outcome",
                    "answers",
                    "initiated_by",
                    "restarted",
                    "note",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@given(JUNK)
def test_nested_junk_never_fails_and_still_round_trips(data: object) -> None:
    p = plan_from_data(data, fallback_start=EPOCH)
    assert len(p.attempts) >= 1 and p.current.end is None
    assert all(a.end is not None and a.end >= a.start for a in p.attempts[:-1])
    assert plan_from_data(plan_to_data(p), fallback_start=EPOCH) == p
