"""Reminders and the tray, wired to the window and the vault.

``TrayAndReminders`` owns the reminder timer and, when the desktop has a tray, the tray icon.
It turns the tray's requests into window actions (open, the SOS flow, a new journal
entry), shows reminders (as tray notifications, or as a note in the window when there is
no tray), and keeps the pause and start-at-login choices. Settings are read and saved
through the two callables the app passes in, so this module never touches files itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QMessageBox

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.countdown.moments import local_zone_name
from reconnect_gui.core.countdown.stats import days_elapsed
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.reminders.pause import pause_end, paused_words
from reconnect_gui.core.reminders.schedule import CHECK_IN, MILESTONE, Reminder, ReminderPrefs
from reconnect_gui.system.autostart import Autostart, AutostartError, autostart_for, launch_command
from reconnect_gui.ui.tray.app_tray import NOTIFICATION_MS, AppTray, tray_available
from reconnect_gui.ui.tray.desktop_notifications import DesktopNotifications
from reconnect_gui.ui.tray.reminder_timer import ReminderTimer
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.widgets.application import application

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

log = logging.getLogger("reconnect")

# At login the panel's tray host often starts after the app (autostart runs both at once):
# a --tray start keeps asking for a tray this long, this often, then stops asking.
TRAY_LOOK_FOR_MS = 150_000
TRAY_LOOK_EVERY_MS = 3_000

HIDDEN_TITLE = "Reconnect is still here"
HIDDEN_MESSAGE = (
    "Closing the window keeps Reconnect in the tray so reminders can reach you. "
    "To stop it, choose Quit in the tray menu."
)


class TrayAndReminders(QObject):
    """Lives from the vault's first check to quit; ``use_tray=None`` asks the desktop.

    ``notifications`` (Linux): tray messages go over D-Bus, clickable on every desktop;
    a reminder the desktop cannot show (no notification service) becomes a note in the
    window, except a milestone while the window is open: its home screen celebrates it.
    Without it (Windows, macOS) Qt's tray shows them.

    ``wait_for_tray`` (a ``--tray`` start): with no tray yet, keep asking the desktop
    (``tray_probe``) for ``TRAY_LOOK_FOR_MS`` and attach the tray once one appears.
    """

    prefs_changed = Signal(object)  # the tray paused or resumed reminders (a ReminderPrefs)
    start_at_login_changed = Signal(bool)  # the tray's checkbox changed it
    tray_available_changed = Signal(bool)  # a tray came after a --tray start (Settings)

    def __init__(
        self,
        window,
        controller: VaultController,
        prefs: Callable[[], ReminderPrefs],
        save_prefs: Callable[[ReminderPrefs], None],
        *,
        notice_shown: Callable[[], bool],
        remember_notice: Callable[[], None],
        data_dir=None,
        use_tray: bool | None = None,
        wait_for_tray: bool = False,
        tray_probe: Callable[[], bool] = tray_available,
        notifications: DesktopNotifications | None = None,
        autostart: Autostart | None = None,
        now: Clock = system_clock,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._prefs = prefs
        self._save_prefs = save_prefs
        self._notice_shown = notice_shown
        self._remember_notice = remember_notice
        self._data_dir = data_dir
        self._now = now
        self.autostart = autostart or autostart_for()
        self._pending: Callable[[], None] | None = None  # a tray action waiting for unlock
        self._last_reminder: Reminder | None = None
        self._previous_state: str | None = None
        self.notice: QMessageBox | None = None
        self._noted: list[Reminder] = []  # what the window's note says now
        # Sent over D-Bus and not yet closed: its number -> the reminder (None: a notice).
        self._sent: dict[int, tuple[str, str, Reminder | None]] = {}
        self._notifications = notifications
        if notifications is not None:
            notifications.clicked.connect(self._notification_clicked)
            notifications.closed.connect(lambda number: self._sent.pop(number, None))
            notifications.failed.connect(self._notification_failed)
            application().aboutToQuit.connect(notifications.stop)

        self.timer = ReminderTimer(lambda: self._vault, prefs, now, parent=self)
        self.timer.reminder_due.connect(self._show_reminder)
        self.timer.day_changed.connect(self._update_tray)

        self.tray: AppTray | None = None
        self._tray_probe = tray_probe
        self._tray_looks_left = 0
        self._tray_look = QTimer(self)
        self._tray_look.setInterval(TRAY_LOOK_EVERY_MS)
        self._tray_look.timeout.connect(self._look_for_tray)
        wants_tray = tray_probe() if use_tray is None else use_tray  # tests choose
        if wants_tray:
            self._attach_tray()
        elif use_tray is None and wait_for_tray:
            self._tray_looks_left = max(1, TRAY_LOOK_FOR_MS // TRAY_LOOK_EVERY_MS)
            self._tray_look.start(TRAY_LOOK_EVERY_MS)  # read now: tests shorten it
        window.hidden_to_tray.connect(self._hidden_to_tray)
        controller.locking.connect(self.timer.stop)
        controller.state_changed.connect(self._vault_state_changed)
        # Leaving the app is when changes were just made (a slip, a draft): read again.
        application().applicationStateChanged.connect(self._app_state_changed)
        self._vault_state_changed(controller.state)
        self._update_paused()

    @property
    def _vault(self) -> Vault | None:
        return self.controller.vault if self.controller.state == VaultState.UNLOCKED else None

    @property
    def has_tray(self) -> bool:
        return self.tray is not None and self.tray.icon.isVisible()

    @property
    def looking_for_tray(self) -> bool:
        return self._tray_look.isActive()

    def _attach_tray(self) -> None:
        self.tray = AppTray(self)
        self._connect_tray(self.tray)
        self.tray.show()
        # Dialogs closing while the window sits in the tray must not end the app.
        application().setQuitOnLastWindowClosed(False)

    def _look_for_tray(self) -> None:
        self._tray_looks_left -= 1
        if self._tray_probe():
            self._tray_look.stop()
            self._attach_tray()
            self._update_tray()
            self._update_paused()
            self.tray_available_changed.emit(True)
            # Started for the tray, the window waited minimized in the taskbar: now the
            # icon is the way in. A window the person has opened meanwhile stays open.
            if self.window.isMinimized():
                self.window.hide()
        elif self._tray_looks_left <= 0:
            self._tray_look.stop()  # no tray on this desktop: the taskbar stays the way in

    def _connect_tray(self, tray: AppTray) -> None:
        tray.open_requested.connect(self.open_window)
        tray.urge_requested.connect(self._open_sos)  # no unlocking first (issue 17)
        tray.journal_requested.connect(lambda: self._when_unlocked(self._write_in_journal))
        tray.pause_requested.connect(self.pause)
        tray.resume_requested.connect(self.resume)
        tray.start_at_login_toggled.connect(self.set_start_at_login)
        tray.quit_requested.connect(self.window.request_quit)
        tray.notification_clicked.connect(self._open_last_reminder)
        tray.set_start_at_login(self.start_at_login_enabled())
        # The desktop's own settings can switch the entry on or off while the app runs:
        # ask again each time the menu opens, so its check mark tells the truth.
        tray.menu.aboutToShow.connect(
            lambda: tray.set_start_at_login(self.start_at_login_enabled())
        )

    # ---- the vault ----------------------------------------------------------------------

    def _vault_state_changed(self, state: VaultState) -> None:
        if state == VaultState.UNLOCKED:
            if self._previous_state == VaultState.NEEDS_SETUP:  # nothing was missed before setup
                self.timer.start_fresh(self._now())
            self.timer.reload()
            pending, self._pending = self._pending, None
            if pending is not None:
                pending()
        else:
            self.timer.stop()
        self._previous_state = state
        self._update_tray()

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self._vault is not None:
            self.timer.reload()

    def refresh(self) -> None:
        """Read the schedule again now (a new plan, a slip, or new reminder choices)."""
        if self._vault is not None:
            self.timer.reload()
        self._update_paused()
        self._update_tray()

    def _update_tray(self) -> None:
        if self.tray is None:
            return
        sources = self.timer.sources
        if self._vault is None:
            self.tray.show_locked()
        elif sources is None or sources.plan is None:
            self.tray.show_no_plan()
        else:
            plan = sources.plan
            self.tray.show_day(days_elapsed(plan, self._now()), plan.target_days)

    # ---- tray actions -------------------------------------------------------------------

    def open_window(self) -> None:
        self.window.bring_to_front()
        if self.controller.state in (
            VaultState.LOCKED,
            VaultState.NEEDS_SETUP,
        ):  # started hidden: ask now
            self.window.vault_action_requested.emit()

    def _when_unlocked(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or right after the person unlocks (asked for at once)."""
        if self._vault is None:
            self._pending = action
        self.open_window()
        if self._vault is not None:
            action()

    def _open_sos(self) -> None:
        """The urge flow at once, locked or not: it asks to unlock only to save words."""
        self.window.bring_to_front()
        self.window.show_urge_flow()

    def _write_in_journal(self) -> None:
        self.window.show_new_journal_entry()

    def _hidden_to_tray(self) -> None:
        if self.tray is not None and not self._notice_shown():
            self._last_reminder = None  # a click on this note only opens the window
            self._notify(HIDDEN_TITLE, HIDDEN_MESSAGE)
            self._remember_notice()

    def _notify(self, title: str, message: str, reminder: Reminder | None = None) -> None:
        if self.tray is None:
            return
        if self._notifications is not None:
            self._sent[self._notifications.notify(title, message)] = (title, message, reminder)
            return
        self._tray_message(title, message)

    def _tray_message(self, title: str, message: str) -> None:
        if self.tray is None:
            return
        self.tray.notify(title, message)
        # Where Qt draws the message itself (no notification service), its pixmaps stay in
        # Qt's pixmap cache, which then wakes every 10 s for minutes to age them out.
        QTimer.singleShot(NOTIFICATION_MS + 1000, self, self._release_pixmaps)

    def _release_pixmaps(self) -> None:
        if not self.window.isVisible():
            QPixmapCache.clear()

    # ---- reminders ----------------------------------------------------------------------

    def _show_reminder(self, reminder: Reminder) -> None:
        self._last_reminder = reminder
        if self.has_tray:
            self._notify(reminder.title, reminder.message, reminder)
            return
        if reminder.kind == MILESTONE:
            # No tray, so the window is open: its home screen celebrates the day itself,
            # once (now if it is showing, else when they come back to it). A note saying
            # the same beside it would make one moment two.
            return
        # No tray: a quiet note in the open window (the app must be open to remind).
        self._note_in_window(reminder)

    def _note_in_window(self, reminder: Reminder) -> None:
        """A quiet note over the window; reminders that come while it is open join it."""
        if self.notice is None:
            self.notice = QMessageBox(self.window)
            self.notice.setIcon(QMessageBox.Icon.Information)
            self.notice.setWindowModality(Qt.WindowModality.NonModal)
            self.notice.setStandardButtons(
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close
            )
            self.notice.accepted.connect(self._open_last_reminder)
            self.notice.finished.connect(lambda _result: self._noted.clear())
        if not self.notice.isVisible():
            self._noted.clear()
        if all(shown.key != reminder.key for shown in self._noted):
            self._noted.append(reminder)
        first = self._noted[0]
        self._last_reminder = first  # Open goes where the first one points
        if len(self._noted) == 1:
            self.notice.setWindowTitle(first.title)
            self.notice.setText(first.title)
            self.notice.setInformativeText(first.message)
        else:
            self.notice.setWindowTitle("Reminders")
            self.notice.setText(_count_words(len(self._noted)))
            self.notice.setInformativeText(
                "\n\n".join(f"{shown.title}: {shown.message}" for shown in self._noted)
            )
        self.notice.show()

    def _notification_clicked(self, number: int) -> None:
        sent = self._sent.get(number)
        if sent is None:
            return
        self._last_reminder = sent[2]  # None (a notice): the click only opens the window
        self._open_last_reminder()

    def _notification_failed(self, number: int) -> None:
        """No notification service: a reminder becomes a note in the window, not lost;
        the app's own notices go to Qt's tray message (a balloon where it can draw one)."""
        sent = self._sent.pop(number, None)
        if sent is None:
            return
        title, message, reminder = sent
        if reminder is None:
            self._tray_message(title, message)
        elif reminder.kind == MILESTONE and self._window_in_view():
            # The open window's home screen celebrates the day itself (now, or when they
            # come back to it): a note saying the same over it would make one moment two.
            return
        else:
            self._note_in_window(reminder)

    def _window_in_view(self) -> bool:
        return bool(self.window.isVisible() and not self.window.isMinimized())

    def _open_last_reminder(self) -> None:
        reminder = self._last_reminder
        if reminder is None:
            self.open_window()
            return

        def open_pane() -> None:
            if reminder.kind == CHECK_IN:
                self.window.show_check_in()
            elif reminder.pane == PaneKey.DRAFT and reminder.target_id:
                self.window.show_draft(reminder.target_id)
            else:
                self.window.show_pane(reminder.pane)

        self._when_unlocked(open_pane)

    # ---- pause and start at login -------------------------------------------------------

    def pause(self, choice: str) -> None:
        prefs = self._prefs()
        until = pause_end(choice, self._now(), local_zone_name(), morning=prefs.quiet_end)
        self._change_prefs(_with_pause(prefs, until))

    def resume(self) -> None:
        # "Now" rather than None: what the pause held back shows at once (core.reminders.schedule).
        self._change_prefs(_with_pause(self._prefs(), self._now()))

    def _change_prefs(self, prefs: ReminderPrefs) -> None:
        self._save_prefs(prefs)
        self.prefs_changed.emit(prefs)
        self.refresh()

    def _update_paused(self) -> None:
        if self.tray is None:
            return
        until, now = self._prefs().paused_until, self._now()
        paused = until is not None and until > now
        self.tray.set_paused(
            paused_words(until, now, local_zone_name()) if until is not None and paused else None
        )

    def start_at_login_enabled(self) -> bool:
        try:
            return self.autostart.is_enabled()
        except (OSError, AutostartError):
            return False

    def set_start_at_login(self, enabled: bool) -> str | None:
        """Turn start at login on or off; returns a plain message when that failed."""
        try:
            if enabled:
                self.autostart.enable(launch_command(self._data_dir))
            else:
                self.autostart.disable()
        except AutostartError as error:
            problem: str | None = str(error)
        else:
            problem = None
        actual = self.start_at_login_enabled()
        if self.tray is not None:
            self.tray.set_start_at_login(actual)
        self.start_at_login_changed.emit(actual)
        if problem is not None and self.tray is not None:
            self._notify("Start at login", problem)
        return problem


COUNT_WORDS = {2: "Two", 3: "Three"}


def _count_words(count: int) -> str:
    return f"{COUNT_WORDS.get(count, str(count))} reminders"


def _with_pause(prefs: ReminderPrefs, until: datetime) -> ReminderPrefs:
    return replace(prefs, paused_until=until)
