"""Is this draft English? The tone rules only understand English, so they skip other texts.

Two plain tests: most words written in a script other than Latin, or (from eight words
on) fewer than one in six words among the most common English words. Ordinary English
runs at 40–60 % common words, even in chat style; Spanish, German or Polish run far below.
A short text in another language ("hola!") passes as English: the rules find nothing
in it anyway, and the length figures are the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reconnect_gui.core.tone.text import BOUNDARY, Draft, word_set

# The most frequent English words (function words and everyday verbs), after the
# normaliser has spelled out contractions. Words shared with other languages that use
# the Latin script ("a", "me", "no", "en", "die", "son") are left out on purpose.
COMMON = word_set(
    """
    the of and to in is you that it he was for on are as with his they i at be this have
    from or one had by but not what all were we when your can said there use an each
    which she do how their if will up other about out many then them these so some her
    would make like him into time has look two more write go see number way could people
    my than first been call who its now find long down day did get come made may part
    over new after only our just know take year good give most very through back much
    before think around any well any same tell does because want should here why again
    ask went off need home us something thing things feel still really hope doing going
    love miss sorry thanks thank yes yeah hey hi hello okay ok lol haha soon today
    tonight tomorrow yesterday week weekend night morning last next ever never always
    been being am got getting where while though those every everything nothing anything
    someone anyone everyone let us im oh wow maybe though am glad happy sad great nice
    fine better best little big old lot lots saw seen heard told talk talking thinking
    thought remember wanted wish wanted since until without place friend friends work
    job life house she her he him they them
    """
)

_SHARE_FLOOR = 1 / 6
_MIN_WORDS = 8


def _latin(word: str) -> bool:
    code = ord(word[0])
    return code < 0x0250 or 0x1E00 <= code < 0x1F00


_SAMPLE = 2000  # words; a long paste is judged on an even sample of its words


# Letters of the scripts other than Latin (Greek to Ethiopic, CJK, Hangul, and so on).
_OTHER_SCRIPT = re.compile("[\u0370-\u1dff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff]")


def mostly_english(draft: Draft) -> bool:
    step = max(len(draft.words) // _SAMPLE, 1)
    words = [w for w in draft.words.written[::step] if not w[0].isdigit()]
    if not words:
        return True
    if _OTHER_SCRIPT.search(draft.text):  # otherwise every word is Latin: skip the count
        latin = sum(1 for w in words if _latin(w))
        if latin * 2 < len(words):
            return False
    if len(words) < _MIN_WORDS:
        return True
    step = max(len(draft.terms) // _SAMPLE, 1)
    return _common_share(draft.terms[::step]) >= _SHARE_FLOOR


def _common_share(terms: Sequence[str]) -> float:
    words = [t for t in terms if t != BOUNDARY]
    return len([t for t in words if t in COMMON]) / len(words) if words else 1.0
