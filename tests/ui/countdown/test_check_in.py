"""The daily check-in on the home screen, with a real vault: a mood and a line, kept in
the journal as one entry."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from reconnect_gui.core.journal.check_in import CHECK_IN_TAG, CHECK_IN_TITLE
from reconnect_gui.storage.journal_store import load_entries
from reconnect_gui.ui.countdown.check_in import THANKS, CheckInCard, CheckInState

NOW = datetime(2026, 11, 22, 18, 30, tzinfo=UTC)


def make_card(qtbot, controller, clock) -> CheckInCard:
    card = CheckInCard(controller, clock)
    qtbot.add_widget(card)
    card.show()
    return card


def test_a_mood_and_a_line_become_one_journal_entry(qtbot, unlocked_controller, clock) -> None:
    card = make_card(qtbot, unlocked_controller, clock)
    assert not card.save_button.isEnabled()  # nothing to keep yet
    card.mood.buttons[2].click()
    qtbot.keyClicks(card.line, "Quiet day, missed them at lunch")
    with qtbot.wait_signal(card.saved):
        qtbot.keyClick(card.line, Qt.Key.Key_Return)
    (entry,), damaged = load_entries(unlocked_controller.vault)
    assert damaged == []
    assert entry.title == CHECK_IN_TITLE and entry.body == "Quiet day, missed them at lunch"
    assert entry.mood == 2 and entry.tags == (CHECK_IN_TAG,) and entry.created == NOW
    assert card.state == CheckInState.SAVED and card.thanks.text() == THANKS
    assert card.thanks.isVisible() and not card.line.isVisible()  # in place: no taller
    assert card.line.text() == "" and card.mood.mood() is None


def test_a_mood_alone_is_enough(qtbot, unlocked_controller, clock) -> None:
    card = make_card(qtbot, unlocked_controller, clock)
    card.mood.buttons[4].click()
    assert card.save_button.isEnabled()
    card.save_button.click()
    (entry,), _ = load_entries(unlocked_controller.vault)
    assert (entry.mood, entry.body) == (4, "")


def test_words_typed_when_the_vault_locks_are_kept_then_cleared(
    qtbot, unlocked_controller, clock
) -> None:
    card = make_card(qtbot, unlocked_controller, clock)
    qtbot.keyClicks(card.line, "half a thought")
    vault = unlocked_controller.vault
    (entries_before, _) = load_entries(vault)
    assert entries_before == []
    path = unlocked_controller.path
    unlocked_controller.lock()
    assert card.line.text() == "" and card.mood.mood() is None  # nothing left on screen
    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == "unlocked", timeout=20000)
    (entry,), _ = load_entries(unlocked_controller.vault)
    assert entry.body == "half a thought"
    assert b"half a thought" not in path.read_bytes()  # kept encrypted


def test_open_asks_again_and_puts_the_cursor_in_the_line(qtbot, unlocked_controller, clock):
    card = make_card(qtbot, unlocked_controller, clock)
    card.mood.buttons[3].click()
    card.save()
    card.activateWindow()
    card.open()
    assert card.state == CheckInState.ASKING and not card.thanks.isVisible()
    assert card.line.isVisible()
    qtbot.wait_until(card.line.hasFocus)


def test_in_a_narrow_window_the_question_moves_above_and_the_line_keeps_room(
    qtbot, unlocked_controller, clock
) -> None:
    card = make_card(qtbot, unlocked_controller, clock)
    card.resize(900, card.sizeHint().height())
    qtbot.wait_until(lambda: not card.stacked)
    card.resize(470, card.heightForWidth(470) if card.hasHeightForWidth() else 120)
    qtbot.wait_until(lambda: card.stacked)
    qtbot.wait_until(lambda: card.line.width() >= 120)
    assert card.question.geometry().bottom() < card.line.geometry().top()
