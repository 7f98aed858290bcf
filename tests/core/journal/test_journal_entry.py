from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.journal.entry import (
    ENTRY_TYPE_WORDS,
    ENTRY_TYPES,
    FEELING_WORDS,
    FEELINGS,
    MOOD_WORDS,
    MOODS,
    TRASH_DAYS,
    days_left_in_trash,
    edited,
    entry_data,
    entry_from_record,
    entry_to_data,
    is_purge_due,
    moved_to_trash,
    new_entry,
    purge_time,
    restored,
)

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def test_round_trip_through_stored_data() -> None:
    data = entry_data("A hard day", "I wanted to text.", mood=2, tags=["urge", " urge ", ""])
    entry = entry_from_record("abc", NOW, NOW, data)
    assert (entry.title, entry.body, entry.mood, entry.tags) == (
        "A hard day",
        "I wanted to text.",
        2,
        ("urge",),
    )
    assert entry.entry_type == "entry"


@pytest.mark.parametrize("mood", [0, 6, "3", 2.5])
def test_mood_outside_one_to_five_is_refused_plainly(mood: object) -> None:
    with pytest.raises(ValueError, match="from 1"):
        entry_data("t", "b", mood=mood)  # type: ignore[arg-type]


def test_title_falls_back_to_the_first_line() -> None:
    assert entry_from_record("a", NOW, NOW, {"body": "\n  first line\nsecond"}).display_title == (
        "first line"
    )
    assert entry_from_record("a", NOW, NOW, {}).display_title == "Untitled entry"


@pytest.mark.parametrize(
    ("first_line", "shown"),
    [
        ("# Today", "Today"),
        ("## A *slow* morning", "A slow morning"),
        ("- called **Mum**", "called Mum"),
        ("> what she said", "what she said"),
        ("3. third thing", "third thing"),
        ("snake_case and 2 * 3 * 4", "snake_case and 2 * 3 * 4"),
        ("#hashtag is not a heading", "#hashtag is not a heading"),
        ("# ", "Untitled entry"),
    ],
)
def test_the_first_line_is_shown_without_markdown_marks(first_line: str, shown: str) -> None:
    entry = entry_from_record("a", NOW, NOW, {"body": f"{first_line}\nmore"})
    assert entry.display_title == shown


def test_fields_from_a_newer_version_are_kept() -> None:
    entry = entry_from_record("a", NOW, NOW, {"title": "t", "weather": "rain"})
    assert entry.extra == {"weather": "rain"}


@given(
    st.dictionaries(
        st.sampled_from(["title", "body", "mood", "tags", "type", "x"]),
        st.none() | st.integers() | st.text() | st.lists(st.text()),
    )
)
def test_any_stored_data_gives_an_entry(data: dict) -> None:
    entry = entry_from_record("a", NOW, NOW, data)
    assert isinstance(entry.title, str) and isinstance(entry.body, str)
    assert entry.mood in (None, 1, 2, 3, 4, 5)


# --- feelings, prompts, trash (the journal pane's fields) ---------------------------------


def test_every_level_type_and_feeling_has_words() -> None:
    assert set(MOOD_WORDS) == set(MOODS)
    assert set(ENTRY_TYPE_WORDS) == set(ENTRY_TYPES)
    assert tuple(FEELING_WORDS) == FEELINGS
    assert {"lonely", "angry", "hopeful", "calm", "sad", "relieved"} <= set(FEELINGS)
    assert all(word and word == word.strip() for word in FEELING_WORDS.values())


def test_an_entry_without_the_new_fields_is_stored_exactly_as_before() -> None:
    assert entry_data("t", "b", mood=3, tags=["x"]) == {
        "title": "t",
        "body": "b",
        "mood": 3,
        "tags": ["x"],
        "type": "entry",
    }


def test_feelings_prompt_and_trash_mark_round_trip() -> None:
    data = entry_data(
        "Why them?",
        "Honestly, the quiet evenings.",
        mood=2,
        entry_type="reflection",
        feelings=["hopeful", "lonely"],
        prompt_id="why_i_want_them_back",
        prompt_text="Why do I want them back?",
    )
    entry = entry_from_record("r1", NOW, NOW, data)
    assert entry.feelings == ("lonely", "hopeful")  # the picker's order, not the click order
    assert (entry.prompt_id, entry.prompt_text) == (
        "why_i_want_them_back",
        "Why do I want them back?",
    )
    trashed = moved_to_trash(entry, NOW)
    again = entry_from_record("r1", NOW, NOW, entry_to_data(trashed))
    assert again == trashed and again.in_trash and again.deleted_at == NOW


def test_an_unknown_feeling_is_refused_when_written_and_dropped_when_read() -> None:
    with pytest.raises(ValueError, match="Unknown feeling"):
        entry_data("t", "b", feelings=["lonely", "giddy"])
    entry = entry_from_record("a", NOW, NOW, {"feelings": ["giddy", "calm", 3, "calm"]})
    assert entry.feelings == ("calm",)


def test_saving_an_entry_keeps_fields_from_a_newer_version() -> None:
    entry = entry_from_record("a", NOW, NOW, {"title": "t", "weather": "rain", "mood": 9})
    data = entry_to_data(edited(entry, body="more words"))
    assert data["weather"] == "rain" and data["body"] == "more words"
    assert data["mood"] is None  # an odd stored value is read as "no mood", and saved so


