"""intoxicated: writing while drunk, tipsy or high. Also a reason to wait (see verdict.py).

A drink in the past is fine ("had a pint yesterday"), and so is "not drunk or anything".
"""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, negated, sentence_terms
from reconnect_gui.core.tone.text import Draft

_PAST = frozenset({"yesterday", "ago", "last", "used", "then"})


def _now_and_meant(draft: Draft, hit: Hit) -> bool:
    """Not negated ("not drunk") and not about another time ("drunk last night")."""
    if negated(draft, hit):
        return False
    return not (_PAST & set(sentence_terms(draft, hit)))


RULES = (
    Rule(
        id="intoxicated.drinking",
        category="intoxicated",
        severity=Severity.PROBLEM,
        message=(
            "This mentions drinking (or being high) as you write. Whatever you feel right "
            "now, a message sent like this is hard to take back."
        ),
        suggestion=(
            "Keep it as a draft and read it again tomorrow, once you're sober. If it still "
            "feels right then, it will keep."
        ),
        phrases=(
            "drunk|tipsy|buzzed|hammered|stoned|sloshed|plastered|drunk-texting",
            "i'm|getting|got|feeling|feel [so|very|pretty|kinda|a_bit|a_little|slightly|totally] "
            "high|wasted|smashed|lit|faded|trashed",
            "so|very|pretty|kinda|totally|completely|absolutely wasted|smashed|trashed",
            "high|wasted|lit right now|af|as_hell",
            "# wasted",
            "i've|i_have|i|just had a_few|too_many|too_much|wine|a_bottle|some_wine|"
            "a_couple|most_of|a_lot_to_drink|one_too_many|a_few_drinks|a_few_glasses",
            "a few too many",
            "one too many",
            "<num> glasses|drinks|beers|shots|pints|bottles|ciders|wines|cocktails in",
            "few drinks|glasses in",
            "<num> glasses|drinks|beers|shots|pints|wines|ciders|cocktails deep",
            "wine night",
            "drunk text|texting|dial|dialling|dialing",
            "after a few drinks|glasses|beers",
            "bottle of wine in",
        ),
        keep=_now_and_meant,
        should_flag=(
            "ok im a bit drunk but i had to tell you",
            "two beers in and thinking of that summer in Porto",
            "just had a few too many at the work party lol",
        ),
        should_pass=(
            "Not drunk, promise, just saw a heron and had to tell someone.",
            "Had a glass of wine with Mo last night and he told the camping story again.",
            "The view from the top was so high I nearly fainted, you'd have laughed.",
        ),
    ),
)
