"""The pieces of a No-Contact plan as small form fields, and the dialog that edits a plan.

Each field has ``value()`` and ``set_value()``; fields that can refuse input also have
``problem()``, a plain sentence or ``None``. The first-run wizard (``nocontact_wizard``)
and ``PlanEditDialog`` below are built from the same fields, so both read the same way.

Times: the user types a wall-clock time in the plan's zone (``zoned_time`` explains how
the editor keeps the computer's own zone out of the way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.moments import FIRST_YEAR, local
from reconnect_gui.core.countdown.plan import (
    DEFAULT_TARGET_DAYS,
    MAX_TARGET_DAYS,
    Plan,
    edit_plan,
)
from reconnect_gui.core.countdown.view import duration_words, target_day_words, when_words
from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.labels import DIALOG_MARGINS, quiet_label, wrapped_label
from reconnect_gui.ui.widgets.zoned_time import ZonedDateTimeEdit, wall_time

PRONOUN_CHOICES = ("she/her", "he/him", "they/them")
MAX_REASON_CHARS = 300  # one or two sentences: enough to be read at a glance in a hard moment
MAX_NAME_CHARS = 80
MAX_PRONOUN_CHARS = 40
FIELD_WIDTH = 320  # short inputs stay short; a full-width date box looks unfinished
END_OF_DAY = time(23, 59, 59, 999_000)

Now = Callable[[], datetime]


def target_words(start: datetime, target_days: int, zone: str, now: datetime) -> str:
    """The day the target falls, counted from ``start``, in the right tense (see
    ``core.countdown.view.target_day_words``)."""
    return target_day_words(start, target_days, zone, now)


class StartField(QWidget):
    """When No Contact began: a date and time in ``zone``; now or earlier, never later."""

    changed = Signal()

    def __init__(self, now: Now, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone
        self._shown: datetime | None = None  # wall time last put there by set_value()
        self._moment: datetime | None = None  # ...and the exact moment behind it
        time_format = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
        self.edit = ZonedDateTimeEdit(
            zone,
            datetime(FIRST_YEAR, 1, 2),  # a day in, so no zone puts it before FIRST_YEAR in UTC
            f"d MMM yyyy,  {time_format}",  # weekdays: in the calendar
        )
        self.edit.setAccessibleName("When No Contact began")
        self.edit.setAccessibleDescription(
            f"Date and time in the {zone} time zone. Now or earlier."
        )
        self.edit.setMinimumWidth(220)
        self.now_button = QPushButton("Now")
        self.now_button.setAccessibleName("Set the start to now")
        self.now_button.clicked.connect(self.set_to_now)
        self.hint = quiet_label("", italic=False)
        self.hint.setAccessibleName("About the start")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.now_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.set_value(now())
        self.edit.dateTimeChanged.connect(self._edited)

    def value(self) -> datetime:
        """The chosen moment, aware, in UTC. The minute in progress counts as now."""
        if self.edit.wall() == self._shown and self._moment is not None:
            return self._moment  # untouched: keep the exact moment (seconds, DST fold)
        moment = self.edit.moment()
        now = self._now()
        return now if now < moment < now + timedelta(minutes=1) else moment

    def set_value(self, moment: datetime) -> None:
        self._moment = moment.astimezone(UTC)
        self._shown = wall_time(moment, self._zone)
        self._update_limit(self._shown.date())
        self.edit.set_wall(self._shown)
        self.refresh()

    def is_changed(self) -> bool:
        """True once the user picked a different minute than ``set_value`` put there."""
        return self.edit.wall() != self._shown

    def problem(self) -> str | None:
        if self.value() > self._now():
            return (
                "No Contact can't begin in the future. Choose now, or the moment it really began."
            )
        return None

    def set_to_now(self) -> None:
        self.set_value(self._now())
        self.changed.emit()

    def refresh(self) -> None:
        """Say how long ago the chosen moment was (the clock moves on while a form is open)."""
        gap = self._now() - self.value()
        if gap < -timedelta(minutes=1):
            words = f"That's {duration_words(-gap)} from now."
        elif gap < timedelta(minutes=1):
            words = "That's right now."
        else:
            words = f"That was {duration_words(gap)} ago."
        self.hint.setText(f"{words} Times are in the {self._zone} time zone.")
        self._update_limit(self.edit.wall().date())

    def _edited(self) -> None:
        self.refresh()
        self.changed.emit()

    def _update_limit(self, shown: date) -> None:
        # Grey out future days in the calendar, but never clamp a value that is shown.
        today = local(self._now(), self._zone).date()
        self.edit.set_latest(datetime.combine(max(today, shown), END_OF_DAY))


class TargetField(QWidget):
    """How many days of No Contact the user gives themselves (1 to ``MAX_TARGET_DAYS``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(1, MAX_TARGET_DAYS)
        self.spin.setAccelerated(True)
        self.spin.setMinimumWidth(120)
        self.spin.setAccessibleName("Target length in days")
        self.spin.setAccessibleDescription(f"From 1 to {MAX_TARGET_DAYS} days")
        self.spin.valueChanged.connect(self._edited)
        self.note = quiet_label(
            "Most people need at least a month before the pull to reach out fades; 30 days "
            "is a good place to start.",
            italic=False,
        )
        self.when = quiet_label("", italic=False)  # filled in by the form, which knows the start
        self.when.setAccessibleName("When you reach the target")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spin)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.when)
        layout.addWidget(self.note)
        self.setFocusProxy(self.spin)
        self.set_value(DEFAULT_TARGET_DAYS)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, days: int) -> None:
        self.spin.setValue(days)
        self._suffix()

    def _edited(self) -> None:
        self._suffix()
        self.changed.emit()

    def _suffix(self) -> None:
        self.spin.setSuffix(" day" if self.spin.value() == 1 else " days")


