"""Drafts: versions at resting points, "sleep on it", ignores, and the stored form."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.drafts.draft import (
    MAX_VERSIONS,
    VERSION_GAP,
    Draft,
    DraftVersion,
    add_ignore,
    change_kind,
    cool_off_ends,
    cool_off_remaining,
    draft_from_data,
    draft_to_data,
    edit,
    new_draft,
    restore_version,
    retitle,
)
from reconnect_gui.core.drafts.tone_ignores import Ignore

T0 = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


def typed(draft: Draft, words: str, start: datetime, every: timedelta) -> Draft:
    """The draft after typing ``words`` one character at a time, one autosave each."""
    for i in range(1, len(words) + 1):
        draft = edit(draft, draft.body + words[i - 1], start + i * every)
    return draft


def test_a_new_draft_starts_with_no_versions_and_a_random_id() -> None:
    draft = new_draft("letter", T0, body="Hi Sam,", title="  For Sam ")
    assert (draft.kind, draft.body, draft.title, draft.versions) == (
        "letter",
        "Hi Sam,",
        "For Sam",
        (),
    )
    assert draft.created == draft.updated == T0
    assert draft.id and draft.id != new_draft("letter", T0).id
    with pytest.raises(ValueError, match="text or a letter"):
        new_draft("email", T0)
    with pytest.raises(ValueError, match="time zone"):
        new_draft("text", datetime(2026, 12, 1))


def test_typing_for_half_an_hour_keeps_a_version_about_every_five_minutes() -> None:
    draft = typed(new_draft("letter", T0), "x" * 1800, T0, SECOND)
    assert 5 <= len(draft.versions) <= 6  # not 1,800
    gaps = [b.at - a.at for a, b in zip(draft.versions, draft.versions[1:], strict=False)]
    assert all(gap >= VERSION_GAP for gap in gaps)
    assert all(len(v.body) >= 299 for v in draft.versions)  # no one-letter version


def test_the_end_of_a_writing_session_is_always_kept() -> None:
    draft = typed(new_draft("text", T0), "Hi, how are you", T0, SECOND)
    assert draft.versions == ()  # a short session alone makes no version yet
    later = edit(draft, "Hi, how have you been?", T0 + 2 * HOUR)
    assert later.versions == (DraftVersion(T0 + 15 * SECOND, "Hi, how are you"),)
    assert later.body == "Hi, how have you been?" and later.updated == T0 + 2 * HOUR


def test_blank_texts_and_repeats_are_not_kept_as_versions() -> None:
    draft = new_draft("text", T0)
    draft = edit(draft, "Hello", T0 + HOUR)  # the blank start is not a version
    draft = edit(draft, "Hello there", T0 + 2 * HOUR)
    draft = edit(draft, "Hello", T0 + 3 * HOUR)
    draft = edit(draft, "Hello there", T0 + 4 * HOUR)
    bodies = [v.body for v in draft.versions]
    assert bodies == ["Hello", "Hello there", "Hello"]


def test_whitespace_alone_changes_the_words_but_not_the_time_or_versions() -> None:
    draft = edit(new_draft("text", T0, body="Hi there"), "Hi there\n", T0 + HOUR)
    assert draft.body == "Hi there\n"
    assert draft.updated == T0 and draft.versions == ()
    assert edit(draft, "Hi there\n", T0 + 2 * HOUR) is draft


def test_at_most_fifty_versions_are_kept_oldest_dropped() -> None:
    draft = new_draft("text", T0)
    for i in range(MAX_VERSIONS + 20):
        draft = edit(draft, f"version {i}", T0 + i * HOUR)
    assert len(draft.versions) == MAX_VERSIONS
    assert draft.versions[-1].body == f"version {MAX_VERSIONS + 18}"
    assert draft.versions[0].body == "version 19"


def test_restoring_a_version_keeps_the_current_words_as_a_version() -> None:
    draft = new_draft("letter", T0)
    draft = edit(draft, "first", T0 + HOUR)
    draft = edit(draft, "second", T0 + HOUR + MINUTE)
    draft = edit(draft, "third", T0 + HOUR + MINUTE + SECOND)  # too soon: "second" not kept
    assert [v.body for v in draft.versions] == ["first"]
    restored = restore_version(draft, 0, T0 + 3 * HOUR)
    assert restored.body == "first" and restored.updated == T0 + 3 * HOUR
    assert [v.body for v in restored.versions] == ["first", "third"]
    assert restore_version(restored, 1, T0 + 4 * HOUR).body == "third"  # the restore undone
    assert restore_version(restored, 0, T0 + 5 * HOUR) is restored  # same words: nothing
    with pytest.raises(IndexError):
        restore_version(draft, 5, T0)


def test_title_kind_and_ignores_do_not_restart_the_cool_off() -> None:
    draft = new_draft("text", T0, body="Hi")
    ignore = Ignore("drama.caps", "HI", "", "")
    changed = add_ignore(change_kind(retitle(draft, "  Sunday  "), "letter"), ignore)
    assert (changed.title, changed.kind, changed.ignores) == ("Sunday", "letter", (ignore,))
    assert changed.updated == T0 and changed.versions == ()
    assert add_ignore(changed, ignore).ignores == (ignore,)  # kept once
    with pytest.raises(ValueError):
        change_kind(draft, "postcard")


def test_the_display_title_falls_back_to_the_first_line_then_a_placeholder() -> None:
    assert new_draft(
        "text", T0, body="\n  Hey Sam, hope the move went well\nMore"
    ).display_title == ("Hey Sam, hope the move went well")
    assert new_draft("letter", T0).display_title == "Untitled letter"
    assert new_draft("text", T0, title="Sunday").display_title == "Sunday"
    long = new_draft("text", T0, body="word " * 40).display_title
    assert len(long) <= 60 and long.endswith("…")


# -- sleep on it --------------------------------------------------------------------------


def test_a_draft_rests_twelve_hours_after_its_words_last_changed() -> None:
    draft = edit(new_draft("text", T0), "Hi Sam, how was the trip?", T0 + HOUR)
    assert cool_off_ends(draft) == T0 + 13 * HOUR
    assert cool_off_remaining(draft, T0 + HOUR) == 12 * HOUR
    assert cool_off_remaining(draft, T0 + 5 * HOUR) == 8 * HOUR
    assert cool_off_remaining(draft, T0 + 12 * HOUR) > timedelta(0)
    assert cool_off_remaining(draft, T0 + 13 * HOUR) == timedelta(0)
    assert cool_off_remaining(draft, T0 + 100 * HOUR) == timedelta(0)  # never negative
    edited = edit(draft, "Hi Sam, how was Lisbon?", T0 + 20 * HOUR)
    assert cool_off_remaining(edited, T0 + 20 * HOUR) == 12 * HOUR  # a change starts again


def test_a_clock_set_backwards_counts_as_no_time_passed() -> None:
    draft = new_draft("text", T0, body="Hi")
    assert cool_off_remaining(draft, T0 - 3 * HOUR) == 12 * HOUR


def test_the_cool_off_length_can_be_chosen() -> None:
    draft = new_draft("text", T0, body="Hi")
    assert cool_off_remaining(draft, T0 + HOUR, hours=24) == 23 * HOUR
    assert cool_off_remaining(draft, T0, hours=0) == timedelta(0)
    assert cool_off_ends(draft, hours=1.5) == T0 + 90 * MINUTE
    for bad in (-1, float("nan"), float("inf"), True, "12"):
        with pytest.raises(ValueError):
            cool_off_remaining(draft, T0, hours=bad)


@given(
    st.timedeltas(min_value=-timedelta(days=400), max_value=timedelta(days=400)),
    st.integers(0, 72),
)
def test_the_remaining_time_is_between_zero_and_the_whole_cool_off(offset, hours) -> None:
    draft = new_draft("text", T0, body="Hi")
    remaining = cool_off_remaining(draft, T0 + offset, hours=hours)
    assert timedelta(0) <= remaining <= timedelta(hours=hours)
    assert remaining == max(
        timedelta(0), min(timedelta(hours=hours), cool_off_ends(draft, hours) - (T0 + offset))
    )


# -- stored form --------------------------------------------------------------------------


def test_a_draft_round_trips_through_its_stored_form() -> None:
    draft = new_draft("letter", T0, body="Dear Sam,", title="Sunday")
    draft = edit(draft, "Dear Sam, I hope you are well.", T0 + HOUR)
    draft = add_ignore(draft, Ignore("over_apology.sorry", "so sorry", "i am", "for"))
    data = draft_to_data(draft)
    assert "id" not in data  # the id is the vault record's
    assert draft_from_data(data, draft.id, fallback_time=T0) == draft


def test_unknown_fields_from_a_newer_version_are_kept() -> None:
    data = draft_to_data(new_draft("text", T0, body="Hi"))
    data["mood_when_written"] = 2
    data["versions"] = [{"at": T0.isoformat(), "body": "H", "device": "laptop"}]
    draft = draft_from_data(data, "d1", fallback_time=T0)
    assert draft.extra == {"mood_when_written": 2}
    assert draft.versions[0].extra == {"device": "laptop"}
    assert draft_to_data(draft)["mood_when_written"] == 2
    assert draft_to_data(draft)["versions"][0]["device"] == "laptop"


def test_odd_stored_data_gives_a_usable_draft() -> None:
    odd = {
        "kind": "fax",
        "title": 5,
        "body": None,
        "created": "yesterday",
        "versions": [None, {"at": "bad", "body": "x"}, {"at": T0.isoformat(), "body": 3}],
        "ignores": "all",
    }
    draft = draft_from_data(odd, "d1", fallback_time=T0)
    assert (draft.kind, draft.title, draft.body) == ("text", "", "")
    assert draft.created == draft.updated == T0
    assert draft.versions == () and draft.ignores == ()
    assert draft_from_data(None, "d2", fallback_time=T0).id == "d2"


def test_too_many_stored_versions_are_cut_to_the_newest() -> None:
    data = draft_to_data(new_draft("text", T0, body="Hi"))
    data["versions"] = [
        {"at": (T0 + i * HOUR).isoformat(), "body": str(i)} for i in range(MAX_VERSIONS + 5)
    ]
    versions = draft_from_data(data, "d1", fallback_time=T0).versions
    assert len(versions) == MAX_VERSIONS and versions[0].body == "5"
