"""The home screen with a real vault (real file, real cryptography, in-memory keyring)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
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
from reconnect_gui.ui.countdown.sos_flow import DONE, SosDialog
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
    rows = [pane.history_list.item(i).text() for i in range(pane.history_list.count())]
    assert rows[-1].startswith("Attempt 1 began")
    assert rows[0].startswith("Day 7 — one week reached")  # milestones are history too
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


# ---- the urge button always works (issue 17) -------------------------------------------


def test_the_urge_flow_opens_while_locked_and_saves_only_after_unlocking(
    qtbot, unlocked_controller, clock
) -> None:
    from reconnect_gui.ui.vault.controller import VaultState
    from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

    start_plan(unlocked_controller, reasons=["I deserve calm"], ex_name="Sam")
    pane = make_pane(qtbot, unlocked_controller, clock)
    unlocked_controller.lock()
    assert pane.locked_urge_button.isVisible()  # the locked page still offers it
    pane.locked_urge_button.click()
    sos = pane.dialog
    assert isinstance(sos, SosDialog) and sos.isVisible() and sos.locked
    assert sos.reason_labels == [] and "I deserve calm" not in texts(sos)
    sos.intensity_buttons[4].click()
    sos.next_button.click()
    sos.letter.setPlainText("held in memory only")
    sos.finish()
    unlock = unlocked_controller.dialog
    assert isinstance(unlock, UnlockDialog) and unlock.isVisible()  # offered at once
    assert sos.isVisible() and sos.letter.toPlainText() == "held in memory only"
    unlock.reject()
    # The vault's files hold none of it (nothing could be encrypted yet).
    folder = unlocked_controller.path.parent
    for file in folder.rglob("*"):
        if file.is_file():
            assert b"held in memory" not in file.read_bytes()

    unlocked_controller.start()  # the keyring opens it again, as typing the passphrase would
    qtbot.wait_until(lambda: unlocked_controller.state == VaultState.UNLOCKED, timeout=20000)
    qtbot.wait_until(lambda: sos.step == DONE)
    vault = unlocked_controller.vault
    letters, _ = vault.records(JOURNAL_ENTRY)
    assert [r.data["body"] for r in letters] == ["held in memory only"]
    urges, _ = load_urges(vault)
    assert [u.intensity for u in urges] == [5]
    assert [label.text() for label in sos.reason_labels] == ["I deserve calm"]


def test_an_urge_flow_opened_while_locked_stays_open_through_lock_changes(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    unlocked_controller.lock()
    pane.open_sos()
    sos = pane.dialog
    sos.next_button.click()
    sos.letter.setPlainText("still here")
    pane.forget()  # what any later state change (checking, locked again) does
    assert sos.isVisible() and sos.letter.toPlainText() == "still here"


def _home_in_default_window(qtbot, controller, clock):
    from reconnect_gui.core.panes import PaneKey
    from reconnect_gui.core.settings import Settings
    from reconnect_gui.system.paths import app_paths
    from reconnect_gui.ui.shell.app_icon import load_app_icon
    from reconnect_gui.ui.shell.main_window import DEFAULT_SIZE, MainWindow

    window = MainWindow(Settings(), app_paths(), load_app_icon())
    qtbot.add_widget(window)
    window.provide_pane(PaneKey.COUNTDOWN, lambda: CountdownPane(controller, now=clock))
    window.resize(DEFAULT_SIZE)
    window.show()
    pane = window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: pane.pages.currentIndex() == HOME_PAGE)
    qtbot.wait(100)  # the layout settles
    return window, pane


def test_the_home_screen_fits_the_default_window_without_scrolling(
    qtbot, unlocked_controller, clock
) -> None:
    from PySide6.QtWidgets import QScrollArea

    start_plan(unlocked_controller)
    window, pane = _home_in_default_window(qtbot, unlocked_controller, clock)
    scroll = pane.pages.widget(HOME_PAGE).findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() == 0
    link = pane.safety_button
    assert link.isVisible() and not link.visibleRegion().isEmpty()
    bottom = link.mapTo(window, link.rect().bottomLeft()).y()
    assert bottom <= window.height()
    # Smaller, it scrolls, but the safety link stays in view.
    window.resize(720, 480)
    qtbot.wait(100)
    assert link.visibleRegion().boundingRect().height() == link.height()


def test_the_urge_button_is_the_one_primary_action(qtbot, unlocked_controller, clock) -> None:
    start_plan(unlocked_controller)
    _window, pane = _home_in_default_window(qtbot, unlocked_controller, clock)
    urge = pane.urge_button
    assert urge.property("primary") is True
    others = [pane.slip_button, pane.contacted_button, pane.logistics_button]
    assert all(not b.property("primary") for b in others)
    assert all(urge.height() > b.height() for b in others)
    assert all(urge.y() < b.y() for b in others)  # first
    assert urge.font().pointSizeF() > pane.slip_button.font().pointSizeF()


# ---- the home screen leads and celebrates (issue 17) -----------------------------------


def test_a_milestone_is_celebrated_once_even_after_a_restart(
    qtbot, unlocked_controller, clock
) -> None:
    from reconnect_gui.storage.milestone_store import load_celebrated

    start_plan(unlocked_controller, days_ago=7.1)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.celebration.isVisible()
    assert pane.celebration_title.text() == "Day 7 — one week"
    assert len(load_celebrated(unlocked_controller.vault)) == 3  # days 1, 3 and 7
    pane.celebration_close.click()
    assert not pane.celebration.isVisible()
    pane.hide()
    pane.show()
    assert not pane.celebration.isVisible()  # once
    # A fresh pane (as after restarting the app) reads what was celebrated from the vault.
    again = make_pane(qtbot, unlocked_controller, clock)
    assert not again.celebration.isVisible()
    clock.moment = NOW + timedelta(days=7)  # day 14
    again.ring.refresh()
    assert again.celebration.isVisible() and "two weeks" in again.celebration_title.text()
    unlocked_controller.lock()
    assert not again.celebration.isVisible() and again.celebration_title.text() == ""


def test_a_milestone_reached_days_before_the_first_start_reads_in_the_past(
    qtbot, unlocked_controller, clock
) -> None:
    """First opened on day 6: the day-3 card tells of it afterwards, not "you are
    through them" as if it were today (issue 17, past targets read in the past)."""
    start_plan(unlocked_controller, days_ago=6.2)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.celebration.isVisible() and pane.celebration_title.text() == "Day 3"
    words = pane.celebration_text.text()
    assert words.startswith("You reached day 3 on ") and "got through them" in words
    assert "you are through them" not in words


