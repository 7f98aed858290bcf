"""Phrase patterns over a draft's terms, compiled once into one trie.

A pattern is written the way people write, one slot per word, and goes through the same
normaliser as the draft ("can't" becomes "can not", "u" becomes "you"). A slot is:

- ``word`` or ``this|that|the_other`` — one of the alternatives (``_`` joins words);
- ``[so|really]`` — optional: one of the alternatives, or nothing;
- ``miss+`` — the word with its common endings: miss, misses, missed, missing;
- ``...`` — a gap of up to three words within the sentence; ``*`` — exactly one word;
- ``<num>`` a number ("34", "forty-one"), ``<day>`` a day or part of the week,
  ``<name>`` a capitalised word that does not start its sentence;
- ``#`` — the edge of a sentence, so ``# please #`` is a sentence that is only "please";
- ``{name}`` — a shared set of alternatives from MACROS below.

Matching walks the trie from every term; the walk is bounded by the longest pattern, so
the whole match is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product

from reconnect_gui.core.tone.text import BOUNDARY, Draft, Normaliser, word_set

GAP = 3  # the most words "..." skips
DIGITS = "<digits>"  # the root's key for a term made of digits

MACROS = {
    "you_are": "you_are|your|you_were",
    "i_am": "i_am|i_was|i_feel|i_felt",
    "ex_partner": "girlfriend|boyfriend|partner|gf|bf|guy|girl|man|woman|lady|fella|"
    "lover|crush|fling|flame",
    "kin": "mum|mom|mother|dad|father|parents|family|sister|brother|nan|gran|grandma|"
    "grandmother|grandpa|aunt|auntie|uncle|cousin|friends|kids|niece|nephew",
    "pet": "dog|cat|puppy|pup|kitten|bunny|rabbit|hamster|parrot",
    "weekday": "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|tonight|tomorrow",
    "item": "hoodie|jumper|sweater|sweatshirt|scarf|hat|jacket|coat|shirt|t-shirt|tee|charger|"
    "toothbrush|key|keys|records|vinyl|books|book|camera|stuff|things|box|boxes|mug|mugs|"
    "ring|watch|bag|guitar|lamp|kettle|plates|clothes|shoes|trainers|sneakers|jewellery|"
    "jewelry|necklace|bracelet|earrings|headphones|laptop|pillow|blanket|belongings|gear|"
    "makeup|razor|umbrella|glasses|sunglasses|wallet|plant|plants|letters|bike|bicycle|"
    "passport|tent|console|ps4|ps5|xbox|games|speaker|speakers|tv|duvet|perfume|aftershave|"
    "mail|parcel|record_player|tools|paintings|cds|dvds|sofa|chair|desk|rug|mirror|"
    "cushions|toys|ipad|tablet|suitcase|hairdryer|straighteners|pans|knives|boots|dress|"
    "jeans|socks|cap|beanie|gloves|chairs|pots|bowls|cups|towels|sheets|blankets|pillows|"
    "jackets|coats|hoodies|jumpers|shirts|dresses|bags|collection|cable|cables",
}

_NUMBER_WORDS = word_set(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred a few couple several
    """
)
_DAYS = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday weekend tonight tomorrow
    today morning afternoon evening night noon midnight
    """
)


def _is_number(term: str) -> bool:
    if term.isdigit() or term in _NUMBER_WORDS:
        return True
    return "-" in term and all(part in _NUMBER_WORDS for part in term.split("-"))


ClassTest = Callable[[Draft, int], bool]  # (draft, term index) -> matches
CLASSES: dict[str, ClassTest] = {
    "*": lambda draft, i: draft.terms[i] != BOUNDARY,
    "<num>": lambda draft, i: _is_number(draft.terms[i]),  # "34", "forty-one"
    "<day>": lambda draft, i: draft.terms[i] in _DAYS,
    "<name>": lambda draft, i: _is_name(draft, i),
}


def _is_name(draft: Draft, i: int) -> bool:
    index = draft.term_word[i]
    if index <= 0:
        return False
    words = draft.words
    return words.written[index][:1].isupper() and (
        words.sentence_of[index - 1] == words.sentence_of[index]
    )


@dataclass(frozen=True, slots=True)
class Hit:
    key: str  # the rule or cue the pattern belongs to
    pattern: str
    first: int  # first and last term index of the match
    last: int

    def span(self, draft: Draft) -> tuple[int, int]:
        """Characters from the first matched word to the last (boundaries left out)."""
        terms, first, last = draft.terms, self.first, self.last
        while terms[first] == BOUNDARY:  # a pattern holds a word, so these stop in time
            first += 1
        while terms[last] == BOUNDARY:
            last -= 1
        words = draft.words
        return words.starts[draft.term_word[first]], words.ends[draft.term_word[last]]


class _Node:
    __slots__ = ("classes", "ends", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.classes: dict[str, _Node] = {}
        self.ends: list[tuple[str, str]] = []  # (key, pattern)


def inflections(word: str) -> list[str]:
    """The common English endings of a regular word: miss → misses, missed, missing."""
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith(("s", "sh", "ch", "x")):
        return [word, word + "es", word + "ed", word + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


class PhraseBook:
    """Every phrase pattern of every rule and cue, compiled into one trie."""

    def __init__(self, normaliser: Normaliser | None = None) -> None:
        self._normaliser = normaliser or Normaliser()
        self._root = _Node()
        self.vocabulary: set[str] = set()

    def add(self, key: str, patterns: Iterable[str]) -> None:
        for pattern in patterns:
            for sequence in self._expand(pattern):
                if not sequence or all(t == BOUNDARY for t in sequence):
                    raise ValueError(f"{key}: pattern {pattern!r} matches no word")
                if sequence[0] == "<num>":  # at the root, a number is looked up, not tested
                    for first in (*_NUMBER_WORDS, DIGITS):
                        self._insert((first, *sequence[1:]), key, pattern)
                elif sequence[0] in CLASSES:
                    raise ValueError(f"{key}: pattern {pattern!r} can't start with {sequence[0]}")
                else:
                    self._insert(sequence, key, pattern)

    def _insert(self, sequence: tuple[str, ...], key: str, pattern: str) -> None:
        node = self._root
        for term in sequence:
            table = node.classes if term in CLASSES else node.next
            node = table.setdefault(term, _Node())
        node.ends.append((key, pattern))

    def _expand(self, pattern: str) -> Iterable[tuple[str, ...]]:
        slots = [self._slot(slot, pattern) for slot in pattern.split()]
        for choice in product(*slots):
            yield tuple(term for part in choice for term in part)

    def _slot(self, slot: str, pattern: str) -> list[tuple[str, ...]]:
        if slot == "...":
            return [("*",) * n for n in range(GAP + 1)]
        if slot in CLASSES or slot == BOUNDARY:
            return [(slot,)]
        optional = slot.startswith("[") and slot.endswith("]")
        body = slot[1:-1] if optional else slot
        if body.startswith("{") and body.endswith("}"):
            if body[1:-1] not in MACROS:
                raise ValueError(f"unknown macro in {pattern!r}")
            body = MACROS[body[1:-1]]
        elif "{" in body or "}" in body:  # "{kin}|friends" would silently mean the word "kin"
            raise ValueError(f"a macro must be a whole slot, in {pattern!r}")
        choices: list[tuple[str, ...]] = [()] if optional else []
        for alternative in body.split("|"):
            words = alternative.split("_")
            if words[-1].endswith("+"):
                stem = words[-1][:-1]
                choices += [self._words([*words[:-1], form]) for form in inflections(stem)]
            else:
                choices.append(self._words(words))
        return choices

    def _words(self, words: list[str]) -> tuple[str, ...]:
        terms = tuple(t for word in words if word for t in self._normaliser.terms(word))
        if any(not any(c.isalnum() for c in t) for t in terms if t not in ("'s", BOUNDARY)):
            raise ValueError(f"{words!r}: a phrase matches words, not emoji or punctuation")
        self.vocabulary.update(terms)
        return terms

    def find(self, draft: Draft) -> list[Hit]:
        """Every match of every pattern, in the order they start."""
        hits: list[Hit] = []
        terms = draft.terms
        count = len(terms)
        root = self._root
        starts = root.next
        digits = starts.get(DIGITS)
        for start, term in enumerate(terms):
            first = starts.get(term)
            if first is None:
                if digits is None or not term.isdigit():
                    continue
                first = digits
            node, at = first, start
            branches: list[tuple[_Node, int]] = []  # class edges (…, <num>) to walk later
            while True:
                if node.ends:
                    hits += [Hit(key, pattern, start, at) for key, pattern in node.ends]
                at += 1
                following = None
                if at < count:
                    if node.classes:
                        branches += [
                            (child, at)
                            for name, child in node.classes.items()
                            if CLASSES[name](draft, at)
                        ]
                    following = node.next.get(terms[at])
                if following is not None:
                    node = following
                elif branches:
                    node, at = branches.pop()
                else:
                    break
        return hits
