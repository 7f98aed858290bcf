"""The plan's form fields and the dialog that edits an existing plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime

from reconnect_gui.core.countdown.plan import Plan, new_plan, record_slip
from reconnect_gui.ui.countdown.plan_form import (
    PersonField,
    PlanEditDialog,
    ReasonsField,
    StartField,
    TargetField,
)

NOW = datetime(2024, 11, 20, 18, 0, tzinfo=UTC)
BERLIN = "Europe/Berlin"
# Seconds and milliseconds that the minute-only editor can't show: they must survive.
FIRST_START = datetime(2024, 11, 1, 7, 12, 34, 567000, tzinfo=UTC)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def make_plan(slip: bool = False) -> Plan:
    plan = new_plan(FIRST_START, BERLIN, 30, "Alex", "he/him", ["I want peace", "Sleep"])
    if slip:
        plan = record_slip(plan, datetime(2024, 11, 10, 21, 5, tzinfo=UTC), "replied", restart=True)
    return plan


def make_dialog(qtbot, plan: Plan, now: datetime = NOW) -> PlanEditDialog:
    dialog = PlanEditDialog(plan, lambda: now)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_editing_target_and_reasons_leaves_the_start_exactly_alone(qtbot) -> None:
    plan = make_plan()
    dialog = make_dialog(qtbot, plan)
    assert dialog.target.value() == 30
    assert dialog.reasons.value() == ["I want peace", "Sleep"]
    dialog.target.spin.setValue(60)
    dialog.reasons.list.setCurrentRow(0)
    click(qtbot, dialog.reasons.remove_button)
    qtbot.keyClicks(dialog.reasons.entry, "My friends miss me")
    qtbot.keyClick(dialog.reasons.entry, Qt.Key.Key_Return)  # adds; does not save yet
    assert dialog.isVisible()
    with qtbot.wait_signal(dialog.plan_edited) as edited:
        click(qtbot, dialog.save_button)
    new = edited.args[0]
    assert new.target_days == 60
    assert new.reasons == ("Sleep", "My friends miss me")
    assert new.start == FIRST_START  # to the millisecond, though only minutes are shown
    assert new.attempts == plan.attempts
    assert (new.ex_name, new.ex_pronouns) == ("Alex", "he/him")
    assert not dialog.isVisible()


def test_the_start_field_shows_the_current_attempt_in_the_plans_zone(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan(slip=True))
    # The slip at 21:05 UTC on 10 Nov restarted the count: 22:05 in Berlin (CET).
    assert dialog.start.edit.date() == QDate(2024, 11, 10)
    assert dialog.start.edit.time() == QTime(22, 5)
    assert "Berlin" in dialog.start.hint.text()


def test_moving_the_start_changes_only_the_current_attempt(qtbot) -> None:
    plan = make_plan(slip=True)
    dialog = make_dialog(qtbot, plan)
    dialog.start.edit.setDate(QDate(2024, 11, 12))
    dialog.start.edit.setTime(QTime(8, 0))
    assert "day 30 on Thu 12 Dec 2024" in dialog.target.when.text()
    with qtbot.wait_signal(dialog.plan_edited) as edited:
        click(qtbot, dialog.save_button)
    new = edited.args[0]
    assert new.current.start == datetime(2024, 11, 12, 7, 0, tzinfo=UTC)
    assert new.attempts[0] == plan.attempts[0]
    assert new.start == FIRST_START


def test_the_start_cannot_move_before_the_previous_attempt_ended(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan(slip=True))
    dialog.start.edit.setDate(QDate(2024, 11, 5))
    with qtbot.assert_not_emitted(dialog.plan_edited):
        click(qtbot, dialog.save_button)
    assert dialog.problem.isVisible()
    assert "before the slip" in dialog.problem.text()
    assert dialog.isVisible()


def test_a_start_in_the_future_is_refused(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan())
    dialog.start.edit.setDate(QDate(2024, 11, 21))
    with qtbot.assert_not_emitted(dialog.plan_edited):
        click(qtbot, dialog.save_button)
    assert "future" in dialog.problem.text()


def test_cancel_changes_nothing(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan())
    dialog.target.spin.setValue(90)
    with qtbot.assert_not_emitted(dialog.plan_edited):
        dialog.reject()
    assert not dialog.isVisible()


def test_clearing_name_and_pronouns_saves_them_empty(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan())
    assert dialog.person.name.text() == "Alex"
    assert dialog.person.pronouns.currentText() == "he/him"
    dialog.person.name.clear()
    dialog.person.pronouns.setEditText("")
    with qtbot.wait_signal(dialog.plan_edited) as edited:
        click(qtbot, dialog.save_button)
    assert (edited.args[0].ex_name, edited.args[0].ex_pronouns) == ("", "")


def test_start_field_keeps_the_second_of_two_repeated_hours(qtbot) -> None:
    # 27 Oct 2024, 02:30 happens twice in Berlin; this is the second time (CET, 01:30 UTC).
    second = datetime(2024, 10, 27, 1, 30, tzinfo=UTC)
    field = StartField(lambda: NOW, BERLIN)
    qtbot.add_widget(field)
    field.set_value(second)
    assert field.edit.time() == QTime(2, 30)
    assert field.value() == second
    assert not field.is_changed()
    assert field.problem() is None


def test_start_field_refuses_the_future_and_now_resets_it(qtbot) -> None:
    field = StartField(lambda: NOW, "UTC")
    qtbot.add_widget(field)
    assert field.value() == NOW
    field.edit.setTime(QTime(19, 0))
    assert field.problem() is not None
    assert "from now" in field.hint.text()
    click(qtbot, field.now_button)
    assert field.problem() is None
    assert field.hint.text().startswith("That's right now.")
    field.set_value(NOW - timedelta(days=2, hours=3))
    assert field.hint.text().startswith("That was 2 days 3 hours ago.")


def test_target_field_range_and_words(qtbot) -> None:
    field = TargetField()
    qtbot.add_widget(field)
    assert field.value() == 30
    assert "month" in field.note.text()
    field.spin.setValue(0)
    assert field.value() == 1
    assert field.spin.suffix() == " day"
    field.spin.setValue(99999)
    assert field.value() == 3650
    assert field.spin.suffix() == " days"


def test_person_field_offers_pronouns_and_takes_free_text(qtbot) -> None:
    field = PersonField()
    qtbot.add_widget(field)
    assert field.value() == ("", "")
    offered = [field.pronouns.itemText(i) for i in range(field.pronouns.count())]
    assert offered == ["she/her", "he/him", "they/them"]
    qtbot.keyClicks(field.pronouns.lineEdit(), "she")  # no inline completion to she/her
    assert field.value() == ("", "she")
    field.set_value("  Kim ", "they/them")
    assert field.value() == ("Kim", "they/them")
    field.name.setText("x" * 81)
    assert "80" in field.problem()


def test_reasons_field_edits_in_place_and_removes_with_delete(qtbot) -> None:
    field = ReasonsField()
    qtbot.add_widget(field)
    field.set_value(["one", "two", "three"])
    field.list.item(1).setText("   ")  # edited down to nothing: dropped, not saved blank
    assert field.value() == ["one", "three"]
    field.list.setCurrentRow(0)
    qtbot.keyClick(field.list, Qt.Key.Key_Delete)
    assert [field.list.item(i).text() for i in range(field.list.count())] == ["   ", "three"]
    field.list.item(1).setText("x" * 301)
    assert "301" in field.problem()


def test_the_minute_about_to_start_counts_as_now(qtbot) -> None:
    clock = NOW - timedelta(seconds=30)  # 17:59:30; the user types 18:00
    field = StartField(lambda: clock, "UTC")
    qtbot.add_widget(field)
    field.edit.setTime(QTime(18, 0))
    assert field.value() == clock
    assert field.problem() is None
    field.edit.setTime(QTime(18, 1))
    assert field.value() == datetime(2024, 11, 20, 18, 1, tzinfo=UTC)
    assert field.problem() is not None


def test_a_target_already_behind_reads_in_the_past(qtbot) -> None:
    dialog = make_dialog(qtbot, make_plan())  # started 1 Nov, 19 days ago
    dialog.target.spin.setValue(3)
    assert dialog.target.when.text() == "You reached day 3 on Mon 4 Nov 2024."
    dialog.target.spin.setValue(30)
    assert dialog.target.when.text() == "You reach day 30 on Sun 1 Dec 2024."
