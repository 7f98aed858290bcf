"""What the learned layer sees in a draft: named features, each tied to the words it came
from, so a learned finding can underline the words that carried it.

The training command (core/tone/training.py) and the app share this one function,
so what was learned is exactly what is looked up. A feature is present or absent (counted
once per draft); its weight was learned per category.

- ``w:TERM`` a term (text.py's normalised word: lowercased, chat spellings spelled out,
  contractions opened, stretched letters shrunk); ``b:T1 T2`` and ``t:T1 T2 T3`` two and
  three terms in a row, where ``#`` marks the start or end of a sentence;
- ``c:CLASS`` and friends: our own word classes (word_classes.py), so what the model
  learns about a class of words reaches words no writer used;
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
from typing import NamedTuple

from reconnect_gui.core.tone.text import BOUNDARY, Draft
from reconnect_gui.core.tone.word_classes import (
    AIMED,
    CLASS_OF,
    CURT,
    FIRST_OF_PAIR,
    FIRST_PERSON,
    PAIR_OF,
    REACH,
    SECOND_PERSON,
    SELF,
)

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
    for name, first, last_term in class_features(terms, kind) + pair_features(terms, kind):
        if wanted(name):
            add((name, *_span(owners[first], owners[last_term])))
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
    names.update(name for name, _first, _last in class_features(terms, kind))
    # The class pairs are among the b: names just made: a set intersection finds them.
    pairs = [f"c:{name}" for bigram in names & _PAIR_NAMES.keys() for name in _PAIR_NAMES[bigram]]
    names.update(pairs)
    if kind in CROSSED_KINDS:
        names.update(f"{name}@{kind}" for name in pairs)
    names.update(_shapes(draft, kind))
    return names & known


# In a logistics message feelings and relationship talk are the problem in themselves, so
# there each class feature also comes as ``c:CLASS@logistics`` with a weight of its own
# (a linear model cannot otherwise learn that "miss" matters more there). Crossing the
# other kinds too was tried and gained nothing over writers the model never saw.
CROSSED_KINDS = frozenset({"logistics"})


class _Plan(NamedTuple):
    """What one listed term gives, worked out once at import so a long paste stays fast."""

    names: tuple[str, ...]  # c:CLASS for each of its classes
    aimed: tuple[str, ...]  # c:you+CLASS, if "you" comes just before
    own: tuple[str, ...]  # c:i+CLASS, if "I" does
    apology: bool
    curt: bool


def _plan(term: str) -> _Plan:
    classes = CLASS_OF.get(term, ())
    return _Plan(
        tuple("c:" + name for name in classes),
        tuple("c:you+" + name for name in classes if name in AIMED),
        tuple("c:i+" + name for name in classes if name in SELF),
        "apology" in classes,
        term in CURT,
    )


_PLANS = {term: _plan(term) for term in {*CLASS_OF, *CURT}}
_PAIR_NAMES = {"b:" + pair: classes for pair, classes in PAIR_OF.items()}


def class_features(terms: tuple[str, ...], kind: str = "") -> list[Feature]:
    """The word-class features of ``terms`` in a message of this ``kind``, each with the
    indexes of its first and last *term* (features() turns them into words). Only terms
    in some list are visited, so a long paste costs one dictionary lookup per term."""
    found: list[Feature] = []
    add = found.append
    last = len(terms) - 1
    apologies = 0
    plans = _PLANS
    for i, plan in [(i, p) for i, p in enumerate(map(plans.get, terms)) if p is not None]:
        for name in plan.names:
            add((name, i, i))
        if plan.aimed or plan.own:
            # "you" or "I" a few terms before, in the same sentence: aimed at them, or
            # about the sender.
            you = me = -1
            for j in range(i - 1, max(i - REACH - 2, -1), -1):
                before = terms[j]
                if before == BOUNDARY:
                    break
                if you < 0 and before in SECOND_PERSON:
                    you = j
                elif me < 0 and before in FIRST_PERSON:
                    me = j
            if you >= 0:
                found.extend((name, you, i) for name in plan.aimed)
            if me >= 0:
                found.extend((name, me, i) for name in plan.own)
        if plan.apology:
            apologies += 1
            if apologies == 2:
                add(("c:apology+", i, i))
        if plan.curt and 0 < i < last and terms[i - 1] == terms[i + 1] == BOUNDARY:
            add(("c:curt", i, i))
    return _crossed(found, kind)


def pair_features(terms: tuple[str, ...], kind: str = "") -> list[Feature]:
    """The classes' two-term entries (PAIRS), with the indexes of their two terms. Only
    features() needs the places; feature_names() finds the names among its b: names."""
    found: list[Feature] = []
    last = len(terms) - 1
    for i in [i for i, term in enumerate(terms[:last]) if term in FIRST_OF_PAIR]:
        for name in PAIR_OF.get(f"{terms[i]} {terms[i + 1]}", ()):
            found.append(("c:" + name, i, i + 1))
    return _crossed(found, kind)


def _crossed(found: list[Feature], kind: str) -> list[Feature]:
    if kind in CROSSED_KINDS:
        found.extend([(f"{name}@{kind}", first, last) for name, first, last in found])
    return found


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
    # str.isupper runs in C over every word; only the few capitalised ones reach Python.
    shouted = sum(1 for w in filter(str.isupper, draft.words.written) if len(w) > 1)
    if shouted:
        shapes.append(f"caps:{_bucket(shouted, (1, 3))}")
    if _EMOJI.search(text):
        shapes.append("e:any")
        shapes.extend("e:" + char for char in set(_EMOJI.findall(text)))
    return shapes
