"""Settings → Reminders: what Reconnect reminds the person of, quiet hours, pause, login.

The section only presents ``ReminderPrefs``: every change the person makes is emitted as a
whole new ``ReminderPrefs`` through ``prefs_changed``, and the app saves it and aims the
reminder timer. Changes from elsewhere (a pause chosen in the tray) come back through
``set_prefs``, which emits nothing, so the two never echo each other.

A pause whose end has passed reads as "not paused". The section re-checks that on its own
(a single-shot timer aimed at the pause's end), because nobody else will tell it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.moments import is_zone_name
from reconnect_gui.core.reminders.pause import PAUSE_CHOICES, PAUSE_WORDS, pause_end, paused_words
from reconnect_gui.core.reminders.schedule import ReminderPrefs
from reconnect_gui.ui.widgets.labels import quiet_label, wrapped_label

TIME_FORMAT = "HH:mm"  # the same 24-hour clock the pause line uses ("until 08:00 tomorrow")
# How often at most the pause line is re-read while paused: "tomorrow" turns into "today"
# at midnight, which the pause's end alone would not catch.
_RECHECK = timedelta(minutes=30)

INTRO = "Gentle notifications on this computer. They never show anything you wrote."
QUIET_NOTE = "Reminders that fall in these hours wait until they end."
SAME_TIMES_NOTE = "With the same time at both ends, there are no quiet hours."
LOGIN_NOTE_TRAY = "Opens quietly in the tray when you log in."
LOGIN_NOTE_NO_TRAY = "Opens Reconnect when you log in."
NO_TRAY_NOTE = (
    "This desktop shows no tray icons, so reminders appear only while the Reconnect "
    "window is open, and closing the window quits Reconnect. On GNOME, the "
    "“AppIndicator” extension adds a tray."
)


class ReminderSection(QGroupBox):
    """The "Reminders" group of Settings. See the module notes for how it talks to the app."""

    prefs_changed = Signal(object)  # a new ReminderPrefs, on every change the person makes
    start_at_login_toggled = Signal(bool)

    def __init__(
        self,
        prefs: ReminderPrefs,
        *,
        tray_available: bool,
        start_at_login: bool,
        now: Callable[[], datetime],
        zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Reminders", parent)
        self.setAccessibleName("Reminders")
        self._prefs = prefs
        self._now = now
        self._zone = zone if is_zone_name(zone) else "UTC"
        self._loading = False  # True while set_prefs fills the controls: emit nothing
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self._show_pause)

        # What belongs to a check box lines up with the check box's text, like a sub-list.
        indent = _check_box_indent(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.enabled_box = _check_box(
            "Remind me", "Turn all of Reconnect's reminders on or off", self._enabled_toggled
        )
        layout.addWidget(self.enabled_box)
        intro = quiet_label(INTRO, italic=False)
        intro.setContentsMargins(indent, 0, 0, 0)
        layout.addWidget(intro)
        self.no_tray_note = quiet_label(NO_TRAY_NOTE, italic=False)
        self.no_tray_note.setAccessibleName("Why reminders need the window open")
        self.no_tray_note.setContentsMargins(indent, 0, 0, 0)
        self.no_tray_note.setVisible(not tray_available)
        layout.addWidget(self.no_tray_note)

        # The kinds of reminder, indented under the master switch.
        self.kinds = QWidget()
        kinds = QGridLayout(self.kinds)
        kinds.setContentsMargins(indent, 0, 0, 0)
        kinds.setHorizontalSpacing(10)
        kinds.setVerticalSpacing(8)
        kinds.setColumnStretch(2, 1)
        self.check_in_box = _check_box(
            "Daily check-in", "A short question each day about how you feel", self._check_in_edited
        )
        self.check_in_time = _time_edit(
            "Check-in time", "The time of day for the daily check-in", self._check_in_edited
        )
        self.check_in_at = _small_label("at", self.check_in_time)
        kinds.addWidget(self.check_in_box, 0, 0)
        kinds.addLayout(_row(self.check_in_at, self.check_in_time), 0, 1)
        self.milestones_box = _check_box(
            "Milestone days",
            "When your No-Contact countdown reaches a milestone",
            lambda on: self._emit(replace(self._prefs, milestones=on)),
        )
        self.waits_box = _check_box(
            "When a wait after a message ends",
            "When the waiting time after a message that went unanswered is over",
            lambda on: self._emit(replace(self._prefs, waits=on)),
        )
        self.drafts_box = _check_box(
            "When a draft has rested",
            "When a draft has rested long enough to read again",
            lambda on: self._emit(replace(self._prefs, drafts=on)),
        )
        for row, box in enumerate((self.milestones_box, self.waits_box, self.drafts_box), 1):
            kinds.addWidget(box, row, 0, 1, 3)

        self.quiet_box = _check_box(
            "Quiet hours", "No reminders between these two times", self._quiet_edited
        )
        self.quiet_start = _time_edit(
            "Quiet hours start", "Quiet hours begin at this time", self._quiet_edited
        )
        self.quiet_end = _time_edit(
            "Quiet hours end", "Quiet hours end at this time", self._quiet_edited
        )
        self.quiet_from = _small_label("from", self.quiet_start)
        self.quiet_to = _small_label("to", self.quiet_end)
        kinds.addWidget(self.quiet_box, 4, 0)
        kinds.addLayout(
            _row(self.quiet_from, self.quiet_start, self.quiet_to, self.quiet_end), 4, 1
        )
        self.quiet_note = quiet_label(QUIET_NOTE, italic=False)
        self.quiet_note.setContentsMargins(indent, 0, 0, 0)
        kinds.addWidget(self.quiet_note, 5, 0, 1, 3)
        layout.addWidget(self.kinds)

        # Pause: a button with the three choices, or the pause's end and a way out of it.
        self.pause_row = QWidget()
        pause_row = QHBoxLayout(self.pause_row)
        pause_row.setContentsMargins(indent, 4, 0, 0)
        pause_row.setSpacing(12)
        self.pause_button = QPushButton("Pause…")
        self.pause_button.setAccessibleName("Pause reminders")
        self.pause_button.setAccessibleDescription("Choose how long to pause all reminders")
        self.pause_menu = QMenu(self.pause_button)
        self.pause_menu.setAccessibleName("Pause reminders for")
        self.pause_actions: dict[str, QAction] = {}
        for choice in PAUSE_CHOICES:
            action = self.pause_menu.addAction(PAUSE_WORDS[choice])
            action.triggered.connect(lambda _checked=False, c=choice: self._pause(c))
            self.pause_actions[choice] = action
        self.pause_button.setMenu(self.pause_menu)
        self.paused_label = QLabel()
        self.paused_label.setAccessibleName("Pause")
        self.resume_button = QPushButton("Resume now")
        self.resume_button.setAccessibleName("Resume reminders now")
        self.resume_button.setAccessibleDescription(
            "End the pause; reminders held during it show now"
        )
        self.resume_button.clicked.connect(self._resume)
        pause_row.addWidget(self.pause_button)
        pause_row.addWidget(self.paused_label)
        pause_row.addWidget(self.resume_button)
        pause_row.addStretch(1)
        layout.addWidget(self.pause_row)

        # Start at login: about the app, not a kind of reminder, so never greyed out.
        layout.addSpacing(6)
        self.login_box = QCheckBox("Start at login")
        self.login_box.setAccessibleName("Start at login")
        self.login_box.setAccessibleDescription(
            LOGIN_NOTE_TRAY if tray_available else LOGIN_NOTE_NO_TRAY
        )
        self.login_box.setChecked(start_at_login)
        self.login_box.toggled.connect(self._login_toggled)
        layout.addWidget(self.login_box)
        self.login_note = quiet_label(
            LOGIN_NOTE_TRAY if tray_available else LOGIN_NOTE_NO_TRAY, italic=False
        )
        self.login_note.setContentsMargins(indent, 0, 0, 0)
        layout.addWidget(self.login_note)
        self.login_error = wrapped_label("")
        self.login_error.setAccessibleName("Start at login problem")
        self.login_error.setContentsMargins(indent, 0, 0, 0)
        self.login_error.hide()
        layout.addWidget(self.login_error)

        QWidget.setTabOrder(self.enabled_box, self.check_in_box)
        for before, after in (
            (self.check_in_box, self.check_in_time),
            (self.check_in_time, self.milestones_box),
            (self.milestones_box, self.waits_box),
            (self.waits_box, self.drafts_box),
            (self.drafts_box, self.quiet_box),
            (self.quiet_box, self.quiet_start),
            (self.quiet_start, self.quiet_end),
            (self.quiet_end, self.pause_button),
            (self.pause_button, self.resume_button),
            (self.resume_button, self.login_box),
        ):
            QWidget.setTabOrder(before, after)

        self.set_prefs(prefs)

    # ---- what the app tells the section ------------------------------------------------

    def prefs(self) -> ReminderPrefs:
        """The preferences as shown now."""
        return self._prefs

    def set_tray_available(self, available: bool) -> None:
        """A tray came (at login the panel may start after us): say what is true now."""
        self.no_tray_note.setVisible(not available)
        words = LOGIN_NOTE_TRAY if available else LOGIN_NOTE_NO_TRAY
        self.login_note.setText(words)
        self.login_box.setAccessibleDescription(words)

    def set_prefs(self, prefs: ReminderPrefs) -> None:
        """Show ``prefs`` (e.g. after a pause chosen in the tray) without emitting."""
        self._prefs = prefs
        defaults = ReminderPrefs()
        self._loading = True
        try:
            self.enabled_box.setChecked(prefs.enabled)
            self.check_in_box.setChecked(prefs.check_in is not None)
            # An unchecked time keeps showing a sensible time, ready for when it is ticked.
            _set_time(self.check_in_time, prefs.check_in or defaults.check_in)
            self.milestones_box.setChecked(prefs.milestones)
            self.waits_box.setChecked(prefs.waits)
            self.drafts_box.setChecked(prefs.drafts)
            quiet = prefs.quiet_start is not None and prefs.quiet_end is not None
            self.quiet_box.setChecked(quiet)
            if quiet:
                _set_time(self.quiet_start, prefs.quiet_start)
                _set_time(self.quiet_end, prefs.quiet_end)
            else:
                _set_time(self.quiet_start, defaults.quiet_start)
                _set_time(self.quiet_end, defaults.quiet_end)
        finally:
            self._loading = False
        self._update_enabled()
        self._show_pause()

    def set_start_at_login(self, enabled: bool) -> None:
        """Show the operating system's answer without emitting ``start_at_login_toggled``."""
        self.login_box.blockSignals(True)
        self.login_box.setChecked(enabled)
        self.login_box.blockSignals(False)

    def show_start_at_login_error(self, message: str) -> None:
        """A calm sentence under the check box (from ``AutostartError``), until the next try."""
        self.login_error.setText(message)
        self.login_error.setVisible(bool(message))

    def paused_until(self) -> datetime | None:
        """The end of the pause in force now, or None: a pause that has ended counts as none."""
        until = self._prefs.paused_until
        return until if until is not None and until > self._now() else None

    # ---- the person's changes ----------------------------------------------------------

    def _emit(self, prefs: ReminderPrefs) -> None:
        if self._loading:
            return
        self._prefs = prefs
        self._update_enabled()
        self.prefs_changed.emit(prefs)

    def _enabled_toggled(self, on: bool) -> None:
        self._emit(replace(self._prefs, enabled=on))

    def _check_in_edited(self, *_args: object) -> None:
        at = _python_time(self.check_in_time) if self.check_in_box.isChecked() else None
        self._emit(replace(self._prefs, check_in=at))

    def _quiet_edited(self, *_args: object) -> None:
        on = self.quiet_box.isChecked()
        start = _python_time(self.quiet_start) if on else None
        end = _python_time(self.quiet_end) if on else None
        self._emit(replace(self._prefs, quiet_start=start, quiet_end=end))

    def _pause(self, choice: str) -> None:
        until = pause_end(choice, self._now(), self._zone, morning=self._prefs.quiet_end)
        self._emit(replace(self._prefs, paused_until=until))
        self._show_pause()

    def _resume(self) -> None:
        # Now rather than None: what the pause held back may then show at once (see core).
        self._emit(replace(self._prefs, paused_until=self._now()))
        self._show_pause()

    def _login_toggled(self, on: bool) -> None:
        self.show_start_at_login_error("")
        self.start_at_login_toggled.emit(on)

    # ---- presenting --------------------------------------------------------------------

    def _update_enabled(self) -> None:
        """Grey out (never hide) what the switches above it turn off."""
        on = self.enabled_box.isChecked()
        self.kinds.setEnabled(on)
        self.pause_row.setEnabled(on)
        check_in = self.check_in_box.isChecked()
        for widget in (self.check_in_at, self.check_in_time):
            widget.setEnabled(check_in)
        quiet = self.quiet_box.isChecked()
        for widget in (self.quiet_from, self.quiet_start, self.quiet_to, self.quiet_end):
            widget.setEnabled(quiet)
        same = quiet and self.quiet_start.time() == self.quiet_end.time()
        self.quiet_note.setText(SAME_TIMES_NOTE if same else QUIET_NOTE)

    def _show_pause(self) -> None:
        now = self._now()
        until = self.paused_until()
        paused = until is not None
        shown, hidden = (
            (self.resume_button, self.pause_button)
            if paused
            else (self.pause_button, self.resume_button)
        )
        shown.show()
        if self.window().focusWidget() is hidden:
            shown.setFocus()  # the focus stays in the row, not on the next control down
        hidden.hide()
        self.paused_label.setVisible(paused)
        self._pause_timer.stop()
        if until is None:
            self.paused_label.clear()
            return
        words = f"Paused {paused_words(until, now, self._zone)}"
        self.paused_label.setText(words)
        self.paused_label.setAccessibleDescription(f"Reminders are {words.lower()}")
        # Look again when the pause ends (or sooner, so "tomorrow" stays true after midnight).
        wait = min(until - now, _RECHECK) + timedelta(seconds=1)
        self._pause_timer.start(max(1000, int(wait.total_seconds() * 1000)))

    def showEvent(self, event: QShowEvent) -> None:
        self._show_pause()  # the pause may have ended while Settings was out of sight
        super().showEvent(event)


# ---- small builders ------------------------------------------------------------------


def _check_box(text: str, description: str, slot: Callable[[bool], None]) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(text)
    box.setAccessibleDescription(description)
    box.toggled.connect(slot)
    return box


def _time_edit(name: str, description: str, slot: Callable[..., None]) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(description)
    edit.setMinimumWidth(edit.sizeHint().width())
    edit.timeChanged.connect(slot)
    return edit


def _check_box_indent(widget: QWidget) -> int:
    """How far a check box's text starts from its left edge, in this style."""
    style = widget.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
        QStyle.PixelMetric.PM_CheckBoxLabelSpacing
    )


def _small_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    for widget in widgets:
        row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addStretch(1)
    return row


def _set_time(edit: QTimeEdit, at: time | None) -> None:
    # Unchanged times are left alone, so an echo from the app never moves the cursor.
    if at is not None and edit.time() != QTime(at.hour, at.minute):
        edit.setTime(QTime(at.hour, at.minute))


def _python_time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())
