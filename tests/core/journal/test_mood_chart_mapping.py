"""The mood chart's mapping: days, means, honest segments, urges, lines, ticks and words."""

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.journal.entry import MOOD_WORDS
from reconnect_gui.core.journal.mood_chart import (
    EMPTY_TEXT,
    LABEL_GAP,
    MAX_GAP_DAYS,
    SPANS,
    ChartLayout,
    chart_data,
    chart_description,
    chart_layout,
    day_range,
    day_tooltip,
    empty_text,
    mood_word,
    rough_width,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)  # Wed 20 May 2026, 14:00 in Berlin
D = timedelta(days=1)
H = timedelta(hours=1)


def x_of(layout: ChartLayout, day: date) -> float:
    """The centre of ``day``'s slot."""
    return ((day - layout.first).days + 0.5) * layout.slot


def y_of(layout: ChartLayout, mood: float) -> float:
    """Where ``mood`` sits: on the straight line through the y ticks (1 … 5)."""
    low, high = layout.y_ticks[0].at, layout.y_ticks[-1].at  # moods 1 and 5
    return low + (mood - 1) / 4 * (high - low)


def at(day: date, hour: int = 12, zone: ZoneInfo = BERLIN) -> datetime:
    """``hour`` o'clock on ``day`` in ``zone``, as UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone).astimezone(UTC)


TODAY = date(2026, 5, 20)


def test_several_entries_on_one_day_become_one_point_at_their_mean() -> None:
    moods = [(at(TODAY, 20), 4), (at(TODAY, 8), 1), (at(TODAY - D, 9), 3)]
    data = chart_data(moods, zone="Europe/Berlin", now=NOW)
    assert [(d.day, d.moods, d.count) for d in data.days] == [
        (TODAY - D, (3,), 1),
        (TODAY, (1, 4), 2),  # in the order they were written, not the order given
    ]
    assert data.days[1].mean == 2.5
    layout = chart_layout(data, 900, 300)
    assert [p.count for p in layout.points] == [1, 2]
    assert layout.points[1].y == pytest.approx(y_of(layout, 2.5))
    assert y_of(layout, 1) > layout.points[1].y > y_of(layout, 4)  # between the two moods


def test_days_are_the_users_local_days() -> None:
    late = datetime(2026, 5, 18, 22, 30, tzinfo=UTC)  # 00:30 on the 19th in Berlin
    assert chart_data([(late, 3)], zone="Europe/Berlin", now=NOW).days[0].day == date(2026, 5, 19)
    assert chart_data([(late, 3)], zone="UTC", now=NOW).days[0].day == date(2026, 5, 18)
    # An unknown zone name falls back to UTC instead of failing.
    assert chart_data([(late, 3)], zone="Not/AZone", now=NOW).days[0].day == date(2026, 5, 18)


def test_odd_samples_are_skipped_and_the_future_is_left_out() -> None:
    moods = [
        (at(TODAY), 0),
        (at(TODAY), 6),
        (at(TODAY), True),
        (datetime(2026, 5, 19, 12), 3),  # no zone: we cannot know its day
        (at(TODAY + D), 5),  # tomorrow: a clock that was wrong
        (at(TODAY), 2),
    ]
    data = chart_data(moods, zone="Europe/Berlin", now=NOW)
    assert [(d.day, d.moods) for d in data.days] == [(TODAY, (2,))]


def test_a_line_joins_days_at_most_a_week_apart_and_never_crosses_a_longer_gap() -> None:
    days = [TODAY - 40 * D, TODAY - 20 * D, TODAY - 13 * D, TODAY - 12 * D, TODAY - 4 * D]
    data = chart_data([(at(d), 3) for d in days], zone="Europe/Berlin", now=NOW)
    layout = chart_layout(data, 700, 240)
    runs = [[p.day for p in s.points] for s in layout.segments]
    # 40 → 20 days ago is a 20-day gap: no line; 20 → 13 is exactly 7: joined;
    # 12 → 4 is 8 days: the point 4 days ago stands alone.
    assert runs == [[TODAY - 20 * D, TODAY - 13 * D, TODAY - 12 * D]]
    assert MAX_GAP_DAYS == 7
    assert len(layout.points) == 5  # lonely points are still shown


def test_urges_are_counted_per_day_with_their_strongest_intensity() -> None:
    urges = [
        (at(TODAY, 9), 3),
        (at(TODAY, 22), 8),
        (at(TODAY - 2 * D), None),
        (at(TODAY - 200 * D), 9),  # outside the 90 days
    ]
    data = chart_data([(at(TODAY), 3)], urges, zone="Europe/Berlin", now=NOW)
    assert [(u.day, u.count, u.max_intensity) for u in data.urges] == [
        (TODAY - 2 * D, 1, None),
        (TODAY, 2, 8),
    ]
    layout = chart_layout(data, 700, 240)
    assert layout.urge_band is not None
    top, bottom = layout.urge_band
    assert layout.mood_bottom < top  # urges never sit on top of mood points
    unknown, strong = layout.urges
    assert unknown.x == x_of(layout, TODAY - 2 * D) and strong.x == x_of(layout, TODAY)
    assert top <= strong.top < unknown.top < bottom  # the stronger day stands taller
    assert strong.bottom == unknown.bottom == bottom
    # Without urges in the range there is no strip, and the moods get the room.
    calm = chart_layout(chart_data([(at(TODAY), 3)], now=NOW), 700, 240)
    assert calm.urge_band is None and calm.urges == () and calm.mood_bottom == 240


def test_the_start_and_each_slip_get_a_labelled_line() -> None:
    start = at(TODAY - 60 * D, 21)
    slips = [at(TODAY - 30 * D), at(TODAY - 30 * D, 18), at(TODAY - 5 * D), at(TODAY - 400 * D)]
    data = chart_data([(at(TODAY), 3)], [], start, slips, "Europe/Berlin", now=NOW)
    layout = chart_layout(data, 900, 240)
    assert [(e.day, e.started, e.slips, e.label) for e in layout.events] == [
        (TODAY - 60 * D, True, 0, "No Contact began"),
        (TODAY - 30 * D, False, 2, "2 slips"),  # two on one day share one line
        (TODAY - 5 * D, False, 1, "Slip"),
    ]
    assert [e.x for e in layout.events] == [x_of(layout, e.day) for e in layout.events]
    assert layout.label_rows >= 1 and layout.mood_top > 0  # room for the labels on top
    same_day = chart_data([], [], start, [start + H], "Europe/Berlin", now=NOW)
    assert [e.label for e in same_day.events] == ["No Contact began · Slip"]


def test_event_labels_never_overlap_and_stay_inside() -> None:
    start = at(TODAY - 80 * D)
    slips = [at(TODAY - d * D) for d in (79, 78, 60, 59, 2, 1, 0)]
    for width in (200, 400, 700):
        layout = chart_layout(chart_data([], [], start, slips, "UTC", now=NOW), width, 200)
        shown = [e for e in layout.events if e.label]
        assert shown  # the first one always finds room
        for event in shown:
            assert event.label_left >= 0
            assert event.label_left + rough_width(event.label) <= width
            assert event.label_row < layout.label_rows
        for row in range(layout.label_rows):
            spans = sorted(
                (e.label_left, e.label_left + rough_width(e.label))
                for e in shown
                if e.label_row == row
            )
            assert all(a[1] + LABEL_GAP <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("span", "first"),
    [
        ("30", TODAY - 29 * D),
        ("90", TODAY - 89 * D),
        ("365", TODAY - 364 * D),
    ],
)
def test_ranges_end_today(span, first) -> None:
    data = chart_data([(at(TODAY - 100 * D), 2), (at(TODAY), 4)], now=NOW, span=span)
    assert (data.first, data.last) == (first, TODAY)
    assert data.day_count == (TODAY - first).days + 1


def test_all_reaches_back_to_the_earliest_data_and_shows_at_least_a_month() -> None:
    old = TODAY - 500 * D
    data = chart_data([(at(TODAY), 3)], [], at(old), [], "Europe/Berlin", now=NOW, span="all")
    assert (data.first, data.last) == (old, TODAY)
    assert day_range("all", TODAY) == (TODAY - 29 * D, TODAY)
    assert day_range("all", TODAY, TODAY - 3 * D) == (TODAY - 29 * D, TODAY)
    with pytest.raises(ValueError):
        chart_data([], now=NOW, span="7")
    with pytest.raises(ValueError):
        chart_data([], now=datetime(2026, 5, 20))


def test_y_ticks_use_our_mood_words_with_very_good_on_top() -> None:
    layout = chart_layout(chart_data([(at(TODAY), 3)], now=NOW), 400, 200)
    assert [t.label for t in layout.y_ticks] == [MOOD_WORDS[m] for m in (1, 2, 3, 4, 5)]
    ys = [t.at for t in layout.y_ticks]
    assert ys == sorted(ys, reverse=True)
    assert layout.mood_top < ys[-1] and ys[0] < layout.mood_bottom


@pytest.mark.parametrize(
    ("span", "width", "expected"),
    [
        ("30", 2000, "days"),
        ("30", 400, "weeks"),
        ("90", 700, "weeks"),
        ("90", 400, "weeks"),
        ("365", 700, "months"),
        ("all", 700, "years"),
    ],
)
def test_x_ticks_step_from_days_to_years_and_their_labels_never_touch(
    span, width, expected
) -> None:
    moods = [(at(TODAY - 3000 * D), 3), (at(TODAY), 3)]
    layout = chart_layout(chart_data(moods, now=NOW, span=span), width, 200)
    ticks = layout.x_ticks
    assert len(ticks) >= 2
    days = [layout.first + round(t.at / layout.slot - 0.5) * D for t in ticks]
    steps = {(b - a).days for a, b in itertools.pairwise(days)}
    if expected == "days":
        assert steps == {1}
    elif expected == "weeks":
        assert steps <= {7, 14} and all(d.weekday() == 0 for d in days)
    elif expected == "months":
        assert all(d.day == 1 for d in days)
    else:
        assert all((d.month, d.day) == (1, 1) for d in days)
        assert all(t.label.isdigit() for t in ticks)
    for tick in ticks:
        assert tick.label_left >= 0 and tick.label_left + rough_width(tick.label) <= width
        assert tick.label_left + rough_width(tick.label) / 2 == pytest.approx(tick.at)
    for a, b in itertools.pairwise(ticks):
        assert a.label_left + rough_width(a.label) + LABEL_GAP <= b.label_left


def test_point_at_finds_the_nearest_day_within_the_radius() -> None:
    moods = [(at(TODAY - 2 * D), 1), (at(TODAY - D), 5), (at(TODAY), 3)]
    layout = chart_layout(chart_data(moods, now=NOW, span="30"), 600, 200)
    low, high, mid = layout.points
    assert layout.point_at(low.x, low.y, 6) == TODAY - 2 * D
    assert layout.point_at(high.x + 3, high.y - 3, 6) == TODAY - D
    assert layout.point_at(mid.x, mid.y + 7, 6) is None
    assert layout.point_at(mid.x, mid.y + 7, 8) == TODAY
    assert layout.point_at(0, 0, 6) is None


def test_words_for_the_tooltip_the_empty_state_and_a_screen_reader() -> None:
    moods = [(at(TODAY, 9), 2), (at(TODAY, 21), 4), (at(TODAY - 3 * D), 3)]
    urges = [(at(TODAY, 10), 6)]
    start = at(TODAY - 10 * D)
    data = chart_data(moods, urges, start, [at(TODAY, 22)], "Europe/Berlin", now=NOW)
    assert day_tooltip(data, TODAY) == (
        "Wed 20 May 2026\nMoods: low, good (on average okay)\n2 entries\n1 urge\nSlip"
    )
    assert day_tooltip(data, TODAY - 3 * D) == "Sun 17 May 2026\nMood: okay\n1 entry"
    assert day_tooltip(data, TODAY - D) is None
    assert empty_text(data) is None
    assert chart_description(data) == (
        "Last 90 days: 2 days with a mood, mostly okay; 1 urge; "
        "No Contact began on Sun 10 May 2026; 1 slip."
    )

    nothing = chart_data([], now=NOW)
    assert empty_text(nothing) == EMPTY_TEXT
    assert chart_description(nothing) == "Last 90 days: no moods yet; no urges."
    earlier = chart_data([(at(TODAY - 100 * D), 2)], now=NOW, span="30")
    assert empty_text(earlier) == "No moods in this range. All shows the earlier ones."
    assert chart_description(earlier) == "Last 30 days: no moods in this range; no urges."
    spread = chart_data([(at(TODAY - d * D), m) for d, m in ((0, 1), (1, 3), (2, 5))], now=NOW)
    assert chart_description(spread).startswith("Last 90 days: 3 days with a mood, from very low")
    assert (
        chart_description(chart_data([], now=NOW, span="all")) == "So far: no moods yet; no urges."
    )
    everything = chart_data([(at(TODAY), 4)], now=NOW, span="all")
    assert (
        chart_description(everything) == "Since Tue 21 Apr 2026: 1 day with a mood, good; no urges."
    )
    year = chart_data([(at(TODAY), 5)], now=NOW, span="365")
    assert chart_description(year) == "Last year: 1 day with a mood, very good; no urges."
    assert [mood_word(m) for m in (1, 1.49, 1.5, 2.5, 4.5, 5)] == [
        "very low",
        "very low",
        "low",
        "okay",
        "very good",
        "very good",
    ]


# --- Properties ----------------------------------------------------------------------------

ZONES = st.sampled_from(sorted(z for z in available_timezones() if "/" in z))
OFFSETS = st.floats(min_value=0, max_value=800 * 24, allow_nan=False)  # hours before now
SAMPLES = st.lists(st.tuples(OFFSETS, st.integers(1, 5)), max_size=60)
URGES = st.lists(st.tuples(OFFSETS, st.none() | st.integers(1, 10)), max_size=30)
SIZES = st.tuples(st.floats(40, 2000), st.floats(40, 800))


def _moments(samples):
    return [(NOW - timedelta(hours=h), v) for h, v in samples]


@given(SAMPLES, URGES, st.lists(OFFSETS, max_size=6), ZONES, st.sampled_from(SPANS), SIZES)
def test_every_mark_lies_inside_the_plot_and_segments_never_span_a_long_gap(
    samples, urges, slips, zone, span, size
) -> None:
    width, height = size
    data = chart_data(
        _moments(samples),
        _moments(urges),
        NOW - timedelta(days=50),
        [NOW - timedelta(hours=h) for h in slips],
        zone,
        now=NOW,
        span=span,
    )
    layout = chart_layout(data, width, height)
    for point in layout.points:
        assert 0 <= point.x <= width
        assert 0 <= point.y <= height
        assert layout.mood_top <= point.y <= layout.mood_bottom
        assert data.first <= point.day <= data.last
    days = [p.day for p in layout.points]
    assert days == sorted(set(days))  # one point per day, in order
    for segment in layout.segments:
        assert len(segment.points) >= 2
        for a, b in zip(segment.points, segment.points[1:], strict=False):
            assert 0 < (b.day - a.day).days <= MAX_GAP_DAYS
    joined = sum(len(s.points) - 1 for s in layout.segments)
    close = sum(1 for a, b in itertools.pairwise(days) if (b - a).days <= MAX_GAP_DAYS)
    assert joined == close  # and every close pair is joined
    for mark in layout.urges:
        assert 0 <= mark.x <= width and 0 <= mark.top <= mark.bottom <= height
    for line in layout.events:
        assert 0 <= line.x <= width


def _transitions(zone: ZoneInfo, year: int) -> list[datetime]:
    """The UTC moments in ``year`` when ``zone``'s offset changes (DST on and off)."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        if moment.astimezone(zone).utcoffset() != (moment + H).astimezone(zone).utcoffset():
            found.append(moment + H)
        moment += H
    return found


DST_ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago"]
TRANSITIONS = {z: _transitions(ZoneInfo(z), 2025) for z in DST_ZONES}


@given(
    st.sampled_from(DST_ZONES),
    st.data(),
    st.lists(st.floats(-30, 30), min_size=1, max_size=40),
)
def test_a_day_when_the_clocks_change_is_still_one_point(zone, data, hours) -> None:
    change = data.draw(st.sampled_from(TRANSITIONS[zone]))
    moments = [change + timedelta(hours=h) for h in hours]
    now = change + 3 * D
    chart = chart_data([(m, 3) for m in moments], zone=zone, now=now, span="30")
    local_days = {m.astimezone(ZoneInfo(zone)).date() for m in moments}
    assert [d.day for d in chart.days] == sorted(local_days)
    assert sum(d.count for d in chart.days) == len(moments)
    layout = chart_layout(chart, 600, 200)
    # Every day is one slot wide, the 23- and 25-hour days too.
    for point in layout.points:
        assert point.x == pytest.approx(((point.day - layout.first).days + 0.5) * layout.slot)
