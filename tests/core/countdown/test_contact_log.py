"""Logistics contacts, "they contacted me", the wait after an unanswered message, urges."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.contact_log import (
    GUIDANCE,
    contact_from_data,
    contact_to_data,
    logistics_contact,
    mark_answered,
    new_urge,
    sent_unanswered,
    they_contacted,
    urge_from_data,
    urge_to_data,
    wait_ends,
    wait_remaining,
    waiting_for_reply,
)

AT = datetime(2026, 11, 20, 23, 30, tzinfo=ZoneInfo("Europe/Berlin"))
D = timedelta(days=1)
MOMENTS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)


def test_logistics_is_logged_with_the_pretext_warning() -> None:
    entry = logistics_contact(AT, "belongings", " box of books ")
    assert (entry.kind, entry.topic, entry.note) == ("logistics", "belongings", "box of books")
    assert entry.at == AT.astimezone(UTC) and entry.at.tzinfo is UTC
    assert "reason to see them" in entry.guidance
    with pytest.raises(ValueError, match="topic must be one of"):
        logistics_contact(AT, "dinner")


def test_they_contacted_me_comes_with_guidance() -> None:
    entry = they_contacted(AT, "asked how I am")
    assert entry.kind == "they_contacted"
    assert "don't have to answer" in entry.guidance and "brief" in entry.guidance


def test_every_guidance_text_is_our_own_plain_sentence() -> None:
    assert set(GUIDANCE) == {"logistics", "they_contacted", "sent_unanswered"}
    for words in GUIDANCE.values():
        assert "ex boyfriend" not in words and "him" not in words.split()


def test_an_unanswered_message_starts_a_fourteen_day_wait() -> None:
    entry = sent_unanswered(AT)
    assert wait_ends(entry) == AT.astimezone(UTC) + 14 * D
    assert "don't send anything else" in entry.guidance
    assert wait_remaining([entry], AT + 4 * D) == 10 * D
    assert waiting_for_reply([entry], AT + 14 * D - timedelta(seconds=1))
    assert not waiting_for_reply([entry], AT + 14 * D)


def test_the_wait_ends_early_when_they_answer() -> None:
    entry = mark_answered(sent_unanswered(AT, wait_days=7), AT + 2 * D)
    assert waiting_for_reply([entry], AT + D)
    assert not waiting_for_reply([entry], AT + 3 * D)
    with pytest.raises(ValueError, match="Only a message you sent"):
        mark_answered(they_contacted(AT), AT)


def test_the_longest_running_wait_counts_and_other_kinds_do_not() -> None:
    entries = [sent_unanswered(AT, wait_days=3), sent_unanswered(AT + D), they_contacted(AT)]
    assert wait_remaining(entries, AT + 2 * D) == 13 * D
    assert wait_remaining([they_contacted(AT), logistics_contact(AT, "bills")], AT) is None


def test_a_clock_set_backwards_shows_the_whole_wait_never_more() -> None:
    entry = sent_unanswered(AT)
    assert wait_remaining([entry], AT - 30 * D) == 14 * D


@pytest.mark.parametrize("days", [0, 366, 1.5, True])
def test_bad_wait_lengths_are_refused(days: object) -> None:
    with pytest.raises(ValueError, match="from 1 to 365"):
        sent_unanswered(AT, wait_days=days)  # type: ignore[arg-type]


def test_urges_validate_intensity_plainly() -> None:
    urge = new_urge(AT, 7, " 2 a.m., old photo ", " went for a walk ")
    assert (urge.intensity, urge.trigger, urge.instead) == (
        7,
        "2 a.m., old photo",
        "went for a walk",
    )
    for bad in (0, 11, 5.5, "5", True, None):
        with pytest.raises(ValueError, match="from 1 to 10"):
            new_urge(AT, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"kind": "slip", "at": "2026-11-20T10:00:00Z"},
        {"kind": "logistics", "at": "not a time"},
        {"kind": "logistics"},
    ],
)
def test_unreadable_contacts_are_skipped(data: object) -> None:
    assert contact_from_data(data) is None


def test_odd_contact_fields_fall_back() -> None:
    entry = contact_from_data(
        {
            "kind": "sent_unanswered",
            "at": "2026-11-20T10:00:00Z",
            "note": 5,
            "topic": "x",
            "wait_days": "two weeks",
            "answered_at": "soon",
            "app": "v9",
        }
    )
    assert entry is not None
    assert (entry.note, entry.topic, entry.wait_days, entry.answered_at) == ("", "", 14, None)
    assert entry.extra == {"app": "v9"}
    assert contact_from_data({**contact_to_data(entry), "wait_days": 10_000}).wait_days == 365  # type: ignore[union-attr]


def test_odd_urge_fields_fall_back() -> None:
    assert urge_from_data({"intensity": 5}) is None
    urge = urge_from_data(
        {"at": "2026-11-20T10:00:00+01:00", "intensity": 42, "trigger": ["x"], "mood": 2}
    )
    assert urge is not None
    assert (urge.intensity, urge.trigger, urge.extra) == (None, "", {"mood": 2})
    assert urge.at == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_unknown_fields_survive_a_round_trip() -> None:
    contact = {**contact_to_data(logistics_contact(AT, "bills")), "amount": 12}
    assert contact_to_data(contact_from_data(contact)) == contact  # type: ignore[arg-type]
    urge = {**urge_to_data(new_urge(AT, 3)), "place": "bus"}
    assert urge_to_data(urge_from_data(urge)) == urge  # type: ignore[arg-type]


@given(
    at=MOMENTS,
    maker=st.sampled_from(["logistics", "they_contacted", "sent_unanswered"]),
    note=st.text(),
    wait=st.integers(1, 365),
    answered=st.one_of(st.none(), MOMENTS),
)
def test_any_contact_round_trips(
    at: datetime, maker: str, note: str, wait: int, answered: datetime | None
) -> None:
    if maker == "logistics":
        entry = logistics_contact(at, "belongings", note)
    elif maker == "they_contacted":
        entry = they_contacted(at, note)
    else:
        entry = sent_unanswered(at, note, wait)
        entry = entry if answered is None else mark_answered(entry, answered)
    assert contact_from_data(contact_to_data(entry)) == entry


@given(at=MOMENTS, level=st.integers(1, 10), trigger=st.text(), instead=st.text())
def test_any_urge_round_trips(at: datetime, level: int, trigger: str, instead: str) -> None:
    urge = new_urge(at, level, trigger, instead)
    assert urge_from_data(urge_to_data(urge)) == urge


@given(at=MOMENTS, wait=st.integers(1, 365), now=MOMENTS)
def test_the_wait_left_is_never_negative_nor_longer_than_the_wait(
    at: datetime, wait: int, now: datetime
) -> None:
    left = wait_remaining([sent_unanswered(at, wait_days=wait)], now)
    assert left is None or timedelta(0) < left <= wait * D


@given(st.dictionaries(st.text(max_size=12), st.one_of(st.none(), st.integers(), st.text())))
def test_arbitrary_stored_dicts_never_fail(data: dict) -> None:
    contact_from_data({**data, "kind": "logistics"})
    urge_from_data(data)
