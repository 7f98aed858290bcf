"""The journal pane with a real vault (real file, real cryptography, in-memory keyring)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from helpers.clock import Clock
from helpers.pages import JournalPage
from reconnect_gui.core.countdown.contact_log import new_urge
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.journal.entry import JournalEntry, edited, moved_to_trash, new_entry
from reconnect_gui.core.journal.prompts import load_prompts
from reconnect_gui.storage import countdown_store, journal_store
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.ui.journal.journal_pane import (
    CHART_TAB,
    EDITOR,
    ENTRY_TAB,
    PROMPTS_TAB,
    WELCOME,
    JournalPane,
)
from reconnect_gui.ui.journal.model import NOTE_ROLE
from reconnect_gui.ui.vault.controller import VaultState

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def stored(controller, days_ago: float = 0.0, entry_type: str = "entry", **fields) -> JournalEntry:
    """An entry written ``days_ago`` (through a second connection with its own clock, as
    the command line would write it), optionally already in the trash."""
    moment = NOW - timedelta(days=days_ago)
    trashed = fields.pop("trashed", False)
    entry = edited(new_entry(moment, entry_type), **fields)
    if trashed:
        entry = moved_to_trash(entry, moment)
    key = controller.vault.data_key
    with open_vault(controller.path, now=lambda: moment).unlock_with_key(key) as vault:
        return journal_store.save_entry(vault, entry)


def make_pane(qtbot, controller, clock: Clock, size=(1080, 780)) -> JournalPage:
    page = JournalPage(JournalPane(controller, now=clock))
    qtbot.add_widget(page.pane)
    page.resize(*size)
    with qtbot.wait_exposed(page.pane):
        page.show()
    qtbot.wait_until(lambda: page.loaded, timeout=10000)
    return page


def saved_entries(controller) -> list[JournalEntry]:
    return journal_store.load_entries(controller.vault)[0]


def titles(pane: JournalPage) -> list[str]:
    return [e.display_title for e in pane.model.entries()]


def shortcut(qtbot, widget: QWidget, key: Qt.Key) -> None:
    """Ctrl+``key`` pressed while ``widget`` (inside the pane) has the focus."""
    widget.activateWindow()
    widget.setFocus()
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def search(qtbot, pane: JournalPage, text: str) -> None:
    pane.filters.search.clear()
    qtbot.keyClicks(pane.filters.search, text)
    qtbot.wait_until(lambda: not pane.filters.search_debouncer.pending, timeout=3000)


# ---- writing --------------------------------------------------------------------------


def test_typing_autosaves_encrypted_and_reads_back(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.entry_side.currentIndex() == WELCOME  # a calm start, nothing stored
    shortcut(qtbot, pane.filters.search, Qt.Key.Key_N)
    assert pane.entry_side.currentIndex() == EDITOR and pane.editor.body.hasFocus()
    qtbot.keyClicks(pane.editor.body, "Walked to the lake today")
    assert pane.editor.saved_label.text() == "Saving…"
    qtbot.wait_until(lambda: pane.editor.saved_label.text() == "Saved", timeout=5000)
    qtbot.keyClicks(pane.editor.title_edit, "A quiet Sunday")
    qtbot.wait_until(lambda: not pane.save_debouncer.pending, timeout=5000)
    (entry,) = saved_entries(unlocked_controller)
    assert entry.body == "Walked to the lake today" and entry.title == "A quiet Sunday"
    assert entry.entry_type == "entry"
    assert titles(pane) == ["A quiet Sunday"]  # the new entry is listed, marked as open
    assert pane.list.currentIndex().row() == 0
    assert pane.editor.words_label.text() == "5 words"
    raw = unlocked_controller.path.read_bytes()
    assert b"lake" not in raw and b"Sunday" not in raw


# The suggestions pop up: offscreen, a popup cannot grab the keyboard (a real screen can).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_mood_feelings_and_tags_are_saved(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 3, tags=("work",), body="Before")
    stored(unlocked_controller, 2, tags=("work", "sleep"), body="Before too")
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_entry()
    qtbot.keyClicks(pane.editor.body, "Better today")
    qtbot.mouseClick(pane.editor.mood_picker.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.editor.feelings.more_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.editor.feelings.buttons["hopeful"], Qt.MouseButton.LeftButton)
    tag_input = pane.editor.tags.input
    qtbot.keyClicks(tag_input, "wo")
    assert pane.editor.tags.suggestions.stringList() == ["work"]  # from the journal's tags
    tag_input.clear()
    qtbot.keyClicks(tag_input, "family")
    qtbot.keyClick(tag_input, Qt.Key.Key_Return)
    pane.save_debouncer.flush()
    entry = next(e for e in saved_entries(unlocked_controller) if e.body == "Better today")
    assert (entry.mood, entry.feelings, entry.tags) == (4, ("hopeful",), ("family",))
    assert pane.filters.tag_combo.findData("family") > 0  # the filter knows the new tag


def test_a_new_entry_left_blank_leaves_no_trace(qtbot, unlocked_controller, clock) -> None:
    first = stored(unlocked_controller, 1, title="Yesterday")
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_entry()
    pane.open_entry(first.id)
    pane.new_entry("unsent_letter")
    pane.hide()
    assert [e.id for e in saved_entries(unlocked_controller)] == [first.id]


# ---- finding ----------------------------------------------------------------------------


def test_search_narrows_the_list_as_the_user_types(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 3, title="At the lake", body="Ducks and quiet")
    stored(unlocked_controller, 2, title="Work", body="A long meeting")
    stored(unlocked_controller, 1, title="Café", body="Coffee by the LAKE again")
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.filters.search_debouncer is not None
    shortcut(qtbot, pane.editor.body, Qt.Key.Key_F)
    assert pane.filters.search.hasFocus()
    qtbot.keyClicks(pane.filters.search, "lake")
    assert len(titles(pane)) == 3  # debounced: one search once the typing pauses
    qtbot.wait_until(lambda: titles(pane) == ["Café", "At the lake"], timeout=3000)
    assert pane.column.count_label.text() == "2 of 3 entries"
    search(qtbot, pane, "cafe coffee")  # accents and case ignored, every word must be there
    assert titles(pane) == ["Café"]
    search(qtbot, pane, "lighthouse")
    assert titles(pane) == []
    assert pane.column.stack.currentWidget() is pane.column.empty
    assert pane.column.empty_label.text().startswith("Nothing matches.")
    qtbot.mouseClick(pane.column.clear_button, Qt.MouseButton.LeftButton)
    assert len(titles(pane)) == 3 and pane.filters.search.text() == ""


def test_filters_combine(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 40, title="Old low", mood=2, tags=("sleep",))
    stored(unlocked_controller, 3, title="Low and tired", mood=2, tags=("sleep",))
    stored(unlocked_controller, 2, title="Low at work", mood=2, tags=("work",))
    stored(unlocked_controller, 1, title="Good night", mood=4, tags=("sleep",))
    stored(unlocked_controller, 1, "unsent_letter", title="Dear Sam", mood=2, tags=("sleep",))
    pane = make_pane(qtbot, unlocked_controller, clock)
    filters = pane.filters
    filters.mood_combo.setCurrentIndex(filters.mood_combo.findData(2))
    assert titles(pane) == ["Dear Sam", "Low at work", "Low and tired", "Old low"]
    filters.tag_combo.setCurrentIndex(filters.tag_combo.findData("sleep"))
    assert titles(pane) == ["Dear Sam", "Low and tired", "Old low"]
    filters.type_combo.setCurrentIndex(filters.type_combo.findData("entry"))
    assert titles(pane) == ["Low and tired", "Old low"]
    filters.when_combo.setCurrentIndex(filters.when_combo.findData("week"))
    assert titles(pane) == ["Low and tired"]
    assert filters.summary_label.text() == (
        "Showing only: Tag: sleep · Mood: low · Journal entries · Past 7 days"
    )
    assert filters.filters_button.text() == "Filters (4)"
    search(qtbot, pane, "nothing like this")
    assert titles(pane) == []
    qtbot.mouseClick(filters.clear_button, Qt.MouseButton.LeftButton)
    assert titles(pane) == [] and filters.search.text() == "nothing like this"
    search(qtbot, pane, "")
    assert len(titles(pane)) == 5 and not filters.summary_bar.isVisible()


def test_on_this_day_shows_earlier_years_and_weeks(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 365, title="A year back")  # 22 Nov 2025
    stored(unlocked_controller, 7, title="A week back")
    stored(unlocked_controller, 3, title="Not today's date")
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.mouseClick(pane.filters.view_buttons["on_this_day"], Qt.MouseButton.LeftButton)
    assert titles(pane) == ["A week back", "A year back"]
    notes = [pane.model.index(r).data(NOTE_ROLE) for r in range(2)]
    assert notes == ["A week ago", "A year ago"]
    assert pane.editor.title_edit.text() == "A week back"  # the view's first entry is open


# ---- trash ------------------------------------------------------------------------------


def test_trash_and_undo_right_away(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 2, title="Older")
    newer = stored(unlocked_controller, 1, title="A hard day", body="Words I want back")
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.editor.title_edit.text() == "A hard day"
    qtbot.mouseClick(pane.editor.trash_button, Qt.MouseButton.LeftButton)
    assert titles(pane) == ["Older"] and pane.editor.title_edit.text() == "Older"
    assert pane.column.undo_bar.isVisible()
    assert pane.column.undo_label.text() == "“A hard day” is in the trash."
    assert pane.column.undo_button.hasFocus()
    kept = journal_store.load_entry(unlocked_controller.vault, newer.id)
    assert kept.in_trash and kept.body == "Words I want back"
    qtbot.mouseClick(pane.column.undo_button, Qt.MouseButton.LeftButton)
    assert titles(pane) == ["A hard day", "Older"]
    assert pane.editor.title_edit.text() == "A hard day"
    assert not journal_store.load_entry(unlocked_controller.vault, newer.id).in_trash
    assert not pane.column.undo_bar.isVisible()


def test_restore_from_the_trash_view(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 1, title="Still here")
    gone = stored(unlocked_controller, 12, title="Deleted a while ago", trashed=True)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert titles(pane) == ["Still here"]
    qtbot.mouseClick(pane.filters.view_buttons["trash"], Qt.MouseButton.LeftButton)
    assert titles(pane) == ["Deleted a while ago"]
    assert pane.model.index(0).data(NOTE_ROLE) == "18 days left"
    editor = pane.editor
    assert editor.trash_bar.isVisible() and editor.body.isReadOnly()
    assert editor.trash_label.text() == (
        "This entry is in the trash. Deleted for good in 18 days, unless you restore it."
    )
    assert not editor.trash_button.isVisible() and not editor.mood_picker.isEnabled()
    qtbot.keyClicks(editor.body, "no")  # read-only: nothing changes, nothing is saved
    assert not pane.save_debouncer.pending
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert not journal_store.load_entry(unlocked_controller.vault, gone.id).in_trash
    assert titles(pane) == []
    assert pane.column.empty_label.text().startswith("The trash is empty.")
    assert "is back in your journal" in pane.column.undo_label.text()
    qtbot.mouseClick(pane.filters.view_buttons["all"], Qt.MouseButton.LeftButton)
    assert titles(pane) == ["Still here", "Deleted a while ago"]


def test_delete_for_good_asks_first(qtbot, unlocked_controller, clock) -> None:
    gone = stored(unlocked_controller, 2, title="Let it go", trashed=True)
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.filters.set_view("trash")
    qtbot.mouseClick(pane.editor.purge_button, Qt.MouseButton.LeftButton)
    box = pane.dialog
    assert isinstance(box, QMessageBox) and box.defaultButton().text() == "Keep it"
    next(b for b in box.buttons() if b.text() == "Delete for good").click()
    assert journal_store.load_entry(unlocked_controller.vault, gone.id) is None
    assert titles(pane) == [] and pane.entry_side.currentIndex() == WELCOME


# ---- kinds, prompts, export ---------------------------------------------------------------


def test_a_prompt_starts_a_reflection_with_its_words(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    shortcut(qtbot, pane.filters.search, Qt.Key.Key_P)
    assert pane.tabs.currentIndex() == PROMPTS_TAB
    prompt = pane.prompts.today_prompt
    assert prompt is not None and pane.prompts.today_text.text() == prompt.text
    qtbot.mouseClick(pane.prompts.today_button, Qt.MouseButton.LeftButton)
    assert pane.tabs.currentIndex() == ENTRY_TAB
    assert pane.editor.type_combo.currentData() == "reflection"
    assert pane.editor.prompt_box.isVisible() and pane.editor.prompt_label.text() == prompt.text
    qtbot.keyClicks(pane.editor.body, "Plainly: we stopped listening.")
    pane.save_debouncer.flush()
    (entry,) = saved_entries(unlocked_controller)
    assert (entry.entry_type, entry.prompt_id, entry.prompt_text) == (
        "reflection",
        prompt.id,
        prompt.text,
    )
    assert "You answered this on 22 Nov 2026." in pane.prompts.today_answered.text()


def test_a_prompt_chosen_by_theme(qtbot, unlocked_controller, clock) -> None:
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.show_prompts()
    theme = load_prompts().themes[1]
    qtbot.mouseClick(pane.prompts.theme_buttons[theme.id], Qt.MouseButton.LeftButton)
    wanted = load_prompts().in_theme(theme.id)[2]
    pane.prompts.list.setCurrentRow(2)
    qtbot.mouseClick(pane.prompts.answer_button, Qt.MouseButton.LeftButton)
    assert pane.editor.prompt_label.text() == wanted.text
    assert pane.session.entry.prompt_id == wanted.id


def test_an_unsent_letter_offers_no_way_to_copy_it(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 1, "unsent_letter", title="Dear Sam", body="I miss you.")
    pane = make_pane(qtbot, unlocked_controller, clock)
    editor = pane.editor
    assert editor.letter_bar.isVisible()
    assert "never offers to copy it" in editor.letter_label.text()
    buttons = [b.text() for b in pane.findChildren(QAbstractButton) if b.isVisible()]
    assert not [t for t in buttons if "copy" in t.lower() or "send" in t.lower()]
    menu = [a.text().replace("&", "") for a in editor.body.context_menu().actions()]
    assert not [t for t in menu if t.startswith(("Copy", "Cut"))]
    assert not editor.export_button.isEnabled()
    pane.export_current()
    assert pane.dialog is None  # no export of a letter, even asked directly
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("entry"))
    menu = [a.text().replace("&", "") for a in editor.body.context_menu().actions()]
    assert [t for t in menu if t.startswith("Copy")]  # an ordinary entry: the usual menu


def test_export_one_entry_after_the_warning(qtbot, unlocked_controller, clock, tmp_path) -> None:
    stored(unlocked_controller, 0.5, title="Keep this", body="A day worth keeping", mood=4)
    pane = make_pane(qtbot, unlocked_controller, clock)
    qtbot.mouseClick(pane.editor.export_button, Qt.MouseButton.LeftButton)
    box = pane.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == journal_store.EXPORT_ENTRY_WARNING
    next(b for b in box.buttons() if b.text().startswith("Choose where")).click()
    qtbot.wait_until(lambda: isinstance(pane.dialog, QFileDialog), timeout=3000)
    chooser = pane.dialog
    assert chooser.selectedFiles()[0].endswith("keep-this.md")
    target = tmp_path / "exported.md"
    chooser.fileSelected.emit(str(target))  # what choosing a file and "Save" does
    text = target.read_text(encoding="utf-8")
    assert "Keep this" in text and "A day worth keeping" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert str(target) in pane.editor.notice_label.text()


# ---- the chart --------------------------------------------------------------------------


def test_the_chart_is_fed_and_a_click_shows_that_day(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 9, title="Low", mood=2)
    stored(unlocked_controller, 4, title="Morning", mood=3)
    stored(unlocked_controller, 3.9, title="Evening", mood=5)
    stored(unlocked_controller, 1, title="No mood")
    stored(unlocked_controller, 2, title="Trashed", mood=1, trashed=True)
    plan = new_plan(NOW - timedelta(days=20), "Europe/Berlin", 30)
    countdown_store.save_plan(unlocked_controller.vault, plan)
    countdown_store.add_urge(unlocked_controller.vault, new_urge(NOW - timedelta(days=5), 7))
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.tabs.setCurrentIndex(CHART_TAB)
    chart = pane.chart
    data = chart.data()
    assert [(d.day, d.moods) for d in data.days] == [
        (date(2026, 11, 13), (2,)),
        (date(2026, 11, 18), (3, 5)),
    ]
    assert [(u.day, u.count) for u in data.urges] == [(date(2026, 11, 17), 1)]
    assert data.start_day == date(2026, 11, 2)
    qtbot.wait_until(lambda: chart.isVisible())
    where = chart.point_position(date(2026, 11, 18))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where.toPoint())
    assert pane.tabs.currentIndex() == ENTRY_TAB
    assert titles(pane) == ["Evening", "Morning"]
    assert pane.editor.title_edit.text() == "Evening"
    assert pane.filters.summary_label.text() == "Showing only: 18 Nov 2026"


# ---- locking ----------------------------------------------------------------------------


def unlock_again(qtbot, controller, pane: JournalPage) -> None:
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    qtbot.wait_until(lambda: pane.loaded, timeout=10000)


def test_lock_saves_the_last_keystrokes_then_clears_everything(
    qtbot, unlocked_controller, clock
) -> None:
    entry = stored(unlocked_controller, 1, title="Private title", body="Secret", mood=2)
    stored(unlocked_controller, 2, title="Another", tags=("hidden-tag",))
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.tabs.setCurrentIndex(CHART_TAB)
    assert pane.chart.data().days
    pane.tabs.setCurrentIndex(ENTRY_TAB)
    search(qtbot, pane, "secret")
    qtbot.keyClicks(pane.editor.body, " last words")
    assert pane.save_debouncer.pending
    unlocked_controller.lock()
    assert "Locked" in pane.state_page.message.text()
    assert pane.model.rowCount() == 0 and len(pane.library.index) == 0
    assert pane.library.by_id == {}
    assert pane.editor.body.toPlainText() == "" and pane.editor.title_edit.text() == ""
    assert pane.editor.mood_picker.mood() is None and pane.editor.tags.tags() == ()
    assert pane.filters.search.text() == "" and pane.filters.tag_combo.count() == 1
    assert pane.chart.data().days == () and not pane.save_debouncer.pending
    shown = [w.text() for w in pane.findChildren(QLabel)]
    shown += [w.text() for w in pane.findChildren(QLineEdit)]
    assert not [t for t in shown if "Secret" in t or "Private" in t or "hidden" in t]
    unlock_again(qtbot, unlocked_controller, pane)
    again = journal_store.load_entry(unlocked_controller.vault, entry.id)
    assert again.body == "Secret last words"
    assert pane.editor.body.toPlainText() == "Secret last words"  # open again, as it was
    assert not pane.editor.notice.isVisible()


def test_words_the_vault_refuses_at_lock_come_back_after_unlock(
    qtbot, unlocked_controller, clock
) -> None:
    """A real refusal: another connection holds the vault's write lock."""
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_entry()
    qtbot.keyClicks(pane.editor.body, "Lighthouse")
    writer = sqlite3.connect(unlocked_controller.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        unlocked_controller.lock()
    finally:
        writer.close()
    assert pane.editor.body.toPlainText() == "" and pane.session.entry is None
    files = [p for p in unlocked_controller.path.parent.rglob("*") if p.is_file()]
    assert files and not [p for p in files if b"Lighthouse" in p.read_bytes()]
    unlock_again(qtbot, unlocked_controller, pane)
    assert pane.editor.body.toPlainText() == "Lighthouse"
    assert pane.editor.notice.isVisible()
    assert "could not be saved before Reconnect locked" in pane.editor.notice_label.text()
    qtbot.wait_until(lambda: pane.editor.saved_label.text() == "Saved", timeout=5000)
    assert [e.body for e in saved_entries(unlocked_controller)] == ["Lighthouse"]
    assert titles(pane) == ["Lighthouse"]


# ---- coming back, keyboard, names -----------------------------------------------------------


def test_a_letter_written_elsewhere_appears_when_coming_back(
    qtbot, unlocked_controller, clock
) -> None:
    stored(unlocked_controller, 1, title="Mine")
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.hide()
    countdown_store.add_unsent_letter(unlocked_controller.vault, "What I wanted to say", "Sam")
    pane.show()
    assert titles(pane) == ["A letter to Sam I didn't send", "Mine"]


def test_every_control_has_an_accessible_name(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 1, title="Named", tags=("one",), feelings=("calm",))
    pane = make_pane(qtbot, unlocked_controller, clock, size=(700, 560))
    pane.filters.filters_button.setChecked(True)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QComboBox)
    controls = [w for w in pane.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]
    assert len(controls) > 20
    unnamed = [type(w).__name__ for w in controls if not w.accessibleName()]
    assert unnamed == []


