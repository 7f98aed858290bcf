"""The tray icon's menu and what it shows (offscreen: the icon itself needs no tray host
to be built and driven; tests/e2e/test_tray_desktop.py shows it on a real one)."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon

from reconnect_gui.core.reminders.pause import PAUSE_TOMORROW
from reconnect_gui.ui.tray.app_tray import AppTray


def visible_words(tray: AppTray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]


def test_the_menu_offers_what_the_issue_asks_in_order(qtbot) -> None:
    tray = AppTray()
    assert visible_words(tray) == [
        "Open Reconnect",
        "I feel the urge…",
        "Write in the journal",
        "Pause reminders",
        "Start at login",
        "Quit Reconnect",
    ]
    assert tray.start_at_login_action.isCheckable()
    assert [a.text() for a in tray.pause_menu.actions() if a.isVisible() and a.text()] == [
        "For 1 hour",
        "Until tomorrow",
        "For 1 week",
    ]
    assert tray.icon.contextMenu() is tray.menu


def test_each_action_says_what_was_chosen(qtbot) -> None:
    tray = AppTray()
    for action, signal in (
        (tray.open_action, tray.open_requested),
        (tray.urge_action, tray.urge_requested),
        (tray.journal_action, tray.journal_requested),
        (tray.quit_action, tray.quit_requested),
    ):
        with qtbot.wait_signal(signal, timeout=500):
            action.trigger()
    with qtbot.wait_signal(tray.pause_requested, timeout=500) as paused:
        tray.pause_actions[PAUSE_TOMORROW].trigger()
    assert paused.args == [PAUSE_TOMORROW]
    with qtbot.wait_signal(tray.start_at_login_toggled, timeout=500) as toggled:
        tray.start_at_login_action.trigger()
    assert toggled.args == [True]


def test_a_left_click_opens_the_window(qtbot) -> None:
    tray = AppTray()
    with qtbot.wait_signal(tray.open_requested, timeout=500):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assert_not_emitted(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_day_locked_and_paused_states(qtbot) -> None:
    tray = AppTray()
    assert "locked" in tray.icon.toolTip().lower()
    tray.show_day(12, 30)
    assert tray.icon.toolTip() == "Day 12 of 30 without contact"
    assert not tray.icon.icon().isNull()
    tray.show_locked()
    assert "locked" in tray.icon.toolTip().lower()
    assert not tray.resume_action.isVisible()
    tray.set_paused("until 08:00 tomorrow")
    assert tray.pause_menu.title() == "Reminders paused"
    assert tray.resume_action.isVisible()
    assert tray.paused_note.text() == "Paused until 08:00 tomorrow"
    tray.set_paused(None)
    assert tray.pause_menu.title() == "Pause reminders" and not tray.resume_action.isVisible()


def test_showing_the_systems_start_at_login_state_does_not_echo(qtbot) -> None:
    tray = AppTray()
    with qtbot.assert_not_emitted(tray.start_at_login_toggled):
        tray.set_start_at_login(True)
    assert tray.start_at_login_action.isChecked()


def test_one_menu_is_kept_and_reused(qtbot) -> None:
    tray = AppTray()
    menu = tray.menu
    tray.show_day(3, 30)
    tray.set_paused("until 15:00")
    tray.show_locked()
    assert tray.icon.contextMenu() is menu
