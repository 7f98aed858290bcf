"""The drafts column: the user's drafts, newest first, and the buttons that start or remove one.

It only shows drafts and says what the user asked for (signals); the pane does the work
in the vault. "Undo" for a delete lives here too, in reach right after the delete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.drafts.draft import Draft
from reconnect_gui.core.drafts.words import damaged_words, when_words
from reconnect_gui.ui.widgets.labels import caption, quiet_label

KIND_WORDS = {"text": "Text", "letter": "Letter", "logistics": "Logistics"}
# "New draft" asks which kind: each draft is its own message, not a copy of the last one.
NEW_KIND_WORDS = {
    "text": "A text: a short message for their phone",
    "letter": "A letter: by email or on paper",
    "logistics": "Logistics: something practical (belongings, bills)",
}
LIST_WIDTH, NARROW_LIST_WIDTH = 230, 180  # px; the narrow one below WIDE_PANE
WIDE_PANE = 1000  # px of the whole pane
TEXT_INSET = 48  # px of the column's margins, the list's frame and the items' padding


class DraftsColumn(QFrame):
    """The list of drafts with "New draft", "Start from an example…", "Delete" and "Undo"."""

    picked = Signal(str)  # the id of the draft the user chose in the list
    new_requested = Signal(str)  # the kind chosen for the new draft: "text", "letter"…
    example_requested = Signal()
    delete_requested = Signal()
    undo_requested = Signal()

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = "UTC"
        self._drafts: list[Draft] = []  # as shown, to cut the titles again on a resize
        self.setObjectName("draftsColumn")
        self.setStyleSheet(
            "QFrame#draftsColumn { background: palette(alternate-base);"
            " border-right: 1px solid palette(midlight); }"
        )
        self.setFixedWidth(NARROW_LIST_WIDTH)  # fit_width widens it when there is room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 12, 16)
        layout.setSpacing(8)
        title = caption("Your drafts")
        layout.addWidget(title)
        self.new_button = QPushButton("New draft…")
        self.new_button.setAccessibleName("New draft")
        self.new_button.setAccessibleDescription(
            "Start an empty draft: a text, a letter or logistics (Ctrl+N)"
        )
        self.new_button.setToolTip("Start an empty draft: a text, a letter or logistics (Ctrl+N)")
        self.kind_menu = QMenu(self.new_button)
        self.kind_menu.setAccessibleName("Which kind of draft?")
        for kind, words in NEW_KIND_WORDS.items():
            action = self.kind_menu.addAction(words)
            action.setData(kind)
            action.triggered.connect(lambda _=False, k=kind: self.new_requested.emit(k))
        self.new_button.setMenu(self.kind_menu)
        layout.addWidget(self.new_button)
        self.example_button = QPushButton("Start from an example…")
        self.example_button.setAccessibleName("Start from an example")
        self.example_button.setAccessibleDescription("Three calm starting points to make your own")
        self.example_button.clicked.connect(self.example_requested)
        layout.addWidget(self.example_button)
        self.list = QListWidget()
        self.list.setAccessibleName("Your drafts, newest first")
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._picked)
        title.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.damaged_label = quiet_label("")
        self.damaged_label.hide()
        layout.addWidget(self.damaged_label)
        self.undo_bar = QFrame()
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_label = quiet_label("Draft deleted.", italic=False)
        undo_row.addWidget(self.undo_label, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo delete")
        self.undo_button.setAccessibleDescription("Bring back the draft you just deleted")
        self.undo_button.clicked.connect(self.undo_requested)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)
        self.delete_button = QPushButton("Delete draft")
        self.delete_button.setAccessibleName("Delete draft")
        self.delete_button.setAccessibleDescription(
            "Delete the open draft and its versions (you can undo this right after)"
        )
        self.delete_button.clicked.connect(self.delete_requested)
        layout.addWidget(self.delete_button)
        delete_shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        delete_shortcut.activated.connect(self.delete_requested)

    def tab_chain(self) -> tuple[QWidget, ...]:
        """The column's controls in keyboard order."""
        return (
            self.new_button,
            self.example_button,
            self.list,
            self.undo_button,
            self.delete_button,
        )

    # ---- the drafts ---------------------------------------------------------------------

    def show_drafts(self, drafts: Sequence[Draft], zone: str) -> None:
        """Show ``drafts`` (newest first, as given); the column hides while there are none."""
        self._drafts, self._zone = list(drafts), zone
        with QSignalBlocker(self.list):
            self.list.clear()
            for draft in self._drafts:
                item = QListWidgetItem(self._item_text(draft))
                item.setData(Qt.ItemDataRole.UserRole, draft.id)
                item.setToolTip(draft.display_title)
                self.list.addItem(item)
        self.setVisible(bool(self._drafts))

    def refresh(self, draft: Draft) -> None:
        """Show the draft's new title, kind or time of change."""
        self._drafts = [draft if d.id == draft.id else d for d in self._drafts]
        if (item := self._item_for(draft.id)) is not None:
            item.setText(self._item_text(draft))
            item.setToolTip(draft.display_title)

    def remove(self, draft_id: str) -> None:
        self._drafts = [d for d in self._drafts if d.id != draft_id]
        if (item := self._item_for(draft_id)) is not None:
            with QSignalBlocker(self.list):
                self.list.takeItem(self.list.row(item))

    def select(self, draft_id: str) -> None:
        """Mark the open draft in the list (without asking to open it again)."""
        item = self._item_for(draft_id)
        if item is not None and self.list.currentItem() is not item:
            with QSignalBlocker(self.list):
                self.list.setCurrentItem(item)

    def show_damaged(self, count: int) -> None:
        self.damaged_label.setText(damaged_words(count))
        self.damaged_label.setVisible(bool(count))

    def show_undo(self, title: str) -> None:
        """Offer "Undo" for the draft just deleted (``title``: its display title)."""
        self.undo_label.setText(f"Deleted “{title}”.")
        self.undo_bar.show()

    def hide_undo(self) -> None:
        self.undo_bar.hide()

    def ask_kind(self) -> bool:
        """Ctrl+N: the "New draft" menu opens under its button (text, letter, logistics),
        without waiting for the choice. False while the column is hidden (no drafts yet:
        the welcome's buttons ask the same)."""
        if not self.isVisible():
            return False
        below = self.new_button.mapToGlobal(self.new_button.rect().bottomLeft())
        first = self.kind_menu.actions()[0]
        self.kind_menu.popup(below, first)
        self.kind_menu.setActiveAction(first)  # Ctrl+N, Enter: a text, as before
        return True

    def fit_width(self, pane_width: int) -> int:
        """Narrower in a narrow pane; the titles are cut again to the new width."""
        width = NARROW_LIST_WIDTH if pane_width < WIDE_PANE else LIST_WIDTH
        # With a large system font, wide enough for the buttons' words all the same.
        width = max(width, self.minimumSizeHint().width())
        if self.width() != width:
            self.setFixedWidth(width)
            for draft in self._drafts:
                if (item := self._item_for(draft.id)) is not None:
                    item.setText(self._item_text(draft))
        return width

    def forget(self) -> None:
        """Drop every title and name shown (the vault is locking)."""
        self._drafts = []
        with QSignalBlocker(self.list):
            self.list.clear()
        self.undo_bar.hide()
        self.undo_label.clear()  # it names the deleted draft
        self.damaged_label.clear()

    # ---- items --------------------------------------------------------------------------

    def _item_text(self, draft: Draft) -> str:
        """Two lines: the title, cut to fit, and the kind and when it last changed."""
        title = self.list.fontMetrics().elidedText(
            draft.display_title, Qt.TextElideMode.ElideRight, self.width() - TEXT_INSET
        )
        when = when_words(draft.updated, self._now(), self._zone)
        return f"{title}\n{KIND_WORDS[draft.kind]} · {when}"

    def _item_for(self, draft_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == draft_id:
                return item
        return None

    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.picked.emit(item.data(Qt.ItemDataRole.UserRole))
