"""The open journal entry while another process writes the same entry (issue 16, point 6).

A backup restored from the command line may change an entry while it is open. The
autosave writes only what the person changed since the editor last matched the vault,
onto the entry as the vault holds it then, and the editor shows what was saved.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from helpers.clock import Clock
from helpers.pages import JournalPage
from reconnect_gui.core.journal.entry import JournalEntry, edited, new_entry
from reconnect_gui.storage import journal_store
from reconnect_gui.storage.vault import Vault, open_vault
from reconnect_gui.ui.journal.journal_pane import JournalPane

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def elsewhere(controller) -> Vault:
    """The same vault file opened again, as the command line would."""
    return open_vault(controller.path).unlock_with_key(controller.vault.data_key)


def make_pane(qtbot, controller, clock: Clock) -> JournalPage:
    page = JournalPage(JournalPane(controller, now=clock))
    qtbot.add_widget(page.pane)
    page.resize(1080, 780)
    with qtbot.wait_exposed(page.pane):
        page.show()
    qtbot.wait_until(lambda: page.loaded, timeout=10000)
    return page


def open_stored(qtbot, controller, clock, **fields) -> tuple[JournalPage, JournalEntry]:
    entry = journal_store.save_entry(
        controller.vault, edited(new_entry(NOW - timedelta(days=1)), **fields)
    )
    pane = make_pane(qtbot, controller, clock)
    pane.pane.open_entry(entry.id)
    assert pane.session.entry == entry
    return pane, entry


def test_typing_keeps_a_mood_and_tags_changed_elsewhere(qtbot, unlocked_controller, clock) -> None:
    pane, seen = open_stored(qtbot, unlocked_controller, clock, body="Quiet day.", mood=2)
    with elsewhere(unlocked_controller) as other:
        journal_store.save_entry(other, edited(seen, mood=4, tags=("restored",)))
    pane.editor.body.moveCursor(pane.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.editor.body, " Then a walk.")
    pane.save_debouncer.flush()
    stored = journal_store.load_entry(unlocked_controller.vault, seen.id)
    assert (stored.body, stored.mood, stored.tags) == ("Quiet day. Then a walk.", 4, ("restored",))
    # The editor shows what was saved, so the next save cannot put the old mood back.
    assert pane.editor.mood_picker.mood() == 4 and pane.editor.tags.tags() == ("restored",)
    assert pane.editor.body.textCursor().position() == len("Quiet day. Then a walk.")
    qtbot.keyClicks(pane.editor.body, " Tea.")
    pane.save_debouncer.flush()
    stored = journal_store.load_entry(unlocked_controller.vault, seen.id)
    assert (stored.body, stored.mood) == ("Quiet day. Then a walk. Tea.", 4)
