"""The safety note: plain words, no numbers or addresses, one way to close it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from reconnect_gui.ui.countdown.safety_note import SAFETY_LINK_TEXT, SafetyNoteDialog


def opened(qtbot) -> SafetyNoteDialog:
    dialog = SafetyNoteDialog()
    qtbot.add_widget(dialog)
    dialog.open()
    return dialog


def all_text(dialog: QDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_note_says_plainly_not_to_go_back(qtbot) -> None:
    dialog = opened(qtbot)
    text = all_text(dialog)
    assert dialog.windowTitle() == SAFETY_LINK_TEXT
    assert "afraid" in text and "controlled" in text
    assert "don't go back" in text
    assert "don't contact them" in text
    assert "No Contact is there to protect you" in text


def test_the_note_points_to_help_in_general_terms(qtbot) -> None:
    text = all_text(opened(qtbot))
    assert "emergency number" in text
    assert "domestic abuse or domestic violence helpline in your country" in text
    assert "doctor" in text and "someone you trust" in text


def test_the_note_names_no_phone_number_or_address(qtbot) -> None:
    dialog = opened(qtbot)
    text = all_text(dialog) + dialog.windowTitle()
    assert not re.search(r"\d", text)  # no phone numbers (nor 911/112-style numbers)
    assert not re.search(r"https?:|www\.|\.(org|com|net|uk|de)\b|@", text, re.IGNORECASE)
    assert not any(label.openExternalLinks() for label in dialog.findChildren(QLabel))


def test_one_close_button_closes_it(qtbot) -> None:
    dialog = opened(qtbot)
    buttons = dialog.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Close"]
    assert dialog.close_button.accessibleName() == "Close"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_the_link_text_is_short_and_kind() -> None:
    assert SAFETY_LINK_TEXT == "If this relationship hurt you"
