"""The one place every rule and cue is registered, checked and compiled.

To add a rule: write it in the module of its category under rules/ (with should_flag and
should_pass examples) and make sure that module is listed here. ``engine()`` compiles
every phrase into one trie the first time a draft is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reconnect_gui.core.tone.english import COMMON
from reconnect_gui.core.tone.phrases import PhraseBook
from reconnect_gui.core.tone.report import SEVERITIES, TEXT_CATEGORIES
from reconnect_gui.core.tone.rules import (
    anger,
    apology,
    begging,
    belongings,
    context,
    drama,
    greeting,
    guilt,
    intoxicated,
    jealousy,
    learned,
    length,
    love,
    neediness,
    pressure,
    relationship,
    support,
)
from reconnect_gui.core.tone.rules.base import ContextRule, Cue, Rule
from reconnect_gui.core.tone.text import Normaliser

TEXT_RULES: tuple[Rule, ...] = (
    *begging.RULES,
    *neediness.RULES,
    *love.RULES,
    *guilt.RULES,
    *anger.RULES,
    *jealousy.RULES,
    *belongings.RULES,
    *apology.RULES,
    *drama.RULES,
    *pressure.RULES,
    *relationship.RULES,
    *greeting.RULES,
    *length.RULES,
    *intoxicated.RULES,
)
CONTEXT_RULES: tuple[ContextRule, ...] = context.RULES
# The learned layer's notes, one per category it scores (rules/learned.py).
LEARNED_NOTES: tuple[learned.LearnedNote, ...] = learned.NOTES
CUES: tuple[Cue, ...] = (*belongings.CUES, *apology.CUES, *greeting.CUES, *support.CUES)


def _checked() -> None:
    """Ids are unique and say their category; categories and severities are known ids."""
    ids = [r.id for r in TEXT_RULES] + [r.id for r in CONTEXT_RULES] + [c.key for c in CUES]
    ids += [n.id for n in LEARNED_NOTES]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"rule ids used twice: {sorted(duplicates)}")
    for note in LEARNED_NOTES:
        if note.category not in TEXT_CATEGORIES or note.severity not in SEVERITIES:
            raise ValueError(f"{note.id}: unknown category or severity")
    for rule in TEXT_RULES:
        if rule.category not in TEXT_CATEGORIES or rule.severity not in SEVERITIES:
            raise ValueError(f"{rule.id}: unknown category or severity")
        if not rule.id.startswith(rule.category + "."):
            raise ValueError(f"{rule.id}: the id must start with its category")
        if bool(rule.phrases) == (rule.find is not None):
            raise ValueError(f"{rule.id}: give either phrases or a find function")


@dataclass(frozen=True)
class Engine:
    phrases: PhraseBook
    normaliser: Normaliser


@cache
def engine() -> Engine:
    _checked()
    book = PhraseBook()
    for rule in TEXT_RULES:
        book.add(rule.id, rule.phrases)
    for cue in CUES:
        book.add(cue.key, cue.phrases)
    known = frozenset(book.vocabulary) | COMMON | greeting.GREETINGS | greeting.FILLERS
    return Engine(book, Normaliser(known))
