"""The five mood faces (1 very low … 5 very good), painted and as a picker.

Shared by the journal (its list, filters and editor) and the home screen's daily check-in,
so every screen shows the same five pictures.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QHBoxLayout, QWidget

from reconnect_gui.core.journal.entry import MOOD_WORDS, MOODS
from reconnect_gui.ui.widgets.labels import quiet_label
from reconnect_gui.ui.widgets.theme import is_dark

# Mood faces: a calm scale from a deep blue (very low) to a warm gold (very good), (light,
# dark); the mouth's curve carries the meaning too, so colour is never the only clue.
MOOD_COLOURS = {
    1: ("#5d6f9e", "#8c9bcb"),
    2: ("#6c93b3", "#88abc8"),
    3: ("#a39a7f", "#bcb297"),
    4: ("#5f9e7c", "#7dba97"),
    5: ("#c4923a", "#d9ad58"),
}
MOUTH_CURVES = {1: -1.0, 2: -0.5, 3: 0.0, 4: 0.55, 5: 1.0}  # frown … smile
FACE_INK = QColor(29, 31, 33)  # opaque: eyes and mouth reach 3:1 on every face, both themes


def paint_mood(painter: QPainter, rect: QRectF, level: int, dark: bool) -> None:
    """A simple face for mood ``level`` (1 very low … 5 very good), centred in ``rect``."""
    size = min(rect.width(), rect.height())
    centre = rect.center()
    cx, cy = centre.x(), centre.y()
    fill = QColor(MOOD_COLOURS[level][1 if dark else 0])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill.darker(125), max(size / 22, 1.0)))
    painter.setBrush(fill)
    radius = size / 2 - max(size / 22, 1.0)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FACE_INK)
    eye = max(size * 0.07, 1.2)
    for side in (-1, 1):
        painter.drawEllipse(QPointF(cx + side * size * 0.17, cy - size * 0.1), eye, eye)
    curve = MOUTH_CURVES[level]
    mouth_y = cy + size * 0.2 - curve * size * 0.06
    half = size * (0.19 + 0.03 * abs(curve))
    path = QPainterPath(QPointF(cx - half, mouth_y))
    path.quadTo(QPointF(cx, mouth_y + curve * size * 0.2), QPointF(cx + half, mouth_y))
    pen = QPen(FACE_INK, max(size * 0.075, 1.3))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


MOOD_BUTTON = 30  # px
# The faces not chosen, once one is: a little quieter, yet their outline, eyes and mouth
# keep 3:1 in both themes (the chosen face has its ring besides).
UNCHOSEN_OPACITY = 0.9


# --- mood -------------------------------------------------------------------------------


class MoodButton(QAbstractButton):
    """One mood face; checked when it is the entry's mood."""

    def __init__(self, level: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(f"Mood: {MOOD_WORDS[level]}")
        self.setAccessibleDescription("Choose this mood for the entry; choose it again to clear it")
        self.setToolTip(MOOD_WORDS[level].capitalize())
        self.setFixedSize(MOOD_BUTTON + 8, MOOD_BUTTON + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hasFocus():
            # Where the keyboard is: the outermost ring, in the text colour (far above 3:1
            # on the window), apart from the accent ring that marks the chosen face.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1.5))
            painter.drawEllipse(QRectF(self.rect()).adjusted(0.75, 0.75, -0.75, -0.75))
        if self.isChecked() or self.underMouse():
            colour = palette.color(QPalette.ColorRole.Highlight)
            if not self.isChecked():
                colour.setAlpha(90)  # only a hint under the mouse
            painter.setPen(QPen(colour, 2.0 if self.isChecked() else 1.5))
            painter.drawEllipse(QRectF(self.rect()).adjusted(2.75, 2.75, -2.75, -2.75))
        face = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if not self.isChecked() and self.group_has_choice():
            painter.setOpacity(UNCHOSEN_OPACITY)  # the chosen face stands out; others step back
        paint_mood(painter, face, self.level, is_dark(palette))
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Qt leaves a button group one Tab stop, as for radio buttons that the arrow keys
        # move between. These faces toggle on and off on their own (a mood can be
        # cleared), and Qt's arrow keys skip faces that are not Tab stops: keep them all.
        for button in self.group().buttons() if self.group() is not None else ():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def group_has_choice(self) -> bool:
        group = self.group()
        return group is not None and group.checkedButton() is not None


class MoodPicker(QWidget):
    """Five faces from very low to very good, and the chosen mood in words.

    Clicking the chosen face again clears the mood (a mood is optional)."""

    changed = Signal(object)  # 1…5, or None when cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mood")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so the chosen face can be clicked off again
        self.buttons: dict[int, MoodButton] = {}
        for level in MOODS:
            button = MoodButton(level)
            self.group.addButton(button, level)
            self.buttons[level] = button
            button.clicked.connect(lambda _=False, lv=level: self._clicked(lv))
            row.addWidget(button)
        self.words = quiet_label("", italic=False)
        # Room for "Very good" on one line; "No mood chosen" may wrap in a narrow window.
        self.words.setMinimumWidth(64)
        row.addSpacing(8)
        row.addWidget(self.words)
        self._mood: int | None = None
        self._show()

    def mood(self) -> int | None:
        return self._mood

    def set_mood(self, mood: int | None) -> None:
        self._mood = mood
        self._show()

    def _clicked(self, level: int) -> None:
        self._mood = None if self._mood == level else level
        self._show()
        self.changed.emit(self._mood)

    def _show(self) -> None:
        for level, button in self.buttons.items():
            with QSignalBlocker(button):
                button.setChecked(level == self._mood)
            button.update()
        self.words.setText(MOOD_WORDS[self._mood].capitalize() if self._mood else "No mood chosen")

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        for button in self.buttons.values():
            button.update()