def test_the_pane_opens_calmly_when_locked(qtbot, unlocked_controller, clock) -> None:
    unlocked_controller.lock()
    pane = JournalPage(JournalPane(unlocked_controller, now=clock))
    qtbot.add_widget(pane.pane)
    assert pane.state_page.message.text() == "Locked. Unlock Reconnect to see your journal."
    pane.new_entry()  # nothing happens while locked
    assert pane.session.entry is None


def test_shortcuts_work_while_the_sidebar_has_the_focus(qtbot, unlocked_controller, clock) -> None:
    # Ctrl+3 or a click in the sidebar leaves the focus there: Ctrl+P/N/F must still work.
    window = QWidget()
    qtbot.add_widget(window)
    row = QHBoxLayout(window)
    sidebar = QListWidget()
    sidebar.addItems(["Countdown", "Journal"])
    row.addWidget(sidebar)
    pane = JournalPage(JournalPane(unlocked_controller, now=clock))
    row.addWidget(pane.pane, 1)
    window.resize(1280, 780)
    with qtbot.wait_exposed(window):
        window.show()
    qtbot.wait_until(lambda: pane.loaded, timeout=10000)
    shortcut(qtbot, sidebar, Qt.Key.Key_P)
    assert pane.tabs.currentIndex() == PROMPTS_TAB
    shortcut(qtbot, sidebar, Qt.Key.Key_F)
    assert pane.filters.search.hasFocus()
    shortcut(qtbot, sidebar, Qt.Key.Key_N)
    assert pane.tabs.currentIndex() == ENTRY_TAB and pane.editor.body.hasFocus()


