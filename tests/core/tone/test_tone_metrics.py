"""Length figures: counts, reading time, Flesch reading ease."""

from __future__ import annotations

from reconnect_gui.core.tone import check
from reconnect_gui.core.tone.metrics import syllables


def test_counts_of_a_short_letter() -> None:
    text = "Dear Jo,\n\nI hope the spring is kind. I started pottery!\n\nTake care,\nAlex"
    metrics = check(text, "letter").metrics
    assert metrics.characters == len(text)
    assert metrics.words == 14
    assert metrics.sentences == 5  # the greeting and the sign-off lines count on their own
    assert metrics.paragraphs == 3
    assert metrics.reading_seconds == 4  # 14 words at 230 a minute, rounded up


def test_syllable_estimate() -> None:
    counts = {"cat": 1, "table": 2, "make": 1, "happy": 2, "beautiful": 3, "NYC": 1, "34": 1}
    assert {word: syllables(word) for word in counts} == counts


def test_readability_is_flesch_within_0_to_100_and_none_without_words() -> None:
    easy = check("I saw a cat. It sat on a mat. It was fun.", "text").metrics.readability
    hard = check(
        "Institutional considerations necessitate extraordinarily comprehensive documentation.",
        "text",
    ).metrics.readability
    assert easy is not None and hard is not None
    assert 90 <= easy <= 100 and 0 <= hard < 30
    assert check("", "text").metrics.readability is None
    assert check("👋🙂", "text").metrics.readability is None


def test_empty_text_has_zero_everything() -> None:
    metrics = check("", "text").metrics
    assert (metrics.characters, metrics.words, metrics.sentences, metrics.sms_segments) == (
        0,
        0,
        0,
        0,
    )


def test_other_languages_get_metrics_and_a_note_but_no_tone_rules() -> None:
    spanish = "Hola Mateo, te extraño muchísimo y no puedo dormir sin ti, por favor vuelve."
    report = check(spanish, "text")
    assert report.english_only_note
    assert report.metrics.words == 14 and report.metrics.readability is None
    assert report.verdict == "ready" and report.findings == ()
    russian = check("Привет! Я очень скучаю по тебе!!!", "text")
    assert russian.english_only_note and russian.metrics.sms_encoding == "UCS-2"
    assert [f.rule_id for f in russian.findings] == ["drama.punctuation"]  # any language
    assert check("i miss u", "text").english_only_note == ""
