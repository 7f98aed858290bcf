"""The SOS flow ("I feel the urge…"): pause and breathe, write it here, note it down.

Three short steps in one dialog. Storage is the caller's job: the dialog only calls
``save_letter(text)`` and ``log_urge(urge)``. Whatever way it closes (Finish, Esc, the
window's close button, Close, or ``save_and_close`` before the vault locks), the letter
is saved if there is one, and the urge is logged only if the user chose how strong it was.

It also opens while Reconnect is locked (``reasons=None``): the breathing and a short
grounding exercise need nothing from the vault. What is typed then stays in this window
only (never on disk, where it could not be encrypted yet); saving offers to unlock, and
``vault_opened`` saves it and shows the person's reasons.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.countdown.contact_log import INTENSITIES, Urge, new_urge
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.widgets.labels import caption, page_with_heading, quiet_label, wrapped_label
from reconnect_gui.ui.widgets.theme import card_frame

BREATHE_IN_MS = 4_000
BREATHE_OUT_MS = 6_000
WAIT_CHOICES = (60, 90, 120)  # seconds the user can choose to breathe and wait
WAIT_WORDS = {60: "1 minute", 90: "1½ minutes", 120: "2 minutes"}
TICK_MS = 40  # animation step while the breathing page is on screen (25 frames a second)

PAUSE, WRITE, NOTE, DONE = range(4)
STEP_WORDS = {PAUSE: "Step 1 of 3", WRITE: "Step 2 of 3", NOTE: "Step 3 of 3", DONE: ""}


def breath_at(elapsed_ms: int) -> tuple[str, float]:
    """Which way to breathe after ``elapsed_ms`` ("in" or "out") and how full the circle is
    (0 = smallest, 1 = largest), eased so it never jerks at the turns."""
    at = elapsed_ms % (BREATHE_IN_MS + BREATHE_OUT_MS)
    if at < BREATHE_IN_MS:
        return "in", (1 - math.cos(math.pi * at / BREATHE_IN_MS)) / 2
    return "out", (1 + math.cos(math.pi * (at - BREATHE_IN_MS) / BREATHE_OUT_MS)) / 2


def clock_words(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class BreathingCircle(QWidget):
    """A soft circle that grows while breathing in and shrinks while breathing out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elapsed_ms = 0  # how long the user has been breathing along
        self.resting = False  # after the wait: a still circle and a kind word
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Breathing circle")
        self.setAccessibleDescription(
            "Breathe in slowly while the circle grows, and out while it shrinks."
        )

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def set_elapsed(self, elapsed_ms: int) -> None:
        self.elapsed_ms = elapsed_ms
        self.update()

    def words(self) -> str:
        if self.resting:
            return "Well done"
        return "Breathe in" if breath_at(self.elapsed_ms)[0] == "in" else "Breathe out"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        centre = QPointF(self.width() / 2, self.height() / 2)
        largest = min(self.width(), self.height()) / 2 - 4
        smallest = largest * 0.45
        fullness = 0.35 if self.resting else breath_at(self.elapsed_ms)[1]
        radius = smallest + (largest - smallest) * fullness

        guide = QColor(accent)
        guide.setAlpha(70)
        painter.setPen(QPen(guide, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, largest, largest)

        fill = QColor(accent)
        fill.setAlpha(45 + round(45 * fullness))
        painter.setPen(QPen(accent, 2))
        painter.setBrush(fill)
        painter.drawEllipse(centre, radius, radius)

        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.words())


