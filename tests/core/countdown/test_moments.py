"""Stored moments and zone names: strict when created, tolerant when read back."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.moments import (
    checked_zone,
    is_zone_name,
    local,
    moment_data,
    moment_from_data,
    utc_moment,
    whole_days,
)

MOMENTS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-29T02:30:00+02:00", datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
        ("2028-02-29T12:00:00Z", datetime(2028, 2, 29, 12, 0, tzinfo=UTC)),
        (" 2026-01-01T00:00:00+00:00 ", datetime(2026, 1, 1, tzinfo=UTC)),
        ("2026-01-01T00:00:00", None),  # naive: we cannot know which instant it meant
        ("9999-12-31T23:00:00-05:00", None),  # past the end of datetime in UTC
        ("1066-10-14T09:00:00+00:00", None),  # outside the years we accept
        ("yesterday", None),
        ("", None),
        (1732262400, None),
        (None, None),
        (["2026-01-01T00:00:00Z"], None),
    ],
)
def test_reading_stored_moments(value: object, expected: datetime | None) -> None:
    assert moment_from_data(value) == expected


@given(MOMENTS)
def test_moments_round_trip_as_utc(moment: datetime) -> None:
    back = moment_from_data(moment_data(moment))
    # Compared in UTC: Python never calls an ambiguous wall time (DST fall-back hour)
    # equal to a moment in another zone, which is one reason everything is kept in UTC.
    assert back == moment.astimezone(UTC) and back is not None and back.tzinfo is UTC


def test_naive_moments_are_refused_plainly() -> None:
    with pytest.raises(ValueError, match="needs a time zone"):
        utc_moment(datetime(2026, 1, 1))
    assert utc_moment(datetime(2026, 1, 1, 9, tzinfo=timezone(timedelta(hours=9)))).hour == 0


@pytest.mark.parametrize(
    "name", ["", " ", "Mars/Base", "Europe", "../../etc/passwd", "/etc/localtime", 7, None]
)
def test_odd_zone_names_are_not_zones(name: object) -> None:
    assert not is_zone_name(name)


def test_known_zones_and_the_display_fallback() -> None:
    assert checked_zone("Asia/Tokyo") == "Asia/Tokyo"
    moment = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)
    assert local(moment, "Asia/Tokyo").hour == 3
    assert local(moment, "Not/AZone").utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("span", "days"),
    [
        (timedelta(0), 0),
        (timedelta(hours=23, minutes=59), 0),
        (timedelta(days=1), 1),
        (timedelta(days=-3), 0),
    ],
)
def test_whole_days(span: timedelta, days: int) -> None:
    assert whole_days(span) == days
