"""The readiness self-check offered once the No-Contact target is reached.

Two kinds of yes/no questions, in our own words: "too soon" questions (a yes means
it is too early to reach out) and "ready" signs (a yes is a good sign). Any "too
soon" yes, or a "too soon" question left unanswered, gives ``not_yet`` together
with an offer to extend the target. The results are kept with their moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from reconnect_gui.core.countdown.moments import moment_data, moment_from_data, utc_moment

TOO_SOON = "too_soon"
READY_SIGN = "ready_sign"


class Outcome(StrEnum):
    """What one readiness self-check said (the values are stored in the vault)."""

    READY = "ready"
    NOT_YET = "not_yet"
    # Not a result of the questions: the person chose to keep going without contact and
    # move on. Kept with the results, so the latest choice is the one that holds.
    MOVING_ON = "moving_on"


SUGGESTED_EXTENSION_DAYS = 14


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # {they}, {them}, {their}: the ex's pronouns (``ExWords.fill``)
    kind: str  # TOO_SOON or READY_SIGN


QUESTIONS: tuple[Question, ...] = (
    Question(
        "miss_company", "Is it mostly having someone around that I miss, not {them}?", TOO_SOON
    ),
    Question("upset_thinking", "Does thinking of {them} still bring me close to tears?", TOO_SOON),
    Question("fear_losing", "Am I rushing because I'm scared {they}'ll move on?", TOO_SOON),
    Question("checking_online", "Do I keep looking at {their} posts online?", TOO_SOON),
    Question("lonely_forever", "Am I afraid I'll be alone for good?", TOO_SOON),
    Question("thoughts_quieter", "Do whole hours pass without me thinking of {them}?", READY_SIGN),
    Question("calm_memories", "Can I remember us without anger or hurt taking over?", READY_SIGN),
    Question("stay_calm", "Could I stay calm and kind if we talked today?", READY_SIGN),
    Question("own_growth", "Have I changed something in my own life for the better?", READY_SIGN),
    Question("ok_either_way", "Would I be all right if {they} said no?", READY_SIGN),
)

NOT_YET_TEXT = (
    "Not yet. At least one answer says the hurt is still close, and that's fine. "
    "Giving yourself more time now protects the message you write later. "
    "Would you like to add some days to your target?"
)
READY_TEXT = (
    "Your answers look steady. You can take your time with a first message, "
    "and staying in No Contact longer is always an option too."
)
MOVING_ON_TEXT = (
    "Moving on is a strong choice. Your count keeps going, nothing will nudge you towards "
    "a message, and you can still write things down whenever it helps."
)


@dataclass(frozen=True)
class ReadinessResult:
    at: datetime  # UTC
    outcome: Outcome
    answers: dict[str, bool] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def offers_extension(self) -> bool:
        return self.outcome == Outcome.NOT_YET

    @property
    def message(self) -> str:
        return {
            Outcome.NOT_YET: NOT_YET_TEXT,
            Outcome.READY: READY_TEXT,
            Outcome.MOVING_ON: MOVING_ON_TEXT,
        }[self.outcome]


def moving_on(at: datetime) -> ReadinessResult:
    """ "I'm moving on": the honest choice after the target besides reaching out."""
    return ReadinessResult(utc_moment(at), Outcome.MOVING_ON)


def evaluate(answers: Mapping[str, bool], at: datetime) -> ReadinessResult:
    """The outcome of one self-check. Unknown question ids are ignored."""
    known = {q.id for q in QUESTIONS}
    kept = {k: v for k, v in answers.items() if k in known and isinstance(v, bool)}
    too_soon = [q.id for q in QUESTIONS if q.kind == TOO_SOON]
    blocked = any(kept.get(qid, True) for qid in too_soon)  # unanswered counts as "not yet"
    return ReadinessResult(utc_moment(at), Outcome.NOT_YET if blocked else Outcome.READY, kept)


def result_to_data(result: ReadinessResult) -> dict[str, Any]:
    return {
        **result.extra,
        "at": moment_data(result.at),
        "outcome": result.outcome,
        "answers": dict(result.answers),
    }


def result_from_data(data: Any) -> ReadinessResult | None:
    """A stored result, or ``None`` when it has no readable moment. Odd outcomes read as not yet."""
    outcomes = {o.value: o for o in Outcome}
    if not isinstance(data, dict) or (at := moment_from_data(data.get("at"))) is None:
        return None
    answers = data["answers"] if isinstance(data.get("answers"), dict) else {}
    return ReadinessResult(
        at=at,
        outcome=outcomes.get(str(data.get("outcome")), Outcome.NOT_YET),
        answers={str(k): v for k, v in answers.items() if isinstance(v, bool)},
        extra={k: v for k, v in data.items() if k not in {"at", "outcome", "answers"}},
    )
