"""Single instance with real local sockets and real second processes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from PySide6.QtNetwork import QLocalSocket

from helpers.repo import app_command
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.shell.single_instance import SingleInstance, server_name


def _instance() -> SingleInstance:
    paths = app_paths()
    paths.ensure()
    return SingleInstance(server_name(paths.data), paths.instance_lock)


def _wait_for_log(log_file: Path, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log_file.exists() and text in log_file.read_text(errors="replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared in {log_file}")


def test_names_differ_per_data_folder_and_stay_short(tmp_path: Path) -> None:
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / ("b" * 200))
    assert first != second
    assert len(second) < 40


def test_a_second_launch_hands_over_to_the_running_copy_and_exits(qtbot) -> None:
    primary = _instance()
    assert primary.claim([])
    primary.listen()
    try:
        launch = subprocess.Popen(
            app_command("--tray"), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        with qtbot.wait_signal(primary.activation_requested, timeout=20000) as activation:
            pass
        assert activation.args == [["--tray"]]
        assert launch.wait(timeout=20) == 0
        assert "already running" in launch.stderr.read()
    finally:
        primary.release()


def test_a_crashed_copy_never_blocks_the_next_launch(qtbot) -> None:
    paths = app_paths()
    crashed = subprocess.Popen(app_command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_log(paths.log_file, "listening for later launches")
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.wait(timeout=10)
    assert paths.instance_lock.exists(), "the crash should leave its lock behind"

    successor = _instance()
    started = time.monotonic()
    assert successor.claim([]), "the stale lock must be taken over"
    assert time.monotonic() - started < 2.0
    successor.listen()  # replaces the crashed copy's leftover socket
    try:
        probe = QLocalSocket()
        probe.connectToServer(server_name(paths.data))
        assert probe.waitForConnected(2000)
        probe.disconnectFromServer()
    finally:
        successor.release()


def test_garbage_from_a_local_client_is_ignored(qtbot) -> None:
    primary = _instance()
    assert primary.claim([])
    primary.listen()
    received: list[list[str]] = []
    primary.activation_requested.connect(received.append)
    try:
        client = QLocalSocket()
        client.connectToServer(server_name(app_paths().data))
        assert client.waitForConnected(2000)
        client.write(b"\xff\xfe not json\n")
        client.flush()
        qtbot.wait_until(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState)
        assert received == []
    finally:
        primary.release()


def test_release_lets_another_copy_start(qtbot) -> None:
    first = _instance()
    assert first.claim([])
    first.release()
    second = _instance()
    assert second.claim([])
    second.release()
    assert os.path.exists(app_paths().data)
