"""The small controls of a journal entry: the mood faces, feelings as chips, tags.

Each one shows a value and says when the user changes it (``changed``); setting a value
from the pane never counts as a change, so opening an entry is not an edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)

from reconnect_gui.core.journal.entry import FEELING_WORDS
from reconnect_gui.core.journal.query import TagCount, tag_suggestions
from reconnect_gui.ui.widgets.chips import Chip, FlowLayout

# --- feelings ------------------------------------------------------------------------------


class FeelingChips(QWidget):
    """The optional feelings, as chips that toggle on and off.

    Folded, only the chosen ones show, with a chip to open the rest: fourteen chips
    would otherwise crowd the words out of a small window."""

    changed = Signal(tuple)  # the chosen feeling ids, in FEELINGS order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Feelings")
        self._open = False
        self._flow = FlowLayout(self, spacing=6)
        self.buttons: dict[str, Chip] = {}
        for feeling, words in FEELING_WORDS.items():
            chip = Chip(words, checkable=True)
            chip.setAccessibleName(f"Feeling: {words}")
            chip.toggled.connect(self._toggled)
            self.buttons[feeling] = chip
            self._flow.add(chip)
        self.more_button = Chip("", link=True)
        self.more_button.clicked.connect(lambda: self.set_open(not self._open))
        self._flow.add(self.more_button)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._show()

    def feelings(self) -> tuple[str, ...]:
        return tuple(f for f, chip in self.buttons.items() if chip.isChecked())

    def set_feelings(self, feelings: Iterable[str]) -> None:
        """Show an entry's feelings (folded again: only the chosen ones)."""
        chosen = set(feelings)
        for feeling, chip in self.buttons.items():
            with QSignalBlocker(chip):
                chip.setChecked(feeling in chosen)
        self._open = False
        self._show()

    def set_open(self, shown: bool) -> None:
        """Show every feeling to choose from, or only the chosen ones."""
        self._open = shown
        self._show()
        if shown:
            next(iter(self.buttons.values())).setFocus()

    def _toggled(self) -> None:
        self.changed.emit(self.feelings())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:  # read-only: nothing more to choose
            self.more_button.setVisible(self.isEnabled())

    def _show(self) -> None:
        for chip in self.buttons.values():
            chip.setVisible(self._open or chip.isChecked())
        if self._open:
            words, what = "Done", "Show only the feelings you chose"
        elif self.feelings():
            words, what = "More…", "Choose more feelings"
        else:
            words, what = "Add how you feel…", "Choose feelings, like lonely, angry or hopeful"
        self.more_button.setText(words)
        self.more_button.setAccessibleName(words.rstrip("…"))
        self.more_button.setAccessibleDescription(what)
        self._flow.invalidate()
        self.updateGeometry()


# --- tags ----------------------------------------------------------------------------------


def _previous_in_focus_chain(widget: QWidget) -> QWidget:
    previous = widget.previousInFocusChain()
    # Qt's focus chain is a ring: a widget alone in it is its own previous widget.
    assert previous is not None
    return previous


class TagInput(QLineEdit):
    """The "Add a tag" field: Backspace in an empty field removes the last tag."""

    remove_last = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.remove_last.emit()
            return
        super().keyPressEvent(event)


class TagEditor(QWidget):
    """The entry's tags as chips (click one to remove it) and a field to add one, with
    suggestions from the tags already used (most used first)."""

    changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Tags")
        self._tags: list[str] = []
        self._counts: list[TagCount] = []
        self._flow = FlowLayout(self, spacing=6)
        self.input = TagInput()
        self.input.setPlaceholderText("Add a tag")
        self.input.setAccessibleName("Add a tag")
        self.input.setAccessibleDescription(
            "Type a tag and press Enter; suggestions come from your tags"
        )
        self.input.setMaxLength(60)
        self.input.setFixedWidth(150)
        self.input.returnPressed.connect(self._add_typed)
        self.input.textEdited.connect(self._suggest)
        self.input.remove_last.connect(self._remove_last)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        # The model holds core.tag_suggestions' ranking already: show it as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # activated is overloaded (text or index): [str] picks the text. PySide6's stubs
        # lack SignalInstance.__getitem__, the overload pick by type.
        self.completer.activated[str].connect(self._add_suggestion)  # type: ignore[index]
        self.input.setCompleter(self.completer)
        self._chips: list[Chip] = []
        self._flow.add(self.input)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def tags(self) -> tuple[str, ...]:
        return tuple(self._tags)

    def set_tags(self, tags: Sequence[str]) -> None:
        self._tags = list(tags)
        self.input.clear()
        self._rebuild()

    def set_counts(self, counts: Sequence[TagCount]) -> None:
        """The tags in use across the journal, for suggestions."""
        self._counts = list(counts)

    def add_tag(self, text: str) -> None:
        """Add ``text`` as a tag, as if typed (ignored when blank or already there)."""
        tag = " ".join(text.replace(",", " ").split())
        if not tag or tag.casefold() in (t.casefold() for t in self._tags):
            return
        self._tags.append(tag)
        self._rebuild()
        self.changed.emit(self.tags())

    def remove_tag(self, tag: str) -> None:
        if tag in self._tags:
            self._tags.remove(tag)
            self._rebuild()
            self.changed.emit(self.tags())
            self.input.setFocus()

    def forget(self) -> None:
        self._counts = []
        self.suggestions.setStringList([])
        self.set_tags([])

    def _suggest(self, typed: str) -> None:
        if typed.endswith(","):
            self._add_typed()
            return
        found = tag_suggestions(self._counts, typed, exclude=self._tags) if typed.strip() else []
        self.suggestions.setStringList(found)
        if found:
            self.completer.complete()

    def _add_typed(self) -> None:
        text = self.input.text()
        self.input.clear()
        self.add_tag(text)

    def _add_suggestion(self, text: str) -> None:
        # The completer writes the choice into the field after this slot; clear it then.
        self.add_tag(text)
        self.input.clear()
        self.suggestions.setStringList([])
        QTimer.singleShot(0, self.input.clear)

    def _remove_last(self) -> None:
        if self._tags:
            self.remove_tag(self._tags[-1])

    def _rebuild(self) -> None:
        old = self._chips
        for chip in old:
            self._flow.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._flow.takeAt(self._flow.count() - 1)  # the input goes back at the end
        for tag in self._tags:
            chip = Chip(f"{tag}  ×")
            chip.setAccessibleName(f"Remove tag {tag}")
            chip.setToolTip("Remove this tag")
            chip.clicked.connect(lambda _=False, t=tag: self.remove_tag(t))
            self._chips.append(chip)
            self._flow.add(chip)
        self._flow.addItem(QWidgetItem(self.input))
        self._flow.invalidate()
        self.updateGeometry()
        self._order_chips(old)

    def _order_chips(self, old: list[Chip]) -> None:
        """New chips join the end of the window's Tab chain: put them just before the input,
        where they are on screen (``old``: the chips being replaced, not yet deleted)."""
        before = _previous_in_focus_chain(self.input)
        while before is not self.input and (
            before in old or before.focusPolicy() == Qt.FocusPolicy.NoFocus
        ):
            before = _previous_in_focus_chain(before)
        for chip in (*self._chips, self.input):
            QWidget.setTabOrder(before, chip)
            before = chip

    def tab_chain(self) -> tuple[QWidget, ...]:
        return (*self._chips, self.input)
