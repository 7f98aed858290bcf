"""Which milestones were already celebrated, kept in the vault so "once" survives restarts.

One MILESTONE_LOG record with a fixed id holds the keys (``core.countdown.milestones``),
encrypted like everything else (they carry dates). Like the reminder log it is a
convenience, not the person's writing: a damaged one reads as empty (at worst one
celebration shows again) and the next save replaces it. ``record_celebrated`` adds to the
log as the vault holds it, in one write transaction, so another writer's keys stay.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from reconnect_gui.storage.errors import RecordDamaged

if TYPE_CHECKING:  # only annotations: the vault module loads on the thread that opens it
    from reconnect_gui.storage.vault import Vault

MILESTONE_LOG = "milestone_log"  # a record kind: stable, bound into the encryption
CELEBRATED_RECORD_ID = "milestone_log"  # fixed and neutral, shorter than random ids


def load_celebrated(vault: Vault) -> frozenset[str]:
    """The keys of milestones already celebrated; empty when none or unreadable."""
    try:
        record = vault.get(CELEBRATED_RECORD_ID)
    except (KeyError, RecordDamaged):
        return frozenset()
    return _keys(record.data) if record.kind == MILESTONE_LOG else frozenset()


def _keys(data: dict[str, Any] | None) -> frozenset[str]:
    keys = None if data is None else data.get("celebrated")
    if not isinstance(keys, list):
        return frozenset()
    return frozenset(key for key in keys if isinstance(key, str))


def record_celebrated(vault: Vault, keys: Collection[str]) -> frozenset[str]:
    """Add ``keys`` to the log as the vault holds it now; returns the keys now stored."""

    def add(data: dict[str, Any] | None) -> dict[str, Any]:
        return {"celebrated": sorted(_keys(data) | set(keys))}

    try:
        return _keys(vault.update(MILESTONE_LOG, CELEBRATED_RECORD_ID, add).data)
    except RecordDamaged:
        data = {"celebrated": sorted(set(keys))}
        vault.put(MILESTONE_LOG, data, record_id=CELEBRATED_RECORD_ID)
        return frozenset(keys)
