"""What a rule is: data (id, category, severity, words, examples) plus small functions.

A text rule finds spans in the draft: by default every match of its ``phrases`` (see
phrases.py), kept or dropped by an optional ``keep`` test; or, for rules that are not
about phrases (capitals, length, a bare greeting), by its own ``find``. A cue is a named
phrase list that finds nothing on its own but that ``find`` functions read (the
belongings rule needs both "your things" and "come over" before it speaks).

A context rule looks only at the Context (the countdown, the clock), never at the words.

Every rule carries examples that should and should not trigger it; the tests run them all
and fail for a rule without both kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import KINDS, Context, Severity
from reconnect_gui.core.tone.text import BOUNDARY, Draft

Span = tuple[int, int]
# A first message to them, as opposed to logistics (belongings, children, bills).
WORDS_TO_THEM = ("text", "letter")


@dataclass(frozen=True)
class Scan:
    """A draft with every phrase hit, grouped by rule or cue: what ``find`` functions see."""

    draft: Draft
    kind: str
    hits: Mapping[str, list[Hit]] = field(default_factory=dict)


@dataclass(frozen=True)
class Cue:
    key: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str  # stable: "<category>.<what>", it appears in the JSON and in stored ignores
    category: str
    severity: Severity
    message: str  # what we noticed, in our own kind words
    suggestion: str  # what to try instead
    should_flag: tuple[str, ...]
    should_pass: tuple[str, ...]
    phrases: tuple[str, ...] = ()
    keep: Callable[[Draft, Hit], bool] | None = None  # drop a phrase hit when False
    find: Callable[[Scan], Iterable[Span]] | None = None  # instead of phrases
    kinds: tuple[str, ...] = KINDS  # the kinds of message the rule applies to
    english_only: bool = True  # skipped when the draft is mostly not English
    example_kind: str = "text"  # the kind its examples are checked as

    def spans(self, scan: Scan) -> list[Span]:
        if self.find is not None:
            return list(self.find(scan))
        hits = scan.hits.get(self.id, ())
        if self.keep is not None:
            hits = [hit for hit in hits if self.keep(scan.draft, hit)]
        return [hit.span(scan.draft) for hit in hits]


@dataclass(frozen=True)
class ContextRule:
    id: str
    category: str
    applies: Callable[[Context], bool]
    message: Callable[[Context], str]  # the wait reason, in plain words
    suggestion: str
    should_flag: tuple[Context, ...]
    should_pass: tuple[Context, ...]
    kinds: tuple[str, ...] = KINDS  # the kinds of message the situation matters for


# Small helpers the rules share.

NEGATIONS = frozenset({"not", "never", "no", "nor", "without", "hardly"})


def negated(draft: Draft, hit: Hit, reach: int = 3) -> bool:
    """A "not" (or never, no…) among the few terms before the hit, in the same sentence."""
    for i in range(hit.first - 1, max(hit.first - 1 - reach, -1), -1):
        term = draft.terms[i]
        if term == BOUNDARY:
            return False
        if term in NEGATIONS:
            return True
    return False


def hit_sentence(draft: Draft, hit: Hit) -> int:
    """The index of the sentence a hit starts in."""
    for i in range(hit.first, hit.last + 1):
        if draft.term_word[i] >= 0:
            return draft.words.sentence_of[draft.term_word[i]]
    return -1


def sentence_terms(draft: Draft, hit: Hit, reach: int = 40) -> list[str]:
    """The terms of the sentence around a hit (at most ``reach`` terms each side)."""
    start = hit.first
    while start > 0 and hit.first - start < reach and draft.terms[start - 1] != BOUNDARY:
        start -= 1
    end = hit.last
    last = len(draft.terms) - 1
    while end < last and end - hit.last < reach and draft.terms[end + 1] != BOUNDARY:
        end += 1
    return list(draft.terms[start : end + 1])


def words_before(draft: Draft, hit: Hit, reach: int = 40) -> set[str]:
    """The terms of the hit's sentence that come before it (at most ``reach`` of them)."""
    terms = set()
    for i in range(hit.first - 1, max(hit.first - 1 - reach, -1), -1):
        if draft.terms[i] == BOUNDARY:
            break
        terms.add(draft.terms[i])
    return terms


def nearby(draft: Draft, hit: Hit, reach: int = 60) -> tuple[str, ...]:
    """The terms within ``reach`` of a hit either side: its part of a long letter."""
    return draft.terms[max(hit.first - reach, 0) : hit.last + reach + 1]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Spans sorted, with overlapping ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
