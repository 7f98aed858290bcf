"""First run of the countdown: four calm steps that end in a new No-Contact plan.

It is a plain widget, not a ``QWizard`` dialog, so the home pane can show it in place of
the countdown until a plan exists. It only collects answers; ``plan_created`` hands the
new ``Plan`` to whoever saves it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.ui.countdown.plan_form import (
    PersonField,
    ReasonsField,
    StartField,
    TargetField,
    problem_label,
    target_words,
)
from reconnect_gui.ui.widgets.labels import caption, page_with_heading, quiet_label, wrapped_label

WELCOME, WHEN, PERSON, REASONS = range(4)
STEP_COUNT = 4
CONTENT_WIDTH = 620  # like the other panes: lines short enough to read calmly
PAGE_MARGINS = (0, 4, 0, 0)  # a little air between the progress line and a heading
PAGE_SPACING = 10


class StepDots(QWidget):
    """Four short bars, filled up to the current step. Decoration: the label says it in words."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._current = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_current(self, index: int) -> None:
        self._current = index
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._count * 28 - 6, 6)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        palette = self.palette()
        for i in range(self._count):
            role = QPalette.ColorRole.Highlight if i <= self._current else QPalette.ColorRole.Mid
            painter.setBrush(palette.color(role))
            painter.drawRoundedRect(i * 28, 0, 22, 6, 3, 3)


