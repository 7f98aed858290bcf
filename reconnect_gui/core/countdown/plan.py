"""The No-Contact plan: its start, target, reasons, attempts and slips.

Pure values. A plan is stored as one JSON dict (``plan_to_data``) and read back
with ``plan_from_data``, which never fails on odd stored data and keeps fields
written by a newer version in ``extra``.

A plan always has at least one attempt. The first attempt starts at the plan's
start; "I broke No Contact" with *restart* ends the current attempt at the slip
and opens a new one there. With *keep counting* the slip is recorded on the
current attempt and the streak goes on. Every attempt stays in ``attempts``.

Calculations (days, streaks, milestones, state) live in ``countdown_stats``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from reconnect_gui.core.countdown.moments import (
    checked_zone,
    is_zone_name,
    moment_data,
    moment_from_data,
    text,
    utc_moment,
)
from reconnect_gui.core.countdown.readiness import ReadinessResult, result_from_data, result_to_data

DEFAULT_TARGET_DAYS = 30
MAX_TARGET_DAYS = 3650


class SlipKind(StrEnum):
    """What broke No Contact (the values are stored in the vault)."""

    REACHED_OUT = "reached_out"
    REPLIED = "replied"
    CHECKED_PROFILES = "checked_profiles"
    MET_BY_CHANCE = "met_by_chance"
    OTHER = "other"


class Initiator(StrEnum):
    """Who started the contact of a slip."""

    ME = "me"
    THEM = "them"


SLIP_KINDS = tuple(SlipKind)
SLIP_KIND_WORDS = {
    SlipKind.REACHED_OUT: "I reached out",
    SlipKind.REPLIED: "I replied",
    SlipKind.CHECKED_PROFILES: "I checked their profiles",
    SlipKind.MET_BY_CHANCE: "We met by chance",
    SlipKind.OTHER: "Something else",
}
INITIATORS = tuple(Initiator)


@dataclass(frozen=True)
class Slip:
    at: datetime  # UTC
    kind: SlipKind = SlipKind.OTHER
    note: str = ""
    initiated_by: Initiator = Initiator.ME
    restarted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Attempt:
    start: datetime  # UTC
    end: datetime | None = None  # UTC; None while this is the current attempt
    slips: tuple[Slip, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    attempts: tuple[Attempt, ...]  # never empty; the last one is the current attempt
    zone: str = "UTC"
    target_days: int = DEFAULT_TARGET_DAYS
    ex_name: str = ""
    ex_pronouns: str = ""
    reasons: tuple[str, ...] = ()
    readiness: tuple[ReadinessResult, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> datetime:
        """When No Contact first began (UTC)."""
        return self.attempts[0].start

    @property
    def current(self) -> Attempt:
        return self.attempts[-1]

    @property
    def slips(self) -> tuple[Slip, ...]:
        """Every slip, oldest attempt first."""
        return tuple(slip for attempt in self.attempts for slip in attempt.slips)


def _checked_target(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_TARGET_DAYS:
        raise ValueError(f"The target must be a whole number of days from 1 to {MAX_TARGET_DAYS}.")
    return days


def _clean_reasons(reasons: Iterable[Any]) -> tuple[str, ...]:
    return tuple(r.strip() for r in reasons if isinstance(r, str) and r.strip())


def new_plan(
    start: datetime,
    zone: str,
    target_days: int = DEFAULT_TARGET_DAYS,
    ex_name: str = "",
    ex_pronouns: str = "",
    reasons: Iterable[str] = (),
) -> Plan:
    """A fresh plan; ``start`` may lie in the past. Refuses bad input with a plain message."""
    return Plan(
        attempts=(Attempt(start=utc_moment(start, "The start")),),
        zone=checked_zone(zone),
        target_days=_checked_target(target_days),
        ex_name=ex_name.strip(),
        ex_pronouns=ex_pronouns.strip(),
        reasons=_clean_reasons(reasons),
    )


def edit_plan(
    plan: Plan,
    *,
    zone: str | None = None,
    target_days: int | None = None,
    current_start: datetime | None = None,
    ex_name: str | None = None,
    ex_pronouns: str | None = None,
    reasons: Iterable[str] | None = None,
) -> Plan:
    """The plan with some settings changed. A new zone (travel) never changes the day count.

    ``current_start`` moves the start of the current attempt (a mistyped start date); it
    never moves before the previous attempt ended, so the history stays in order.
    """
    attempts = plan.attempts
    if current_start is not None:
        start = utc_moment(current_start, "The start")
        if len(attempts) > 1 and attempts[-2].end is not None:
            start = max(start, attempts[-2].end)
        attempts = (*attempts[:-1], replace(attempts[-1], start=start))
    return replace(
        plan,
        attempts=attempts,
        zone=plan.zone if zone is None else checked_zone(zone),
        target_days=plan.target_days if target_days is None else _checked_target(target_days),
        ex_name=plan.ex_name if ex_name is None else ex_name.strip(),
        ex_pronouns=plan.ex_pronouns if ex_pronouns is None else ex_pronouns.strip(),
        reasons=plan.reasons if reasons is None else _clean_reasons(reasons),
    )


def extend_target(plan: Plan, days: int) -> Plan:
    """The plan with its target ``days`` longer (offered when the readiness check says not yet)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError("Extend the target by at least one whole day.")
    return replace(plan, target_days=_checked_target(plan.target_days + days))


