"""too_long: a first message that runs long for its kind.

The thresholds, in words (the evaluation set's ok texts run to 34 words and its ok letters
to 100; everything it calls too long is 120+ words for a text and 368+ for a letter):

- a text: more than 60 words. About three SMS, more than fits on a phone screen without
  scrolling; a first text that needs scrolling has stopped being short and simple.
- a letter: more than 300 words. About one page; beyond that it becomes pages of feelings,
  however friendly each line is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, Scan, Span

MOST_WORDS = {"text": 60, "letter": 300, "logistics": 90}


def _past(limit: int) -> Callable[[Scan], Iterable[Span]]:
    """The words past the limit, so the highlight shows what to trim."""

    def find(scan: Scan) -> Iterable[Span]:
        words = scan.draft.words
        if len(words) <= limit:
            return []
        return [(words.starts[limit], words.ends[-1])]

    return find


_TEXT_LIMIT, _LETTER_LIMIT = MOST_WORDS["text"], MOST_WORDS["letter"]
_LOGISTICS_LIMIT = MOST_WORDS["logistics"]

RULES = (
    Rule(
        id="too_long.text",
        category="too_long",
        severity=Severity.WARNING,
        message=(
            f"This is long for a first text (over {_TEXT_LIMIT} words). A first text lands "
            "best when it fits on one screen."
        ),
        suggestion=(
            "Keep one light thing and one question, and save the rest for a conversation, "
            "if one comes."
        ),
        find=_past(_TEXT_LIMIT),
        kinds=("text",),
        english_only=False,
        should_flag=(" ".join(["We walked along the river again today."] * 10),),
        should_pass=(
            "Hope the new job is going well! I finally learned to make your dumplings.",
            " ".join(["word"] * _TEXT_LIMIT),
        ),
    ),
    Rule(
        id="too_long.letter",
        category="too_long",
        severity=Severity.WARNING,
        message=(
            f"This is long for a first letter (over {_LETTER_LIMIT} words, about a page). "
            "A long letter asks a lot of its reader, however kind it is."
        ),
        suggestion=(
            "Cut it to a few short paragraphs: a hello, a little about your life, and an "
            "easy way to reply."
        ),
        find=_past(_LETTER_LIMIT),
        kinds=("letter",),
        english_only=False,
        example_kind="letter",
        should_flag=("\n\n".join(["I have been walking by the river a lot lately."] * 40),),
        should_pass=(
            "Dear Jo,\n\nI hope the spring has been kind to you. I've started a pottery "
            "class and my mugs are getting less wonky.\n\nTake care,\nAlex",
        ),
    ),
    Rule(
        id="too_long.logistics",
        category="too_long",
        severity=Severity.WARNING,
        message=(
            f"This is long for a practical message (over {_LOGISTICS_LIMIT} words). The "
            "longer it runs, the more room there is for feelings to creep in."
        ),
        suggestion="Say what, when and how in a few lines; anything else can wait.",
        find=_past(_LOGISTICS_LIMIT),
        kinds=("logistics",),
        english_only=False,
        example_kind="logistics",
        should_flag=(" ".join(["The boxes are in the hall and the keys are with Sam."] * 9),),
        should_pass=(
            "Hi, your boxes are ready. I can leave them with Sam on Saturday, or post them "
            "if you send me an address. Thanks.",
        ),
    ),
)
