"""The findings of a check, listed beside the editor: what we noticed and what to try.

One card per finding, the ones that matter most first: problems, then warnings (the
timing before the words), then suggestions; within each, in the order of the text.
Clicking a card (or Enter / Space on it) asks the pane to select its words; "Ignore here"
sets that one occurrence aside. Moving the cursor into underlined words outlines their card.
Notes set aside are never lost from sight: "Show ignored notes" under the cards lists the
ones still in the words, each with "Bring back".

A long paste can have hundreds of findings: the list shows the first ``MAX_CARDS`` and
says how many more there are, and it reuses its cards between checks, so an update costs
the same however long the text is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.tone.report import CONTEXT_CATEGORIES, Finding
from reconnect_gui.ui.widgets.colours import SEVERITY_COLOURS
from reconnect_gui.ui.widgets.labels import quiet_label, wrapped_label

IGNORED_SNIPPET = 40  # characters of the flagged words shown for an ignored note
MAX_CARDS = 20  # enough to work through; building more cards would cost a paste a stutter
SEVERITY_WORDS = {
    "problem": "Needs a change",
    "warning": "Worth a look",
    "info": "A suggestion",
}
TIMING_WORDS = "About the timing"  # findings from the situation, not from the words
EMPTY_TEXT = "Notes about tone and length appear here as you write."
LINK_STYLE = (
    "QPushButton { color: palette(link); text-decoration: underline; border: none;"
    " padding: 2px 0; text-align: left; }"
)


SEVERITY_RANK = {"problem": 0, "warning": 1, "info": 2}


def severity_order(findings: Sequence[Finding]) -> list[Finding]:
    """Problems, then warnings (timing first), then suggestions; each in the text's order,
    whole-message notes before the rest."""

    def key(finding: Finding) -> tuple[int, int, int, int, int]:
        timing = finding.category in CONTEXT_CATEGORIES
        whole = tuple(finding.span) == (0, 0)
        rank = SEVERITY_RANK.get(finding.severity, 2)
        return rank, not timing, not whole, finding.span[0], finding.span[1]

    return sorted(findings, key=key)


def _style_sheet(dark: bool) -> str:
    """Card frames: a stripe in the severity's colour, a clear outline when focused."""
    index = 1 if dark else 0
    rules = [
        "QFrame#findingCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 6px; }",
        "QFrame#findingCard:focus { border: 2px solid palette(highlight); }",
        'QFrame#findingCard[current="true"] { background: palette(alternate-base);'
        " border: 2px solid palette(highlight); }",
    ]
    for severity, colours in SEVERITY_COLOURS.items():
        colour = colours[index]
        rules.append(
            f'QFrame#findingCard[severity="{severity}"] {{ border-left: 5px solid {colour}; }}'
        )
        rules.append(f'QLabel#severityLabel[severity="{severity}"] {{ color: {colour}; }}')
    return "\n".join(rules)


