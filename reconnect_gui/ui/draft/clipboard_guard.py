"""A copied draft does not stay on the clipboard: it is cleared again after a short while.

``ClipboardGuard`` watches the one text Reconnect put there (``watch``). When the chosen
time is up, and again when the app quits, it clears the clipboard, but only if the
clipboard still holds exactly that text: whatever the person copied since is theirs and
is never touched. With it goes the PRIMARY selection (middle-click paste on Linux) when
the app made it and it holds the draft or a part of it (``clear_selection_of``).
``set_seconds(0)`` turns the clearing off. The copy itself is marked secret for clipboard
managers (``copy_secret``), so their history does not keep it either.

``ClipboardSection`` is the choice in Settings ("Clear copied drafts from the
clipboard"); the app saves what is chosen (``Settings.clear_clipboard_seconds``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reconnect_gui.core.settings import CLEAR_CLIPBOARD_CHOICES
from reconnect_gui.core.wording import plural
from reconnect_gui.ui.widgets.labels import quiet_label
from reconnect_gui.ui.widgets.secret_clipboard import clear_selection_of

CHOICE_WORDS = {
    30: "After 30 seconds",
    60: "After 1 minute",
    120: "After 2 minutes",
    0: "Never",
}
# Shortest first, "Never" last: the order a person reads the choices in.
CHOICES_SHOWN = tuple(sorted(CLEAR_CLIPBOARD_CHOICES, key=lambda s: (s == 0, s)))
SECTION_NOTE = (
    "A copied draft stays on the clipboard just long enough to paste it. "
    "Anything you copy afterwards is left alone."
)


def copied_words(seconds: int) -> str:
    """The short note beside "Copy to clipboard" once a draft went onto the clipboard (the
    bottom row has room for a few words only)."""
    return f"Copied for {_span(seconds)}" if seconds > 0 else "Copied"


def clearing_words(seconds: int) -> str:
    """The same note in full, for its tooltip and for screen readers."""
    if seconds <= 0:
        return "The draft stays on the clipboard until you copy something else."
    return (
        f"Reconnect clears it from the clipboard in {_span(seconds)}, "
        "unless you have copied something else by then."
    )


def _span(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return plural(minutes, "minute")
    return plural(seconds, "second")


class ClipboardGuard(QObject):
    """Clears the text it was asked to watch, once the time is up or the app quits."""

    cleared = Signal()  # the watched text was taken off the clipboard

    def __init__(
        self,
        seconds: int = 60,
        parent: QObject | None = None,
        clipboard: QClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._seconds = max(0, seconds)
        self._text: str | None = None  # what we put there; never logged, dropped once done
        self._since_copy = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear_if_ours)
        app = QCoreApplication.instance()
        if app is not None:
            # The desktop's clipboard manager may keep what an app leaves behind on exit.
            app.aboutToQuit.connect(self._quitting)

    @property
    def seconds(self) -> int:
        return self._seconds

    @property
    def watching(self) -> bool:
        """True while a copied text waits to be cleared."""
        return self._text is not None

    def watch(self, text: str) -> None:
        """``text`` was just copied: clear it in ``seconds`` (unless clearing is off)."""
        if self._seconds == 0:
            self._text = None
            return
        self._text = text
        self._since_copy.start()
        self.timer.start(self._seconds * 1000)

    def set_seconds(self, seconds: int) -> None:
        """A new choice; a text being watched keeps its copy time (0 = stop watching)."""
        self._seconds = max(0, seconds)
        if not self.timer.isActive():
            return
        if self._seconds == 0:
            self.timer.stop()
            self._text = None
        else:
            self.timer.start(max(0, self._seconds * 1000 - self._since_copy.elapsed()))

    def clear_if_ours(self) -> bool:
        """Clear the clipboard if it still holds exactly the watched text; True if it did.
        The selection goes too if it holds (part of) that text."""
        self.timer.stop()
        text, self._text = self._text, None
        if text is None:
            return False
        clear_selection_of(text, self._clipboard)
        if self._clipboard.text(QClipboard.Mode.Clipboard) != text:
            return False
        self._clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()
        return True

    def _quitting(self) -> None:
        if self._seconds:
            self.clear_if_ours()


class ClipboardSection(QGroupBox):
    """Settings → Clipboard: how soon a copied draft is cleared again."""

    seconds_chosen = Signal(int)  # the person's choice, for the app to save

    def __init__(self, guard: ClipboardGuard, parent: QWidget | None = None) -> None:
        super().__init__("Clipboard", parent)
        self._guard = guard
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel("Clear copied drafts from the clipboard")
        row.addWidget(label)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Clear copied drafts from the clipboard")
        self.choice.setAccessibleDescription(
            "How long a draft you copied stays on the clipboard before Reconnect clears it"
        )
        for seconds in CHOICES_SHOWN:
            self.choice.addItem(CHOICE_WORDS[seconds], seconds)
        label.setBuddy(self.choice)
        self.show_seconds(guard.seconds)
        self.choice.activated.connect(self._chosen)  # the person's choice only
        self.choice.setMaximumWidth(320)  # like the other choices in Settings
        row.addWidget(self.choice)
        row.addStretch(1)
        layout.addLayout(row)
        note = quiet_label(SECTION_NOTE)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(note)

    def show_seconds(self, seconds: int) -> None:
        """Show ``seconds`` as chosen (emits nothing)."""
        index = self.choice.findData(seconds)
        self.choice.setCurrentIndex(index if index >= 0 else self.choice.findData(60))

    def _chosen(self, index: int) -> None:
        seconds = self.choice.itemData(index)
        self._guard.set_seconds(seconds)
        self.seconds_chosen.emit(seconds)
