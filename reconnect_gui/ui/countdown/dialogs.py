"""The small dialogs of the No-Contact home screen: a slip, a contact, the readiness check.

Each dialog only collects a choice and emits it as a plain value; the home screen
records it with the core functions and saves. Open them with ``open()`` (non-blocking).
Times are shown and typed in the plan's zone and emitted in UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.contact_log import (
    DEFAULT_WAIT_DAYS,
    GUIDANCE,
    LOGISTICS_TOPICS,
    ContactEntry,
    ContactKind,
    logistics_contact,
    they_contacted,
)
from reconnect_gui.core.countdown.person import ExWords
from reconnect_gui.core.countdown.plan import SLIP_KINDS, Initiator, Plan, SlipKind
from reconnect_gui.core.countdown.readiness import (
    QUESTIONS,
    READY_SIGN,
    SUGGESTED_EXTENSION_DAYS,
    TOO_SOON,
    ReadinessResult,
    evaluate,
    moving_on,
)
from reconnect_gui.core.countdown.view import person_of, slip_kind_words, when_words
from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.labels import (
    DIALOG_MARGINS,
    caption,
    heading_column,
    quiet_label,
    wrapped_label,
)
from reconnect_gui.ui.widgets.zoned_time import ZonedDateTimeEdit, wall_time, zone_info

Clock = Callable[[], datetime]
_INDENT = 26  # lines text up with a radio button's or check box's label

FUTURE_PROBLEM = "That time hasn't happened yet. Please choose a moment up to now."
TOPIC_WORDS = {"belongings": "Belongings", "bills": "Shared bills", "other": "Something else"}
CONTACT_MODES = (ContactKind.THEY_CONTACTED, ContactKind.LOGISTICS)

# A framed, calm box for the one sentence a dialog is really about.
_GUIDANCE_STYLE = """
QFrame#guidance {
    background: palette(alternate-base);
    border: none;
    border-left: 4px solid palette(highlight);
    border-radius: 6px;
}
"""


@dataclass(frozen=True)
class SlipChoice:
    """What the user said in "I broke No Contact"; the caller records it."""

    at: datetime  # UTC
    kind: str  # one of SLIP_KINDS
    note: str
    initiated_by: str  # "me" or "them"
    restart: bool
    unanswered: bool  # "I reached out" and no answer came: the caller also starts the wait


class WhenEdit(ZonedDateTimeEdit):
    """A date and time typed as wall-clock time in the plan's zone, never in the future.

    The latest choice is the clock's now, so a later time is clamped rather than refused.
    """

    def __init__(self, now: Clock, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(zone, datetime(2000, 1, 1), "ddd d MMM yyyy, HH:mm", parent)
        self._now = now
        self.zone_name = zone_info(zone).key  # the plan's zone, or UTC when it is unknown
        self.setAccessibleName("When")
        self.setAccessibleDescription(
            f"The date and time it happened, in {self.zone_name} time; it can't be in the future."
        )
        self.reset_to_now()

    def refresh_maximum(self) -> None:
        """Allow any moment up to the clock's now: time moves on while a dialog is open."""
        self.set_latest(wall_time(self._now(), self.zone))

    def reset_to_now(self) -> None:
        self.set_moment(self._now())

    def set_moment(self, moment: datetime) -> None:
        """Show ``moment`` (aware) in the plan's zone; later than now is clamped to now."""
        self.refresh_maximum()
        super().set_moment(moment)

    def is_future(self) -> bool:
        return self.moment() > self._now()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.refresh_maximum()
        super().focusInEvent(event)


class _FittingScroll(QScrollArea):
    """A frameless, vertical-only scroll area that asks for its content's full height.

    So a dialog opens just tall enough for what it shows, and scrolls only on a small screen.
    """

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        body = self.widget()
        if body is None:  # never: the body is set for good in __init__
            return super().sizeHint()
        width = max(self.viewport().width(), body.minimumSizeHint().width())
        height = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        if height < 0:
            height = body.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        return QSize(body.sizeHint().width(), min(height + 2, int(screen * 0.7)))


