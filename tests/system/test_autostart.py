"""Start at login: the XDG autostart file for real, the Windows Run value and the macOS
LaunchAgent through their generated content."""

from __future__ import annotations

import json
import os
import plistlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.repo import REPO, require_tool
from reconnect_gui.app import build_parser
from reconnect_gui.system.autostart import (
    RUN_KEY,
    RUN_VALUE_NAME,
    STARTUP_APPROVED_KEY,
    AutostartError,
    MacAutostart,
    WindowsAutostart,
    XdgAutostart,
    autostart_for,
    desktop_entry,
    launch_agent_plist,
    launch_command,
    run_key_value,
)

# A path with everything the Desktop Entry spec makes awkward in an Exec line.
AWKWARD = 'Ana\'s "files" 100% $HOME `x` back\\slash (copy) #1 ~ & ; | *?'


def desktop_keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def assert_valid_desktop_file(path: Path) -> None:
    validate = require_tool("desktop-file-validate")
    result = subprocess.run([validate, str(path)], capture_output=True, text=True)
    # Newer versions may print "hint:" lines; errors and warnings are what matter.
    assert result.returncode == 0, result.stdout
    assert "error:" not in result.stdout and "warning:" not in result.stdout, result.stdout


def plain_sentence(error: AutostartError) -> str:
    message = str(error)
    assert message.startswith("Reconnect couldn't")
    assert "Errno" not in message and "Error" not in message
    return message


# --- launch_command -----------------------------------------------------------------------


def test_from_source_it_runs_the_package_in_the_tray_without_the_test_data_dir() -> None:
    # conftest sets RECONNECT_HOME; it must not leak into what starts at login.
    assert os.environ["RECONNECT_HOME"]
    assert launch_command() == [sys.executable, "-m", "reconnect_gui", "--tray"]


def test_the_standalone_binary_starts_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command() == [sys.executable, "--tray"]


def test_a_custom_data_dir_is_passed_on_as_an_absolute_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    command = launch_command(Path("my vault"))
    assert command[-2:] == ["--data-dir", str(tmp_path / "my vault")]
    # The app itself accepts exactly these options.
    args = build_parser(with_commands=False).parse_args(command[3:])
    assert args.tray is True
    assert Path(args.data_dir) == tmp_path / "my vault"


