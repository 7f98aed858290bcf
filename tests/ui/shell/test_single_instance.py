"""Single instance with real local sockets and real second processes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from helpers.repo import app_command
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.shell.single_instance import SingleInstance, server_name


@pytest.fixture(autouse=True)
def runtime_folder(monkeypatch: pytest.MonkeyPatch):
    """A private $XDG_RUNTIME_DIR with a short path (a socket's path must fit ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="reconnect-test-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


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


def test_names_differ_per_data_folder_and_fit_a_socket(tmp_path: Path) -> None:
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / ("b" * 200))
    assert first != second
    assert len(os.fsencode(second)) <= 100


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


def test_listening_twice_keeps_the_one_server(qtbot) -> None:
    # The app listens once the vault has answered, or after a second if it has not: a
    # second call must not remove the socket it is already serving.
    primary = _instance()
    assert primary.claim([])
    primary.listen()
    primary.listen()
    try:
        launch = subprocess.Popen(
            app_command(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        with qtbot.wait_signal(primary.activation_requested, timeout=20000):
            pass
        assert launch.wait(timeout=20) == 0
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


# --- where the socket lives, and who may speak to it ------------------------------------

NOBODY = 65534


def _private_folder(path: Path) -> Path:
    path.mkdir(mode=0o700)
    path.chmod(0o700)
    return path


def _listening_path(instance: SingleInstance) -> Path:
    server = instance._server
    assert server is not None, "the first copy should be listening"
    return Path(server.fullServerName())


def test_the_socket_lives_in_the_private_runtime_folder(qtbot, runtime_folder: Path) -> None:
    runtime = runtime_folder
    assert Path(server_name(app_paths().data)).parent == runtime
    primary = _instance()
    assert primary.claim([])
    primary.listen()
    try:
        socket_path = _listening_path(primary)
        assert socket_path.parent == runtime
        assert stat.S_ISSOCK(socket_path.lstat().st_mode)
    finally:
        primary.release()


def test_without_a_usable_runtime_folder_the_socket_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: anyone may create names here
    someone_elses = tmp_path / "someone-elses"
    someone_elses.mkdir(mode=0o700)
    if os.getuid() == 0:
        os.chown(someone_elses, NOBODY, NOBODY)
    link = tmp_path / "link"
    link.symlink_to(_private_folder(tmp_path / "private"))
    data = app_paths().data
    for runtime in (None, "", "relative/run", shared, someone_elses, link, tmp_path / "gone"):
        if runtime is None:
            monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
        else:
            monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        assert Path(server_name(data)) == data / "instance.sock", runtime


def _name_in_the_shared_temp_folder(data_dir: Path) -> Path:
    """The socket name the app used to listen on in the temp folder: anyone could work
    it out from a user name and a data folder."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()
    return Path(os.environ["TMPDIR"]) / f"reconnect-{digest[:20]}"


def test_a_name_squatted_in_the_shared_temp_folder_no_longer_matters(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.setenv("TMPDIR", str(shared))
    # Someone else got there first: a name the app cannot remove (in /tmp, another
    # user's file; here a folder with something in it).
    squatted = _name_in_the_shared_temp_folder(app_paths().data)
    squatted.mkdir()
    (squatted / "mine").write_bytes(b"")

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
    finally:
        primary.release()


def _as_nobody(work: str, *args: str) -> subprocess.Popen[str]:
    """Run a few lines of Python as another user (needs root; the system's own Python,
    which that user can start)."""
    if os.getuid() != 0:
        pytest.skip("speaking as another user needs root (CI runs as root)")
    python = shutil.which("python3", path="/usr/bin:/bin")
    if python is None:
        pytest.skip("no system python3 that another user could start")
    return subprocess.Popen(
        [python, "-I", "-c", work, *args],
        user=NOBODY,
        group=NOBODY,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


OPEN_FOLDER = 0o777  # a runtime folder someone set up wrongly: only the uid check is left

# Another user connects and asks the running copy to act; prints what it was answered.
INTRUDER = textwrap.dedent(
    """
    import socket, sys
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    print("connected")
    s.settimeout(5)
    try:
        s.sendall(b'{"argv": ["--from-someone-else"]}\\n')
        print(s.recv(16))
    except OSError:
        print(b"")
    """
)

# Another user listens where later launches look, and answers "ok" to whatever it hears.
SQUATTER = textwrap.dedent(
    """
    import os, socket, sys
    s = socket.socket(socket.AF_UNIX)
    s.bind(sys.argv[1])
    os.chmod(sys.argv[1], 0o777)
    s.listen()
    print("ready", flush=True)
    while True:
        c, _ = s.accept()
        print("contacted", flush=True)
        c.settimeout(2)
        try:
            print(repr(c.recv(4096)), flush=True)
            c.sendall(b"ok\\n")
        except OSError:
            pass
        c.close()
    """
)


def test_a_launch_by_another_user_is_refused(qtbot, runtime_folder: Path) -> None:
    runtime = runtime_folder  # outside tmp_path, whose parents another user cannot enter
    primary = _instance()
    assert primary.claim([])
    received: list[list[str]] = []
    primary.activation_requested.connect(received.append)
    try:
        # The folder passes as private when the app looks, and is opened up afterwards.
        primary.listen()
        socket_path = _listening_path(primary)
        runtime.chmod(OPEN_FOLDER)
        socket_path.chmod(OPEN_FOLDER)
        intruder = _as_nobody(INTRUDER, str(socket_path))
        qtbot.wait_until(lambda: intruder.poll() is not None, timeout=20000)
        out, err = intruder.communicate()
        assert intruder.returncode == 0, err
        assert out.split() == ["connected", "b''"]  # it reached the socket, and got no answer
        qtbot.wait(200)
        assert received == []
    finally:
        primary.release()


def test_a_later_launch_never_hands_its_arguments_to_another_user(
    qtbot, runtime_folder: Path
) -> None:
    runtime = runtime_folder
    holder = _instance()
    assert holder.claim([])  # holds the lock but, like a copy still starting, does not listen
    socket_path = Path(server_name(app_paths().data))
    runtime.chmod(OPEN_FOLDER)
    squatter = _as_nobody(SQUATTER, str(socket_path))
    try:
        assert squatter.stdout is not None
        assert squatter.stdout.readline().strip() == "ready"
        runtime.chmod(0o700)  # closed again: the squatter's socket stays inside
        later = _instance()
        assert later.claim(["--private-argument"]), "it must not believe the squatter"
        later.release()
        squatter.terminate()
        out, _ = squatter.communicate(timeout=20)
        assert "contacted" in out  # the later launch did reach the squatter's socket
        assert "private-argument" not in out
    finally:
        holder.release()
        if squatter.poll() is None:
            squatter.kill()
