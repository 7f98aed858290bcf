"""The vault's files while the GUI runs: the write-ahead log emptied when the app is left
alone and when it locks, a file replaced underneath by a sync app, conflict copies beside
the vault, and going back to a snapshot. Real vault files, a real (in-memory) keyring."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.snapshots import CopyKind, take_snapshot_if_due, vault_copies
from reconnect_gui.storage.unlock import vault_file
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.ui.vault.controller import SYNC_COPY_LINE, VaultController, VaultState

QUIET_MS = 150


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.add_widget(widget)
    return widget


@pytest.fixture
def controller(qtbot, window, unlocked_controller) -> VaultController:
    """A second controller on the fixture's vault, whose "quiet" is 150 ms."""
    data_dir = unlocked_controller.path.parent
    unlocked_controller.lock()
    again = VaultController(data_dir, window, now=unlocked_controller._now, quiet_ms=QUIET_MS)
    again.start()
    qtbot.wait_until(lambda: again.state == VaultState.UNLOCKED, timeout=20000)
    yield again
    again.lock()


def wal_size(controller: VaultController) -> int:
    wal = Path(f"{controller.path}-wal")
    return wal.stat().st_size if wal.exists() else 0


def touch(window: QWidget) -> None:
    """The person moves the mouse: the app is in use again."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def test_the_wal_is_emptied_once_the_app_is_left_alone(qtbot, window, controller) -> None:
    """Each save reaches the main file at once, but the -wal keeps its frames until a
    checkpoint empties it; left alone, the folder holds one whole file again."""
    controller.vault.put(JOURNAL_ENTRY, {"title": "one"})
    assert wal_size(controller) > 0
    qtbot.wait_until(lambda: wal_size(controller) == 0, timeout=5000)
    qtbot.wait(QUIET_MS * 2)
    controller.vault.put(JOURNAL_ENTRY, {"title": "two"})  # no input since: no new timer
    qtbot.wait(QUIET_MS * 3)
    assert wal_size(controller) > 0 and not controller.quiet.armed
    touch(window)  # in use again, then alone again: emptied again
    qtbot.wait_until(lambda: wal_size(controller) == 0, timeout=5000)


def test_locking_empties_the_wal_while_another_program_has_the_vault_open(controller) -> None:
    """Closing empties the WAL only for the last user; another program (the command line)
    holding the file kept every frame there until it, too, closed."""
    other = open_vault(controller.path).unlock_with_key(controller.vault.data_key)
    with other:
        controller.vault.put(JOURNAL_ENTRY, {"title": "written"})
        assert wal_size(controller) > 0
        controller.lock()
        assert wal_size(controller) == 0


def test_a_vault_replaced_underneath_is_let_go_and_the_new_file_opened(
    qtbot, controller, tmp_path
) -> None:
    path = controller.path
    controller.vault.put(JOURNAL_ENTRY, {"title": "here"})
    replica = tmp_path / "replica.sqlite3"
    source, target = sqlite3.connect(path), sqlite3.connect(replica)
    source.backup(target)
    source.close()
    target.execute("DELETE FROM records")  # the other computer's file: no entries yet
    target.commit()
    target.close()
    os.replace(replica, path)  # a sync app brings its version
    qtbot.wait_until(lambda: isinstance(controller.dialog, QMessageBox), timeout=5000)
    assert "replaced" in controller.dialog.text() and "sync app" in controller.dialog.text()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    assert controller.vault.records() == ([], [])  # the file that is there now
    assert wal_size(controller) == 0 or not Path(f"{path}-wal").exists()


def test_a_conflict_copy_beside_the_vault_is_told_at_unlock(
    qtbot, window, unlocked_controller
) -> None:
    path = unlocked_controller.path
    assert unlocked_controller.sync_notice is None
    assert unlocked_controller.status_text() == "Unlocked. Stored encrypted."
    unlocked_controller.lock()
    conflict = path.with_name("vault (Alex's conflicted copy 2026-11-21).sqlite3")
    conflict.write_bytes(path.read_bytes())
    unlocked_controller.start()
    qtbot.wait_until(lambda: unlocked_controller.state == VaultState.UNLOCKED, timeout=20000)
    assert conflict.name in (unlocked_controller.sync_notice or "")
    assert unlocked_controller.status_text().endswith(SYNC_COPY_LINE)


def test_going_back_to_a_snapshot_locks_restores_and_opens_again(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    controller.vault.put(JOURNAL_ENTRY, {"title": "in the snapshot"})
    clock.advance(days=1)  # the unlock made today's copy: this is the next day's
    made = take_snapshot_if_due(controller.path, controller.path.parent / "snapshots", clock())
    controller.vault.put(JOURNAL_ENTRY, {"title": "written later"})
    (copy,) = [c for c in vault_copies(controller.path, clock()) if c.path == made]
    assert copy.kind == CopyKind.SNAPSHOT
    states, outcomes = [], []
    controller.state_changed.connect(states.append)
    controller.restored.connect(outcomes.append)
    clock.advance(hours=1)
    controller.restore_copy(copy)
    qtbot.wait_until(lambda: outcomes != [], timeout=20000)
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    assert states[0] == VaultState.LOCKED
    titles = [r.data["title"] for r in controller.vault.records()[0]]
    assert titles == ["in the snapshot"]
    (outcome,) = outcomes
    assert outcome.set_aside is not None and outcome.set_aside.exists()
    assert vault_file(controller.path.parent) == controller.path


def test_a_damaged_vault_points_to_the_snapshots_and_going_back_opens_it(
    qtbot, unlocked_controller, clock
) -> None:
    controller = unlocked_controller
    qtbot.wait_until(lambda: vault_copies(controller.path, clock()) != [], timeout=20000)
    controller.lock()
    data = bytearray(controller.path.read_bytes())
    data[3 * 16384 : 3 * 16384 + 8] = b"\xff" * 8  # one b-tree page: the check refuses it
    controller.path.write_bytes(bytes(data))
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.DAMAGED, timeout=20000)
    assert "Settings → Snapshots" in controller.dialog.text()
    (copy,) = vault_copies(controller.path, clock())
    controller.restore_copy(copy)
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
