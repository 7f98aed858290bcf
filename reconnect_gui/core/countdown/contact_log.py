"""Contacts that are not slips, the wait after an unanswered message, and urges.

Pure values, each stored as one JSON dict (``*_to_data``) and read back with a
tolerant ``*_from_data`` that keeps unknown fields in ``extra``.

- ``logistics``: brief, practical contact (belongings, shared bills). Not a slip.
- ``they_contacted``: the ex got in touch.
- ``sent_unanswered``: the user sent a message that got no answer; this starts a
  wait (default 14 days) during which the app advises against sending more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from reconnect_gui.core.countdown.moments import (
    DAY,
    moment_data,
    moment_from_data,
    text,
    utc_moment,
)


class ContactKind(StrEnum):
    """A contact that is not a slip (the values are stored in the vault)."""

    LOGISTICS = "logistics"  # belongings, bills: the contact the guidance allows
    THEY_CONTACTED = "they_contacted"
    SENT_UNANSWERED = "sent_unanswered"  # starts a wait before anything more is sent


CONTACT_KINDS = tuple(ContactKind)
LOGISTICS_TOPICS = ("belongings", "bills", "other")
DEFAULT_WAIT_DAYS = 14
MAX_WAIT_DAYS = 365
INTENSITIES = range(1, 11)

GUIDANCE = {
    ContactKind.LOGISTICS: (
        "Keep it short and practical: what, when, where, nothing more. "
        "And be honest with yourself: if the belongings are really a reason to see them, "
        "they will notice, and it undoes the distance you've built."
    ),
    ContactKind.THEY_CONTACTED: (
        "You don't have to answer. If you choose to, keep it brief, friendly and calm: "
        "no feelings, no questions about the two of you. Your countdown keeps going."
    ),
    ContactKind.SENT_UNANSWERED: (
        "Please don't send anything else for now: more messages after a silence feel like "
        "pressure. Let the wait run, and put what you want to say in your journal."
    ),
}


@dataclass(frozen=True)
class ContactEntry:
    kind: ContactKind
    at: datetime  # UTC
    note: str = ""
    topic: str = ""  # logistics only: one of LOGISTICS_TOPICS
    wait_days: int = DEFAULT_WAIT_DAYS  # sent_unanswered only
    answered_at: datetime | None = None  # sent_unanswered only: when a reply came
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def guidance(self) -> str:
        return GUIDANCE[self.kind]


def _checked_wait(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_WAIT_DAYS:
        raise ValueError(f"The wait must be a whole number of days from 1 to {MAX_WAIT_DAYS}.")
    return days


def logistics_contact(at: datetime, topic: str, note: str = "") -> ContactEntry:
    """A practical contact (belongings, shared bills), logged as logistics, not as a slip."""
    if topic not in LOGISTICS_TOPICS:
        raise ValueError(f"The topic must be one of: {', '.join(LOGISTICS_TOPICS)}.")
    return ContactEntry(ContactKind.LOGISTICS, utc_moment(at), note.strip(), topic=topic)


def they_contacted(at: datetime, note: str = "") -> ContactEntry:
    """The ex got in touch. Not a slip."""
    return ContactEntry(ContactKind.THEY_CONTACTED, utc_moment(at), note.strip())


def sent_unanswered(
    at: datetime, note: str = "", wait_days: int = DEFAULT_WAIT_DAYS
) -> ContactEntry:
    """A message the user sent at ``at`` that got no answer; starts a wait of ``wait_days``."""
    return ContactEntry(
        ContactKind.SENT_UNANSWERED,
        utc_moment(at),
        note.strip(),
        wait_days=_checked_wait(wait_days),
    )


def mark_answered(entry: ContactEntry, at: datetime) -> ContactEntry:
    """The unanswered message got a reply at ``at``: its wait ends."""
    if entry.kind != ContactKind.SENT_UNANSWERED:
        raise ValueError("Only a message you sent can be marked as answered.")
    return replace(entry, answered_at=utc_moment(at))


def wait_ends(entry: ContactEntry) -> datetime:
    """When the wait after an unanswered message is over (UTC)."""
    return entry.at + entry.wait_days * DAY


def wait_remaining(entries: Iterable[ContactEntry], now: datetime) -> timedelta | None:
    """Time left in the running wait (the latest-ending one), or ``None`` if none is running.

    With the clock set before the message was sent, the whole wait is still ahead.
    """
    now = utc_moment(now)
    left = [
        min(wait_ends(e) - now, e.wait_days * DAY)
        for e in entries
        if e.kind == ContactKind.SENT_UNANSWERED
        and (e.answered_at is None or e.answered_at > now)
        and wait_ends(e) > now
    ]
    return max(left) if left else None


def waiting_for_reply(entries: Iterable[ContactEntry], now: datetime) -> bool:
    return wait_remaining(entries, now) is not None


def contact_to_data(entry: ContactEntry) -> dict[str, Any]:
    data: dict[str, Any] = {
        **entry.extra,
        "kind": entry.kind,
        "at": moment_data(entry.at),
        "note": entry.note,
    }
    if entry.kind == ContactKind.LOGISTICS:
        data["topic"] = entry.topic
    if entry.kind == ContactKind.SENT_UNANSWERED:
        data["wait_days"] = entry.wait_days
        data["answered_at"] = None if entry.answered_at is None else moment_data(entry.answered_at)
    return data


def contact_from_data(data: Any) -> ContactEntry | None:
    """A stored contact, or ``None`` when its kind or moment cannot be read."""
    if not isinstance(data, dict) or data.get("kind") not in CONTACT_KINDS:
        return None
    if (at := moment_from_data(data.get("at"))) is None:
        return None
    wait = data.get("wait_days")
    known = {"kind", "at", "note", "topic", "wait_days", "answered_at"}
    return ContactEntry(
        kind=ContactKind(data["kind"]),
        at=at,
        note=text(data.get("note")),
        topic=data["topic"] if data.get("topic") in LOGISTICS_TOPICS else "",
        wait_days=(
            min(max(wait, 1), MAX_WAIT_DAYS)
            if isinstance(wait, int) and not isinstance(wait, bool)
            else DEFAULT_WAIT_DAYS
        ),
        answered_at=moment_from_data(data.get("answered_at")),
        extra={k: v for k, v in data.items() if k not in known},
    )


# -- urges --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Urge:
    at: datetime  # UTC
    intensity: int | None = None  # 1 (faint) … 10 (overwhelming); None if unreadable
    trigger: str = ""
    instead: str = ""  # what I did instead
    extra: dict[str, Any] = field(default_factory=dict)


def new_urge(at: datetime, intensity: int, trigger: str = "", instead: str = "") -> Urge:
    """An urge to contact them; the intensity must be a whole number from 1 to 10."""
    if (
        isinstance(intensity, bool)
        or not isinstance(intensity, int)
        or intensity not in INTENSITIES
    ):
        raise ValueError("How strong was the urge? Please pick a whole number from 1 to 10.")
    return Urge(utc_moment(at), intensity, trigger.strip(), instead.strip())


def urge_to_data(urge: Urge) -> dict[str, Any]:
    return {
        **urge.extra,
        "at": moment_data(urge.at),
        "intensity": urge.intensity,
        "trigger": urge.trigger,
        "instead": urge.instead,
    }


def urge_from_data(data: Any) -> Urge | None:
    """A stored urge, or ``None`` when its moment cannot be read."""
    if not isinstance(data, dict) or (at := moment_from_data(data.get("at"))) is None:
        return None
    level = data.get("intensity")
    valid = isinstance(level, int) and not isinstance(level, bool) and level in INTENSITIES
    return Urge(
        at=at,
        intensity=level if valid else None,
        trigger=text(data.get("trigger")),
        instead=text(data.get("instead")),
        extra={k: v for k, v in data.items() if k not in {"at", "intensity", "trigger", "instead"}},
    )
