"""The home screen's history: one row for each thing that happened, newest first.

``view.history`` lists the parts of one slip as separate rows (the slip, the end of the
attempt it closed, the next attempt's start, the message sent with it). A person thinks
of that as one moment, so here it is one row whose detail tells the rest. Milestones
reached and urges logged are rows too: the history is also a record of strength. The
words of every other row are ``view.history``'s own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from reconnect_gui.core.countdown.contact_log import ContactEntry, ContactKind, Urge
from reconnect_gui.core.countdown.milestones import milestone_title
from reconnect_gui.core.countdown.moments import DAY, utc_moment, whole_days
from reconnect_gui.core.countdown.plan import Attempt, Plan
from reconnect_gui.core.countdown.stats import milestones
from reconnect_gui.core.countdown.view import HistoryEvent, history
from reconnect_gui.core.wording import plural

SAME_MOMENT = timedelta(minutes=1)  # a message logged with a slip shares its moment


def timeline(
    plan: Plan,
    contacts: Iterable[ContactEntry] = (),
    urges: Iterable[Urge] = (),
    now: datetime | None = None,
) -> list[HistoryEvent]:
    """``view.history`` with one row per slip, plus milestones reached and urges."""
    contacts = list(contacts)
    rows = history(plan, contacts)
    # The attempts a slip closed: their end and the next start are told in the slip's row.
    closed = {
        attempt.end: attempt
        for attempt, following in zip(plan.attempts, plan.attempts[1:], strict=False)
        if attempt.end is not None
        and following.start == attempt.end
        and any(slip.restarted and slip.at <= attempt.end for slip in attempt.slips)
    }
    messages = [c.at for c in contacts if c.kind == ContactKind.SENT_UNANSWERED]
    slips = [row.at for row in rows if row.kind == "slip"]
    told_messages: set[datetime] = set()
    kept: list[HistoryEvent] = []
    for row in rows:
        if row.kind in ("attempt_end", "attempt_start") and row.at in closed:
            continue
        if row.kind == ContactKind.SENT_UNANSWERED and _near(row.at, slips):
            continue  # told in the slip's row
        if row.kind == "slip":
            row = _one_row(row, closed, messages, told_messages)
        kept.append(row)
    if now is not None:
        for attempt in plan.attempts:
            kept.extend(_milestones_reached(plan, attempt, now))
    kept.extend(_urge_row(urge) for urge in urges)
    # Newest first; a stable sort keeps the history's own order at equal moments.
    return sorted(kept, key=lambda row: row.at, reverse=True)


def _near(moment: datetime, others: Iterable[datetime]) -> bool:
    return any(abs(moment - other) <= SAME_MOMENT for other in others)


def _one_row(
    row: HistoryEvent,
    closed: dict[datetime, Attempt],
    messages: list[datetime],
    told: set[datetime],
) -> HistoryEvent:
    """The slip's row, telling the attempt it closed and the message sent with it."""
    before = []
    attempt = closed.get(row.at)
    if attempt is not None and attempt.end is not None:
        before.append(
            f"After {plural(whole_days(attempt.end - attempt.start), 'day')} without contact"
        )
    message = next((m for m in messages if m not in told and abs(m - row.at) <= SAME_MOMENT), None)
    if message is not None:
        told.add(message)
        before.append("I sent a message")
    if not before:
        return row
    return replace(row, detail=" · ".join([*before, *([row.detail] if row.detail else [])]))


def _milestones_reached(plan: Plan, attempt: Attempt, now: datetime) -> list[HistoryEvent]:
    until = attempt.end if attempt.end is not None else utc_moment(now)
    rows = []
    for day in milestones(plan):
        at = attempt.start + day * DAY
        if at <= until:
            rows.append(
                HistoryEvent(at, "milestone", f"{milestone_title(day, plan.target_days)} reached")
            )
    return rows


def _urge_row(urge: Urge) -> HistoryEvent:
    parts = []
    if urge.intensity is not None:
        parts.append(f"{urge.intensity} out of 10")
    if urge.trigger.strip():
        parts.append(f"set off by {urge.trigger.strip()}")
    if urge.instead.strip():
        parts.append(f"instead: {urge.instead.strip()}")
    return HistoryEvent(urge.at, "urge", "I felt an urge", " · ".join(parts))
