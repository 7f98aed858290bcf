"""Which reminders have already been shown, kept in the vault so a restart never repeats one.

One REMINDER_LOG record with a fixed id holds the keys (``core.reminders.schedule``), encrypted like
everything else: the keys carry dates, and together they say when the user was reminded
of what. The record is a convenience, not the user's writing, so a damaged one reads as
empty (at worst one reminder shows again) and the next save replaces it. Vault-wide
problems (locked, disk full) still raise the usual ``VaultError`` for the caller to show.

Another process may write the log while the app runs (a backup restored from the command
line), so ``record_fired`` adds to the log as the vault holds it, in one write transaction,
instead of writing the set the timer read at unlock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from datetime import datetime
from typing import Any

from reconnect_gui.core.reminders.schedule import prune_fired
from reconnect_gui.storage.errors import RecordDamaged
from reconnect_gui.storage.records import REMINDER_LOG
from reconnect_gui.storage.vault import Vault

# Fixed and neutral, like the countdown's. New records get random 16-character ids,
# so this 12-character one cannot clash with them.
FIRED_RECORD_ID = "reminder_log"


def load_fired(vault: Vault) -> frozenset[str]:
    """The keys of reminders already shown; empty when there are none or the record is
    damaged or unreadable."""
    try:
        record = vault.get(FIRED_RECORD_ID)
    except (KeyError, RecordDamaged):
        return frozenset()
    return _keys(record.data) if record.kind == REMINDER_LOG else frozenset()


def _keys(data: dict[str, Any] | None) -> frozenset[str]:
    keys = None if data is None else data.get("fired")
    if not isinstance(keys, list):
        return frozenset()
    return frozenset(key for key in keys if isinstance(key, str))


def record_fired(vault: Vault, shown: Collection[str], now: datetime) -> frozenset[str]:
    """Add the keys of reminders ``shown`` to the log as the vault holds it now (keys saved
    meanwhile elsewhere stay), forgetting keys too old to matter (``prune_fired``), in one
    write transaction. Returns the keys now stored."""

    def add(data: dict[str, Any] | None) -> dict[str, Any]:
        return {"fired": sorted(prune_fired(_keys(data) | set(shown), now))}

    try:
        return _keys(vault.update(REMINDER_LOG, FIRED_RECORD_ID, add).data)
    except RecordDamaged:
        save_fired(vault, prune_fired(shown, now))  # replaces the damaged log
        return load_fired(vault)


def save_fired(vault: Vault, fired: Collection[str]) -> None:
    """Store ``fired`` in place of the previous log (prune it first with ``prune_fired``).
    Keys another process saved since the caller read the log are lost: to add what was
    just shown, use ``record_fired``."""
    data = {"fired": sorted(set(fired))}
    try:
        vault.put(REMINDER_LOG, data, record_id=FIRED_RECORD_ID)
    except RecordDamaged:
        # put() keeps the old record's creation time, which a damaged record cannot give:
        # remove it and start the log afresh.
        with contextlib.suppress(KeyError):  # another window may have just done the same
            vault.delete(FIRED_RECORD_ID)
        vault.put(REMINDER_LOG, data, record_id=FIRED_RECORD_ID)
