"""The mood-over-time chart as numbers and words: which days, where their points go, what it says.

Two steps, both pure:

``chart_data`` turns plain inputs (mood samples, urges, the No-Contact start and slips, the
user's zone, ``now`` and a range) into day-level facts. Days are the user's local calendar
days, so a 23- or 25-hour day when the clocks change is still one day and one point.

``chart_layout`` places those facts in a plot rectangle of a given size: one point per day
with a mood (several entries on a day → their mean), line segments, urge marks, vertical
lines for the start and slips, and axis ticks. ``ui/journal/mood_chart.py`` only draws the result.

Honest with sparse data: a line joins two days only when they are at most ``MAX_GAP_DAYS``
apart. A week is the longest gap we still read as "the same stretch of time"; further apart,
the points stand alone, because a line would invent the days in between.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from reconnect_gui.core.countdown.moments import is_zone_name
from reconnect_gui.core.journal.entry import MOOD_WORDS
from reconnect_gui.core.wording import plural, short_day

MAX_GAP_DAYS = 7  # a line joins two days with a mood only when they are ≤ 7 days apart
SPANS = ("30", "90", "365", "all")
SPAN_DAYS = {"30": 30, "90": 90, "365": 365}
SPAN_WORDS = {"30": "30 days", "90": "90 days", "365": "A year", "all": "All"}
DEFAULT_SPAN = "90"
MIN_ALL_DAYS = 30  # "All" with only a few days of data still shows a month, not a blur

EMPTY_TEXT = "Add a mood to an entry and it will show here."
START_LABEL = "No Contact began"
SLIP_LABEL = "Slip"

# Layout, in the plot's pixels.
POINT_INSET = 9.0  # air between the mood 1 and 5 points and the mood area's edges
URGE_BAND = 18.0  # the strip along the bottom where urges are marked
URGE_GAP = 6.0  # between the mood area and the urge strip
LABEL_GAP = 16.0  # between two labels on one row (x ticks, event labels)
MAX_LABEL_ROWS = 2

Measure = Callable[[str], float]


def rough_width(text: str) -> float:
    """A text's width when no font is at hand (tests): about 7 px a character."""
    return 7.0 * len(text)


# --- Day-level facts -----------------------------------------------------------------------


@dataclass(frozen=True)
class MoodDay:
    day: date
    moods: tuple[int, ...]  # each entry's mood, in the order they were written

    @property
    def count(self) -> int:
        return len(self.moods)

    @property
    def mean(self) -> float:
        return sum(self.moods) / len(self.moods)


@dataclass(frozen=True)
class UrgeDay:
    day: date
    count: int
    max_intensity: int | None  # 1 … 10; None when no urge that day has a readable one


@dataclass(frozen=True)
class DayEvent:
    day: date
    started: bool  # No Contact began this day
    slips: int  # slips on this day

    @property
    def label(self) -> str:
        parts = [START_LABEL] if self.started else []
        if self.slips:
            parts.append(SLIP_LABEL if self.slips == 1 else f"{self.slips} slips")
        return " · ".join(parts)


@dataclass(frozen=True)
class ChartData:
    span: str
    first: date  # the range, both ends included; ``last`` is today
    last: date
    days: tuple[MoodDay, ...]  # days in the range with a mood, oldest first
    urges: tuple[UrgeDay, ...]  # days in the range with urges, oldest first
    events: tuple[DayEvent, ...]  # days in the range with the start or slips, oldest first
    start_day: date | None  # when No Contact began, even if before the range
    moods_anywhere: bool  # any mood at all, in or out of the range

    @property
    def day_count(self) -> int:
        return (self.last - self.first).days + 1


def _local_day(moment: datetime, zone: ZoneInfo) -> date | None:
    """The user's calendar day of ``moment``; None for a moment without a zone."""
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        return None
    return moment.astimezone(zone).date()


def day_range(span: str, today: date, earliest: date | None = None) -> tuple[date, date]:
    """The first and last day the chart shows: ``span`` days up to today, or all the data."""
    if span in SPAN_DAYS:
        return today - timedelta(days=SPAN_DAYS[span] - 1), today
    first = today - timedelta(days=MIN_ALL_DAYS - 1)
    if earliest is not None:
        first = min(first, earliest)
    return first, today


