"""Reading a draft once: words with their spans, sentences, paragraphs and matching terms.

Everything here runs in time linear in the text. Each regular expression has at most one
quantifier, over single characters, so none can backtrack badly.

A *word* is a run of letters or digits (any script), with combining marks kept inside it
and one apostrophe or hyphen allowed between two runs ("don't", "half-marathon").
A *sentence* ends at ``.``, ``!``, ``?`` or ``…`` followed by a space (or the end), or at
a line break, so a letter's "Dear Sam," line is a sentence of its own.
A *paragraph* is a block of lines between blank lines.

The *terms* are what the phrase rules match: each word lowercased, with curly quotes made
straight, chat spellings spelled out ("u" → you, "rn" → right now, "im" → i am),
contractions opened ("can't" → can not) and stretched letters shrunk ("soooo" → so).
A ``#`` term stands between sentences so a phrase never runs from one into the next.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, groupby, repeat
from operator import sub
from typing import NamedTuple, overload

BOUNDARY = "#"  # the term between sentences


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, the way the word lists here are kept."""
    return frozenset(words.split())


# A letter or digit, then letters, digits, or a joiner that a letter follows. One
# quantifier over single characters, so it cannot backtrack.
_WORD_SPLIT = re.compile(r"([^\W_](?:[^\W_]|['’‘ʼ\-](?=[^\W_]))*)")
# The blocks that hold combining marks in scripts people write in (accents typed apart,
# Hebrew and Arabic points, Indic and Thai vowel signs, variation selectors). When none
# is present, words need no joining across marks, and the quick path is exact.
_MAYBE_MARK = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u0816-\u082d\u08d3-\u0dff"
    "\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fbc\u102b-\u109d\u1712-\u1753\u17b4-\u17d3"
    "\u1ab0-\u1aff\u1b00-\u1b73\u1dc0-\u1dff\u20d0-\u20ff\u302a-\u302f\u3099\u309a"
    "\ua8e0-\ua8f1\ufe00-\ufe0f\ufe20-\ufe2f]"
)
_SENTENCE_END = re.compile(r"[.!?…]+|\n")
_CLOSERS = frozenset("\"'”’)]»")

# Chat spellings and short forms, spelled out as the words they stand for.
CHAT = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",  # also "you're"; rules about "you are" accept "your" as well
    "r": "are",
    "ppl": "people",
    "pls": "please",
    "plz": "please",
    "plez": "please",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "rn": "right now",
    "atm": "at the moment",
    "tho": "though",
    "thru": "through",
    "luv": "love",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "do not know",
    "lemme": "let me",
    "gimme": "give me",
    "idk": "i do not know",
    "idc": "i do not care",
    "bout": "about",
    "abt": "about",
    "sm": "so much",
    "soo": "so",
    "sooo": "so",
    "thx": "thanks",
    "ty": "thank you",
    "b4": "before",
    "tonite": "tonight",
    "2nite": "tonight",
    "2day": "today",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "k": "ok",
    "kk": "ok",
    "okay": "ok",
    "okey": "ok",
    "cya": "see you",
    "msg": "message",
    "txt": "text",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "wyd": "what are you doing",
    "hbu": "how about you",
    "wbu": "what about you",
    "ily": "i love you",
    "ilysm": "i love you so much",
    "imy": "i miss you",
    "tbh": "to be honest",
    "ngl": "not going to lie",
    "nvm": "never mind",
    "cannot": "can not",
    "im": "i am",
    "ima": "i am going to",
    "ive": "i have",
    "youre": "you are",
    "youve": "you have",
    "youll": "you will",
    "theyre": "they are",
    "thats": "that is",
    "whats": "what is",
    "hows": "how is",
    "wheres": "where is",
    "theres": "there is",
    "lets": "let us",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "is not",
}
_NOT = {"ca": "can", "wo": "will", "ai": "is", "sha": "shall"}  # "can't" less "n't"
_IS_BEFORE_S = word_set(
    """
    it that what there here he she who where how when everything nothing something
    someone everyone this
    """
)
_OPENED = {"'re": "are", "'m": "am", "'ve": "have", "'ll": "will", "'d": "would"}


class Word(NamedTuple):
    text: str  # as written
    start: int  # [start, end) in the text, in code points
    end: int
    sentence: int  # index into Draft.sentences


