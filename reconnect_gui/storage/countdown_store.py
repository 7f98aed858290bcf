"""The No-Contact plan, contact log and urges inside the vault.

The plan is one COUNTDOWN record with a fixed, neutral id; each contact and each urge
is its own record, so a damaged one never hides the others. Letters written in the SOS
flow instead of being sent go to the journal as ``unsent_letter`` entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from reconnect_gui.core.countdown.contact_log import (
    ContactEntry,
    Urge,
    contact_from_data,
    contact_to_data,
    urge_from_data,
    urge_to_data,
)
from reconnect_gui.core.countdown.plan import Plan, plan_from_data, plan_to_data
from reconnect_gui.core.journal.entry import EntryType, entry_data
from reconnect_gui.storage.records import CONTACT_LOG, COUNTDOWN, JOURNAL_ENTRY, URGE_LOG
from reconnect_gui.storage.vault import Vault

PLAN_RECORD_ID = "countdown"
T = TypeVar("T")


def load_plan(vault: Vault) -> Plan | None:
    """The plan, or None before the user has started one (RecordDamaged if damaged)."""
    try:
        record = vault.get(PLAN_RECORD_ID)
    except KeyError:
        return None
    return plan_from_data(record.data, fallback_start=record.created)


def save_plan(vault: Vault, plan: Plan) -> None:
    vault.put(COUNTDOWN, plan_to_data(plan), record_id=PLAN_RECORD_ID)


def add_contact(vault: Vault, entry: ContactEntry) -> str:
    return vault.put(CONTACT_LOG, contact_to_data(entry)).id


def load_contacts(vault: Vault) -> tuple[list[ContactEntry], list[str]]:
    pairs, damaged = _load_each(vault, CONTACT_LOG, contact_from_data)
    return [entry for _id, entry in pairs], damaged


def load_contacts_by_id(vault: Vault) -> tuple[dict[str, ContactEntry], list[str]]:
    """Contacts keyed by record id (to update one, e.g. "they answered"), and damaged ids."""
    pairs, damaged = _load_each(vault, CONTACT_LOG, contact_from_data)
    return dict(pairs), damaged


def update_contact(vault: Vault, record_id: str, entry: ContactEntry) -> None:
    vault.put(CONTACT_LOG, contact_to_data(entry), record_id=record_id)


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
