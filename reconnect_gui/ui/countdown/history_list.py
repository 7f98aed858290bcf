"""The countdown's history: attempts, slips, contacts, milestones and urges, newest first.

A ``QListWidget`` whose items carry the whole sentence as their text (what a screen
reader reads) and a small delegate that draws it as a bold title with the time on the
right and the detail underneath in the quiet colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reconnect_gui.core.countdown.view import HistoryEvent, when_words

TITLE_ROLE = Qt.ItemDataRole.UserRole
WHEN_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 8
Index = QModelIndex | QPersistentModelIndex


class HistoryDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + 2 * PADDING
        detail = index.data(DETAIL_ROLE)
        if detail:
            width = max(option.rect.width() - 2 * PADDING, 120)
            flags = int(Qt.TextFlag.TextWordWrap)
            height += (
                2 + QFontMetrics(plain).boundingRect(0, 0, width, 10_000, flags, detail).height()
            )
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        palette = option.palette
        bold, plain = self._fonts(option)
        area = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)

        when = index.data(WHEN_ROLE) or ""
        painter.setFont(plain)
        painter.setPen(muted)
        when_width = QFontMetrics(plain).horizontalAdvance(when)
        title_height = QFontMetrics(bold).height()
        painter.drawText(
            QRect(area.right() - when_width, area.top(), when_width, title_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            when,
        )
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title_room = max(area.width() - when_width - 16, 40)
        title = QFontMetrics(bold).elidedText(
            index.data(TITLE_ROLE) or "", Qt.TextElideMode.ElideRight, title_room
        )
        painter.drawText(
            QRect(area.left(), area.top(), title_room, title_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        detail = index.data(DETAIL_ROLE)
        if detail:
            painter.setFont(plain)
            painter.setPen(muted)
            below = area.adjusted(0, title_height + 2, 0, 0)
            painter.drawText(below, int(Qt.TextFlag.TextWordWrap), detail)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        bottom = option.rect.bottom()
        painter.drawLine(
            option.rect.left() + PADDING, bottom, option.rect.right() - PADDING, bottom
        )
        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(focus)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class HistoryList(QListWidget):
    """Read-only; arrow keys move through the events so a screen reader can read each one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        self.setAccessibleDescription(
            "Your attempts, slips, contacts, milestones and urges, newest first"
        )
        self.setItemDelegate(HistoryDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)

    def show_events(self, events: Iterable[HistoryEvent], zone: str, note: str = "") -> None:
        """Replace the list with ``events``; ``note`` (if any) goes last, e.g. unreadable items."""
        self.clear()
        for event in events:
            when = when_words(event.at, zone)
            spoken = ". ".join(part for part in (event.title, event.detail, when) if part)
            self._add(spoken, event.title, when, event.detail)
        if note:
            self._add(note, note, "", "")

    def _add(self, spoken: str, title: str, when: str, detail: str) -> None:
        item = QListWidgetItem(spoken)
        item.setData(TITLE_ROLE, title)
        item.setData(WHEN_ROLE, when)
        item.setData(DETAIL_ROLE, detail)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.addItem(item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped details change height with the width
