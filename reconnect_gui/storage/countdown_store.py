"""The No-Contact plan, contact log and urges inside the vault.

The plan is one COUNTDOWN record with a fixed, neutral id; each contact and each urge
is its own record, so a damaged one never hides the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from reconnect_gui.core.contact_log import (
    ContactEntry,
    Urge,
    contact_from_data,
    contact_to_data,
    urge_from_data,
    urge_to_data,
)
from reconnect_gui.core.countdown import Plan, plan_from_data, plan_to_data
from reconnect_gui.storage.records import CONTACT_LOG, COUNTDOWN, URGE_LOG
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
    return _load_each(vault, CONTACT_LOG, contact_from_data)


def add_urge(vault: Vault, urge: Urge) -> str:
    return vault.put(URGE_LOG, urge_to_data(urge)).id


def load_urges(vault: Vault) -> tuple[list[Urge], list[str]]:
    return _load_each(vault, URGE_LOG, urge_from_data)


def _load_each(
    vault: Vault, kind: str, from_data: Callable[[Any], T | None]
) -> tuple[list[T], list[str]]:
    """Every readable record of ``kind``, parsed (unparsable ones skipped), and the ids
    of damaged ones."""
    records, damaged = vault.records(kind)
    parsed = [from_data(r.data) for r in records]
    return [item for item in parsed if item is not None], damaged
