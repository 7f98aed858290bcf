import itertools
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect_gui.core.journal.prompts import (
    PROMPTS_FILE,
    Prompt,
    load_prompts,
    parse_prompts,
    prompt_of_the_day,
    repeat_window,
    rotation,
)
from reconnect_gui.system.paths import resources_dir

# Ids stored with reflections users have written: they may never disappear or be renamed.
RELEASED_IDS = {
    "what_went_wrong", "replayed_memories", "same_argument", "trust_and_commitment",
    "what_we_shared", "friends_story", "first_sign",
    "my_part_in_it", "honest_apology", "under_pressure", "not_mine_to_carry",
    "forgiving_them", "next_time", "gentle_with_myself",
    "willing_to_change", "not_negotiable", "felt_respected", "my_boundaries",
    "unspoken_needs", "ordinary_good_day", "who_to_lean_on",
    "why_i_want_them_back", "lonely_or_missing_them", "afraid_of_alone", "familiar_or_them",
    "right_reasons", "something_to_prove", "good_for_both", "if_nothing_changed",
    "feeling_right_now", "what_the_urge_wants", "when_to_let_go", "clear_head",
    "what_i_grieve", "small_progress", "six_months_from_now",
}  # fmt: skip

DAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def shipped():
    return load_prompts()


def test_the_shipped_prompts_load_from_the_resources_folder(shipped) -> None:
    assert (resources_dir() / PROMPTS_FILE).is_file()
    assert 25 <= len(shipped.prompts) <= 40
    assert [t.title for t in shipped.themes] == [
        "Looking back",
        "My part",
        "What I need",
        "Why them?",
        "Steady ground",
    ]
    for theme in shipped.themes:
        assert len(shipped.in_theme(theme.id)) >= 5
        assert theme.about.endswith(".")
    assert {p.id for p in shipped.prompts} >= RELEASED_IDS


def test_the_shipped_prompts_read_as_calm_first_person_questions(shipped) -> None:
    texts = [p.text for p in shipped.prompts]
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert text.endswith(("?", ".")), text
        assert len(text) <= 120, text  # one line in the prompt card
        assert re.search(r"\b(I|me|my|myself|we|us|our)\b", text), text  # the user's own voice
        # Any ex, any gender: the app never assumes "him" or "her".
        assert not re.search(r"\b(he|she|him|her|his|hers|boyfriend|girlfriend)\b", text, re.I)


def test_the_seed_questions_are_all_covered(shipped) -> None:
    for prompt_id in (
        "what_went_wrong",  # what went wrong
        "my_part_in_it",  # my part in it
        "willing_to_change",  # what I am willing to change
        "not_negotiable",  # what I will not compromise on
        "why_i_want_them_back",  # why I want them back
        "lonely_or_missing_them",  # am I lonely or do I miss this person
        "right_reasons",  # do I want this for the right reasons
        "when_to_let_go",  # knowing when to call it off
        "clear_head",  # keeping a level head
    ):
        assert shipped.by_id(prompt_id) is not None
    assert shipped.by_id("no_such_prompt") is None
    assert shipped.theme("why_them").title == "Why them?"


