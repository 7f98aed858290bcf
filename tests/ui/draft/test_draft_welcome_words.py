"""Issue 17: the drafting pane's welcome speaks of the countdown as the home screen does,
and for someone who chose to move on, frames writing as optional (real vault)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.countdown.plan import add_readiness_result, new_plan
from reconnect_gui.core.countdown.readiness import moving_on
from reconnect_gui.core.countdown.view import ring_view
from reconnect_gui.core.drafts.words import MOVING_ON_WORDS
from reconnect_gui.storage.countdown_store import save_plan
from reconnect_gui.ui.draft.draft_pane import WELCOME, DraftPane

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


def show(qtbot, controller, clock, plan) -> DraftPane:
    save_plan(controller.vault, plan)
    pane = DraftPane(controller, now=clock)
    qtbot.add_widget(pane)
    pane.show()
    qtbot.wait_until(lambda: pane.side.currentIndex() == WELCOME)
    return pane


def test_the_welcome_says_the_time_left_as_the_home_screen_does(
    qtbot, unlocked_controller, clock
) -> None:
    plan = new_plan(NOW - timedelta(days=1, hours=19), "UTC", target_days=14)
    pane = show(qtbot, unlocked_controller, clock, plan)
    assert "target is 12 days 5 hours away" in pane.welcome.context.text()
    assert "14 days" not in pane.welcome.context.text()  # no rounding up beside the ring
    assert ring_view(plan, NOW).milestone_text.startswith("Next milestone: day 3")


def test_after_moving_on_the_welcome_says_nothing_needs_sending(
    qtbot, unlocked_controller, clock
) -> None:
    plan = new_plan(NOW - timedelta(days=40), "UTC", target_days=30)
    plan = add_readiness_result(plan, moving_on(NOW - timedelta(days=2)))
    pane = show(qtbot, unlocked_controller, clock, plan)
    assert pane.welcome.context.text() == MOVING_ON_WORDS and pane.welcome.context.isVisible()
