"""“Ignore here”: an ignore follows its spot through edits around it, and only that spot."""

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reconnect_gui.core.drafts.tone_ignores import (
    Ignore,
    ignore_for,
    ignore_from_data,
    ignore_to_data,
    is_ignored,
    without_ignored,
)
from reconnect_gui.core.tone.report import Finding

RULE = "begging.take_me_back"
PHRASE = "please come back"


def flagged(text: str, phrase: str = PHRASE, rule_id: str = RULE) -> list[Finding]:
    """What a checker would report: every occurrence of ``phrase``, left to right."""
    found, start = [], text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        found.append(Finding(rule_id, "begging", "problem", (start, end), "msg", "tip"))
        start = text.find(phrase, end)
    return found


def only(text: str) -> Finding:
    (finding,) = flagged(text)
    return finding


def _span(text: str, phrase: str) -> tuple[int, int]:
    """The span of ``phrase`` in ``text``, allowing any whitespace between its words."""
    match = re.search(r"\s+".join(map(re.escape, phrase.split())), text, re.IGNORECASE)
    assert match is not None
    return match.span()


LETTER = "I have been thinking about you a lot. Please come back, I know we can fix it."


def test_the_ignore_keeps_the_snippet_and_three_words_each_side() -> None:
    text = "I have been thinking about you a lot.\n  please   come back, I know we can fix it."
    finding = flagged(text, "please   come back")[0]
    assert ignore_for(finding, text) == Ignore(RULE, PHRASE, "you a lot", "i know we")


def test_context_stops_at_the_edges_of_the_text() -> None:
    text = "please come back"
    assert ignore_for(only(text), text) == Ignore(RULE, PHRASE, "", "")
    text = "Hi, please come back now"
    assert ignore_for(only(text), text) == Ignore(RULE, PHRASE, "hi", "now")


@pytest.mark.parametrize(
    "edited",
    [
        "Hey. " + LETTER,  # far before
        LETTER + " Take care.",  # far after
        LETTER.replace("a lot. ", "a lot, honestly. "),  # right before the spot
        LETTER.replace("Please come back, I know", "Please come back — I really know"),  # after
        LETTER.replace("about you", "about you and me"),  # a word away on one side
        LETTER.replace("I have", "i have").replace("I know", "i KNOW"),  # case elsewhere
        LETTER.replace("Please come back", "Please  come\nback"),  # whitespace inside
    ],
)
def test_edits_around_the_spot_keep_it_ignored(edited: str) -> None:
    phrase = "Please come back"
    ignores = [ignore_for(flagged(LETTER, phrase)[0], LETTER)]
    finding = Finding(RULE, "begging", "problem", _span(edited, phrase), "m", "s")
    assert is_ignored(finding, edited, ignores)


def test_editing_both_sides_right_at_the_spot_shows_it_again() -> None:
    ignores = [ignore_for(flagged(LETTER, "Please come back")[0], LETTER)]
    edited = LETTER.replace("a lot. Please come back, I know", "so much. Please come back, we")
    finding = Finding(RULE, "begging", "problem", _span(edited, "Please come back"), "m", "s")
    assert not is_ignored(finding, edited, ignores)


def test_editing_the_flagged_words_ends_the_ignore() -> None:
    ignores = [ignore_for(flagged(LETTER, "Please come back")[0], LETTER)]
    edited = LETTER.replace("Please come back", "Please come home")
    finding = Finding(RULE, "begging", "problem", _span(edited, "Please come home"), "m", "s")
    assert not is_ignored(finding, edited, ignores)


def test_the_same_phrase_elsewhere_is_still_flagged() -> None:
    text = "please come back. i miss you. honestly, please come back to me."
    first, second = flagged(text)
    ignores = [ignore_for(first, text)]
    assert is_ignored(first, text, ignores)
    assert not is_ignored(second, text, ignores)
    assert without_ignored([first, second], text, ignores) == (second,)


def test_an_ignore_covers_only_its_own_rule() -> None:
    text = "please come back"
    ignores = [ignore_for(only(text), text)]
    other = Finding("drama.caps", "drama", "warning", (0, len(text)), "m", "s")
    assert not is_ignored(other, text, ignores)
    assert not is_ignored(only(text), text, [])


def test_a_finding_about_the_whole_message_is_ignored_by_rule() -> None:
    whole = Finding("too_long.letter", "too_long", "warning", (0, 0), "m", "s")
    ignores = [ignore_for(whole, "a long letter")]
    assert is_ignored(whole, "a completely different, even longer letter", ignores)
    assert not is_ignored(whole, "x", [ignore_for(only("please come back"), "please come back")])


def test_spans_outside_the_text_do_not_crash() -> None:
    odd = Finding(RULE, "begging", "problem", (50, 80), "m", "s")
    assert ignore_for(odd, "short") == Ignore(RULE, "", "short", "")
    backwards = Finding(RULE, "begging", "problem", (3, 1), "m", "s")
    assert ignore_for(backwards, "short").snippet == ""


