"""The SOS flow ("I feel the urge…"), driven through its widgets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from reconnect_gui.core.countdown.contact_log import Urge, new_urge
from reconnect_gui.core.journal.entry import entry_data, entry_from_record
from reconnect_gui.storage.countdown_store import add_urge, load_urges
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault
from reconnect_gui.ui.countdown.sos_flow import DONE, NOTE, PAUSE, WRITE, SosDialog, breath_at

NOW = datetime(2026, 11, 12, 1, 40, tzinfo=UTC)
REASONS = ["I want to feel steady on my own", "Talking to them kept hurting me"]
CLICK = Qt.MouseButton.LeftButton


def make_dialog(qtbot, letters: list, urges: list, **kwargs) -> SosDialog:
    kwargs.setdefault("reasons", REASONS)
    dialog = SosDialog(
        save_letter=kwargs.pop("save_letter", letters.append),
        log_urge=kwargs.pop("log_urge", urges.append),
        now=lambda: NOW,
        **kwargs,
    )
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def go_through(qtbot, dialog: SosDialog, letter: str, trigger: str, instead: str) -> None:
    qtbot.mouseClick(dialog.next_button, CLICK)
    assert dialog.step == WRITE
    qtbot.keyClicks(dialog.letter, letter)
    qtbot.mouseClick(dialog.next_button, CLICK)
    assert dialog.step == NOTE
    qtbot.keyClicks(dialog.trigger, trigger)
    qtbot.keyClicks(dialog.instead, instead)


def test_the_users_reasons_are_shown(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    assert [label.text() for label in dialog.reason_labels] == REASONS
    assert all(label.isVisible() for label in dialog.reason_labels)


def test_without_reasons_a_kind_line_says_they_can_add_some(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [], reasons=["  "])
    assert dialog.reason_labels == []
    page_text = " ".join(label.text() for label in dialog.pages.widget(PAUSE).findChildren(QLabel))
    assert "add them to your plan" in page_text


def test_the_whole_flow_saves_the_letter_and_logs_the_urge(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    dialog = make_dialog(qtbot, letters, urges, ex_name="Sam")
    assert dialog.intensity is None  # nothing is chosen for them
    qtbot.mouseClick(dialog.intensity_buttons[6], CLICK)
    assert dialog.intensity == 7
    go_through(qtbot, dialog, "I still think about you.", "our song", "a walk")
    assert "7 out of 10" in dialog.intensity_note.text()
    qtbot.mouseClick(dialog.finish_button, CLICK)

    assert letters == ["I still think about you."]
    assert urges == [new_urge(NOW, 7, "our song", "a walk")]
    assert dialog.step == DONE
    assert "journal" in dialog.done_note.text() and "urge log" in dialog.done_note.text()
    qtbot.mouseClick(dialog.done_button, CLICK)
    assert not dialog.isVisible()
    assert len(letters) == 1 and len(urges) == 1  # closing after Finish saves nothing twice


def test_the_ex_name_is_shown_as_plain_text(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [], ex_name="<b>Sam</b>")
    heading = dialog.pages.widget(WRITE).findChild(QLabel, "paneHeading")
    assert heading.text() == "Write it here, not to <b>Sam</b>"
    assert heading.textFormat() == Qt.TextFormat.PlainText


def test_closing_early_keeps_the_letter_and_logs_no_urge_without_an_intensity(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    dialog = make_dialog(qtbot, letters, urges)
    go_through(qtbot, dialog, "Every word counts.", "a photo", "")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert letters == ["Every word counts."]
    assert urges == []  # we never invent a number


def test_closing_early_logs_the_urge_when_an_intensity_was_chosen(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    dialog = make_dialog(qtbot, letters, urges)
    qtbot.mouseClick(dialog.intensity_buttons[2], CLICK)
    dialog.close()  # the window's close button
    assert not dialog.isVisible()
    assert letters == []  # a blank letter is not saved
    assert urges == [new_urge(NOW, 3)]


def test_the_close_button_and_save_and_close_save_like_closing_early(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    first = make_dialog(qtbot, letters, urges)
    qtbot.mouseClick(first.next_button, CLICK)
    first.letter.setPlainText("one")
    qtbot.mouseClick(first.close_button, CLICK)
    second = make_dialog(qtbot, letters, urges)
    qtbot.mouseClick(second.intensity_buttons[9], CLICK)
    second.letter.setPlainText("two")
    second.save_and_close()  # the vault is about to lock
    assert not first.isVisible() and not second.isVisible()
    assert letters == ["one", "two"]
    assert urges == [new_urge(NOW, 10)]


def test_a_storage_problem_is_shown_and_no_word_is_lost(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    failures = ["The disk is full, so your letter was not saved; free some space."]

    def save_letter(text: str) -> None:
        if failures:
            raise VaultError(failures.pop())
        letters.append(text)

    dialog = make_dialog(qtbot, letters, urges, save_letter=save_letter)
    qtbot.mouseClick(dialog.intensity_buttons[4], CLICK)
    go_through(qtbot, dialog, "Please keep this.", "", "")
    qtbot.mouseClick(dialog.finish_button, CLICK)
    assert dialog.isVisible() and dialog.step == NOTE
    assert dialog.problem.isVisible()
    assert "The disk is full" in dialog.problem.text()
    assert "still here" in dialog.problem.text()
    assert dialog.letter.toPlainText() == "Please keep this."
    assert letters == [] and urges == []

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing early tries again, and now works
    assert not dialog.isVisible()
    assert letters == ["Please keep this."]
    assert urges == [new_urge(NOW, 5)]


def test_a_failed_urge_is_retried_without_saving_the_letter_twice(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    failures = ["Reconnect could not write there."]

    def log_urge(urge: Urge) -> None:
        if failures:
            raise VaultError(failures.pop())
        urges.append(urge)

    dialog = make_dialog(qtbot, letters, urges, log_urge=log_urge)
    qtbot.mouseClick(dialog.intensity_buttons[0], CLICK)
    go_through(qtbot, dialog, "Just once.", "", "")
    qtbot.mouseClick(dialog.finish_button, CLICK)
    assert dialog.step == NOTE and dialog.problem.isVisible()
    qtbot.mouseClick(dialog.finish_button, CLICK)
    assert dialog.step == DONE and not dialog.problem.isVisible()
    assert letters == ["Just once."]
    assert urges == [new_urge(NOW, 1)]


def test_a_bug_in_a_callback_is_not_swallowed(qtbot) -> None:
    def broken(_text: str) -> None:
        raise RuntimeError("a bug")

    dialog = make_dialog(qtbot, [], [], save_letter=broken)
    dialog.letter.setPlainText("kept")
    with pytest.raises(RuntimeError):
        dialog.save_and_close()
    assert dialog.isVisible() and dialog.letter.toPlainText() == "kept"
    dialog.letter.clear()  # so closing at teardown has nothing to save


def test_the_breathing_countdown_reaches_zero_and_stops_its_timer(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [], breath_seconds=60)
    assert dialog.breath_timer.isActive()
    assert dialog.seconds_left == 60 and dialog.countdown.text() == "1:00"
    dialog.advance(5_000)
    assert dialog.circle.words() == "Breathe out"  # 4 s in, then out
    dialog.advance(54_500)
    assert dialog.seconds_left == 1 and dialog.countdown.text() == "0:01"
    assert dialog.breath_timer.isActive()
    dialog.advance(500)
    assert dialog.seconds_left == 0 and dialog.countdown.text() == "0:00"
    assert not dialog.breath_timer.isActive()
    assert "waited it out" in dialog.countdown_note.text()


def test_the_real_timer_moves_the_circle(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    qtbot.waitUntil(lambda: dialog.circle.elapsed_ms > 0, timeout=2_000)


def test_choosing_a_length_starts_the_wait_again(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    assert dialog.wait_choice.currentData() == 90 and dialog.seconds_left == 90
    dialog.advance(90_000)
    assert not dialog.breath_timer.isActive()
    dialog.wait_choice.setCurrentIndex(2)
    dialog.wait_choice.activated.emit(2)  # as when the user picks it
    assert dialog.seconds_left == 120 and dialog.countdown.text() == "2:00"
    assert dialog.breath_timer.isActive()


def test_a_wait_outside_one_to_two_minutes_is_refused(qtbot) -> None:
    with pytest.raises(ValueError):
        SosDialog([], print, print, lambda: NOW, breath_seconds=30)


def test_the_timer_runs_only_while_the_breathing_step_is_visible(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    assert dialog.breath_timer.isActive()
    dialog.hide()
    assert not dialog.breath_timer.isActive()
    dialog.show()
    assert dialog.breath_timer.isActive()
    qtbot.mouseClick(dialog.next_button, CLICK)  # "I'm a bit calmer": they may go on any time
    assert dialog.step == WRITE and dialog.seconds_left > 0
    assert not dialog.breath_timer.isActive()
    qtbot.mouseClick(dialog.back_button, CLICK)
    assert dialog.breath_timer.isActive()
    dialog.close()
    assert not dialog.breath_timer.isActive()


def test_enter_never_finishes_by_surprise(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    dialog = make_dialog(qtbot, letters, urges)
    qtbot.mouseClick(dialog.next_button, CLICK)
    qtbot.keyClicks(dialog.letter, "line one")
    qtbot.keyClick(dialog.letter, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.letter, "line two")
    assert dialog.letter.toPlainText() == "line one\nline two"
    assert dialog.step == WRITE
    qtbot.mouseClick(dialog.next_button, CLICK)
    qtbot.keyClicks(dialog.trigger, "a message from a friend")
    qtbot.keyClick(dialog.trigger, Qt.Key.Key_Return)
    assert dialog.step == NOTE and letters == []
    assert dialog.focusWidget() is dialog.instead


def test_no_button_offers_to_send_or_copy(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    texts = [b.text().lower() for b in dialog.findChildren(QAbstractButton)]
    assert "i'm a bit calmer" in texts
    assert not [t for t in texts if "send" in t or "copy" in t]


def test_every_control_has_an_accessible_name(qtbot) -> None:
    dialog = make_dialog(qtbot, [], [])
    controls = [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QPlainTextEdit),
        *dialog.findChildren(QComboBox),
    ]
    assert len(controls) > 15
    assert [c for c in controls if not c.accessibleName()] == []
    assert dialog.intensity_buttons[0].accessibleName() == "Urge strength 1 of 10 (faint)"


def test_breathing_goes_in_for_four_seconds_and_out_for_six() -> None:
    assert breath_at(0) == ("in", 0.0)
    assert breath_at(4_000) == ("out", 1.0)
    direction, fullness = breath_at(9_999)
    assert direction == "out" and fullness < 0.01
    assert breath_at(10_000) == ("in", 0.0)


def test_a_real_vault_gets_the_unsent_letter_and_the_urge(qtbot, tmp_path: Path) -> None:
    vault, _ = create_vault(
        tmp_path / "vault.sqlite3",
        recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012",
        kdf_params=KdfParams.new(n=2**10),
    )

    def save_letter(text: str) -> None:
        vault.put(JOURNAL_ENTRY, entry_data("Unsent letter", text, entry_type="unsent_letter"))

    def log_urge(urge: Urge) -> None:
        add_urge(vault, urge)

    dialog = make_dialog(qtbot, [], [], save_letter=save_letter, log_urge=log_urge)
    qtbot.mouseClick(dialog.intensity_buttons[7], CLICK)
    go_through(qtbot, dialog, "What I wish I could say.", "a late night", "wrote here")
    qtbot.mouseClick(dialog.finish_button, CLICK)
    assert dialog.step == DONE

    records, damaged = vault.records(JOURNAL_ENTRY)
    assert damaged == []
    entries = [entry_from_record(r.id, r.created, r.updated, r.data) for r in records]
    assert [(e.entry_type, e.body) for e in entries] == [
        ("unsent_letter", "What I wish I could say.")
    ]
    assert load_urges(vault) == ([new_urge(NOW, 8, "a late night", "wrote here")], [])

    # Closing early on a second visit: the letter is kept, no urge without an intensity.
    again = make_dialog(qtbot, [], [], save_letter=save_letter, log_urge=log_urge)
    qtbot.mouseClick(again.next_button, CLICK)
    qtbot.keyClicks(again.letter, "And one more thing.")
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    bodies = sorted(r.data["body"] for r in vault.records(JOURNAL_ENTRY)[0])
    assert bodies == ["And one more thing.", "What I wish I could say."]
    assert len(load_urges(vault)[0]) == 1

    # A locked vault: the dialog says so in plain words and keeps the text.
    vault.close()
    locked = make_dialog(qtbot, [], [], save_letter=save_letter, log_urge=log_urge)
    locked.letter.setPlainText("Not lost.")
    locked.save_and_close()
    assert locked.isVisible() and locked.problem.isVisible()
    assert locked.letter.toPlainText() == "Not lost."


# ---- while Reconnect is locked (issue 17) ----------------------------------------------


def make_locked_dialog(qtbot, letters: list, urges: list, unlocks: list) -> SosDialog:
    return make_dialog(qtbot, letters, urges, reasons=None, unlock=lambda: unlocks.append(1))


def test_while_locked_the_breathing_and_a_calming_screen_run_without_unlocking(qtbot) -> None:
    unlocks: list[int] = []
    dialog = make_locked_dialog(qtbot, [], [], unlocks)
    assert dialog.locked and dialog.step == PAUSE
    assert dialog.reason_labels == []  # the reasons are in the vault: not readable yet
    assert dialog.calming_box.isVisible() and dialog.unlock_reasons_button.isVisible()
    dialog.advance(5_000)
    assert dialog.seconds_left == 85  # the breathing runs as usual
    assert unlocks == []  # nothing asked for the passphrase by itself
    qtbot.mouseClick(dialog.unlock_reasons_button, CLICK)
    assert unlocks == [1]  # offered, on the person's click


def test_while_locked_the_letter_stays_in_memory_until_the_vault_opens(qtbot) -> None:
    letters: list[str] = []
    urges: list[Urge] = []
    unlocks: list[int] = []
    dialog = make_locked_dialog(qtbot, letters, urges, unlocks)
    qtbot.mouseClick(dialog.intensity_buttons[7], CLICK)
    go_through(qtbot, dialog, "words only this window holds", "a photo", "breathed")
    assert not dialog.locked_write_note.isHidden()  # on the writing page: where the words are
    qtbot.mouseClick(dialog.finish_button, CLICK)
    # Nothing saved (there is nowhere encrypted to put it yet); unlocking is offered.
    assert letters == [] and urges == [] and unlocks == [1]
    assert dialog.isVisible() and dialog.step == NOTE
    assert "unlock" in dialog.problem.text().lower()
    assert dialog.letter.toPlainText() == "words only this window holds"

    dialog.vault_opened(["my own reason"], "Sam")
    assert not dialog.locked
    assert letters == ["words only this window holds"]
    assert urges == [new_urge(NOW, 8, "a photo", "breathed")]
    assert dialog.step == DONE  # the Finish that waited for the unlock goes on by itself
    assert [label.text() for label in dialog.reason_labels] == ["my own reason"]


def test_closing_while_locked_keeps_the_words_until_the_person_chooses(qtbot) -> None:
    letters: list[str] = []
    unlocks: list[int] = []
    dialog = make_locked_dialog(qtbot, letters, [], unlocks)
    qtbot.mouseClick(dialog.next_button, CLICK)
    qtbot.keyClicks(dialog.letter, "not lost")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and unlocks == [1]  # Esc does not throw the words away
    assert dialog.discard_button.isVisible()
    dialog.vault_opened([], "")  # they unlocked: it saves, then closes as they asked
    assert letters == ["not lost"] and not dialog.isVisible()


def test_closing_while_locked_can_let_the_words_go_on_purpose(qtbot) -> None:
    letters: list[str] = []
    dialog = make_locked_dialog(qtbot, letters, [], [])
    qtbot.mouseClick(dialog.next_button, CLICK)
    qtbot.keyClicks(dialog.letter, "let it go")
    dialog.reject()
    qtbot.mouseClick(dialog.discard_button, CLICK)
    assert not dialog.isVisible() and letters == []
    assert dialog.letter.toPlainText() == ""  # not kept in memory either


def test_closing_while_locked_with_nothing_written_just_closes(qtbot) -> None:
    unlocks: list[int] = []
    dialog = make_locked_dialog(qtbot, [], [], unlocks)
    dialog.advance(3_000)
    qtbot.mouseClick(dialog.close_button, CLICK)
    assert not dialog.isVisible() and unlocks == []
