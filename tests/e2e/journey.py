"""Helpers for the end-to-end user journey (test_user_journey.py).

- ``secret_service_bus``: a real Secret Service (dbus-run-session + gnome-keyring, unlocked,
  with no display, so it can never show a prompt) that the app and the CLI then join
  through ``DBUS_SESSION_BUS_ADDRESS``, while they keep the Xvfb display for their windows.
- ``Reconnect``: the app under test, from this checkout or the frozen binary, with its own
  folders (``RECONNECT_HOME``, the XDG folders); starts the window, runs the CLI.
- ``Keyboard``: keys and words typed into a window as a person would (xdotool).
- ``Canaries``: random words for everything typed, written to artifacts/ with the app's
  folders so a privacy scan can look for them; ``files_containing`` is such a scan.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from e2e.desktop import (
    ARTIFACTS,
    TrayIcon,
    desktop_env,
    tray_icons,
    wait_for_window,
    wait_until,
    wait_until_closed,
    xdotool,
)
from helpers.repo import REPO, app_command, require_tool

TYPING_DELAY_MS = "12"  # between typed characters: quick, but no key is ever dropped
APP_WAIT = 60  # seconds for a window of a (possibly cold) frozen app to appear
MNEMONIC_CLICK = 0.4  # seconds: Qt's animated click (100 ms) on a busy machine
APP_ZONE = "Asia/Kolkata"  # not UTC, so a zone mix-up would show; no DST to blur a day
BACKUP_PASSPHRASE = "a backup only this test reads"


# ---- the Secret Service -------------------------------------------------------------------

KEYRING_SESSION = """
set -e
eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
exec cat >/dev/null  # keeps the session (and the keyring) alive until stdin closes
"""


@contextmanager
def secret_service_bus(folder: Path) -> Iterator[dict[str, str]]:
    """A D-Bus session with an unlocked gnome-keyring; yields the variables that put a
    process on it. The keyring's files live under ``folder`` (a fresh "login" keyring: an
    old one with another password would stay locked and make gnome-keyring ask)."""
    for tool in ("dbus-run-session", "gnome-keyring-daemon", "secret-tool"):
        require_tool(tool)
    data, cache = folder / "keyring-data", folder / "keyring-cache"
    data.mkdir(parents=True)
    cache.mkdir()  # the control socket; without it a second, locked daemon gets activated
    env = dict(os.environ)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"):
        env.pop(var, None)  # no display: neither the daemon nor its prompter can show a window
    env.update(XDG_DATA_HOME=str(data), XDG_CACHE_HOME=str(cache))
    session = subprocess.Popen(
        ["dbus-run-session", "--", "bash", "-c", KEYRING_SESSION],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = session.stdout.readline().strip()
        assert line.startswith("BUS=unix:"), "the D-Bus session with gnome-keyring did not start"
        yield {"DBUS_SESSION_BUS_ADDRESS": line.removeprefix("BUS=")}
    finally:
        session.stdin.close()
        try:
            session.wait(timeout=20)
        except subprocess.TimeoutExpired:
            session.kill()
            session.wait(timeout=10)


def secret_tool(bus: dict[str, str], *args: str) -> str:
    """Run ``secret-tool ARGS`` on the keyring's bus: the OS's own client, not our code."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [require_tool("secret-tool"), *args],
        env={**env, **bus},
        capture_output=True,
        text=True,
        timeout=30,
    )
    # "search" prints each item's label and secret on stdout, its attributes on stderr.
    # The secret (the vault's key) is dropped: it must never reach a test report.
    lines = (result.stdout + result.stderr).splitlines()
    return "\n".join(line for line in lines if not line.startswith("secret = "))


# ---- the app under test ---------------------------------------------------------------------


