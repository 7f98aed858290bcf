"""What a check returns: findings, metrics and a verdict, as plain frozen values.

The ids here (categories, severities, verdicts) are stable: they appear in the JSON of
``reconnect check --json`` (see docs/tone-report.md) and in stored ignores.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import time, timedelta
from enum import StrEnum
from typing import Any

from reconnect_gui.core.countdown.stats import NoContactState


class Kind(StrEnum):
    """What is being written. LOGISTICS is the one contact the guidance allows during No
    Contact (belongings, children, bills): judged as brief, practical, friendly and firm."""

    TEXT = "text"
    LETTER = "letter"
    LOGISTICS = "logistics"


class Severity(StrEnum):
    """How much a finding matters, least first (the order ranks the verdict's reasons)."""

    INFO = "info"  # a suggestion
    WARNING = "warning"
    PROBLEM = "problem"


class Verdict(StrEnum):
    READY = "ready"
    REVISE = "revise"
    WAIT = "wait"  # not now: the timing or the writer's state, not the words


KINDS = tuple(Kind)
SEVERITIES = tuple(Severity)

# Categories found in the words themselves.
TEXT_CATEGORIES = (
    "begging",
    "neediness",
    "love_declaration",
    "guilt_trip",
    "anger_blame",
    "jealousy_prying",
    "belongings_pretext",
    "over_apology",
    "drama",
    "pressure",
    "relationship_talk",
    "low_effort",
    "no_invitation",
    "too_long",
    "intoxicated",
    "contempt",
    "threat",
    "double_text",
    "monitoring",
    "meeting_pressure",
)
# The categories the learned layer (learned.py) scores: every one a person labels in the
# words, except length, which is counted.
LEARNED_CATEGORIES = tuple(c for c in TEXT_CATEGORIES if c not in ("too_long", "no_invitation"))
# Categories that come from the situation (the Context), not from the words.
CONTEXT_CATEGORIES = ("too_soon", "after_unanswered", "late_night")


@dataclass(frozen=True)
class Finding:
    rule_id: str  # stable, e.g. "begging.take_me_back"
    category: str  # one of TEXT_CATEGORIES or CONTEXT_CATEGORIES
    severity: Severity
    span: tuple[int, int]  # [start, end) in Python str indices (code points); (0, 0) = whole
    message: str  # what we noticed, kindly, in our words
    suggestion: str  # what to try instead


@dataclass(frozen=True)
class Metrics:
    characters: int
    words: int
    sentences: int
    paragraphs: int
    reading_seconds: int
    readability: float | None  # Flesch reading ease; None when there are no English words
    sms_encoding: str  # "GSM-7" or "UCS-2"
    sms_segments: int  # 0 for an empty message


@dataclass(frozen=True)
class Context:
    """The situation around a message, from the countdown and the clock (all optional)."""

    no_contact_state: NoContactState | None = None
    days_until_target: int | None = None  # while counting
    waiting_for_reply: bool = False  # an earlier message is still unanswered
    wait_days_left: int | None = None
    local_time: time | None = None  # the user's wall-clock time now
    # The exact time left, so the notes say it as the home screen does ("13 days 5 hours").
    target_left: timedelta | None = None
    wait_left: timedelta | None = None


@dataclass(frozen=True)
class Report:
    kind: Kind
    findings: tuple[Finding, ...]
    metrics: Metrics
    verdict: Verdict
    reasons: tuple[str, ...]  # the verdict in plain words, most important first
    english_only_note: str = ""  # set when the text is mostly not English
    support_note: str = ""  # set when the words suggest the writer may be in danger
    # The rules found nothing and the learned layer finds the message clean: only then may
    # the app call it calm and kind. (A "ready" message that is not calm has "no problems
    # found" in what was checked.)
    calm: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/tone-report.md)."""
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "metrics": asdict(self.metrics),
            "findings": [
                {**asdict(f), "span": {"start": f.span[0], "end": f.span[1]}} for f in self.findings
            ],
            "english_only_note": self.english_only_note,
            "support_note": self.support_note,
            "calm": self.calm,
        }
