"""What the person changed in "Edit your plan", as a change to apply, not as a whole plan.

The edit dialog works on the plan as the pane last read it. Meanwhile another process
(``reconnect nocontact slip``) may have logged a slip. Saving the dialog's whole plan
would drop that slip, so the pane saves a ``PlanEdit`` instead: only the settings the
person changed, applied to the plan as the vault holds it at the moment of saving.

The start of the current streak is the one setting tied to history: it is moved only
while the attempt the person saw is still the current one. If a slip has started a new
attempt since, that start is left alone (``moves_start``) rather than moved onto an
attempt the person never saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from reconnect_gui.core.countdown.plan import Plan, edit_plan

T = TypeVar("T")


@dataclass(frozen=True)
class PlanEdit:
    """Settings the person changed; ``None`` means "left as it was"."""

    seen_start: datetime  # the start of the current attempt the person was editing (UTC)
    target_days: int | None = None
    current_start: datetime | None = None
    ex_name: str | None = None
    ex_pronouns: str | None = None
    reasons: tuple[str, ...] | None = None
    zone: str | None = None

    def moves_start(self, plan: Plan) -> bool:
        """True when this edit moves the start of ``plan``'s current attempt: it asks to,
        and that attempt is still the one the person saw."""
        return self.current_start is not None and plan.current.start == self.seen_start

    def apply(self, plan: Plan) -> Plan:
        """``plan`` (as stored now) with the person's changes; everything else, slips and
        attempts logged meanwhile included, stays as stored."""
        return edit_plan(
            plan,
            zone=self.zone,
            target_days=self.target_days,
            current_start=self.current_start if self.moves_start(plan) else None,
            ex_name=self.ex_name,
            ex_pronouns=self.ex_pronouns,
            reasons=self.reasons,
        )


def plan_edit(before: Plan, after: Plan) -> PlanEdit:
    """The settings that differ between ``before`` (what the dialog was given) and
    ``after`` (what it made of it)."""

    return PlanEdit(
        seen_start=before.current.start,
        target_days=_changed(before.target_days, after.target_days),
        current_start=_changed(before.current.start, after.current.start),
        ex_name=_changed(before.ex_name, after.ex_name),
        ex_pronouns=_changed(before.ex_pronouns, after.ex_pronouns),
        reasons=_changed(before.reasons, after.reasons),
        zone=_changed(before.zone, after.zone),
    )


def _changed(old: T, new: T) -> T | None:
    return None if new == old else new


def plan_settings(plan: Plan) -> PlanEdit:
    """The settings chosen for a new ``plan`` (target, name, pronouns, reasons) as an edit,
    for a countdown that another process started meanwhile: its start stays."""
    return PlanEdit(
        seen_start=plan.current.start,
        target_days=plan.target_days,
        ex_name=plan.ex_name,
        ex_pronouns=plan.ex_pronouns,
        reasons=plan.reasons,
    )