def chart_data(
    moods: Iterable[tuple[datetime, int]],
    urges: Iterable[tuple[datetime, int | None]] = (),
    start: datetime | None = None,
    slips: Iterable[datetime] = (),
    zone: str = "UTC",
    *,
    now: datetime,
    span: str = DEFAULT_SPAN,
) -> ChartData:
    """The day-level facts the chart shows for ``span`` ("30", "90", "365" or "all").

    Moods outside 1–5 and moments without a zone are skipped: the chart shows what it can.
    Anything after today (a clock that was wrong) is left out.
    """
    if span not in SPANS:
        raise ValueError(f"The range must be one of: {', '.join(SPANS)}.")
    if now.utcoffset() is None:
        raise ValueError("The chart needs to know the time now; this looks like a bug.")
    tz = ZoneInfo(zone if is_zone_name(zone) else "UTC")
    today = now.astimezone(tz).date()

    mood_days: dict[date, list[tuple[datetime, int]]] = {}
    for moment, mood in moods:
        day = _local_day(moment, tz)
        if day is not None and mood in MOOD_WORDS and not isinstance(mood, bool):
            mood_days.setdefault(day, []).append((moment, mood))
    urge_days: dict[date, list[int | None]] = {}
    for moment, intensity in urges:
        day = _local_day(moment, tz)
        if day is not None:
            urge_days.setdefault(day, []).append(intensity)
    start_day = _local_day(start, tz) if start is not None else None
    slip_days = Counter(d for d in (_local_day(s, tz) for s in slips) if d is not None)

    known = [*mood_days, *urge_days, *slip_days, *([start_day] if start_day else [])]
    earliest = min((d for d in known if d <= today), default=None)
    first, last = day_range(span, today, earliest)

    def shown(day: date) -> bool:
        return first <= day <= last

    days = tuple(
        MoodDay(day, tuple(m for _, m in sorted(samples, key=lambda s: s[0])))
        for day, samples in sorted(mood_days.items())
        if shown(day)
    )
    urge_marks = tuple(
        UrgeDay(day, len(found), _max_intensity(found))
        for day, found in sorted(urge_days.items())
        if shown(day)
    )
    event_days = sorted(d for d in {*slip_days, *([start_day] if start_day else [])} if shown(d))
    events = tuple(DayEvent(d, d == start_day, slip_days.get(d, 0)) for d in event_days)
    return ChartData(
        span=span,
        first=first,
        last=last,
        days=days,
        urges=urge_marks,
        events=events,
        start_day=start_day,
        moods_anywhere=any(d <= today for d in mood_days),
    )


def _max_intensity(found: list[int | None]) -> int | None:
    readable = [i for i in found if isinstance(i, int) and not isinstance(i, bool)]
    return max(readable, default=None)


# --- Words ---------------------------------------------------------------------------------


def mood_word(mean: float) -> str:
    """The word for a (mean) mood, rounding halves up: 2.5 reads "okay"."""
    return MOOD_WORDS[min(max(math.floor(mean + 0.5), 1), 5)]


def date_words(day: date) -> str:
    """ "Tue 3 Mar 2026"."""
    return short_day(day, year=True)


def span_words(data: ChartData) -> str:
    """ "Last 90 days", "Last year", "Since Mon 3 Mar 2025"."""
    if data.span == "365":
        return "Last year"
    if data.span in SPAN_DAYS:
        return f"Last {SPAN_DAYS[data.span]} days"
    if not (data.days or data.urges or data.events):
        return "So far"  # "Since" a date with nothing after it would puzzle
    return f"Since {date_words(data.first)}"


def day_tooltip(data: ChartData, day: date) -> str | None:
    """What hovering a day's point shows: the day, its mood(s) in words, the entry count.

    Urges and the start or slips on that day are added, so the point tells the whole day.
    """
    found = next((d for d in data.days if d.day == day), None)
    if found is None:
        return None
    lines = [date_words(day)]
    if found.count == 1:
        lines.append(f"Mood: {MOOD_WORDS[found.moods[0]]}")
    else:
        words = ", ".join(MOOD_WORDS[m] for m in found.moods)
        lines.append(f"Moods: {words} (on average {mood_word(found.mean)})")
    lines.append(plural(found.count, "entry", "entries"))
    urge = next((u for u in data.urges if u.day == day), None)
    if urge is not None:
        lines.append(plural(urge.count, "urge"))
    event = next((e for e in data.events if e.day == day), None)
    if event is not None:
        lines.append(event.label)
    return "\n".join(lines)


