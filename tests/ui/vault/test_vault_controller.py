"""The vault in the GUI with real parts: a real vault file, real cryptography, and a
working keyring backend installed with keyring.set_keyring (in memory)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from reconnect_gui.storage.errors import WrongSecret
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.unlock import vault_file
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.ui.settings.security_section import SecuritySection
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.vault.setup_dialog import VaultSetupDialog
from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.add_widget(widget)
    return widget


def started(qtbot, window: QWidget, data_dir: Path) -> VaultController:
    controller = VaultController(data_dir, window)
    controller.start()
    qtbot.wait_until(lambda: controller.state != "checking", timeout=20000)
    return controller


def set_up(qtbot, window: QWidget, data_dir: Path) -> tuple[VaultController, str]:
    controller = started(qtbot, window, data_dir)
    assert controller.state == VaultState.NEEDS_SETUP
    dialog = controller.dialog
    assert isinstance(dialog, VaultSetupDialog)
    code = dialog.code_view.code_label.text()
    dialog.pages.setCurrentIndex(2)
    dialog.skip_button.click()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    return controller, code


def test_first_run_sets_up_and_the_next_start_unlocks_quietly(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller, _ = set_up(qtbot, window, tmp_path)
    controller.vault.put(JOURNAL_ENTRY, {"title": "kept"})
    assert vault_file(tmp_path).exists()
    qtbot.wait_until(lambda: len(list((tmp_path / "snapshots").glob("vault-*.sqlite3"))) == 1)
    assert len(memory_keyring.entries) == 1
    controller.lock()
    assert controller.state == VaultState.LOCKED and controller.vault is None

    again = started(qtbot, window, tmp_path)
    assert again.state == VaultState.UNLOCKED and again.dialog is None
    records, damaged = again.vault.records(JOURNAL_ENTRY)
    assert [r.data["title"] for r in records] == ["kept"] and damaged == []
    again.lock()


def test_a_lost_keyring_entry_asks_for_the_code_and_puts_the_key_back(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller, code = set_up(qtbot, window, tmp_path)
    controller.lock()
    memory_keyring.entries.clear()

    again = started(qtbot, window, tmp_path)
    assert again.state == VaultState.LOCKED
    dialog = again.dialog
    assert isinstance(dialog, UnlockDialog)
    again.show_unlock()  # the sidebar's Unlock… while the dialog is open: no second one
    assert again.dialog is dialog
    assert "no key stored" in dialog.reason.text()
    dialog.secret.setText(code.lower().replace("-", " "))
    dialog.keep_key.setChecked(True)  # the person's own choice
    dialog.submit()
    qtbot.wait_until(lambda: again.state == VaultState.UNLOCKED, timeout=20000)
    assert len(memory_keyring.entries) == 1, "the key goes back into the keyring"
    again.lock()


def test_a_key_taken_out_on_purpose_stays_out_after_an_unlock_with_the_code(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller, code = set_up(qtbot, window, tmp_path)
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    section.forget_key()
    section.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.wait_until(lambda: controller.state == VaultState.LOCKED, timeout=20000)
    assert memory_keyring.entries == {}

    controller.show_unlock()
    dialog = controller.dialog
    assert isinstance(dialog, UnlockDialog) and not dialog.keep_key.isChecked()
    dialog.secret.setText(code)
    dialog.submit()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    assert memory_keyring.entries == {}, "nothing put the key back without being asked"
    controller.lock()


def test_a_start_hidden_in_the_tray_asks_for_nothing_until_the_window_opens(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    fresh = VaultController(tmp_path / "empty", window)
    fresh.start(ask=False)
    qtbot.wait_until(lambda: fresh.state != "checking", timeout=20000)
    assert fresh.state == VaultState.NEEDS_SETUP and fresh.dialog is None

    controller, _code = set_up(qtbot, window, tmp_path)
    controller.lock()
    memory_keyring.entries.clear()
    hidden = VaultController(tmp_path, window)
    hidden.start(ask=False)
    qtbot.wait_until(lambda: hidden.state != "checking", timeout=20000)
    assert hidden.state == VaultState.LOCKED and hidden.dialog is None
    hidden.show_unlock()  # what opening the window from the tray does
    assert isinstance(hidden.dialog, UnlockDialog)
    assert "no key stored" in hidden.dialog.reason.text()


def test_a_damaged_vault_is_explained_and_left_untouched(qtbot, window, tmp_path) -> None:
    path = vault_file(tmp_path)
    path.write_bytes(b"this is not a vault" * 100)
    controller = started(qtbot, window, tmp_path)
    assert controller.state == VaultState.DAMAGED
    assert isinstance(controller.dialog, QMessageBox)
    assert str(path) in controller.dialog.text()
    assert path.read_bytes() == b"this is not a vault" * 100


def test_security_section_changes_secrets_and_forgets_the_key(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller, old_code = set_up(qtbot, window, tmp_path)
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    assert section.passphrase_button.isEnabled()

    section.change_passphrase()
    section.dialog.passphrase.setText("a calm passphrase")
    section.dialog.repeat.setText("a calm passphrase")
    section.dialog.submit()
    qtbot.wait_until(lambda: "changed" in section.status.text(), timeout=20000)
    assert controller.has_passphrase()

    section.new_recovery_code()
    new_code = section.dialog.code_view.code_label.text()
    section.dialog.code_view.confirm.setChecked(True)
    section.dialog.current.setText("a calm passphrase")
    section.dialog.submit()
    qtbot.wait_until(lambda: "new recovery code" in section.status.text(), timeout=20000)
    assert "the old code opens nothing you write from now on" in section.status.text()
    with open_vault(vault_file(tmp_path)) as locked:
        vault, _ = locked.unlock_with_secret(new_code)
        vault.close()
    with open_vault(vault_file(tmp_path)) as locked, pytest.raises(WrongSecret):
        locked.unlock_with_secret(old_code)

    kept = controller.vault.put(JOURNAL_ENTRY, {"title": "still readable"})
    section.rotate_key()
    rotated_code = section.dialog.code_view.code_label.text()
    section.dialog.code_view.confirm.setChecked(True)
    section.dialog.current.setText(new_code)  # the recovery code answers it too
    section.dialog.passphrase.setText("a new passphrase")
    section.dialog.repeat.setText("a new passphrase")
    section.dialog.submit()
    qtbot.wait_until(lambda: "Everything is now" in section.status.text(), timeout=30000)
    (new_key,) = (base64.b64decode(v) for v in memory_keyring.entries.values())
    with open_vault(vault_file(tmp_path)) as locked:
        vault = locked.unlock_with_key(new_key)
        assert vault.get(kept.id).data == {"title": "still readable"}
        vault.close()
    with open_vault(vault_file(tmp_path)) as locked:
        vault, _ = locked.unlock_with_secret(rotated_code)
        vault.close()

    section.forget_key()
    section.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.wait_until(lambda: controller.state == VaultState.LOCKED, timeout=20000)
    assert memory_keyring.entries == {}
    assert not section.passphrase_button.isEnabled()


def set_up_with_passphrase(qtbot, window, data_dir, passphrase: str, **options):
    controller = VaultController(data_dir, window, **options)
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.NEEDS_SETUP, timeout=20000)
    dialog = controller.dialog
    dialog.pages.setCurrentIndex(2)
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(passphrase)
    dialog.finish_button.click()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    return controller


def test_app_lock_keeps_the_key_out_of_the_keyring_and_locks_when_idle(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller = set_up_with_passphrase(qtbot, window, tmp_path, "a calm passphrase")
    with qtbot.wait_signal(controller.app_lock_changed) as changed:
        controller.set_app_lock(5)
    assert changed.args == [5] and memory_keyring.entries == {}
    controller.lock()

    # Next start: asks for the passphrase at once, and idles out after "5 minutes".
    again = VaultController(tmp_path, window, app_lock_minutes=5, minute_ms=40)
    again.start()
    qtbot.wait_until(lambda: again.state == VaultState.LOCKED, timeout=20000)
    assert isinstance(again.dialog, UnlockDialog)
    assert "app lock is on" in again.dialog.reason.text()
    again.dialog.secret.setText("a calm passphrase")
    again.dialog.submit()
    qtbot.wait_until(lambda: again.state == VaultState.UNLOCKED, timeout=20000)
    assert memory_keyring.entries == {}, "the app lock keeps the key out of the keyring"
    assert again.idle.armed
    qtbot.wait_until(lambda: again.state == VaultState.LOCKED, timeout=5000)
    assert again.vault is None and not again.idle.armed
    assert "locked itself" in again.dialog.reason.text()

    again.dialog.secret.setText("a calm passphrase")
    again.dialog.submit()
    qtbot.wait_until(lambda: again.state == VaultState.UNLOCKED, timeout=20000)
    with qtbot.wait_signal(again.app_lock_changed):
        again.set_app_lock(0)
    assert len(memory_keyring.entries) == 1 and not again.idle.armed
    again.lock()


def test_the_app_lock_needs_a_passphrase(qtbot, window, tmp_path, memory_keyring) -> None:
    controller, _code = set_up(qtbot, window, tmp_path)
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    section.app_lock.activated.emit(2)  # what choosing "After 15 minutes" does
    assert "Set a passphrase first" in section.status.text()
    assert section.app_lock.currentIndex() == 0
    assert controller.app_lock_minutes == 0 and len(memory_keyring.entries) == 1
    controller.lock()


def test_an_app_lock_change_the_keyring_refuses_changes_nothing(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    import keyring

    from helpers.fake_keyrings import LockedKeyring

    controller = set_up_with_passphrase(qtbot, window, tmp_path, "a calm passphrase")
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    keyring.set_keyring(LockedKeyring())  # restored by the memory_keyring fixture
    with qtbot.wait_signal(controller.app_lock_failed, timeout=20000) as failed:
        section.app_lock.activated.emit(1)
    assert "locked" in failed.args[0].lower()
    assert controller.app_lock_minutes == 0 and section.app_lock.currentIndex() == 0
    assert failed.args[0] == section.status.text()
    controller.lock()


def test_locking_is_announced_while_the_vault_is_still_open(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller, _ = set_up(qtbot, window, tmp_path)
    saved: list[str] = []
    # A pane saving its last keystrokes when the vault locks.
    controller.locking.connect(
        lambda: saved.append(controller.vault.put(JOURNAL_ENTRY, {"title": "last words"}).id)
    )
    controller.lock()
    assert controller.state == VaultState.LOCKED and len(saved) == 1
    again = started(qtbot, window, tmp_path)
    records, _ = again.vault.records(JOURNAL_ENTRY)
    assert [r.data["title"] for r in records] == ["last words"]
    again.lock()


def test_a_changed_passphrase_replaces_the_key_in_the_keyring_too(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller = set_up_with_passphrase(qtbot, window, tmp_path, "a calm passphrase")
    (old_key,) = memory_keyring.entries.values()
    snapshots = tmp_path / "snapshots"
    qtbot.wait_until(lambda: len(list(snapshots.glob("vault-*.sqlite3"))) == 1, timeout=20000)
    (old_snapshot,) = snapshots.glob("vault-*.sqlite3")
    old_copy = tmp_path / "kept-by-hand.sqlite3"  # the test's own look at the old copy
    old_copy.write_bytes(old_snapshot.read_bytes())
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    section.change_passphrase()
    section.dialog.current.setText("a calm passphrase")
    section.dialog.passphrase.setText("another calm passphrase")
    section.dialog.repeat.setText("another calm passphrase")
    section.dialog.submit()
    qtbot.wait_until(lambda: "new key" in section.status.text(), timeout=20000)
    assert "automatic copies were made again" in section.status.text()
    assert list(memory_keyring.entries.values()) != [old_key]
    # The copy made under the old key is gone; today's copy opens only with the new secret.
    (new_snapshot,) = snapshots.glob("vault-*.sqlite3")
    with open_vault(new_snapshot) as locked:
        with pytest.raises(WrongSecret):
            locked.unlock_with_secret("a calm passphrase")
        locked.unlock_with_secret("another calm passphrase")[0].close()
    with open_vault(old_copy) as locked:
        locked.unlock_with_secret("a calm passphrase")[0].close()  # only a copy by hand
    controller.lock()
    again = started(qtbot, window, tmp_path)  # the next start still opens on its own
    assert again.state == VaultState.UNLOCKED
    again.lock()


def test_changing_a_secret_asks_for_the_current_passphrase_first(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller = set_up_with_passphrase(qtbot, window, tmp_path, "a calm passphrase")
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    section.change_passphrase()
    dialog = section.dialog
    dialog.passphrase.setText("taken over by someone else")
    dialog.repeat.setText("taken over by someone else")
    dialog.submit()
    assert "current passphrase first" in dialog.status.text() and dialog.isVisible()
    dialog.current.setText("a wrong guess at it")
    dialog.submit()
    qtbot.wait_until(lambda: "not your current passphrase" in dialog.status.text(), timeout=20000)
    assert dialog.isVisible() and dialog.action_button.isEnabled()
    assert controller.vault.opens_with("a calm passphrase")
    assert not controller.vault.opens_with("taken over by someone else")
    controller.lock()


def test_turning_the_app_lock_off_asks_for_the_passphrase(
    qtbot, window, tmp_path, memory_keyring
) -> None:
    controller = set_up_with_passphrase(qtbot, window, tmp_path, "a calm passphrase")
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    with qtbot.wait_signal(controller.app_lock_changed):
        section.app_lock.activated.emit(1)
    assert controller.app_lock_minutes and memory_keyring.entries == {}

    section.app_lock.activated.emit(0)  # "Off"
    assert controller.app_lock_minutes and section.app_lock.currentIndex() == 1
    dialog = section.dialog
    dialog.current.setText("not it")
    dialog.submit()
    qtbot.wait_until(lambda: "not your current passphrase" in dialog.status.text(), timeout=20000)
    assert controller.app_lock_minutes and memory_keyring.entries == {}

    dialog.current.setText("a calm passphrase")
    with qtbot.wait_signal(controller.app_lock_changed, timeout=20000):
        dialog.submit()
    assert controller.app_lock_minutes == 0 and len(memory_keyring.entries) == 1
    assert section.app_lock.currentIndex() == 0
    controller.lock()