def _grow_to_fit(dialog: QDialog, scroll: _FittingScroll) -> None:
    """Make ``dialog`` tall enough for its content at its real width (never shorter).

    Word-wrapped text only knows its height once the width is known, so this runs
    after the dialog is laid out, and again when a section appears.
    """
    if not dialog.isVisible():
        return
    scroll.updateGeometry()
    layout = dialog.layout()
    if layout is None:
        return
    layout.invalidate()
    layout.activate()
    width = dialog.width()
    wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    wanted = max(wanted, layout.totalSizeHint().height())
    if wanted > dialog.height():
        dialog.resize(width, wanted)


class _FormDialog(QDialog):
    """Heading, a scrolling body, a line for problems, and Cancel + a main button."""

    def __init__(self, title: str, heading: str, action: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        outer = heading_column(self, heading, DIALOG_MARGINS)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 8, 0)  # room beside a scroll bar
        self.body.setSpacing(16)
        self.scroll_area = _FittingScroll(body)
        outer.addWidget(self.scroll_area, 1)
        self.problem = quiet_label("")
        self.problem.hide()
        outer.addWidget(self.problem)
        row, self.save_button, self.cancel_button = dialog_buttons(self, action, self._save)
        outer.addWidget(row)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        if bool(text) != self.problem.isVisibleTo(self):
            self.problem.setVisible(bool(text))
            _grow_to_fit(self, self.scroll_area)  # room for the line, without hiding the form

    def _save(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        _grow_to_fit(self, self.scroll_area)


def _section(body: QVBoxLayout, title: str) -> QVBoxLayout:
    """A bold title with a compact layout beneath it for the section's controls."""
    group = QVBoxLayout()
    group.setSpacing(4)
    group.addWidget(caption(title))
    body.addLayout(group)
    return group


def _explained_radio(
    text: str, explanation: str, layout: QVBoxLayout
) -> tuple[QRadioButton, QLabel]:
    """A radio button with its one-line explanation indented beneath it."""
    button = QRadioButton(text)
    button.setAccessibleName(text)
    button.setAccessibleDescription(explanation)
    layout.addWidget(button)
    line = quiet_label(explanation)
    line.setContentsMargins(_INDENT, 0, 0, 4)
    layout.addWidget(line)
    return button, line


def _ex_of(parent: QWidget | None, ex: ExWords | None) -> ExWords:
    """How to speak of the ex: as given, else from the home screen that opened the dialog
    (its ``plan`` holds the name and pronouns), else "they"."""
    if ex is not None:
        return ex
    plan = getattr(parent, "plan", None)
    return person_of(plan) if isinstance(plan, Plan) else ExWords()


def restart_words(at: datetime, zone: str) -> str:
    """What "Start counting again" does, with the moment it counts from: the slip's."""
    return (
        f"A fresh count from the time of the slip ({when_words(at, zone)}); "
        "earlier days stay in your history."
    )


class GuidanceBox(QFrame):
    """A calm, framed box for the one thing a dialog is really about."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setObjectName("guidance")
        self.setStyleSheet(_GUIDANCE_STYLE)  # scoped to this frame
        inner = QVBoxLayout(self)
        inner.setContentsMargins(16, 12, 14, 12)
        self.label = wrapped_label("")
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.label.setFont(font)
        inner.addWidget(self.label)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)  # read out in full: it is the point


def _when_row(body: QVBoxLayout, now: Clock, zone: str) -> WhenEdit:
    when = WhenEdit(now, zone)
    when.setMinimumWidth(240)
    zone_label = quiet_label(f"{when.zone_name} time")
    zone_label.setWordWrap(False)
    row = QHBoxLayout()
    row.addWidget(when)
    row.addWidget(zone_label)
    row.addStretch(1)
    _section(body, "When was it?").addLayout(row)
    return when


def _note_field(placeholder: str, accessible: str) -> QPlainTextEdit:
    note = QPlainTextEdit()
    note.setPlaceholderText(placeholder)
    note.setAccessibleName(accessible)
    note.setTabChangesFocus(True)  # Tab moves on, as in every other field
    note.setFixedHeight(note.fontMetrics().lineSpacing() * 3 + 16)
    return note


# -- "I broke No Contact" -----------------------------------------------------------------


class SlipDialog(_FormDialog):
    """Log a slip: what happened, who started it, when, and whether to start counting again."""

    slip_recorded = Signal(object)  # SlipChoice

    def __init__(
        self, now: Clock, zone: str, parent: QWidget | None = None, *, ex: ExWords | None = None
    ) -> None:
        super().__init__("I broke No Contact", "It happened, and that's okay", "Save", parent)
        self._now = now
        self._zone = zone
        self.ex = ex = _ex_of(parent, ex)
        self._initiator_chosen = False  # once the user picks, we stop suggesting
        body = self.body
        body.addWidget(
            wrapped_label(
                "A slip doesn't erase the days you've already managed. Writing it down "
                "honestly is part of looking after yourself."
            )
        )

        kinds = _section(body, "What happened?")
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind in SLIP_KINDS:
            words = slip_kind_words(kind, ex)
            button = QRadioButton(words)
            button.setAccessibleName(words)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
            if kind == SlipKind.REACHED_OUT:
                kinds.addWidget(self._unanswered_box())
        self.kind_group.buttonToggled.connect(self._kind_toggled)

        who = _section(body, "Who started it?")
        self.initiator_group = QButtonGroup(self)
        self.initiator_buttons = {
            "me": QRadioButton("I did"),
            "them": QRadioButton(f"{ex.who} did"),
        }
        row = QHBoxLayout()
        row.setSpacing(18)
        for button in self.initiator_buttons.values():
            button.setAccessibleName(f"Who started it: {button.text()}")
            self.initiator_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        who.addLayout(row)
        self.initiator_buttons["me"].setChecked(True)
        self.initiator_group.buttonClicked.connect(self._initiator_clicked)

        self.when = _when_row(body, now, zone)
        self.when.dateTimeChanged.connect(self._update_state)

        self.note = _note_field(
            "What happened, and how you felt. Only you will see this.", "A note for yourself"
        )
        _section(body, "A note for yourself (optional)").addWidget(self.note)

        after = _section(body, "What now?")
        self.restart_button, self.restart_line = _explained_radio(
            "Start counting again", restart_words(self.when.moment(), zone), after
        )
        self.keep_button, _keep_line = _explained_radio(
            "Keep counting", "Your count goes on, with this slip noted in it.", after
        )
        self.restart_group = QButtonGroup(self)
        self.restart_group.addButton(self.restart_button)
        self.restart_group.addButton(self.keep_button)
        self.keep_button.setChecked(True)
        body.addStretch(1)
        self._update_state()
        self.kind_buttons[SLIP_KINDS[0]].setFocus()  # start where the choice is needed

    def _unanswered_box(self) -> QWidget:
        """Shown under "I reached out" only: no answer came, so the wait starts too."""
        ex = self.ex
        unanswered = f"{ex.who} {ex.verb('hasn’t', 'haven’t')} answered"
        self.unanswered = QCheckBox(unanswered)
        self.unanswered.setAccessibleName(unanswered)
        self.unanswered_line = quiet_label(
            f"Starts a {DEFAULT_WAIT_DAYS}-day wait, with a gentle reminder not to send more."
        )
        self.unanswered.setAccessibleDescription(self.unanswered_line.text())
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(_INDENT, 0, 0, 6)
        layout.setSpacing(2)
        layout.addWidget(self.unanswered)
        layout.addWidget(self.unanswered_line)
        self.unanswered_box = box
        return box

    def chosen_kind(self) -> str | None:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    def _kind_toggled(self, _button: QAbstractButton, _checked: bool) -> None:
        kind = self.chosen_kind()
        if not self._initiator_chosen and kind in ("reached_out", "replied"):
            # A sensible first guess; the user can still change it.
            self.initiator_buttons[
                Initiator.ME if kind == SlipKind.REACHED_OUT else Initiator.THEM
            ].setChecked(True)
        self._update_state()

    def _initiator_clicked(self, _button: QAbstractButton) -> None:
        self._initiator_chosen = True

    def _update_state(self) -> None:
        reached_out = self.chosen_kind() == SlipKind.REACHED_OUT
        if reached_out != self.unanswered_box.isVisibleTo(self):
            self.unanswered_box.setVisible(reached_out)
            _grow_to_fit(self, self.scroll_area)
        future = self.when.is_future()
        self._show_problem(FUTURE_PROBLEM if future else "")
        self.save_button.setEnabled(self.chosen_kind() is not None and not future)
        if hasattr(self, "restart_line"):  # built after the time field that calls this
            words = restart_words(self.when.moment(), self._zone)
            self.restart_line.setText(words)
            self.restart_button.setAccessibleDescription(words)

    def choice(self) -> SlipChoice | None:
        """The filled form, or ``None`` while it can't be saved yet."""
        kind = self.chosen_kind()
        if kind is None or self.when.is_future():
            return None
        return SlipChoice(
            at=self.when.moment(),
            kind=kind,
            note=self.note.toPlainText().strip(),
            initiated_by="them" if self.initiator_buttons["them"].isChecked() else "me",
            restart=self.restart_button.isChecked(),
            unanswered=kind == SlipKind.REACHED_OUT and self.unanswered.isChecked(),
        )

    def _save(self) -> None:
        self._update_state()
        choice = self.choice()
        if choice is None:
            return
        self.slip_recorded.emit(choice)
        self.accept()


# -- contacts that are not slips ----------------------------------------------------------


class ContactDialog(_FormDialog):
    """Log "They contacted me" or a practical (logistics) contact. Neither is a slip."""

    contact_logged = Signal(object)  # core.countdown.contact_log.ContactEntry

    def __init__(
        self,
        mode: ContactKind | str,
        now: Clock,
        zone: str,
        parent: QWidget | None = None,
        *,
        ex: ExWords | None = None,
    ) -> None:
        ex = _ex_of(parent, ex)
        if mode not in CONTACT_MODES:
            raise ValueError(f"The contact dialog's mode must be one of: {CONTACT_MODES}.")
        mode = ContactKind(mode)
        if mode == ContactKind.THEY_CONTACTED:
            title, heading = f"{ex.who} contacted me", f"{ex.who} got in touch"
            not_a_slip = "This is not a slip: nothing is reset, and your count goes on."
        else:
            title, heading = "Log a logistics contact", "A practical contact"
            not_a_slip = "Sorting out practical things is not a slip: your countdown keeps going."
        super().__init__(title, heading, "Save", parent)
        self.mode = mode
        self._now = now
        body = self.body
        self.guidance = GuidanceBox(GUIDANCE[mode])
        body.addWidget(self.guidance)
        self.not_a_slip = wrapped_label(not_a_slip)
        body.addWidget(self.not_a_slip)

        self.topic_group = QButtonGroup(self)
        self.topic_buttons: dict[str, QRadioButton] = {}
        if mode == ContactKind.LOGISTICS:
            row = QHBoxLayout()
            row.setSpacing(18)
            for topic in LOGISTICS_TOPICS:
                button = QRadioButton(TOPIC_WORDS[topic])
                button.setAccessibleName(f"Topic: {TOPIC_WORDS[topic]}")
                self.topic_group.addButton(button)
                self.topic_buttons[topic] = button
                row.addWidget(button)
            row.addStretch(1)
            _section(body, "What was it about?").addLayout(row)
            self.topic_group.buttonToggled.connect(self._update_state)

        self.when = _when_row(body, now, zone)
        self.when.dateTimeChanged.connect(self._update_state)
        placeholder = (
            f"What {ex.subject} said, and how it felt. Only you will see this."
            if mode == ContactKind.THEY_CONTACTED
            else "What was arranged, in a few words. Only you will see this."
        )
        self.note = _note_field(placeholder, "A note for yourself")
        _section(body, "A note for yourself (optional)").addWidget(self.note)
        body.addStretch(1)
        self._update_state()
        first = self.topic_buttons.get(LOGISTICS_TOPICS[0], self.note)
        first.setFocus()

    def chosen_topic(self) -> str | None:
        return next((t for t, b in self.topic_buttons.items() if b.isChecked()), None)

    def _update_state(self, *_args: object) -> None:
        future = self.when.is_future()
        self._show_problem(FUTURE_PROBLEM if future else "")
        needs_topic = self.mode == ContactKind.LOGISTICS and self.chosen_topic() is None
        self.save_button.setEnabled(not future and not needs_topic)

    def entry(self) -> ContactEntry | None:
        """The filled form as a contact entry, or ``None`` while it can't be saved yet."""
        if self.when.is_future():
            return None
        note = self.note.toPlainText()
        if self.mode == ContactKind.THEY_CONTACTED:
            return they_contacted(self.when.moment(), note)
        topic = self.chosen_topic()
        return None if topic is None else logistics_contact(self.when.moment(), topic, note)

    def _save(self) -> None:
        self._update_state()
        entry = self.entry()
        if entry is None:
            return
        self.contact_logged.emit(entry)
        self.accept()


# -- the readiness self-check -------------------------------------------------------------


class ReadinessDialog(QDialog):
    """Once the target is reached: the honest choice first (move on, or see whether a first
    message could be right), then the self-check's questions, then a calm result."""

    checked = Signal(object)  # ReadinessResult, once, when the result is shown
    extend_requested = Signal(int)  # days to add to the target

    def __init__(
        self, now: Clock, parent: QWidget | None = None, *, ex: ExWords | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.ex = _ex_of(parent, ex)
        self.readiness_result: ReadinessResult | None = None
        self.setWindowTitle("A quiet check-in")
        self.setMinimumWidth(600)
        outer = heading_column(self, "You reached your target", DIALOG_MARGINS)
        # Three pages; only one is shown at a time, so the dialog fits what it shows.
        self.choice_page = self._choice_page()
        self.questions_page = self._questions_page()
        self.questions_page.hide()
        self.result_page = self._result_page()
        self.result_page.hide()
        outer.addWidget(self.choice_page, 1)
        outer.addWidget(self.questions_page, 1)
        outer.addWidget(self.result_page, 1)
        self.moving_on_button.setFocus()

    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(
            wrapped_label(
                "What comes next is your choice, and there is no wrong one. Many people "
                "keep going without contact and move on. Others want to see whether a "
                "first message could ever be right."
            )
        )
        self.moving_on_button = QPushButton("I'm moving on: I'll keep going without contact")
        self.moving_on_button.setAccessibleName("I'm moving on")
        self.moving_on_button.setAccessibleDescription(
            "Your count keeps going and Reconnect stops pointing you towards a message"
        )
        self.moving_on_button.setMinimumHeight(36)
        self.moving_on_button.clicked.connect(self.choose_moving_on)
        self.questions_button = QPushButton("Check whether I'm ready to reach out…")
        self.questions_button.setAccessibleName("Check whether I'm ready to reach out")
        self.questions_button.setMinimumHeight(36)
        self.questions_button.clicked.connect(self.show_questions)
        for button in (self.moving_on_button, self.questions_button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def show_questions(self) -> None:
        self.choice_page.hide()
        self.questions_page.show()
        next(iter(self.answer_groups.values()))[0].setFocus()
        _grow_to_fit(self, self.scroll_area)

    def choose_moving_on(self) -> ReadinessResult:
        """ "I'm moving on": kept like a check's result (``checked``), then a calm word."""
        if self.readiness_result is None:
            self.readiness_result = moving_on(self._now())
            self.checked.emit(self.readiness_result)
        return self._show_result(self.readiness_result)

    def _questions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(14)
        inner.addWidget(
            wrapped_label(
                "Before you think about a first message, take a moment with these questions. "
                "Answer honestly; nobody else will see them."
            )
        )
        self.answer_groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for kind, title in (
            (TOO_SOON, "Signs it may be too soon"),
            (READY_SIGN, "Signs you may be ready"),
        ):
            box = QGroupBox(title)
            box.setAccessibleName(title)
            rows = QVBoxLayout(box)
            rows.setSpacing(10)
            for question in (q for q in QUESTIONS if q.kind == kind):
                rows.addLayout(self._question_row(question.id, self.ex.fill(question.text)))
            inner.addWidget(box)
            if kind == TOO_SOON:
                inner.addWidget(
                    quiet_label(
                        "If you skip one of these, we'll read it as “not yet”, "
                        "just to be gentle with yourself."
                    )
                )
        inner.addStretch(1)
        self.scroll_area = _FittingScroll(body)
        layout.addWidget(self.scroll_area, 1)
        row, self.result_button, _cancel = dialog_buttons(self, "See the result", self.evaluate)
        layout.addWidget(row)
        return page

    def _question_row(self, qid: str, text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        label = wrapped_label(text)
        row.addWidget(label, 1)
        group = QButtonGroup(self)  # exclusive: yes or no, or neither (unanswered)
        yes, no = QRadioButton("Yes"), QRadioButton("No")
        for button in (yes, no):
            button.setAccessibleName(f"{button.text()}: {text}")
            group.addButton(button)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        label.setBuddy(yes)
        self.answer_groups[qid] = (yes, no)
        return row

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.result_box = GuidanceBox()
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.not_now_button = QPushButton("Not now")
        self.not_now_button.setAccessibleName("Not now")
        self.not_now_button.setAutoDefault(False)
        self.not_now_button.clicked.connect(self.accept)
        self.extend_button = QPushButton(f"Add {SUGGESTED_EXTENSION_DAYS} more days")
        self.extend_button.setAccessibleName(self.extend_button.text())
        self.extend_button.clicked.connect(self._extend)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.clicked.connect(self.accept)
        for button in (self.not_now_button, self.extend_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        return page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        _grow_to_fit(self, self.scroll_area)

    def answers(self) -> dict[str, bool]:
        """Only the questions the user answered."""
        found: dict[str, bool] = {}
        for qid, (yes, no) in self.answer_groups.items():
            if yes.isChecked() or no.isChecked():
                found[qid] = yes.isChecked()
        return found

    def evaluate(self) -> ReadinessResult:
        """Show the result for the answers so far; ``checked`` is emitted the first time only."""
        if self.readiness_result is None:
            self.readiness_result = evaluate(self.answers(), self._now())
            self.checked.emit(self.readiness_result)
        return self._show_result(self.readiness_result)

    def _show_result(self, result: ReadinessResult) -> ReadinessResult:
        self.result_box.set_text(result.message)
        offers = result.offers_extension
        self.extend_button.setVisible(offers)
        self.not_now_button.setVisible(offers)
        self.close_button.setVisible(not offers)
        main = self.extend_button if offers else self.close_button
        main.setDefault(True)
        self.choice_page.hide()
        self.questions_page.hide()
        self.result_page.show()
        main.setFocus()
        self.adjustSize()  # the short result needs far less room than the questions
        return result

    def _extend(self) -> None:
        self.extend_requested.emit(SUGGESTED_EXTENSION_DAYS)
        self.accept()
