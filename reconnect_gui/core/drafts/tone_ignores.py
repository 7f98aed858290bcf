"""“Ignore here”: the user sets one finding aside at one spot, and it stays set aside.

A finding's span moves whenever the user types before it, so an ignore cannot remember
offsets. It remembers what was flagged and what stands around it instead:

    Ignore(rule_id, snippet, before, after)

``snippet`` is the flagged text with its whitespace collapsed; ``before`` and ``after``
are the (up to) three words nearest to it on each side, lower-cased, without punctuation
(fewer where the text begins or ends).

The matching rule (``is_ignored``): a finding is ignored when an ignore has the same rule
id, the same snippet, and the same three words on at least ONE side. So:

- typing anywhere else, even right next to the spot, keeps the ignore: an edit on one
  side leaves the other side's words as they were;
- the same phrase somewhere else is flagged again: its neighbours are different words
  (only a passage repeated word for word, neighbours and all, cannot be told apart);
- editing the flagged words themselves ends the ignore: the snippet no longer matches.

Only editing both sides within three words of the spot loses it (the user sees the
finding again and can set it aside again). Findings about the whole message (span
``(0, 0)``, e.g. "too long") are ignored by rule id alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reconnect_gui.core.tone.report import Finding

CONTEXT_WORDS = 3
# How far to look for the context words, in characters. Bounded, so a 100,000-letter
# "word" next to a finding costs no more than a short one; a word the window's edge cuts
# is left out, so typing beyond the window never changes the context.
CONTEXT_WINDOW = 80
WHOLE_MESSAGE = (0, 0)
_WORD = re.compile(r"\w+")  # no nested quantifiers: linear, cannot backtrack badly


@dataclass(frozen=True)
class Ignore:
    rule_id: str
    snippet: str  # the flagged text, whitespace collapsed
    before: str  # up to three words just before it, lower-case, space-separated
    after: str  # up to three words just after it


def _clamped(span: tuple[int, int], length: int) -> tuple[int, int]:
    start = min(max(span[0], 0), length)
    return start, min(max(span[1], start), length)


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _joined(words: list[str]) -> str:
    return " ".join(words).casefold()


def _cuts_a_word(text: str, at: int) -> bool:
    """True when ``at`` lies inside a word (a window edge there would cut it)."""
    return 0 < at < len(text) and _WORD.fullmatch(text[at - 1 : at + 1]) is not None


def _words_before(text: str, start: int) -> str:
    edge = max(0, start - CONTEXT_WINDOW)
    words = _WORD.findall(text, edge, start)
    if _cuts_a_word(text, edge):
        words = words[1:]  # a piece of a long word is no context
    return _joined(words[-CONTEXT_WORDS:])


def _words_after(text: str, end: int) -> str:
    edge = min(len(text), end + CONTEXT_WINDOW)
    words = _WORD.findall(text, end, edge)
    if _cuts_a_word(text, edge):
        words = words[:-1]
    return _joined(words[:CONTEXT_WORDS])


def _is_whole(finding: Finding) -> bool:
    return tuple(finding.span) == WHOLE_MESSAGE


def ignore_for(finding: Finding, text: str) -> Ignore:
    """The ignore for ``finding`` at its spot in ``text`` (what "Ignore here" stores)."""
    if _is_whole(finding):
        return Ignore(finding.rule_id, "", "", "")
    start, end = _clamped(finding.span, len(text))
    return Ignore(
        rule_id=finding.rule_id,
        snippet=_collapsed(text[start:end]),
        before=_words_before(text, start),
        after=_words_after(text, end),
    )


def is_ignored(finding: Finding, text: str, ignores: Iterable[Ignore]) -> bool:
    """True when one of ``ignores`` covers ``finding`` in ``text`` (rule in the module doc)."""
    candidates = [i for i in ignores if i.rule_id == finding.rule_id]
    if not candidates:
        return False
    here = ignore_for(finding, text)
    if _is_whole(finding):
        return any(i.snippet == "" for i in candidates)
    return any(
        i.snippet == here.snippet and (i.before == here.before or i.after == here.after)
        for i in candidates
    )


def without_ignored(
    findings: Sequence[Finding], text: str, ignores: Sequence[Ignore]
) -> tuple[Finding, ...]:
    """``findings`` minus those the user set aside."""
    if not ignores:
        return tuple(findings)
    return tuple(f for f in findings if not is_ignored(f, text, ignores))


def covering(finding: Finding, text: str, ignores: Iterable[Ignore]) -> tuple[Ignore, ...]:
    """The ignores that set ``finding`` aside in ``text`` (what "Bring back" removes)."""
    return tuple(i for i in ignores if is_ignored(finding, text, (i,)))


def ignored_findings(
    findings: Sequence[Finding], text: str, ignores: Sequence[Ignore]
) -> tuple[Finding, ...]:
    """The findings of ``text`` the user set aside, for "Show ignored notes": only those
    still in the words (an ignore for words long gone has nothing to show)."""
    if not ignores:
        return ()
    return tuple(f for f in findings if is_ignored(f, text, ignores))


# -- stored form --------------------------------------------------------------------------


def ignore_to_data(ignore: Ignore) -> dict[str, Any]:
    return {
        "rule_id": ignore.rule_id,
        "snippet": ignore.snippet,
        "before": ignore.before,
        "after": ignore.after,
    }


def ignore_from_data(data: Any) -> Ignore | None:
    """A stored ignore, or None when it has no rule id or odd fields."""
    if not isinstance(data, dict):
        return None
    values = [data.get(k, "") for k in ("rule_id", "snippet", "before", "after")]
    if not all(isinstance(v, str) for v in values) or not values[0]:
        return None
    return Ignore(*values)
