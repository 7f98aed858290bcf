"""A date and time typed as the wall clock of one IANA zone, and read back as aware UTC.

The editor holds the wall-clock value as if it were UTC. Qt then never applies the
*computer's* zone, so a time that does not exist there (a daylight-saving gap on this
machine, but not in the plan's zone) is never "fixed" behind the user's back. The
plan's zone is attached with ``zoneinfo``, the way the rest of the app shows times.

A wall time in a gap or overlap of the plan's zone is read as Python reads it (fold 0:
the offset in force before the change), which is what a person means nearly always.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from reconnect_gui.core.countdown.moments import is_zone_name, local


def zone_info(name: str) -> ZoneInfo:
    """The zone called ``name``, or UTC when this computer does not know that name."""
    return ZoneInfo(name if is_zone_name(name) else "UTC")


def wall_time(moment: datetime, zone: str) -> datetime:
    """``moment`` (aware) as the naive wall-clock time shown in ``zone``, to the minute."""
    return local(moment, zone).replace(tzinfo=None, second=0, microsecond=0)


def moment_at(wall: datetime, zone: str) -> datetime:
    """The aware UTC moment at which the clocks in ``zone`` show ``wall`` (naive)."""
    return wall.replace(tzinfo=zone_info(zone)).astimezone(UTC)


def qt_wall(wall: datetime) -> QDateTime:
    """A naive wall-clock time for the editor, which holds it as if it were UTC."""
    return QDateTime(
        QDate(wall.year, wall.month, wall.day),
        QTime(wall.hour, wall.minute, wall.second, wall.microsecond // 1000),
        QTimeZone.utc(),
    )


class ZonedDateTimeEdit(QDateTimeEdit):
    """A calendar date-time editor for the wall clock of ``zone`` (see the module notes).

    Limits are wall-clock times of the same zone, for the same reason: a bare date or a
    local ``QDateTime`` would be read in the computer's zone and could move the value.
    """

    def __init__(
        self, zone: str, earliest: datetime, display_format: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        self.setMinimumDateTime(qt_wall(earliest))

    def wall(self) -> datetime:
        """The wall-clock time shown, naive, to the minute."""
        day, time = self.date(), self.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def set_wall(self, wall: datetime) -> None:
        self.setDateTime(qt_wall(wall))

    def moment(self) -> datetime:
        """The time shown, as an aware UTC moment."""
        return moment_at(self.wall(), self.zone)

    def set_moment(self, moment: datetime) -> None:
        """Show ``moment`` (aware) on the zone's clock; outside the limits it is clamped."""
        self.set_wall(wall_time(moment, self.zone))

    def set_latest(self, wall: datetime) -> None:
        """The latest wall-clock time the user can choose (a value beyond it is clamped)."""
        self.setMaximumDateTime(qt_wall(wall))
