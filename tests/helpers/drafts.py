"""A draft read back from the vault, for tests that check what the Draft pane saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconnect_gui.storage.draft_store import load_drafts

if TYPE_CHECKING:
    from reconnect_gui.core.drafts.draft import Draft
    from reconnect_gui.storage.vault import Vault


def load_draft(vault: Vault, draft_id: str) -> Draft | None:
    """The readable draft with ``draft_id`` as the vault holds it, or None."""
    drafts, _damaged = load_drafts(vault)
    return next((draft for draft in drafts if draft.id == draft_id), None)