class SosDialog(QDialog):
    """The calming flow. Nothing here ever offers to send or copy anything."""

    def __init__(
        self,
        reasons: Sequence[str] | None,  # None: locked, not readable yet
        save_letter: Callable[[str], None],
        log_urge: Callable[[Urge], None],
        now: Callable[[], datetime],
        ex_name: str = "",
        breath_seconds: int = 90,
        unlock: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if breath_seconds not in WAIT_CHOICES:
            raise ValueError(f"breath_seconds must be one of {WAIT_CHOICES}")
        self._save_letter = save_letter
        self._log_urge = log_urge
        self._unlock = unlock
        # Locked: the reasons and the vault are out of reach; words wait in memory.
        self.locked = reasons is None
        self._after_unlock: Callable[[], None] | None = None  # Finish or Close, waiting
        self._now = now
        self._ex_name = ex_name.strip()
        self._wait_ms = breath_seconds * 1000
        self._waited_ms = 0
        self._breathed_ms = 0
        self._saved_letter: str | None = None  # the exact text already saved, if any
        self._urge_logged = False
        self._finished = False

        self.setWindowTitle("A moment for you")
        self.setMinimumWidth(620)
        self.breath_timer = QTimer(self)
        self.breath_timer.setInterval(TICK_MS)
        self.breath_timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()

        self.step_label = quiet_label("")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._pause_page(reasons or (), breath_seconds))
        self.pages.addWidget(self._write_page())
        self.pages.addWidget(self._note_page())
        self.pages.addWidget(self._done_page())
        self.problem = wrapped_label("")
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        self.discard_button = _button("Close without saving", self._discard)
        self.discard_button.setAccessibleDescription(
            "Lets these words go: they are not saved anywhere."
        )
        self.discard_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.discard_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addLayout(self._button_row())
        self._show_step(PAUSE)
        self._show_countdown()

    # ---- pages --------------------------------------------------------------------------

    def _pause_page(self, reasons: Sequence[str], breath_seconds: int) -> QWidget:
        page, layout = page_with_heading("Pause for a moment")
        layout.addWidget(
            wrapped_label(
                "This feeling is strong, and it will pass. You don't have to do anything "
                "about it right now. Just breathe with the circle for a little while."
            )
        )
        columns = QHBoxLayout()
        columns.setSpacing(24)

        # A fixed-width column, so the circle never shifts when the words below it change.
        breathing_column = QWidget()
        breathing_column.setFixedWidth(250)
        breathing = QVBoxLayout(breathing_column)
        breathing.setContentsMargins(0, 0, 0, 0)
        breathing.setSpacing(6)
        self.circle = BreathingCircle()
        breathing.addWidget(self.circle)
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.countdown.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.countdown.setFont(font)
        self.countdown.setAccessibleName("Time left to breathe")
        breathing.addWidget(self.countdown)
        self.countdown_note = quiet_label("")
        self.countdown_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        breathing.addWidget(self.countdown_note)
        length_row = QHBoxLayout()
        length_label = QLabel("Breathe for")
        self.wait_choice = QComboBox()
        for seconds in WAIT_CHOICES:
            self.wait_choice.addItem(WAIT_WORDS[seconds], seconds)
        self.wait_choice.setCurrentIndex(WAIT_CHOICES.index(breath_seconds))
        self.wait_choice.setAccessibleName("How long to breathe")
        self.wait_choice.setAccessibleDescription("Choosing a length starts the wait again.")
        self.wait_choice.activated.connect(self._wait_chosen)
        length_label.setBuddy(self.wait_choice)
        length_row.addStretch(1)
        length_row.addWidget(length_label)
        length_row.addWidget(self.wait_choice)
        length_row.addStretch(1)
        breathing.addLayout(length_row)
        columns.addWidget(breathing_column, 0, Qt.AlignmentFlag.AlignTop)

        self.reasons_column = QVBoxLayout()
        self.reasons_column.setContentsMargins(0, 0, 0, 0)
        self.calming_box = self._calming_box()
        self.reasons_column.addWidget(self.calming_box)
        self.reason_labels: list[QLabel] = []
        self.reasons_box: QWidget | None = None
        if self.locked:
            self.calming_box.show()
        else:
            self.calming_box.hide()
            self._show_reasons(reasons)
        columns.addLayout(self.reasons_column, 1)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addLayout(self._intensity_row())
        layout.addStretch(1)
        return page

    def _calming_box(self) -> QWidget:
        """While locked: a short grounding exercise in place of the reasons, and a way in."""
        box = card_frame("calming")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(caption("While you breathe"))
        for line in (
            "Feel your feet on the floor.",
            "Name three things you can see, and two you can hear.",
            "Let your shoulders drop. This wave will pass.",
        ):
            layout.addWidget(wrapped_label(line))
        layout.addSpacing(4)
        layout.addWidget(quiet_label("Your reasons for No Contact are kept in your locked vault."))
        self.unlock_reasons_button = _button("Unlock to read my reasons…", self._ask_to_unlock)
        self.unlock_reasons_button.setAccessibleName("Unlock to read my reasons")
        layout.addWidget(self.unlock_reasons_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box

    def _show_reasons(self, reasons: Sequence[str]) -> None:
        if self.reasons_box is not None:
            self.reasons_column.removeWidget(self.reasons_box)
            self.reasons_box.deleteLater()
        self.reason_labels = []
        self.reasons_box = self._reasons_box(reasons)
        self.reasons_column.addWidget(self.reasons_box, 0, Qt.AlignmentFlag.AlignTop)
        self.calming_box.hide()

    def _reasons_box(self, reasons: Sequence[str]) -> QWidget:
        box = card_frame("reasons")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(caption("Why you chose No Contact"))
        shown = [r.strip() for r in reasons if r.strip()]
        if not shown:
            layout.addWidget(
                quiet_label(
                    "You haven't written down your reasons yet. When you feel steadier, you "
                    "can add them to your plan, and they'll be waiting here next time."
                )
            )
            return box
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 4, 0)
        inner_layout.setSpacing(6)
        for reason in shown:
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(QLabel("•"), 0, Qt.AlignmentFlag.AlignTop)
            label = wrapped_label(reason)  # plain text: a reason is never read as markup
            self.reason_labels.append(label)
            row.addWidget(label, 1)
            inner_layout.addLayout(row)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
        scroll.setMaximumHeight(240)  # a long list scrolls instead of stretching the dialog
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        scroll.setAccessibleName("Your reasons")
        layout.addWidget(scroll)
        return box

    def _intensity_row(self) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setSpacing(6)
        question = QLabel("How strong is the urge right now?")
        block.addWidget(question)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(quiet_label("faint"))
        self.intensity_group = QButtonGroup(self)
        self.intensity_group.setExclusive(True)
        self.intensity_buttons: list[QPushButton] = []
        for level in INTENSITIES:
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFixedWidth(38)
            words = {1: " (faint)", 10: " (overwhelming)"}.get(level, "")
            button.setAccessibleName(f"Urge strength {level} of 10{words}")
            self.intensity_group.addButton(button, level)
            self.intensity_buttons.append(button)
            row.addWidget(button)
        row.addWidget(quiet_label("overwhelming"))
        row.addStretch(1)
        question.setBuddy(self.intensity_buttons[0])
        block.addLayout(row)
        # The chosen number must stand out in both themes; Fusion's pressed look is too faint.
        for button in self.intensity_buttons:
            button.setStyleSheet(
                "QPushButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border: 1px solid palette(highlight);"
                " border-radius: 3px; padding: 3px; }"
            )
        return block

    def _write_page(self) -> QWidget:
        page, layout = page_with_heading(self._write_heading())
        heading = page.findChild(QLabel, "paneHeading")
        assert heading is not None  # page_with_heading always makes one
        self.write_heading: QLabel = heading
        layout.addWidget(
            wrapped_label(
                "Say all of it: everything you wish you could tell them, however messy. "
                "It stays private. When you close this, it's saved in your journal as an "
                "unsent letter, and it never leaves this computer."
            )
        )
        self.letter = QPlainTextEdit()
        self.letter.setTabChangesFocus(True)
        opening = f"Dear {self._ex_name}," if self._ex_name else "What I want to say is…"
        self.letter.setPlaceholderText(opening)
        self.letter.setAccessibleName("Your unsent letter")
        self.letter.setAccessibleDescription(
            "Private. Saved to your journal as an unsent letter; nothing is ever sent."
        )
        self.letter.setMinimumHeight(180)
        layout.addWidget(self.letter, 1)
        # While locked: say where the words are, and offer the way to keep them.
        self.locked_write_note = QFrame()
        note_row = QHBoxLayout(self.locked_write_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(
            quiet_label(
                "Reconnect is locked, so this stays only in this window for now. "
                "Unlock to save it, encrypted, in your journal."
            ),
            1,
        )
        self.unlock_letter_button = _button("Unlock to save…", self._ask_to_unlock)
        self.unlock_letter_button.setAccessibleName("Unlock to save")
        note_row.addWidget(self.unlock_letter_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.locked_write_note.setVisible(self.locked)
        layout.addWidget(self.locked_write_note)
        return page

    def _write_heading(self) -> str:
        return f"Write it here, not to {self._ex_name or 'them'}"

    def _note_page(self) -> QWidget:
        page, layout = page_with_heading("Note it down")
        layout.addWidget(
            wrapped_label(
                "A line or two is plenty. Over the weeks, these notes let you see how the "
                "urges change, and how often they pass on their own."
            )
        )
        form = QFormLayout()
        form.setSpacing(10)
        self.trigger = QLineEdit()
        self.trigger.setPlaceholderText("a song, a photo, a quiet evening…")
        self.trigger.setAccessibleName("What set it off")
        self.instead = QLineEdit()
        self.instead.setPlaceholderText("breathed, wrote it down, went for a walk…")
        self.instead.setAccessibleName("What I did instead")
        form.addRow("What set it off?", self.trigger)
        form.addRow("What did you do instead?", self.instead)
        layout.addLayout(form)
        # Enter moves on to the next line, then finishes; it never jumps ahead unseen.
        self.trigger.returnPressed.connect(self.instead.setFocus)
        self.instead.returnPressed.connect(self.finish)
        self.intensity_note = quiet_label("")
        layout.addWidget(self.intensity_note)
        self.choose_intensity = QPushButton("Choose how strong it was")
        self.choose_intensity.setAutoDefault(False)
        self.choose_intensity.setAccessibleName("Go back and choose how strong the urge was")
        self.choose_intensity.clicked.connect(self._back_to_intensity)
        layout.addWidget(self.choose_intensity, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page, layout = page_with_heading("You got through it")
        layout.insertStretch(0, 1)
        kind = wrapped_label(
            "You felt the pull and gave yourself time instead. That takes real strength, "
            "and it gets a little easier each time."
        )
        layout.addWidget(kind)
        self.done_note = quiet_label("")
        layout.addWidget(self.done_note)
        layout.addStretch(2)
        for index in range(layout.count()):
            item = layout.itemAt(index)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):  # a calm closing card: centred, not a form
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return page

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.close_button = _button("Close", self.reject)
        self.close_button.setAccessibleDescription(
            "Closes this window. Anything you wrote is still saved."
        )
        self.back_button = _button("Back", self._back)
        self.next_button = _button("I'm a bit calmer", self._next)
        self.finish_button = _button("Finish", self.finish)
        self.finish_button.setAccessibleDescription(
            "Saves your letter to your journal and adds this moment to your urge log."
        )
        self.done_button = _button("Close", self.accept)
        row.addWidget(self.close_button)
        row.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button, self.done_button):
            row.addWidget(button)
        return row

    # ---- moving through the steps -------------------------------------------------------

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.step_label.setText(STEP_WORDS[step])
        self.step_label.setVisible(step != DONE)
        self.back_button.setVisible(step in (WRITE, NOTE))
        self.next_button.setVisible(step in (PAUSE, WRITE))
        self.next_button.setText("I'm a bit calmer" if step == PAUSE else "Next")
        self.next_button.setAccessibleName(self.next_button.text())
        self.finish_button.setVisible(step == NOTE)
        self.close_button.setVisible(step != DONE)
        self.done_button.setVisible(step == DONE)
        level = self.intensity
        self.intensity_note.setText(
            f"You said the urge felt like {level} out of 10."
            if level
            else "You didn't choose how strong the urge was, so this moment won't go in "
            "your urge log. That's fine; anything you wrote is still saved."
        )
        self.choose_intensity.setVisible(step == NOTE and level is None)
        self._run_timer_if_needed()
        focus = {
            PAUSE: self.next_button,
            WRITE: self.letter,
            NOTE: self.trigger,
            DONE: self.done_button,
        }
        focus[step].setFocus()

    def _next(self) -> None:
        self._show_step(min(self.step + 1, NOTE))

    def _back(self) -> None:
        self._show_step(max(self.step - 1, PAUSE))

    def _back_to_intensity(self) -> None:
        self._show_step(PAUSE)
        self.intensity_buttons[0].setFocus()

    # ---- breathing and waiting ----------------------------------------------------------

    @property
    def seconds_left(self) -> int:
        return math.ceil(max(self._wait_ms - self._waited_ms, 0) / 1000)

    def advance(self, ms: int) -> None:
        """Move the breathing and the wait on by ``ms``; the timer calls this, tests too."""
        if self.seconds_left == 0:
            return
        self._waited_ms = min(self._waited_ms + ms, self._wait_ms)
        self._breathed_ms += ms
        self.circle.set_elapsed(self._breathed_ms)
        self._show_countdown()
        if self.seconds_left == 0:
            self.breath_timer.stop()

    def _tick(self) -> None:
        self.advance(self._clock.restart())

    def _wait_chosen(self, index: int) -> None:
        self._wait_ms = int(self.wait_choice.itemData(index)) * 1000
        self._waited_ms = 0
        self._show_countdown()
        self._run_timer_if_needed()

    def _show_countdown(self) -> None:
        left = self.seconds_left
        self.circle.resting = left == 0
        self.circle.update()
        self.countdown.setText(clock_words(left))
        if left:
            self.countdown_note.setText("Stay with your breath. Go on whenever you like.")
        else:
            self.countdown_note.setText("You waited it out. Take your time.")

    def _run_timer_if_needed(self) -> None:
        """The animation runs only while the breathing step is on screen and time is left."""
        wanted = self.isVisible() and self.step == PAUSE and self.seconds_left > 0
        if wanted and not self.breath_timer.isActive():
            self._clock.start()
            self.breath_timer.start()
        elif not wanted:
            self.breath_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_timer_if_needed()

    def hideEvent(self, event: QHideEvent) -> None:
        self.breath_timer.stop()
        super().hideEvent(event)

    # ---- saving -------------------------------------------------------------------------

    @property
    def intensity(self) -> int | None:
        level = self.intensity_group.checkedId()
        return level if level in INTENSITIES else None

    def finish(self) -> None:
        """Save the letter and log the urge, then show a kind closing line."""
        if self._finished or not self._save_pending(then=self.finish):
            return
        self._finished = True
        self.done_note.setText(_saved_words(self._saved_letter is not None, self._urge_logged))
        self._show_step(DONE)

    def save_and_close(self) -> None:
        """Save what there is and close, as when closing early (the vault is about to lock).

        If saving fails, the dialog stays open with the words and the message: a word is
        never lost."""
        self.reject()

    def reject(self) -> None:
        # Esc, the window's close button and Close all land here.
        if self._finished or self._save_pending(then=self.reject):
            super().reject()

    # ---- locked -------------------------------------------------------------------------

    def _has_unsaved_words(self) -> bool:
        text = self.letter.toPlainText()
        letter = bool(text.strip()) and text != self._saved_letter
        return letter or (self.intensity is not None and not self._urge_logged)

    def _ask_to_unlock(self) -> None:
        if self._unlock is not None:
            self._unlock()

    def vault_opened(self, reasons: Sequence[str], ex_name: str = "") -> None:
        """The person unlocked: show their reasons, and save what waited for it."""
        if not self.locked:
            return
        self.locked = False
        self._ex_name = ex_name.strip()
        self.write_heading.setText(self._write_heading())
        if self._ex_name:
            self.letter.setPlaceholderText(f"Dear {self._ex_name},")
        self._show_reasons(reasons)
        self.locked_write_note.hide()
        self.discard_button.hide()
        self.problem.hide()
        then, self._after_unlock = self._after_unlock, None
        if then is not None:
            then()

    def _discard(self) -> None:
        """Close without saving, on purpose: the words leave memory too."""
        self.letter.clear()
        self.trigger.clear()
        self.instead.clear()
        self._finished = True
        super().reject()

    def _save_pending(self, then: Callable[[], None] | None = None) -> bool:
        """Save the letter (if any) and log the urge (if its strength was chosen), each once.
        A storage problem is shown in the dialog and everything typed stays put. While
        locked nothing can be saved: unlocking is offered, and ``then`` runs after it."""
        if self.locked:
            if not self._has_unsaved_words():
                return True
            self._after_unlock = then
            self.problem.setText(
                "Unlock Reconnect to keep what you wrote. Until then it stays only in this window."
            )
            self.problem.show()
            self.discard_button.setVisible(then == self.reject)
            self._ask_to_unlock()
            return False
        text = self.letter.toPlainText()
        try:
            if text.strip() and text != self._saved_letter:
                self._save_letter(text)
                self._saved_letter = text
            if self.intensity is not None and not self._urge_logged:
                urge = new_urge(
                    self._now(), self.intensity, self.trigger.text(), self.instead.text()
                )
                self._log_urge(urge)
                self._urge_logged = True
        except VaultError as error:
            self.problem.setText(f"{error.message} Everything you wrote is still here.")
            self.problem.show()
            return False
        self.problem.hide()
        return True


def _saved_words(letter: bool, urge: bool) -> str:
    if letter and urge:
        return "Your letter is in your journal, and this moment is in your urge log."
    if letter:
        return "Your letter is in your journal."
    if urge:
        return "This moment is in your urge log."
    return ""


def _button(text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setAutoDefault(False)  # Enter in a text field must never press a button by surprise
    button.clicked.connect(slot)
    return button
