"""The drafting pane with a real vault (real file, real cryptography, in-memory keyring) and
the real tone checker."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from helpers.clock import Clock
from helpers.drafts import load_draft
from helpers.pages import DraftPage
from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.core.tone import check
from reconnect_gui.storage.countdown_store import add_contact, save_plan
from reconnect_gui.storage.draft_store import delete_draft, load_drafts, save_draft
from reconnect_gui.ui.draft.banner import BANNER_COLOURS
from reconnect_gui.ui.draft.draft_pane import EDITOR, WELCOME, DraftPane
from reconnect_gui.ui.draft.findings_list import MAX_CARDS
from reconnect_gui.ui.draft.templates import TEMPLATES, ExampleDialog, filled, unfilled_parts
from reconnect_gui.ui.draft.versions import VersionsDialog
from reconnect_gui.ui.vault.bound_pane import STATE_PAGE
from reconnect_gui.ui.vault.controller import VaultState
from reconnect_gui.ui.widgets.colours import SEVERITY_COLOURS

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin: not late at night
CALM = "Hi Sam, I walked past the lake today and thought of the ducks. How have you been?"
PLEA = "Hi Sam, please come back to me. How have you been?"


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the late-night check reads the local hour


def make_pane(qtbot, controller, clock: Clock) -> DraftPage:
    page = DraftPage(DraftPane(controller, now=clock))
    qtbot.add_widget(page.pane)
    page.resize(1080, 780)
    with qtbot.wait_exposed(page.pane):
        page.show()
    return page


def stored_draft(controller, body: str, kind: str = "text", hours_ago: float = 0, **kw):
    draft = drafts.new_draft(kind, NOW - timedelta(hours=hours_ago), body=body, **kw)
    save_draft(controller.vault, draft)
    return draft


def paste(pane: DraftPage, text: str) -> None:
    """What a paste does: the words arrive in the editor as if typed."""
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    pane.editor.insertPlainText(text)


def wait_for_check(qtbot, pane: DraftPage) -> None:
    qtbot.wait_until(lambda: not pane.check_debouncer.pending, timeout=3000)


def card_for(pane: DraftPage, category: str):
    return next(c for c in pane.findings.cards() if c.finding.category == category)


def answer(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


# ---- saving ----------------------------------------------------------------------------


def test_typing_autosaves_encrypted_and_reads_back(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.side.currentIndex() == WELCOME
    qtbot.mouseClick(pane.write_text_button, Qt.MouseButton.LeftButton)
    assert pane.side.currentIndex() == EDITOR and pane.focusWidget() is pane.editor
    qtbot.keyClicks(pane.editor, "Hi Sam, how was the trip to Lisbon?")
    assert pane.saved_label.text() == "Saving…"
    qtbot.wait_until(lambda: pane.saved_label.text() == "Saved", timeout=5000)
    (stored,), damaged = load_drafts(unlocked_controller.vault)
    assert stored.body == "Hi Sam, how was the trip to Lisbon?" and stored.kind == "text"
    assert damaged == []
    assert b"Lisbon" not in unlocked_controller.path.read_bytes()
    assert pane.list.count() == 1
    assert pane.list.item(0).text().startswith("Hi Sam, how was the trip")


def test_the_title_is_optional_and_saved(qtbot, unlocked_controller, clock) -> None:
    draft = stored_draft(unlocked_controller, CALM)
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.keyClicks(pane.title_edit, "For after the 30 days")
    assert pane.list.item(0).text().startswith("For after the 30 days")
    pane.save_debouncer.flush()
    assert load_draft(unlocked_controller.vault, draft.id).title == "For after the 30 days"


# ---- checking --------------------------------------------------------------------------


def test_findings_appear_after_the_debouncer_and_a_click_selects_the_words(
    qtbot, unlocked_controller, clock
) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_draft("text")
    text = "🎉🎉 Hi Sam 👩‍👩‍👧, please come back to me. How have you been?"
    paste(pane, text)
    assert pane.findings.cards() == []  # not yet: the check waits for a pause
    qtbot.wait_until(lambda: bool(pane.findings.cards()), timeout=3000)
    card = card_for(pane, "begging")
    start, end = card.finding.span
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert pane.editor.textCursor().selectedText() == text[start:end]
    assert text[start:end].startswith("please")
    assert pane.banner_state == "revise"
    assert pane.banner.headline.text() == "Worth another look"
    assert "It pleads with them." in pane.banner.detail.text()


def test_ignore_here_hides_that_finding_even_after_typing_elsewhere(
    qtbot, unlocked_controller, clock
) -> None:
    text = "Hi Sam, I miss you so much. How was the trip to Lisbon?"
    draft = stored_draft(unlocked_controller, text, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.banner_state == "revise"
    card = card_for(pane, "neediness")
    ignored = card.finding
    qtbot.mouseClick(card.ignore_button, Qt.MouseButton.LeftButton)
    assert ignored not in pane.shown_findings
    assert all(c.finding != ignored for c in pane.findings.cards())
    assert pane.highlighter.range_of(ignored) is None
    assert pane.banner_state == "ready"  # it was the only thing to revise
    stored = load_draft(unlocked_controller.vault, draft.id)
    assert [i.rule_id for i in stored.ignores] == [ignored.rule_id]
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.Start)
    pane.editor.insertPlainText("Oh, hello! ")  # elsewhere: the ignore holds
    paste(pane, " Take care.")
    wait_for_check(qtbot, pane)
    assert ignored.rule_id in {f.rule_id for f in pane.report.findings}
    assert ignored.rule_id not in {f.rule_id for f in pane.shown_findings}
    assert pane.banner_state == "cooling"  # new words: ready, after sleeping on it


def test_switching_kind_changes_the_meter_and_is_saved(qtbot, unlocked_controller, clock) -> None:
    text = CALM + " 😀"
    draft = stored_draft(unlocked_controller, text)
    pane = make_pane(qtbot, unlocked_controller, clock)
    words = len(CALM.split())
    assert pane.meter.text() == (
        f"{len(text)} characters · {words} words · 2 SMS (UCS-2, because of the emoji)"
    )
    qtbot.mouseClick(pane.kind_buttons["letter"], Qt.MouseButton.LeftButton)
    assert pane.meter.text() == f"{words} words · 1 paragraph · under a minute to read"
    pane.save_debouncer.flush()
    assert load_draft(unlocked_controller.vault, draft.id).kind == "letter"
    assert pane.list.item(0).text().split("\n")[1].startswith("Letter")


def test_pasting_ten_thousand_words_is_checked_and_marked_correctly(
    qtbot, unlocked_controller, clock
) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_draft("letter")
    paragraph = (
        "I keep thinking about the summer by the lake 🌊 and honestly i miss u so much. "
        "The days are long and the evenings quiet, and I read a lot these weeks.\n\n"
    )
    text = paragraph * 310  # about 10,000 words
    assert 9_500 < len(text.split()) < 10_500
    started = time.perf_counter()
    paste(pane, text)
    pane.check_debouncer.flush()
    QGuiApplication.processEvents()
    elapsed = time.perf_counter() - started
    assert pane.report is not None and pane.editor.toPlainText() == text
    assert pane.report.metrics == check(text, "letter").metrics  # all of it was checked
    marks = pane.highlighter.marks()
    marked_findings = [f for f in pane.shown_findings if f.span != (0, 0)]
    assert len(marks) == len(marked_findings) > 300
    cursor = pane.editor.textCursor()
    for mark in marks[::50]:  # each mark covers exactly its finding's words
        start, end = mark.finding.span
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[start:end]
    assert len(pane.findings.cards()) == MAX_CARDS and pane.findings.more_label.isVisible()
    assert elapsed < 5.0  # loose: the benchmark measures speed; this catches a blow-up
    started = time.perf_counter()
    paste(pane, " And one more line.")  # a keystroke after the paste stays cheap
    QGuiApplication.processEvents()
    assert time.perf_counter() - started < 1.0


# ---- the verdict and the way out -------------------------------------------------------


def test_copy_with_revise_asks_first(qtbot, unlocked_controller, clock) -> None:
    stored_draft(unlocked_controller, PLEA, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    QGuiApplication.clipboard().setText("something else")
    assert pane.banner_state == "revise"
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    box = pane.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "may land differently" in box.text()
    assert QGuiApplication.clipboard().text() == "something else"
    answer(box, "Keep editing")
    assert QGuiApplication.clipboard().text() == "something else"
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(pane.copied) as copied:
        answer(pane.dialog, "Copy anyway")
    assert QGuiApplication.clipboard().text() == PLEA
    assert copied.args == [PLEA]


def test_sleep_on_it_until_twelve_hours_after_the_last_change(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, CALM, hours_ago=10)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.report.verdict == "ready"
    assert pane.banner_state == "cooling"
    assert pane.banner.headline.text() == "Sleep on it: ready to send in 2 hours"
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert isinstance(pane.dialog, QMessageBox) and "12 hours" in pane.dialog.text()
    answer(pane.dialog, "Keep editing")
    clock.moment = NOW + timedelta(hours=1, minutes=30)
    pane.update_banner()
    assert pane.banner.headline.text() == "Sleep on it: ready to send in 30 minutes"
    clock.moment = NOW + timedelta(hours=2)
    pane.update_banner()
    assert pane.banner_state == "ready"
    assert pane.banner.headline.text() == "Ready when you are"
    with qtbot.wait_signal(pane.copied):
        qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)  # no question now
    assert pane.dialog is None
    assert QGuiApplication.clipboard().text() == CALM
    paste(pane, " Take care.")  # new words: the cool-off starts again
    wait_for_check(qtbot, pane)
    assert pane.banner.headline.text() == "Sleep on it: ready to send in 12 hours"


def test_before_the_target_the_banner_says_wait_and_copy_asks(
    qtbot, unlocked_controller, clock
) -> None:
    save_plan(unlocked_controller.vault, new_plan(NOW - timedelta(days=5), "Europe/Berlin"))
    stored_draft(unlocked_controller, CALM, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.banner_state == "wait"
    assert pane.banner.headline.text() == "Better to wait for now"
    card = card_for(pane, "too_soon")  # the timing is said once, in its note...
    assert card.severity_label.text() == "About the timing" and "25 days" in card.message.text()
    assert "25 days" not in pane.banner.detail.text()  # ...and the banner points to it
    assert pane.banner.detail.text().startswith("The note about the timing says why.")
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert "25 days" in pane.dialog.text() and "your choice" in pane.dialog.text()


def test_an_unanswered_message_is_a_reason_to_wait(qtbot, unlocked_controller, clock) -> None:
    save_plan(unlocked_controller.vault, new_plan(NOW - timedelta(days=40), "Europe/Berlin"))
    add_contact(unlocked_controller.vault, sent_unanswered(NOW - timedelta(days=3)))
    stored_draft(unlocked_controller, CALM, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.context().waiting_for_reply and pane.context().wait_days_left == 11
    assert pane.banner_state == "wait"
    assert pane.findings.cards()[0].severity_label.text() == "About the timing"


def test_words_of_danger_put_the_support_note_first(qtbot, unlocked_controller, clock) -> None:
    stored_draft(unlocked_controller, "i dont want to be here anymore without you", hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.banner_state == "support"
    assert pane.banner.headline.text() == "Please look after yourself first"
    assert "crisis line" in pane.banner.detail.text()


def test_words_of_danger_show_helplines_instead_of_writing_notes(
    qtbot, unlocked_controller, clock, monkeypatch
) -> None:
    stored_draft(
        unlocked_controller, "honestly i want to end it all. you'll regret this", hours_ago=20
    )
    pane = make_pane(qtbot, unlocked_controller, clock)
    side = pane.editor_side
    assert pane.banner_state == "support"
    assert side.support.isVisible() and not side.findings.isVisible()
    assert side.findings.cards() == []  # no note about the writing
    assert side.highlighter.finding_at(3) is None  # and no underline
    assert side.support.country.count() >= 13
    chosen = side.support.country.findData("GB")
    side.support.country.setCurrentIndex(chosen)
    assert "116 123" in side.support.services.text()
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(pane._dialogs, "open", boxes.append)
    pane.copy_to_clipboard()
    assert boxes and "helplines" in boxes[0].text()  # copying asks first


def test_logistics_is_a_kind_of_its_own(qtbot, unlocked_controller, clock) -> None:
    stored_draft(unlocked_controller, "", kind="logistics")
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.kind_buttons["logistics"].isChecked()
    paste(pane, "Hi, the kids' passports are in the blue folder. Can you return it by Friday?")
    wait_for_check(qtbot, pane)
    assert pane.banner_state in ("ready", "cooling")
    assert not [c for c in pane.findings.cards() if c.finding.category == "no_invitation"]


def test_the_cursor_in_underlined_words_outlines_their_note(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, "Hope work is good. Please please take me back.")
    pane = make_pane(qtbot, unlocked_controller, clock)
    wait_for_check(qtbot, pane)
    cursor = pane.editor.textCursor()
    cursor.setPosition(pane.editor.toPlainText().index("take me back"))
    pane.editor.setTextCursor(cursor)
    assert pane.findings.current() is not None
    assert pane.findings.current().category == "begging"
    cursor.setPosition(2)
    pane.editor.setTextCursor(cursor)
    assert pane.findings.current() is None


def test_another_language_gets_length_figures_and_an_honest_note(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, "Hola Sam, ¿cómo estás? Pasé por el lago hoy.", hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.banner_state == "ready"
    assert "English only" in pane.banner.detail.text()
    assert "calm and kind" not in pane.banner.detail.text()  # no praise for unread words
    assert pane.findings.empty_label.text().startswith("The tone checks understand English")
    assert "SMS (UCS-2, because of “ó”)" in pane.meter.text()  # “¿” is in GSM-7


# ---- drafts, versions, examples --------------------------------------------------------


def test_restoring_a_version_keeps_the_current_words_too(qtbot, unlocked_controller, clock) -> None:
    draft = drafts.new_draft("text", NOW - timedelta(hours=5), body="First try.")
    draft = drafts.edit(draft, "Second try, better.", NOW - timedelta(hours=4))
    draft = drafts.edit(draft, CALM, NOW - timedelta(hours=3))
    save_draft(unlocked_controller.vault, draft)
    assert [v.body for v in draft.versions] == ["First try.", "Second try, better."]
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.versions_button.isEnabled()
    qtbot.mouseClick(pane.versions_button, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, VersionsDialog)
    assert dialog.preview.toPlainText() == "Second try, better."  # newest first
    dialog.list.setCurrentRow(1)
    assert dialog.preview.toPlainText() == "First try."
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert pane.editor.toPlainText() == "First try."
    stored = load_draft(unlocked_controller.vault, draft.id)
    assert stored.body == "First try."
    assert [v.body for v in stored.versions][-1] == CALM


def choose_kind_after_ctrl_n(qtbot, pane: DraftPage, kind: str) -> None:
    qtbot.keyClick(pane.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    menu = pane.list_column.kind_menu
    qtbot.wait_until(menu.isVisible)
    next(action for action in menu.actions() if action.data() == kind).trigger()
    menu.close()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_ctrl_n_starts_one_new_draft_and_delete_can_be_undone(
    qtbot, unlocked_controller, clock
) -> None:
    first = stored_draft(unlocked_controller, CALM, hours_ago=1)
    pane = make_pane(qtbot, unlocked_controller, clock)
    with qtbot.wait_active(pane.pane):
        pane.activateWindow()
    pane.editor.setFocus()
    choose_kind_after_ctrl_n(qtbot, pane, "text")
    assert pane.list.count() == 2 and pane.editor.toPlainText() == ""
    choose_kind_after_ctrl_n(qtbot, pane, "text")
    assert pane.list.count() == 2  # a blank draft is reused, not multiplied
    pane.open_draft(first.id)  # leaving the blank one: it goes quietly
    assert pane.list.count() == 1
    assert [d.id for d in load_drafts(unlocked_controller.vault)[0]] == [first.id]
    qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert load_drafts(unlocked_controller.vault)[0] == []
    assert pane.side.currentIndex() == WELCOME and pane.undo_bar.isVisible()
    qtbot.mouseClick(pane.undo_button, Qt.MouseButton.LeftButton)
    assert [d.id for d in load_drafts(unlocked_controller.vault)[0]] == [first.id]
    assert pane.editor.toPlainText() == CALM and not pane.undo_bar.isVisible()


def test_an_example_starts_a_draft_and_asks_to_fill_in_the_brackets(
    qtbot, unlocked_controller, clock
) -> None:
    save_plan(
        unlocked_controller.vault,
        new_plan(NOW - timedelta(days=40), "Europe/Berlin", ex_name="Sam"),
    )
    stored_draft(unlocked_controller, CALM, hours_ago=1)
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.mouseClick(pane.example_button, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ExampleDialog)
    dialog.select("friendly_letter")
    assert dialog.preview.toPlainText().startswith("Dear Sam,")
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert pane.list.count() == 2
    assert pane.draft.kind == "letter" and pane.kind_buttons["letter"].isChecked()
    assert pane.editor.toPlainText() == filled(TEMPLATES[2], "Sam")
    assert pane.banner.headline.text() == "Make it yours first"
    assert "[brackets]" in pane.banner.detail.text()
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert "like [One or two sentences" in pane.dialog.text()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_every_example_follows_the_guidance(template) -> None:
    words = filled(template, "Sam")
    for part in unfilled_parts(words):
        words = words.replace(part, "the bakery on the corner")
    assert unfilled_parts(words) == []
    report = check(words, template.kind)
    assert report.verdict == "ready", report.reasons
    assert "’" not in words  # plain apostrophes: a text stays in GSM-7
    assert filled(template).count("{name}") == 0


# ---- locking, state, accessibility -----------------------------------------------------


def test_lock_saves_the_last_keystrokes_then_clears_everything(
    qtbot, unlocked_controller, clock
) -> None:
    draft = stored_draft(unlocked_controller, PLEA, hours_ago=2, title="Private title")
    stored_draft(unlocked_controller, CALM, hours_ago=1)  # newer, so it opens first
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.delete_current()  # "Undo" now names it
    assert "I walked past the lake" in pane.undo_label.text()
    pane.open_draft(draft.id)
    assert pane.findings.cards()
    qtbot.keyClicks(pane.editor, " Last words")
    assert pane.save_debouncer.pending
    unlocked_controller.lock()
    assert pane.pages.currentIndex() == STATE_PAGE
    assert "Locked" in pane.state_page.message.text()
    assert pane.editor.toPlainText() == "" and pane.title_edit.text() == ""
    assert pane.list.count() == 0 and pane.findings.cards() == []
    assert pane.highlighter.marks() == [] and pane.meter.text() == ""
    assert pane.draft is None and pane.report is None
    assert not pane.save_debouncer.pending and not pane.check_debouncer.pending
    shown = [label.text() for label in pane.findChildren(QLabel)]
    assert not [t for t in shown if "lake" in t or "come back" in t or "Private" in t]
    unlocked_controller.start()  # unlock again: the last keystrokes were kept
    qtbot.wait_until(lambda: unlocked_controller.state == VaultState.UNLOCKED, timeout=20000)
    assert load_draft(unlocked_controller.vault, draft.id).body == PLEA + " Last words"
    assert pane.editor.toPlainText() == PLEA + " Last words"  # the same draft, open again
    assert pane.title_edit.text() == "Private title"
    assert not pane.notice.isVisible()  # nothing went wrong, so nothing to say


def test_words_the_vault_refuses_at_lock_come_back_after_unlock(
    qtbot, unlocked_controller, clock
) -> None:
    """A real refusal: another connection holds the vault's write lock (as a second
    Reconnect writing would), so the last save before the lock fails after SQLite waits."""
    draft = stored_draft(unlocked_controller, CALM, hours_ago=2, title="After the 30 days")
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.keyClicks(pane.editor, " Lighthouse")
    writer = sqlite3.connect(unlocked_controller.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        unlocked_controller.lock()
    finally:
        writer.close()
    assert pane.pages.currentIndex() == STATE_PAGE
    assert pane.editor.toPlainText() == "" and pane.list.count() == 0 and pane.draft is None
    shown = [label.text() for label in pane.findChildren(QLabel)]
    assert not [t for t in shown if "Lighthouse" in t or "After the 30" in t]
    files = [p for p in unlocked_controller.path.parent.rglob("*") if p.is_file()]
    assert files and not [p for p in files if b"Lighthouse" in p.read_bytes()]

    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == VaultState.UNLOCKED, timeout=20000)
    assert pane.editor.toPlainText() == CALM + " Lighthouse"
    assert pane.notice.isVisible()
    assert pane.editor_side.notice_label.text() == (
        "Your last changes to “After the 30 days” could not be saved before Reconnect "
        "locked; they are back in the editor."
    )
    qtbot.wait_until(lambda: pane.saved_label.text() == "Saved", timeout=5000)
    stored = load_draft(unlocked_controller.vault, draft.id)
    assert stored.body == CALM + " Lighthouse" and stored.title == "After the 30 days"
    assert pane.list.count() == 1  # the same draft, not a copy
    qtbot.mouseClick(pane.editor_side.notice_button, Qt.MouseButton.LeftButton)
    assert not pane.notice.isVisible()


def test_refused_words_come_back_even_if_the_draft_was_deleted_meanwhile(
    qtbot, unlocked_controller, clock
) -> None:
    """Another window deleted the draft while this one was locked: the words still return."""
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import open_with_keyring

    draft = stored_draft(unlocked_controller, CALM, hours_ago=2)
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.keyClicks(pane.editor, " Lighthouse")
    writer = sqlite3.connect(unlocked_controller.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        unlocked_controller.lock()
    finally:
        writer.close()
    elsewhere = open_with_keyring(unlocked_controller.path, KeyStore()).vault
    delete_draft(elsewhere, draft.id)
    elsewhere.close()
    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == VaultState.UNLOCKED, timeout=20000)
    assert pane.editor.toPlainText() == CALM + " Lighthouse" and pane.notice.isVisible()
    qtbot.wait_until(lambda: pane.saved_label.text() == "Saved", timeout=5000)
    assert load_draft(unlocked_controller.vault, draft.id).body == CALM + " Lighthouse"
    assert pane.list.count() == 1


def test_every_control_has_an_accessible_name(qtbot, unlocked_controller, clock) -> None:
    stored_draft(unlocked_controller, PLEA)
    pane = make_pane(qtbot, unlocked_controller, clock)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QListWidget)
    controls = [w for w in pane.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]
    assert len(controls) > 10
    unnamed = [
        type(w).__name__ + ":" + getattr(w, "text", str)()
        for w in controls
        if not w.accessibleName()
    ]
    assert unnamed == []


def test_tab_moves_from_the_title_through_the_editor_to_the_notes(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, PLEA)
    pane = make_pane(qtbot, unlocked_controller, clock)
    chain, widget = [], pane.title_edit
    for _ in range(5):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain[0] is pane.kind_buttons["text"]
    assert pane.editor in chain[1:4]
    assert chain[chain.index(pane.editor) + 1] in pane.findings.cards()


def test_a_theme_change_recolours_the_banner_and_the_marks(
    qtbot, qapp, unlocked_controller, clock
) -> None:
    from reconnect_gui.ui.widgets.theme import apply_theme

    stored_draft(unlocked_controller, PLEA, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    try:
        apply_theme(qapp, "light")
        qtbot.wait_until(lambda: BANNER_COLOURS["revise"][0][0] in pane.banner.styleSheet())
        apply_theme(qapp, "dark")  # the palette reaches the widgets as an event
        qtbot.wait_until(lambda: BANNER_COLOURS["revise"][0][1] in pane.banner.styleSheet())
        ranges = pane.editor.document().begin().layout().formats()
        assert QColor(SEVERITY_COLOURS["problem"][1]) in [r.format.underlineColor() for r in ranges]
    finally:
        apply_theme(qapp, "system")


def test_an_ignored_note_can_be_brought_back(qtbot, unlocked_controller, clock) -> None:
    """Issue 17: "Ignore here" is not for ever: "Show ignored notes" lists what was set
    aside, and "Bring back" shows it again, in the vault too."""
    text = "Hi Sam, I miss you so much. How was the trip to Lisbon?"
    draft = stored_draft(unlocked_controller, text, hours_ago=20)
    pane = make_pane(qtbot, unlocked_controller, clock)
    ignored_notes = pane.findings.ignored
    assert not ignored_notes.isVisible()  # nothing set aside yet
    card = card_for(pane, "neediness")
    ignored = card.finding
    qtbot.mouseClick(card.ignore_button, Qt.MouseButton.LeftButton)
    assert ignored_notes.isVisible()
    assert ignored_notes.toggle.text() == "Show ignored notes (1)"
    assert not ignored_notes.rows.isVisible()
    qtbot.mouseClick(ignored_notes.toggle, Qt.MouseButton.LeftButton)
    assert ignored_notes.toggle.text() == "Hide ignored notes"
    (bring_back,) = ignored_notes.bring_back_buttons
    assert bring_back.isVisible()
    row_words = bring_back.parentWidget().findChild(QLabel).text()
    assert row_words.startswith("“I miss you so much”") or "miss you" in row_words
    qtbot.mouseClick(bring_back, Qt.MouseButton.LeftButton)
    assert ignored in pane.shown_findings
    assert any(c.finding == ignored for c in pane.findings.cards())
    assert pane.banner_state == "revise"
    assert not ignored_notes.isVisible()
    assert load_draft(unlocked_controller.vault, draft.id).ignores == ()
    # And it stays back after opening the draft again.
    pane.pane.reload(select=draft.id)
    wait_for_check(qtbot, pane)
    assert ignored in pane.shown_findings


def test_the_kind_chosen_in_the_new_draft_menu_is_the_new_drafts_kind(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, CALM, kind="logistics", hours_ago=1)
    page = make_pane(qtbot, unlocked_controller, clock)
    column = page.pane.list_column
    (letter,) = [a for a in column.kind_menu.actions() if "letter" in a.text().lower()]
    letter.trigger()
    drafts_now, _ = load_drafts(unlocked_controller.vault)
    assert sorted(d.kind for d in drafts_now) == ["letter", "logistics"]
    assert page.pane.draft.kind == "letter"


def test_ctrl_n_starts_a_text_whatever_the_last_drafts_kind(
    qtbot, unlocked_controller, clock
) -> None:
    stored_draft(unlocked_controller, CALM, kind="letter", hours_ago=1)
    page = make_pane(qtbot, unlocked_controller, clock)
    page.pane.new_draft()
    assert page.pane.draft.kind == "text"


# The menu pops up: offscreen, a popup cannot grab the keyboard (a real screen can).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_ctrl_n_asks_which_kind_of_draft(qtbot, unlocked_controller, clock) -> None:
    """Ctrl+N asks text, letter or logistics, like the "New draft" button (issue 17);
    with no drafts yet, the welcome's own three choices get the focus."""
    page = make_pane(qtbot, unlocked_controller, clock)
    pane = page.pane
    qtbot.wait_until(lambda: pane.welcome.isVisible())
    qtbot.keyClick(pane, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert pane.draft is None  # nothing was made behind the person's back
    assert pane.welcome.write_text_button.hasFocus()
    stored_draft(unlocked_controller, CALM, kind="letter")
    pane.reload()
    qtbot.wait_until(lambda: pane.list_column.isVisible())
    opened = pane.draft
    qtbot.keyClick(pane, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(pane.list_column.kind_menu.isVisible)
    assert pane.draft is opened  # no text draft made before the choice
    pane.list_column.kind_menu.close()
