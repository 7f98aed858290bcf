"""Settings → Backup and export with a real vault, the real controller, real age files
made by a real child process, and real files for the export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from reconnect_gui.storage.backup import read_backup
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.ui.settings.backup_section import (
    NEEDS_UNLOCK,
    BackupPassphraseDialog,
    BackupSection,
    Work,
    backup_file_name,
)
from reconnect_gui.ui.settings.snapshots_section import SnapshotsSection
from reconnect_gui.ui.vault.controller import VaultState

BACKUP_PASSPHRASE = "a lighthouse in the fog"
WAIT_MS = 30000


def make_section(qtbot, controller, clock) -> BackupSection:
    section = BackupSection(controller, now=clock)
    qtbot.add_widget(section)
    return section


def titles(controller) -> list[str]:
    return sorted(r.data["title"] for r in controller.vault.records(JOURNAL_ENTRY)[0])


def make_backup_by_clicking(qtbot, section: BackupSection, target: Path) -> None:
    section.backup_button.click()
    chooser = section.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.selectedFiles()[0].endswith(".age")
    chooser.selectFile(str(target))
    chooser.accept()
    asked = section.dialog
    assert isinstance(asked, BackupPassphraseDialog) and not asked.repeat.isHidden()
    asked.passphrase.setText(BACKUP_PASSPHRASE)
    asked.repeat.setText(BACKUP_PASSPHRASE)
    asked.ok_button.click()
    assert section.work == Work.BACKING_UP and not section.progress.isHidden()
    assert not section.backup_button.isEnabled()  # one thing at a time
    assert asked.passphrase.text() == "" and asked.repeat.text() == ""  # not kept
    qtbot.wait_until(lambda: section.work == Work.IDLE, timeout=WAIT_MS)
    assert section.progress.isHidden()


def read_backup_by_clicking(qtbot, section: BackupSection, source: Path, passphrase: str) -> None:
    section.restore_button.click()
    chooser = section.dialog
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(source))
    chooser.accept()
    asked = section.dialog
    assert isinstance(asked, BackupPassphraseDialog) and asked.repeat.isHidden()
    asked.passphrase.setText(passphrase)
    asked.ok_button.click()
    assert section.work == Work.READING_BACKUP and not section.progress.isHidden()
    qtbot.wait_until(lambda: section.work == Work.IDLE, timeout=WAIT_MS)


def button(box: QMessageBox, words: str):
    (found,) = [b for b in box.buttons() if b.text().replace("&", "") == words]
    return found


def test_a_backup_from_settings_then_a_change_then_replace_undoes_the_change(
    qtbot, unlocked_controller, clock, tmp_path: Path
) -> None:
    controller = unlocked_controller
    controller.vault.put(JOURNAL_ENTRY, {"title": "kept in the backup", "body": "hello"})
    section = make_section(qtbot, controller, clock)
    target = tmp_path / backup_file_name(clock())
    make_backup_by_clicking(qtbot, section, target)
    assert target.name in section.status.text() and "1 record" in section.status.text()
    assert b"kept in the backup" not in target.read_bytes()
    assert b"kept in the backup" in read_backup(target, BACKUP_PASSPHRASE)

    clock.advance(hours=1)
    controller.vault.put(JOURNAL_ENTRY, {"title": "written after the backup"})
    read_backup_by_clicking(qtbot, section, target, BACKUP_PASSPHRASE)
    ask = section.dialog
    assert isinstance(ask, QMessageBox)
    assert "holds 1 record" in ask.text()
    details = ask.informativeText()
    assert "0 records added, 0 updated, 2 kept as they were" in details  # merge
    assert "1 removed" in details  # replace
    assert titles(controller) == ["kept in the backup", "written after the backup"]  # asked

    button(ask, "Replace with the backup").click()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=WAIT_MS)
    assert titles(controller) == ["kept in the backup"]
    assert "Restored from" in section.status.text() and "1 removed" in section.status.text()


def test_adding_what_is_missing_keeps_newer_changes(
    qtbot, unlocked_controller, clock, tmp_path: Path
) -> None:
    controller = unlocked_controller
    entry = controller.vault.put(JOURNAL_ENTRY, {"title": "first words"})
    section = make_section(qtbot, controller, clock)
    target = tmp_path / "backup.age"
    make_backup_by_clicking(qtbot, section, target)
    clock.advance(hours=1)
    controller.vault.delete(entry.id)
    controller.vault.put(JOURNAL_ENTRY, {"title": "a new day"})
    read_backup_by_clicking(qtbot, section, target, BACKUP_PASSPHRASE)
    button(section.dialog, "Add what is missing").click()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=WAIT_MS)
    assert titles(controller) == ["a new day", "first words"]


def test_cancel_and_a_wrong_passphrase_change_nothing(
    qtbot, unlocked_controller, clock, tmp_path: Path
) -> None:
    controller = unlocked_controller
    section = make_section(qtbot, controller, clock)
    target = tmp_path / "backup.age"
    make_backup_by_clicking(qtbot, section, target)
    controller.vault.put(JOURNAL_ENTRY, {"title": "after"})
    read_backup_by_clicking(qtbot, section, target, "not the right one")
    assert "passphrase does not open this backup" in section.status.text()
    assert section.backup_button.isEnabled()
    read_backup_by_clicking(qtbot, section, target, BACKUP_PASSPHRASE)
    section.dialog.button(QMessageBox.StandardButton.Cancel).click()
    assert titles(controller) == ["after"] and controller.state == VaultState.UNLOCKED


def test_a_new_backup_passphrase_is_checked_before_anything_runs(qtbot) -> None:
    dialog = BackupPassphraseDialog(new=True)
    qtbot.add_widget(dialog)
    chosen: list[str] = []
    dialog.chosen.connect(chosen.append)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog.ok_button.click()
    assert "at least 8" in dialog.problem.text() and chosen == []
    dialog.passphrase.setText("long enough now")
    dialog.repeat.setText("long enough, not the same")
    dialog.ok_button.click()
    assert "not the same" in dialog.problem.text() and chosen == []
    dialog.repeat.setText("long enough now")
    dialog.ok_button.click()
    assert chosen == ["long enough now"]


def test_the_readable_export_warns_first_and_says_the_files_are_not_encrypted(
    qtbot, unlocked_controller, clock, tmp_path: Path
) -> None:
    controller = unlocked_controller
    controller.vault.put(JOURNAL_ENTRY, {"title": "a quiet evening", "body": "words"})
    section = make_section(qtbot, controller, clock)
    section.export_button.click()
    warning = section.dialog
    assert isinstance(warning, QMessageBox) and "not encrypted" in warning.text()
    assert warning.defaultButton() is warning.button(QMessageBox.StandardButton.Cancel)
    button(warning, "Export readable files").click()
    chooser = section.dialog
    assert isinstance(chooser, QFileDialog)
    folder = tmp_path / "export"
    folder.mkdir()
    section.start_export(folder, "markdown")
    qtbot.wait_until(lambda: section.work == Work.IDLE, timeout=WAIT_MS)
    (written,) = folder.glob("*.md")
    assert "a quiet evening" in written.read_text()
    assert "1 file written" in section.status.text() and "not encrypted" in section.status.text()

    section.start_export(folder, "json")  # not empty any more: nothing is overwritten
    qtbot.wait_until(lambda: section.work == Work.IDLE, timeout=WAIT_MS)
    assert "already has files" in section.status.text()
    assert [p.name for p in folder.iterdir()] == [written.name]


def test_while_locked_nothing_can_start(qtbot, unlocked_controller, clock) -> None:
    controller = unlocked_controller
    section = make_section(qtbot, controller, clock)
    assert section.backup_button.isEnabled() and section.hint.isHidden()
    controller.lock()
    assert not section.backup_button.isEnabled()
    assert not section.restore_button.isEnabled() and not section.export_button.isEnabled()
    assert section.hint.text() == NEEDS_UNLOCK and not section.hint.isHidden()


def test_the_snapshots_link_brings_the_snapshots_section_into_view(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    window = QWidget()
    qtbot.add_widget(window)
    scroll = QScrollArea(window)
    scroll.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    backup = BackupSection(controller, now=clock)
    column.addWidget(backup)
    for _ in range(6):
        column.addWidget(BackupSection(controller, now=clock))  # something tall between
    snapshots = SnapshotsSection(controller, now=clock)
    column.addWidget(snapshots)
    scroll.setWidget(page)
    QVBoxLayout(window).addWidget(scroll)
    window.resize(720, 480)
    window.show()
    qtbot.wait_exposed(window)

    def daily_copy_listed() -> bool:
        # Unlocking makes the day's copy in the background, and nothing tells the section
        # when it is there; with no copy to choose, the list is disabled and takes no focus.
        snapshots.refresh()
        return snapshots.copies.isEnabled()

    qtbot.wait_until(daily_copy_listed, timeout=WAIT_MS)
    assert scroll.verticalScrollBar().value() == 0
    backup.snapshots_link.linkActivated.emit("#snapshots")
    assert scroll.verticalScrollBar().value() > 0
    qtbot.wait_until(lambda: snapshots.copies.hasFocus())


def test_every_control_has_a_name_and_nothing_is_clipped_at_the_smallest_width(
    qtbot, unlocked_controller, clock
) -> None:
    from ui import a11y  # tests/ui/a11y.py: the accessibility suite's own rules

    section = make_section(qtbot, unlocked_controller, clock)
    width = 410  # the settings column in a 720×480 window
    section.resize(width, max(section.heightForWidth(width), section.minimumSizeHint().height()))
    section.show()
    qtbot.wait_exposed(section)
    assert section.width() == width  # its layout does not insist on more
    assert a11y.unnamed(a11y.shown_controls(section)) == []
    clipped = [a11y.clipped(w) for w in a11y.text_widgets(section)]
    assert [c for c in clipped if c] == []


def test_locking_while_asked_forgets_the_backups_records_and_the_question(
    qtbot, unlocked_controller, clock, tmp_path: Path
) -> None:
    controller = unlocked_controller
    controller.vault.put(JOURNAL_ENTRY, {"title": "in the backup"})
    section = make_section(qtbot, controller, clock)
    target = tmp_path / "backup.age"
    make_backup_by_clicking(qtbot, section, target)
    read_backup_by_clicking(qtbot, section, target, BACKUP_PASSPHRASE)
    ask = section.dialog
    assert isinstance(ask, QMessageBox) and section.restore_choice is not None
    controller.lock()
    assert section.restore_choice is None and section.dialog is None
    assert not ask.isVisible()


@pytest.mark.parametrize(
    "open_one",
    [
        lambda section, path: section.ask_new_passphrase(path),
        lambda section, path: section.ask_backup_passphrase(path),
        lambda section, path: section.choose_backup_file(),
        lambda section, path: section.confirm_export(),
    ],
    ids=["new passphrase", "backup's passphrase", "file chooser", "export warning"],
)
def test_locking_after_a_closed_dialog_was_deleted_touches_nothing_deleted(
    qtbot, unlocked_controller, clock, tmp_path: Path, open_one
) -> None:
    """Seen under valgrind: a closed dialog is deleted a moment later, and the next
    ``refresh`` (locking) asked the deleted dialog whether it was visible."""
    import shiboken6

    from helpers.file_dialogs import let_closed_dialogs_go

    controller = unlocked_controller
    section = make_section(qtbot, controller, clock)
    open_one(section, tmp_path / "backup.age")
    asked = section.dialog
    assert isinstance(asked, QDialog) and asked.isVisible()
    asked.reject()  # the person changes their mind
    let_closed_dialogs_go()
    assert not shiboken6.isValid(asked)  # Qt has deleted it
    controller.lock()  # its refresh ran inside Qt's event loop, which caught the error
    section.refresh()  # raised "Internal C++ object already deleted" before
    assert section.dialog is None and not section.backup_button.isEnabled()
