"""What the learned layer sees in a draft: named features, each tied to the words it came
from, so a learned finding can underline the words that carried it.

The training command (core/tone/training.py) and the app share this one function,
so what was learned is exactly what is looked up. A feature is present or absent (counted
once per draft); its weight was learned per category.

- ``w:TERM`` a term (text.py's normalised word: lowercased, chat spellings spelled out,
  contractions opened, stretched letters shrunk); ``b:T1 T2`` and ``t:T1 T2 T3`` two and
  three terms in a row, where ``#`` marks the start or end of a sentence;
- a few shapes of the whole message: its kind, its length, how many of its sentences ask
  something, whether the last one does, runs of ``!`` or ``?``, shouting capitals, emoji.

Letter n-grams (three to five letters of a word) were tried and left out: over writers the
model never saw they lowered the flag head's area under the ROC curve from 0.984 to 0.978,
and they cost most of the time. Everything runs in time linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Container
from collections.abc import Set as AbstractSet

from reconnect_gui.core.tone.text import BOUNDARY, Draft

WHOLE = (-1, -1)  # the span of a feature about the whole message
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2764\u2639\u263a]")
_RUNS = (("x:!!", "!!"), ("x:??", "??"), ("x:?!", "?!"), ("x:!?", "!?"), ("x:...", "..."))


# A feature: its name, and the indexes of its first and last word in draft.words (both -1
# for the whole message). Plain tuples: a long paste makes tens of thousands of them.
Feature = tuple[str, int, int]


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    for index, edge in enumerate(edges):
        if value <= edge:
            return index
    return len(edges)


def features(draft: Draft, kind: str, known: Container[str] | None = None) -> list[Feature]:
    """Every feature of ``draft`` with the words it came from (with repeats; the model counts
    each name once), or only those in ``known`` (the model's vocabulary)."""
    terms = draft.terms
    owners = draft.term_word.all()
    wanted = (lambda _name: True) if known is None else known.__contains__
    found: list[Feature] = []
    add = found.append
    last = len(terms) - 1
    for i, term in enumerate(terms):
        word = owners[i]
        if term != BOUNDARY and wanted(name := "w:" + term):
            add((name, word, word))
        if i < last:
            after = terms[i + 1]
            if wanted(name := f"b:{term} {after}") and (term != BOUNDARY or after != BOUNDARY):
                add((name, *_span(word, owners[i + 1])))
            if i + 1 < last and wanted(name := f"t:{term} {after} {terms[i + 2]}"):
                add((name, *_span(word, owners[i + 1], owners[i + 2])))
    found.extend((name, *WHOLE) for name in _shapes(draft, kind) if wanted(name))
    return found


def feature_names(draft: Draft, kind: str, known: AbstractSet[str]) -> set[str]:
    """The names of ``features(draft, kind, known)``, without the words behind them: all a
    score needs. Built with map and set operations, which run in C, so a long paste costs
    a third of what ``features`` does. (Names ``features`` never makes, such as a lone
    boundary, are never in a vocabulary learned from it.)"""
    terms = draft.terms
    later, latest = terms[1:], terms[2:]
    names = set(map("w:".__add__, terms))
    names.update(map("b:{} {}".format, terms, later))
    names.update(map("t:{} {} {}".format, terms, later, latest))
    names.update(_shapes(draft, kind))
    return names & known


def _span(first: int, middle: int, last: int = -1) -> tuple[int, int]:
    """The words behind two or three terms in a row; a boundary term owns no word (-1)."""
    start = first if first >= 0 else middle if middle >= 0 else last
    end = last if last >= 0 else middle if middle >= 0 else first
    return (start, end)


def _shapes(draft: Draft, kind: str) -> list[str]:
    text = draft.text
    words = len(draft.words)
    shapes = [
        "k:" + kind,
        f"n:{_bucket(words, (0, 3, 8, 20, 45, 90, 180, 350))}",
        f"q:{_bucket(len(draft.questions), (0, 1, 2))}",
    ]
    if draft.sentences and len(draft.sentences) - 1 in draft.questions:
        shapes.append("q:last")
    shapes.extend(name for name, run in _RUNS if run in text)
    shouted = sum(1 for w in draft.words.written if len(w) > 1 and w.isupper())
    if shouted:
        shapes.append(f"caps:{_bucket(shouted, (1, 3))}")
    if _EMOJI.search(text):
        shapes.append("e:any")
        shapes.extend("e:" + char for char in set(_EMOJI.findall(text)))
    return shapes