class Words(Sequence[Word]):
    """The words of a draft, kept as four parallel lists; a Word is made only when asked.

    Rules that visit every word of a long paste read the lists (``written``, ``starts``,
    ``ends``, ``sentence_of``) directly, which saves making 10,000 objects per keystroke.
    """

    __slots__ = ("ends", "sentence_of", "starts", "written")

    def __init__(
        self, written: list[str], starts: list[int], ends: list[int], sentence_of: list[int]
    ) -> None:
        self.written, self.starts, self.ends, self.sentence_of = written, starts, ends, sentence_of

    def __len__(self) -> int:
        return len(self.written)

    @overload
    def __getitem__(self, index: int) -> Word: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Word, ...]: ...

    def __getitem__(self, index: int | slice) -> Word | tuple[Word, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        return Word(
            self.written[index], self.starts[index], self.ends[index], self.sentence_of[index]
        )

    def __repr__(self) -> str:
        return f"Words({self.written!r})"


class TermWords(Sequence[int]):
    """Which word each term comes from (-1 for a BOUNDARY), looked up when asked.

    Kept as the offset of each word's first term, so building it costs one running sum
    instead of one entry per term; the few lookups rules make use a binary search.
    """

    __slots__ = ("_offsets", "_terms")

    def __init__(self, offsets: list[int], terms: tuple[str, ...]) -> None:
        self._offsets, self._terms = offsets, terms

    def __len__(self) -> int:
        return len(self._terms)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self._terms)
        if self._terms[index] == BOUNDARY:  # also raises IndexError past the end
            return -1
        return bisect_right(self._offsets, index) - 1

    def all(self) -> list[int]:
        """The word of every term at once, in time linear in the terms."""
        owners = [-1] * len(self._terms)
        offsets = self._offsets
        for word in range(len(offsets) - 1):
            owners[offsets[word] : offsets[word + 1]] = [word] * (offsets[word + 1] - offsets[word])
        terms = self._terms
        return [-1 if terms[i] == BOUNDARY else w for i, w in enumerate(owners)]


@dataclass(frozen=True)
class Draft:
    """A text read once: everything the rules and metrics need."""

    text: str
    words: Words
    sentences: tuple[tuple[int, int], ...]  # spans of the sentences that hold words
    questions: frozenset[int]  # sentences that end with a question mark
    paragraphs: int
    terms: tuple[str, ...]
    term_word: TermWords  # the word each term comes from; -1 for BOUNDARY


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def find_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words as written, with their starts and ends.

    Words are letter runs joined by one apostrophe or hyphen, or by combining marks.
    ``split`` with a capturing pattern returns gaps and words in turn, and the running
    total of their lengths gives every position, all without a Python loop per word.
    """
    pieces = _WORD_SPLIT.split(text)
    bounds = list(accumulate(map(len, pieces)))
    words, starts, ends = pieces[1::2], bounds[0::2][: len(pieces) // 2], bounds[1::2]
    if _MAYBE_MARK.search(text):
        return _join_marks(text, starts, ends)  # the rare path: accents typed apart, viramas…
    return words, starts, ends


def _join_marks(
    text: str, starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
    joined: list[tuple[int, int]] = []
    n = len(text)
    for start, end in zip(starts, ends, strict=True):
        while end < n and text[end] >= "\u0300" and _is_mark(text[end]):
            end += 1
        if joined and start == joined[-1][1]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return [text[a:b] for a, b in joined], [a for a, _ in joined], [b for _, b in joined]


def sentence_ends(text: str) -> list[tuple[int, bool]]:
    """Where sentences end (the index after the end mark) and whether each asks a question."""
    ends: list[tuple[int, bool]] = []
    n = len(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        while end < n and text[end] in _CLOSERS:
            end += 1
        if match.group() == "\n":
            ends.append((match.start(), False))
        elif end == n or text[end].isspace():
            ends.append((end, "?" in match.group()))
    return ends


def count_paragraphs(text: str) -> int:
    count, in_paragraph = 0, False
    for line in text.split("\n"):
        if line.strip():
            if not in_paragraph:
                count += 1
            in_paragraph = True
        else:
            in_paragraph = False
    return count


def shrink(word: str, most: int) -> str:
    """Runs of three or more of one letter cut to ``most`` letters ("soooo" → "so")."""
    return "".join(char * (most if len(run) > 2 else len(run)) for char, run in _runs(word))


def _runs(word: str) -> Iterator[tuple[str, str]]:
    return ((char, "".join(group)) for char, group in groupby(word))


class Normaliser:
    """Turns a written word into matching terms; ``known`` helps undo stretched spellings."""

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.known = known
        self.cache: dict[str, tuple[str, ...]] = {}  # word as written -> its terms

    def terms(self, word: str) -> tuple[str, ...]:
        found = self.cache.get(word)
        if found is None:
            if len(self.cache) > 50_000:  # a pathological paste must not grow it forever
                self.cache.clear()
            found = self.cache[word] = self._terms(word)
        return found

    def _terms(self, word: str) -> tuple[str, ...]:
        low = word.lower()
        for curly in "’‘ʼ":
            low = low.replace(curly, "'")
        if low in CHAT:
            return tuple(CHAT[low].split())
        if "'" in low:
            return _open_contraction(low)
        if low in self.known:
            return (low,)
        return self._respell(low)

    def _respell(self, low: str) -> tuple[str, ...]:
        """Stretched letters and dropped g's, when that gives a word we know."""
        stretched = any(len(run) > 2 for _, run in _runs(low))
        candidates = [shrink(low, 2), shrink(low, 1)] if stretched else []
        if len(low) > 2 and low[-1] == low[-2]:  # "heyy", "hii", "youu"
            candidates.append(low.rstrip(low[-1]) + low[-1])
        candidates += [c + "g" for c in (low, *candidates) if c.endswith("in")]  # thinkin
        for candidate in candidates:
            if candidate in CHAT:
                return tuple(CHAT[candidate].split())
            if candidate in self.known:
                return (candidate,)
        return (candidates[0] if stretched else low,)


