r"""Start Reconnect at login, hidden in the tray: one small entry per operating system.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/reconnect.desktop``.
- Windows: the ``Reconnect`` value in ``HKCU\Software\Microsoft\Windows\CurrentVersion\Run``.
- macOS: the LaunchAgent ``~/Library/LaunchAgents/app.reconnect.plist``.

``autostart_for()`` picks the right one; ``launch_command()`` says what it should run.
No Qt here, and nothing the user wrote ever goes into these entries.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Protocol

from reconnect_gui import APP_ID, APP_NAME
from reconnect_gui.system.atomic import atomic_write_bytes

DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
# Marks the autostart file as written by us, so we never report or remove someone else's.
OWNER_KEY = "X-Reconnect-Autostart"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Where Task Manager records that the user switched a Run entry off.
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE_NAME = APP_NAME
LAUNCH_AGENT_LABEL = "app.reconnect"

_KEEP_GOING = "Nothing else has changed, and you can still open Reconnect yourself."


class AutostartError(Exception):
    """Turning start-at-login on or off failed; ``str(error)`` is a calm sentence for the user."""


# The .deb puts the onedir in /opt/reconnect and a link to it in /usr/bin (on every PATH).
DEB_ONEDIR = Path("/opt/reconnect")
DEB_LAUNCHER = Path("/usr/bin/reconnect")


def login_data_dir(data_dir: str | os.PathLike[str] | None) -> Path | None:
    """The custom data folder this run uses (``--data-dir``, else ``RECONNECT_HOME``), which
    a login start must be told; None for the usual folders."""
    chosen = data_dir if data_dir is not None else os.environ.get("RECONNECT_HOME") or None
    return Path(chosen) if chosen is not None else None


def _program() -> list[str]:
    """The program a login start runs: a path that still exists after this run ends."""
    if not getattr(sys, "frozen", False):
        # The virtual environment's (or the system's) interpreter, which has the package
        # installed: it starts from any folder, as a login start does.
        return [sys.executable, "-m", "reconnect_gui"]
    executable = Path(sys.executable)
    # An AppImage runs from a temporary mount (APPDIR) that is gone after it quits; the
    # runtime names the image file itself in APPIMAGE. Another AppImage (a terminal, say)
    # passes both on to what it starts, so they count only when this binary is inside.
    appimage, appdir = os.environ.get("APPIMAGE", ""), os.environ.get("APPDIR", "")
    if appimage and appdir and executable.is_relative_to(appdir) and Path(appimage).is_file():
        return [appimage]
    if executable.resolve().parent == DEB_ONEDIR.resolve() and DEB_LAUNCHER.exists():
        return [str(DEB_LAUNCHER)]  # the packaged name, as the menu entry runs it
    return [sys.executable]  # the onedir, wherever it was unpacked


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How to start this same app hidden in the tray.

    Pass ``data_dir`` only when this run uses a custom data folder (``--data-dir`` or
    ``RECONNECT_HOME``, see ``login_data_dir``): a login start has neither, so it must be
    told which vault to open.
    """
    command = [*_program(), "--tray"]
    if data_dir is not None:
        # Absolute: a login start does not run in the folder this run started in.
        command += ["--data-dir", str(Path(data_dir).expanduser().resolve())]
    return command


class Autostart(ABC):
    """Start-at-login for one operating system."""

    @abstractmethod
    def is_enabled(self) -> bool:
        """True when Reconnect will start at the next login."""

    @abstractmethod
    def enable(self, command: list[str]) -> None:
        """Start ``command`` at every login (replacing any earlier entry of ours)."""

    @abstractmethod
    def disable(self) -> None:
        """Stop starting at login; harmless when it was not enabled."""


def autostart_for(platform: str = sys.platform) -> Autostart:
    """The start-at-login entry for ``platform`` (a ``sys.platform`` value)."""
    if platform == "win32":
        return WindowsAutostart()
    if platform == "darwin":
        return MacAutostart()
    return XdgAutostart()  # Linux and the BSDs: every desktop there reads XDG autostart


