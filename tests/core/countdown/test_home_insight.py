"""Issue 17: the home screen's history (one row per slip, milestones, urges), its
milestone celebrations (once, the highest), and what the logged urges say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.countdown.contact_log import new_urge, sent_unanswered
from reconnect_gui.core.countdown.insight import chart_meaning, urge_figures, urge_patterns
from reconnect_gui.core.countdown.milestones import dot_words, milestone_key, to_celebrate
from reconnect_gui.core.countdown.plan import new_plan, record_slip
from reconnect_gui.core.countdown.timeline import timeline

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


def test_one_slip_is_one_history_row() -> None:
    plan = new_plan(START, ZONE, 30)
    slip_at = START + timedelta(days=13, hours=3)
    plan = record_slip(plan, slip_at, "reached_out", restart=True)
    now = slip_at + timedelta(hours=2)
    rows = timeline(plan, [sent_unanswered(slip_at)], (), now)
    at_the_slip = [row for row in rows if row.at == slip_at]
    assert len(at_the_slip) == 1
    row = at_the_slip[0]
    assert row.title == "I reached out"
    assert "counting again" in row.detail
    assert "I sent a message" in row.detail
    assert "After 13 days without contact" in row.detail
    titles = [row.title for row in rows]
    assert not any(t.startswith("Attempt 2 began") or t.startswith("Attempt 1:") for t in titles)
    assert "I sent a message" not in titles


def test_a_kept_counting_slip_and_a_later_message_stay_apart() -> None:
    plan = new_plan(START, ZONE, 30)
    slip_at = START + timedelta(days=2)
    plan = record_slip(plan, slip_at, "checked_profiles", restart=False)
    message_at = START + timedelta(days=4)
    rows = timeline(plan, [sent_unanswered(message_at)], (), START + timedelta(days=5))
    titles = [row.title for row in rows]
    assert "I checked their profiles" in titles and "I sent a message" in titles


def test_milestones_reached_and_urges_are_in_the_history() -> None:
    plan = new_plan(START, ZONE, 30)
    urge = new_urge(START + timedelta(days=5), 6, "our song", "went for a walk")
    rows = timeline(plan, (), [urge], START + timedelta(days=8))
    titles = [row.title for row in rows]
    assert "Day 7 — one week reached" in titles
    assert "Day 3 reached" in titles and "Day 1 reached" in titles
    assert "Attempt 1 began" in titles
    assert not any(t.startswith("Day 14") for t in titles)  # not yet
    urge_row = next(row for row in rows if row.kind == "urge")
    assert "6 out of 10" in urge_row.detail and "our song" in urge_row.detail
    assert [row.at for row in rows] == sorted((row.at for row in rows), reverse=True)


def test_the_highest_milestone_reached_is_celebrated_once() -> None:
    plan = new_plan(START, ZONE, 30)
    now = START + timedelta(days=7, hours=1)
    first = to_celebrate(plan, now, frozenset())
    assert first is not None and first.day == 7 and "week" in first.message
    assert first.keys == {milestone_key(plan, d) for d in (1, 3, 7)}  # 1 and 3 covered
    assert to_celebrate(plan, now, first.keys) is None  # once
    later = to_celebrate(plan, START + timedelta(days=30), first.keys)
    assert later is not None and later.day == 30 and "target" in later.title
    # A new attempt after a slip celebrates its own day 1 again.
    restarted = record_slip(plan, START + timedelta(days=8), "reached_out", restart=True)
    again = to_celebrate(restarted, START + timedelta(days=9, hours=1), first.keys)
    assert again is not None and again.day == 1


def test_a_dot_says_its_day_and_whether_it_is_reached() -> None:
    plan = new_plan(START, ZONE, 30)
    now = START + timedelta(days=8)
    assert dot_words(7, plan, now) == "Day 7 — one week: reached"
    assert dot_words(14, plan, now) == "Day 14 — two weeks: 6 more days"


def test_urge_figures_mean_something_after_one_urge_in_two_weeks() -> None:
    now = START + timedelta(days=14)
    figures = urge_figures([new_urge(START + timedelta(days=3), 5)], now)
    assert figures.last_urge == "11 days ago"
    assert figures.urge_weeks == "0 this week, 1 the week before"
    assert urge_figures([], now).last_urge == "none logged yet"
    recent = [new_urge(now - timedelta(hours=2), 4), new_urge(now - timedelta(days=8), 4)]
    assert urge_figures(recent, now).urge_weeks == "1 this week, 1 the week before"
    assert urge_figures(recent, now).last_urge == "today"


def test_patterns_name_what_comes_back() -> None:
    evening = datetime(2026, 10, 5, 19, 0, tzinfo=UTC)  # 21:00 in Berlin
    urges = [
        new_urge(evening, 7, "Our song", "a walk"),
        new_urge(evening + timedelta(days=1), 5, "our song.", "A walk"),
        new_urge(evening + timedelta(days=2), 4, "a photo", "called a friend"),
    ]
    words = " ".join(urge_patterns(urges, ZONE))
    assert "“Our song”" in words
    assert "in the evening" in words
    assert "“a walk” (2 times)" in words
    assert urge_patterns(urges[:1], ZONE) == []  # one urge: nothing repeats yet


def test_the_chart_says_what_it_means() -> None:
    assert "I feel the urge…" in chart_meaning([0, 0])
    assert "No urges logged yet" not in chart_meaning([0, 0])  # the chart says it already
    assert chart_meaning([4, 2, 1]) == "Fewer urges than your hardest week (1 this week, 4 then)."
    assert "last two weeks" in chart_meaning([3, 0, 0])
    assert "More urges this week" in chart_meaning([1, 3])