def _open_contraction(low: str) -> tuple[str, ...]:
    if low.endswith("n't"):
        base = low[:-3]
        return (_NOT.get(base, base), "not")
    base, _, ending = low.rpartition("'")
    ending = "'" + ending
    if ending in _OPENED and base:
        return (base, _OPENED[ending])
    if ending == "'s" and base:
        if base in _IS_BEFORE_S:
            return (base, "is")
        if base == "let":
            return ("let", "us")
        return (base, "'s")
    return (low.replace("'", ""),)


def read(text: str, normaliser: Normaliser) -> Draft:
    """Words, sentences, paragraphs and terms of ``text``.

    The work per word is done by C-level helpers (map, bisect, chain); Python loops run
    once per sentence, which keeps a 10,000-word paste well within a keystroke's budget.
    """
    written, starts, stops = find_words(text)
    ends = sentence_ends(text)
    count = len(written)
    # Words before each end mark, so sentences are runs of words between two marks.
    end_at = [end for end, _ in ends]
    cuts = list(map(bisect_left, repeat(starts, len(end_at)), end_at))
    firsts: list[int] = []  # each sentence's first word
    marks: list[int] = []  # the end mark that closes it (len(ends): the text's end)
    previous = 0
    for mark, cut in enumerate(cuts):
        if cut > previous:
            firsts.append(previous)
            marks.append(mark)
            previous = cut
    if previous < count:
        firsts.append(previous)
        marks.append(len(ends))
    lasts = [*firsts[1:], count] if firsts else []
    sizes = list(map(sub, lasts, firsts))
    sentence_of = list(chain.from_iterable(map(repeat, range(len(firsts)), sizes)))

    cached = list(map(normaliser.cache.get, written))
    found: list[tuple[str, ...]] = [
        terms if terms is not None else normaliser.terms(written[i])
        for i, terms in enumerate(cached)
    ]
    for first in firsts:  # a BOUNDARY term ahead of each sentence
        found[first] = (BOUNDARY, *found[first])
    terms = (*chain.from_iterable(found), BOUNDARY)
    offsets = list(accumulate(map(len, found), initial=0))

    sentences: list[tuple[int, int]] = []
    questions: set[int] = set()
    for number, (first, last, mark) in enumerate(zip(firsts, lasts, marks, strict=True)):
        end, asks = ends[mark] if mark < len(ends) else (stops[last - 1], False)
        sentences.append((starts[first], end))
        if asks:
            questions.add(number)
    return Draft(
        text=text,
        words=Words(written, starts, stops, sentence_of),
        sentences=tuple(sentences),
        questions=frozenset(questions),
        paragraphs=count_paragraphs(text),
        terms=terms if count else (BOUNDARY,),
        term_word=TermWords(offsets, terms if count else (BOUNDARY,)),
    )
