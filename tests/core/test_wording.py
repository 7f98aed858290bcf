"""The app's one way of wording a count and a day (core/wording.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reconnect_gui.core.wording import long_day, plural, short_day, short_moment


@pytest.mark.parametrize(
    ("count", "word", "words", "expected"),
    [
        (0, "day", None, "0 days"),
        (1, "day", None, "1 day"),
        (2, "day", None, "2 days"),
        (1, "entry", "entries", "1 entry"),
        (3, "entry", "entries", "3 entries"),
        (2, "SMS", "SMS", "2 SMS"),
        (1200, "word", None, "1,200 words"),
    ],
)
def test_plural(count: int, word: str, words: str | None, expected: str) -> None:
    assert plural(count, word, words) == expected


def test_short_day_never_pads_the_day() -> None:
    day = date(2026, 3, 3)
    assert short_day(day) == "Tue 3 Mar"
    assert short_day(day, year=True) == "Tue 3 Mar 2026"
    assert short_day(day, weekday=False) == "3 Mar"
    assert short_day(day, weekday=False, year=True) == "3 Mar 2026"
    assert short_day(date(2026, 11, 21)) == "Sat 21 Nov"


def test_a_moment_shows_its_own_date_and_time() -> None:
    moment = datetime(2026, 11, 3, 20, 5)
    assert short_day(moment) == "Tue 3 Nov"
    assert short_moment(moment) == "Tue 3 Nov 2026, 20:05"


def test_long_day() -> None:
    assert long_day(date(2026, 11, 29)) == "Sunday 29 November"
    assert long_day(date(2026, 11, 1)) == "Sunday 1 November"
