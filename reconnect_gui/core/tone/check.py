"""``check(text, kind, context)``: read the draft once, run every rule, decide a verdict."""

from __future__ import annotations

from collections import defaultdict

from reconnect_gui.core.tone.english import mostly_english
from reconnect_gui.core.tone.learned import LearnedModel, shipped_model
from reconnect_gui.core.tone.metrics import measure
from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.registry import CONTEXT_RULES, TEXT_RULES, engine
from reconnect_gui.core.tone.report import KINDS, Context, Finding, Kind, Report, Severity, Verdict
from reconnect_gui.core.tone.rules.base import Scan, merge
from reconnect_gui.core.tone.rules.learned import BY_CATEGORY
from reconnect_gui.core.tone.rules.support import (
    LOOK_AFTER_YOURSELF,
    SUPPORT_NOTE,
    needs_support,
)
from reconnect_gui.core.tone.text import Draft, read
from reconnect_gui.core.tone.verdict import decide

ENGLISH_ONLY_NOTE = (
    "The tone checks understand English only, so they were left out for this message. "
    "The length and SMS figures still apply."
)


SHIPPED = "shipped"  # check()'s default: the model in resources/


def check(
    text: str,
    kind: Kind | str,
    context: Context | None = None,
    *,
    model: LearnedModel | str | None = SHIPPED,
) -> Report:
    """Check one draft: ``kind`` is "text", "letter" or "logistics"; ``context`` is the
    situation. ``model`` is for evaluation: another learned model, or None for rules only."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    kind = Kind(kind)
    tools = engine()
    draft = read(text, tools.normaliser)
    english = mostly_english(draft)
    hits: dict[str, list[Hit]] = defaultdict(list)
    if english:
        for hit in tools.phrases.find(draft):
            hits[hit.key].append(hit)
    scan = Scan(draft, kind, hits)
    situation = context or Context()
    findings = [
        Finding(rule.id, rule.category, rule.severity, span, rule.message, rule.suggestion)
        for rule in TEXT_RULES
        if kind in rule.kinds and (english or not rule.english_only)
        for span in merge(rule.spans(scan))
    ]
    learner = shipped_model() if model == SHIPPED else model
    calm = False
    if english and isinstance(learner, LearnedModel) and draft.words:
        learned, calm = _learned_findings(learner, draft, kind, findings, situation)
        findings += learned
    support = english and needs_support(scan)
    if support or any(f.severity == Severity.PROBLEM for f in findings):
        # "Nothing invites a reply" is beside the point next to a problem or a crisis.
        findings = [f for f in findings if f.category != "no_invitation"]
    findings.sort(key=lambda f: (f.severity == Severity.INFO, f.span))  # suggestions last
    findings[:0] = [
        Finding(
            rule.id,
            rule.category,
            Severity.WARNING,
            (0, 0),
            rule.message(situation),
            rule.suggestion,
        )
        for rule in CONTEXT_RULES
        if kind in rule.kinds and rule.applies(situation)
    ]
    verdict, reasons = decide(findings, kind, calm=calm)
    if support:  # the person before the message: never "ready" over words of danger
        kept = () if verdict == Verdict.READY else reasons
        verdict, reasons = Verdict.WAIT, (LOOK_AFTER_YOURSELF, *kept)
    return Report(
        kind=kind,
        findings=tuple(findings),
        metrics=measure(draft, english=english),
        verdict=verdict,
        reasons=reasons,
        english_only_note="" if english else ENGLISH_ONLY_NOTE,
        support_note=SUPPORT_NOTE if support else "",
        calm=calm and verdict == Verdict.READY,
    )


# With the flag head over its threshold and no category over its own, the likeliest
# category is still named if it is at least this likely; below it, there is no plausible
# reason to give, and a flag never comes without one.
LIKELY_ENOUGH = 0.2


def _learned_findings(
    model: LearnedModel, draft: Draft, kind: str, found: list[Finding], situation: Context
) -> tuple[list[Finding], bool]:
    """The learned layer's findings for the categories no rule named, and whether the
    model finds the message clean.

    A learned finding needs two heads to agree: the flag head says the words need another
    look, and a category head says why. This policy was chosen among a few by the
    leave-one-writer-out figures and the validation messages (docs/tone-report.md), never
    by tests/data/tone_holdout.jsonl."""
    scores = model.score(model.names(draft, kind))
    named = {f.category for f in found if f.severity != Severity.INFO}
    if not scores.flag:
        return [], scores.clean and not named

    def fits(category: str) -> bool:
        return category in BY_CATEGORY and kind in BY_CATEGORY[category].kinds

    reasons = [c for c in scores.over if fits(c)]
    if not reasons and not named:
        likeliest = max(
            (h for h in model.heads[1:] if fits(h)),
            key=lambda h: scores.probabilities[h],
            default=None,
        )
        if likeliest is not None and scores.probabilities[likeliest] >= LIKELY_ENOUGH:
            reasons = [likeliest]
    learned = []
    present = model.present(draft, kind) if set(reasons) - named else []  # for the spans
    for category in reasons:
        if category in named:
            continue
        note = BY_CATEGORY[category]
        severity = note.severity
        if category == "double_text" and situation.waiting_for_reply:
            severity = Severity.PROBLEM  # chasing an answer while one is still awaited
        span = model.span(present, category, draft)
        learned.append(Finding(note.id, category, severity, span, note.message, note.suggestion))
    return learned, False
