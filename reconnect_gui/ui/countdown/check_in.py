"""The daily check-in on the home screen: a mood face and one line, saved to the journal.

One small card: "How are you today?", the journal's five faces, a line to write in, and
Save. Saving stores an ordinary journal entry (``core.journal.check_in``) and thanks the
person; the daily reminder opens this card (``open()``), ready to type. What is typed is
saved if the vault locks meanwhile (never lose a word) and cleared from the card after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.journal.check_in import MAX_LINE_CHARS, check_in_entry
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.widgets.labels import caption, quiet_label
from reconnect_gui.ui.widgets.mood_faces import MoodPicker

QUESTION = "How are you today?"
PLACEHOLDER = "A line about today (optional)"
THANKS = "Saved in your journal. Thank you for checking in."
FAILED = "The check-in could not be saved: {why} Your words are still here."
# Below this width the question moves above the faces, so the line keeps room to type.
STACKED_BELOW = 640  # px


class CheckInState(StrEnum):
    ASKING = "asking"
    SAVED = "saved"


class CheckInCard(QFrame):
    """Mood and one line; Save puts them in the journal as one entry."""

    saved = Signal(str)  # the new journal entry's id

    def __init__(
        self,
        controller: VaultController,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkIn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Daily check-in")
        self._controller = controller
        self._now = now
        self.state = CheckInState.ASKING

        self.outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 6, 16, 6)  # slim: the home screen fits without scrolling
        outer.setSpacing(6)
        self.row = row = QHBoxLayout()
        row.setSpacing(12)
        self.question = caption(QUESTION)
        row.addWidget(self.question)
        self.mood = MoodPicker()
        self.mood.setAccessibleName(f"{QUESTION} Mood")
        self.mood.words.hide()  # the faces say it (and their names); room for the line
        self.mood.changed.connect(self._update)
        row.addWidget(self.mood)
        self.line = QLineEdit()
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setAccessibleName("One line about today")
        self.line.setMaxLength(MAX_LINE_CHARS)
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(self._update)
        self.line.returnPressed.connect(self.save)
        self.question.setBuddy(self.line)
        row.addWidget(self.line, 1)
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save the check-in")
        self.save_button.setAccessibleDescription("Keeps your mood and line in the journal")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        # Once saved, the thanks stands in the row in place of the answer, so the home
        # screen keeps its height (it fits the default window without scrolling).
        self.thanks = quiet_label(THANKS, italic=False)
        self.thanks.setAccessibleName(THANKS)
        # Saving hides the line and Save, which held the keyboard: it moves here, to the
        # thanks (Qt would send it on to the History list), and Tab goes on from here.
        self.thanks.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.thanks.setStyleSheet(
            "QLabel { border: 1px solid transparent; border-radius: 4px; padding: 2px; }"
            " QLabel:focus { border: 1px dotted palette(window-text); }"
        )
        self.thanks.hide()
        row.addWidget(self.thanks, 1)
        outer.addLayout(row)
        self.note: QLabel = quiet_label("")  # a save that failed, under the kept words
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.note.hide()
        outer.addWidget(self.note)

        controller.locking.connect(self._save_before_lock)
        controller.state_changed.connect(self._vault_state_changed)
        self._update()

    # ---- what the person does ------------------------------------------------------------

    def open(self) -> None:
        """Ready to answer (the daily reminder was clicked): ask afresh, focus the line."""
        if self.state == CheckInState.SAVED:
            self._ask_again()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_answer(self) -> bool:
        return self.mood.mood() is not None or bool(self.line.text().strip())

    def save(self) -> bool:
        """Store the check-in in the journal; True when it was saved."""
        vault = self._controller.vault if self._controller.state == VaultState.UNLOCKED else None
        if vault is None or not self.has_answer():
            return False
        # The journal's store loads on the first save, not while the home is built:
        # the home screen's card is on the way to the day count at start-up.
        from reconnect_gui.storage import journal_store

        entry = check_in_entry(self._now(), self.mood.mood(), self.line.text())
        try:
            stored = journal_store.save_entry(vault, entry)
        except VaultError as error:
            self._say(FAILED.format(why=error.message))
            return False
        self._clear()
        self.state = CheckInState.SAVED
        self._say("")
        self._update()
        self.saved.emit(stored.id)
        return True

    # ---- the vault -------------------------------------------------------------------------

    def _save_before_lock(self) -> None:
        if self.has_answer():
            self.save()

    def _vault_state_changed(self, state: VaultState) -> None:
        if state != VaultState.UNLOCKED:
            self._clear()
            self._ask_again()

    # ---- showing ---------------------------------------------------------------------------

    @property
    def stacked(self) -> bool:
        """True while the question sits above the faces (a narrow window)."""
        return self.outer.indexOf(self.question) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < STACKED_BELOW
        if narrow != self.stacked:
            (self.row if narrow else self.outer).removeWidget(self.question)
            if narrow:
                self.outer.insertWidget(0, self.question)
            else:
                self.row.insertWidget(0, self.question)

    def _ask_again(self) -> None:
        self.state = CheckInState.ASKING
        self._say("")
        self._update()

    def _clear(self) -> None:
        self.mood.set_mood(None)
        self.line.clear()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _update(self, *_args: object) -> None:
        self.save_button.setEnabled(self.has_answer())
        asking = self.state == CheckInState.ASKING
        if not asking:
            # Shown, and given the keyboard if the card had it, before the answer hides.
            focus = QApplication.focusWidget()
            self.thanks.show()
            if focus is not None and focus is not self.thanks and self.isAncestorOf(focus):
                self.thanks.setFocus(Qt.FocusReason.OtherFocusReason)
        for widget in (self.mood, self.line, self.save_button):
            widget.setVisible(asking)
        self.thanks.setVisible(not asking)