# ---- issue 17: the day an entry is about, search marks, the open entry follows the list --


def test_an_entry_can_be_about_an_earlier_day(qtbot, unlocked_controller, clock) -> None:
    from PySide6.QtCore import QDate

    stored(unlocked_controller, 5, title="Tuesday")
    stored(unlocked_controller, 2, title="Friday")
    pane = make_pane(qtbot, unlocked_controller, clock)
    pane.new_entry()
    day = pane.editor.day_edit
    assert day.date() == QDate(2026, 11, 22) and day.maximumDate() == QDate(2026, 11, 22)
    qtbot.keyClicks(pane.editor.body, "What Wednesday was like")
    day.setDate(QDate(2026, 11, 30))  # a day to come cannot be chosen
    assert day.date() <= QDate(2026, 11, 22)
    day.setDate(QDate(2026, 11, 18))  # chosen in its calendar
    pane.save_debouncer.flush()
    entry = next(e for e in saved_entries(unlocked_controller) if e.body.startswith("What"))
    assert entry.created == NOW  # when it was written stays true
    assert entry.dated is not None and entry.dated.date() == date(2026, 11, 18)
    # The list places it on its day, says that day, and a filter for the day finds it.
    assert titles(pane) == ["Friday", "What Wednesday was like", "Tuesday"]
    row = pane.model.row_of(entry.id)
    assert pane.model.date_of(pane.model.entry_at(row)) == "Wed 18 Nov"
    assert "Written on Sun 22 Nov 2026" in day.toolTip()
    assert pane.editor.day_note.text() == "Written on Sun 22 Nov"
    pane.pane.show_day(date(2026, 11, 18))
    assert titles(pane) == ["What Wednesday was like"]
    assert pane.editor.day() == date(2026, 11, 18)


