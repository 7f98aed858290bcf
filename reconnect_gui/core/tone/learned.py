"""The learned layer: a linear model over the features in features.py, one head per
category plus one for "flag or not", in plain Python.

The weights come from ``./dev.sh train-tone`` (core/tone/training.py, trained on
our own labelled corpus in tests/data/tone_corpus/) and ship as a data file,
``resources/tone/tone_model.json.gz``. Nothing here needs scikit-learn or numpy.

It stays explainable: a head's score is the sum of the weights of the features present,
and every feature belongs to some words, so the words that pushed a category over its
threshold are the ones underlined.

File format (JSON, gzip-compressed):
``{"format": 1, "heads": ["flag", CATEGORY, …], "bias": [float per head],
"thresholds": [probability per head], "clean": probability, "weights": {FEATURE:
[head, weight, head, weight, …]}, "trained_on": {…}}``. ``clean`` is the flag
probability under which the app may call a message calm and kind.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, repeat
from operator import add, lshift, mul
from pathlib import Path
from typing import Any

from reconnect_gui.core.tone.features import Feature, feature_names, features
from reconnect_gui.core.tone.text import Draft

MODEL_FILE = Path("tone") / "tone_model.json.gz"  # inside the resources folder
FORMAT = 1
FLAG = "flag"
# The most words one learned finding underlines: enough for a phrase, never a paragraph.
SPAN_WORDS = 8

# The weights are summed as whole millionths (the trained ones have three decimals, so
# this is exact for them): see _pack.
WEIGHT_SCALE = 1_000_000


@dataclass(frozen=True)
class Scores:
    """What the model thinks of one draft."""

    probabilities: dict[str, float]  # head -> probability
    over: tuple[str, ...]  # categories at or over their threshold, most likely first
    flag: bool  # the flag head is at or over its threshold
    clean: bool  # the flag probability is low enough to call the message calm


class LearnedModel:
    def __init__(
        self,
        heads: Sequence[str],
        bias: Sequence[float],
        thresholds: Sequence[float],
        clean: float,
        weights: Mapping[str, Sequence[float]],
    ) -> None:
        """``weights``: feature name -> [head, weight, head, weight, …], as in the file."""
        if heads[0] != FLAG or len({len(heads), len(bias), len(thresholds)}) != 1:
            raise ValueError("a tone model needs a flag head first and one value per head")
        self.heads = tuple(heads)
        self.bias = tuple(bias)
        self.thresholds = tuple(thresholds)
        self.clean_below = clean
        self._index = {head: i for i, head in enumerate(self.heads)}
        # The features that carry weight. A set of its own: intersecting a long paste's
        # names with it is ~10 % faster than with a dictionary's keys.
        self.vocabulary = frozenset(weights)
        # Each head's weights by feature name, for explaining a finding, and the packed
        # weights the score sums: built here, as the model loads off the UI thread, so no
        # keystroke pays for them.
        self._by_head: list[dict[str, float]] = [{} for _ in self.heads]
        for name, flat in weights.items():
            for head, value in zip(flat[0::2], flat[1::2], strict=True):
                self._by_head[int(head)][name] = value
        self._packed, self._field_bits, self._offset = _pack(weights.keys(), self._by_head)

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> LearnedModel:
        if document.get("format") != FORMAT:
            raise ValueError(f"unknown tone model format {document.get('format')!r}")
        return cls(
            document["heads"],
            document["bias"],
            document["thresholds"],
            document["clean"],
            document["weights"],
        )

    def present(self, draft: Draft, kind: str) -> list[Feature]:
        """The draft's features that carry weight, every place each one occurs."""
        return features(draft, kind, self.vocabulary)

    def names(self, draft: Draft, kind: str) -> set[str]:
        """The names of the draft's features that carry weight (what ``score`` needs)."""
        return feature_names(draft, kind, self.vocabulary)

    def logits(self, names: AbstractSet[str]) -> list[float]:
        """Each head's bias plus the weights of the features ``names`` (each counts once).

        One sum of packed integers, in C, adds every head at once: a Python loop per
        feature and head took a fifth of a long paste's check."""
        total = sum(map(self._packed.__getitem__, names))
        offsets = len(names) * self._offset
        mask = (1 << self._field_bits) - 1
        return [
            bias + ((total >> (head * self._field_bits) & mask) - offsets) / WEIGHT_SCALE
            for head, bias in enumerate(self.bias)
        ]

    def score(self, names: AbstractSet[str]) -> Scores:
        """The heads' probabilities for a draft with these feature ``names``."""
        logits = self.logits(names)
        probabilities = {h: _sigmoid(v) for h, v in zip(self.heads, logits, strict=True)}
        over = sorted(
            (h for i, h in enumerate(self.heads) if i and probabilities[h] >= self.thresholds[i]),
            key=lambda h: -probabilities[h],
        )
        flag_p = probabilities[FLAG]
        return Scores(
            probabilities,
            tuple(over),
            flag=flag_p >= self.thresholds[0],
            clean=flag_p < self.clean_below and not over,
        )

    def span(self, present: list[Feature], head: str, draft: Draft) -> tuple[int, int]:
        """The words that pushed ``head`` up most: the best run of at most SPAN_WORDS words
        inside one sentence, as a character span; (0, 0) when no word pushed it up."""
        weights = self._by_head[self._index[head]]
        sentence_of, starts, ends = draft.words.sentence_of, draft.words.starts, draft.words.ends
        places = Counter(name for name, _first, _last in present)
        push = [0.0] * len(sentence_of)  # word index -> its share of the head's score
        for name, first, last in present:
            if first < 0 or not (value := weights.get(name)):
                continue
            share = value / places[name] / (last - first + 1)
            for word in range(first, last + 1):
                push[word] += share
        # The best run for each start, read off running totals: total(start..stop) is
        # running[stop + 1] - running[start], and the best stop is the largest running
        # total inside the window (slices and max run in C, so a long paste stays fast).
        running = list(accumulate(push, initial=0.0))
        last_of = {sentence: word for word, sentence in enumerate(sentence_of)}
        best, best_run = 0.0, None
        for start in [word for word, value in enumerate(push) if value > 0]:
            limit = min(start + SPAN_WORDS, last_of[sentence_of[start]] + 1)
            window = running[start + 1 : limit + 1]
            top = max(window)
            if top - running[start] > best:
                best, best_run = top - running[start], (start, start + window.index(top))
        if best_run is None:
            return (0, 0)
        start, stop = best_run
        while stop > start and push[stop] <= 0:  # end on a word that pushed
            stop -= 1
        return (starts[start], ends[stop])


