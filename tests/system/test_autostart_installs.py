"""Start at login writes a program path that exists after login for every way of
installing Reconnect: a virtual environment, the onedir (tarball), the .deb, an AppImage,
and with a custom data folder (RECONNECT_HOME or --data-dir).

The frozen cases fake only ``sys.frozen``/``sys.executable`` and the install locations
(tmp folders instead of /opt and /usr/bin, which other tests install the real .deb into);
the programs are real files, and a real desktop launcher (``gio launch``) runs the entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.repo import require_tool
from reconnect_gui.system import autostart
from reconnect_gui.system.autostart import XdgAutostart, launch_command, login_data_dir

RECORDER = """#!{python}
import json, sys
with open({out!r}, "w", encoding="utf-8") as out:
    json.dump(sys.argv, out)
"""


def recording_program(path: Path, out: Path) -> Path:
    """An executable at ``path`` that writes the argv it was started with to ``out``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RECORDER.format(python=sys.executable, out=str(out)), encoding="utf-8")
    path.chmod(0o755)
    return path


def launched_argv(entry: XdgAutostart, out: Path) -> list[str]:
    """Start the autostart entry as a desktop does, and what the program was given."""
    subprocess.run([require_tool("gio"), "launch", str(entry.file)], check=True, timeout=30)
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Pretend this run is the frozen binary at a given path."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv("APPIMAGE", raising=False)
    monkeypatch.delenv("APPDIR", raising=False)
    monkeypatch.setattr(autostart, "DEB_ONEDIR", tmp_path / "opt" / "reconnect")
    monkeypatch.setattr(autostart, "DEB_LAUNCHER", tmp_path / "usr" / "bin" / "reconnect")

    def run_as(executable: Path) -> None:
        monkeypatch.setattr(sys, "executable", str(executable))

    return run_as


def test_the_onedir_starts_itself(frozen, tmp_path: Path) -> None:
    binary = recording_program(tmp_path / "home/.local/opt/reconnect/reconnect", tmp_path / "o")
    frozen(binary)
    assert launch_command() == [str(binary), "--tray"]


def test_the_deb_starts_its_launcher_on_the_path(frozen, tmp_path: Path) -> None:
    binary = recording_program(autostart.DEB_ONEDIR / "reconnect", tmp_path / "argv.json")
    autostart.DEB_LAUNCHER.parent.mkdir(parents=True)
    autostart.DEB_LAUNCHER.symlink_to(binary)
    frozen(binary)
    command = launch_command()
    assert command == [str(autostart.DEB_LAUNCHER), "--tray"]
    entry = XdgAutostart(tmp_path / "autostart")
    entry.enable(command)
    assert launched_argv(entry, tmp_path / "argv.json")[1:] == ["--tray"]


def test_a_deb_without_its_launcher_starts_the_onedir(frozen, tmp_path: Path) -> None:
    binary = recording_program(autostart.DEB_ONEDIR / "reconnect", tmp_path / "o")
    frozen(binary)
    assert launch_command() == [str(binary), "--tray"]


def test_an_appimage_starts_the_appimage_file_not_its_temporary_mount(
    frozen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "argv.json"
    appimage = recording_program(tmp_path / "Apps" / "Reconnect-x86_64.AppImage", out)
    mount = tmp_path / "tmp" / ".mount_ReconnAbC123"
    inside = recording_program(mount / "usr" / "bin" / "reconnect", tmp_path / "wrong.json")
    # What the AppImage runtime sets for the program it starts.
    monkeypatch.setenv("APPIMAGE", str(appimage))
    monkeypatch.setenv("APPDIR", str(mount))
    frozen(inside)
    command = launch_command()
    assert command == [str(appimage), "--tray"]
    entry = XdgAutostart(tmp_path / "autostart")
    entry.enable(command)
    assert launched_argv(entry, out)[1:] == ["--tray"]


def test_an_appimage_variable_inherited_from_another_app_is_ignored(
    frozen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A terminal that is itself an AppImage passes APPIMAGE on to what it starts.
    other = recording_program(tmp_path / "Terminal.AppImage", tmp_path / "o")
    monkeypatch.setenv("APPIMAGE", str(other))
    monkeypatch.setenv("APPDIR", str(tmp_path / "tmp" / ".mount_TermXyz"))
    binary = recording_program(tmp_path / "onedir" / "reconnect", tmp_path / "o2")
    frozen(binary)
    assert launch_command() == [str(binary), "--tray"]


def test_the_venv_command_starts_from_any_folder_without_the_checkout(tmp_path: Path) -> None:
    # At login the working folder is home and nothing is on PYTHONPATH.
    command = [*launch_command()[:-1], "--version"]
    assert Path(command[0]).exists()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Reconnect ")


def test_a_custom_home_is_carried_to_the_login_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RECONNECT_HOME", str(tmp_path / "vault home"))
    assert login_data_dir(None) == tmp_path / "vault home"
    assert login_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"  # --data-dir wins
    monkeypatch.setenv("RECONNECT_HOME", "")
    assert login_data_dir(None) is None
    monkeypatch.delenv("RECONNECT_HOME")
    assert login_data_dir(None) is None
