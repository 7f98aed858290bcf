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
    assert view.time_text == "12 days 5 hours"  # issue 17: reads on its own
    assert view.milestone_text == "Next milestone: day 14, in 1 day 18 hours"
    assert view.state == "counting" and view.state_text == "Counting"
    assert view.fraction == (12 * 24 + 5 + 7 / 60 + 20 / 3600) / (30 * 24)
    assert view.next_change == timedelta(seconds=40)
    assert "Day 12 of 30: 12 days 5 hours without contact." in view.accessible_text


def test_the_ring_when_the_clock_reads_before_the_start() -> None:
    view = ring_view(plan(), START - timedelta(days=400))
    assert (view.day, view.fraction, view.time_text) == (0, 0.0, "just started")
    assert view.milestone_text == "Next milestone: day 1, in 1 day"


def test_the_ring_is_full_and_says_so_after_the_target() -> None:
    view = ring_view(plan(target_days=7), START + timedelta(days=40))
    assert view.fraction == 1.0 and view.day_text == "Day 40"
    assert view.state == "target_reached" and view.milestone_text == "Target of 7 reached"
    assert view.accessible_text.startswith("Day 40 — target of 7 reached: 40 days")


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


# -- issue 17: truthful words ---------------------------------------------------------------


def test_history_speaks_of_the_ex_by_name_and_pronouns() -> None:
    from reconnect_gui.core.countdown.contact_log import they_contacted

    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    plan = new_plan(start, "Europe/Berlin", ex_name="Sam", ex_pronouns="she/her")
    plan = record_slip(plan, start + timedelta(days=2), "checked_profiles", restart=False)
    plan = record_slip(
        plan, start + timedelta(days=3), "replied", restart=False, initiated_by="them"
    )
    sent = mark_answered(sent_unanswered(start + timedelta(days=4)), start + timedelta(days=5))
    titles = [
        (event.title, event.detail)
        for event in history(plan, [they_contacted(start + timedelta(days=1)), sent])
    ]
    assert ("Sam answered my message", "") in titles
    assert ("Sam got in touch", "") in titles
    assert ("I checked her profiles", "I started it · I kept counting") in titles
    assert ("I replied", "Sam started it · I kept counting") in titles
    # Without a name or pronouns, as before.
    plain = new_plan(start, "UTC")
    plain = record_slip(plain, start + timedelta(days=2), "checked_profiles", restart=False)
    assert history(plain)[0].title == "I checked their profiles"


def test_past_the_target_the_day_reads_as_reached_and_the_time_reads_naturally() -> None:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    past = ring_view(new_plan(start, "UTC", target_days=30), start + timedelta(days=40))
    assert past.day_text == "Day 40" and past.milestone_text == "Target of 30 reached"
    assert past.accessible_text == (
        "Day 40 — target of 30 reached: 40 days without contact. Target reached."
    )
    view = ring_view(new_plan(start, "UTC", target_days=45), start + timedelta(days=14, minutes=1))
    assert view.day_text == "Day 14 of 45"
    assert view.time_text == "14 days"
    assert view.accessible_text.startswith("Day 14 of 45: 14 days without contact. ")
    early = ring_view(new_plan(start, "UTC"), start + timedelta(hours=5, minutes=7))
    assert early.time_text == "5 hours 7 minutes"


def test_the_target_day_reads_in_the_past_once_it_is_behind() -> None:
    from reconnect_gui.core.countdown.view import target_day_words

    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert (
        target_day_words(start, 3, "UTC", start + timedelta(days=10))
        == "You reached day 3 on Wed 4 Mar 2026."
    )
    assert (
        target_day_words(start, 30, "UTC", start + timedelta(days=10))
        == "You reach day 30 on Tue 31 Mar 2026."
    )


def test_the_home_screen_and_the_draft_note_say_the_time_left_alike() -> None:
    from reconnect_gui.core.drafts.context import check_context
    from reconnect_gui.core.drafts.words import welcome_words
    from reconnect_gui.core.tone.check import check

    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    now = start + timedelta(days=1, hours=19)  # 12 days 5 hours to a 14-day target
    plan = new_plan(start, "UTC", target_days=14)
    view = ring_view(plan, now)
    assert view.milestone_text == "Next milestone: day 3, in 1 day 5 hours"
    context = check_context(plan, [], now, "UTC")
    assert "12 days 5 hours" in welcome_words(context)
    notes = [f.message for f in check("Hi, how are you?", "text", context).findings]
    assert any("with 12 days 5 hours to go" in note for note in notes)
    # A wait after an unanswered message: the same words on the ring and in the note.
    waiting = [sent_unanswered(now - timedelta(days=1, hours=5))]
    ring = ring_view(plan, now, waiting)
    left = ring.state_text.removeprefix("Waiting for a reply: ").removesuffix(" left")
    assert left == "12 days 19 hours"
    notes = [
        f.message for f in check("Hi", "text", check_context(plan, waiting, now, "UTC")).findings
    ]
    assert any(f"The wait has {left} left." in note for note in notes)


def test_moving_on_after_the_target_is_a_state_of_its_own() -> None:
    from reconnect_gui.core.countdown.plan import add_readiness_result
    from reconnect_gui.core.countdown.readiness import moving_on
    from reconnect_gui.core.countdown.stats import NoContactState
    from reconnect_gui.core.drafts.context import check_context
    from reconnect_gui.core.drafts.words import MOVING_ON_WORDS, welcome_words

    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    now = start + timedelta(days=31)
    plan = add_readiness_result(new_plan(start, "UTC"), moving_on(now))
    view = ring_view(plan, now + timedelta(days=2))
    assert view.state == NoContactState.MOVING_ON
    assert view.state_text == "Moving on"
    assert "first message" not in view.accessible_text
    assert history(plan)[0].title == "I chose to move on, without contact"
    assert welcome_words(check_context(plan, [], now, "UTC")) == MOVING_ON_WORDS
