"""Reading a draft: words and their spans, sentences, paragraphs, and matching terms."""

from __future__ import annotations

from reconnect_gui.core.tone.registry import engine
from reconnect_gui.core.tone.text import BOUNDARY, read


def draft(text: str):
    return read(text, engine().normaliser)


def words(text: str) -> list[str]:
    return [w.text for w in draft(text).words]


def test_words_keep_apostrophes_and_hyphens_inside_and_spans_point_at_them() -> None:
    text = "I don’t mind, it's a half-marathon -- not 'that' far!"
    found = draft(text).words
    assert [w.text for w in found] == [
        "I", "don’t", "mind", "it's", "a", "half-marathon", "not", "that", "far",
    ]  # fmt: skip
    assert all(text[w.start : w.end] == w.text for w in found)


def test_words_in_other_scripts_keep_their_combining_marks() -> None:
    assert words("नमस्ते दोस्त") == ["नमस्ते", "दोस्त"]
    assert words("cafe\u0301 ok") == ["cafe\u0301", "ok"]  # an accent typed apart
    assert words("東京 へ") == ["東京", "へ"]


def test_sentences_end_at_marks_followed_by_space_and_at_line_breaks() -> None:
    read_ = draft("Hi Sam,\nhow r u? fine... 3.5 km today!! ok")
    spans = [read_.text[a:b] for a, b in read_.sentences]
    assert spans == ["Hi Sam,", "how r u?", "fine...", "3.5 km today!!", "ok"]
    assert read_.questions == {1}


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    assert draft("Dear Jo,\n\nOne.\nStill one.\n \n\nTwo.").paragraphs == 3
    assert draft("").paragraphs == 0
    assert draft("no breaks at all").paragraphs == 1


def test_terms_spell_out_chat_style_and_contractions() -> None:
    terms = draft("im so drunk rn n i cant stop thinkin bout u").terms
    assert terms == (
        BOUNDARY, "i", "am", "so", "drunk", "right", "now", "n", "i", "can", "not", "stop",
        "thinking", "about", "you", BOUNDARY,
    )  # fmt: skip


def test_stretched_letters_shrink_to_the_word_they_stretch() -> None:
    assert draft("heyyy soooo goooood youuuu fewwww hii").terms[1:-1] == (
        "hey", "so", "good", "you", "few", "hi",
    )  # fmt: skip


def test_boundaries_sit_between_sentences_and_map_to_no_word() -> None:
    read_ = draft("Please. Call me")
    assert read_.terms == (BOUNDARY, "please", BOUNDARY, "call", "me", BOUNDARY)
    assert tuple(read_.term_word) == (-1, 0, -1, 1, 2, -1)


def test_text_without_words_has_no_sentences() -> None:
    for text in ("", "   ", "👋", "!!!???"):
        read_ = draft(text)
        assert len(read_.words) == 0 and read_.sentences == ()


def test_a_macro_must_be_a_whole_slot() -> None:
    import pytest

    from reconnect_gui.core.tone.phrases import PhraseBook

    book = PhraseBook()
    book.add("ok", ["my {kin} said"])
    with pytest.raises(ValueError, match="whole slot"):
        book.add("typo", ["my {kin}|friends said"])  # would silently match the word "kin"