def urge_tooltip(data: ChartData, day: date) -> str | None:
    """What hovering a day's urge mark shows: "Mon 4 May 2026", "2 urges, the strongest 8 of 10"."""
    urge = next((u for u in data.urges if u.day == day), None)
    if urge is None:
        return None
    strongest = "" if urge.max_intensity is None else f"{urge.max_intensity} of 10"
    if strongest:
        strongest = f", the strongest {strongest}" if urge.count > 1 else f", strength {strongest}"
    return f"{date_words(day)}\n{plural(urge.count, 'urge')}{strongest}"


def day_sentence(data: ChartData, day: date) -> str:
    """A day's tooltip as one line for a screen reader: "Wed 20 May 2026, mood: okay, 1 entry"."""
    lines = (day_tooltip(data, day) or date_words(day)).split("\n")
    return ", ".join([lines[0], *(line[:1].lower() + line[1:] for line in lines[1:])])


def empty_text(data: ChartData) -> str | None:
    """What the chart says instead of points, or None when there are points to show."""
    if data.days:
        return None
    if not data.moods_anywhere:
        return EMPTY_TEXT
    return f"No moods in this range. {SPAN_WORDS['all']} shows the earlier ones."


def _mostly(days: tuple[MoodDay, ...]) -> str:
    """ "mostly okay" when one word covers at least half the days, else "from low to good"."""
    words = Counter(math.floor(d.mean + 0.5) for d in days)
    level, count = words.most_common(1)[0]
    if len(days) == 1:
        return MOOD_WORDS[level]
    if count * 2 >= len(days):
        return f"mostly {MOOD_WORDS[level]}"
    return f"from {MOOD_WORDS[min(words)]} to {MOOD_WORDS[max(words)]}"


def chart_description(data: ChartData) -> str:
    """The chart for a screen reader, e.g. "Last 90 days: 12 days with a mood, mostly okay;
    5 urges; No Contact began on Mon 2 Mar 2026; 1 slip." """
    parts = []
    if data.days:
        parts.append(f"{plural(len(data.days), 'day')} with a mood, {_mostly(data.days)}")
    else:
        parts.append("no moods yet" if not data.moods_anywhere else "no moods in this range")
    urges = sum(u.count for u in data.urges)
    parts.append(plural(urges, "urge") if urges else "no urges")
    if data.start_day is not None:
        parts.append(f"No Contact began on {date_words(data.start_day)}")
        slips = sum(e.slips for e in data.events)
        parts.append(plural(slips, "slip") if slips else "no slips")
    return f"{span_words(data)}: {'; '.join(parts)}."


# --- Layout --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    day: date
    moods: tuple[int, ...]
    mean: float
    x: float
    y: float

    @property
    def count(self) -> int:
        return len(self.moods)


@dataclass(frozen=True)
class Segment:
    """A line through consecutive points, none of them more than ``MAX_GAP_DAYS`` apart."""

    points: tuple[ChartPoint, ...]  # at least two


@dataclass(frozen=True)
class UrgeMark:
    day: date
    count: int
    max_intensity: int | None
    x: float  # centre
    top: float  # the mark runs from ``top`` down to the urge strip's bottom
    bottom: float
    width: float


@dataclass(frozen=True)
class EventLine:
    day: date
    started: bool
    slips: int
    x: float
    label: str  # "" when there is no room for it; the tooltip and description still say it
    label_left: float
    label_row: int  # 0 = the top row of the label strip


@dataclass(frozen=True)
class Tick:
    at: float  # x for days, y for moods
    label: str
    label_left: float = 0.0  # x ticks only: where the centred label starts