def _pack(names: Iterable[str], by_head: list[dict[str, float]]) -> tuple[dict[str, int], int, int]:
    """Each feature's weights as one integer with a field per head, and the field's width
    in bits and the offset added to every field.

    A weight becomes whole millionths plus the offset, so no field is ever negative; the
    width leaves room for every feature of the model at once, so a sum never carries from
    one field into the next. Summing packed integers then sums every head's weights, and
    each head's sum is its field less the offset once per feature. (Built with map, in C:
    a Python loop per weight would add a third to the model's load.)"""
    every_weight = [value for weights in by_head for value in weights.values()]
    offset = round(max(map(abs, every_weight), default=0.0) * WEIGHT_SCALE) + 1
    all_names = list(names)
    field_bits = (2 * offset * max(1, len(all_names))).bit_length()
    empty = sum(offset << (head * field_bits) for head in range(len(by_head)))
    packed = dict.fromkeys(all_names, empty)
    for head, weights in enumerate(by_head):
        millionths = map(round, map(mul, weights.values(), repeat(WEIGHT_SCALE)))
        shifted = map(lshift, millionths, repeat(head * field_bits))
        packed.update(
            zip(weights, map(add, map(packed.__getitem__, weights), shifted), strict=True)
        )
    return packed, field_bits, offset


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def read_model(path: Path) -> LearnedModel:
    with gzip.open(path, "rt", encoding="utf-8") as source:
        return LearnedModel.from_json(json.load(source))


@cache
def shipped_model() -> LearnedModel | None:
    """The model in resources/, loaded once; None when the file is missing (the rules still
    run, and nothing claims the message is calm)."""
    from reconnect_gui.system.paths import resources_dir

    path = resources_dir() / MODEL_FILE
    if not path.exists():
        return None
    return read_model(path)
