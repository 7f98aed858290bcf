"""Start at login, switched on from the real tray menu of the app on Xvfb (with trayer),
keeps the custom data folder the app was started with through RECONNECT_HOME: the login
start has no RECONNECT_HOME, so the entry must name the folder itself."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from e2e.desktop import (
    app_process,
    choose_in_tray_menu,
    passphrase_vault,
    tray_host,
    tray_icons,
    unlock_with_passphrase,
    wait_for_window,
    wait_until,
    xvfb_display,
)
from helpers.repo import app_command


def autostart_exec(config_home: Path) -> list[str] | None:
    entry = config_home / "autostart" / "reconnect.desktop"
    if not entry.exists():
        return None
    for line in entry.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return shlex.split(line.removeprefix("Exec="))  # plain paths: no spec escapes
    return None


def test_start_at_login_from_the_tray_keeps_the_custom_reconnect_home(
    isolated_home: Path, tmp_path: Path
) -> None:
    config_home = Path(os.environ["XDG_CONFIG_HOME"])
    with xvfb_display() as display, tray_host(display):
        env = passphrase_vault(display, tmp_path)  # RECONNECT_HOME is isolated_home
        assert env["RECONNECT_HOME"] == str(isolated_home)
        with app_process(app_command(), env=env) as app:
            unlock_with_passphrase(display)
            wait_for_window(display, "Countdown — Reconnect")
            wait_until(lambda: len(tray_icons(display)) == 1, "no icon docked in the tray")
            choose_in_tray_menu(display, tray_icons(display)[0], "Up", "Up")  # "Start at login"
            wait_until(lambda: autostart_exec(config_home) is not None, "no autostart entry")
            command = autostart_exec(config_home)
            assert command is not None and "--tray" in command
            assert command[command.index("--data-dir") + 1] == str(isolated_home.resolve())
            assert Path(command[0]).exists()
            # The host may take a moment to show the icon again after its menu closes.
            wait_until(lambda: len(tray_icons(display)) == 1, "the icon left the tray")
            choose_in_tray_menu(display, tray_icons(display)[0], "Up")  # Quit
            assert app.wait(timeout=20) == 0
