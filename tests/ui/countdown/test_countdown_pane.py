"""The home screen with a real vault (real file, real cryptography, in-memory keyring)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QBoxLayout, QLabel

from helpers.clock import Clock
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.storage.countdown_store import (
    load_contacts,
    load_plan,
    load_urges,
    save_plan,
)
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.ui.countdown.countdown_pane import (
    HOME_PAGE,
    NARROW_RING_MAX,
    PROBLEM_PAGE,
    WIZARD_PAGE,
    CountdownPane,
)
from reconnect_gui.ui.countdown.dialogs import ContactDialog, ReadinessDialog, SlipDialog
from reconnect_gui.ui.countdown.sos_flow import SosDialog
from reconnect_gui.ui.vault.bound_pane import STATE_PAGE

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def start_plan(controller, days_ago: float = 12.2, **kwargs):
    plan = new_plan(NOW - timedelta(days=days_ago), "Europe/Berlin", **kwargs)
    save_plan(controller.vault, plan)
    return plan


def make_pane(qtbot, controller, clock: Clock) -> CountdownPane:
    pane = CountdownPane(controller, now=clock)
    qtbot.add_widget(pane)
    pane.resize(1000, 760)
    pane.show()
    return pane


def texts(pane: CountdownPane) -> str:
    return " ".join(label.text() for label in pane.findChildren(QLabel) if label.isVisible())


def test_first_run_walks_through_the_wizard_and_keeps_the_plan(
    qtbot, unlocked_controller, clock
) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.pages.currentIndex() == WIZARD_PAGE
    wizard = pane.wizard
    wizard.go_next()  # welcome
    wizard.start.set_value(NOW - timedelta(days=3))
    wizard.target.set_value(45)
    wizard.go_next()
    wizard.person.set_value("Sam", "they/them")
    wizard.go_next()
    wizard.reasons.set_value(["I want to feel steady on my own"])
    with qtbot.wait_signal(pane.saved, timeout=1000):  # the tray and reminders re-read
        wizard.go_next()  # "Start my countdown"
    assert pane.pages.currentIndex() == HOME_PAGE and pane.wizard is None
    stored = load_plan(unlocked_controller.vault)
    assert stored.target_days == 45 and stored.ex_name == "Sam"
    assert stored.reasons == ("I want to feel steady on my own",)
    assert pane.ring.view.day_text == "Day 3 of 45"


def test_the_home_screen_shows_the_day_streaks_and_history(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.pages.currentIndex() == HOME_PAGE
    assert pane.ring.view.day_text == "Day 12 of 30"
    assert "Day 12 of 30" in pane.ring.accessibleDescription()
    assert pane.stat_values["current_streak"].text() == "12 days"
    assert pane.history_list.item(0).text().startswith("Attempt 1 began")
    assert not pane.readiness_button.isVisible() and not pane.wait_banner.isVisible()


def test_a_clock_change_moves_the_ring_and_the_stats(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    clock.moment = NOW + timedelta(days=3)
    pane.hide()
    pane.show()  # coming back to the pane shows the present
    assert pane.ring.view.day_text == "Day 15 of 30"
    assert pane.stat_values["current_streak"].text() == "15 days"
    clock.moment = NOW - timedelta(days=30)  # set far back: never negative, never a crash
    pane.hide()
    pane.show()
    assert pane.ring.view.day == 0 and pane.stat_values["current_streak"].text() == "0 days"


def test_a_day_turning_while_the_pane_is_open_updates_the_streaks(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller, days_ago=29.99)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert not pane.readiness_button.isVisible()
    clock.moment = NOW + timedelta(hours=1)
    pane.ring.refresh()  # what the ring's own timer does when the minute turns
    assert pane.stat_values["current_streak"].text() == "30 days"
    assert pane.readiness_button.isVisible()


def test_locking_clears_every_widget(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller, reasons=["a private reason"])
    pane = make_pane(qtbot, unlocked_controller, clock)
    unlocked_controller.lock()
    assert pane.pages.currentIndex() == STATE_PAGE
    assert pane.plan is None and pane.ring.view is None
    assert pane.history_list.count() == 0
    assert all(not value.text() for value in pane.stat_values.values())
    assert "Locked" in texts(pane)


def test_the_sos_flow_writes_an_unsent_letter_and_an_urge(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller, reasons=["I deserve calm"])
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.urge_button.click()
    sos = pane.dialog
    assert isinstance(sos, SosDialog)
    sos.intensity_buttons[6].click()  # 7 out of 10
    sos.next_button.click()
    sos.letter.setPlainText("everything I must not send")
    sos.next_button.click()
    sos.trigger.setText("our song")
    sos.instead.setText("went for a walk")
    sos.finish()
    vault = unlocked_controller.vault
    letters, _ = vault.records(JOURNAL_ENTRY)
    assert [(r.data["type"], r.data["body"]) for r in letters] == [
        ("unsent_letter", "everything I must not send")
    ]
    urges, _ = load_urges(vault)
    assert [(u.intensity, u.trigger, u.at) for u in urges] == [(7, "our song", NOW)]
    assert pane.urge_chart.accessibleDescription()  # the chart now has a week with an urge


def test_locking_during_the_sos_flow_keeps_the_letter(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.urge_button.click()
    sos = pane.dialog
    sos.next_button.click()
    sos.letter.setPlainText("half a thought")
    unlocked_controller.lock()
    qtbot.wait_until(lambda: not sos.isVisible())
    assert pane.dialog is None
    # The letter reached the vault before it closed (read back on the next unlock below).
    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == "unlocked", timeout=20000)
    letters, _ = unlocked_controller.vault.records(JOURNAL_ENTRY)
    assert [r.data["body"] for r in letters] == ["half a thought"]


def test_a_slip_with_restart_starts_a_new_attempt_and_the_wait(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.slip_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, SlipDialog)
    dialog.kind_buttons["reached_out"].click()
    dialog.unanswered.setChecked(True)
    dialog.restart_button.setChecked(True)
    dialog.save_button.click()
    plan = load_plan(unlocked_controller.vault)
    assert len(plan.attempts) == 2 and plan.slips[0].kind == "reached_out"
    assert pane.ring.view.day == 0 and pane.stat_values["longest_streak"].text() == "12 days"
    assert pane.wait_banner.isVisible()
    assert pane.ring.view.state == "waiting_for_reply"
    pane.answered_button.click()
    assert not pane.wait_banner.isVisible()
    (contact,), _ = load_contacts(unlocked_controller.vault)
    assert contact.kind == "sent_unanswered" and contact.answered_at == NOW


def test_they_contacted_me_is_logged_and_is_not_a_slip(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.contacted_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ContactDialog)
    dialog.note.setPlainText("a birthday message")
    dialog.save_button.click()
    (contact,), _ = load_contacts(unlocked_controller.vault)
    assert contact.kind == "they_contacted" and contact.note == "a birthday message"
    assert load_plan(unlocked_controller.vault).slips == ()
    assert pane.ring.view.day == 12
    assert pane.history_list.item(0).text().startswith("They got in touch")


def test_the_readiness_check_appears_at_the_target_and_can_extend_it(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller, days_ago=31)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.readiness_button.isVisible()
    pane.readiness_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ReadinessDialog)
    next(iter(dialog.answer_groups.values()))[0].click()  # one "too soon" yes
    dialog.result_button.click()
    dialog.extend_button.click()
    plan = load_plan(unlocked_controller.vault)
    assert plan.target_days == 44 and plan.readiness[-1].outcome == "not_yet"
    assert pane.ring.view.day_text == "Day 31 of 44" and not pane.readiness_button.isVisible()


def test_a_damaged_countdown_record_is_explained_and_left_alone(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller)
    path = unlocked_controller.path
    unlocked_controller.lock()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE records SET ciphertext = zeroblob(64) WHERE id = 'countdown'")
    before = path.read_bytes()
    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == "unlocked", timeout=20000)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.pages.currentIndex() == PROBLEM_PAGE
    assert "damaged" in texts(pane) and "Nothing was changed" in texts(pane)
    assert path.read_bytes() == before


def test_one_dialog_at_a_time(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.slip_button.click()
    first = pane.dialog
    pane.slip_button.click()
    assert pane.dialog is first and first.isVisible()


def test_a_narrow_window_stacks_the_home_screen_in_one_column(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.middle.direction() == QBoxLayout.Direction.LeftToRight
    pane.resize(500, 700)
    qtbot.wait_until(lambda: pane.middle.direction() == QBoxLayout.Direction.TopToBottom)
    assert pane.ring.maximumWidth() == NARROW_RING_MAX
    pane.resize(1000, 700)
    qtbot.wait_until(lambda: pane.middle.direction() == QBoxLayout.Direction.LeftToRight)