def test_a_huge_word_next_to_the_spot_is_cheap_and_stable() -> None:
    blob = "a" * 100_000
    text = f"{blob} please come back {blob}"
    ignore = ignore_for(only(text), text)
    assert ignore == Ignore(RULE, PHRASE, "", "")  # a cut piece of a word is no context
    longer = "b " + text + " c"
    assert is_ignored(only(longer), longer, [ignore])


def test_ignores_round_trip_and_odd_stored_ones_are_dropped() -> None:
    ignore = Ignore(RULE, PHRASE, "i miss you", "i know")
    assert ignore_from_data(ignore_to_data(ignore)) == ignore
    assert ignore_from_data({"rule_id": RULE}) == Ignore(RULE, "", "", "")
    for odd in (None, [], {"rule_id": ""}, {"rule_id": RULE, "snippet": 3}):
        assert ignore_from_data(odd) is None


# -- properties ---------------------------------------------------------------------------

WORDS = st.lists(
    st.sampled_from(["we", "you", "I", "it", "the", "a", "lot", "miss", "sorry", "call", "and"]),
    min_size=0,
    max_size=12,
)
INSERTS = st.text(alphabet=st.sampled_from(list("abcxyz ,.!?\n'’é😊")), min_size=1, max_size=30)


def _letter(before: list[str], after: list[str]) -> tuple[str, Finding]:
    text = " ".join([*before, PHRASE, *after])
    return text, only(text)


@given(WORDS, WORDS, INSERTS, st.data())
def test_any_insertion_on_one_side_keeps_the_ignore(before, after, insert, data) -> None:
    text, finding = _letter(before, after)
    ignores = [ignore_for(finding, text)]
    start, end = finding.span
    at = data.draw(st.one_of(st.integers(0, start), st.integers(end, len(text))))
    edited = text[:at] + insert + text[at:]
    shift = len(insert) if at <= start else 0
    moved = Finding(RULE, "begging", "problem", (start + shift, end + shift), "m", "s")
    assert is_ignored(moved, edited, ignores)


@given(WORDS, WORDS, st.data())
def test_any_deletion_on_one_side_keeps_the_ignore(before, after, data) -> None:
    text, finding = _letter(before, after)
    ignores = [ignore_for(finding, text)]
    start, end = finding.span
    if data.draw(st.booleans()):
        a = data.draw(st.integers(0, start))
        b = data.draw(st.integers(a, start))
        edited, shift = text[:a] + text[b:], b - a
    else:
        a = data.draw(st.integers(end, len(text)))
        b = data.draw(st.integers(a, len(text)))
        edited, shift = text[:a] + text[b:], 0
    moved = Finding(RULE, "begging", "problem", (start - shift, end - shift), "m", "s")
    assert is_ignored(moved, edited, ignores)


@given(WORDS, WORDS, WORDS, WORDS, WORDS)
def test_edits_on_both_sides_beyond_three_words_keep_the_ignore(near1, near2, far, b, a) -> None:
    near_before, near_after = ["so", "so", "so", *near1][-3:], [*near2, "ok", "ok", "ok"][:3]
    text = " ".join([*b, *near_before, PHRASE, *near_after, *a])
    ignores = [ignore_for(only(text), text)]
    edited = " ".join([*far, *b, "x", *near_before, PHRASE, *near_after, "y", *a, *far])
    assert is_ignored(only(edited), edited, ignores)


@given(WORDS, WORDS, WORDS, WORDS)
def test_a_second_occurrence_with_other_neighbours_is_not_ignored(b1, a1, b2, a2) -> None:
    first_text, first = _letter(b1, a1)
    ignore = ignore_for(first, first_text)
    text = " ".join([*b1, PHRASE, *a1, "and", *b2, PHRASE, *a2])
    original, second = flagged(text)
    second_ignore = ignore_for(second, text)
    assume(second_ignore.before != ignore.before and second_ignore.after != ignore.after)
    assert is_ignored(original, text, [ignore])
    assert not is_ignored(second, text, [ignore])


@given(WORDS, WORDS, st.integers(0, len(PHRASE) - 1), st.sampled_from(list("xyz!")))
def test_changing_the_flagged_words_ends_the_ignore(before, after, i, char) -> None:
    text, finding = _letter(before, after)
    ignores = [ignore_for(finding, text)]
    start, end = finding.span
    edited = text[: start + i] + char + text[start + i + 1 :]
    changed = Finding(RULE, "begging", "problem", (start, end), "m", "s")
    assert not is_ignored(changed, edited, ignores)


def test_ignored_notes_still_in_the_words_are_listed_and_can_be_brought_back() -> None:
    """Issue 17: "Show ignored notes" lists what was set aside and is still there, and
    "Bring back" knows which ignores to take away."""
    from reconnect_gui.core.drafts.tone_ignores import covering, ignored_findings

    text = "Hi. please come back now. Later: please come back soon."
    first, second = flagged(text)
    ignore = ignore_for(first, text)
    gone = Ignore(RULE, "please come back", "words long", "gone now")  # no longer in the text
    assert ignored_findings([first, second], text, [ignore, gone]) == (first,)
    assert covering(first, text, [ignore, gone]) == (ignore,)
    assert covering(second, text, [ignore, gone]) == ()
    assert ignored_findings([first, second], text, []) == ()
