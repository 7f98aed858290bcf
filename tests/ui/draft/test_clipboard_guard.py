"""A copied draft leaves the clipboard again: the real QClipboard, real timers, a real vault."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from helpers.pages import DraftPage
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.storage.draft_store import save_draft
from reconnect_gui.ui.draft.clipboard_guard import (
    ClipboardGuard,
    ClipboardSection,
    clearing_words,
    copied_words,
)
from reconnect_gui.ui.draft.draft_pane import DraftPane

DRAFT = "Hi Sam, I walked past the lake today and thought of the ducks. How have you been?"
NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin: not late at night


@pytest.fixture
def clipboard():
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def copy(clipboard, guard: ClipboardGuard, text: str = DRAFT) -> None:
    """What the Draft pane does: the text goes onto the clipboard, then the guard watches."""
    clipboard.setText(text)
    guard.watch(text)


# ---- the guard ---------------------------------------------------------------------------


def test_a_copied_draft_is_cleared_when_its_time_is_up(qtbot, clipboard) -> None:
    guard = ClipboardGuard(1)  # the shortest the timer allows; the choices are 30 s and up
    copy(clipboard, guard)
    assert clipboard.text() == DRAFT
    with qtbot.wait_signal(guard.cleared, timeout=3000):
        pass
    assert clipboard.text() == ""
    assert not guard.watching


@pytest.mark.parametrize("seconds", [30, 60, 120])
def test_the_timer_waits_the_chosen_time_before_clearing(qtbot, clipboard, seconds) -> None:
    guard = ClipboardGuard(seconds)
    copy(clipboard, guard)
    assert guard.timer.isActive() and guard.timer.isSingleShot()
    assert guard.timer.interval() == seconds * 1000
    qtbot.wait(50)
    assert clipboard.text() == DRAFT  # nothing happens before the time is up
    with qtbot.wait_signal(guard.cleared, timeout=1000):
        guard.timer.timeout.emit()  # the moment the time is up
    assert clipboard.text() == ""


def test_something_copied_since_is_never_wiped(qtbot, clipboard) -> None:
    guard = ClipboardGuard(60)
    copy(clipboard, guard)
    clipboard.setText("an address the person copied afterwards")
    with qtbot.assert_not_emitted(guard.cleared):
        guard.timer.timeout.emit()
        QCoreApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == "an address the person copied afterwards"


def test_never_means_the_draft_stays_even_at_quit(qtbot, clipboard) -> None:
    guard = ClipboardGuard(0)
    copy(clipboard, guard)
    assert not guard.timer.isActive() and not guard.watching
    with qtbot.assert_not_emitted(guard.cleared):
        QCoreApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == DRAFT


def test_turning_it_off_while_a_draft_waits_keeps_the_draft(qtbot, clipboard) -> None:
    guard = ClipboardGuard(60)
    copy(clipboard, guard)
    guard.set_seconds(0)
    assert not guard.timer.isActive()
    with qtbot.assert_not_emitted(guard.cleared):
        QCoreApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == DRAFT


def test_quitting_clears_a_draft_still_on_the_clipboard(qtbot, clipboard) -> None:
    guard = ClipboardGuard(120)
    copy(clipboard, guard)
    with qtbot.wait_signal(guard.cleared, timeout=1000):
        QCoreApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == ""
    assert not guard.timer.isActive()


def test_a_new_choice_still_counts_from_the_copy(qtbot, clipboard) -> None:
    guard = ClipboardGuard(120)
    copy(clipboard, guard)
    time.sleep(0.3)  # at least 0.3 s (a Qt wait may end a little early)
    guard.set_seconds(30)
    assert guard.seconds == 30
    assert 20_000 <= guard.timer.interval() <= 29_700  # 30 s after the copy, not from now
    assert clipboard.text() == DRAFT


def test_a_second_copy_is_watched_instead_of_the_first(qtbot, clipboard) -> None:
    guard = ClipboardGuard(60)
    copy(clipboard, guard, "the first draft")
    copy(clipboard, guard, "the second draft")
    guard.timer.timeout.emit()
    assert clipboard.text() == ""


@pytest.mark.parametrize(
    ("seconds", "words", "in_full"),
    [
        (0, "Copied", "until you copy something else"),
        (30, "Copied for 30 seconds", "clears it from the clipboard in 30 seconds"),
        (60, "Copied for 1 minute", "clears it from the clipboard in 1 minute"),
        (120, "Copied for 2 minutes", "clears it from the clipboard in 2 minutes"),
    ],
)
def test_the_copied_note_says_when(seconds: int, words: str, in_full: str) -> None:
    assert copied_words(seconds) == words
    assert in_full in clearing_words(seconds)


# ---- the Draft pane's copy ----------------------------------------------------------------


def ready_draft_pane(qtbot, controller, clock, guard: ClipboardGuard | None) -> DraftPage:
    """The Draft pane showing a calm draft written 20 hours ago: "ready", copied at once."""
    save_draft(controller.vault, drafts.new_draft("text", NOW - timedelta(hours=20), body=DRAFT))
    pane = DraftPage(DraftPane(controller, now=clock, clipboard_guard=guard))
    qtbot.add_widget(pane.pane)
    pane.resize(1080, 780)
    with qtbot.wait_exposed(pane.pane):
        pane.show()
    assert pane.banner_state == "ready"
    return pane


@pytest.fixture
def ready_pane(qtbot, unlocked_controller, clock, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the late-night check reads the local hour
    guard = ClipboardGuard(60)
    return ready_draft_pane(qtbot, unlocked_controller, clock, guard), guard


def test_the_draft_pane_copy_is_watched_and_says_so(qtbot, clipboard, ready_pane) -> None:
    pane, guard = ready_pane
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == DRAFT
    assert pane.saved_label.text() == "Copied for 1 minute"
    assert pane.saved_label.accessibleDescription() == (
        "Reconnect clears it from the clipboard in 1 minute, "
        "unless you have copied something else by then."
    )
    assert pane.saved_label.toolTip() == pane.saved_label.accessibleDescription()
    assert guard.watching and guard.timer.interval() == 60_000
    guard.timer.timeout.emit()
    assert clipboard.text() == ""
    assert pane.saved_label.text() == "Clipboard cleared"


def test_the_draft_pane_leaves_a_later_copy_alone(qtbot, clipboard, ready_pane) -> None:
    pane, guard = ready_pane
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    clipboard.setText("their own words")
    guard.timer.timeout.emit()
    assert clipboard.text() == "their own words"
    assert pane.saved_label.text() == "Copied for 1 minute"


def test_without_a_guard_the_note_promises_nothing(
    qtbot, clipboard, unlocked_controller, clock, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    pane = ready_draft_pane(qtbot, unlocked_controller, clock, None)
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == DRAFT
    assert pane.saved_label.text() == "Copied"


# ---- Settings → Clipboard -----------------------------------------------------------------


def test_the_section_shows_the_choice_and_the_keyboard_changes_it(qtbot) -> None:
    guard = ClipboardGuard(60)
    section = ClipboardSection(guard)
    qtbot.add_widget(section)
    section.show()
    combo = section.choice
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["After 30 seconds", "After 1 minute", "After 2 minutes", "Never"]
    assert combo.currentText() == "After 1 minute"
    assert combo.accessibleName() == "Clear copied drafts from the clipboard"
    assert combo.accessibleDescription()
    buddies = [label for label in section.findChildren(QLabel) if label.buddy() is combo]
    assert [label.text() for label in buddies] == ["Clear copied drafts from the clipboard"]

    combo.setFocus()
    with qtbot.wait_signal(section.seconds_chosen) as chosen:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert chosen.args == [120]
    assert guard.seconds == 120
    with qtbot.wait_signal(section.seconds_chosen) as chosen:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert chosen.args == [0] and guard.seconds == 0
    assert combo.currentText() == "Never"


def test_showing_a_saved_choice_emits_nothing(qtbot) -> None:
    guard = ClipboardGuard(30)
    section = ClipboardSection(guard)
    qtbot.add_widget(section)
    assert section.choice.currentText() == "After 30 seconds"
    with qtbot.assert_not_emitted(section.seconds_chosen):
        section.show_seconds(0)
    assert section.choice.currentText() == "Never"
    assert guard.seconds == 30