@dataclass(frozen=True)
class ChartLayout:
    width: float
    height: float
    first: date
    last: date
    mood_top: float  # the mood area, between these two y values
    mood_bottom: float
    urge_band: tuple[float, float] | None  # (top, bottom) when urges are shown
    label_rows: int  # event label rows along the top, each ``text_height`` high
    points: tuple[ChartPoint, ...]
    segments: tuple[Segment, ...]
    urges: tuple[UrgeMark, ...]
    events: tuple[EventLine, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]

    @property
    def slot(self) -> float:
        """The width of one day."""
        return self.width / ((self.last - self.first).days + 1)

    def urge_at(self, x: float, y: float, radius: float) -> date | None:
        """The day of the urge mark nearest ``x`` within ``radius``, when ``y`` is on the strip."""
        if self.urge_band is None or not self.urge_band[0] - radius <= y <= self.urge_band[1]:
            return None
        best = min(self.urges, key=lambda mark: abs(mark.x - x), default=None)
        return best.day if best is not None and abs(best.x - x) <= radius else None

    def point_at(self, x: float, y: float, radius: float) -> date | None:
        """The day whose point is nearest (``x``, ``y``), if within ``radius``; else None."""
        best, best_distance = None, radius
        for point in self.points:
            distance = math.hypot(point.x - x, point.y - y)
            if distance <= best_distance:
                best, best_distance = point.day, distance
        return best