# --- Linux and other XDG desktops --------------------------------------------------------

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = '"`$\\'


def _exec_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")  # a lone % would start a field code such as %f
    if argument and not _EXEC_RESERVED.intersection(argument):
        return argument
    escaped = "".join("\\" + c if c in _EXEC_ESCAPED_IN_QUOTES else c for c in argument)
    return f'"{escaped}"'


def _desktop_string(value: str) -> str:
    """Escape a value as the spec's string type; readers undo this before Exec quoting."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def desktop_entry(command: list[str]) -> str:
    """The text of the XDG autostart file that runs ``command`` at login."""
    if not command:
        raise ValueError("the command to start at login is empty")
    exec_line = _desktop_string(" ".join(_exec_argument(a) for a in command))
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        f"Comment=Opens {APP_NAME} quietly in the tray when you log in",
        f"Icon={APP_ID}",
        f"Exec={exec_line}",
        "Terminal=false",
        "StartupNotify=false",  # no window opens, so no busy cursor should wait for one
        "X-GNOME-Autostart-enabled=true",
        f"{OWNER_KEY}=true",
    ]
    return "\n".join(lines) + "\n"


def xdg_autostart_folder() -> Path:
    """``$XDG_CONFIG_HOME/autostart``; the spec says to ignore an empty or relative value."""
    config_home = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config_home) if os.path.isabs(config_home) else Path.home() / ".config"
    return base / "autostart"


def _desktop_entry_keys(text: str) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (later groups and comments ignored)."""
    keys: dict[str, str] = {}
    in_entry = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


class XdgAutostart(Autostart):
    """An autostart ``.desktop`` file, read by GNOME, KDE, Xfce and the other XDG desktops."""

    def __init__(self, folder: Path | None = None) -> None:
        self.file = (folder if folder is not None else xdg_autostart_folder()) / DESKTOP_FILE_NAME

    def _our_keys(self) -> dict[str, str] | None:
        try:
            text = self.file.read_text(encoding="utf-8", errors="replace")
        except OSError:  # missing, or unreadable: either way it cannot be ours to report
            return None
        keys = _desktop_entry_keys(text)
        return keys if keys.get(OWNER_KEY) == "true" else None

    def is_enabled(self) -> bool:
        keys = self._our_keys()
        if keys is None:
            return False
        # Desktop settings switch an entry off with either of these rather than deleting it.
        return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"

    def enable(self, command: list[str]) -> None:
        data = desktop_entry(command).encode("utf-8")
        try:
            atomic_write_bytes(self.file, data)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't set itself to open when you log in, because your "
                f"computer didn't let it save a small file in {self.file.parent}. {_KEEP_GOING}"
            ) from error

    def disable(self) -> None:
        if self._our_keys() is None:
            return  # nothing of ours there; a file someone else wrote is left alone
        try:
            self.file.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't stop itself opening when you log in, because your "
                f"computer didn't let it remove {self.file}. You can delete that file "
                "yourself, or try again later."
            ) from error


# --- Windows ------------------------------------------------------------------------------


def run_key_value(command: list[str]) -> str:
    """The Run value that starts ``command``: the program always quoted, as Windows expects."""
    if not command:
        raise ValueError("the command to start at login is empty")
    program, *arguments = command
    if '"' in program:
        raise ValueError("a Windows program path cannot contain a double quote")
    # Windows reads the program name up to the closing quote, with no backslash escapes;
    # the arguments follow the usual C runtime rules, which list2cmdline implements.
    quoted = f'"{program}"'
    return f"{quoted} {subprocess.list2cmdline(arguments)}" if arguments else quoted


