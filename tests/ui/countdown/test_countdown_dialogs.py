"""The home screen's small dialogs: a slip, a contact, the readiness check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel

from helpers.clock import Clock
from reconnect_gui.core.countdown.contact_log import GUIDANCE, ContactEntry
from reconnect_gui.core.countdown.readiness import (
    NOT_YET_TEXT,
    QUESTIONS,
    READY_TEXT,
    TOO_SOON,
    ReadinessResult,
)
from reconnect_gui.ui.countdown.dialogs import (
    FUTURE_PROBLEM,
    ContactDialog,
    ReadinessDialog,
    SlipChoice,
    SlipDialog,
)

NOW = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)  # 14:00 in Berlin (summer time)
BERLIN = "Europe/Berlin"


def type_wall_time(dialog, year: int, month: int, day: int, hour: int, minute: int) -> None:
    """What the user sees and sets in the "When" field: wall-clock time in the plan's zone."""
    wall = QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone.utc())
    dialog.when.setDateTime(wall)


def opened(qtbot, dialog: QDialog) -> QDialog:
    qtbot.add_widget(dialog)
    dialog.open()
    return dialog


# -- "I broke No Contact" -----------------------------------------------------------------


def test_slip_opens_kindly_and_waits_for_a_kind(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    assert dialog.isVisible() and dialog.windowTitle() == "I broke No Contact"
    body = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "doesn't erase the days you've already managed" in body
    assert not dialog.save_button.isEnabled()
    assert not dialog.unanswered_box.isVisible()  # only under "I reached out"
    dialog.kind_buttons["checked_profiles"].setChecked(True)
    assert dialog.save_button.isEnabled()


def test_slip_shows_now_in_the_plans_zone(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    assert "1 Jul 2024, 14:00" in dialog.when.text()
    assert dialog.when.moment() == NOW


def test_a_filled_slip_is_emitted_in_utc_across_summer_time(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    dialog.kind_buttons["reached_out"].setChecked(True)
    assert dialog.unanswered_box.isVisible()
    assert "14-day wait" in dialog.unanswered_line.text()
    dialog.unanswered.setChecked(True)
    dialog.initiator_buttons["them"].click()
    type_wall_time(dialog, 2024, 3, 31, 3, 30)  # half an hour after the clocks went forward
    qtbot.keyClicks(dialog.note, "  Sent a long message at night.  ")
    dialog.restart_button.setChecked(True)
    with qtbot.waitSignal(dialog.slip_recorded) as signal:
        dialog.save_button.click()
    assert signal.args == [
        SlipChoice(
            at=datetime(2024, 3, 31, 1, 30, tzinfo=UTC),
            kind="reached_out",
            note="Sent a long message at night.",
            initiated_by="them",
            restart=True,
            unanswered=True,
        )
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_winter_slip_keeps_counting_by_default(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    dialog.kind_buttons["met_by_chance"].setChecked(True)
    type_wall_time(dialog, 2024, 1, 15, 10, 0)  # CET, one hour ahead of UTC
    with qtbot.waitSignal(dialog.slip_recorded) as signal:
        dialog.save_button.click()
    choice = signal.args[0]
    assert choice.at == datetime(2024, 1, 15, 9, 0, tzinfo=UTC)
    assert (choice.kind, choice.initiated_by, choice.restart, choice.unanswered) == (
        "met_by_chance",
        "me",
        False,
        False,
    )


def test_unanswered_only_counts_for_a_message_i_sent(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    dialog.kind_buttons["reached_out"].setChecked(True)
    dialog.unanswered.setChecked(True)
    dialog.kind_buttons["replied"].setChecked(True)
    assert not dialog.unanswered_box.isVisible()
    choice = dialog.choice()
    assert choice is not None and choice.unanswered is False
    assert choice.initiated_by == "them"  # "I replied": they started it, as a first guess


def test_the_users_own_answer_on_who_started_it_is_kept(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    dialog.initiator_buttons["them"].click()
    dialog.kind_buttons["reached_out"].setChecked(True)  # would suggest "me"
    assert dialog.choice().initiated_by == "them"


def test_slip_refuses_a_time_in_the_future(qtbot) -> None:
    clock = Clock(NOW)
    dialog = opened(qtbot, SlipDialog(clock, BERLIN))
    dialog.kind_buttons["other"].setChecked(True)
    type_wall_time(dialog, 2024, 7, 2, 9, 0)  # tomorrow: the field stops at now
    assert dialog.when.moment() == NOW
    clock.moment = NOW - timedelta(hours=2)  # the computer's clock was set back
    emitted: list = []
    dialog.slip_recorded.connect(emitted.append)
    dialog.save_button.click()
    assert emitted == []
    assert dialog.problem.isVisible() and dialog.problem.text() == FUTURE_PROBLEM
    assert not dialog.save_button.isEnabled()
    assert dialog.isVisible()
    type_wall_time(dialog, 2024, 7, 1, 11, 0)  # 09:00 UTC: before the clock's now
    assert dialog.save_button.isEnabled() and not dialog.problem.isVisible()


def test_slip_works_from_the_keyboard(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    first = dialog.kind_buttons["reached_out"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked()
    with qtbot.waitSignal(dialog.slip_recorded) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter means Save, never Cancel
    assert signal.args[0].kind == "reached_out"


def test_every_slip_control_has_an_accessible_name(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    controls = [
        *dialog.kind_buttons.values(),
        *dialog.initiator_buttons.values(),
        dialog.unanswered,
        dialog.when,
        dialog.note,
        dialog.restart_button,
        dialog.keep_button,
        dialog.save_button,
        dialog.cancel_button,
    ]
    assert all(control.accessibleName() for control in controls)


# -- contacts that are not slips ----------------------------------------------------------


def test_they_contacted_shows_the_guidance_and_says_it_is_no_slip(qtbot) -> None:
    dialog = opened(qtbot, ContactDialog("they_contacted", Clock(NOW), BERLIN))
    assert dialog.windowTitle() == "They contacted me"
    assert dialog.guidance.isVisible()
    assert dialog.guidance.label.text() == GUIDANCE["they_contacted"]
    assert "not a slip" in dialog.not_a_slip.text()
    assert dialog.topic_buttons == {}
    assert dialog.save_button.isEnabled()


def test_they_contacted_emits_an_entry_in_utc(qtbot) -> None:
    dialog = opened(qtbot, ContactDialog("they_contacted", Clock(NOW), BERLIN))
    type_wall_time(dialog, 2024, 6, 30, 23, 15)  # CEST: 21:15 UTC
    qtbot.keyClicks(dialog.note, "Asked how I was.")
    with qtbot.waitSignal(dialog.contact_logged) as signal:
        dialog.save_button.click()
    assert signal.args == [
        ContactEntry(
            "they_contacted", datetime(2024, 6, 30, 21, 15, tzinfo=UTC), "Asked how I was."
        )
    ]


def test_logistics_needs_a_topic_and_warns_about_pretexts(qtbot) -> None:
    dialog = opened(qtbot, ContactDialog("logistics", Clock(NOW), BERLIN))
    assert dialog.windowTitle() == "Log a logistics contact"
    assert dialog.guidance.label.text() == GUIDANCE["logistics"]
    assert "belongings" in dialog.guidance.label.text()
    assert "countdown keeps going" in dialog.not_a_slip.text()
    assert [b.text() for b in dialog.topic_buttons.values()] == [
        "Belongings",
        "Shared bills",
        "Something else",
    ]
    assert not dialog.save_button.isEnabled()
    dialog.topic_buttons["bills"].setChecked(True)
    assert dialog.save_button.isEnabled()
    type_wall_time(dialog, 2024, 2, 10, 8, 5)  # CET: 07:05 UTC
    with qtbot.waitSignal(dialog.contact_logged) as signal:
        dialog.save_button.click()
    entry = signal.args[0]
    assert (entry.kind, entry.topic, entry.at) == (
        "logistics",
        "bills",
        datetime(2024, 2, 10, 7, 5, tzinfo=UTC),
    )


def test_contact_refuses_a_time_in_the_future(qtbot) -> None:
    clock = Clock(NOW)
    dialog = opened(qtbot, ContactDialog("they_contacted", clock, BERLIN))
    clock.moment = NOW - timedelta(minutes=30)
    emitted: list = []
    dialog.contact_logged.connect(emitted.append)
    dialog.save_button.click()
    assert emitted == [] and dialog.problem.text() == FUTURE_PROBLEM


def test_contact_dialog_refuses_an_unknown_mode() -> None:
    with pytest.raises(ValueError):
        ContactDialog("slip", Clock(NOW), BERLIN)


# -- the readiness self-check -------------------------------------------------------------

TOO_SOON_IDS = [q.id for q in QUESTIONS if q.kind == TOO_SOON]


def answer(dialog: ReadinessDialog, answers: dict[str, bool]) -> None:
    for qid, value in answers.items():
        yes, no = dialog.answer_groups[qid]
        (yes if value else no).click()


def test_readiness_groups_the_questions_under_our_headings(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    boxes = dialog.findChildren(QGroupBox)
    assert [b.title() for b in boxes] == ["Signs it may be too soon", "Signs you may be ready"]
    assert set(dialog.answer_groups) == {q.id for q in QUESTIONS}
    assert not any(yes.isChecked() or no.isChecked() for yes, no in dialog.answer_groups.values())


def test_one_too_soon_yes_offers_fourteen_more_days(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    answer(dialog, {qid: False for qid in TOO_SOON_IDS} | {"checking_online": True})
    results: list[ReadinessResult] = []
    dialog.checked.connect(results.append)
    dialog.result_button.click()
    assert [r.outcome for r in results] == ["not_yet"]
    assert results[0].at == NOW and results[0].answers["checking_online"] is True
    assert dialog.result_box.label.text() == NOT_YET_TEXT
    assert dialog.extend_button.isVisible() and dialog.extend_button.text() == "Add 14 more days"
    assert dialog.not_now_button.isVisible() and not dialog.close_button.isVisible()
    with qtbot.waitSignal(dialog.extend_requested) as signal:
        dialog.extend_button.click()
    assert signal.args == [14]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_all_too_soon_no_is_ready_without_an_extension(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    answer(dialog, {qid: False for qid in TOO_SOON_IDS} | {"stay_calm": True})
    results: list[ReadinessResult] = []
    extended: list[int] = []
    dialog.checked.connect(results.append)
    dialog.extend_requested.connect(extended.append)
    dialog.result_button.click()
    dialog.evaluate()  # showing it again does not record it twice
    assert [r.outcome for r in results] == ["ready"]
    assert dialog.result_box.label.text() == READY_TEXT
    assert not dialog.extend_button.isVisible() and not dialog.not_now_button.isVisible()
    dialog.close_button.click()
    assert extended == [] and dialog.result() == QDialog.DialogCode.Accepted


def test_a_skipped_too_soon_question_reads_as_not_yet(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    assert "not yet" in " ".join(
        label.text() for label in dialog.questions_page.findChildren(QLabel)
    )
    answer(dialog, {qid: False for qid in TOO_SOON_IDS[1:]})
    with qtbot.waitSignal(dialog.checked) as signal:
        dialog.result_button.click()
    assert signal.args[0].outcome == "not_yet"
    dialog.not_now_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_readiness_scrolls_in_a_small_window(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    dialog.show_questions()
    dialog.resize(600, 320)
    qtbot.waitUntil(lambda: dialog.scroll_area.verticalScrollBar().maximum() > 0)
    assert dialog.result_button.isVisible()  # the buttons stay in view


def test_readiness_answers_have_accessible_names(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    yes, no = dialog.answer_groups["ok_either_way"]
    assert yes.accessibleName() == "Yes: Would I be all right if they said no?"
    assert no.accessibleName().startswith("No: ")


def test_an_unknown_zone_shows_and_reads_utc(qtbot) -> None:
    dialog = opened(qtbot, ContactDialog("they_contacted", Clock(NOW), "Mars/Olympus"))
    assert dialog.when.zone_name == "UTC"
    assert any(label.text() == "UTC time" for label in dialog.findChildren(QLabel))
    type_wall_time(dialog, 2024, 5, 4, 10, 0)
    assert dialog.entry().at == datetime(2024, 5, 4, 10, 0, tzinfo=UTC)


def test_a_zone_west_of_utc_reads_correctly(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), "America/New_York"))
    assert "1 Jul 2024, 08:00" in dialog.when.text()  # EDT, four hours behind
    type_wall_time(dialog, 2023, 12, 24, 22, 45)  # EST: 03:45 UTC the next day
    dialog.kind_buttons["other"].setChecked(True)
    assert dialog.choice().at == datetime(2023, 12, 25, 3, 45, tzinfo=UTC)


# -- issue 17: truthful words ---------------------------------------------------------------


def test_start_counting_again_says_it_counts_from_the_slips_time(qtbot) -> None:
    dialog = opened(qtbot, SlipDialog(Clock(NOW), BERLIN))
    assert "from this moment" not in dialog.restart_line.text()
    assert "the time of the slip (Mon 1 Jul 2024, 14:00)" in dialog.restart_line.text()
    type_wall_time(dialog, 2024, 6, 30, 22, 15)
    assert "(Sun 30 Jun 2024, 22:15)" in dialog.restart_line.text()
    assert dialog.restart_button.accessibleDescription() == dialog.restart_line.text()
    dialog.kind_buttons["replied"].setChecked(True)
    dialog.restart_button.setChecked(True)
    choice = dialog.choice()
    assert choice.restart and choice.at == datetime(2024, 6, 30, 20, 15, tzinfo=UTC)


def test_the_dialogs_speak_of_the_ex_by_name_and_pronouns(qtbot) -> None:
    from reconnect_gui.core.countdown.person import ex_words

    ex = ex_words("Sam", "she/her")
    slip = opened(qtbot, SlipDialog(Clock(NOW), BERLIN, ex=ex))
    assert slip.kind_buttons["checked_profiles"].text() == "I checked her profiles"
    assert slip.initiator_buttons["them"].text() == "Sam did"
    assert slip.unanswered.text() == "Sam hasn’t answered"
    contact = opened(qtbot, ContactDialog("they_contacted", Clock(NOW), BERLIN, ex=ex))
    assert contact.windowTitle() == "Sam contacted me"
    assert contact.note.placeholderText().startswith("What she said")
    check = opened(qtbot, ReadinessDialog(Clock(NOW), ex=ex_words("", "he/him")))
    yes, _no = check.answer_groups["ok_either_way"]
    assert yes.accessibleName() == "Yes: Would I be all right if he said no?"


def test_after_the_target_moving_on_is_an_honest_choice(qtbot) -> None:
    from reconnect_gui.core.countdown.readiness import MOVING_ON_TEXT

    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    assert dialog.choice_page.isVisible() and not dialog.questions_page.isVisible()
    assert dialog.moving_on_button.text().startswith("I'm moving on")
    with qtbot.wait_signal(dialog.checked) as signal:
        dialog.moving_on_button.click()
    assert signal.args[0].outcome == "moving_on" and signal.args[0].at == NOW
    assert dialog.result_box.label.text() == MOVING_ON_TEXT
    assert not dialog.extend_button.isVisible() and dialog.close_button.isVisible()
    dialog.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_questions_wait_behind_the_choice(qtbot) -> None:
    dialog = opened(qtbot, ReadinessDialog(Clock(NOW)))
    dialog.questions_button.click()
    assert dialog.questions_page.isVisible() and not dialog.choice_page.isVisible()