class NoContactWizard(QWidget):
    """Welcome → when it began and for how long → about them → reasons → a new plan."""

    plan_created = Signal(object)  # a core.countdown.plan.Plan

    def __init__(
        self, now: Callable[[], datetime], zone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nocontactWizard")
        self.setAccessibleName("Set up your No-Contact countdown")
        self._now = now
        self._zone = zone

        self.start = StartField(now, zone)
        self.target = TargetField()
        self.person = PersonField()
        self.reasons = ReasonsField()

        self.step_label = quiet_label("")
        self.step_label.setAccessibleName("Progress")
        self.dots = StepDots(STEP_COUNT)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._when_page())
        self.pages.addWidget(self._person_page())
        self.pages.addWidget(self._reasons_page())
        self.problem = problem_label()
        self.problem.hide()

        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.go_next)
        for button in (self.back_button, self.next_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
            button.setMinimumWidth(110)
        self.next_button.setDefault(True)  # drawn as the main way on

        progress = QHBoxLayout()
        progress.setSpacing(12)
        progress.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignVCenter)
        progress.addWidget(self.step_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addLayout(progress)
        column.addWidget(self.pages, 1)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        holder = QWidget()
        holder.setMaximumWidth(CONTENT_WIDTH)
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 28)
        outer.addWidget(holder, 1)
        outer.addStretch(0)

        self.start.changed.connect(self._update_when)
        self.target.changed.connect(self._update_when)
        self.person.name.textChanged.connect(self._update_buttons)
        self.person.pronouns.editTextChanged.connect(self._update_buttons)
        self._update_when()
        self._show_step(WELCOME)

    # ---- navigation ---------------------------------------------------------------------

    def step(self) -> int:
        return self.pages.currentIndex()

    def go_next(self) -> None:
        """Go on to the next step, or create the plan on the last one, unless a field objects."""
        if self._refuse(self.step()):
            return
        if self.step() == REASONS:
            self.finish()
        else:
            self._show_step(self.step() + 1)

    def go_back(self) -> None:
        if self.step() > WELCOME:
            self._show_step(self.step() - 1)

    def finish(self) -> None:
        """Create the plan from every step's answers and emit ``plan_created``."""
        # Check every step again: the clock moved on while the user wrote their reasons.
        for step in (WHEN, PERSON, REASONS):
            if self._refuse(step):
                self._show_step(step, keep_problem=True)
                return
        name, pronouns = self.person.value()
        try:
            plan = new_plan(
                self.start.value(),
                self._zone,
                self.target.value(),
                name,
                pronouns,
                self.reasons.value(),
            )
        except ValueError as error:
            self._say(f"{error} Nothing was saved yet; you can fix it and try again.")
            return
        self.plan_created.emit(plan)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves on from any field of the first three steps. On the reasons step,
        # Enter adds a reason instead (the entry handles it); the user presses the button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.step() != REASONS:
            self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)

    def _refuse(self, step: int) -> bool:
        """Show the step's problem, if it has one, and say whether it stops us."""
        problem = None
        if step == WHEN:
            self.start.refresh()
            problem = self.start.problem()
        elif step == PERSON:
            problem = self.person.problem()
        elif step == REASONS:
            problem = self.reasons.problem()
        self._say(problem)
        return problem is not None

    def _show_step(self, step: int, keep_problem: bool = False) -> None:
        self.pages.setCurrentIndex(step)
        if not keep_problem:
            self._say(None)
        self.dots.set_current(step)
        self.step_label.setText(f"Step {step + 1} of {STEP_COUNT}")
        self.back_button.setVisible(step > WELCOME)
        if step == WHEN:
            self.start.refresh()
            self._update_when()
        self._update_buttons()
        focus = {
            WELCOME: self.next_button,
            WHEN: self.start,
            PERSON: self.person,
            REASONS: self.reasons,
        }[step]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        step = self.step()
        if step == WELCOME:
            text = "Let's &begin"
        elif step == REASONS:
            text = "&Start my countdown"
        elif step == PERSON and self.person.is_empty():
            text = "&Skip this step"
        else:
            text = "&Next"
        self.next_button.setText(text)
        self.next_button.setAccessibleName(text.replace("&", ""))

    def _update_when(self) -> None:
        self.target.when.setText(
            target_words(self.start.value(), self.target.value(), self._zone, self._now())
        )

    def _say(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)

    # ---- pages --------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page, layout = page_with_heading("Let's set up your No Contact", PAGE_MARGINS, PAGE_SPACING)
        layout.addWidget(
            wrapped_label(
                "No Contact is a stretch of time with no messages, calls or visits to their "
                "profiles. It gives the hurt room to settle, so that whatever you decide "
                "later comes from a steady place rather than a lonely moment."
            )
        )
        layout.addWidget(
            wrapped_label(
                "This takes about a minute: when it began, how long you want to keep it, and "
                "your own reasons. Nothing leaves this computer."
            )
        )
        layout.addStretch(1)
        return page

    def _when_page(self) -> QWidget:
        page, layout = page_with_heading("When did No Contact begin?", PAGE_MARGINS, PAGE_SPACING)
        layout.addWidget(
            wrapped_label(
                "If you stopped reaching out a few days ago, pick that day; your count starts "
                "from there."
            )
        )
        layout.addSpacing(4)
        layout.addWidget(caption("It &began", self.start))
        layout.addWidget(self.start)
        layout.addSpacing(8)
        layout.addWidget(caption("How &long do you want to keep it?", self.target))
        layout.addWidget(self.target)
        layout.addStretch(1)
        return page

    def _person_page(self) -> QWidget:
        page, layout = page_with_heading("About them", PAGE_MARGINS, PAGE_SPACING)
        layout.addWidget(
            wrapped_label(
                "If you like, tell Reconnect who this is about, so it can speak of them the "
                "way you do. You can leave this empty."
            )
        )
        layout.addSpacing(4)
        layout.addWidget(self.person)
        layout.addStretch(1)
        return page

    def _reasons_page(self) -> QWidget:
        page, layout = page_with_heading("Your reasons", PAGE_MARGINS, PAGE_SPACING)
        layout.addWidget(
            wrapped_label(
                "Why are you doing this? Write each reason in your own words. When the urge "
                "to reach out is strong, Reconnect will put them in front of you."
            )
        )
        layout.addWidget(self.reasons, 1)
        layout.addWidget(quiet_label("You can change any of this later."))
        return page
