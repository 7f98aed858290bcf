"""The journal editor on its own: Markdown shown cleanly, mood faces, feelings, tags, kinds."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QTextCharFormat
from PySide6.QtTest import QSignalSpy

from reconnect_gui.core.journal.entry import MOOD_WORDS, JournalEntry, edited, new_entry
from reconnect_gui.core.journal.query import TagCount
from reconnect_gui.ui.journal.editor import LETTER_PAPER, JournalEditor, words_text
from reconnect_gui.ui.widgets.colours import severity_colour

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


def entry(**fields) -> JournalEntry:
    kind = fields.pop("entry_type", "entry")
    prompt = fields.pop("prompt_text", "")
    base = new_entry(NOW, kind, prompt_id="what_went_wrong" if prompt else None, prompt_text=prompt)
    return dataclasses.replace(edited(base, **fields), id="e1")


@pytest.fixture
def editor(qtbot) -> JournalEditor:
    widget = JournalEditor()
    qtbot.add_widget(widget)
    widget.resize(760, 640)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def format_at(editor: JournalEditor, line: int, position: int):
    """The highlighter's format for one character (the last range that covers it)."""
    block = editor.body.document().findBlockByNumber(line)
    ranges = block.layout().formats()
    found = [r for r in ranges if r.start <= position < r.start + r.length]
    return QTextCharFormat(found[-1].format) if found else None  # a copy: the range is temporary


def test_light_markdown_is_shown_cleanly(editor: JournalEditor) -> None:
    editor.show_entry(
        entry(body="# A day\nSome **bold** and *soft* words\n- a list item\n> quoted")
    )
    base = editor.body.font().pointSizeF()
    muted = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    accent = editor.palette().color(QPalette.ColorRole.Highlight)
    title = format_at(editor, 0, 3)
    assert title.fontWeight() == QFont.Weight.Bold and title.fontPointSize() > base * 1.3
    assert format_at(editor, 0, 0).foreground().color() == muted  # the "#" quietly
    text = "Some **bold** and *soft* words"
    assert format_at(editor, 1, text.index("bold")).fontWeight() == QFont.Weight.Bold
    assert format_at(editor, 1, text.index("soft")).fontItalic()
    for mark in (text.index("**"), text.index("*soft"), text.index("* words")):
        assert format_at(editor, 1, mark).foreground().color() == muted
    assert format_at(editor, 1, 0) is None  # plain words stay plain
    assert format_at(editor, 2, 0).foreground().color() == accent  # the list mark
    assert format_at(editor, 3, 3).fontItalic()  # a quote
    assert editor.body.toPlainText().startswith("# A day")  # the words stay as typed


def test_opening_is_not_an_edit_but_typing_is(qtbot, editor: JournalEditor) -> None:
    edits = QSignalSpy(editor.edited)
    editor.show_entry(entry(title="Sunday", body="Quiet", mood=3, tags=("walks",)))
    assert edits.count() == 0
    qtbot.keyClicks(editor.body, " day")
    assert edits.count() == 4
    qtbot.wait_until(lambda: editor.words_label.text() == "2 words")
    assert editor.values() == {
        "day": editor.day(),  # the day it is about (issue 17): the day it was written
        "title": "Sunday",
        "body": "Quiet day",
        "mood": 3,
        "feelings": (),
        "tags": ("walks",),
        "entry_type": "entry",
    }
    assert words_text(1) == "1 word" and words_text(1200) == "1,200 words"


def test_mood_faces_have_words_and_can_be_cleared(qtbot, editor: JournalEditor) -> None:
    picker = editor.mood_picker
    names = [b.accessibleName() for b in picker.buttons.values()]
    assert names == [f"Mood: {MOOD_WORDS[level]}" for level in range(1, 6)]
    assert picker.words.text() == "No mood chosen"
    qtbot.mouseClick(picker.buttons[2], Qt.MouseButton.LeftButton)
    assert picker.mood() == 2 and picker.words.text() == "Low"
    assert picker.buttons[2].isChecked() and not picker.buttons[4].isChecked()
    qtbot.mouseClick(picker.buttons[5], Qt.MouseButton.LeftButton)
    assert picker.mood() == 5 and not picker.buttons[2].isChecked()
    qtbot.mouseClick(picker.buttons[5], Qt.MouseButton.LeftButton)  # again: no mood
    assert picker.mood() is None and picker.words.text() == "No mood chosen"
    picker.buttons[3].setFocus()
    qtbot.keyClick(picker.buttons[3], Qt.Key.Key_Space)  # the keyboard works too
    assert picker.mood() == 3


