from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.journal import entry_data, entry_from_record

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
