"""The No-Contact plan, contact log and urges inside the vault.

The plan is one COUNTDOWN record with a fixed, neutral id; each contact and each urge
is its own record, so a damaged one never hides the others. Letters written in the SOS
flow instead of being sent go to the journal as ``unsent_letter`` entries.

Another process may write the same vault while the window is open (``reconnect nocontact
slip``). So a change to a stored record is never "write my copy": ``change_plan`` and
``change_contact`` read the record, apply the change and write it inside one write
transaction, and what they return is what was stored, for the caller to show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from reconnect_gui.core.countdown.contact_log import (
    ContactEntry,
    ContactKind,
    Urge,
    contact_from_data,
    contact_to_data,
    mark_answered,
    urge_from_data,
    urge_to_data,
)
from reconnect_gui.core.countdown.plan import Plan, plan_from_data, plan_to_data
from reconnect_gui.core.journal.entry import EntryType, entry_data
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.records import CONTACT_LOG, COUNTDOWN, JOURNAL_ENTRY, URGE_LOG

if TYPE_CHECKING:  # only annotations: the vault module loads on the thread that opens it
    from reconnect_gui.storage.vault import Vault

PLAN_RECORD_ID = "countdown"
T = TypeVar("T")
NO_PLAN = "Your countdown has not started yet."


class NoPlan(VaultError):
    """There is no plan to change: never started, or removed meanwhile (a restore)."""


class _Unchanged(Exception):
    """Raised inside a change to leave the record as it is: the transaction rolls back."""


def load_plan(vault: Vault) -> Plan | None:
    """The plan, or None before the user has started one (RecordDamaged if damaged)."""
    try:
        record = vault.get(PLAN_RECORD_ID)
    except KeyError:
        return None
    return plan_from_data(record.data, fallback_start=record.created)


def save_plan(vault: Vault, plan: Plan) -> None:
    """Store ``plan`` whole, in place of any stored one. To change the stored plan use
    ``change_plan`` (a copy read earlier may miss a slip logged since)."""
    vault.put(COUNTDOWN, plan_to_data(plan), record_id=PLAN_RECORD_ID)


def start_plan(vault: Vault, plan: Plan) -> bool:
    """Store ``plan`` as the countdown unless one has been started already (perhaps by
    another process since the caller looked); the check and the write are one transaction.
    True when ``plan`` was stored, False when the existing one was kept unchanged."""

    def only_if_none(data: dict[str, Any] | None) -> dict[str, Any]:
        if data is not None:
            raise _Unchanged
        return plan_to_data(plan)

    try:
        vault.update(COUNTDOWN, PLAN_RECORD_ID, only_if_none)
    except _Unchanged:
        return False
    return True


def change_plan(vault: Vault, change: Callable[[Plan], Plan]) -> Plan:
    """Apply ``change`` to the plan as the vault holds it now and store the result, in one
    write transaction: a slip logged meanwhile by another process is what ``change`` sees,
    so it is never lost. Returns the plan as stored.

    NoPlan when there is none, RecordDamaged when it is damaged; ValueError from ``change``
    passes through. In each case nothing is written."""
    try:  # the plan's fallback start (only for odd stored data) is the record's creation
        created = vault.get(PLAN_RECORD_ID).created
    except KeyError:
        raise NoPlan(NO_PLAN) from None

    def apply(data: dict[str, Any] | None) -> dict[str, Any]:
        if data is None:
            raise NoPlan(NO_PLAN)
        return plan_to_data(change(plan_from_data(data, fallback_start=created)))

    record = vault.update(COUNTDOWN, PLAN_RECORD_ID, apply)
    return plan_from_data(record.data, fallback_start=record.created)


def add_contact(vault: Vault, entry: ContactEntry) -> str:
    return vault.put(CONTACT_LOG, contact_to_data(entry)).id


def load_contacts(vault: Vault) -> tuple[list[ContactEntry], list[str]]:
    pairs, damaged = _load_each(vault, CONTACT_LOG, contact_from_data)
    return [entry for _id, entry in pairs], damaged


def load_contacts_by_id(vault: Vault) -> tuple[dict[str, ContactEntry], list[str]]:
    """Contacts keyed by record id (to update one, e.g. "they answered"), and damaged ids."""
    pairs, damaged = _load_each(vault, CONTACT_LOG, contact_from_data)
    return dict(pairs), damaged


def change_contact(
    vault: Vault, record_id: str, change: Callable[[ContactEntry], ContactEntry | None]
) -> ContactEntry | None:
    """Apply ``change`` to the contact as the vault holds it now, in one write transaction.
    ``change`` returns None to leave it as it is. Returns the contact as stored, or None
    when it is gone or unreadable (nothing is written then)."""

    def apply(data: dict[str, Any] | None) -> dict[str, Any]:
        entry = None if data is None else contact_from_data(data)
        changed = None if entry is None else change(entry)
        if changed is None:
            raise _Unchanged
        return contact_to_data(changed)

    try:
        return contact_from_data(vault.update(CONTACT_LOG, record_id, apply).data)
    except _Unchanged:
        return None


def mark_waits_answered(vault: Vault, at: datetime) -> int:
    """They replied at ``at``: every unanswered message the vault holds now is marked
    answered (each re-read inside its own write). Returns how many were marked."""
    contacts, _damaged = load_contacts_by_id(vault)

    def answered(entry: ContactEntry) -> ContactEntry | None:
        waiting = entry.kind == ContactKind.SENT_UNANSWERED and entry.answered_at is None
        return mark_answered(entry, at) if waiting else None

    return sum(
        change_contact(vault, record_id, answered) is not None
        for record_id, entry in contacts.items()
        if answered(entry) is not None
    )


def add_urge(vault: Vault, urge: Urge) -> str:
    return vault.put(URGE_LOG, urge_to_data(urge)).id


def load_urges(vault: Vault) -> tuple[list[Urge], list[str]]:
    pairs, damaged = _load_each(vault, URGE_LOG, urge_from_data)
    return [urge for _id, urge in pairs], damaged


def add_unsent_letter(vault: Vault, body: str, ex_name: str = "") -> str:
    """Keep a letter the user wrote instead of sending it, as a journal entry of its own type."""
    title = f"A letter to {ex_name} I didn't send" if ex_name else "A letter I didn't send"
    data = entry_data(title, body, entry_type=EntryType.UNSENT_LETTER)
    return vault.put(JOURNAL_ENTRY, data).id


def _load_each(
    vault: Vault, kind: str, from_data: Callable[[Any], T | None]
) -> tuple[list[tuple[str, T]], list[str]]:
    """(record id, parsed item) for every readable record of ``kind`` (unparsable ones
    skipped), and the ids of damaged ones."""
    records, damaged = vault.records(kind)
    parsed = [(r.id, from_data(r.data)) for r in records]
    return [(rid, item) for rid, item in parsed if item is not None], damaged
