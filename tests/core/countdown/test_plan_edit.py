"""An edit of the plan's settings applied to the plan as stored when it is saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.countdown.plan import edit_plan, new_plan, record_slip
from reconnect_gui.core.countdown.plan_edit import plan_edit

START = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
SLIP = START + timedelta(days=5)


def plan():
    return new_plan(START, "Europe/Berlin", 30, "Sam", "they/them", ["calm"])


def test_only_what_changed_is_part_of_the_edit() -> None:
    before = plan()
    after = edit_plan(before, target_days=60, reasons=["calm", "sleep"])
    edit = plan_edit(before, after)
    assert (edit.target_days, edit.reasons) == (60, ("calm", "sleep"))
    assert edit.ex_name is edit.ex_pronouns is edit.current_start is edit.zone is None
    assert edit.apply(before) == after


def test_a_slip_logged_meanwhile_stays_when_the_edit_is_applied() -> None:
    before = plan()
    edit = plan_edit(before, edit_plan(before, target_days=60, ex_name="Alex"))
    stored = record_slip(before, SLIP, "replied", restart=False, note="one text")
    saved = edit.apply(stored)
    assert saved.slips == stored.slips and saved.attempts == stored.attempts
    assert (saved.target_days, saved.ex_name, saved.reasons) == (60, "Alex", ("calm",))


def test_settings_changed_meanwhile_and_not_edited_are_kept() -> None:
    before = plan()
    edit = plan_edit(before, edit_plan(before, reasons=["calm", "friends"]))
    stored = edit_plan(before, target_days=90)  # changed elsewhere
    assert edit.apply(stored).target_days == 90


def test_the_start_moves_only_while_the_attempt_seen_is_still_current() -> None:
    before = plan()
    moved = START + timedelta(hours=3)
    edit = plan_edit(before, edit_plan(before, current_start=moved))
    assert edit.moves_start(before) and edit.apply(before).current.start == moved
    # A slip with a restart began a new attempt meanwhile: its start is not the one edited.
    restarted = record_slip(before, SLIP, "reached_out", restart=True)
    assert not edit.moves_start(restarted)
    assert edit.apply(restarted).attempts == restarted.attempts
