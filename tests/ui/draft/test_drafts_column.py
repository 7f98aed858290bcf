"""The drafts column and the welcome: a new draft asks which kind (issue 17)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.ui.draft.drafts_column import DraftsColumn
from reconnect_gui.ui.draft.pages import WelcomePage

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


def test_new_draft_asks_text_letter_or_logistics(qtbot) -> None:
    column = DraftsColumn(lambda: NOW)
    qtbot.add_widget(column)
    column.show_drafts([drafts.new_draft("letter", NOW, body="Dear Sam")], "UTC")
    # The button opens a choice instead of copying the last draft's kind.
    assert column.new_button.menu() is column.kind_menu
    choices = [(a.data(), a.text()) for a in column.kind_menu.actions()]
    assert [kind for kind, _words in choices] == ["text", "letter", "logistics"]
    assert all(words for _kind, words in choices)
    asked: list[str] = []
    column.new_requested.connect(asked.append)
    for action in column.kind_menu.actions():
        action.trigger()
    assert asked == ["text", "letter", "logistics"]


def test_the_welcome_offers_logistics_too(qtbot) -> None:
    welcome = WelcomePage()
    qtbot.add_widget(welcome)
    asked: list[str] = []
    welcome.new_requested.connect(asked.append)
    for button in (
        welcome.write_text_button,
        welcome.write_letter_button,
        welcome.write_logistics_button,
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["text", "letter", "logistics"]


# The menu pops up: offscreen, a popup cannot grab the keyboard (a real screen can).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_ctrl_n_can_open_the_same_choice_without_waiting(qtbot) -> None:
    column = DraftsColumn(lambda: NOW)
    qtbot.add_widget(column)
    column.show_drafts([], "UTC")
    assert column.ask_kind() is False  # hidden while there are no drafts: the welcome asks
    column.show_drafts([drafts.new_draft("text", NOW, body="Hi")], "UTC")
    column.show()
    assert column.ask_kind() is True
    qtbot.wait_until(column.kind_menu.isVisible)
    column.kind_menu.close()
