"""The open draft while another process writes the same draft (issue 16, point 6).

A newer backup restored from the command line may change a draft while it is open. The
autosave applies what the person changed to the draft as the vault holds it then, and
the editor shows what was saved.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from helpers.clock import Clock
from helpers.drafts import load_draft
from helpers.pages import DraftPage
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.storage.draft_store import save_draft
from reconnect_gui.storage.vault import Vault, open_vault
from reconnect_gui.ui.draft.draft_pane import DraftPane

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin: not late at night
CALM = "Hi Sam, I walked past the lake today and thought of the ducks."


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def elsewhere(controller) -> Vault:
    """The same vault file opened again, as the command line would."""
    return open_vault(controller.path).unlock_with_key(controller.vault.data_key)


def open_stored(qtbot, controller, clock: Clock) -> tuple[DraftPage, drafts.Draft]:
    draft = drafts.new_draft("text", NOW - timedelta(hours=2), body=CALM)
    save_draft(controller.vault, draft)
    page = DraftPage(DraftPane(controller, now=clock))
    qtbot.add_widget(page.pane)
    page.resize(1080, 780)
    with qtbot.wait_exposed(page.pane):
        page.show()
    assert page.editor.toPlainText() == CALM
    return page, draft


def test_typing_keeps_a_title_saved_elsewhere(qtbot, unlocked_controller, clock) -> None:
    pane, seen = open_stored(qtbot, unlocked_controller, clock)
    with elsewhere(unlocked_controller) as other:
        save_draft(other, drafts.retitle(seen, "For after the 30 days"))
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.editor, " How have you been?")
    pane.save_debouncer.flush()
    stored = load_draft(unlocked_controller.vault, seen.id)
    assert stored.body == CALM + " How have you been?"
    assert stored.title == "For after the 30 days"
    assert pane.title_edit.text() == "For after the 30 days"  # shown, so it stays
    qtbot.keyClicks(pane.editor, " Take care.")
    pane.save_debouncer.flush()
    assert load_draft(unlocked_controller.vault, seen.id).title == "For after the 30 days"


def test_a_title_typed_here_keeps_words_saved_elsewhere(qtbot, unlocked_controller, clock) -> None:
    pane, seen = open_stored(qtbot, unlocked_controller, clock)
    newer = drafts.edit(seen, "Hi Sam, the keys are with Alex.", NOW - timedelta(hours=1))
    with elsewhere(unlocked_controller) as other:
        save_draft(other, newer)
    qtbot.keyClicks(pane.title_edit, "Keys")
    pane.save_debouncer.flush()
    stored = load_draft(unlocked_controller.vault, seen.id)
    assert (stored.title, stored.body, stored.updated) == ("Keys", newer.body, newer.updated)
    assert pane.editor.toPlainText() == newer.body  # the editor shows the saved words
    pane.check_debouncer.flush()
    assert pane.pane.session.draft == stored
