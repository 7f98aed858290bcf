"""The search form of a text (case and accents ignored), which the journal's search and
the vault's search index share. A module of its own, so that opening the vault does not
load the whole journal query code."""

from __future__ import annotations

import re
import unicodedata

# Diacritics that search ignores: the combining accent blocks (Latin, Greek, Cyrillic and
# symbols), Hebrew points and Arabic vowel marks. Other combining characters (Indic vowel
# signs, Japanese voicing marks) change the letter itself, so they stay.
_DIACRITICS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)


def fold(text: str) -> str:
    """The search form of ``text``: compatibility-decomposed (NFKD), case-folded, without
    diacritics. Both sides of a search go through it, so the decomposed form is kept (it
    also lets a half-typed Korean syllable match). ASCII takes a fast path."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).casefold()
    return folded if folded.isascii() else _DIACRITICS.sub("", folded)
