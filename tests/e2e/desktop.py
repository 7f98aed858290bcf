"""A real X server (Xvfb) for end-to-end tests, and helpers to drive the app on it."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from helpers.repo import REPO, app_command, require_tool

PASSPHRASE = "a calm sea at dusk"
ARTIFACTS = Path(os.environ.get("RECONNECT_ARTIFACTS", REPO / "artifacts"))


@contextmanager
def xvfb_display(size: str = "1280x800x24") -> Iterator[str]:
    """Start Xvfb on a free display (it picks the number itself) and yield ":N"."""
    xvfb = require_tool("Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


# The tray hosts are GTK programs: without this, each one asks the session bus for the
# accessibility bus at start, which starts at-spi-bus-launcher on the test's private bus.
# Nothing here needs it (the app's own accessibility is tested with a bus of its own), and
# a slow or stuck launcher was the likely cause of hosts that never came up in CI.
TRAY_HOST_ENV = {"NO_AT_BRIDGE": "1"}


@contextmanager
def tray_host(display: str) -> Iterator[None]:
    """``trayer``, a small freedesktop system tray, at the top right of the screen."""
    with tempfile.TemporaryFile() as said:  # what trayer prints, for a failure's message
        trayer = subprocess.Popen(
            [
                require_tool("trayer"),
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "28",
                "--transparent",
                "false",
                "--SetDockType",
                "true",
            ],
            env=desktop_env(display, **TRAY_HOST_ENV),
            stdout=said,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_tray_panel(display, trayer, said)
            yield
        finally:
            trayer.terminate()
            trayer.wait(timeout=10)


def _wait_for_tray_panel(display: str, trayer: subprocess.Popen, said: Any) -> None:
    try:
        wait_until(lambda: _tray_panel(display) is not None, "trayer did not start")
    except AssertionError:
        raise AssertionError(f"trayer did not start: {how_it_went(trayer, said)}") from None


def how_it_went(process: subprocess.Popen, output: Any) -> str:
    """Whether a helper program still runs, and the end of what it printed to ``output``
    (a file): for the message of a test whose desktop part did not come up."""
    ended = process.poll()
    output.seek(0)
    printed = output.read()[-500:].decode(errors="replace")
    return f"{'still running' if ended is None else f'ended with {ended}'}, printed {printed!r}"


def _tray_panel(display: str) -> str | None:
    found = subprocess.run(
        [require_tool("xdotool"), "search", "--classname", "^panel$"],
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=5,
    ).stdout.split()
    return found[0] if found else None


@dataclass(frozen=True)
class TrayIcon:
    window: str
    x: int  # the icon's centre on the screen
    y: int
    width: int
    height: int


def tray_icons(display: str) -> list[TrayIcon]:
    """The icons docked in the tray host (the sockets it embedded them in), with places."""
    panel = _tray_panel(display)
    if panel is None:
        return []
    listing = subprocess.run(
        [require_tool("xwininfo"), "-children", "-id", panel],
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=5,
    ).stdout
    icons = []
    for match in re.finditer(
        r"(0x[0-9a-f]+) .*?(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+\+(-?\d+)\+(-?\d+)", listing
    ):
        window, width, height, left, top = match.groups()
        width, height = int(width), int(height)
        if min(width, height) < 8:  # the host's own 1x1 helper windows
            continue
        icons.append(
            TrayIcon(window, int(left) + width // 2, int(top) + height // 2, width, height)
        )
    return icons


def wait_until(condition, message: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(message)


def visible_windows(display: str, title: str) -> list[str]:
    result = subprocess.run(
        [require_tool("xdotool"), "search", "--onlyvisible", "--name", title],
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=5,
    )
    return result.stdout.split()


def desktop_env(display: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra}
    env.pop("WAYLAND_DISPLAY", None)
    return env


@contextmanager
def app_process(command: list[str], **popen: Any) -> Iterator[subprocess.Popen]:
    """The app running for a test; killed at the end if a failed step left it running."""
    app = subprocess.Popen(command, **popen)
    try:
        yield app
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)


def quit_with_ctrl_q(display: str, window: str, app: subprocess.Popen) -> None:
    """Quit as a person does, Ctrl+Q in the window; the app must end cleanly."""
    xdotool(display, "windowfocus", "--sync", window)
    xdotool(display, "key", "ctrl+q")
    assert app.wait(timeout=20) == 0


def xdotool(display: str, *args: str, timeout: float = 20) -> str:
    result = subprocess.run(
        [require_tool("xdotool"), *args],
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout.strip()


def wait_for_window(display: str, title: str, timeout: float = 30) -> str:
    """The X window id of the first visible window whose title contains ``title``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = xdotool(display, "search", "--onlyvisible", "--name", title, timeout=5)
        except subprocess.CalledProcessError:
            found = ""
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window titled {title!r} appeared")


def wait_until_closed(display: str, window: str, timeout: float = 30) -> None:
    """Wait for a window to go (an unlock dialog stays open while scrypt runs; keys sent
    to the main window before then are lost, because the dialog is modal)."""
    wait_until(
        lambda: window not in visible_windows(display, "."),
        f"window {window} is still open",
        timeout,
    )


