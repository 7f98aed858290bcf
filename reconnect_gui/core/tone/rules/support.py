"""Words that suggest the writer may be in danger: a support note, not tone advice.

When a draft talks about dying, ending it or hurting oneself, what matters is the person,
not the message. ``check`` then sets ``Report.support_note`` (the pane shows it above
everything else) and the verdict becomes "wait". It is never a tone "finding".
"""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Cue, Scan, negated

SELF_HARM = Cue(
    "support.self_harm",
    (
        "want|wanted|wanting to die|disappear",
        "kill|killing|hurt|hurting|harm|harming myself",
        "end|ending it all",
        "end|ending my life",
        "take|taking my [own] life",
        "suicide|suicidal|self-harm|self_harm|overdose",
        "no reason|point to live|living|go_on",
        "better off without me",
        "better off if i was|were|wasn't|weren't gone|dead|here",
        "do not want to be here|alive anymore|any_more",
        "can not go on|do_this anymore",
    ),
)
CUES = (SELF_HARM,)

SUPPORT_NOTE = (
    "Some of what you wrote sounds like you may be in a lot of pain, maybe even thinking "
    "about hurting yourself. You matter more than any message. Please talk to someone "
    "today: a person you trust, your doctor, or a crisis line in your country. If you might "
    "act on these thoughts, call your local emergency number now."
)

LOOK_AFTER_YOURSELF = "Look after yourself first. The message can wait."

# Examples the tests run through check(): the note must appear for the first list only.
SHOULD_NOTE = (
    "honestly i just want to die without you",
    "Sometimes I think everyone would be better off without me.",
    "i dont want to be here anymore",
    "I've been hurting myself again",
    "there's no point to living like this",
)
SHOULD_NOT_NOTE = (
    "That concert was to die for!",
    "I nearly died laughing at your sister's story.",
    "I don't want to hurt you, so I'll keep this short.",
    "You'd be better off with a new phone, honestly.",
    "I'm not going to end it all over a text, don't worry.",
)


def needs_support(scan: Scan) -> bool:
    """True when a self-harm phrase appears and is not negated ("not going to end it all")."""
    return any(not negated(scan.draft, hit) for hit in scan.hits.get(SELF_HARM.key, ()))