class FindingCard(QFrame):
    """One finding: how much it matters, what we noticed, what to try, and "Ignore here"."""

    activated = Signal(object)  # the Finding: show its words
    ignore_requested = Signal(object)  # the Finding: set this occurrence aside

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingCard")
        self.finding: Finding | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 12, 10)
        layout.setSpacing(4)
        self.severity_label = QLabel()
        self.severity_label.setObjectName("severityLabel")
        font = self.severity_label.font()
        font.setWeight(font.Weight.DemiBold)
        self.severity_label.setFont(font)
        layout.addWidget(self.severity_label)
        self.message = wrapped_label("")
        layout.addWidget(self.message)
        self.suggestion = quiet_label("", italic=False)
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.suggestion)
        row = QHBoxLayout()
        row.setContentsMargins(0, 2, 0, 0)
        row.addStretch(1)
        self.ignore_button = QPushButton("Ignore here")
        self.ignore_button.setFlat(True)
        self.ignore_button.setStyleSheet(LINK_STYLE)
        self.ignore_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.ignore_button.setAccessibleName("Ignore here")
        self.ignore_button.setAccessibleDescription(
            "Hide this note for these words in this spot. The same words elsewhere are "
            "still checked."
        )
        self.ignore_button.clicked.connect(self._ignore)
        row.addWidget(self.ignore_button)
        layout.addLayout(row)

    def show_finding(self, finding: Finding) -> None:
        self.finding = finding
        timing = finding.category in CONTEXT_CATEGORIES
        whole = tuple(finding.span) == (0, 0)
        severity_text = TIMING_WORDS if timing else SEVERITY_WORDS.get(finding.severity, "")
        self.severity_label.setText(severity_text)
        self.message.setText(finding.message)
        self.suggestion.setText(finding.suggestion)
        self.suggestion.setVisible(bool(finding.suggestion))
        # The situation is not something to ignore; it changes with time.
        self.ignore_button.setVisible(not timing)
        if self.property("severity") != finding.severity:
            for widget in (self, self.severity_label):
                widget.setProperty("severity", finding.severity)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.setCursor(Qt.CursorShape.ArrowCursor if whole else Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(f"{severity_text}: {finding.message}")
        self.setAccessibleDescription(
            finding.suggestion
            if whole
            else f"{finding.suggestion} Press Enter to select these words in your draft."
        )
        self.setToolTip("" if whole else "Select these words in your draft")

    def reset(self) -> None:
        """Hidden and empty (nothing of a locked draft lingers in a hidden card)."""
        self.hide()
        self.finding = None
        for label in (self.severity_label, self.message, self.suggestion):
            label.clear()
        self.setAccessibleName("")
        self.setAccessibleDescription("")

    def _ignore(self) -> None:
        if self.finding is not None:
            self.ignore_requested.emit(self.finding)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the card takes the click (its labels pass theirs on to it)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside and self.finding is not None:
            self.activated.emit(self.finding)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.finding is not None:
                self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)


def ignored_words(finding: Finding, text: str) -> str:
    """One ignored note in the list: its flagged words, then what it said."""
    start, end = finding.span
    words = " ".join(text[start:end].split())
    if not words or (start, end) == (0, 0):
        return finding.message
    if len(words) > IGNORED_SNIPPET:
        words = words[: IGNORED_SNIPPET - 1].rstrip() + "…"
    return f"“{words}”: {finding.message}"


def show_ignored_words(count: int, shown: bool) -> str:
    return "Hide ignored notes" if shown else f"Show ignored notes ({count})"


class IgnoredNotes(QWidget):
    """ "Show ignored notes (2)": the notes the user set aside in these words, each with a
    way to bring it back. Folded away until asked for."""

    bring_back_requested = Signal(object)  # the Finding to show again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        self.toggle = QPushButton("")
        self.toggle.setFlat(True)
        self.toggle.setStyleSheet(LINK_STYLE)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show ignored notes")
        self.toggle.setAccessibleDescription(
            "The notes you set aside, with a way to bring each back"
        )
        self.toggle.toggled.connect(self._toggled)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows = QWidget()
        self._rows_layout = QVBoxLayout(self.rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6)
        self.rows.hide()
        layout.addWidget(self.rows)
        self.findings: tuple[Finding, ...] = ()
        self.bring_back_buttons: list[QPushButton] = []
        self.hide()

    def show_ignored(self, findings: Sequence[Finding], text: str) -> bool:
        """List ``findings`` (those set aside, still in ``text``); hidden when none. True
        when the list changed (its buttons are new: the Tab chain needs them)."""
        findings = tuple(severity_order(findings))
        if findings == self.findings:
            return False
        self.findings = findings
        while self._rows_layout.count():
            item = self._rows_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.bring_back_buttons = []
        for finding in findings:
            row = QFrame()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(8)
            label = quiet_label(ignored_words(finding, text), italic=False)
            line.addWidget(label, 1)
            button = QPushButton("Bring back")
            button.setFlat(True)
            button.setStyleSheet(LINK_STYLE)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName("Bring back")
            button.setAccessibleDescription(f"Show this note again: {finding.message}")
            button.clicked.connect(lambda _=False, f=finding: self.bring_back_requested.emit(f))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.bring_back_buttons.append(button)
            self._rows_layout.addWidget(row)
        if not findings:
            self.toggle.setChecked(False)
        self.toggle.setText(show_ignored_words(len(findings), self.toggle.isChecked()))
        self.setVisible(bool(findings))
        return True

    def _toggled(self, shown: bool) -> None:
        self.rows.setVisible(shown)
        self.toggle.setText(show_ignored_words(len(self.findings), shown))
        self.toggle.setAccessibleName("Hide ignored notes" if shown else "Show ignored notes")


