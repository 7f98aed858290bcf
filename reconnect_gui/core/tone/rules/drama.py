"""drama: shouting in capitals, runs of !!! or ???, theatrical outbursts.

One or two "!" are friendly, and acronyms (NYC, ASAP, MFA) are not shouting. A word in
capitals counts when it is an everyday word ("SO", "NEED") or five letters or longer
("GREAT"), or when it stands next to another word in capitals ("HAPPY BIRTHDAY").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from reconnect_gui.core.tone.english import COMMON
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, Scan, Span, merge
from reconnect_gui.core.tone.text import word_set

_MARKS = re.compile(r"[!?]{3,}")  # one class, one quantifier: linear
_PAIRS = ("!!", "??", "!?", "?!")  # no run of three without one of these
# Two capitals in a row (Latin, Greek, Cyrillic): where a shouted word can start.
_TWO_CAPITALS = re.compile("[A-ZÀ-ÖØ-ÞΑ-ΩЀ-Я]{2}")
ACRONYMS = word_set(
    """
    ok okay tv uk us usa eu am pm id it hr pr ps pps dm btw lol lmao omg irl tbh fyi diy
    eta rsvp nye bbq asap nyc nyu la sf mfa mba phd ba ma msc bsc gp nhs bbc cv dj vip
    ceo faq gps pc ad nba nfl mlb uefa fifa ufc bts abba ikea rip ty xx xo np gg ftw
    lgbt lgbtq nasa un ai
    """
)
_STRESS = COMMON | word_set(
    """
    need mind done sure please answer care true real why never ever mean hate stop
    seriously totally completely honestly literally
    """
)


def _shouted(word: str) -> bool:
    if not word.isupper():  # the quick answer for almost every word
        return False
    return sum(c.isalpha() for c in word) >= 2 and word.lower() not in ACRONYMS


def _capitals(scan: Scan) -> Iterable[Span]:
    words = scan.draft.words
    written, sentence_of = words.written, words.sentence_of
    spans: list[Span] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 2 or (run and _loud_alone(written[run[0]])):
            spans.append((words.starts[run[0]], words.ends[run[-1]]))
        run.clear()

    for index in _capital_words(scan.draft.text, words.starts):
        if not _shouted(written[index]):
            flush()
            continue
        if run and (run[-1] != index - 1 or sentence_of[run[-1]] != sentence_of[index]):
            flush()
        run.append(index)
    flush()
    return spans


def _capital_words(text: str, starts: list[int]) -> list[int]:
    """Indexes of the words that hold two capitals in a row: the only ones worth a look."""
    found = {bisect_right(starts, m.start()) - 1 for m in _TWO_CAPITALS.finditer(text)}
    return sorted(i for i in found if i >= 0)


def _loud_alone(word: str) -> bool:
    low = word.lower().replace("’", "'").split("'")[0]
    return len(word) >= 5 or low in _STRESS


def _marks(scan: Scan) -> Iterable[Span]:
    text = scan.draft.text
    if not any(pair in text for pair in _PAIRS):  # quick, and the usual answer
        return []
    return merge(m.span() for m in _MARKS.finditer(text))


RULES = (
    Rule(
        id="drama.capitals",
        category="drama",
        severity=Severity.WARNING,
        message="Capitals read as shouting, even when you only mean to stress a word.",
        suggestion="Write it in lower case; the sentence around a word can carry its weight.",
        find=_capitals,
        english_only=False,
        should_flag=(
            "I am SO over it, honestly.",
            "WHERE ARE YOU",
            "It was AMAZING to see the old gang.",
        ),
        should_pass=(
            "Got back from NYC last night, the MFA show was great.",
            "I'll send the form ASAP. Hope all's well!",
            "I finally passed my driving test, third time lucky.",
        ),
    ),
    Rule(
        id="drama.punctuation",
        category="drama",
        severity=Severity.WARNING,
        message="A run of !!! or ??? reads as shouting, or as a demand.",
        suggestion="One ! or ? is plenty; let the words carry the feeling.",
        find=_marks,
        english_only=False,
        should_flag=("Why would you do that???", "Guess what!!!!", "seriously?!?"),
        should_pass=("Congrats!! So well deserved.", "Did you get the parcel?", "Wow!"),
    ),
    Rule(
        id="drama.outburst",
        category="drama",
        severity=Severity.WARNING,
        message=(
            "This is a big outburst of feeling. It may be exactly how you feel, and it will "
            "land as a lot to take in."
        ),
        suggestion=(
            "Write this part in your journal, then come back to the message on a calmer day."
        ),
        phrases=(
            "omg omg",
            "can't do this anymore|any_more",
            "literally can't|dying|going_to_die",
            "out of my mind",
            "losing my mind",
            "i'm done pretending",
            "what the hell|fuck|heck",
            "wtf",
            "are you kidding me",
            "i swear to god",
            "i want to scream",
        ),
        should_flag=(
            "I can't do this anymore, it's too much.",
            "what the hell was that last night",
            "I'm losing my mind here.",
        ),
        should_pass=(
            "The kids were screaming with joy at the zoo, hope yours are good.",
            "Omg the new café on the corner is so good, hope you get to try it.",
        ),
    ),
)
