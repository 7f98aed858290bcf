"""The unit the vault stores: one record of one kind, as plain values.

Everything in a ``Record`` except ``id`` and ``kind`` (the timestamps too) is encrypted
on disk. ``data`` is any JSON-serialisable dict; each kind's owner (journal, drafts,
countdown...) decides its shape, so new kinds need no change to the vault format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Record kinds. Stable strings: they are bound into each record's encryption.
JOURNAL_ENTRY = "journal_entry"
DRAFT = "draft"
COUNTDOWN = "countdown"  # the No-Contact plan, attempts and slips
CONTACT_LOG = "contact_log"
URGE_LOG = "urge_log"
PRIVATE_SETTINGS = "private_settings"  # in the documented format; nothing stores it yet
REMINDER_LOG = "reminder_log"  # which reminders have been shown, so none shows twice


@dataclass(frozen=True)
class Record:
    id: str  # random, URL-safe; never derived from content
    kind: str
    created: datetime  # timezone-aware UTC
    updated: datetime  # timezone-aware UTC
    data: dict[str, Any] = field(default_factory=dict)
