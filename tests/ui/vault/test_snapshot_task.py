"""The daily snapshot runs in a BackgroundTask; a rare CI crash (a segfault in the Qt event
loop while a worker thread ran snapshots._copy) came from a task whose owner let go of it
while it ran: the worker then dropped the last reference, and the task's relay, a QObject
of the UI thread, was destroyed on the worker while its result was queued for delivery.

The copy is slowed down by a gate around the real ``_copy``, so the second unlock surely
comes while the first copy runs; everything else is real."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

from PySide6.QtWidgets import QWidget

from reconnect_gui.storage import snapshots
from reconnect_gui.storage.crypto import new_recovery_code
from reconnect_gui.storage.keystore import KeyStore
from reconnect_gui.storage.unlock import create_user_vault, vault_file
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.widgets.background import BackgroundTask

WORKER = "reconnect-background"


def gated_copy(monkeypatch) -> tuple[threading.Event, list[str]]:
    """The day's copy waits for the returned gate; the list names each copying thread."""
    gate, copying = threading.Event(), []
    real_copy = snapshots._copy

    def copy(vault_path: Path, temp: Path) -> None:
        copying.append(threading.current_thread().name)
        gate.wait(20)
        real_copy(vault_path, temp)

    monkeypatch.setattr(snapshots, "_copy", copy)
    return gate, copying


def test_a_snapshot_still_running_at_the_next_unlock_is_not_copied_twice_nor_dropped(
    qtbot, tmp_path: Path, memory_keyring, clock, monkeypatch
) -> None:
    gate, copying = gated_copy(monkeypatch)
    create_user_vault(vault_file(tmp_path), KeyStore(), new_recovery_code(), now=clock)
    window = QWidget()
    qtbot.add_widget(window)
    controller = VaultController(tmp_path, window, now=clock)
    controller.start()
    qtbot.wait_until(lambda: copying == [WORKER], timeout=20000)
    released_on: list[str] = []
    assert controller._snapshot_task is not None
    weakref.finalize(
        controller._snapshot_task, lambda: released_on.append(threading.current_thread().name)
    )

    controller.lock()  # the copy from the first unlock is still running
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    gate.set()
    folder = tmp_path / snapshots.FOLDER_NAME
    qtbot.wait_until(lambda: len(list(folder.glob("vault-*.sqlite3"))) == 1, timeout=20000)
    qtbot.wait(100)
    gc.collect()
    assert copying == [WORKER]  # one copy at a time
    assert WORKER not in released_on
    controller.lock()


def test_a_task_its_owner_let_go_of_is_released_on_the_ui_thread(qtbot) -> None:
    gate, delivered, released_on = threading.Event(), [], []
    task = BackgroundTask(lambda: gate.wait(20), delivered.append, lambda error: None)
    task.start()
    weakref.finalize(task, lambda: released_on.append(threading.current_thread().name))
    del task  # e.g. a pane that read the journal again and replaced its task
    gc.collect()
    gate.set()
    qtbot.wait_until(lambda: delivered == [True], timeout=20000)
    qtbot.wait_until(lambda: released_on != [], timeout=20000)
    assert released_on == [threading.main_thread().name]


def test_a_copy_finished_after_the_controller_is_gone_is_ignored(
    qtbot, tmp_path: Path, memory_keyring, clock, monkeypatch
) -> None:
    # The window (and the controller with it) goes while the day's copy runs, as at quit:
    # the copy still lands, and its result, delivered later, must not reach the deleted
    # controller (pytest-qt fails the test on any exception in the event loop).
    from shiboken6 import delete

    gate, copying = gated_copy(monkeypatch)
    create_user_vault(vault_file(tmp_path), KeyStore(), new_recovery_code(), now=clock)
    window = QWidget()
    controller = VaultController(tmp_path, window, now=clock)
    controller.start()
    qtbot.wait_until(lambda: copying == [WORKER], timeout=20000)
    controller.lock()
    delete(window)  # the controller goes with its parent
    gate.set()
    folder = tmp_path / snapshots.FOLDER_NAME
    qtbot.wait_until(lambda: len(list(folder.glob("vault-*.sqlite3"))) == 1, timeout=20000)
    qtbot.wait(100)  # the result's delivery has run