class FindingsList(QScrollArea):
    """The cards of the latest check (see the module doc)."""

    activated = Signal(object)  # Finding
    ignore_requested = Signal(object)  # Finding
    bring_back_requested = Signal(object)  # Finding: an ignored note to show again
    # New cards join the end of the window's Tab chain; the owner puts them in place
    # (see ``tab_chain``).
    cards_added = Signal()

    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notes on your draft")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the cards
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = content = QWidget()
        content.setObjectName("findingsContent")
        self._column = QVBoxLayout(content)
        self._column.setContentsMargins(0, 0, 4, 0)
        self._column.setSpacing(8)
        self.empty_label = quiet_label(EMPTY_TEXT)
        self._column.addWidget(self.empty_label)
        self.more_label = quiet_label("")
        self.more_label.hide()
        self._column.addWidget(self.more_label)
        self.ignored = IgnoredNotes()
        self.ignored.bring_back_requested.connect(self.bring_back_requested)
        self._column.addWidget(self.ignored)
        self._column.addStretch(1)
        self.setWidget(content)
        self._cards: list[FindingCard] = []
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        self._content.setStyleSheet(_style_sheet(dark))

    def show_findings(self, findings: Sequence[Finding], empty_text: str = EMPTY_TEXT) -> None:
        """Show ``findings`` (ignored ones already left out); ``empty_text`` when none."""
        ordered = severity_order(findings)
        shown = ordered[:MAX_CARDS]
        if len(self._cards) < len(shown):
            self._add_cards(len(shown) - len(self._cards))
        for card, finding in zip(self._cards, shown, strict=False):
            if card.finding != finding:
                card.show_finding(finding)
            card.show()
        for card in self._cards[len(shown) :]:
            card.reset()
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(not shown)
        more = len(ordered) - len(shown)
        self.more_label.setText(
            f"…and {more} more further on. They show here as you work through these."
            if more > 0
            else ""
        )
        self.more_label.setVisible(more > 0)

    def _add_cards(self, count: int) -> None:
        for _ in range(count):
            card = FindingCard()
            card.activated.connect(self.activated)
            card.ignore_requested.connect(self.ignore_requested)
            self._column.insertWidget(len(self._cards) + 1, card)  # after the empty label
            self._cards.append(card)
        self.cards_added.emit()

    def mark_current(self, finding: Finding | None) -> None:
        """Outline the card of ``finding`` (the words under the cursor) and scroll it into
        view, without taking the focus from the editor; None clears the outline."""
        for card in self._cards:
            current = finding is not None and card.finding == finding
            if card.property("current") != current:
                card.setProperty("current", current)
                card.style().unpolish(card)
                card.style().polish(card)
            if current:
                self.ensureWidgetVisible(card)

    def current(self) -> Finding | None:
        return next((c.finding for c in self._cards if c.property("current")), None)

    def clear(self) -> None:
        self.show_findings([])
        self.ignored.show_ignored((), "")

    def show_ignored(self, findings: Sequence[Finding], text: str) -> None:
        """The notes the user set aside that are still in ``text`` ("Show ignored notes")."""
        if self.ignored.show_ignored(findings, text):
            self.cards_added.emit()

    def tab_chain(self) -> list[QWidget]:
        """Every card and its "Ignore here", top to bottom, then "Show ignored notes" and
        each "Bring back": the order Tab should visit them."""
        cards = [w for card in self._cards for w in (card, card.ignore_button)]
        return [*cards, self.ignored.toggle, *self.ignored.bring_back_buttons]

    def cards(self) -> list[FindingCard]:
        """The cards on show, top to bottom."""
        return [card for card in self._cards if card.finding is not None]
