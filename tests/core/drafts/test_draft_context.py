"""The situation a draft is checked in, from the countdown and the clock."""

from datetime import UTC, datetime, time, timedelta

from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.drafts.context import check_context

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


def test_without_a_plan_only_the_hour_counts() -> None:
    context = check_context(None, [], NOW, ZONE)
    assert context.local_time == time(14, 0)
    assert context.no_contact_state is None and context.days_until_target is None
    assert not context.waiting_for_reply


def test_a_running_countdown_gives_the_days_left_rounded_up() -> None:
    plan = new_plan(NOW - timedelta(days=5, hours=1), ZONE)  # 30 days by default
    context = check_context(plan, [], NOW, ZONE)
    assert context.no_contact_state == "counting" and context.days_until_target == 25


def test_an_unanswered_message_starts_a_wait() -> None:
    plan = new_plan(NOW - timedelta(days=40), ZONE)
    sent = sent_unanswered(NOW - timedelta(days=3))
    context = check_context(plan, [sent], NOW, ZONE)
    assert context.waiting_for_reply and context.wait_days_left == 11
    assert context.days_until_target is None