def test_search_words_are_marked_in_the_list_and_in_the_open_entry(
    qtbot, unlocked_controller, clock
) -> None:
    stored(unlocked_controller, 3, title="At the lake", body="Ducks and quiet")
    stored(unlocked_controller, 1, title="Sunday", body="We walked by the LAKE. The lake was grey.")
    pane = make_pane(qtbot, unlocked_controller, clock)
    search(qtbot, pane, "lake")
    assert pane.model.search == ("lake",)
    delegate = pane.column.delegate
    marked = []
    for row in range(pane.model.rowCount()):
        entry, when, note = pane.model.row_words(row)
        text = delegate.row_text(entry, when, note, 400, False, pane.model.search)
        marked.append(
            [text.title[a:b] for a, b in text.title_marks]
            + [text.rest[a:b] for a, b in text.rest_marks]
        )
    assert marked == [["LAKE", "lake"], ["lake"]]  # Sunday: its body; At the lake: its title
    assert pane.editor.title_edit.text() == "Sunday"
    body = pane.editor.body.toPlainText()
    assert [body[a:b] for a, b in pane.editor.search_marks()] == ["LAKE", "lake"]
    search(qtbot, pane, "")
    assert pane.model.search == () and pane.editor.search_marks() == []


def test_the_open_entry_is_always_one_the_list_shows(qtbot, unlocked_controller, clock) -> None:
    stored(unlocked_controller, 3, title="At the lake", mood=4)
    stored(unlocked_controller, 1, title="Work", mood=2)
    pane = make_pane(qtbot, unlocked_controller, clock)
    assert pane.editor.title_edit.text() == "Work"
    search(qtbot, pane, "lake")  # the open entry is hidden: the first match opens
    assert titles(pane) == ["At the lake"] and pane.editor.title_edit.text() == "At the lake"
    assert pane.list.currentIndex().row() == 0
    search(qtbot, pane, "lighthouse")  # nothing matches: the calm welcome, no hidden entry
    assert pane.entry_side.currentIndex() == WELCOME and pane.pane.session.entry is None
    search(qtbot, pane, "")
    filters = pane.filters
    pane.open_entry(pane.model.entry_at(0).id)  # Work
    filters.mood_combo.setCurrentIndex(filters.mood_combo.findData(4))
    assert pane.editor.title_edit.text() == "At the lake"
    # A new entry is never hidden: the search and filters step aside for it.
    search(qtbot, pane, "lake")
    pane.new_entry()
    assert filters.search.text() == "" and not filters.has_filters()
    qtbot.keyClicks(pane.editor.body, "Fresh words")
    search(qtbot, pane, "lake")  # the new words are saved, then the first match opens
    assert pane.editor.title_edit.text() == "At the lake"
    assert any(e.body == "Fresh words" for e in saved_entries(unlocked_controller))