def test_a_custom_file_can_be_loaded(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    doc = {
        "themes": [{"id": "a", "title": "A", "about": "x.", "prompts": [{"id": "q", "text": "Q?"}]}]
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert [p.id for p in load_prompts(path).prompts] == ["q"]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({}, "list of themes"),
        ({"themes": [{"id": "a", "title": "A", "about": "x", "prompts": []}]}, "no prompts"),
        (
            {
                "themes": [
                    {"id": "A b", "title": "A", "about": "x", "prompts": [{"id": "q", "text": "Q"}]}
                ]
            },
            "id of lowercase",
        ),
        (
            {
                "themes": [
                    {"id": "a", "title": "A", "about": "x", "prompts": [{"id": "q", "text": " "}]}
                ]
            },
            "text must be",
        ),
        (
            {
                "themes": [
                    {"id": "a", "title": "A", "about": "x", "prompts": [{"id": "q", "text": "1"}]},
                    {"id": "b", "title": "B", "about": "x", "prompts": [{"id": "q", "text": "2"}]},
                ]
            },
            "unique: q",
        ),
    ],
)
def test_a_broken_prompts_file_is_refused_with_the_reason(doc: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_prompts(doc)


def test_the_rotation_changes_theme_every_day(shipped) -> None:
    order = rotation(shipped.prompts)
    assert sorted(p.id for p in order) == sorted(p.id for p in shipped.prompts)
    themes = [p.theme for p in order]
    assert all(a != b for a, b in itertools.pairwise(themes))


def test_the_shipped_set_never_repeats_within_seventeen_days(shipped) -> None:
    assert repeat_window(len(shipped.prompts)) == 17
    shown = [prompt_of_the_day(shipped.prompts, DAY + timedelta(days=i)).id for i in range(36)]
    assert len(set(shown)) == 36  # with nothing answered, a full cycle shows each prompt once


def test_a_prompt_answered_lately_gives_way_to_one_from_the_other_half_of_the_cycle(
    shipped,
) -> None:
    natural = prompt_of_the_day(shipped.prompts, DAY)
    answered = [(DAY - timedelta(days=3), natural.id)]
    instead = prompt_of_the_day(shipped.prompts, DAY, answered)
    assert instead != natural
    order = rotation(shipped.prompts)
    assert order.index(instead) == (order.index(natural) + len(order) // 2) % len(order)
    # Long enough ago, or written today (the day's prompt never changes while it is shown):
    assert (
        prompt_of_the_day(shipped.prompts, DAY, [(DAY - timedelta(days=18), natural.id)]) == natural
    )
    assert prompt_of_the_day(shipped.prompts, DAY, [(DAY, natural.id)]) == natural
    # Both answered: the natural one stays rather than anything that could repeat.
    both = [*answered, (DAY - timedelta(days=1), instead.id)]
    assert prompt_of_the_day(shipped.prompts, DAY, both) == natural


def test_no_prompts_is_a_plain_error() -> None:
    with pytest.raises(ValueError, match="no prompts"):
        prompt_of_the_day([], DAY)


@st.composite
def prompt_lists(draw) -> list[Prompt]:
    size = draw(st.integers(1, 45))
    themes = draw(st.lists(st.sampled_from("abcdef"), min_size=size, max_size=size))
    return [Prompt(f"p{i}", theme, f"Question {i}?") for i, theme in enumerate(themes)]


@settings(max_examples=150, deadline=None)
@given(
    prompts=prompt_lists(),
    start=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    answers=st.lists(st.tuples(st.integers(-60, 120), st.integers(0, 44)), max_size=80),
    history_seen_per_day=st.booleans(),
)
def test_no_prompt_is_shown_twice_within_the_window_whatever_was_answered(
    prompts: list[Prompt], start: date, answers: list, history_seen_per_day: bool
) -> None:
    """Any answers on any days (even ones that appear later, as if typed in another
    window), shown day after day: a prompt never comes back within N days."""
    ids = [p.id for p in prompts]
    history = [(start + timedelta(days=d), ids[i % len(ids)]) for d, i in answers]
    window = repeat_window(len(prompts))
    shown: list[str] = []
    for offset in range(90):
        day = start + timedelta(days=offset)
        # Seen from that day: only what was answered before it can matter.
        known = [h for h in history if h[0] < day] if history_seen_per_day else history
        prompt = prompt_of_the_day(prompts, day, known)
        assert prompt in prompts
        assert prompt_of_the_day(prompts, day, list(reversed(known))) == prompt  # order-free
        shown.append(prompt.id)
    for i, prompt_id in enumerate(shown):
        assert prompt_id not in shown[max(0, i - window) : i], (i, window)


@settings(max_examples=100, deadline=None)
@given(prompts=prompt_lists(), start=st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_with_nothing_answered_every_prompt_comes_once_per_cycle(
    prompts: list[Prompt], start: date
) -> None:
    shown = [prompt_of_the_day(prompts, start + timedelta(days=i)).id for i in range(len(prompts))]
    assert sorted(shown) == sorted(p.id for p in prompts)


@settings(max_examples=100, deadline=None)
@given(
    prompts=prompt_lists(),
    day=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    answers=st.lists(st.tuples(st.integers(1, 30), st.integers(0, 44)), max_size=40),
)
def test_a_prompt_answered_within_the_window_is_avoided_when_the_cycle_allows(
    prompts: list[Prompt], day: date, answers: list
) -> None:
    ids = [p.id for p in prompts]
    history = [(day - timedelta(days=d), ids[i % len(ids)]) for d, i in answers]
    window = repeat_window(len(prompts))
    recent = {pid for when, pid in history if when >= day - timedelta(days=window)}
    chosen = prompt_of_the_day(prompts, day, history)
    order = rotation(prompts)
    natural = order[day.toordinal() % len(order)]
    other = order[(day.toordinal() + len(order) // 2) % len(order)]
    if chosen.id in recent:  # only when neither choice was free
        assert {natural.id, other.id} <= recent and chosen == natural
