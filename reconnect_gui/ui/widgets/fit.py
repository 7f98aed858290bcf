"""Windows that grow to fit what they say.

A dialog is sized once, when it opens. A message set later (a wrong passphrase, a problem
while saving) wraps onto more lines, but a window does not grow by itself: Qt asks wrapped
text for its height only at the width it gets, so the new lines were squeezed and clipped.
``GrowToFit`` makes the window taller (never narrower or smaller) whenever its layout asks
for more room than it has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its content at its current width."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalMinimumSize().height()
    needed = max(needed, window.minimumHeight())
    if window.height() < needed:
        window.resize(width, needed)


class GrowToFit(QObject):
    """Watches ``window`` and grows it whenever its layout wants more height."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        # Its own timer, a child: it dies with the window, so no grow reaches a dead one.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the layout has taken in the change
        self._timer.timeout.connect(self._grow)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LayoutRequest:
            self._timer.start()
        return False

    def _grow(self) -> None:
        if self._window.isVisible():
            grow_to_fit(self._window)
