"""A date and time typed as the wall clock of one IANA zone, and read back as aware UTC.

The editor holds the wall-clock value as if it were UTC. Qt then never applies the
*computer's* zone, so a time that does not exist there (a daylight-saving gap on this
machine, but not in the plan's zone) is never "fixed" behind the user's back. The
plan's zone is attached with ``zoneinfo``, the way the rest of the app shows times.

A wall time in a gap or overlap of the plan's zone is read as Python reads it (fold 0:
the offset in force before the change), which is what a person means nearly always.

People type dates and times as they say them ("08:15", "4 Dec", "4 Dec 8:15 pm"), not
field by field: ``parse_typed`` reads those, and the editor takes them on Enter or when
the focus leaves. Days that cannot be chosen look disabled in the calendar.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimeZone
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette, QValidator
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateTimeEdit, QWidget

from reconnect_gui.core.countdown.moments import is_zone_name, local
from reconnect_gui.ui.widgets.colours import mixed

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TIME = re.compile(
    r"(\d{1,2})\s*[:.h]\s*(\d{2})\s*([ap])?\.?\s*m?\.?|(\d{1,2})\s*([ap])\.?\s*m\.?", re.I
)
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s*([a-z]{3,9})\.?(?:\s+(\d{4}))?", re.I)
_MONTH_DAY = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", re.I)
_TYPABLE = re.compile(r"[\w\s:.,/-]{0,40}")  # what may stand in the field while typing
DISABLED_DAY_SHARE = 0.3  # a day that can't be chosen: faint, well under the text's contrast


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


def _month(word: str) -> int | None:
    word = word.lower()
    return next((i + 1 for i, name in enumerate(MONTHS) if word.startswith(name)), None)


def parse_typed(text: str, current: datetime, latest: datetime | None = None) -> datetime | None:
    """The wall time a person typed, to the minute; what they left out stays as ``current``.

    "08:15", "8.15", "8:15 pm", "8pm" set the time; "4 Dec", "Dec 4", "4 December 2025" the
    day. A day without a year is this year's, or last year's when that would be after
    ``latest`` (a slip typed on 2 January as "30 Dec" happened days ago, not next winter).
    None when the words are not a date or a time.
    """
    text = text.strip()
    rest = text
    hour, minute = current.hour, current.minute
    found_time = _TIME.search(rest)
    if found_time:
        if found_time.group(1) is not None:
            hour, minute, half = (
                int(found_time.group(1)),
                int(found_time.group(2)),
                found_time.group(3),
            )
        else:
            hour, minute, half = int(found_time.group(4)), 0, found_time.group(5)
        if half is not None:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        rest = (rest[: found_time.start()] + " " + rest[found_time.end() :]).strip(" ,")
    year, month, day, year_given = current.year, current.month, current.day, False
    if rest:
        found_day = _DAY_MONTH.fullmatch(rest)
        found_month_first = None if found_day else _MONTH_DAY.fullmatch(rest)
        if found_day:
            day_text, month_text, year_text = found_day.groups()
        elif found_month_first:
            month_text, day_text, year_text = found_month_first.groups()
        else:
            return None
        number = _month(month_text)
        if number is None:
            return None
        month, day = number, int(day_text)
        if year_text:
            year, year_given = int(year_text), True
    elif not found_time:
        return None
    try:
        result = datetime(year, month, day, hour, minute)
        if latest is not None and result > latest and rest and not year_given:
            result = result.replace(year=year - 1)
    except ValueError:  # 31 Feb, 25:00
        return None
    return result


class ZonedDateTimeEdit(QDateTimeEdit):
    """A calendar date-time editor for the wall clock of ``zone`` (see the module notes).

    Limits are wall-clock times of the same zone, for the same reason: a bare date or a
    local ``QDateTime`` would be read in the computer's zone and could move the value.
    """

    def __init__(
        self, zone: str, earliest: datetime, display_format: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._typing = False  # free typing over the whole field (see keyPressEvent)
        self.zone = zone
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        self.setMinimumDateTime(qt_wall(earliest))
        self._calendar_look = _CalendarLook(self.calendarWidget())

    # -- typing a date or a time as words ------------------------------------------------

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if self._typing and _TYPABLE.fullmatch(text):  # free typing: read on Enter
            return (QValidator.State.Intermediate, text, pos)
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid and _TYPABLE.fullmatch(text):
            return (QValidator.State.Intermediate, text, pos)  # may become "4 Dec 08:15"
        return result

    def take_typed(self) -> bool:
        """Read what was typed in the field as a date or time; True if it was understood."""
        text = self.lineEdit().text()
        if text == self.textFromDateTime(self.dateTime()):
            return False
        latest = self.maximumDateTime()
        latest_wall = datetime(
            latest.date().year(),
            latest.date().month(),
            latest.date().day(),
            latest.time().hour(),
            latest.time().minute(),
        )
        typed = parse_typed(text, self.wall(), latest_wall)
        if typed is None:
            return False
        self.set_wall(typed)  # clamped to the limits, like a choice from the calendar
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter takes what was typed. With the whole field selected (Tab selects it), a
        printable key starts free typing: the keys then go to the text as in any field,
        not section by section, until Enter, Escape or the focus leaves."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take_typed()
            self._typing = False
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape and self._typing:
            self._typing = False
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            return
        line = self.lineEdit()
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        printable = bool(text) and text.isprintable() and plain
        all_selected = line.hasSelectedText() and line.selectedText() == line.text()
        editing_keys = (
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
        if (printable and all_selected) or (self._typing and (printable or key in editing_keys)):
            self._typing = True
            # The editor's own reactions to each change (section by section) are held
            # back: they would put the old date back over the half-typed words.
            blocked = line.blockSignals(True)
            QApplication.sendEvent(line, event)
            line.blockSignals(blocked)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            self.selectAll()  # ready to type a whole date or time over it

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.take_typed()
        self._typing = False
        super().focusOutEvent(event)

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


class _CalendarLook(QObject):
    """The calendar's days that cannot be chosen (before the earliest, after the latest)
    are drawn faint, and weekends in the ordinary colour (Qt's red reads as a warning).

    The calendar draws those days in the palette's disabled text colour, which our themes
    keep readable (4.5:1) for disabled controls; here it must say "not this one". Set again
    each time the calendar opens, so a theme switch reaches it."""

    def __init__(self, calendar: QCalendarWidget) -> None:
        super().__init__(calendar)
        self._calendar = calendar
        normal = calendar.weekdayTextFormat(Qt.DayOfWeek.Monday)
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            calendar.setWeekdayTextFormat(day, normal)
        self.restyle()
        calendar.installEventFilter(self)

    def restyle(self) -> None:
        from reconnect_gui.ui.widgets.application import application

        palette = QPalette(application().palette())
        faint = mixed(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Text),
            DISABLED_DAY_SHARE,
        )
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, faint)
        self._calendar.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._calendar and event.type() == QEvent.Type.Show:
            self.restyle()
        return False
