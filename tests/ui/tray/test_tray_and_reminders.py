"""Reminders and the tray wired to a real window and a real vault (offscreen)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from helpers.clock import Clock
from helpers.pages import JournalPage
from helpers.session_bus import dunstctl
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.reminders.pause import PAUSE_HOUR
from reconnect_gui.core.reminders.schedule import ReminderPrefs
from reconnect_gui.core.settings import Settings
from reconnect_gui.storage import countdown_store
from reconnect_gui.system.autostart import XdgAutostart
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.countdown.countdown_pane import CountdownPane
from reconnect_gui.ui.countdown.sos_flow import SosDialog
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.shell.main_window import MainWindow
from reconnect_gui.ui.tray.tray_and_reminders import HIDDEN_TITLE, TrayAndReminders

NOW = datetime(2026, 11, 22, 11, 0, tzinfo=UTC)
# The offscreen platform has no tray host and cannot raise windows; Qt says so.
pytestmark = [
    pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise"),
]


class Harness:
    """The window, the session, and the settings the app would keep."""

    def __init__(
        self, qtbot, controller, tmp_path, clock: Clock, *, use_tray: bool | None, **options
    ) -> None:
        self.clock = clock  # the test's one clock, which the vault reads too
        self.controller = controller
        self.prefs = ReminderPrefs(check_in=None, quiet_start=None, quiet_end=None)
        self.notice_shown = False
        self.session: TrayAndReminders | None = None
        self.window = MainWindow(
            Settings(),
            app_paths(),
            load_app_icon(),
            can_hide_to_tray=lambda: self.session is not None and self.session.has_tray,
        )
        qtbot.add_widget(self.window)
        self.window.provide_pane(PaneKey.COUNTDOWN, self._countdown_pane)
        self.autostart = XdgAutostart(tmp_path / "autostart")
        self.session = TrayAndReminders(
            self.window,
            controller,
            lambda: self.prefs,
            self.save_prefs,
            notice_shown=lambda: self.notice_shown,
            remember_notice=self.remember_notice,
            use_tray=use_tray,
            autostart=self.autostart,
            now=self.clock,
            **options,
        )
        self.window.show()

    # The panes' answers to the window's requests, wired as app.py wires them.
    def _countdown_pane(self) -> CountdownPane:
        pane = CountdownPane(self.controller, now=self.clock)
        self.window.urge_requested.connect(pane.open_sos)
        self.window.check_in_requested.connect(pane.check_in.open)
        return pane

    def journal_pane(self, pane):
        self.window.journal_entry_requested.connect(pane.new_entry_when_read)
        return pane

    def save_prefs(self, prefs: ReminderPrefs) -> None:
        self.prefs = prefs

    def remember_notice(self) -> None:
        self.notice_shown = True


@pytest.fixture
def with_plan(unlocked_controller):
    start = NOW - timedelta(days=12, hours=2)
    plan = new_plan(start, "Europe/Berlin", 30)
    countdown_store.save_plan(unlocked_controller.vault, plan)
    return unlocked_controller


@pytest.fixture(autouse=True)
def keep_quit_on_close():
    yield
    QApplication.instance().setQuitOnLastWindowClosed(True)


def test_the_tray_shows_the_day_and_locked(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.session.refresh()
    assert app.session.tray.icon.toolTip() == "Day 12 of 30 without contact"
    assert not QApplication.instance().quitOnLastWindowClosed()
    with_plan.lock()
    assert "locked" in app.session.tray.icon.toolTip().lower()


def test_closing_hides_to_the_tray_with_one_notice(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    notices = []
    app.session.tray.notify = lambda title, message: notices.append(title)
    app.window.close()
    assert not app.window.isVisible()
    assert notices == [HIDDEN_TITLE] and app.notice_shown
    app.window.show()
    app.window.close()
    assert not app.window.isVisible()
    assert notices == [HIDDEN_TITLE]  # said once, ever


def test_the_urge_action_opens_the_sos_flow(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.window.hide()
    app.session.tray.urge_action.trigger()
    assert app.window.isVisible()
    assert app.window.current_pane_key() == "countdown"
    pane = app.window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: isinstance(pane.dialog, SosDialog))
    pane.dialog.reject()


def test_the_journal_action_starts_a_new_entry(qtbot, with_plan, tmp_path, clock) -> None:
    from reconnect_gui.ui.journal.journal_pane import JournalPane

    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.window.provide_pane(
        PaneKey.JOURNAL, lambda: app.journal_pane(JournalPane(with_plan, now=app.clock))
    )
    app.session.tray.journal_action.trigger()
    assert app.window.current_pane_key() == "journal"
    pane = JournalPage(app.window.pane(PaneKey.JOURNAL))
    qtbot.wait_until(lambda: pane.loaded)
    qtbot.wait_until(lambda: pane.editor.isVisible() and pane.editor.body.toPlainText() == "")


def test_pause_and_resume_from_the_tray(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    with qtbot.wait_signal(app.session.prefs_changed):
        app.session.tray.pause_actions[PAUSE_HOUR].trigger()
    assert app.prefs.paused_until == NOW + timedelta(hours=1)
    assert app.session.tray.resume_action.isVisible()
    assert app.session.tray.paused_note.text().startswith("Paused until ")
    app.clock.moment = NOW + timedelta(minutes=10)
    app.session.tray.resume_action.trigger()
    assert app.prefs.paused_until == app.clock.moment  # held reminders show at once
    assert not app.session.tray.resume_action.isVisible()


def test_start_at_login_writes_and_removes_the_autostart_file(qtbot, with_plan, tmp_path, clock):
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.session.tray.start_at_login_action.trigger()
    assert app.autostart.is_enabled()
    assert "--tray" in app.autostart.file.read_text()
    assert app.session.tray.start_at_login_action.isChecked()
    app.session.tray.start_at_login_action.trigger()
    assert not app.autostart.is_enabled() and not app.autostart.file.exists()


def test_without_a_tray_a_reminder_shows_in_the_window(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=False)
    assert app.session.tray is None and not app.session.has_tray
    app.prefs = replace(app.prefs, check_in=time(13, 0))
    app.window.show_pane(PaneKey.SETTINGS)
    app.session.refresh()
    app.clock.moment = NOW + timedelta(hours=2, minutes=1)  # past 13:00, UTC or Berlin
    app.session.timer.timer.timeout.emit()
    notice = app.session.notice
    assert isinstance(notice, QMessageBox) and notice.isVisible()
    assert notice.text() == "Day 12"
    assert notice.informativeText() == "How are you feeling today?"
    notice.button(QMessageBox.StandardButton.Open).click()
    assert app.window.current_pane_key() == "countdown"
    # No tray: closing the window closes it (the app then quits).
    assert app.window.close() is True


def test_without_a_tray_a_milestone_is_celebrated_once_on_the_home_screen(
    qtbot, with_plan, tmp_path, clock
) -> None:
    """No tray: the home screen's card celebrates the day; a window notice saying the same
    beside it (or later, over the card) would make one moment two (issue 17)."""
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=False)
    app.prefs = replace(app.prefs, milestones=True)
    app.window.show_pane(PaneKey.SETTINGS)  # away from home when the day comes
    app.session.refresh()
    app.clock.moment = NOW + timedelta(days=2)  # day 14 arrives
    app.session.timer.timer.timeout.emit()
    assert app.session.notice is None or not app.session.notice.isVisible()
    app.window.show_pane(PaneKey.COUNTDOWN)
    pane = app.window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: pane.celebration.isVisible())
    assert "14" in pane.celebration_title.text()
    assert app.session.notice is None or not app.session.notice.isVisible()


def test_a_tray_action_while_locked_asks_to_unlock_then_goes_on(qtbot, with_plan, tmp_path, clock):
    from reconnect_gui.ui.vault.controller import VaultState
    from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.window.vault_action_requested.connect(with_plan.show_unlock)  # as app.py wires it
    requests: list[int] = []
    app.window.journal_entry_requested.connect(lambda: requests.append(1))
    with_plan.lock()
    app.window.hide()
    app.session.tray.journal_action.trigger()
    assert app.window.isVisible()
    assert isinstance(with_plan.dialog, UnlockDialog) and with_plan.dialog.isVisible()
    assert requests == []
    with_plan.dialog.reject()
    with_plan.start()  # the keyring opens it again, as after typing the passphrase
    qtbot.wait_until(lambda: with_plan.state == VaultState.UNLOCKED, timeout=20000)
    qtbot.wait_until(lambda: requests == [1])


def test_the_urge_action_while_locked_opens_the_flow_at_once(
    qtbot, with_plan, tmp_path, clock
) -> None:
    # Issue 17: in a bad moment the tray's "I feel the urge…" asks for no passphrase first.
    from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.window.vault_action_requested.connect(with_plan.show_unlock)  # as app.py wires it
    with_plan.lock()
    app.window.hide()
    app.session.tray.urge_action.trigger()
    assert app.window.isVisible()
    pane = app.window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: isinstance(pane.dialog, SosDialog))
    assert pane.dialog.isVisible() and pane.dialog.locked
    assert not isinstance(with_plan.dialog, UnlockDialog)  # nothing stands in the way
    pane.dialog.reject()


def test_messages_leave_no_pixmaps_behind_while_hidden(
    qtbot, with_plan, tmp_path, clock, monkeypatch
):
    # Qt's pixmap cache wakes every 10 s while it holds anything: hidden in the tray, the
    # app empties it once a message has been drawn.
    from PySide6.QtGui import QPixmap, QPixmapCache

    import reconnect_gui.ui.tray.tray_and_reminders as tray_and_reminders

    monkeypatch.setattr(tray_and_reminders, "NOTIFICATION_MS", 0)
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    app.window.close()  # to the tray, with the one-time note
    QPixmapCache.insert("drawn-by-the-message", QPixmap(8, 8))
    qtbot.wait_until(lambda: QPixmapCache.find("drawn-by-the-message") is None, timeout=3000)


def test_clicking_a_reminder_opens_its_pane(qtbot, with_plan, tmp_path, clock) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    shown = []
    app.session.tray.notify = lambda title, message: shown.append(title)
    app.session.refresh()
    app.window.show_pane(PaneKey.SETTINGS)  # Settings
    app.window.hide()
    app.clock.moment = NOW + timedelta(days=2)  # day 14 arrives
    app.session.timer.timer.timeout.emit()
    assert shown == ["Day 14 — two weeks"]
    app.session.tray.icon.messageClicked.emit()
    assert app.window.isVisible()
    assert app.window.current_pane_key() == "countdown"


def test_a_plan_made_after_unlocking_reaches_the_tray(qtbot, unlocked_controller, tmp_path, clock):
    app = Harness(qtbot, unlocked_controller, tmp_path, clock, use_tray=True)
    assert app.session.tray.icon.toolTip() == "Reconnect"  # unlocked, no countdown yet
    plan = new_plan(NOW - timedelta(days=3, hours=1), "Europe/Berlin", 30)
    countdown_store.save_plan(unlocked_controller.vault, plan)
    app.session.refresh()  # what the countdown pane's `saved` signal triggers
    assert app.session.tray.icon.toolTip() == "Day 3 of 30 without contact"


def test_clicking_the_check_in_reminder_opens_the_check_in(qtbot, with_plan, tmp_path, clock):
    from reconnect_gui.core.countdown.moments import local, local_zone_name

    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    due = NOW + timedelta(hours=1)  # the check-in time, in this computer's zone
    app.prefs = replace(app.prefs, check_in=local(due, local_zone_name()).time())
    shown = []
    app.session.tray.notify = lambda title, message: shown.append((title, message))
    app.session.refresh()
    app.window.show_pane(PaneKey.SETTINGS)
    app.window.hide()
    app.clock.moment = due + timedelta(minutes=1)
    app.session.timer.timer.timeout.emit()
    assert shown == [("Day 12", "How are you feeling today?")]
    app.session.tray.icon.messageClicked.emit()
    assert app.window.isVisible() and app.window.current_pane_key() == "countdown"
    pane = app.window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: pane.check_in.isVisible())
    qtbot.wait_until(lambda: QApplication.focusWidget() is pane.check_in.line)


def test_the_start_at_login_mark_follows_the_desktops_own_settings(
    qtbot, with_plan, tmp_path, clock
) -> None:
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True)
    action = app.session.tray.start_at_login_action
    assert not action.isChecked()
    app.autostart.enable(["reconnect", "--tray"])  # turned on elsewhere, e.g. the desktop
    app.session.tray.menu.aboutToShow.emit()
    assert action.isChecked()
    app.autostart.disable()
    app.session.tray.menu.aboutToShow.emit()
    assert not action.isChecked()


def test_a_tray_that_comes_after_a_tray_start_is_attached(
    qtbot, with_plan, tmp_path, clock, monkeypatch
) -> None:
    """At login the panel's tray often starts after the app: a --tray start keeps looking
    and docks its icon once there is a tray; the window it started minimized goes into it."""
    import reconnect_gui.ui.tray.tray_and_reminders as tray_and_reminders

    monkeypatch.setattr(tray_and_reminders, "TRAY_LOOK_EVERY_MS", 20)
    desktop = {"tray": False}
    app = Harness(
        qtbot,
        with_plan,
        tmp_path,
        clock,
        use_tray=None,
        wait_for_tray=True,
        tray_probe=lambda: desktop["tray"],
    )
    app.window.showMinimized()
    assert app.session.tray is None and not app.session.has_tray
    assert QApplication.instance().quitOnLastWindowClosed()  # no tray: closing quits
    qtbot.wait(100)
    assert app.session.tray is None
    with qtbot.wait_signal(app.session.tray_available_changed, timeout=5000):  # for Settings
        desktop["tray"] = True
    qtbot.wait_until(lambda: app.session.has_tray)
    assert app.session.tray.icon.toolTip() == "Day 12 of 30 without contact"
    assert not QApplication.instance().quitOnLastWindowClosed()
    assert not app.window.isVisible()  # only the icon, as --tray asked
    app.session.tray.open_action.trigger()  # the tray's menu works like any other
    assert app.window.isVisible()


def test_a_window_opened_before_the_tray_came_stays_open(
    qtbot, with_plan, tmp_path, clock, monkeypatch
) -> None:
    import reconnect_gui.ui.tray.tray_and_reminders as tray_and_reminders

    monkeypatch.setattr(tray_and_reminders, "TRAY_LOOK_EVERY_MS", 20)
    desktop = {"tray": False}
    app = Harness(
        qtbot,
        with_plan,
        tmp_path,
        clock,
        use_tray=None,
        wait_for_tray=True,
        tray_probe=lambda: desktop["tray"],
    )
    assert app.window.isVisible() and not app.window.isMinimized()  # they opened it
    desktop["tray"] = True
    qtbot.wait_until(lambda: app.session.has_tray)
    assert app.window.isVisible()


def test_looking_for_a_tray_stops_after_a_while(
    qtbot, with_plan, tmp_path, clock, monkeypatch
) -> None:
    """A desktop without a tray is not asked forever (a timer waking every few seconds
    for the app's whole life would cost battery for nothing)."""
    import reconnect_gui.ui.tray.tray_and_reminders as tray_and_reminders

    monkeypatch.setattr(tray_and_reminders, "TRAY_LOOK_EVERY_MS", 10)
    monkeypatch.setattr(tray_and_reminders, "TRAY_LOOK_FOR_MS", 100)
    asked: list[int] = []
    app = Harness(
        qtbot,
        with_plan,
        tmp_path,
        clock,
        use_tray=None,
        wait_for_tray=True,
        tray_probe=lambda: bool(asked.append(1)),
    )
    qtbot.wait_until(lambda: not app.session.looking_for_tray, timeout=3000)
    count = len(asked)
    assert 2 <= count <= 12
    qtbot.wait(100)
    assert len(asked) == count and app.session.tray is None


def test_the_default_looks_for_a_tray_for_two_and_a_half_minutes() -> None:
    import reconnect_gui.ui.tray.tray_and_reminders as tray_and_reminders

    assert tray_and_reminders.TRAY_LOOK_FOR_MS == 150_000
    assert 2000 <= tray_and_reminders.TRAY_LOOK_EVERY_MS <= 5000


# ---- reminders over D-Bus, with a real notification daemon (dunst) -----------------------


@pytest.fixture(scope="module")
def display():
    from e2e.desktop import xvfb_display

    with xvfb_display() as name:
        yield name


@pytest.fixture
def bare_bus(display):
    """A session bus of the test's own, on which nothing starts on demand."""
    import os

    from helpers.session_bus import session_bus

    with session_bus({**os.environ, "DISPLAY": display}, activation=False) as bus:
        yield bus


@pytest.fixture
def dunst(bare_bus, tmp_path):
    from helpers.repo import require_tool
    from helpers.session_bus import wait_for
    from reconnect_gui.system.notifications import SERVICE

    config = tmp_path / "dunstrc"
    config.write_text("")  # dunst's defaults, never the user's own file
    bare_bus.start(require_tool("dunst"), "-config", str(config))
    wait_for(lambda: bare_bus.has_name(SERVICE), "dunst did not start")
    return bare_bus


def over_dbus(qtbot, with_plan, tmp_path, clock, bus) -> Harness:
    from reconnect_gui.ui.tray.desktop_notifications import DesktopNotifications

    notifications = DesktopNotifications(bus.address)
    app = Harness(qtbot, with_plan, tmp_path, clock, use_tray=True, notifications=notifications)
    qt_messages: list[str] = []
    app.session.tray.notify = lambda title, message: qt_messages.append(title)
    app.qt_messages = qt_messages
    return app


def test_clicking_a_reminder_on_the_desktop_opens_its_pane(
    qtbot, with_plan, tmp_path, clock, dunst
) -> None:
    """SNI desktops (KDE, GNOME with AppIndicator, waybar): Qt's own messages carry no
    action, so a click did nothing; over D-Bus the daemon says ActionInvoked."""
    app = over_dbus(qtbot, with_plan, tmp_path, clock, dunst)
    app.session.refresh()
    app.window.show_pane(PaneKey.SETTINGS)
    app.window.hide()
    app.clock.moment = NOW + timedelta(days=2)  # day 14 arrives
    app.session.timer.timer.timeout.emit()
    qtbot.wait_until(lambda: dunstctl(dunst, "count", "displayed") == "1", timeout=10000)
    assert app.qt_messages == []  # not also through Qt
    # A left click on it; repeated, as dunst may count it shown a moment before it takes
    # actions on it (tests/system/test_notifications.py).
    for _ in range(10):
        dunstctl(dunst, "action", "0")
        with suppress(WaitTimedOut):
            qtbot.wait_until(app.window.isVisible, timeout=1000)
            break
    assert app.window.isVisible()
    assert app.window.current_pane_key() == "countdown"
    if app.session._sent:  # dunst closes it after the action, not always at once
        dunstctl(dunst, "close")
    qtbot.wait_until(lambda: not app.session._sent, timeout=10000)  # closed: forgotten


def test_with_a_tray_and_no_notification_service_reminders_join_in_one_note(
    qtbot, with_plan, tmp_path, clock, bare_bus
) -> None:
    from reconnect_gui.core.countdown.moments import local, local_zone_name

    app = over_dbus(qtbot, with_plan, tmp_path, clock, bare_bus)
    due = NOW + timedelta(days=2, hours=1)  # after day 14 began, with the check-in time
    app.prefs = replace(app.prefs, check_in=local(due, local_zone_name()).time())
    app.session.refresh()
    app.window.hide()  # in the tray
    app.clock.moment = due + timedelta(minutes=1)
    app.session.timer.timer.timeout.emit()
    notice = app.session.notice
    qtbot.wait_until(lambda: notice is None and app.session.notice is not None, timeout=10000)
    notice = app.session.notice
    qtbot.wait_until(lambda: notice.text() == "Two reminders", timeout=10000)
    assert notice.isVisible()
    words = notice.informativeText()
    assert "Day 14 — two weeks" in words and "How are you feeling today?" in words
    assert app.qt_messages == []  # said once, in the note
    notice.button(QMessageBox.StandardButton.Open).click()
    assert app.window.isVisible() and app.window.current_pane_key() == "countdown"


def test_the_hidden_notice_without_a_service_goes_to_the_tray_message(
    qtbot, with_plan, tmp_path, clock, bare_bus
) -> None:
    app = over_dbus(qtbot, with_plan, tmp_path, clock, bare_bus)
    app.window.close()  # to the tray, with the one-time note
    qtbot.wait_until(lambda: app.qt_messages == [HIDDEN_TITLE], timeout=10000)
    assert app.session.notice is None  # not a window note for that


def test_with_a_tray_and_no_notification_service_a_milestone_is_one_moment(
    qtbot, with_plan, tmp_path, clock, bare_bus
) -> None:
    """The window is open on the home screen when day 14 comes, and no service can show
    the desktop notification: the home card celebrates it, and no window note says the
    same over it (issue 17: one warm moment, not two)."""
    app = over_dbus(qtbot, with_plan, tmp_path, clock, bare_bus)
    app.session.refresh()
    app.window.show_pane(PaneKey.COUNTDOWN)
    pane = app.window.pane(PaneKey.COUNTDOWN)
    app.clock.moment = NOW + timedelta(days=2)  # day 14 arrives
    app.session.timer.timer.timeout.emit()
    pane.show_plan()  # the ring's day_changed, which the clock moving by hand does not send
    qtbot.wait_until(lambda: pane.celebration.isVisible())
    assert "14" in pane.celebration_title.text()
    qtbot.wait_until(lambda: not app.session._sent, timeout=10000)  # the failure came back
    qtbot.wait(200)  # anything queued after it has run
    assert app.session.notice is None or not app.session.notice.isVisible()
    assert app.qt_messages == []