def test_nothing_is_squeezed_or_overlapping_in_the_smallest_window(
    qtbot, unlocked_controller, clock
) -> None:
    """Issue 17: at 720×480 (the pane is about 656×458 beside the narrow sidebar) an entry
    in the trash, with its prompt, keeps every control whole: the editor scrolls instead."""
    stored(
        unlocked_controller,
        3,
        "reflection",
        title="Couldn't sleep again",
        body="Words",
        mood=2,
        tags=("work", "walks"),
        prompt_id="what_went_wrong",
        prompt_text="What went wrong between us?",
        trashed=True,
    )
    stored(unlocked_controller, 1, title="A live one", body="Words " * 300)
    pane = make_pane(qtbot, unlocked_controller, clock, size=(656, 458))
    pane.filters.set_view("trash")
    editor = pane.editor
    assert editor.trash_bar.isVisible() and editor.prompt_box.isVisible()
    parts = [
        editor.trash_bar,
        editor.prompt_box,
        editor.body,
        editor.day_edit,
        editor.mood_picker,
        editor.feelings,
        editor.tags,
        editor.restore_button,
    ]
    qtbot.wait(100)  # the layout takes in the trash bar and the prompt
    content, viewport = editor.scroll_area.widget(), editor.scroll_area.viewport()
    assert content.width() <= viewport.width()  # nothing cut off at the right either
    for part in parts:  # each at least as tall as it needs to be
        assert part.height() >= part.minimumSizeHint().height(), part.accessibleName()
    boxes = [
        (
            p.accessibleName(),
            p.geometry().translated(
                p.parentWidget().mapTo(editor, p.parentWidget().rect().topLeft())
            ),
        )
        for p in parts[2:7]
    ]
    for (name, box), (other, next_box) in pairwise(boxes):
        assert box.bottom() < next_box.top(), f"{name} overlaps {other}"
    # The actions stay in view below the scrolling part.
    pane.filters.set_view("all")
    qtbot.wait_until(lambda: editor.trash_button.isVisible(), timeout=3000)
    trash = editor.trash_button
    assert editor.rect().contains(trash.geometry().translated(trash.parentWidget().pos()))
