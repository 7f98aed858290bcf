"""The drafting pane as a person sees it, saved as pictures to look at: a message with
learned findings, a logistics message, and words of danger with helplines, light and dark,
at the default window size (artifacts/screenshots/draft-*.png)."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from helpers.clock import DEFAULT_NOW as NOW
from helpers.pages import DraftPage
from helpers.repo import REPO
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.storage.draft_store import save_draft
from reconnect_gui.ui.draft.draft_pane import DraftPane
from reconnect_gui.ui.widgets.theme import apply_theme

SHOTS = os.environ.get("RECONNECT_ARTIFACTS", str(REPO / "artifacts"))
DRAFTS = {
    "learned": (
        "text",
        "Hey, hope the new place is nice. Saw you're already posting beach pics with him. "
        "Guess I meant nothing to you. Did you even get my last message?",
    ),
    "logistics": (
        "logistics",
        "Hi Sam, the boxes with your books are packed. I can leave them with Priya on "
        "Saturday morning, or post them if you send an address. Let me know by Thursday.",
    ),
    "crisis": ("text", "i can't do this anymore. i want to end it all"),
}


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("state", list(DRAFTS))
def test_the_draft_pane_as_a_person_sees_it(
    qtbot, qapp, unlocked_controller, clock, state: str, theme: str
) -> None:
    kind, body = DRAFTS[state]
    save_draft(
        unlocked_controller.vault,
        drafts.new_draft(kind, NOW - timedelta(hours=20), body=body),
    )
    apply_theme(qapp, theme)
    try:
        pane = DraftPage(DraftPane(unlocked_controller, now=clock))
        qtbot.add_widget(pane.pane)
        pane.resize(1040, 700)  # the default window, less the sidebar
        with qtbot.wait_exposed(pane.pane):
            pane.show()
        qtbot.wait_until(lambda: not pane.check_debouncer.pending, timeout=3000)
        folder = os.path.join(SHOTS, "screenshots")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"draft-{state}-{theme}.png")
        assert pane.grab().save(path)
        assert os.path.getsize(path) > 10_000
        side = pane.editor_side
        if state == "crisis":
            assert side.support.isVisible() and not side.findings.isVisible()
        else:
            # Two notes can be read at once at the default size.
            cards = side.findings.cards()
            assert len(cards) >= 2 or state == "logistics"
            if len(cards) >= 2:
                viewport = side.findings.viewport().height()
                assert cards[1].geometry().bottom() <= viewport, "the second note is cut off"
    finally:
        apply_theme(qapp, "system")  # as every other test expects it
