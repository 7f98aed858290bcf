"""Which reminders have already been shown, kept in the vault so a restart never repeats one.

One REMINDER_LOG record with a fixed id holds the keys (``core.reminders.schedule``), encrypted like
everything else: the keys carry dates, and together they say when the user was reminded
of what. The record is a convenience, not the user's writing, so a damaged one reads as
empty (at worst one reminder shows again) and the next save replaces it. Vault-wide
problems (locked, disk full) still raise the usual ``VaultError`` for the caller to show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection

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
    keys = record.data.get("fired") if record.kind == REMINDER_LOG else None
    if not isinstance(keys, list):
        return frozenset()
    return frozenset(key for key in keys if isinstance(key, str))


def save_fired(vault: Vault, fired: Collection[str]) -> None:
    """Store ``fired`` in place of the previous log (prune it first with ``prune_fired``)."""
    data = {"fired": sorted(set(fired))}
    try:
        vault.put(REMINDER_LOG, data, record_id=FIRED_RECORD_ID)
    except RecordDamaged:
        # put() keeps the old record's creation time, which a damaged record cannot give:
        # remove it and start the log afresh.
        with contextlib.suppress(KeyError):  # another window may have just done the same
            vault.delete(FIRED_RECORD_ID)
        vault.put(REMINDER_LOG, data, record_id=FIRED_RECORD_ID)
