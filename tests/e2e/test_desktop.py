"""The app from source on a real X server, driven by real key presses (xdotool)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from e2e.desktop import (
    app_process,
    close_with_escape,
    desktop_env,
    quit_with_ctrl_q,
    screenshot,
    wait_for_window,
    xdotool,
    xvfb_display,
)
from helpers.repo import app_command


@pytest.fixture(scope="module")
def display() -> str:
    with xvfb_display() as name:
        yield name


def test_smoke_on_a_real_x_server(display: str) -> None:
    result = subprocess.run(
        app_command("--smoke"),
        env=desktop_env(display),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["first_paint_ms"] > 0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_keyboard_drives_the_real_window_and_quit_keeps_the_settings(
    display: str, isolated_home: Path, theme: str
) -> None:
    settings_file = isolated_home / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(json.dumps({"theme": theme}))
    with app_process(app_command(), env=desktop_env(display)) as app:
        # A first start offers to set up the vault; a person can put that off with Escape.
        setup = wait_for_window(display, "Set up Reconnect")
        screenshot(display, f"setup-{theme}")
        close_with_escape(display, setup)  # window-modal: keys wait until it has gone
        window = wait_for_window(display, "Countdown — Reconnect")
        xdotool(display, "windowfocus", "--sync", window)
        for keys, title, pane in [
            ("ctrl+1", "Countdown", "countdown"),
            ("ctrl+2", "Draft", "draft"),
            ("ctrl+4", "Settings", "settings"),
            ("ctrl+3", "Journal", "journal"),
        ]:
            xdotool(display, "key", keys)
            wait_for_window(display, f"{title} — Reconnect")
            screenshot(display, f"{pane}-{theme}")
        xdotool(display, "key", "F1")
        about = wait_for_window(display, "About Reconnect")
        screenshot(display, f"about-{theme}")
        close_with_escape(display, about)  # else it holds Ctrl+Q back (CI saw it once)
        quit_with_ctrl_q(display, window, app)
    saved = json.loads(settings_file.read_text())
    assert saved["last_pane"] == "journal"
    assert saved["theme"] == theme
    assert saved["window_geometry"]
