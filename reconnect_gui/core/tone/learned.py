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
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from reconnect_gui.core.tone.features import Feature, feature_names, features
from reconnect_gui.core.tone.text import Draft

MODEL_FILE = Path("tone") / "tone_model.json.gz"  # inside the resources folder
FORMAT = 1
FLAG = "flag"
# The most words one learned finding underlines: enough for a phrase, never a paragraph.
SPAN_WORDS = 8

Weights = tuple[tuple[int, float], ...]


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
        weights: dict[str, Weights],
    ) -> None:
        if heads[0] != FLAG or len({len(heads), len(bias), len(thresholds)}) != 1:
            raise ValueError("a tone model needs a flag head first and one value per head")
        self.heads = tuple(heads)
        self.bias = tuple(bias)
        self.thresholds = tuple(thresholds)
        self.clean_below = clean
        self.weights = weights
        self._index = {head: i for i, head in enumerate(self.heads)}
        # A set of its own: intersecting a long paste's names with it is ~10 % faster than
        # with the dictionary's keys, and it is built once, as the model loads.
        self._vocabulary = frozenset(weights)
        # Each head's weights by feature name, for explaining a finding: built here, when
        # the model loads off the UI thread, so no keystroke pays for it.
        self._by_head: list[dict[str, float]] = [{} for _ in self.heads]
        for name, pairs in weights.items():
            for head, value in pairs:
                self._by_head[head][name] = value

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> LearnedModel:
        if document.get("format") != FORMAT:
            raise ValueError(f"unknown tone model format {document.get('format')!r}")
        weights = {
            name: tuple(zip(flat[0::2], flat[1::2], strict=True))
            for name, flat in document["weights"].items()
        }
        return cls(
            document["heads"], document["bias"], document["thresholds"], document["clean"], weights
        )

    def present(self, draft: Draft, kind: str) -> list[Feature]:
        """The draft's features that carry weight, every place each one occurs."""
        return features(draft, kind, self.weights)

    def names(self, draft: Draft, kind: str) -> set[str]:
        """The names of the draft's features that carry weight (what ``score`` needs)."""
        return feature_names(draft, kind, self._vocabulary)

    def score(self, names: AbstractSet[str]) -> Scores:
        """The heads' probabilities for a draft with these feature ``names``."""
        logits = list(self.bias)
        # Each feature counts once; the look-ups run in C (map), ~10 % of a long paste's score.
        for pairs in map(self.weights.__getitem__, names):
            for head, value in pairs:
                logits[head] += value
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
