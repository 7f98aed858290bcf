"""``check(text, kind, context)``: read the draft once, run every rule, decide a verdict."""

from __future__ import annotations

from collections import defaultdict

from reconnect_gui.core.tone.english import mostly_english
from reconnect_gui.core.tone.metrics import measure
from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.registry import CONTEXT_RULES, TEXT_RULES, engine
from reconnect_gui.core.tone.report import KINDS, Context, Finding, Report
from reconnect_gui.core.tone.rules.base import Scan, merge
from reconnect_gui.core.tone.rules.support import (
    LOOK_AFTER_YOURSELF,
    SUPPORT_NOTE,
    needs_support,
)
from reconnect_gui.core.tone.text import read
from reconnect_gui.core.tone.verdict import READY, decide

ENGLISH_ONLY_NOTE = (
    "The tone checks understand English only, so they were left out for this message. "
    "The length and SMS figures still apply."
)


def check(text: str, kind: str, context: Context | None = None) -> Report:
    """Check one draft: ``kind`` is "text" or "letter"; ``context`` is the situation."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    tools = engine()
    draft = read(text, tools.normaliser)
    english = mostly_english(draft)
    hits: dict[str, list[Hit]] = defaultdict(list)
    if english:
        for hit in tools.phrases.find(draft):
            hits[hit.key].append(hit)
    scan = Scan(draft, kind, hits)
    findings = [
        Finding(rule.id, rule.category, rule.severity, span, rule.message, rule.suggestion)
        for rule in TEXT_RULES
        if kind in rule.kinds and (english or not rule.english_only)
        for span in merge(rule.spans(scan))
    ]
    findings.sort(key=lambda f: (f.severity == "info", f.span))  # suggestions last
    situation = context or Context()
    findings[:0] = [
        Finding(rule.id, rule.category, "warning", (0, 0), rule.message(situation), rule.suggestion)
        for rule in CONTEXT_RULES
        if rule.applies(situation)
    ]
    verdict, reasons = decide(findings, kind)
    support = english and needs_support(scan)
    if support:  # the person before the message: never "ready" over words of danger
        verdict, reasons = "wait", (LOOK_AFTER_YOURSELF, *(r for r in reasons if r != READY))
    return Report(
        kind=kind,
        findings=tuple(findings),
        metrics=measure(draft, english=english),
        verdict=verdict,
        reasons=reasons,
        english_only_note="" if english else ENGLISH_ONLY_NOTE,
        support_note=SUPPORT_NOTE if support else "",
    )
