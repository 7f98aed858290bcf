"""Small painted building blocks of the journal pane: chips, rounded bars, a flowing row.

They paint themselves with the palette instead of using style sheets: a style sheet on
a container makes Qt style every widget inside it the slow way, which showed in the time
the journal takes to open and to paint.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QFrame, QLayout, QLayoutItem, QWidget, QWidgetItem

CHIP_PAD = (10, 3)  # px around a chip's words (x, y)


class FlowLayout(QLayout):
    """Lays its widgets left to right and wraps them onto the next line, like words."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class Chip(QAbstractButton):
    """A small rounded button: a feeling, a tag, a theme, a view. ``link=True`` makes it a
    quiet text link instead ("More…")."""

    def __init__(
        self, text: str, checkable: bool = False, link: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(checkable)
        self._link = link
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        if link:
            font = QFont(self.font())
            font.setUnderline(True)
            self.setFont(font)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self.text()) + 2 * CHIP_PAD[0] + 2,
            metrics.height() + 2 * CHIP_PAD[1] + 2,
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 2
        if self._link:
            words = palette.color(QPalette.ColorRole.Link)
        elif self.isChecked():
            if not self.isEnabled():  # read-only (an entry in the trash): a quieter fill
                accent.setAlphaF(0.6)
            painter.setPen(QPen(accent, 1))
            painter.setBrush(accent)
            painter.drawRoundedRect(rect, radius, radius)
            words = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            border = accent if self.underMouse() else palette.color(QPalette.ColorRole.Mid)
            painter.setPen(QPen(border, 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(rect, radius, radius)
            words = palette.color(QPalette.ColorRole.Text)
        if not self.isEnabled() and not self.isChecked():
            words = palette.color(QPalette.ColorRole.PlaceholderText)
        if self.hasFocus():
            painter.setPen(QPen(accent if not self.isChecked() else words, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = rect.adjusted(1, 1, -1, -1)
            painter.drawRoundedRect(inner, inner.height() / 2, inner.height() / 2)
        painter.setPen(words)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class RoundedBar(QFrame):
    """A quiet rounded box for a line the user should see (a notice, the letter's promise,
    a prompt). Colours from the palette unless set; ``edge`` paints an accent down the left."""

    def __init__(
        self,
        edge: bool = False,
        ground: QPalette.ColorRole = QPalette.ColorRole.AlternateBase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._edge = edge
        self._ground_role = ground
        self._ground: QColor | None = None
        self._border: QColor | None = None

    def set_colours(self, ground: QColor | None, border: QColor | None) -> None:
        self._ground, self._border = ground, border
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ground = self._ground or palette.color(self._ground_role)
        border = self._border or palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 1))
        painter.setBrush(ground)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        if self._edge:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(0, 0, 4, self.height()), 2, 2)
        painter.end()
