"""The first-run setup and unlock dialogs, driven through their widgets."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from reconnect_gui.storage.errors import VaultDamaged, WrongSecret
from reconnect_gui.ui.vault.setup_dialog import VaultSetupDialog
from reconnect_gui.ui.vault.unlock_dialog import WRONG_SECRET, UnlockDialog

CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"


def make_setup(qtbot, calls: list, fail_first: bool = False) -> VaultSetupDialog:
    def create(code: str, passphrase: str | None) -> object:
        calls.append((code, passphrase, threading.current_thread().name))
        if fail_first and len(calls) == 1:
            raise VaultDamaged("The disk is full.")
        return "opened"

    dialog = VaultSetupDialog(CODE, create)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_setup_shows_the_code_and_waits_for_confirmation(qtbot) -> None:
    dialog = make_setup(qtbot, [])
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    assert dialog.code_view.code_label.text() == CODE
    assert not dialog.code_next.isEnabled()
    dialog.code_view.confirm.setChecked(True)
    assert dialog.code_next.isEnabled()


def test_setup_saves_the_code_to_a_private_file(qtbot, tmp_path: Path) -> None:
    dialog = make_setup(qtbot, [])
    target = tmp_path / "code.txt"
    dialog.code_view.save_code_to(target)
    assert CODE in target.read_text()
    assert target.stat().st_mode & 0o077 == 0
    assert str(target) in dialog.code_view.saved_status.text()


def test_passphrase_must_be_long_enough_and_match(qtbot) -> None:
    calls: list = []
    dialog = make_setup(qtbot, calls)
    dialog.pages.setCurrentIndex(2)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert "at least" in dialog.problem.text()
    dialog.passphrase.setText("long enough 1")
    dialog.repeat.setText("long enough 2")
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.problem.text()
    assert calls == []


def test_finishing_creates_the_vault_off_the_ui_thread(qtbot) -> None:
    calls: list = []
    dialog = make_setup(qtbot, calls)
    dialog.pages.setCurrentIndex(2)
    dialog.passphrase.setText("a calm passphrase")
    dialog.repeat.setText("a calm passphrase")
    with qtbot.wait_signal(dialog.created) as created:
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert created.args == ["opened"]
    assert calls == [(CODE, "a calm passphrase", "reconnect-background")]
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""


def test_a_failed_setup_says_so_and_can_be_retried(qtbot) -> None:
    calls: list = []
    dialog = make_setup(qtbot, calls, fail_first=True)
    dialog.pages.setCurrentIndex(2)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: "Nothing was saved" in dialog.problem.text())
    assert dialog.skip_button.isEnabled()
    with qtbot.wait_signal(dialog.created):
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert [c[1] for c in calls] == [None, None]


def make_unlock(qtbot) -> UnlockDialog:
    def unlock(secret: str, _keep_key: bool) -> object:
        if secret != "right one":
            raise WrongSecret("no")
        return "opened"

    dialog = UnlockDialog("Your keyring is locked.", unlock)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_unlock_explains_why_and_reports_a_wrong_secret(qtbot) -> None:
    dialog = make_unlock(qtbot)
    assert dialog.reason.text() == "Your keyring is locked."
    qtbot.keyClicks(dialog.secret, "wrong one")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: dialog.status.text() == WRONG_SECRET)
    assert dialog.unlock_button.isEnabled()
    assert dialog.isVisible()


def test_unlock_with_the_right_secret_emits_and_forgets_it(qtbot) -> None:
    dialog = make_unlock(qtbot)
    dialog.secret.setText("right one")
    with qtbot.wait_signal(dialog.unlocked) as unlocked:
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert unlocked.args == ["opened"]
    assert dialog.secret.text() == ""
    assert not dialog.isVisible()


def fully_shown(label, dialog) -> bool:
    """The label has all the height its wrapped text needs, inside the dialog."""
    needed = label.heightForWidth(label.width())
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    return label.height() >= needed and bottom <= dialog.height()


def test_the_wrong_passphrase_message_is_not_clipped(qtbot) -> None:
    dialog = make_unlock(qtbot)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.secret, "wrong one")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: dialog.status.text() == WRONG_SECRET)
    qtbot.wait_until(lambda: fully_shown(dialog.status, dialog))
    qtbot.wait(50)  # and it stays so once every layout pass is done
    assert fully_shown(dialog.status, dialog)
    assert fully_shown(dialog.reason, dialog)


def test_a_problem_while_setting_up_is_shown_whole(qtbot) -> None:
    calls: list = []
    dialog = make_setup(qtbot, calls, fail_first=True)
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentIndex(2)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: "Nothing was saved" in dialog.problem.text())
    qtbot.wait_until(lambda: fully_shown(dialog.problem, dialog))
    qtbot.wait(50)
    assert fully_shown(dialog.problem, dialog)