def chart_layout(
    data: ChartData,
    width: float,
    height: float,
    measure: Measure = rough_width,
    text_height: float = 14.0,
) -> ChartLayout:
    """Everything the chart draws, in a ``width``×``height`` plot whose top-left is (0, 0).

    ``measure`` gives a label's width (the UI passes its font metrics), so tick and event
    labels never overlap; ``text_height`` is one row of event labels along the top.
    """
    width, height = max(width, 1.0), max(height, 1.0)
    slot = width / data.day_count

    def x_of(day: date) -> float:
        return ((day - data.first).days + 0.5) * slot

    # Small plots shrink the urge strip and the label rows, so the moods keep most of the room.
    max_rows = min(MAX_LABEL_ROWS, int(height * 0.25 // max(text_height, 1.0)))
    events, rows = _event_lines(data, x_of, width, measure, max_rows)
    mood_top = rows * text_height + (4.0 if rows else 0.0)
    urge_band = None
    mood_bottom = height
    if data.urges:
        band = min(URGE_BAND, height * 0.12)
        urge_band = (height - band, height)
        mood_bottom = height - band - min(URGE_GAP, height * 0.04)
    points = tuple(
        ChartPoint(d.day, d.moods, d.mean, x_of(d.day), _y_of(d.mean, mood_top, mood_bottom))
        for d in data.days
    )
    y_ticks = tuple(
        Tick(_y_of(m, mood_top, mood_bottom), MOOD_WORDS[m]) for m in sorted(MOOD_WORDS)
    )
    return ChartLayout(
        width=width,
        height=height,
        first=data.first,
        last=data.last,
        mood_top=mood_top,
        mood_bottom=mood_bottom,
        urge_band=urge_band,
        label_rows=rows,
        points=points,
        segments=_segments(points),
        urges=_urge_marks(data.urges, x_of, slot, urge_band),
        events=events,
        x_ticks=_x_ticks(data.first, data.last, x_of, width, measure),
        y_ticks=y_ticks,
    )


def _y_of(mood: float, mood_top: float, mood_bottom: float) -> float:
    """Mood 5 near the top of the mood area, mood 1 near its bottom."""
    inset = min(POINT_INSET, (mood_bottom - mood_top) / 4)
    inner_top = mood_top + inset
    inner = mood_bottom - inset - inner_top
    return inner_top + (5 - mood) / 4 * inner


def _segments(points: tuple[ChartPoint, ...]) -> tuple[Segment, ...]:
    runs: list[list[ChartPoint]] = []
    for point in points:
        if runs and (point.day - runs[-1][-1].day).days <= MAX_GAP_DAYS:
            runs[-1].append(point)
        else:
            runs.append([point])
    return tuple(Segment(tuple(run)) for run in runs if len(run) > 1)


def _urge_marks(
    urges: tuple[UrgeDay, ...],
    x_of: Callable[[date], float],
    slot: float,
    band: tuple[float, float] | None,
) -> tuple[UrgeMark, ...]:
    if band is None:
        return ()
    top, bottom = band
    mark_width = min(max(slot * 0.6, 2.0), 6.0)
    marks = []
    for urge in urges:
        # Stronger urges stand taller; an urge of unknown strength sits in the middle.
        strength = 0.5 if urge.max_intensity is None else urge.max_intensity / 10
        mark_top = bottom - (bottom - top) * (0.3 + 0.7 * min(max(strength, 0.0), 1.0))
        marks.append(
            UrgeMark(
                urge.day,
                urge.count,
                urge.max_intensity,
                x_of(urge.day),
                mark_top,
                bottom,
                mark_width,
            )
        )
    return tuple(marks)


def _event_lines(
    data: ChartData,
    x_of: Callable[[date], float],
    width: float,
    measure: Measure,
    max_rows: int,
) -> tuple[tuple[EventLine, ...], int]:
    """Event lines and the label rows they need; a label that fits no row is left out."""
    row_ends: list[float] = []  # the right edge of the last label on each row
    lines = []
    for event in data.events:
        x = x_of(event.day)
        label = event.label
        text_width = measure(label)
        # Beside the line on its right; near the right edge, on its left instead.
        left = x + 4 if x + 4 + text_width <= width else x - 4 - text_width
        row = next(
            (i for i, end in enumerate(row_ends) if left >= end + LABEL_GAP),
            len(row_ends) if len(row_ends) < max_rows else None,
        )
        if left < 0 or row is None:
            label, row, left = "", 0, x
        elif row == len(row_ends):
            row_ends.append(left + text_width)
        else:
            row_ends[row] = left + text_width
        lines.append(EventLine(event.day, event.started, event.slips, x, label, left, row))
    return tuple(lines), len(row_ends)


def _x_ticks(
    first: date, last: date, x_of: Callable[[date], float], width: float, measure: Measure
) -> tuple[Tick, ...]:
    """Day, week, fortnight, month, quarter or year ticks: the finest whose labels fit."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def day_label(d: date) -> str:
        return short_day(d, weekday=False)

    def month_label(d: date) -> str:
        return f"{d:%b %Y}" if d.month == 1 else f"{d:%b}"

    candidates: list[tuple[Callable[[date], bool], Callable[[date], str]]] = [
        (lambda d: True, day_label),
        (lambda d: d.weekday() == 0, day_label),
        (lambda d: d.weekday() == 0 and d.toordinal() // 7 % 2 == 0, day_label),
        (lambda d: d.day == 1, month_label),
        (lambda d: d.day == 1 and d.month in (1, 4, 7, 10), month_label),
        (lambda d: d.day == 1 and d.month == 1, lambda d: f"{d.year}"),
    ]
    steps = [[d for d in days if chosen(d)] for chosen, _ in candidates]
    labels = [label_of for _, label_of in candidates]
    # Many years: every k-th year as well, k as small as fits.
    years = steps[-1]
    for k in range(2, len(years) + 1):
        steps.append([d for d in years if d.year % k == 0])
        labels.append(labels[-1])
    fitting = [
        ticks
        for step, label_of in zip(steps, labels, strict=True)
        if (ticks := _fitting_ticks(step, label_of, x_of, width, measure)) is not None
    ]
    # The finest step that fits with at least two ticks; else the finest that fits at all.
    return next((t for t in fitting if len(t) >= 2), fitting[0] if fitting else ())


def _fitting_ticks(
    days: list[date],
    label_of: Callable[[date], str],
    x_of: Callable[[date], float],
    width: float,
    measure: Measure,
) -> tuple[Tick, ...] | None:
    """Ticks with centred labels inside [0, width], or None when two labels would touch.

    A tick whose label would stick out of the plot is dropped.
    """
    ticks: list[Tick] = []
    for day in days:
        label = label_of(day)
        text_width = measure(label)
        x = x_of(day)
        left = x - text_width / 2
        if left < 0 or left + text_width > width:
            continue
        if ticks and left < ticks[-1].label_left + measure(ticks[-1].label) + LABEL_GAP:
            return None
        ticks.append(Tick(x, label, left))
    return tuple(ticks)