def test_a_slip_that_starts_a_new_count_puts_the_old_celebration_away(
    qtbot, unlocked_controller, clock
) -> None:
    """A slip began a new count: 'Day 3, you are through them' beside 'Day 0, just
    started' would read as a taunt; the card belongs to the attempt that ended (issue 17)."""
    start_plan(unlocked_controller, days_ago=3.1)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.celebration.isVisible() and pane.celebration_title.text() == "Day 3"
    pane.slip_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, SlipDialog)
    dialog.kind_buttons["checked_profiles"].click()
    dialog.restart_button.setChecked(True)
    dialog.save_button.click()
    assert not pane.celebration.isVisible()
    assert pane.celebration_title.text() == ""


def test_a_slip_that_keeps_the_count_keeps_the_celebration(
    qtbot, unlocked_controller, clock
) -> None:
    start_plan(unlocked_controller, days_ago=3.1)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.slip_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, SlipDialog)
    dialog.kind_buttons["checked_profiles"].click()
    dialog.keep_button.setChecked(True)
    dialog.save_button.click()
    assert pane.celebration.isVisible() and pane.celebration_title.text() == "Day 3"


def test_one_slip_is_one_row_and_urges_and_milestones_are_in_the_history(
    qtbot, unlocked_controller, clock
) -> None:
    from reconnect_gui.core.countdown.contact_log import new_urge
    from reconnect_gui.storage.countdown_store import add_urge

    start_plan(unlocked_controller, days_ago=13.5)
    add_urge(unlocked_controller.vault, new_urge(NOW - timedelta(days=2), 6, "a photo"))
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.slip_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, SlipDialog)
    before = pane.history_list.count()
    dialog.kind_buttons["reached_out"].click()
    dialog.unanswered.setChecked(True)
    dialog.restart_button.setChecked(True)
    dialog.save_button.click()
    titles = [pane.history_list.item(i).text() for i in range(pane.history_list.count())]
    new_rows = [t for t in titles if "I reached out" in t or "Attempt 2" in t]
    assert len(new_rows) == 1, titles
    assert not any(t.startswith("I sent a message") for t in titles)
    assert pane.history_list.count() == before + 1
    assert any(t.startswith("I felt an urge") and "a photo" in t for t in titles)
    assert any(t.startswith("Day 7 — one week reached") for t in titles)


