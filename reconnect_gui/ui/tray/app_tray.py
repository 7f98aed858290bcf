"""The system tray icon and its menu: the day number, a way back in, and reminders.

``AppTray`` only presents: it says what the person chose through signals and shows what
the app tells it (the day, locked, paused, start at login). One ``QMenu`` is built once
and kept, as Qt asks (a menu rebuilt on every click leaks on some desktops). Nothing the
user wrote ever reaches the tray: tooltips and notifications can be seen by anyone
passing the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from reconnect_gui.core.reminders.pause import PAUSE_CHOICES, PAUSE_WORDS
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.tray.icon import day_icon, locked_icon, tray_tooltip

NOTIFICATION_MS = 10_000


class AppTray(QObject):
    """The tray icon. Call ``show()`` only when ``QSystemTrayIcon.isSystemTrayAvailable()``."""

    open_requested = Signal()
    urge_requested = Signal()
    journal_requested = Signal()
    pause_requested = Signal(str)  # one of core.reminders.pause.PAUSE_CHOICES
    resume_requested = Signal()
    start_at_login_toggled = Signal(bool)
    quit_requested = Signal()
    notification_clicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()  # no parent widget: the tray owns it, and it outlives hides
        self.menu.setAccessibleName("Reconnect tray menu")
        self.open_action = self._add("Open Reconnect", self.open_requested)
        self.menu.addSeparator()
        self.urge_action = self._add("I feel the urge…", self.urge_requested)
        self.journal_action = self._add("Write in the journal", self.journal_requested)
        self.menu.addSeparator()
        self.pause_menu = self.menu.addMenu("Pause reminders")
        self.pause_actions: dict[str, QAction] = {}
        for choice in PAUSE_CHOICES:
            action = self.pause_menu.addAction(PAUSE_WORDS[choice])
            action.triggered.connect(lambda _checked=False, c=choice: self.pause_requested.emit(c))
            self.pause_actions[choice] = action
        self.pause_menu.addSeparator()
        self.resume_action = self.pause_menu.addAction("Resume reminders")
        self.resume_action.triggered.connect(self.resume_requested)
        self.paused_note = self.pause_menu.addAction("")
        self.paused_note.setEnabled(False)  # a quiet line saying until when
        self.start_at_login_action = self.menu.addAction("Start at login")
        self.start_at_login_action.setCheckable(True)
        self.start_at_login_action.toggled.connect(self.start_at_login_toggled)
        self.menu.addSeparator()
        self.quit_action = self._add("Quit Reconnect", self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.notification_clicked)
        self.set_paused(None)
        self.show_locked()

    def _add(self, words: str, signal: SignalInstance) -> QAction:
        action = self.menu.addAction(words)
        action.triggered.connect(signal)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click or a double click opens the window; the right click shows the menu.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    # ---- what the app tells the tray ----------------------------------------------------

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_day(self, day: int, target: int | None) -> None:
        self.icon.setIcon(day_icon(day))
        self.icon.setToolTip(tray_tooltip(day, target, locked=False))

    def show_locked(self) -> None:
        self.icon.setIcon(locked_icon())
        self.icon.setToolTip(tray_tooltip(None, None, locked=True))

    def show_no_plan(self) -> None:
        """Unlocked, but no countdown yet: the app's own icon, and its name."""
        self.icon.setIcon(load_app_icon())
        self.icon.setToolTip(tray_tooltip(None, None, locked=False))

    def set_paused(self, until_words: str | None) -> None:
        """``until_words`` like "until 09:00 tomorrow", or None when reminders are on."""
        paused = until_words is not None
        self.resume_action.setVisible(paused)
        self.paused_note.setVisible(paused)
        self.paused_note.setText(f"Paused {until_words}" if paused else "")
        self.pause_menu.setTitle("Reminders paused" if paused else "Pause reminders")

    def set_start_at_login(self, enabled: bool) -> None:
        """Show the OS's answer without emitting ``start_at_login_toggled``."""
        self.start_at_login_action.blockSignals(True)
        self.start_at_login_action.setChecked(enabled)
        self.start_at_login_action.blockSignals(False)

    def notify(self, title: str, message: str) -> None:
        """A desktop notification from the tray (our words only, never the user's)."""
        self.icon.showMessage(title, message, self.icon.icon(), NOTIFICATION_MS)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()