def test_the_source_command_really_starts_this_app(tmp_path: Path) -> None:
    # Same interpreter and module, run from a folder that is not the checkout, as at login.
    command = [*launch_command()[:-1], "--version"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.startswith("Reconnect ")


# --- Linux: the XDG autostart file, for real ----------------------------------------------


def test_enable_writes_a_valid_autostart_file_and_disable_removes_it(tmp_path: Path) -> None:
    entry = autostart_for("linux")
    expected = tmp_path / "xdg" / "xdg_config_home" / "autostart" / "reconnect.desktop"
    assert isinstance(entry, XdgAutostart) and entry.file == expected
    assert not entry.is_enabled()

    entry.enable(launch_command())
    assert entry.is_enabled()
    keys = desktop_keys(expected.read_text(encoding="utf-8"))
    assert keys["Type"] == "Application"
    assert keys["Name"] == "Reconnect"
    assert keys["Icon"] == "reconnect"
    assert keys["Terminal"] == "false"
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["Exec"].endswith(" -m reconnect_gui --tray")
    assert "Hidden" not in keys
    assert "reconnect-home" not in expected.read_text(encoding="utf-8")
    assert [p.name for p in expected.parent.iterdir()] == ["reconnect.desktop"]  # no temp left

    assert_valid_desktop_file(expected)

    entry.disable()
    assert not expected.exists()
    assert not entry.is_enabled()
    entry.disable()  # harmless when already off


def test_enable_twice_replaces_the_command(tmp_path: Path) -> None:
    entry = XdgAutostart(tmp_path / "autostart")
    entry.enable(["/opt/old/reconnect", "--tray"])
    entry.enable(["/opt/new/reconnect", "--tray"])
    assert desktop_keys(entry.file.read_text(encoding="utf-8"))["Exec"] == (
        "/opt/new/reconnect --tray"
    )


def test_exec_line_quotes_per_the_desktop_entry_spec() -> None:
    command = ["/opt/My Apps/reconnect", "--tray", "--data-dir", '/home/a/100% "me"\\$x']
    exec_line = desktop_keys(desktop_entry(command))["Exec"]
    # Quoting: \" and \\ and \$ inside quotes; then the string escape doubles each backslash.
    assert exec_line == (
        '"/opt/My Apps/reconnect" --tray --data-dir "/home/a/100%% \\\\"me\\\\"\\\\\\\\\\\\$x"'
    )


def test_a_desktop_launcher_runs_exactly_the_command_we_wrote(tmp_path: Path) -> None:
    gio = require_tool("gio")
    folder = tmp_path / AWKWARD
    folder.mkdir()
    script = folder / "record args.py"
    script.write_text(
        "import json, sys\n"
        "with open(sys.argv[1], 'w', encoding='utf-8') as out:\n"
        "    json.dump(sys.argv[2:], out)\n",
        encoding="utf-8",
    )
    out = folder / "argv.json"
    arguments = ["--tray", "--data-dir", str(folder), "", "tab\there", "line\nbreak", "%f"]
    entry = XdgAutostart(tmp_path / "autostart")
    entry.enable([sys.executable, str(script), str(out), *arguments])

    assert_valid_desktop_file(entry.file)

    subprocess.run([gio, "launch", str(entry.file)], check=True, timeout=30)
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(out.read_text(encoding="utf-8")) == arguments


def test_an_entry_switched_off_by_the_desktop_does_not_count(tmp_path: Path) -> None:
    entry = XdgAutostart(tmp_path / "autostart")
    for switch_off in ("Hidden=true", "X-GNOME-Autostart-enabled=false"):
        entry.enable(["reconnect", "--tray"])
        text = entry.file.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true", "")
        entry.file.write_text(text + switch_off + "\n", encoding="utf-8")
        assert not entry.is_enabled(), switch_off
        entry.enable(["reconnect", "--tray"])  # turning it on again really turns it on
        assert entry.is_enabled(), switch_off


def test_someone_elses_file_is_not_reported_nor_removed(tmp_path: Path) -> None:
    entry = XdgAutostart(tmp_path / "autostart")
    entry.file.parent.mkdir()
    theirs = "[Desktop Entry]\nType=Application\nName=Reconnect\nExec=reconnect\n"
    entry.file.write_text(theirs, encoding="utf-8")
    assert not entry.is_enabled()
    entry.disable()
    assert entry.file.read_text(encoding="utf-8") == theirs
    entry.enable(["reconnect", "--tray"])
    assert entry.is_enabled()


def test_the_autostart_folder_follows_xdg_config_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert XdgAutostart().file == tmp_path / "config" / "autostart" / "reconnect.desktop"
    for ignored in ("", "relative/config"):  # the spec says: fall back to ~/.config
        monkeypatch.setenv("XDG_CONFIG_HOME", ignored)
        assert XdgAutostart().file == tmp_path / "home/.config/autostart/reconnect.desktop"


# /proc refuses new files even to root (CI runs as root, and root ignores folder modes).
UNWRITABLE = Path("/proc/self/reconnect-autostart")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_that_refuses_writes_gives_a_plain_error(tmp_path: Path) -> None:
    entry = XdgAutostart(UNWRITABLE)
    with pytest.raises(AutostartError) as caught:
        entry.enable(["reconnect", "--tray"])
    assert str(UNWRITABLE) in plain_sentence(caught.value)
    assert not entry.is_enabled()
    entry.disable()  # nothing there: harmless


def test_a_folder_that_cannot_be_created_gives_a_plain_error(tmp_path: Path) -> None:
    # Fails for root too: a file sits where the folder should be.
    (tmp_path / "config").write_text("not a folder", encoding="utf-8")
    entry = XdgAutostart(tmp_path / "config" / "autostart")
    with pytest.raises(AutostartError) as caught:
        entry.enable(["reconnect", "--tray"])
    assert "you can still open Reconnect yourself" in plain_sentence(caught.value)
    assert not entry.is_enabled()


# --- Windows: the Run value, through a stand-in registry -----------------------------------


class DictRegistry:
    """HKEY_CURRENT_USER as a dict of (key, value name) -> data."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}

    def read(self, key: str, name: str) -> object | None:
        return self.values.get((key, name))

    def write_string(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


class LockedRegistry(DictRegistry):
    """A registry where group policy forbids changes."""

    def write_string(self, key: str, name: str, value: str) -> None:
        raise PermissionError(5, "Access is denied")

    def delete(self, key: str, name: str) -> None:
        raise PermissionError(5, "Access is denied")


def test_run_value_quotes_the_program_and_paths_with_spaces() -> None:
    program = r"C:\Program Files\Reconnect\Reconnect.exe"
    assert run_key_value([program, "--tray"]) == rf'"{program}" --tray'
    command = [program, "--tray", "--data-dir", "C:\\Users\\Ana Maria\\My data\\"]
    # A backslash before the closing quote is doubled, or it would escape the quote.
    assert run_key_value(command) == (
        rf'"{program}" --tray --data-dir "C:\Users\Ana Maria\My data\\"'
    )
    source = [r"C:\Python311\python.exe", "-m", "reconnect_gui", "--tray"]
    assert run_key_value(source) == r'"C:\Python311\python.exe" -m reconnect_gui --tray'


def test_windows_enable_and_disable_change_only_our_run_value() -> None:
    registry = DictRegistry()
    registry.values[(RUN_KEY, "OneDrive")] = '"C:\\OneDrive.exe" /background'
    entry = WindowsAutostart(registry)
    assert not entry.is_enabled()

    command = [r"C:\Program Files\Reconnect\Reconnect.exe", "--tray"]
    entry.enable(command)
    assert entry.is_enabled()
    assert registry.values[(RUN_KEY, RUN_VALUE_NAME)] == run_key_value(command)

    entry.disable()
    assert not entry.is_enabled()
    assert registry.values == {(RUN_KEY, "OneDrive"): '"C:\\OneDrive.exe" /background'}
    entry.disable()  # harmless when already off


def test_switched_off_in_task_manager_counts_as_off_until_enabled_again() -> None:
    registry = DictRegistry()
    entry = WindowsAutostart(registry)
    entry.enable(["C:\\Reconnect.exe", "--tray"])
    registry.values[(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)] = bytes([3] + [0] * 11)
    assert not entry.is_enabled()
    entry.enable(["C:\\Reconnect.exe", "--tray"])
    assert entry.is_enabled()
    assert (STARTUP_APPROVED_KEY, RUN_VALUE_NAME) not in registry.values


def test_a_locked_registry_gives_a_plain_error() -> None:
    entry = WindowsAutostart(LockedRegistry())
    with pytest.raises(AutostartError) as caught:
        entry.enable(["C:\\Reconnect.exe", "--tray"])
    assert "Windows" in plain_sentence(caught.value)
    with pytest.raises(AutostartError) as caught:
        entry.disable()
    assert "Task Manager" in plain_sentence(caught.value)


# --- macOS: the LaunchAgent, in a stand-in home ------------------------------------------


def test_launch_agent_runs_the_command_once_at_login() -> None:
    command = ["/Applications/Reconnect.app/Contents/MacOS/Reconnect", "--tray"]
    agent = plistlib.loads(launch_agent_plist(command))
    assert agent["Label"] == "app.reconnect"
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert "KeepAlive" not in agent  # quitting Reconnect must keep it quit


def test_mac_enable_and_disable_in_a_home_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Library" / "LaunchAgents"
    entry = MacAutostart(folder)
    assert not entry.is_enabled()
    command = ["/Applications/Reconnect.app/Contents/MacOS/Reconnect", "--tray"]
    entry.enable(command)
    assert entry.is_enabled()
    assert [p.name for p in folder.iterdir()] == ["app.reconnect.plist"]
    assert plistlib.loads(entry.file.read_bytes())["ProgramArguments"] == command

    agent = plistlib.loads(entry.file.read_bytes())
    entry.file.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert not entry.is_enabled()

    entry.disable()
    assert not entry.file.exists()
    entry.disable()


def test_mac_leaves_a_plist_that_is_not_ours(tmp_path: Path) -> None:
    entry = MacAutostart(tmp_path)
    entry.file.write_bytes(plistlib.dumps({"Label": "com.example.other"}))
    assert not entry.is_enabled()
    entry.disable()
    assert entry.file.exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_mac_folder_that_refuses_writes_gives_a_plain_error() -> None:
    with pytest.raises(AutostartError) as caught:
        MacAutostart(UNWRITABLE).enable(["/Applications/R.app", "--tray"])
    assert "Mac" in plain_sentence(caught.value)


# --- choosing, and staying light ----------------------------------------------------------


def test_each_platform_gets_its_own_kind() -> None:
    assert isinstance(autostart_for("win32"), WindowsAutostart)  # winreg is not touched yet
    assert isinstance(autostart_for("darwin"), MacAutostart)
    assert isinstance(autostart_for("linux"), XdgAutostart)
    assert isinstance(autostart_for("freebsd14"), XdgAutostart)
    if sys.platform.startswith("linux"):
        assert isinstance(autostart_for(), XdgAutostart)


def test_the_module_imports_no_qt_and_no_network() -> None:
    probe = (
        "import json, sys, reconnect_gui.system.autostart; print(json.dumps(sorted(m for m in "
        "sys.modules if m.startswith(('PySide6', 'shiboken6')) or m in "
        "('socket', 'ssl', 'http.client', 'urllib.request', 'winreg'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert json.loads(result.stdout) == []
