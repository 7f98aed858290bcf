"""Issue 17: a milestone's words. One wording for the home card and the desktop
notification (``core.countdown.milestones``), and a milestone reached before today reads
in the past ("You reached day 3 on …"), never "you are through them" three days later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reconnect_gui.core.countdown.milestones import milestone_words, to_celebrate
from reconnect_gui.core.countdown.moments import DAY
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.countdown.stats import milestones
from reconnect_gui.core.reminders.schedule import (
    MILESTONE,
    ReminderPrefs,
    ReminderSources,
    next_reminder,
)

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
ZONE = "Europe/Berlin"


def test_on_the_day_itself_the_card_speaks_in_the_present() -> None:
    plan = new_plan(START, ZONE, 30)
    card = to_celebrate(plan, START + 3 * DAY + timedelta(hours=1), frozenset())
    assert card is not None and card.day == 3
    assert (card.title, card.message) == (
        milestone_words(3, 30).title,
        milestone_words(3, 30).message,
    )


def test_a_milestone_reached_days_ago_reads_in_the_past() -> None:
    """The first start on day 6: day 3 was reached on Sunday 4 October."""
    plan = new_plan(START, ZONE, 30)
    card = to_celebrate(plan, START + 6 * DAY + timedelta(hours=1), frozenset())
    assert card is not None and card.day == 3
    assert card.message.startswith("You reached day 3 on Sunday 4 October.")
    assert "Three days" in card.message
    assert "you are through them" not in card.message
    assert card.message != milestone_words(3, 30).message


def test_a_milestone_reached_yesterday_says_yesterday() -> None:
    """Day 3 came at 10:00 on Sunday (Berlin); it is 06:00 on Monday there now."""
    plan = new_plan(START, ZONE, 30)
    card = to_celebrate(plan, START + 3 * DAY + timedelta(hours=20), frozenset())
    assert card is not None and card.day == 3
    assert card.message.startswith("You reached day 3 yesterday.")


def test_the_day_is_the_local_day_of_the_zone_given() -> None:
    """At 23:30 UTC on day 3's date it is already the next day in Tokyo."""
    plan = new_plan(START, ZONE, 30)
    now = START + 3 * DAY + timedelta(hours=15, minutes=30)  # 4 Oct 23:30 UTC
    in_berlin = to_celebrate(plan, now, frozenset(), zone="UTC")
    in_tokyo = to_celebrate(plan, now, frozenset(), zone="Asia/Tokyo")
    assert in_berlin is not None and in_berlin.message == milestone_words(3, 30).message
    assert in_tokyo is not None and in_tokyo.message.startswith("You reached day 3 yesterday.")


def test_a_target_reached_earlier_reads_in_the_past_with_its_year() -> None:
    plan = new_plan(START, ZONE, 30)
    card = to_celebrate(plan, START + 120 * DAY, frozenset())
    assert card is not None and card.day == 30
    assert card.message.startswith("You reached your target, day 30, on Saturday 31 October 2026.")


@pytest.mark.parametrize("target", [30, 45])
def test_the_notification_says_what_the_card_says(target: int) -> None:
    """One wording: each milestone's notification has the card's title and words."""
    plan = new_plan(START, ZONE, target)
    sources = ReminderSources(plan, zone=ZONE)
    prefs = ReminderPrefs(check_in=None, waits=False, drafts=False, quiet_start=None)
    fired: set[str] = set()
    for day in milestones(plan):
        reminder = next_reminder(sources, prefs, fired, START)
        assert reminder is not None and reminder.kind == MILESTONE
        assert reminder.due == START + day * DAY
        fired.add(reminder.key)
        words = milestone_words(day, target)
        assert (reminder.title, reminder.message) == (words.title, words.message)
        card = to_celebrate(plan, reminder.due + timedelta(minutes=1), frozenset())
        assert card is not None and (card.title, card.message) == (words.title, words.message)
