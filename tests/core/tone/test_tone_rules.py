"""Every rule carries examples that should and should not trigger it, and they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect_gui.core.tone import check
from reconnect_gui.core.tone.registry import (
    CONTEXT_RULES,
    CUES,
    LEARNED_NOTES,
    TEXT_RULES,
    engine,
)
from reconnect_gui.core.tone.report import CONTEXT_CATEGORIES, SEVERITIES, TEXT_CATEGORIES

NEUTRAL = "Hope the new job is going well! How are you finding it?"


def rule_ids(report) -> set[str]:
    return {finding.rule_id for finding in report.findings}


@pytest.mark.parametrize("rule", [*TEXT_RULES, *CONTEXT_RULES], ids=lambda rule: rule.id)
def test_every_rule_has_examples_both_ways(rule) -> None:
    assert rule.should_flag, f"{rule.id} has no should_flag examples"
    assert rule.should_pass, f"{rule.id} has no should_pass examples"


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda rule: rule.id)
def test_text_rule_examples(rule) -> None:
    for example in rule.should_flag:
        assert rule.id in rule_ids(check(example, rule.example_kind)), example
    for example in rule.should_pass:
        assert rule.id not in rule_ids(check(example, rule.example_kind)), example


@pytest.mark.parametrize("rule", CONTEXT_RULES, ids=lambda rule: rule.id)
def test_context_rule_examples(rule) -> None:
    for context in rule.should_flag:
        report = check(NEUTRAL, "text", context)
        assert rule.id in rule_ids(report), context
        assert report.verdict == "wait"
    for context in rule.should_pass:
        assert rule.id not in rule_ids(check(NEUTRAL, "text", context)), context


def test_rules_are_registered_once_with_known_ids() -> None:
    engine()  # checks ids, categories and severities while compiling
    ids = [r.id for r in TEXT_RULES] + [r.id for r in CONTEXT_RULES] + [c.key for c in CUES]
    assert len(ids) == len(set(ids))
    assert {r.category for r in CONTEXT_RULES} == set(CONTEXT_CATEGORIES)
    text_categories = {r.category for r in TEXT_RULES} | {n.category for n in LEARNED_NOTES}
    assert text_categories == set(TEXT_CATEGORIES)
    assert all(r.severity in SEVERITIES for r in TEXT_RULES)


def test_messages_and_suggestions_are_sentences_in_our_words() -> None:
    for rule in TEXT_RULES:
        for words in (rule.message, rule.suggestion):
            assert words[0].isupper() and words.rstrip()[-1] in '.!?"', rule.id
            assert len(words) < 260, rule.id


def test_every_rule_id_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "tone-report.md").read_text()
    missing = [r.id for r in (*TEXT_RULES, *CONTEXT_RULES) if f"`{r.id}`" not in docs]
    assert missing == []