def test_feelings_fold_to_the_chosen_ones(qtbot, editor: JournalEditor) -> None:
    chips = editor.feelings
    editor.show_entry(entry(body="x", feelings=("lonely", "hopeful")))
    shown = [f for f, chip in chips.buttons.items() if chip.isVisible()]
    assert shown == ["lonely", "hopeful"] and chips.more_button.text() == "More…"
    qtbot.mouseClick(chips.more_button, Qt.MouseButton.LeftButton)
    assert all(chip.isVisible() for chip in chips.buttons.values())
    assert chips.more_button.text() == "Done"
    qtbot.mouseClick(chips.buttons["calm"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chips.buttons["lonely"], Qt.MouseButton.LeftButton)
    assert chips.feelings() == ("calm", "hopeful")  # in the app's order, not the clicks'
    editor.show_entry(entry(body="y"))
    assert not any(chip.isVisible() for chip in chips.buttons.values())
    assert chips.more_button.text() == "Add how you feel…"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_tags_are_added_suggested_and_removed(qtbot, editor: JournalEditor) -> None:
    tags = editor.tags
    editor.set_tag_counts([TagCount("work", 9), TagCount("walks", 4), TagCount("sleep", 2)])
    editor.show_entry(entry(body="x", tags=("sleep",)))
    qtbot.keyClicks(tags.input, "w")
    assert tags.suggestions.stringList() == ["work", "walks"]  # most used first
    tags.input.clear()
    qtbot.keyClicks(tags.input, "ee")
    assert tags.suggestions.stringList() == []  # "sleep" is on the entry already
    tags.input.clear()
    qtbot.keyClicks(tags.input, "Family,")
    qtbot.keyClicks(tags.input, "family")
    qtbot.keyClick(tags.input, Qt.Key.Key_Return)
    assert tags.tags() == ("sleep", "Family")  # the same tag in other case: once
    chip = next(c for c in tags._chips if c.accessibleName() == "Remove tag sleep")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert tags.tags() == ("Family",)
    qtbot.keyClick(tags.input, Qt.Key.Key_Backspace)
    assert tags.tags() == ()


def test_an_unsent_letter_looks_like_a_letter(editor: JournalEditor) -> None:
    editor.show_entry(entry(entry_type="unsent_letter", body="Dear Sam"))
    assert editor.letter_bar.isVisible() and not editor.prompt_box.isVisible()
    paper = editor.body.palette().color(QPalette.ColorRole.Base).name()
    assert paper == LETTER_PAPER[0]
    assert editor.body.font().family() != editor.title_edit.font().family()
    assert editor.body.placeholderText().startswith("Dear")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("entry"))
    assert not editor.letter_bar.isVisible()
    assert editor.body.palette().color(QPalette.ColorRole.Base).name() != LETTER_PAPER[0]


def test_a_reflection_shows_its_prompt_above_the_words(editor: JournalEditor) -> None:
    question = "What went wrong between us, put as plainly as I can today?"
    editor.show_entry(entry(entry_type="reflection", prompt_text=question))
    assert editor.prompt_box.isVisible() and editor.prompt_label.text() == question
    editor.show_entry(entry(body="plain"))
    assert not editor.prompt_box.isVisible()


def test_an_entry_in_the_trash_is_read_only(editor: JournalEditor) -> None:
    editor.show_entry(entry(body="Gone"), read_only=True, trash_note="In the trash.")
    assert editor.trash_bar.isVisible() and editor.trash_label.text() == "In the trash."
    assert editor.body.isReadOnly() and editor.title_edit.isReadOnly()
    assert not editor.tags.isEnabled() and not editor.type_combo.isEnabled()
    assert not editor.trash_button.isVisible() and not editor.export_button.isVisible()


def test_a_failed_save_says_why_in_the_problem_colour(editor: JournalEditor) -> None:
    quiet = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    editor.set_saved("Not saved", "The disk is full.")
    assert editor.saved_label.toolTip() == "The disk is full."
    shown = editor.saved_label.palette().color(QPalette.ColorRole.PlaceholderText)
    assert shown == severity_colour("problem", dark=False) != quiet
    editor.set_saved("Saved")
    assert editor.saved_label.palette().color(QPalette.ColorRole.PlaceholderText) == quiet
    assert editor.saved_label.toolTip() == "Encrypted, on this computer"


def test_forget_drops_every_word(editor: JournalEditor) -> None:
    editor.set_tag_counts([TagCount("secret-tag", 3)])
    editor.show_entry(entry(title="T", body="Words", mood=2, tags=("x",), feelings=("sad",)))
    editor.show_notice("About “T”")
    editor.forget()
    assert editor.values()["body"] == "" and editor.title_edit.text() == ""
    assert editor.mood_picker.mood() is None and editor.feelings.feelings() == ()
    assert editor.tags.tags() == () and editor.tags._counts == []
    assert editor.notice_label.text() == "" and editor.words_label.text() == ""
    assert editor.body.document().isUndoAvailable() is False
