from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.reminders.pause import (
    PAUSE_CHOICES,
    PAUSE_HOUR,
    PAUSE_TOMORROW,
    PAUSE_WEEK,
    pause_end,
    paused_words,
)

BERLIN = "Europe/Berlin"
LATE_EVENING = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)  # 23:30 in Berlin


def test_an_hour_and_a_week_are_exact() -> None:
    assert pause_end(PAUSE_HOUR, LATE_EVENING, BERLIN) == LATE_EVENING + timedelta(hours=1)
    assert pause_end(PAUSE_WEEK, LATE_EVENING, BERLIN) == LATE_EVENING + timedelta(days=7)


def test_until_tomorrow_means_tomorrow_morning_on_the_local_clock() -> None:
    end = pause_end(PAUSE_TOMORROW, LATE_EVENING, BERLIN)
    assert end == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    later = pause_end(PAUSE_TOMORROW, LATE_EVENING, BERLIN, morning=time(9, 30))
    assert later == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    # 00:30 local is already "today" there: tomorrow is the day after.
    just_after_midnight = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert pause_end(PAUSE_TOMORROW, just_after_midnight, BERLIN) == datetime(
        2026, 11, 24, 7, 0, tzinfo=UTC
    )


def test_until_tomorrow_across_the_spring_clock_change() -> None:
    # Berlin springs forward on 29 March 2026; 08:00 there is then UTC+2.
    end = pause_end(PAUSE_TOMORROW, datetime(2026, 3, 28, 21, 0, tzinfo=UTC), BERLIN)
    assert end == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


def test_an_unknown_choice_is_refused() -> None:
    with pytest.raises(ValueError, match="hour, tomorrow, week"):
        pause_end("forever", LATE_EVENING, BERLIN)


@given(
    choice=st.sampled_from(PAUSE_CHOICES),
    now=st.datetimes(datetime(1980, 1, 1), datetime(2200, 1, 1), timezones=st.just(UTC)),
    zone=st.sampled_from(["UTC", BERLIN, "America/New_York", "Pacific/Apia", "Asia/Kathmandu"]),
)
def test_a_pause_always_ends_later_and_within_a_week(choice: str, now: datetime, zone: str) -> None:
    end = pause_end(choice, now, zone)
    assert now < end <= now + timedelta(days=7)


def test_the_words_say_until_when() -> None:
    now = LATE_EVENING
    assert paused_words(now + timedelta(minutes=20), now, BERLIN) == "until 23:50"
    assert paused_words(datetime(2026, 11, 23, 7, 0, tzinfo=UTC), now, BERLIN) == (
        "until 08:00 tomorrow"
    )
    assert paused_words(now + timedelta(days=7), now, BERLIN) == "until Sunday 29 November"
