"""Settings → Snapshots with a real vault, real snapshots and the real controller."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.snapshots import FOLDER_NAME, take_snapshot_if_due
from reconnect_gui.ui.settings.snapshots_section import SnapshotsSection
from reconnect_gui.ui.vault.controller import VaultState


def make_section(qtbot, controller, clock) -> SnapshotsSection:
    # The unlock's own copy is made in the background: wait for it, so every test starts
    # from the same folder however busy the machine is.
    folder = controller.path.parent / FOLDER_NAME
    qtbot.wait_until(lambda: any(folder.glob("vault-*.sqlite3")), timeout=20000)
    section = SnapshotsSection(controller, now=clock)
    qtbot.add_widget(section)
    return section


def test_going_back_to_a_copy_asks_first_then_says_what_was_kept(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    make_section(qtbot, controller, clock).close()  # waits for the unlock's copy
    controller.vault.put(JOURNAL_ENTRY, {"title": "in the copy"})
    clock.advance(days=1)
    made = take_snapshot_if_due(controller.path, controller.path.parent / FOLDER_NAME, clock())
    assert made is not None
    controller.vault.put(JOURNAL_ENTRY, {"title": "written later"})
    section = make_section(qtbot, controller, clock)
    assert section.copies.count() == 2  # the unlock's copy and this one, newest first
    assert section.copies.itemData(0) == made.name and section.go_back_button.isEnabled()

    section.go_back_button.click()
    confirm = section.dialog
    assert isinstance(confirm, QMessageBox) and "kept" in confirm.text()
    confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert controller.state == VaultState.UNLOCKED  # nothing happened

    section.go_back_button.click()
    section.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.wait_until(lambda: "is now the copy" in section.status.text(), timeout=20000)
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    assert [r.data["title"] for r in controller.vault.records()[0]] == ["in the copy"]
    (kept,) = controller.path.parent.glob("vault-before-restore-*.sqlite3")
    assert kept.name in section.status.text()
    names = [section.copies.itemData(i) for i in range(section.copies.count())]
    assert kept.name in names  # and the person can change their mind


def test_a_failed_restore_is_said_and_the_vault_opens_as_it_was(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    section = make_section(qtbot, controller, clock)
    (snapshot,) = (controller.path.parent / FOLDER_NAME).glob("vault-*.sqlite3")
    snapshot.write_bytes(b"not a vault any more")
    section.go_back_button.click()
    section.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.wait_until(lambda: "damaged" in section.status.text(), timeout=20000)
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)


def test_no_copies_yet_and_a_conflict_copy_are_said_plainly(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    make_section(qtbot, controller, clock).close()  # waits for the unlock's copy
    shutil.rmtree(controller.path.parent / FOLDER_NAME)
    section = SnapshotsSection(controller, now=clock)
    qtbot.add_widget(section)
    assert not section.go_back_button.isEnabled() and section.copies.count() == 0
    assert "no copies yet" in section.copies.placeholderText().lower()
    assert section.sync_label.isHidden()

    conflict = controller.path.with_name("vault.sync-conflict-20261121-101500-ABCDEF7.sqlite3")
    shutil.copyfile(controller.path, conflict)
    controller.lock()
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    assert not section.sync_label.isHidden() and conflict.name in section.sync_label.text()
    assert section.copies.itemData(section.copies.count() - 1) == conflict.name


def test_every_control_has_a_spoken_name(qtbot, unlocked_controller, clock) -> None:
    from ui.a11y import shown_controls, unnamed

    section = make_section(qtbot, unlocked_controller, clock)
    section.show()
    qtbot.wait_exposed(section)
    controls = shown_controls(section)
    assert section.copies in controls and section.go_back_button in controls
    assert unnamed(controls) == []


def test_the_copy_made_at_unlock_shows_without_locking_again(
    qtbot, unlocked_controller, clock
) -> None:
    # Settings open while the vault unlocks: the day's copy is made in the background just
    # after, and the list says so then, not "No copies yet" until the next lock.
    controller = unlocked_controller
    make_section(qtbot, controller, clock).close()  # the first unlock's copy
    clock.advance(days=1)
    controller.lock()
    section = SnapshotsSection(controller, now=clock)
    qtbot.add_widget(section)
    assert section.copies.count() == 1
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    qtbot.wait_until(lambda: section.copies.count() == 2, timeout=20000)
