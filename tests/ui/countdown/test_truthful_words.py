"""Issue 17, truthful words, on the real home screen (real vault file, real cryptography):
the ex by name and pronouns, and "I'm moving on" after the target."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.storage.countdown_store import load_plan, save_plan
from reconnect_gui.ui.countdown.countdown_pane import CountdownPane
from reconnect_gui.ui.countdown.dialogs import ContactDialog, ReadinessDialog, SlipDialog

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def make_pane(qtbot, controller, clock, **plan) -> CountdownPane:
    save_plan(controller.vault, new_plan(NOW - timedelta(days=12.2), "Europe/Berlin", **plan))
    pane = CountdownPane(controller, now=clock)
    qtbot.add_widget(pane)
    pane.resize(1000, 760)
    pane.show()
    return pane


def test_the_home_screen_speaks_of_the_ex_as_the_person_asked(
    qtbot, unlocked_controller, clock
) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock, ex_name="Sam", ex_pronouns="she/her")
    assert pane.contacted_button.text() == "Sam contacted me…"
    assert pane.contacted_button.accessibleDescription().startswith("Log that she got in touch")
    assert pane.answered_button.text() == "Sam answered"
    assert "she replied" in pane.answered_button.accessibleDescription()
    pane.contacted_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ContactDialog) and dialog.windowTitle() == "Sam contacted me"
    dialog.save_button.click()
    assert pane.history_list.item(0).text().startswith("Sam got in touch")
    pane.slip_button.click()
    slip = pane.dialog
    assert isinstance(slip, SlipDialog)
    assert slip.kind_buttons["checked_profiles"].text() == "I checked her profiles"
    assert slip.initiator_buttons["them"].text() == "Sam did"
    slip.reject()


def test_without_a_name_the_home_screen_says_they(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.contacted_button.text() == "They contacted me…"
    assert pane.answered_button.text() == "They answered"


def test_moving_on_after_the_target_stops_the_nudges(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock, target_days=10)
    assert pane.ring.view.day_text == "Day 12"
    assert pane.ring.accessibleDescription().startswith("Day 12 — target of 10 reached")
    assert pane.readiness_button.isVisible()
    pane.readiness_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ReadinessDialog)
    dialog.moving_on_button.click()
    dialog.close_button.click()
    assert load_plan(unlocked_controller.vault).readiness[-1].outcome == "moving_on"
    assert pane.ring.view.state == "moving_on" and pane.ring.view.state_text == "Moving on"
    assert not pane.readiness_button.isVisible()  # no more pointing towards a message
    assert pane.history_list.item(0).text().startswith("I chose to move on")


def test_moving_on_can_be_undone_from_the_home_screen(qtbot, unlocked_controller, clock) -> None:
    """A choice made by mistake is not a trap: the home screen offers to undo it."""
    pane = make_pane(qtbot, unlocked_controller, clock, target_days=10)
    pane.readiness_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ReadinessDialog)
    dialog.moving_on_button.click()
    dialog.close_button.click()
    assert pane.moving_on_undo.isVisible()
    pane.moving_on_undo_button.click()
    assert load_plan(unlocked_controller.vault).readiness == ()
    assert pane.ring.view.state == "target_reached"
    assert pane.readiness_button.isVisible() and not pane.moving_on_undo.isVisible()
    assert not pane.history_list.item(0).text().startswith("I chose to move on")
