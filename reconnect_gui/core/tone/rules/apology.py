"""over_apology: apologising again and again, running yourself down, sorry for writing.

One short, sincere apology for one thing is good; "sorry to hear about your dad" is
sympathy, and "sorry if this is random" is only manners: neither counts as an apology.
"""

from __future__ import annotations

from collections.abc import Iterable

from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Cue, Rule, Scan, Span

APOLOGIES = Cue(
    "over_apology.apologies",
    ("sorry|apologise|apologize|apologies|apology|apologising|apologizing",),
)
NOT_APOLOGIES = Cue(
    "over_apology.not_apologies",
    (
        "sorry to hear|for_your_loss|about_your_loss",
        "sorry about|for your dad|mum|mom|father|mother|gran|grandma|grandmother|grandad|"
        "grandfather|nan|loss|news|aunt|uncle|brother|sister|dog|cat",
        "sorry if this is|it's|this_seems random|weird|odd|out_of_the_blue|a_bit_random",
        "so|really|very sorry about your",
    ),
)


def _repeated(scan: Scan) -> Iterable[Span]:
    """Every apology after the first one, when there is more than one."""
    draft = scan.draft
    excused: set[int] = set()
    for hit in scan.hits.get(NOT_APOLOGIES.key, ()):
        excused.update(draft.term_word[i] for i in range(hit.first, hit.last + 1))
    found = [hit.first for hit in scan.hits.get(APOLOGIES.key, ())]
    words = [draft.term_word[i] for i in found if draft.term_word[i] not in excused]
    starts, ends = draft.words.starts, draft.words.ends
    return [(starts[w], ends[w]) for w in words[1:]]


CUES = (APOLOGIES, NOT_APOLOGIES)

RULES = (
    Rule(
        id="over_apology.repeated",
        category="over_apology",
        severity=Severity.WARNING,
        message=(
            "This apologises again. One sincere apology says it; more of them can leave the "
            "other person feeling they have to comfort you."
        ),
        suggestion=(
            "Keep the one apology that matters most, said once and plainly, and let the others go."
        ),
        find=_repeated,
        should_flag=(
            "I'm sorry about the party. And sorry about the money too.",
            "Apologies for the mess I made. I'm so sorry.",
        ),
        should_pass=(
            "I'm sorry for how I acted at the end. Hope you're doing well.",
            "Sorry if this is random, but I'm sorry about how I left things.",
            "So sorry to hear about your dad. I'm sorry I wasn't at the funeral.",
        ),
    ),
    Rule(
        id="over_apology.self_blame",
        category="over_apology",
        severity=Severity.WARNING,
        message=(
            "This runs yourself down. It's painful to read, and it quietly asks them to say "
            "it isn't so."
        ),
        suggestion=(
            "Say what you'd do differently in one plain sentence, without the harsh words "
            "about yourself."
        ),
        phrases=(
            "i'm|i_was a|such_a terrible|horrible|awful|bad|selfish|rubbish|useless "
            "person|partner|girlfriend|boyfriend|human",
            "i'm|i_was the worst",
            "i hate myself",
            "i don't deserve you|your_forgiveness|forgiveness|to_be_forgiven|anything",
            "you deserved|deserve [so_much] better",
            "i ruined|wrecked|destroyed|messed_up everything|it_all|us|what_we_had",
            "it was all my fault",
            "all my fault",
            "i was wrong about everything",
            "i'll|i_will|i_can't never forgive myself",
            "can't forgive myself",
            "i feel awful|terrible|sick|horrible|so_guilty about|for|#",
            "sorry isn't|is_not|doesn't|does_not enough|fix|change|cover",
            "i was awful|horrible|terrible|a_monster|cruel to you",
            "i treated you like",
            "how you put up with me",
            "i'm so ashamed",
        ),
        should_flag=(
            "I was a terrible partner and I know it.",
            "You deserve so much better than me, honestly.",
            "It was all my fault, every bit of it.",
        ),
        should_pass=(
            "I'm sorry I snapped at you that week. Hope the new job is going well.",
            "The worst part of moving is the boxes, I'm drowning in them.",
        ),
    ),
    Rule(
        id="over_apology.for_writing",
        category="over_apology",
        severity=Severity.WARNING,
        message="This apologises for writing at all. You're allowed to say hello.",
        suggestion="Drop the apology and start with what you'd like to share.",
        phrases=(
            "sorry to bother|disturb|intrude|text|write|message|contact|trouble",
            "sorry for [this|the] texting|writing|bothering|messaging|the_text|this_letter|"
            "this_message|reaching_out|taking_up_your_time|the_long_message|contacting",
            "sorry for this too",
            "sorry for texting|writing you too",
        ),
        should_flag=(
            "sorry to bother you, just wanted to say hi",
            "Sorry for writing, I know you asked for space.",
        ),
        should_pass=(
            "Sorry if this is random, but the cat learned to open doors.",
            "Sorry for the late reply about the deposit, it's all sorted now.",
        ),
    ),
)
