"""Small drawn icons for the sidebar, so a narrow window can show the panes as icons.

Drawn with a few strokes in the palette's text colour (and the selection's text colour for
the chosen pane), so they follow the theme and need no image files. Built only when the
sidebar first collapses, never on the way to the first frame.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from reconnect_gui.core.panes import PaneKey

ICON_SIZE = 22  # logical pixels
STROKE = 1.8

Drawing = Callable[[QPainter], None]  # draws on a 24 × 24 grid


def _ring(painter: QPainter) -> None:  # the countdown: a ring, most of the way round
    painter.drawArc(QRectF(3, 3, 18, 18), 90 * 16, -300 * 16)
    painter.drawEllipse(QPointF(12, 3), 1.2, 1.2)


def _bubble(painter: QPainter) -> None:  # a careful message: a speech bubble
    path = QPainterPath()
    path.addRoundedRect(QRectF(3, 4, 18, 13), 4, 4)
    painter.drawPath(path)
    painter.drawLine(QPointF(8, 17), QPointF(6.5, 21))
    painter.drawLine(QPointF(6.5, 21), QPointF(11.5, 17))
    painter.drawLine(QPointF(7, 9), QPointF(17, 9))
    painter.drawLine(QPointF(7, 12.5), QPointF(14, 12.5))


def _book(painter: QPainter) -> None:  # the journal: an open book
    painter.drawLine(QPointF(12, 6), QPointF(12, 20))
    for side in (-1, 1):
        path = QPainterPath(QPointF(12, 6))
        path.quadTo(QPointF(12 + side * 5, 3.5), QPointF(12 + side * 9, 5))
        path.lineTo(QPointF(12 + side * 9, 19))
        path.quadTo(QPointF(12 + side * 5, 17.5), QPointF(12, 20))
        painter.drawPath(path)


def _sliders(painter: QPainter) -> None:  # settings: three sliders
    for y, knob in ((6.0, 15.0), (12.0, 8.0), (18.0, 13.0)):
        painter.drawLine(QPointF(3, y), QPointF(21, y))
        painter.drawEllipse(QPointF(knob, y), 2.2, 2.2)


def _lock(painter: QPainter) -> None:  # the vault: a padlock
    painter.drawRoundedRect(QRectF(5, 11, 14, 10), 2, 2)
    path = QPainterPath(QPointF(8, 11))
    path.lineTo(QPointF(8, 8))
    path.arcTo(QRectF(8, 4, 8, 8), 180, -180)
    path.lineTo(QPointF(16, 11))
    painter.drawPath(path)


DRAWINGS: dict[str, Drawing] = {
    PaneKey.COUNTDOWN: _ring,
    PaneKey.DRAFT: _bubble,
    PaneKey.JOURNAL: _book,
    PaneKey.SETTINGS: _sliders,
    "vault": _lock,
}


def _pixmap(drawing: Drawing, colour: QColor, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(ICON_SIZE * ratio), round(ICON_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(ICON_SIZE / 24, ICON_SIZE / 24)
    pen = QPen(colour)
    pen.setWidthF(STROKE)
    painter.setPen(pen)
    drawing(painter)
    painter.end()
    return pixmap


def drawn_icon(name: str, palette: QPalette, ratio: float = 1.0) -> QIcon:
    """The icon ``name`` (a ``PaneKey`` or "vault") in the colours of ``palette``."""
    drawing = DRAWINGS[name]
    icon = QIcon()
    icon.addPixmap(_pixmap(drawing, palette.color(QPalette.ColorRole.WindowText), ratio))
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    icon.addPixmap(_pixmap(drawing, selected, ratio), QIcon.Mode.Selected)
    return icon