def test_tags_are_trimmed_and_case_variants_kept_once() -> None:
    data = entry_data("t", "b", tags=[" Work ", "work", "late  night", "", "WORK"])
    assert data["tags"] == ["Work", "late night"]


def test_edited_checks_its_values_and_refuses_other_fields() -> None:
    entry = new_entry(NOW)
    assert edited(entry, feelings=("calm", "sad", "calm")).feelings == ("sad", "calm")
    with pytest.raises(ValueError, match="from 1"):
        edited(entry, mood=7)
    with pytest.raises(ValueError, match="Entry type"):
        edited(entry, entry_type="letter")
    with pytest.raises(TypeError, match="created"):
        edited(entry, created=NOW)


def test_a_new_entry_has_no_id_until_stored_and_needs_an_aware_time() -> None:
    entry = new_entry(
        NOW, "reflection", prompt_id="what_went_wrong", prompt_text="What went wrong?"
    )
    assert (entry.id, entry.created, entry.entry_type) == ("", NOW, "reflection")
    assert entry.display_title == "Untitled entry"
    with pytest.raises(ValueError, match="time zone"):
        new_entry(datetime(2026, 1, 1))


def test_unsent_letters_and_trashed_entries_are_told_apart_from_plain_ones() -> None:
    letter = entry_from_record("a", NOW, NOW, entry_data("t", "b", entry_type="unsent_letter"))
    plain = entry_from_record("b", NOW, NOW, entry_data("t", "b"))
    assert letter.is_unsent_letter and not letter.in_trash
    assert not plain.is_unsent_letter and not plain.in_trash
    assert moved_to_trash(plain, NOW).in_trash


def test_trash_keeps_an_entry_thirty_days_then_it_is_due() -> None:
    entry = moved_to_trash(new_entry(NOW), NOW)
    assert moved_to_trash(entry, NOW + timedelta(days=5)).deleted_at == NOW  # never extended
    assert purge_time(entry) == NOW + timedelta(days=TRASH_DAYS)
    assert days_left_in_trash(entry, NOW) == 30
    assert days_left_in_trash(entry, NOW + timedelta(days=29, hours=1)) == 1
    assert not is_purge_due(entry, NOW + timedelta(days=30) - timedelta(seconds=1))
    assert is_purge_due(entry, NOW + timedelta(days=30))
    assert days_left_in_trash(entry, NOW + timedelta(days=31)) == 0
    back = restored(entry)
    assert (
        not back.in_trash
        and purge_time(back) is None
        and not is_purge_due(back, NOW + timedelta(days=99))
    )
    assert days_left_in_trash(back, NOW) is None


@pytest.mark.parametrize("odd", ["yesterday", 5, None, "2026-01-01T00:00:00"])
def test_an_odd_trash_date_reads_as_not_in_the_trash(odd: object) -> None:
    assert not entry_from_record("a", NOW, NOW, {"deleted_at": odd}).in_trash


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "body",
                "mood",
                "tags",
                "type",
                "feelings",
                "prompt_id",
                "prompt",
                "deleted_at",
                "dated",
                "x",
            ]
        ),
        st.none()
        | st.integers()
        | st.text()
        | st.lists(st.text() | st.sampled_from(FEELINGS))
        | st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat),
    )
)
def test_reading_then_saving_any_stored_data_is_stable(data: dict) -> None:
    entry = entry_from_record("a", NOW, NOW, data)
    saved = entry_to_data(entry)
    assert entry_from_record("a", NOW, NOW, saved) == entry
    assert entry_to_data(entry_from_record("a", NOW, NOW, saved)) == saved


# ---- the day an entry is about (issue 17: back-dating) -----------------------------------


def test_a_back_dated_entry_keeps_its_writing_time_and_round_trips() -> None:
    from datetime import date

    from reconnect_gui.core.journal.entry import dated_on, entry_day

    written = entry_from_record("a", NOW, NOW, entry_data("Tuesday", "What happened"))
    about_tuesday = dated_on(written, date(2026, 11, 17), "Europe/Berlin")
    assert about_tuesday.created == NOW  # when it was really written stays honest
    assert entry_day(about_tuesday, "Europe/Berlin") == date(2026, 11, 17)
    assert about_tuesday.when == about_tuesday.dated and about_tuesday.is_back_dated
    data = entry_to_data(about_tuesday)
    assert data["dated"] == "2026-11-17T11:00:00+00:00"  # noon in Berlin, kept apart
    again = entry_from_record("a", NOW, NOW, data)
    assert again == about_tuesday
    # Choosing the day it was written takes the mark away: stored exactly as before.
    same_day = dated_on(again, date(2026, 11, 22), "Europe/Berlin")
    assert not same_day.is_back_dated and same_day.when == NOW
    assert "dated" not in entry_to_data(same_day)


def test_an_odd_stored_day_reads_as_not_back_dated() -> None:
    for odd in ("Tuesday", 3, None, "2026-13-40"):
        entry = entry_from_record("a", NOW, NOW, {"dated": odd})
        assert not entry.is_back_dated and entry.when == NOW