class PersonField(QWidget):
    """The ex's name and pronouns: both optional, any gender, free text welcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Optional")
        self.name.setAccessibleName("Their name")
        self.name.setAccessibleDescription("Optional")
        self.name.setClearButtonEnabled(True)
        self.name.setMaximumWidth(FIELD_WIDTH)
        self.pronouns = QComboBox()
        self.pronouns.setEditable(True)
        self.pronouns.addItems(PRONOUN_CHOICES)
        self.pronouns.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Inline completion would turn "she" into "she/her": no completer at all.
        self.pronouns.setCompleter(None)  # type: ignore[arg-type]  # stub omits None
        pronouns_line = self.pronouns.lineEdit()
        assert pronouns_line is not None  # an editable combo box always has one
        pronouns_line.setPlaceholderText("Optional")
        self.pronouns.setAccessibleName("Their pronouns")
        self.pronouns.setAccessibleDescription("Optional. Pick one or type your own.")
        self.pronouns.setMaximumWidth(FIELD_WIDTH)
        self.pronouns.setCurrentIndex(-1)
        name_label = QLabel("Their &name")
        name_label.setBuddy(self.name)
        pronouns_label = QLabel("Their &pronouns")
        pronouns_label.setBuddy(self.pronouns)
        self.note = quiet_label(
            "Both are optional; pick pronouns from the list or type your own. Reconnect only "
            "uses them to make its words feel more personal.",
            italic=False,
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(pronouns_label, 0, 1)
        grid.addWidget(self.name, 1, 0)
        grid.addWidget(self.pronouns, 1, 1)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.name)

    def value(self) -> tuple[str, str]:
        """(name, pronouns), trimmed; either may be empty."""
        return self.name.text().strip(), self.pronouns.currentText().strip()

    def set_value(self, name: str, pronouns: str) -> None:
        self.name.setText(name)
        index = self.pronouns.findText(pronouns)
        self.pronouns.setCurrentIndex(index)
        self.pronouns.setEditText(pronouns)

    def is_empty(self) -> bool:
        return self.value() == ("", "")

    def problem(self) -> str | None:
        name, pronouns = self.value()
        if len(name) > MAX_NAME_CHARS:
            return f"Please keep the name to {MAX_NAME_CHARS} characters or fewer."
        if len(pronouns) > MAX_PRONOUN_CHARS:
            return f"Please keep the pronouns to {MAX_PRONOUN_CHARS} characters or fewer."
        return None


class _ReasonList(QListWidget):
    """A list that says what belongs in it while it is empty, and removes with Delete."""

    remove_requested = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class ReasonsField(QWidget):
    """The user's own reasons for No Contact, in their order.

    Text still in the entry box counts as a reason too, so nothing typed is ever lost
    because "Add" was not pressed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText("A reason, in your own words")
        self.entry.setAccessibleName("New reason")
        self.entry.setAccessibleDescription("Press Enter or Add to put it on your list")
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.add_entry)
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add this reason")
        self.add_button.clicked.connect(self.add_entry)
        self.list = _ReasonList("Your reasons will appear here.")
        self.list.setAccessibleName("Your reasons")
        self.list.setAccessibleDescription(
            "Double-click or press F2 to change a reason; Delete removes it"
        )
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(96)
        # Long reasons wrap instead of scrolling sideways; a little room around each row.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(3)
        self.list.remove_requested.connect(self.remove_selected)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the selected reason")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.problem_label = wrapped_label("")
        self.problem_label.setAccessibleName("Problem with a reason")
        self.problem_label.hide()
        entry_row = QHBoxLayout()
        entry_row.setContentsMargins(0, 0, 0, 0)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.setContentsMargins(0, 0, 0, 0)
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(entry_row)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(remove_row)
        self.setFocusProxy(self.entry)

    def value(self) -> list[str]:
        """Every non-blank reason, trimmed, in order; a pending entry comes last."""
        texts = [self.list.item(i).text() for i in range(self.list.count())]
        texts.append(self.entry.text())
        return [text.strip() for text in texts if text.strip()]

    def set_value(self, reasons: Iterable[str]) -> None:
        self.list.clear()
        self.entry.clear()
        for reason in reasons:
            self._append(reason)
        self._show_problem(None)

    def problem(self) -> str | None:
        for reason in self.value():
            if len(reason) > MAX_REASON_CHARS:
                return (
                    f"Please keep each reason to {MAX_REASON_CHARS} characters or fewer "
                    f"(one has {len(reason)}). Your words are still there to shorten."
                )
        return None

    def add_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        if len(text) > MAX_REASON_CHARS:
            self._show_problem(
                f"That reason has {len(text)} characters; please keep it to "
                f"{MAX_REASON_CHARS} or fewer. It is still in the box to shorten."
            )
            return
        self._append(text)
        self.entry.clear()
        self._show_problem(None)
        self.entry.setFocus()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        else:
            self.entry.setFocus()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _selection_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.remove_button.setEnabled(current is not None)

    def _show_problem(self, problem: str | None) -> None:
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)


