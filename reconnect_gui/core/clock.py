"""The one way the app reads the time: a ``Clock`` is any callable returning an aware UTC
``datetime``.

Every part that stamps or compares times (the vault, the panes, the reminder timer, the
command line) takes a clock as an argument and defaults to ``system_clock``. Tests hand one
shared, movable clock to all of them, so nothing depends on the day the suite runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The wall clock, in UTC. The app's only direct reading of the time of day."""
    return datetime.now(UTC)
