"""low_effort (a bare greeting or nothing at all) and no_invitation (nothing to answer).

no_invitation is only a suggestion (severity info): a warm statement can invite a reply
without a question mark, so it never changes the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import WORDS_TO_THEM, Cue, Rule, Scan, Span
from reconnect_gui.core.tone.text import BOUNDARY, word_set

GREETINGS = word_set(
    """
    hey hi hello hiya heya hey-hey yo sup wassup whatsup howdy hallo hola ello oi ey
    morning evening afternoon greetings
    """
)
# Words that keep a greeting bare: "hey stranger", "hey you", "hey u up", "long time no see",
# and the small talk that asks nothing real on its own: "how are you", "wyd", "remember me?",
# "it's been a while", "you around?", "you ok?". A kiss ("x") or a pet name adds nothing.
FILLERS = word_set(
    """
    you there stranger again up awake still long time no see it is me are what doing
    good dear just so um hmm well oh how have been going new around remember a while talk
    talking knock things with your day life everything all x xx xxx xo lol haha ok okay
    alright sunshine babe baby darling hun honey gorgeous beautiful handsome sweetie cutie
    ages forever to
    """
)
MOST_WORDS = 6


def _bare_greeting(scan: Scan) -> Iterable[Span]:
    draft = scan.draft
    text = draft.text
    if not text.strip():
        return []  # empty: low_effort.empty speaks instead
    if len(draft.words) > 3 * MOST_WORDS:  # room for a subject line, no more
        return []
    indexes = [i for i, w in enumerate(draft.words) if not _subject_line(text, w.start)]
    if not indexes:
        return [(0, len(text.rstrip()))]  # only emoji or punctuation: 👋
    if len(indexes) > MOST_WORDS:
        return []
    by_word: dict[int, list[str]] = {}
    for i, term in enumerate(draft.terms):
        if term != BOUNDARY:
            by_word.setdefault(draft.term_word[i], []).append(term)
    names = 0
    greeted = False
    words = [draft.words[i] for i in indexes]
    for index, word in zip(indexes, words, strict=True):
        terms = by_word.get(index, [])
        if any(t in GREETINGS for t in terms):
            greeted = True
        elif all(t in FILLERS for t in terms):
            continue
        elif word.text[:1].isupper() and greeted and names == 0:
            names += 1  # "Hey Sam"
        else:
            return []
    # Only greetings and small talk ("hey Sam", "u up?", "how are you"): nothing to answer.
    return [(words[0].start, words[-1].end)]


def _subject_line(text: str, at: int) -> bool:
    """Is the word at ``at`` on a line starting with "Subject:" (a letter's header)?"""
    line_start = text.rfind("\n", 0, at) + 1
    return text.startswith(("Subject:", "subject:", "Re:", "RE:"), line_start)


def _empty(scan: Scan) -> Iterable[Span]:
    return [] if scan.draft.text.strip() else [(0, 0)]


INVITATIONS = Cue(
    "no_invitation.invitations",
    (
        "let me know",
        "would|'d love|like|enjoy|be_nice|be_good|be_great|be_lovely|be_fun [to] hear|catch_up",
        "love to hear",
        "happy|glad|pleased to hear|catch_up",
        "if you [ever|'d_ever|would_ever] want|fancy|like|feel|'d_like|would_like|feel_like",
        "whenever you",
        "hope to hear",
        "write back",
        "get in touch",
        "drop me a line",
        "tell me",
        "fancy a",
        "up for",
        "catch up",
        "keen to hear",
        "your news",
    ),
)
NO_REPLY_NEEDED = Cue(
    "no_invitation.no_reply_needed",
    (
        "no need to reply|answer|respond|write_back|get_back|write",
        "don't|do_not feel you|like_you need|have to",
        "don't|do_not need to reply|answer|respond|write_back",
        "you don't have to reply|answer|respond|write_back",
        "no pressure to reply|answer|respond",
        "no need for a reply",
        "rather not reply",
    ),
)


def _no_invitation(scan: Scan) -> Iterable[Span]:
    draft = scan.draft
    if not draft.words or draft.questions:
        return []
    if scan.hits.get(INVITATIONS.key) or scan.hits.get(NO_REPLY_NEEDED.key):
        return []
    if list(_bare_greeting(scan)):
        return []  # low_effort already says it
    return [(0, 0)]


CUES = (INVITATIONS, NO_REPLY_NEEDED)

RULES = (
    Rule(
        id="low_effort.bare_greeting",
        category="low_effort",
        severity=Severity.WARNING,
        message=(
            "This is only a greeting, so it leaves them guessing why you wrote and gives "
            "them little to answer."
        ),
        suggestion=(
            "Add one real thing: something small from your day, or a memory that made you "
            "smile, and a light question about them."
        ),
        find=_bare_greeting,
        should_flag=("heyyy", "Hi Sam.", "hey you 😊", "yo", "🙋", "Hey, how are you?", "u awake?"),
        should_pass=(
            "Hey Sam, the café by the station finally reopened. How's the new flat?",
            "Hi! Good luck at the race tomorrow.",
        ),
    ),
    Rule(
        id="low_effort.empty",
        category="low_effort",
        severity=Severity.WARNING,
        message="There's nothing here yet.",
        suggestion="Start with something light from your life and a question about theirs.",
        find=_empty,
        english_only=False,
        should_flag=("", "   \n  "),
        should_pass=("Hope the move went smoothly!",),
    ),
    Rule(
        id="no_invitation.no_question",
        category="no_invitation",
        severity=Severity.INFO,
        message=(
            "Nothing here invites a reply. That's fine if you only want to say something kind."
        ),
        suggestion=(
            "If you'd like to hear back, add one easy question about their life, such as how "
            "the new job is going."
        ),
        find=_no_invitation,
        kinds=WORDS_TO_THEM,  # a practical message needs no question about their life
        should_flag=("Saw the river was frozen today. Hope you're well.",),
        should_pass=(
            "Saw the river was frozen today. Did you ever go skating in the end?",
            "Good luck at the final tomorrow. No need to reply!",
            "Would be lovely to hear how the new flat is, whenever you like.",
        ),
    ),
)
