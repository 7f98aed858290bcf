"""The verdict of a check, and its reasons in plain words.

- ``wait``: something about the moment says not now: the No-Contact time is still running,
  an earlier message is unanswered, it's late at night, or the words say you've been
  drinking. The words may be fine; the timing isn't.
- ``revise``: any warning or problem in the words.
- ``ready``: neither. Suggestions (severity info, such as no_invitation) never change it.

Reasons come most important first: the reasons to wait, then one line per category to
revise, problems before warnings, in the order they appear in the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reconnect_gui.core.tone.report import (
    CONTEXT_CATEGORIES,
    SEVERITIES,
    Finding,
    Kind,
    Severity,
    Verdict,
)

WAIT_CATEGORIES = (*CONTEXT_CATEGORIES, "intoxicated")

SUMMARIES = {
    "begging": "It pleads with them.",
    "neediness": "It shows how much you're hurting or missing them.",
    "love_declaration": "It declares your love.",
    "guilt_trip": "It makes them responsible for how you feel.",
    "anger_blame": "It blames or reproaches them.",
    "jealousy_prying": "It asks about their love life.",
    "belongings_pretext": "It uses their things as a reason to meet.",
    "over_apology": "It apologises more than it needs to.",
    "drama": "It shouts, in capitals or with !!! or ???.",
    "pressure": "It puts pressure on them to answer or to meet.",
    "relationship_talk": "It talks about the two of you, which is early for a first message.",
    "low_effort": "It's only a greeting, with nothing for them to answer.",
    "too_long": "It's long for a first {kind}.",
    "intoxicated": "You mention drinking: wait until you're sober, then read it again.",
    "contempt": "It reads as scornful or sarcastic.",
    "threat": "It reads as a threat. Please don't send it.",
    "double_text": "It chases an answer to an earlier message.",
    "monitoring": "It shows you've been watching their life.",
    "meeting_pressure": "It asks to talk, call or meet, with no easy way to say no.",
}
SUMMARY_BY_RULE = {"low_effort.empty": "There's nothing written yet."}
READY = "It's calm and kind, and it asks nothing of them."
READY_LOGISTICS = "It's brief, practical and friendly."
# "Ready" without the learned layer's agreement: say what was checked, and claim no more.
NO_PROBLEMS = "No problems found in its tone, length or timing."


def ready_words(kind: str, calm: bool) -> str:
    if not calm:
        return NO_PROBLEMS
    return READY_LOGISTICS if kind == Kind.LOGISTICS else READY


def decide(
    findings: Sequence[Finding], kind: str, calm: bool = False
) -> tuple[Verdict, tuple[str, ...]]:
    waits = [f for f in findings if f.category in WAIT_CATEGORIES]
    revisions = [
        f for f in findings if f.severity != Severity.INFO and f.category not in WAIT_CATEGORIES
    ]
    reasons: list[str] = []
    for finding in waits:
        words = _summary(finding, kind) if finding.category == "intoxicated" else finding.message
        if words not in reasons:
            reasons.append(words)
    ranked = sorted(revisions, key=lambda f: (-SEVERITIES.index(f.severity), f.span[0]))
    for finding in ranked:
        words = _summary(finding, kind)
        if words not in reasons:
            reasons.append(words)
    if waits:
        return Verdict.WAIT, tuple(reasons)
    if revisions:
        return Verdict.REVISE, tuple(reasons)
    return Verdict.READY, (ready_words(kind, calm),)


def _summary(finding: Finding, kind: str) -> str:
    words = SUMMARY_BY_RULE.get(finding.rule_id, SUMMARIES[finding.category])
    return words.format(kind=kind)