@dataclass
class Reconnect:
    """The app as a person runs it: from this checkout (``source``) or the binary (``frozen``)."""

    variant: str
    binary: Path | None
    display: str
    home: Path  # RECONNECT_HOME: data, config, cache and logs live under it
    xdg: Path  # the XDG folders (and Qt's runtime folder), so nothing lands elsewhere
    bus: dict[str, str]
    process: subprocess.Popen | None = field(default=None, init=False)

    def command(self, *args: str) -> list[str]:
        return [str(self.binary), *args] if self.binary else app_command(*args)

    @property
    def env(self) -> dict[str, str]:
        """The desktop's display, the keyring's bus, and folders of the app's own."""
        folders = {
            var: str(self.xdg / var.lower())
            for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
        }
        runtime = self.xdg / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        env = desktop_env(
            self.display,
            RECONNECT_HOME=str(self.home),
            XDG_RUNTIME_DIR=str(runtime),
            TMPDIR=str(self.xdg / "tmp"),  # any temporary file the app makes is scanned too
            TZ=APP_ZONE,
            **folders,
            **self.bus,
        )
        (self.xdg / "tmp").mkdir(parents=True, exist_ok=True)
        if self.binary is None:  # this checkout's package, whatever the working folder
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(REPO)]))
        for var in ("PYTHON_KEYRING_BACKEND", "XDG_CURRENT_DESKTOP", "GNOME_KEYRING_CONTROL"):
            env.pop(var, None)  # the real keyring, found as the app finds it; Qt's own dialogs
        return env

    def folders(self) -> list[Path]:
        """Every folder the app was pointed at: data, config, cache and logs, and the XDG
        folder (XDG data/config/cache/state, Qt's runtime folder, TMPDIR, its output)."""
        return [self.home / name for name in ("data", "config", "cache", "logs")] + [self.xdg]

    def start(self, *args: str) -> subprocess.Popen:
        assert self.process is None or self.process.poll() is not None, "already running"
        env = self.env  # (makes the folders)
        # What the app prints goes to a file among its folders, so the scan reads it too.
        with (self.xdg / "app-output.txt").open("ab") as output:
            self.process = subprocess.Popen(
                self.command(*args),
                env=env,
                cwd=self.home.parent,  # like a launch from the desktop: not the checkout
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        return self.process

    def wait_for_exit(self, timeout: float = 30) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        """SIGKILL, as when the power goes or the system kills the app: no clean-up runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        assert self.wait_for_exit() == -signal.SIGKILL

    def stop_if_running(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.wait_for_exit()

    def cli(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess:
        """``reconnect ARGS`` with the same folders and keyring as the app."""
        result = subprocess.run(
            self.command(*args),
            env=self.env,
            cwd=self.home.parent,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == expect, f"reconnect {args[:2]}: {result.stderr[-1500:]}"
        return result

    def cli_json(self, *args: str) -> dict:
        return json.loads(self.cli(*args, "--json").stdout)

    def records_in_a_backup(self, folder: Path) -> list[dict]:
        """Every record in the vault, read back through an encrypted backup that the app's
        CLI writes (the CLI lists journal entries, but not drafts or urges). The backup is
        decrypted in memory only, so nothing readable is ever written to disk."""
        from pyrage import passphrase as age_passphrase

        secret, backup = folder / "backup-passphrase.txt", folder / "journey-backup.age"
        secret.write_text(BACKUP_PASSPHRASE + "\n")
        self.cli("backup", "create", str(backup), "--passphrase-file", str(secret))
        document = json.loads(age_passphrase.decrypt(backup.read_bytes(), BACKUP_PASSPHRASE))
        return document["records"]

    def settings_file(self) -> Path:
        return self.home / "config" / "settings.json"

    def choose_theme(self, theme: str) -> None:
        """Set the theme in settings.json while the app is not running (it reads it at start)."""
        assert self.process is None or self.process.poll() is not None
        path = self.settings_file()
        settings = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps({**settings, "theme": theme}))


# ---- the keyboard -----------------------------------------------------------------------------


@dataclass
class Keyboard:
    display: str

    def window(self, title: str, timeout: float = APP_WAIT) -> str:
        """Wait for the window titled ``title`` and give it the keyboard focus."""
        window = wait_for_window(self.display, title, timeout)
        self.focus(window)
        return window

    def focus(self, window: str) -> None:
        xdotool(self.display, "windowfocus", "--sync", window)

    def place(self, window: str, width: int = 1040, height: int = 700) -> None:
        """Size and move the main window clear of the tray's corner (its notifications
        would lie on top of the screenshots), the same for every picture."""
        xdotool(self.display, "windowsize", "--sync", window, str(width), str(height))
        xdotool(self.display, "windowmove", "--sync", window, "0", "60")
        self.focus(window)

    def keys(self, *keys: str) -> None:
        xdotool(self.display, "key", "--delay", "60", *keys)

    def mnemonic(self, letter: str) -> None:
        """Alt+letter, a button's underlined letter. Qt presses such a button with a short
        animation and clicks it when that ends, so the next keys wait for the click."""
        self.keys(f"alt+{letter}")
        self.pause(MNEMONIC_CLICK)

    def type(self, text: str) -> None:
        xdotool(self.display, "type", "--delay", TYPING_DELAY_MS, text)

    def pause(self, seconds: float) -> None:
        """Let the app catch up with what was typed (a repaint, a debounce)."""
        time.sleep(seconds)

    def gone(self, window: str, timeout: float = 30) -> None:
        wait_until_closed(self.display, window, timeout)


# ---- the tray -------------------------------------------------------------------------------


def docked_icon(display: str) -> TrayIcon:
    wait_until(lambda: len(tray_icons(display)) == 1, "no icon docked in the tray")
    return tray_icons(display)[0]


def tray_is_unlocked(display: str) -> bool:
    """True when the tray icon shows colour (the day on the dusk tile, or the app's mark
    before a countdown exists), False for the grey padlock of a locked (or still opening)
    vault: the one sign of "unlocked" a person can see with the window closed."""
    from PySide6.QtGui import QColor, QImage

    icons = tray_icons(display)
    if len(icons) != 1:
        return False
    picture = subprocess.run(
        [require_tool("import"), "-window", icons[0].window, "png:-"],
        env=desktop_env(display),
        capture_output=True,
        timeout=30,
    ).stdout
    image = QImage.fromData(picture, "PNG")
    if image.isNull():
        return False
    pixels = [
        QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())
    ]
    return sum(1 for p in pixels if p.hsvSaturationF() > 0.25) / len(pixels) > 0.2


# ---- the canaries -----------------------------------------------------------------------------


@dataclass
class Canaries:
    """Random words put in everything typed: if one turns up in a plain file, it leaked."""

    words: dict[str, str] = field(default_factory=dict)  # what it was typed into -> word

    def new(self, where: str) -> str:
        word = f"canary{secrets.token_hex(6)}"
        self.words[where] = word
        return word

    def write(self, variant: str, folders: Iterable[Path], home: Path) -> Path:
        """artifacts/canaries-<variant>.json: every canary and the app's folders."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"canaries-{variant}.json"
        document = {
            "variant": variant,
            "canaries": sorted(self.words.values()),
            "typed_into": self.words,
            "reconnect_home": str(home),
            "folders": [str(folder) for folder in folders],
        }
        target.write_text(json.dumps(document, indent=2) + "\n")
        return target


