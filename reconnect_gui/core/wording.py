"""How the app words a count and a day, in one place, so every screen says them alike.

Pure functions, no Qt and no clock: the caller puts a moment in the user's zone first.

- ``plural``: a count and its noun, "1 day", "3 days", "1,200 words", "2 entries".
- ``short_day``: a day as lists, tooltips and sentences show it, "Tue 3 Mar", with the
  year where the caller shows one ("Tue 3 Mar 2026"), or without the weekday ("3 Mar").
  The day of the month is never padded: "3", not "03".
- ``long_day``: the same day spelled out, "Sunday 29 November", where there is room.
- ``short_moment``: a day with its year and time, "Sat 3 Nov 2026, 20:15".

Weekday and month names come from ``strftime``, as everywhere else in the app.
"""

from __future__ import annotations

from datetime import date, datetime


def plural(count: int, word: str, words: str | None = None) -> str:
    """A count and its noun: "1 word", "3 days", "1,200 words".

    ``words`` is the plural where adding "s" would be wrong: ``plural(2, "entry",
    "entries")``. Counts of a thousand and more have a thousands separator."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def short_day(day: date, *, weekday: bool = True, year: bool = False) -> str:
    """ "Tue 3 Mar"; ``year``: "Tue 3 Mar 2026"; without ``weekday``: "3 Mar", "3 Mar 2026".

    ``day`` may be a ``datetime`` (already in the user's zone); only its date is shown."""
    words = f"{day.day} {day:%b}"
    if weekday:
        words = f"{day:%a} {words}"
    return f"{words} {day.year}" if year else words


def long_day(day: date) -> str:
    """ "Sunday 29 November": the weekday and month in full, without the year."""
    return f"{day:%A} {day.day} {day:%B}"


def short_moment(moment: datetime) -> str:
    """ "Sat 3 Nov 2026, 20:15": a moment (already in the user's zone) with its year and time."""
    return f"{short_day(moment, year=True)}, {moment:%H:%M}"
