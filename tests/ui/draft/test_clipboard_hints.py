"""What the app copies tells clipboard managers to keep it out of their history
(``x-kde-passwordManagerHint: secret``): the real QClipboard, a real vault, real keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from helpers.pages import DraftPage
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.storage.draft_store import save_draft
from reconnect_gui.ui.draft.clipboard_guard import ClipboardGuard
from reconnect_gui.ui.draft.draft_pane import DraftPane
from reconnect_gui.ui.vault.recovery_code import RecoveryCodeView

DRAFT = "Hi Sam, I walked past the lake today and thought of the ducks. How have you been?"
CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"
NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin: not late at night
HINT = "x-kde-passwordManagerHint"


@pytest.fixture
def clipboard():
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def hint_on(clipboard) -> bytes:
    data = clipboard.mimeData()
    return b"" if data is None else bytes(data.data(HINT).data())


@pytest.mark.parametrize("with_guard", [True, False])
def test_a_copied_draft_is_marked_secret_for_clipboard_managers(
    qtbot, clipboard, unlocked_controller, clock, monkeypatch, with_guard
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    save_draft(
        unlocked_controller.vault, drafts.new_draft("text", NOW - timedelta(hours=20), body=DRAFT)
    )
    guard = ClipboardGuard(60) if with_guard else None
    pane = DraftPage(DraftPane(unlocked_controller, now=clock, clipboard_guard=guard))
    qtbot.add_widget(pane.pane)
    with qtbot.wait_exposed(pane.pane):
        pane.show()
    assert pane.banner_state == "ready"
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == DRAFT
    assert hint_on(clipboard) == b"secret"


def test_the_recovery_code_copied_with_the_keyboard_is_marked_secret(qtbot, clipboard) -> None:
    view = RecoveryCodeView(CODE, find_media=list)
    qtbot.add_widget(view)
    with qtbot.wait_exposed(view):
        view.show()
    label = view.code_label
    label.setSelection(0, len(CODE))  # as a person drags over it
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == CODE
    assert hint_on(clipboard) == b"secret"


def test_the_recovery_codes_copy_menu_is_marked_secret(qtbot, clipboard) -> None:
    view = RecoveryCodeView(CODE, find_media=list)
    qtbot.add_widget(view)
    view.show()
    menu = view.code_label.copy_menu()
    copy = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Copy"))
    copy.trigger()
    assert clipboard.text() == CODE
    assert hint_on(clipboard) == b"secret"
