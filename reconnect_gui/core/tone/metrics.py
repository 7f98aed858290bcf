"""Length figures of a draft: counts, reading time, readability and SMS segments.

- Words, sentences and paragraphs as text.py reads them; characters are code points.
- Reading time at 230 words a minute (a typical silent reading pace), rounded up.
- Readability is Flesch reading ease, 206.835 − 1.015 × words per sentence − 84.6 ×
  syllables per word, kept within 0–100 (higher is easier; 60–80 is plain English).
  Syllables are estimated: groups of vowels, less a silent final "e", at least one a word.
  It is None when there are no words, or when the text is mostly not English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import ceil

from reconnect_gui.core.tone import sms
from reconnect_gui.core.tone.report import Metrics
from reconnect_gui.core.tone.text import Draft

WORDS_PER_MINUTE = 230
_VOWEL_RUNS = re.compile("[aeiouy]+")  # one class, one quantifier: linear
_LONGEST = 30  # past this a "word" is a paste or a keyboard mash: estimate, don't count


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    low = word.lower()
    if len(low) > _LONGEST:
        return ceil(len(low) / 3)
    count = len(_VOWEL_RUNS.findall(low))
    if low.endswith("e") and not low.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch(draft: Draft) -> float | None:
    written = draft.words.written
    if not written:
        return None
    words = len(written)
    sentences = max(len(draft.sentences), 1)
    total = sum(map(syllables, written))
    score = 206.835 - 1.015 * words / sentences - 84.6 * total / words
    return round(min(max(score, 0.0), 100.0), 1)


def measure(draft: Draft, *, english: bool = True) -> Metrics:
    encoding, parts = sms.segments(draft.text)
    words = len(draft.words)
    return Metrics(
        characters=len(draft.text),
        words=words,
        sentences=len(draft.sentences),
        paragraphs=draft.paragraphs,
        reading_seconds=ceil(words * 60 / WORDS_PER_MINUTE),
        readability=flesch(draft) if english else None,
        sms_encoding=encoding,
        sms_segments=parts,
    )