def close_with_escape(display: str, dialog: str, timeout: float = 30) -> None:
    """Give ``dialog`` the keyboard, press Escape and wait until it has closed.

    A dialog that has just mapped may not be ready for keys yet, and an Escape it never
    saw leaves it open, holding back every key meant for the window behind it (a modal
    dialog does). So Escape is pressed again while the dialog is still there."""
    deadline = time.monotonic() + timeout
    while dialog in visible_windows(display, "."):
        if time.monotonic() > deadline:
            raise AssertionError(f"window {dialog} is still open")
        try:
            xdotool(display, "windowfocus", "--sync", dialog, timeout=5)
            xdotool(display, "key", "Escape")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            continue  # it closed meanwhile: the loop's test sees it
        closes = time.monotonic() + 3
        while time.monotonic() < closes and dialog in visible_windows(display, "."):
            time.sleep(0.1)


def screenshot(display: str, name: str) -> Path:
    """A screenshot of the whole screen, saved under artifacts/screenshots/."""
    return window_screenshot(display, "root", name)


def window_screenshot(display: str, window: str, name: str) -> Path:
    """A screenshot of one window (with whatever lies on top of it, like its dialogs)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "screenshots" / f"{name}.png"
    target.parent.mkdir(exist_ok=True)
    subprocess.run(
        [require_tool("import"), "-window", window, str(target)],
        env=desktop_env(display),
        check=True,
        timeout=30,
    )
    return target


def mapped_windows(display: str) -> set[str]:
    """Every visible window, named or not (a menu or a popup has no title)."""
    result = subprocess.run(
        [require_tool("xdotool"), "search", "--onlyvisible", "--class", "."],
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=5,
    )
    return set(result.stdout.split())


def wait_for_new_window(display: str, before: set[str], timeout: float = 10) -> str | None:
    """The first visible window that was not in ``before``, or None after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = mapped_windows(display) - before
        if new:
            return sorted(new)[0]
        time.sleep(0.1)
    return None


def window_title(display: str, window: str) -> str:
    try:
        return xdotool(display, "getwindowname", window, timeout=5)
    except subprocess.CalledProcessError:  # it closed meanwhile
        return ""


def open_tray_menu(display: str, icon: TrayIcon) -> str:
    """Right-click the tray icon and wait for its menu (a popup without a title)."""
    before = mapped_windows(display)
    for _attempt in range(3):  # on a loaded machine a click can land before the icon listens
        xdotool(display, "mousemove", str(icon.x), str(icon.y), "click", "3")
        menu = wait_for_new_window(display, before, timeout=5)
        if menu is not None:
            return menu
    raise AssertionError("the tray menu did not open")


def choose_in_tray_menu(display: str, icon: TrayIcon, first_move: str, *more_moves: str) -> None:
    """Open the tray icon's menu, move to an item with the arrow keys and press Return.

    A popup maps before it grabs the keyboard, and on a loaded machine a key typed in
    between goes to no one. So the first move is pressed again until the menu shows it (an
    item lights up); the keys after it reach the menu for sure."""
    menu = open_tray_menu(display, icon)
    at_rest = settled_pixels(display, menu)
    for _attempt in range(5):
        xdotool(display, "key", first_move)
        if changes_within(display, menu, at_rest, timeout=3):
            xdotool(display, "key", "--delay", "60", *more_moves, "Return")
            return
    raise AssertionError("the tray menu never took a key")


def window_pixels(display: str, window: str) -> bytes:
    """A window's pixels as a bare PPM, straight from ImageMagick's ``import``: nothing
    is written to disk for a comparison."""
    return subprocess.run(
        [require_tool("import"), "-window", window, "ppm:-"],
        env=desktop_env(display),
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout


def settled_pixels(display: str, window: str) -> bytes:
    """A window's pixels once two looks a moment apart agree (it has finished painting)."""
    previous = window_pixels(display, window)
    for _look in range(20):
        time.sleep(0.2)
        current = window_pixels(display, window)
        if current == previous:
            return current
        previous = current
    return previous


def changes_within(display: str, window: str, before: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if window_pixels(display, window) != before:
            return True
        time.sleep(0.1)
    return False


def click_window(display: str, window: str, button: str = "1") -> None:
    """Click the middle of a window (a notification balloon, say)."""
    geometry = xdotool(display, "getwindowgeometry", "--shell", window)
    values = dict(line.split("=", 1) for line in geometry.splitlines() if "=" in line)
    x = int(values["X"]) + int(values["WIDTH"]) // 2
    y = int(values["Y"]) + int(values["HEIGHT"]) // 2
    xdotool(display, "mousemove", str(x), str(y), "click", button)


def passphrase_vault(
    display: str, folder: Path, days_without_contact: float | None = None
) -> dict[str, str]:
    """The app's environment with no keyring (the passphrase is typed, as after a
    reinstall) and a vault made with ``PASSPHRASE``; with ``days_without_contact``, a
    No-Contact plan that began that long ago. RECONNECT_HOME comes from the test."""
    env = desktop_env(display, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    secret = folder / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    commands = [("vault", "init", "--passphrase-file", str(secret))]
    if days_without_contact is not None:
        since = datetime.now(UTC) - timedelta(days=days_without_contact)
        start = since.isoformat(timespec="minutes")
        commands.append(("nocontact", "start", "--since", start, "--passphrase-file", str(secret)))
    for args in commands:
        done = subprocess.run(
            app_command(*args), env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
    return env


def unlock_with_passphrase(display: str) -> None:
    """Type the passphrase into "Unlock Reconnect" and wait for the dialog to go."""
    dialog = wait_for_window(display, "Unlock Reconnect")
    xdotool(display, "windowfocus", "--sync", dialog)
    xdotool(display, "type", "--delay", "20", PASSPHRASE)
    xdotool(display, "key", "Return")
    wait_until_closed(display, dialog)
