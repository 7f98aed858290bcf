"""The day count on the home screen before the vault has opened in the app (start-up).

The key-prefetch child reads what the ring shows with the key it found and sends it over a
pipe (``storage.home_preview``). After the first frame the app waits a moment for it: the
ring then paints in the home's placeholder, and only after that paint does the vault start
opening here and the real home screen get built. Without an answer in time (a slow
keyring, no plan, any doubt in the child) the app goes on the usual way at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reconnect_gui.core.clock import Clock
from reconnect_gui.ui.countdown.ring import RING_MAX, RING_MIN, CountdownRing
from reconnect_gui.ui.shell.next_frame import after_next_frame

if TYPE_CHECKING:
    from reconnect_gui.storage.home_preview import HomePreview
    from reconnect_gui.storage.key_prefetch import KeyPrefetch

# The child's preview is normally there before the ring's code has loaded after the first
# frame (measured: its key ~60 ms before that frame); past this the app stops waiting, and
# the vault opens as it would have without a preview.
PREVIEW_AT_THE_LATEST_MS = 250
# The home screen gives its ring the height its other rows leave (the countdown pane's
# _fit_ring); the preview guesses that from the window's height, so that the ring keeps
# about its size when the home screen arrives around it.
ROWS_BESIDE_THE_RING = 420  # px: the heading, the check-in, the history, the safety link


def preview_ring(preview: HomePreview, now: Clock, window_height: int) -> QWidget:
    """The ring showing ``preview``, placed roughly where the home screen puts its own."""
    ring = CountdownRing(now)
    side = max(RING_MIN, min(RING_MAX, window_height - ROWS_BESIDE_THE_RING))
    ring.setMaximumSize(side, side)
    ring.show_preview(preview.view, preview.milestones)
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(ring, 3)  # the home's middle row: the ring, then its actions
    row.addStretch(2)
    return row_widget


class _AwaitDayCount(QObject):
    def __init__(
        self,
        window: QWidget,
        place: Callable[[Callable[[], QWidget]], bool],
        prefetch: KeyPrefetch,
        fd: int,
        now: Clock,
        then: Callable[[bool], None],
        at_the_latest_ms: int,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._place = place
        self._prefetch = prefetch
        self._now = now
        self._then: Callable[[bool], None] | None = then
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._arrived)
        QTimer.singleShot(at_the_latest_ms, self, lambda: self._go_on(False))

    def _arrived(self) -> None:
        self._notifier.setEnabled(False)
        if self._then is None:  # too late: the app went on without it
            return
        preview = self._prefetch.take_preview()
        height = self._window.height()
        if preview is not None and self._place(lambda: preview_ring(preview, self._now, height)):
            after_next_frame(self._window, lambda: self._go_on(True))
        else:
            self._go_on(False)

    def _go_on(self, shown: bool) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._notifier.setEnabled(False)
        self.deleteLater()
        then(shown)


def day_count_first(
    window: QWidget,
    place: Callable[[Callable[[], QWidget]], bool],
    prefetch: KeyPrefetch | None,
    now: Clock,
    then: Callable[[bool], None],
    at_the_latest_ms: int = PREVIEW_AT_THE_LATEST_MS,
) -> None:
    """Paint the child's day count if it comes in time (``place`` builds the ring with the
    function it is given and puts it into the home's placeholder, or returns False when
    that is not on screen), then call ``then(shown)``; at once ``then(False)`` when there
    is none to wait for."""
    fd = None if prefetch is None else prefetch.preview_fd
    if prefetch is None or fd is None:
        then(False)
        return
    _AwaitDayCount(window, place, prefetch, fd, now, then, at_the_latest_ms)
