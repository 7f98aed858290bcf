"""The first-run No-Contact wizard, driven through its widgets as a user would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication

from reconnect_gui.ui.countdown.plan_form import MAX_REASON_CHARS
from reconnect_gui.ui.countdown.wizard import PERSON, REASONS, WELCOME, WHEN, NoContactWizard

NOW = datetime(2024, 4, 10, 12, 0, tzinfo=UTC)
BERLIN = "Europe/Berlin"


def make_wizard(qtbot, zone: str = BERLIN, now: datetime = NOW) -> NoContactWizard:
    wizard = NoContactWizard(lambda: now, zone)
    qtbot.add_widget(wizard)
    wizard.resize(800, 560)
    wizard.show()
    qtbot.wait_exposed(wizard)
    return wizard


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_wall_time(wizard: NoContactWizard, day: QDate, time: QTime) -> None:
    """Set the start the way the user sees it: a date and a clock time in their zone."""
    wizard.start.edit.setDate(day)
    wizard.start.edit.setTime(time)


def add_reason(qtbot, wizard: NoContactWizard, text: str) -> None:
    qtbot.keyClicks(wizard.reasons.entry, text)
    click(qtbot, wizard.reasons.add_button)


@pytest.mark.parametrize(
    ("day", "time", "expected"),
    [
        # Winter, CET (+01:00): the evening before the clocks went forward.
        (QDate(2024, 3, 30), QTime(23, 30), datetime(2024, 3, 30, 22, 30, tzinfo=UTC)),
        # Summer, CEST (+02:00): an hour and a half after the change.
        (QDate(2024, 3, 31), QTime(3, 30), datetime(2024, 3, 31, 1, 30, tzinfo=UTC)),
    ],
)
def test_a_back_dated_start_in_berlin_becomes_the_right_utc_moment(
    qtbot, day: QDate, time: QTime, expected: datetime
) -> None:
    wizard = make_wizard(qtbot)
    assert wizard.step_label.text() == "Step 1 of 4"
    click(qtbot, wizard.next_button)
    assert wizard.step() == WHEN
    assert wizard.step_label.text() == "Step 2 of 4"
    type_wall_time(wizard, day, time)
    assert "ago" in wizard.start.hint.text() and BERLIN in wizard.start.hint.text()
    wizard.target.spin.setValue(45)
    assert "day 45" in wizard.target.when.text()
    click(qtbot, wizard.next_button)
    assert wizard.step() == PERSON
    assert wizard.next_button.text().replace("&", "") == "Skip this step"
    click(qtbot, wizard.next_button)
    assert wizard.step() == REASONS
    assert wizard.next_button.text().replace("&", "") == "Start my countdown"
    add_reason(qtbot, wizard, "I deserve calm evenings")
    add_reason(qtbot, wizard, "   ")  # blank: not added
    qtbot.keyClicks(wizard.reasons.entry, "They never said sorry")
    qtbot.keyClick(wizard.reasons.entry, Qt.Key.Key_Return)  # Enter adds, doesn't finish
    assert wizard.step() == REASONS
    assert wizard.reasons.list.count() == 2
    assert wizard.reasons.entry.text() == ""

    with qtbot.wait_signal(wizard.plan_created) as created:
        click(qtbot, wizard.next_button)
    plan = created.args[0]
    assert plan.start == expected
    assert plan.zone == BERLIN
    assert plan.target_days == 45
    assert plan.ex_name == "" and plan.ex_pronouns == ""
    assert plan.reasons == ("I deserve calm evenings", "They never said sorry")
    assert len(plan.attempts) == 1


def test_the_default_start_is_now_and_the_default_target_a_month(qtbot) -> None:
    wizard = make_wizard(qtbot, zone="UTC")
    for _ in range(3):
        click(qtbot, wizard.next_button)
    with qtbot.wait_signal(wizard.plan_created) as created:
        click(qtbot, wizard.next_button)
    plan = created.args[0]
    assert plan.start == NOW
    assert plan.target_days == 30
    assert plan.reasons == ()


def test_a_start_in_the_future_is_refused_with_a_visible_message(qtbot) -> None:
    wizard = make_wizard(qtbot)
    click(qtbot, wizard.next_button)
    type_wall_time(wizard, QDate(2024, 4, 10), QTime(15, 0))  # 13:00 UTC, an hour ahead
    assert "from now" in wizard.start.hint.text()
    with qtbot.assert_not_emitted(wizard.plan_created):
        click(qtbot, wizard.next_button)
    assert wizard.step() == WHEN
    assert wizard.problem.isVisible()
    assert "future" in wizard.problem.text()
    # Fixing it clears the message and lets the user go on.
    click(qtbot, wizard.start.now_button)
    click(qtbot, wizard.next_button)
    assert wizard.step() == PERSON
    assert not wizard.problem.isVisible()


def test_a_start_that_became_future_is_caught_when_starting(qtbot) -> None:
    clock = [NOW]
    wizard = NoContactWizard(lambda: clock[0], BERLIN)
    qtbot.add_widget(wizard)
    wizard.show()
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)  # "now" is fine at this point
    click(qtbot, wizard.next_button)
    clock[0] = datetime(2024, 4, 9, 12, 0, tzinfo=UTC)  # the computer's clock was set back
    with qtbot.assert_not_emitted(wizard.plan_created):
        click(qtbot, wizard.next_button)
    assert wizard.step() == WHEN
    assert "future" in wizard.problem.text()


def test_back_keeps_everything_typed_and_a_pending_reason_is_not_lost(qtbot) -> None:
    wizard = make_wizard(qtbot)
    click(qtbot, wizard.next_button)
    type_wall_time(wizard, QDate(2024, 4, 1), QTime(9, 15))
    wizard.target.spin.setValue(60)
    click(qtbot, wizard.next_button)
    qtbot.keyClicks(wizard.person.name, "Robin")
    qtbot.keyClicks(wizard.person.pronouns.lineEdit(), "xe/xem")
    assert wizard.next_button.text().replace("&", "") == "Next"
    click(qtbot, wizard.next_button)
    add_reason(qtbot, wizard, "My sleep matters")
    qtbot.keyClicks(wizard.reasons.entry, "Not yet added")

    click(qtbot, wizard.back_button)
    assert wizard.step() == PERSON
    assert wizard.person.name.text() == "Robin"
    assert wizard.person.pronouns.currentText() == "xe/xem"
    click(qtbot, wizard.back_button)
    assert wizard.step() == WHEN
    assert wizard.start.edit.date() == QDate(2024, 4, 1)
    assert wizard.start.edit.time() == QTime(9, 15)
    assert wizard.target.value() == 60
    click(qtbot, wizard.back_button)
    assert wizard.step() == WELCOME
    assert not wizard.back_button.isVisible()

    for _ in range(3):
        click(qtbot, wizard.next_button)
    assert wizard.reasons.entry.text() == "Not yet added"
    with qtbot.wait_signal(wizard.plan_created) as created:
        click(qtbot, wizard.next_button)
    plan = created.args[0]
    assert plan.start == datetime(2024, 4, 1, 7, 15, tzinfo=UTC)
    assert plan.target_days == 60
    assert (plan.ex_name, plan.ex_pronouns) == ("Robin", "xe/xem")
    assert plan.reasons == ("My sleep matters", "Not yet added")


def test_enter_moves_on_and_focus_lands_on_each_steps_first_field(qtbot) -> None:
    wizard = make_wizard(qtbot)
    wizard.activateWindow()
    qtbot.wait_until(lambda: QApplication.focusWidget() is wizard.next_button)
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Return)
    assert wizard.step() == WHEN
    qtbot.wait_until(lambda: wizard.start.edit.hasFocus())
    qtbot.keyClick(wizard.start.edit, Qt.Key.Key_Return)
    assert wizard.step() == PERSON
    qtbot.wait_until(lambda: wizard.person.name.hasFocus())
    qtbot.keyClicks(wizard.person.name, "Jo")
    qtbot.keyClick(wizard.person.name, Qt.Key.Key_Return)
    assert wizard.step() == REASONS
    qtbot.wait_until(lambda: wizard.reasons.entry.hasFocus())


def test_a_very_long_reason_is_kept_and_explained_not_cut(qtbot) -> None:
    wizard = make_wizard(qtbot)
    for _ in range(3):
        click(qtbot, wizard.next_button)
    long_reason = "because " * 40  # 320 characters
    qtbot.keyClicks(wizard.reasons.entry, long_reason)
    click(qtbot, wizard.reasons.add_button)
    assert wizard.reasons.list.count() == 0
    assert wizard.reasons.entry.text() == long_reason
    assert wizard.reasons.problem_label.isVisible()
    assert str(MAX_REASON_CHARS) in wizard.reasons.problem_label.text()
    with qtbot.assert_not_emitted(wizard.plan_created):
        click(qtbot, wizard.next_button)
    assert wizard.step() == REASONS
    assert str(MAX_REASON_CHARS) in wizard.problem.text()
    assert wizard.reasons.entry.text() == long_reason


def test_the_last_step_says_everything_can_be_changed_later(qtbot) -> None:
    wizard = make_wizard(qtbot)
    for _ in range(3):
        click(qtbot, wizard.next_button)
    page = wizard.pages.currentWidget()
    texts = [label.text() for label in page.findChildren(type(wizard.step_label))]
    assert any("change any of this later" in text for text in texts)
