"""Three starting points for a first message, in our own words, and the dialog to pick one.

Each follows the guidance the checker encodes: short, warm, nothing asked of them that
they cannot easily give, and a door left open rather than pushed. The parts only the user
can fill in are in [square brackets]; ``unfilled_parts`` finds the ones still there, so the
pane can say so before a bracket is ever copied into a real message.

Texts use plain apostrophes on purpose: a curly one would switch the whole text to UCS-2
and halve the room in each SMS.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.labels import DIALOG_MARGINS, caption, heading_column, quiet_label

NAME = "{name}"
THEIR_NAME = "[their name]"


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    kind: str  # "text" or "letter"
    why: str  # one sentence: why this shape works
    body: str  # may hold NAME once; parts to fill in are in [brackets]
    named_only: bool = False  # without a name, drop " {name}" instead of asking for it


TEMPLATES: tuple[Template, ...] = (
    Template(
        key="memory_question",
        title="A light memory and a question",
        kind="text",
        why="Something small you both enjoyed, then an easy question: it asks nothing "
        "of them and is simple to answer.",
        body="Hi {name}! I walked past [a place you both liked] today and it reminded me "
        "of [a small, happy moment there]. It made me smile. How have you been?",
        named_only=True,
    ),
    Template(
        key="hello_sorry_open_door",
        title="Hello, a short sorry, an open door",
        kind="text",
        why="A friendly hello, one brief apology for your part, and an invitation to "
        "talk that leaves the timing to them.",
        body="Hi {name}, I hope you're doing well. I've had some time to think, and I'm "
        "sorry for [your part, in a few words]. If you'd ever like to talk, I'd be glad "
        "to, whenever you feel ready.",
        named_only=True,
    ),
    Template(
        key="friendly_letter",
        title="A short, friendly letter",
        kind="letter",
        why="Calm and brief: it accepts how things ended, shares a little of your life, "
        "and invites a call without pressing for one.",
        body="Dear {name},\n\n"
        "I hope you're well. It has been a while, and I wanted to say that I understand "
        "why things ended the way they did. I've made my peace with it, and I wish you "
        "good things.\n\n"
        "The last few weeks have been good for me. [One or two sentences about something "
        "you've enjoyed lately.]\n\n"
        "If you'd like to catch up, I'd enjoy a phone call some time. Whenever suits you "
        "is fine.\n\n"
        "Take care,\n"
        "[your name]",
    ),
)

_BRACKETED = re.compile(r"\[[^\[\]]*\]")  # no nested quantifier: cannot backtrack badly
PLACEHOLDERS: frozenset[str] = frozenset(
    {THEIR_NAME, *(part for t in TEMPLATES for part in _BRACKETED.findall(t.body))}
)


def filled(template: Template, name: str = "") -> str:
    """The template's words with their name, or without it (see ``Template.named_only``)."""
    name = name.strip()
    if name:
        return template.body.replace(NAME, name)
    if template.named_only:
        return template.body.replace(" " + NAME, "")
    return template.body.replace(NAME, THEIR_NAME)


def unfilled_parts(text: str) -> list[str]:
    """The [bracketed] parts of our templates still in ``text``, in the order they appear."""
    if "[" not in text:
        return []
    found = [(text.find(part), part) for part in PLACEHOLDERS]
    return [part for at, part in sorted(found) if at >= 0]


class ExampleDialog(QDialog):
    """The three starting points, each with why it works and a preview of its words."""

    chosen = Signal(str, str)  # kind, body (with the name filled in)

    def __init__(
        self,
        name: str = "",
        parent: QWidget | None = None,
        templates: Sequence[Template] = TEMPLATES,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start from an example")
        self.setMinimumSize(640, 420)
        self._templates = tuple(templates)
        self._name = name
        layout = heading_column(self, "Start from an example", DIALOG_MARGINS, spacing=12)
        layout.addWidget(
            quiet_label(
                "Each is only a starting point. Make it yours: your own words always "
                "sound more like you."
            )
        )
        row = QHBoxLayout()
        row.setSpacing(16)
        self.list = QListWidget()
        self.list.setAccessibleName("Examples")
        self.list.setMaximumWidth(250)
        for template in self._templates:
            self.list.addItem(f"{template.title}\n{template.kind.capitalize()}")
        self.list.setSpacing(3)
        row.addWidget(self.list)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.why = quiet_label("", italic=False)
        column.addWidget(self.why)
        preview_caption = caption("The words")
        column.addWidget(preview_caption)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview of the example")
        preview_caption.setBuddy(self.preview)
        font = QFont(self.preview.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.preview.setFont(font)
        column.addWidget(self.preview, 1)
        row.addLayout(column, 1)
        layout.addLayout(row, 1)
        buttons, self.use_button, _cancel = dialog_buttons(self, "Use this example", self._use)
        self.use_button.setAccessibleDescription("Start a new draft with these words")
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self._use())
        self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._templates):
            template = self._templates[row]
            self.why.setText(template.why)
            self.preview.setPlainText(filled(template, self._name))

    def select(self, key: str) -> None:
        """Show the template with ``key`` (for a caller that knows which one it wants)."""
        for row, template in enumerate(self._templates):
            if template.key == key:
                self.list.setCurrentRow(row)

    def _use(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._templates):
            template = self._templates[row]
            self.chosen.emit(template.kind, filled(template, self._name))
            self.accept()
