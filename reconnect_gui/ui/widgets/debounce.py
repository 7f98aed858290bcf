"""Debounce work that follows typing (the tone check) with one single-shot timer.

Every ``poke()`` (a keystroke) restarts the wait; the callback runs once the user has
been quiet for ``delay_ms``. So it runs at most once per quiet spell and never while
the user types faster than the delay. With ``max_wait_ms`` a long unbroken burst still
gets a run at least that often: the wait is shortened so that it ends no later than
``max_wait_ms`` after the first poke of the burst.

The timing decision is the pure ``wait_ms`` below; the class only keeps the state.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def wait_ms(delay_ms: int, max_wait_ms: int | None, since_first_poke_ms: float) -> int:
    """How long to wait after a poke, ``since_first_poke_ms`` into the current burst."""
    if max_wait_ms is None:
        return delay_ms
    left = max_wait_ms - since_first_poke_ms
    return max(0, min(delay_ms, int(left)))


class Debouncer(QObject):
    """Runs ``callback`` after ``delay_ms`` of quiet following the last ``poke()``."""

    def __init__(
        self,
        delay_ms: int,
        callback: Callable[[], object],
        parent: QObject | None = None,
        *,
        max_wait_ms: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        if delay_ms < 0 or (max_wait_ms is not None and max_wait_ms < delay_ms):
            raise ValueError("delay_ms must be >= 0 and max_wait_ms, if given, >= delay_ms.")
        self._delay_ms = delay_ms
        self._max_wait_ms = max_wait_ms
        self._callback = callback
        self._clock = clock  # seconds, monotonic; a test may pass its own
        self._burst_start: float | None = None  # first poke since the last run
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)

    @property
    def pending(self) -> bool:
        """True while a run is waiting for the user to pause."""
        return self._burst_start is not None

    def poke(self) -> None:
        """Something changed: (re)start the wait."""
        now = self._clock()
        if self._burst_start is None:
            self._burst_start = now
        since = (now - self._burst_start) * 1000
        self._timer.start(wait_ms(self._delay_ms, self._max_wait_ms, since))

    def flush(self) -> None:
        """Run now if a run is waiting (e.g. before saving or copying); else nothing."""
        if self.pending:
            self._run()

    def cancel(self) -> None:
        """Forget a waiting run (e.g. the draft was closed)."""
        self._timer.stop()
        self._burst_start = None

    def _run(self) -> None:
        # Clear first: a callback that pokes again starts a fresh burst, and one that
        # raises never leaves the debouncer stuck as pending.
        self.cancel()
        self._callback()
