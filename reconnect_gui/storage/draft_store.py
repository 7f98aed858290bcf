"""Drafts inside the vault: one DRAFT record per draft, keyed by the draft's id.

Each draft is its own record, so a damaged one never hides the others; the damaged
ones are reported by id so the pane can say so (and offer to remove them).

Another process may write a draft while it is open (a backup restored from the command
line), so ``save_draft`` applies the editor's changes to the draft as the vault holds it,
inside one write transaction (``core.drafts.merge``), and returns what was stored.
"""

from __future__ import annotations

import contextlib
from typing import Any

from reconnect_gui.core.drafts.draft import Draft, draft_from_data, draft_to_data
from reconnect_gui.core.drafts.merge import merged
from reconnect_gui.storage.errors import RecordDamaged
from reconnect_gui.storage.records import DRAFT, Record
from reconnect_gui.storage.vault import Vault


def _draft(record: Record) -> Draft:
    return draft_from_data(record.data, record.id, fallback_time=record.updated)


def save_draft(vault: Vault, draft: Draft, base: Draft | None = None) -> Draft:
    """Store ``draft`` (new or changed) under its own id; returns the draft as stored.

    A stored draft gets only what ``draft`` changed since ``base`` (what the editor last
    knew the vault to hold; without it, the words, title and kind), and keeps the
    versions and ignored findings saved meanwhile by another process. A draft removed
    meanwhile is written again whole: the words on screen are never lost."""

    def merge(data: dict[str, Any] | None) -> dict[str, Any]:
        if data is None:
            return draft_to_data(draft)
        stored = draft_from_data(data, draft.id, fallback_time=draft.updated)
        return draft_to_data(merged(stored, draft, base))

    return _draft(vault.update(DRAFT, draft.id, merge))


def load_drafts(vault: Vault) -> tuple[list[Draft], list[str]]:
    """Every readable draft, most recently written first, and the ids of damaged ones."""
    records, damaged = vault.records(DRAFT)
    drafts = sorted(map(_draft, records), key=lambda d: (d.updated, d.created), reverse=True)
    return drafts, damaged


def delete_draft(vault: Vault, draft_id: str) -> None:
    """Remove a draft for good; nothing happens when it is already gone.

    Damaged drafts can be removed too. A record of another kind is refused, so a wrong
    id can never delete a journal entry.
    """
    try:
        is_draft = vault.get(draft_id).kind == DRAFT
    except KeyError:
        return
    except RecordDamaged:
        is_draft = draft_id in vault.records(DRAFT)[1]  # the kind is stored in the clear
    if not is_draft:
        raise ValueError("That is not a draft.")
    with contextlib.suppress(KeyError):  # another window may have removed it just now
        vault.delete(draft_id)
