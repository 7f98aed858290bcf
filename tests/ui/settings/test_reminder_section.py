"""Settings → Reminders: each control changes its own field of ReminderPrefs, pausing and
resuming follow the injected clock and zone, and start-at-login speaks through signals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from helpers.clock import Clock
from reconnect_gui.core.reminders.pause import PAUSE_HOUR, PAUSE_TOMORROW, PAUSE_WEEK
from reconnect_gui.core.reminders.schedule import ReminderPrefs
from reconnect_gui.ui.settings.reminder_section import (
    LOGIN_NOTE_NO_TRAY,
    LOGIN_NOTE_TRAY,
    NO_TRAY_NOTE,
    ReminderSection,
)

BERLIN = "Europe/Berlin"
# Wednesday 20 November 2024, 21:00 in Berlin (CET, UTC+1).
NOW = datetime(2024, 11, 20, 20, 0, tzinfo=UTC)


def make_section(
    qtbot,
    prefs: ReminderPrefs | None = None,
    *,
    tray: bool = True,
    login: bool = False,
    clock: Clock | None = None,
) -> ReminderSection:
    section = ReminderSection(
        prefs or ReminderPrefs(),
        tray_available=tray,
        start_at_login=login,
        now=clock or Clock(NOW),
        zone=BERLIN,
    )
    qtbot.add_widget(section)
    section.show()
    return section


def click(qtbot, widget) -> None:
    # Near the left edge: a check box answers only on its box and text, not the whole row.
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))


def emitted(qtbot, section: ReminderSection, change) -> ReminderPrefs:
    with qtbot.wait_signal(section.prefs_changed, timeout=1000) as signal:
        change()
    return signal.args[0]


def test_it_shows_the_prefs_it_was_given(qtbot) -> None:
    prefs = ReminderPrefs(
        check_in=time(7, 45), waits=False, quiet_start=time(23, 30), quiet_end=time(6, 15)
    )
    section = make_section(qtbot, prefs)
    assert section.title() == "Reminders"
    assert section.enabled_box.isChecked()
    assert section.check_in_box.isChecked()
    assert section.check_in_time.time() == QTime(7, 45)
    assert section.milestones_box.isChecked()
    assert not section.waits_box.isChecked()
    assert section.drafts_box.isChecked()
    assert section.quiet_box.isChecked()
    assert section.quiet_start.time() == QTime(23, 30)
    assert section.quiet_end.time() == QTime(6, 15)
    assert section.check_in_time.displayFormat() == "HH:mm"
    assert section.pause_button.isVisible()
    assert not section.resume_button.isVisible()


@pytest.mark.parametrize(
    ("box", "field"),
    [
        ("milestones_box", "milestones"),
        ("waits_box", "waits"),
        ("drafts_box", "drafts"),
        ("enabled_box", "enabled"),
    ],
)
def test_each_switch_changes_only_its_own_field(qtbot, box: str, field: str) -> None:
    start = ReminderPrefs()
    section = make_section(qtbot, start)
    off = emitted(qtbot, section, lambda: click(qtbot, getattr(section, box)))
    assert off == replace(start, **{field: False})
    on = emitted(qtbot, section, lambda: click(qtbot, getattr(section, box)))
    assert on == start


def test_the_daily_check_in_time_and_switch(qtbot) -> None:
    start = ReminderPrefs()
    section = make_section(qtbot, start)
    moved = emitted(qtbot, section, lambda: section.check_in_time.setTime(QTime(9, 30)))
    assert moved == replace(start, check_in=time(9, 30))
    unticked = emitted(qtbot, section, lambda: click(qtbot, section.check_in_box))
    assert unticked == replace(start, check_in=None)
    assert not section.check_in_time.isEnabled()
    # Ticking it again brings back the time still shown in the (greyed) editor.
    ticked = emitted(qtbot, section, lambda: click(qtbot, section.check_in_box))
    assert ticked == replace(start, check_in=time(9, 30))
    assert section.check_in_time.isEnabled()


def test_a_time_typed_with_the_keyboard_is_saved(qtbot) -> None:
    section = make_section(qtbot, ReminderPrefs(check_in=time(20, 0)))
    edit = section.check_in_time
    edit.setFocus()
    edit.setCurrentSection(edit.Section.HourSection)
    with qtbot.wait_signal(section.prefs_changed) as signal:
        qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert signal.args[0].check_in == time(21, 0)


def test_quiet_hours(qtbot) -> None:
    start = ReminderPrefs()
    section = make_section(qtbot, start)
    later = emitted(qtbot, section, lambda: section.quiet_end.setTime(QTime(9, 0)))
    assert later == replace(start, quiet_end=time(9, 0))
    earlier = emitted(qtbot, section, lambda: section.quiet_start.setTime(QTime(21, 0)))
    assert earlier == replace(start, quiet_start=time(21, 0), quiet_end=time(9, 0))
    assert "wait until they end" in section.quiet_note.text()
    none = emitted(qtbot, section, lambda: click(qtbot, section.quiet_box))
    assert none == replace(start, quiet_start=None, quiet_end=None)
    assert not section.quiet_start.isEnabled() and not section.quiet_end.isEnabled()
    back = emitted(qtbot, section, lambda: click(qtbot, section.quiet_box))
    assert back == replace(start, quiet_start=time(21, 0), quiet_end=time(9, 0))


def test_the_same_time_at_both_ends_is_explained(qtbot) -> None:
    section = make_section(qtbot)
    emitted(qtbot, section, lambda: section.quiet_end.setTime(QTime(22, 0)))
    assert "no quiet hours" in section.quiet_note.text()


def test_turning_reminders_off_greys_out_but_hides_nothing(qtbot) -> None:
    section = make_section(qtbot, ReminderPrefs(enabled=False))
    assert section.enabled_box.isEnabled()
    for control in (
        section.check_in_box,
        section.check_in_time,
        section.milestones_box,
        section.waits_box,
        section.drafts_box,
        section.quiet_box,
        section.quiet_start,
        section.pause_button,
    ):
        assert control.isVisible()
        assert not control.isEnabled()
    assert section.login_box.isEnabled()  # starting at login is about the app itself
    emitted(qtbot, section, lambda: click(qtbot, section.enabled_box))
    assert section.milestones_box.isEnabled()
    assert section.pause_button.isEnabled()


def test_set_prefs_shows_without_emitting(qtbot) -> None:
    section = make_section(qtbot)
    outside = ReminderPrefs(
        enabled=False,
        check_in=None,
        milestones=False,
        quiet_start=time(1, 0),
        quiet_end=time(5, 0),
        paused_until=NOW + timedelta(hours=1),
    )
    with qtbot.assert_not_emitted(section.prefs_changed):
        section.set_prefs(outside)
    assert not section.enabled_box.isChecked()
    assert not section.check_in_box.isChecked()
    assert not section.milestones_box.isChecked()
    assert section.quiet_start.time() == QTime(1, 0)
    assert section.paused_label.text() == "Paused until 22:00"
    assert section.prefs() == outside
    # The next change builds on what was set, not on the first prefs.
    changed = emitted(qtbot, section, lambda: click(qtbot, section.enabled_box))
    assert changed == replace(outside, enabled=True)


@pytest.mark.parametrize(
    ("choice", "until", "words"),
    [
        (PAUSE_HOUR, NOW + timedelta(hours=1), "Paused until 22:00"),
        # Tomorrow morning on the Berlin clock: quiet hours end at 08:00 there (07:00 UTC).
        (PAUSE_TOMORROW, datetime(2024, 11, 21, 7, 0, tzinfo=UTC), "Paused until 08:00 tomorrow"),
        (PAUSE_WEEK, NOW + timedelta(days=7), "Paused until Wednesday 27 November"),
    ],
)
def test_pausing(qtbot, choice: str, until: datetime, words: str) -> None:
    start = ReminderPrefs()
    section = make_section(qtbot, start)
    paused = emitted(qtbot, section, section.pause_actions[choice].trigger)
    assert paused == replace(start, paused_until=until)
    assert section.paused_label.text() == words
    assert section.resume_button.isVisible()
    assert not section.pause_button.isVisible()


def test_until_tomorrow_means_when_the_quiet_hours_end(qtbot) -> None:
    start = ReminderPrefs(quiet_start=time(23, 0), quiet_end=time(9, 30))
    section = make_section(qtbot, start)
    paused = emitted(qtbot, section, section.pause_actions[PAUSE_TOMORROW].trigger)
    assert paused.paused_until == datetime(2024, 11, 21, 8, 30, tzinfo=UTC)  # 09:30 Berlin
    assert section.paused_label.text() == "Paused until 09:30 tomorrow"


def test_the_pause_menu_lists_the_three_choices(qtbot) -> None:
    section = make_section(qtbot)
    assert [a.text() for a in section.pause_menu.actions()] == [
        "For 1 hour",
        "Until tomorrow",
        "For 1 week",
    ]
    assert section.pause_button.menu() is section.pause_menu


def test_resume_now_ends_the_pause_at_this_moment(qtbot) -> None:
    clock = Clock(NOW)
    start = ReminderPrefs(paused_until=NOW + timedelta(days=2))
    section = make_section(qtbot, start, clock=clock)
    assert section.paused_label.text() == "Paused until Friday 22 November"
    clock.moment = NOW + timedelta(minutes=5)
    resumed = emitted(qtbot, section, lambda: click(qtbot, section.resume_button))
    # Now, not None: core then shows what the pause held back at once.
    assert resumed == replace(start, paused_until=NOW + timedelta(minutes=5))
    assert section.pause_button.isVisible()
    assert not section.resume_button.isVisible()
    assert not section.paused_label.isVisible()


def test_a_pause_in_the_past_counts_as_not_paused(qtbot) -> None:
    section = make_section(qtbot, ReminderPrefs(paused_until=NOW - timedelta(minutes=1)))
    assert section.paused_until() is None
    assert section.pause_button.isVisible()
    assert not section.resume_button.isVisible()


def test_the_pause_line_goes_away_when_the_pause_ends(qtbot) -> None:
    clock = Clock(NOW)
    section = make_section(qtbot, ReminderPrefs(paused_until=NOW + timedelta(hours=1)), clock=clock)
    assert section.resume_button.isVisible()
    assert section._pause_timer.isActive()  # aimed at the pause's end, nothing busier
    clock.moment = NOW + timedelta(hours=1, seconds=1)
    section._pause_timer.timeout.emit()  # what the timer does when that moment comes
    assert section.pause_button.isVisible()
    assert not section.resume_button.isVisible()
    assert not section._pause_timer.isActive()


def test_tomorrow_becomes_today_after_midnight(qtbot) -> None:
    clock = Clock(NOW)
    until = datetime(2024, 11, 21, 7, 0, tzinfo=UTC)
    section = make_section(qtbot, ReminderPrefs(paused_until=until), clock=clock)
    assert section.paused_label.text() == "Paused until 08:00 tomorrow"
    clock.moment = datetime(2024, 11, 20, 23, 30, tzinfo=UTC)  # 00:30 in Berlin
    section.hide()
    section.show()  # coming back to Settings reads the clock again
    assert section.paused_label.text() == "Paused until 08:00"


def test_start_at_login_toggles_emit_and_set_does_not(qtbot) -> None:
    section = make_section(qtbot, login=False)
    with qtbot.wait_signal(section.start_at_login_toggled) as signal:
        click(qtbot, section.login_box)
    assert signal.args == [True]
    with qtbot.assert_not_emitted(section.start_at_login_toggled):
        section.set_start_at_login(False)
    assert not section.login_box.isChecked()
    with qtbot.assert_not_emitted(section.prefs_changed):
        click(qtbot, section.login_box)


def test_a_start_at_login_error_shows_until_the_next_try(qtbot) -> None:
    section = make_section(qtbot, login=False)
    assert not section.login_error.isVisible()
    message = "Reconnect could not change its login entry. Nothing else has changed."
    section.show_start_at_login_error(message)
    assert section.login_error.isVisible()
    assert section.login_error.text() == message
    click(qtbot, section.login_box)
    assert not section.login_error.isVisible()


def test_the_no_tray_note_shows_only_without_a_tray(qtbot) -> None:
    with_tray = make_section(qtbot, tray=True)
    assert not with_tray.no_tray_note.isVisible()
    assert "tray" in with_tray.login_box.accessibleDescription()
    without = make_section(qtbot, tray=False)
    assert without.no_tray_note.isVisible()
    assert without.no_tray_note.text() == NO_TRAY_NOTE
    assert "AppIndicator" in NO_TRAY_NOTE and "closing the window quits" in NO_TRAY_NOTE
    assert "tray" not in without.login_box.accessibleDescription()


def test_every_control_has_an_accessible_name(qtbot) -> None:
    section = make_section(qtbot, ReminderPrefs(paused_until=NOW + timedelta(hours=1)))
    controls = (
        section.enabled_box,
        section.check_in_box,
        section.check_in_time,
        section.milestones_box,
        section.waits_box,
        section.drafts_box,
        section.quiet_box,
        section.quiet_start,
        section.quiet_end,
        section.pause_button,
        section.resume_button,
        section.login_box,
    )
    for control in controls:
        assert control.accessibleName()
        assert control.accessibleDescription()


def test_tab_walks_the_controls_in_reading_order(qtbot) -> None:
    section = make_section(qtbot)
    section.activateWindow()
    qtbot.wait_until(section.isActiveWindow)
    expected = [
        section.enabled_box,
        section.check_in_box,
        section.check_in_time,
        section.milestones_box,
        section.waits_box,
        section.drafts_box,
        section.quiet_box,
        section.quiet_start,
        section.quiet_end,
        section.pause_button,
        section.login_box,  # the hidden "Resume now" is skipped
    ]
    section.enabled_box.setFocus()
    walked = []
    for _ in range(len(expected) + 4):  # Tab also steps from hours to minutes in a time
        focused = QApplication.focusWidget()
        # A time editor's focus rests in its inner line edit.
        widget = focused.parentWidget() if isinstance(focused, QLineEdit) else focused
        if not walked or walked[-1] is not widget:
            walked.append(widget)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert walked[: len(expected)] == expected


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the menu
def test_pausing_with_the_keyboard_alone(qtbot) -> None:
    section = make_section(qtbot)
    section.activateWindow()
    qtbot.wait_until(section.isActiveWindow)
    section.pause_button.setFocus()

    def choose_in_menu() -> None:
        # The menu runs its own event loop while open: answer it from inside.
        qtbot.wait_until(section.pause_menu.isVisible)
        qtbot.keyClick(section.pause_menu, Qt.Key.Key_Down)
        qtbot.keyClick(section.pause_menu, Qt.Key.Key_Down)
        qtbot.keyClick(section.pause_menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_in_menu)
    with qtbot.wait_signal(section.prefs_changed) as signal:
        qtbot.keyClick(section.pause_button, Qt.Key.Key_Space)
    assert signal.args[0].paused_until == datetime(2024, 11, 21, 7, 0, tzinfo=UTC)
    # The focus stays in the row (the window's focus widget: offscreen Qt may not give the
    # window back its activation after the menu closes).
    qtbot.wait_until(lambda: section.focusWidget() is section.resume_button)
    qtbot.keyClick(section.resume_button, Qt.Key.Key_Space)
    assert section.pause_button.isVisible()
    assert section.focusWidget() is section.pause_button


def test_a_tray_that_comes_later_changes_what_the_section_says(qtbot) -> None:
    """At login the panel's tray can appear after Settings was built (issue 18): the
    section stops saying reminders need the window open, and start at login says tray."""
    section = make_section(qtbot, tray=False)
    assert section.no_tray_note.isVisible()
    assert section.login_note.text() == LOGIN_NOTE_NO_TRAY
    section.set_tray_available(True)
    assert not section.no_tray_note.isVisible()
    assert section.login_note.text() == LOGIN_NOTE_TRAY
    assert section.login_box.accessibleDescription() == LOGIN_NOTE_TRAY