def files_containing(
    words: Iterable[str],
    roots: Iterable[Path],
    since: float | None = None,
    skip: Path = ARTIFACTS,
) -> list[str]:
    """Files under ``roots`` that hold any of ``words`` as plain text (UTF-8 or UTF-16):
    "path: word" for each find.

    With ``since`` (a time.time()), only what changed from then on is read, and folders
    older than that are not entered: a file made later changes its folder's time, and a
    new folder its parent's. That keeps a scan of all of /tmp to the new parts of it.
    ``skip`` (the artifacts, where the canaries are listed on purpose) is not read.
    """
    needles = [
        (word, encoded)
        for word in words
        for encoded in (word.encode(), word.encode("utf-16-le"), word.encode("utf-16-be"))
    ]
    since = since or 0
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [
                d
                for d in dirs
                if _changed_since(Path(folder, d), since) and Path(folder, d) != skip
            ]
            for name in names:
                path = Path(folder, name)
                try:
                    if path.is_symlink() or path.stat().st_mtime < since:
                        continue
                    data = path.read_bytes()
                except OSError:  # gone meanwhile, a socket, or not ours to read
                    continue
                found += [f"{path}: {word}" for word, needle in needles if needle in data]
    return sorted(set(found))


def _changed_since(folder: Path, since: float) -> bool:
    try:
        return not folder.is_symlink() and folder.stat().st_mtime >= since
    except OSError:
        return False


def wait_for(condition, message: str, timeout: float = 30) -> None:
    """``desktop.wait_until``, re-exported so the test reads from one place."""
    wait_until(condition, message, timeout)