class Registry(Protocol):
    """The few registry operations start-at-login needs, all under HKEY_CURRENT_USER."""

    def read(self, key: str, name: str) -> object | None:
        """The value's data, or None when the key or value does not exist."""

    def write_string(self, key: str, name: str, value: str) -> None:
        """Set a REG_SZ value, creating the key when needed."""

    def delete(self, key: str, name: str) -> None:
        """Remove a value; harmless when it does not exist."""


class WindowsRegistry:
    """The real HKEY_CURRENT_USER (``winreg`` exists only on Windows, so it is imported late)."""

    def read(self, key: str, name: str) -> object | None:
        if sys.platform != "win32":  # (this form also tells the type checker)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value

    def write_string(self, key: str, name: str, value: str) -> None:
        if sys.platform != "win32":  # (this form also tells the type checker)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        access = winreg.KEY_SET_VALUE
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, access) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:
        if sys.platform != "win32":  # (this form also tells the type checker)
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


def _switched_off_in_task_manager(approval: object | None) -> bool:
    # Task Manager stores 12 bytes; an odd first byte (0x03, 0x07) means "Disabled".
    return isinstance(approval, bytes) and len(approval) > 0 and approval[0] & 1 == 1


class WindowsAutostart(Autostart):
    """The ``Reconnect`` value in the current user's Run key."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry: Registry = registry if registry is not None else WindowsRegistry()

    def is_enabled(self) -> bool:
        try:
            value = self.registry.read(RUN_KEY, RUN_VALUE_NAME)
            approval = self.registry.read(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)
        except OSError:
            return False
        return (
            isinstance(value, str) and bool(value) and not _switched_off_in_task_manager(approval)
        )

    def enable(self, command: list[str]) -> None:
        value = run_key_value(command)
        try:
            self.registry.write_string(RUN_KEY, RUN_VALUE_NAME, value)
            # A "Disabled" mark left by Task Manager would silently overrule this new choice.
            self.registry.delete(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't set itself to open when you sign in, because Windows "
                f"didn't let it change your startup apps. {_KEEP_GOING}"
            ) from error

    def disable(self) -> None:
        try:
            self.registry.delete(RUN_KEY, RUN_VALUE_NAME)
            self.registry.delete(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't stop itself opening when you sign in, because Windows "
                "didn't let it change your startup apps. You can switch it off in Task "
                "Manager, under Startup apps."
            ) from error


# --- macOS --------------------------------------------------------------------------------


def launch_agent_plist(command: list[str]) -> bytes:
    """The LaunchAgent that runs ``command`` once at login (and never restarts it)."""
    if not command:
        raise ValueError("the command to start at login is empty")
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "LimitLoadToSessionType": "Aqua",  # only a graphical login, never an ssh session
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)


def mac_launch_agents_folder() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


class MacAutostart(Autostart):
    """A LaunchAgent property list that launchd reads at every login."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder if folder is not None else mac_launch_agents_folder()
        self.file = folder / f"{LAUNCH_AGENT_LABEL}.plist"

    def _our_agent(self) -> dict[str, object] | None:
        try:
            agent = plistlib.loads(self.file.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return None
        if isinstance(agent, dict) and agent.get("Label") == LAUNCH_AGENT_LABEL:
            return agent
        return None

    def is_enabled(self) -> bool:
        agent = self._our_agent()
        return agent is not None and agent.get("Disabled") is not True

    def enable(self, command: list[str]) -> None:
        data = launch_agent_plist(command)
        try:
            atomic_write_bytes(self.file, data)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't set itself to open when you log in, because your "
                f"Mac didn't let it save a small file in {self.file.parent}. {_KEEP_GOING}"
            ) from error

    def disable(self) -> None:
        if self._our_agent() is None:
            return
        try:
            self.file.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(
                f"{APP_NAME} couldn't stop itself opening when you log in, because your "
                "Mac didn't let it remove a file. You can switch it off in System Settings, "
                "under General, Login Items."
            ) from error
