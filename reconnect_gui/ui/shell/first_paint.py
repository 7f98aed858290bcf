"""Notices the moment a window has painted its first frame (for ``--smoke``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintProbe(QObject):
    """Emits ``painted`` once, after the paint pass that drew the window's first frame.

    The zero-delay timer fires after the whole widget tree of that pass has painted and
    been flushed, which is when a person would see the window.
    """

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False
