"""The tests' one clock: every part under test that stamps or compares times gets this
object, so the suite never depends on the day it runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# The moment a test starts at unless its module sets ``NOW`` (see the ``clock`` fixture).
DEFAULT_NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # a Sunday, 14:00 in Berlin


class Clock:
    """A clock the test moves by hand; call it to read the time, like ``system_clock``."""

    def __init__(self, moment: datetime = DEFAULT_NOW) -> None:
        if moment.tzinfo is None:
            raise ValueError("a test clock needs an aware time")
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        """Move forward (or back, with negative values) by ``timedelta(**delta)``."""
        self.moment += timedelta(**delta)
        return self.moment