def record_slip(
    plan: Plan,
    at: datetime,
    kind: SlipKind | str,
    *,
    restart: bool,
    note: str = "",
    initiated_by: Initiator | str = Initiator.ME,
) -> Plan:
    """The plan after "I broke No Contact" at ``at``.

    ``restart=True`` closes the current attempt and starts a new one at the slip;
    ``restart=False`` keeps the streak going. A slip dated before the current attempt
    started (a clock set backwards) restarts at the attempt's start, never earlier,
    so no attempt ever has a negative length.
    """
    if kind not in SLIP_KINDS:
        raise ValueError(f"The kind of slip must be one of: {', '.join(SLIP_KINDS)}.")
    if initiated_by not in INITIATORS:
        raise ValueError("Who started the contact must be “me” or “them”.")
    slip = Slip(
        utc_moment(at, "The time of the slip"),
        SlipKind(kind),
        note.strip(),
        Initiator(initiated_by),
        restart,
    )
    current = plan.current
    if not restart:
        updated = replace(current, slips=(*current.slips, slip))
        return replace(plan, attempts=(*plan.attempts[:-1], updated))
    cut = max(slip.at, current.start)
    closed = replace(current, end=cut, slips=(*current.slips, slip))
    return replace(plan, attempts=(*plan.attempts[:-1], closed, Attempt(start=cut)))


def add_readiness_result(plan: Plan, result: ReadinessResult) -> Plan:
    """The plan with one more readiness check result kept in its history."""
    return replace(plan, readiness=(*plan.readiness, result))


def without_readiness_result(plan: Plan, result: ReadinessResult) -> Plan:
    """The plan without ``result`` (an "I'm moving on" taken back); others stay."""
    return replace(plan, readiness=tuple(r for r in plan.readiness if r != result))


# -- stored form --------------------------------------------------------------------------


def _slip_to_data(slip: Slip) -> dict[str, Any]:
    return {
        **slip.extra,
        "at": moment_data(slip.at),
        "kind": slip.kind,
        "note": slip.note,
        "initiated_by": slip.initiated_by,
        "restarted": slip.restarted,
    }


def _slip_from_data(data: Any) -> Slip | None:
    if not isinstance(data, dict) or (at := moment_from_data(data.get("at"))) is None:
        return None
    known = {"at", "kind", "note", "initiated_by", "restarted"}
    return Slip(
        at=at,
        kind=SlipKind(data["kind"]) if data.get("kind") in SLIP_KINDS else SlipKind.OTHER,
        note=text(data.get("note")),
        initiated_by=(
            Initiator(data["initiated_by"])
            if data.get("initiated_by") in INITIATORS
            else Initiator.ME
        ),
        restarted=data.get("restarted") is True,
        extra={k: v for k, v in data.items() if k not in known},
    )


def _attempt_to_data(attempt: Attempt) -> dict[str, Any]:
    return {
        **attempt.extra,
        "start": moment_data(attempt.start),
        "end": None if attempt.end is None else moment_data(attempt.end),
        "slips": [_slip_to_data(s) for s in attempt.slips],
    }


def _attempt_from_data(data: Any) -> Attempt | None:
    if not isinstance(data, dict) or (start := moment_from_data(data.get("start"))) is None:
        return None
    end = moment_from_data(data.get("end"))
    slips = data["slips"] if isinstance(data.get("slips"), list) else []
    return Attempt(
        start=start,
        end=None if end is None else max(end, start),
        slips=tuple(s for s in map(_slip_from_data, slips) if s is not None),
        extra={k: v for k, v in data.items() if k not in {"start", "end", "slips"}},
    )


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The dict stored (encrypted) in the vault's countdown record."""
    return {
        **plan.extra,
        "zone": plan.zone,
        "target_days": plan.target_days,
        "ex_name": plan.ex_name,
        "ex_pronouns": plan.ex_pronouns,
        "reasons": list(plan.reasons),
        "attempts": [_attempt_to_data(a) for a in plan.attempts],
        "readiness": [result_to_data(r) for r in plan.readiness],
    }


def plan_from_data(data: Any, *, fallback_start: datetime) -> Plan:
    """Rebuild a plan from stored data, tolerating missing or odd fields.

    ``fallback_start`` (e.g. when the record was created) is used only when no
    attempt with a readable start survives. Attempts are put in time order, and
    every attempt but the last is closed.
    """
    data = data if isinstance(data, dict) else {}
    raw = data.get("attempts") if isinstance(data.get("attempts"), list) else []
    attempts = sorted(
        (a for a in map(_attempt_from_data, raw) if a is not None), key=lambda a: a.start
    )
    if not attempts:
        attempts = [Attempt(start=utc_moment(fallback_start, "The fallback start"))]
    for i, attempt in enumerate(attempts[:-1]):
        if attempt.end is None or attempt.end > attempts[i + 1].start:
            attempts[i] = replace(attempt, end=attempts[i + 1].start)
    attempts[-1] = replace(attempts[-1], end=None)
    target = data.get("target_days")
    valid_target = isinstance(target, int) and not isinstance(target, bool)
    readiness = data.get("readiness") if isinstance(data.get("readiness"), list) else []
    known = {"zone", "target_days", "ex_name", "ex_pronouns", "reasons", "attempts", "readiness"}
    return Plan(
        attempts=tuple(attempts),
        zone=data["zone"] if is_zone_name(data.get("zone")) else "UTC",
        target_days=min(max(target, 1), MAX_TARGET_DAYS) if valid_target else DEFAULT_TARGET_DAYS,
        ex_name=text(data.get("ex_name")),
        ex_pronouns=text(data.get("ex_pronouns")),
        reasons=_clean_reasons(
            data.get("reasons") if isinstance(data.get("reasons"), list) else []
        ),
        readiness=tuple(r for r in map(result_from_data, readiness) if r is not None),
        extra={k: v for k, v in data.items() if k not in known},
    )