def test_the_urge_figures_and_the_chart_speak_plainly(qtbot, unlocked_controller, clock) -> None:
    from reconnect_gui.core.countdown.contact_log import new_urge
    from reconnect_gui.storage.countdown_store import add_urge

    start_plan(unlocked_controller, days_ago=14.5)
    add_urge(unlocked_controller.vault, new_urge(NOW - timedelta(days=11), 5))
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.stat_values["last_urge"].text() == "11 days ago"
    assert "urges_per_week" not in pane.stat_values  # "0.3" said nothing
    assert "No urges in the last two weeks" in pane.urge_meaning.text()


def test_milestone_dots_have_labels(qtbot, unlocked_controller, clock) -> None:
    from PySide6.QtCore import QPointF, QRectF

    from reconnect_gui.ui.countdown.ring import mark_angles, mark_point, ring_geometry

    start_plan(unlocked_controller, days_ago=8.2)
    pane = make_pane(qtbot, unlocked_controller, clock)
    ring = pane.ring
    geometry = ring_geometry(QRectF(ring.rect()))
    angle = dict(mark_angles((1, 3, 7, 14, 21, 30), 30))[14]
    assert ring.tooltip_at(mark_point(geometry, angle)) == "Day 14 — two weeks: 6 more days"
    everywhere = ring.tooltip_at(QPointF(2, 2))
    assert "Day 7 — one week: reached" in everywhere and "Day 30 — your target" in everywhere


def test_ctrl_u_in_the_unlock_dialog_opens_the_urge_flow(qtbot, unlocked_controller, clock) -> None:
    # After an idle lock the unlock dialog holds the keyboard; the urge must not wait for it.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    unlocked_controller.lock()
    unlocked_controller.show_unlock("Reconnect locked itself.")
    unlock = unlocked_controller.dialog
    assert isinstance(unlock, UnlockDialog)
    unlock.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is unlock)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(lambda: isinstance(pane.dialog, SosDialog))
    assert pane.dialog.isVisible() and pane.dialog.locked
    assert unlock.secret.text() == ""  # the key went to the shortcut, not the field


def test_saving_the_check_in_keeps_the_keyboard_in_the_check_in(
    qtbot, unlocked_controller, clock
) -> None:
    """Return in the check-in's line saves it; the keyboard stays on the card, on its
    thanks, instead of jumping to the History list (issue 17). Tab goes on from there."""
    from PySide6.QtWidgets import QApplication

    from reconnect_gui.ui.countdown.check_in import THANKS

    start_plan(unlocked_controller)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.activateWindow()
    qtbot.waitActive(pane)
    card = pane.check_in
    card.line.setFocus()
    qtbot.wait_until(lambda: card.line.hasFocus())
    qtbot.keyClicks(card.line, "A quieter day")
    with qtbot.wait_signal(card.saved):
        qtbot.keyClick(card.line, Qt.Key.Key_Return)
    qtbot.wait(50)  # any focus move Qt queues has happened
    focused = QApplication.focusWidget()
    assert focused is card.thanks, f"the keyboard went to {focused!r}"
    assert card.thanks.isVisible() and card.thanks.text() == THANKS
    assert not pane.history_list.hasFocus()
    assert card.thanks.accessibleName().startswith(THANKS)  # a screen reader says it