def problem_label() -> QLabel:
    """Where a form says, in one plain sentence, why it can't go on yet."""
    label = wrapped_label("")
    label.setObjectName("formProblem")
    label.setAccessibleName("Problem")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class PlanEditDialog(QDialog):
    """Change the target, the current streak's start, the name, pronouns and reasons."""

    plan_edited = Signal(object)  # the new Plan

    def __init__(self, plan: Plan, now: Now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit your plan")
        self.setMinimumWidth(640)
        self._plan = plan
        self._now = now
        self.start = StartField(now, plan.zone)
        self.start.set_value(plan.current.start)
        self.target = TargetField()
        self.target.set_value(plan.target_days)
        self.target.note.hide()  # advice for a first choice; here it is only clutter
        self.person = PersonField()
        self.person.set_value(plan.ex_name, plan.ex_pronouns)
        self.reasons = ReasonsField()
        self.reasons.set_value(plan.reasons)
        self.reasons.list.setMinimumHeight(110)
        self.problem = problem_label()
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(14)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        several = len(plan.attempts) > 1
        form.addRow(
            _buddy("&Current streak began" if several else "No Contact &began", self.start),
            self.start,
        )
        form.addRow(_buddy("&Target", self.target), self.target)
        form.addRow(QLabel("About them"), self.person)
        form.addRow(_buddy("Your &reasons", self.reasons), self.reasons)

        buttons, self.save_button, _cancel = dialog_buttons(self, "&Save changes", self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(14)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.start.changed.connect(self._update_when)
        self.target.changed.connect(self._update_when)
        self._update_when()
        # Enter in the reason box adds a reason; it must not also save the dialog.
        self.reasons.entry.installEventFilter(self)
        save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_shortcut.activated.connect(self.save)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reasons.entry
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.reasons.add_entry()
            return True
        return super().eventFilter(watched, event)

    def save(self) -> None:
        """Emit the edited plan and close, or say plainly what to fix first."""
        problem = self._problem()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        if problem is not None:
            return
        name, pronouns = self.person.value()
        try:
            edited = edit_plan(
                self._plan,
                target_days=self.target.value(),
                current_start=self.start.value() if self.start.is_changed() else None,
                ex_name=name,
                ex_pronouns=pronouns,
                reasons=self.reasons.value(),
            )
        except ValueError as error:
            self.problem.setText(f"{error} Nothing was changed.")
            self.problem.show()
            return
        self.reasons.entry.clear()
        self.plan_edited.emit(edited)
        self.accept()

    def _problem(self) -> str | None:
        self.start.refresh()
        if self.start.is_changed():
            if problem := self.start.problem():
                return problem
            previous = self._plan.attempts[-2].end if len(self._plan.attempts) > 1 else None
            if previous is not None and self.start.value() < previous:
                return (
                    "Your current streak can't begin before the slip that ended the one "
                    f"before it ({when_words(previous, self._plan.zone)})."
                )
        return self.person.problem() or self.reasons.problem()

    def _update_when(self) -> None:
        self.target.when.setText(
            target_words(self.start.value(), self.target.value(), self._plan.zone, self._now())
        )


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label
