"""The home screen's words, computed without a display."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.contact_log import (
    logistics_contact,
    mark_answered,
    sent_unanswered,
)
from reconnect_gui.core.countdown.plan import new_plan, record_slip
from reconnect_gui.core.countdown.view import (
    duration_words,
    history,
    ring_view,
    stats_view,
    when_words,
)

START = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def plan(**kwargs):
    return new_plan(START, "Europe/Berlin", **kwargs)


def test_duration_words_are_rounded_down_and_plural_aware() -> None:
    assert duration_words(timedelta(days=2, hours=3, minutes=59)) == "2 days 3 hours"
    assert duration_words(timedelta(days=1)) == "1 day"
    assert duration_words(timedelta(hours=1, minutes=1)) == "1 hour 1 minute"
    assert duration_words(timedelta(minutes=4, seconds=59)) == "4 minutes"
    assert duration_words(timedelta(seconds=30)) == "less than a minute"
    assert duration_words(timedelta(days=-3)) == "less than a minute"


def test_the_ring_on_day_twelve() -> None:
    view = ring_view(plan(), START + timedelta(days=12, hours=5, minutes=7, seconds=20))
    assert view.day == 12 and view.day_text == "Day 12 of 30"
    assert view.time_text == "and 5 hours 7 minutes"
    assert view.milestone_text == "Next milestone: day 14, in 1 day 18 hours"
    assert view.state == "counting" and view.state_text == "Counting"
    assert view.fraction == (12 * 24 + 5 + 7 / 60 + 20 / 3600) / (30 * 24)
    assert view.next_change == timedelta(seconds=40)
    assert "Day 12 of 30 without contact" in view.accessible_text


def test_the_ring_when_the_clock_reads_before_the_start() -> None:
    view = ring_view(plan(), START - timedelta(days=400))
    assert (view.day, view.fraction, view.time_text) == (0, 0.0, "just started")
    assert view.milestone_text == "Next milestone: day 1, in 1 day"


def test_the_ring_is_full_and_says_so_after_the_target() -> None:
    view = ring_view(plan(target_days=7), START + timedelta(days=40))
    assert view.fraction == 1.0 and view.day_text == "Day 40 of 7"
    assert view.state == "target_reached" and view.milestone_text == "Every milestone reached"


def test_an_unanswered_message_shows_the_wait() -> None:
    now = START + timedelta(days=3)
    sent = sent_unanswered(now - timedelta(days=2))
    view = ring_view(plan(), now, [sent])
    assert view.state == "waiting_for_reply"
    assert view.state_text == "Waiting for a reply: 12 days left"
    answered = mark_answered(sent, now - timedelta(hours=1))
    assert ring_view(plan(), now, [answered]).state == "counting"


# Any clock a computer can show (moments.py refuses years outside 1900–2999 as typos).
CLOCKS = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2999, 1, 1))


@given(CLOCKS.map(lambda d: d.replace(tzinfo=UTC)), st.integers(1, 3650))
def test_the_ring_never_goes_negative_or_overfills(now: datetime, target: int) -> None:
    view = ring_view(plan(target_days=target), now)
    assert view.day >= 0 and 0.0 <= view.fraction <= 1.0
    assert timedelta(0) < view.next_change <= timedelta(minutes=1)


def test_stats_in_words() -> None:
    p = record_slip(plan(), START + timedelta(days=4), "replied", restart=True)
    view = stats_view(p, START + timedelta(days=10), [START + timedelta(days=1)])
    assert view.current_streak == "6 days" and view.longest_streak == "6 days"
    assert view.total_days == "10 days" and view.average_gap == "4 days"
    assert view.urges_per_week == "0.5"
    assert stats_view(plan(), START).average_gap == "no slips"


def test_history_is_newest_first_and_keeps_every_attempt() -> None:
    slip_at = START + timedelta(days=4)
    p = record_slip(plan(), slip_at, "replied", restart=True, note="a short chat")
    contacts = [logistics_contact(START + timedelta(days=2), "belongings", "boxes")]
    events = history(p, contacts)
    assert [e.kind for e in events] == [
        "attempt_start",
        "attempt_end",
        "slip",
        "logistics",
        "attempt_start",
    ]
    assert events[0].title == "Attempt 2 began" and events[1].title == "Attempt 1: 4 days"
    assert events[2].title == "I replied" and "a short chat" in events[2].detail
    assert events[3].title == "A practical contact (belongings)"


def test_when_words_use_the_plan_zone() -> None:
    assert when_words(START, "Europe/Berlin") == "Sun 1 Mar 2026, 21:00"
    assert when_words(START, "Not/AZone") == "Sun 1 Mar 2026, 20:00"
