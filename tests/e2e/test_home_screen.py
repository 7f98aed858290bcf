"""The home screen on a real X server: unlock as a person would, then look at the ring
at several window sizes (screenshots go to artifacts/screenshots/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from e2e.desktop import (
    app_process,
    passphrase_vault,
    quit_with_ctrl_q,
    screenshot,
    unlock_with_passphrase,
    wait_for_window,
    xdotool,
    xvfb_display,
)
from helpers.repo import app_command

SIZES = [(1280, 800), (900, 600), (720, 480)]


@pytest.fixture(scope="module")
def display() -> str:
    with xvfb_display() as name:
        yield name


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_home_screen_after_unlocking_with_a_passphrase(
    display: str, isolated_home: Path, tmp_path: Path, theme: str
) -> None:
    # No keyring here on purpose: the person types their passphrase, like after a reinstall.
    env = passphrase_vault(display, tmp_path, days_without_contact=12.2)
    settings_file = isolated_home / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"theme": theme}))

    with app_process(app_command(), env=env) as app:
        unlock_with_passphrase(display)
        window = wait_for_window(display, "Countdown — Reconnect")
        for width, height in SIZES:
            xdotool(display, "windowsize", "--sync", window, str(width), str(height))
            xdotool(display, "windowmove", "--sync", window, "0", "0")
            xdotool(display, "sleep", "0.8")  # the unlock (scrypt) and a repaint
            shot = screenshot(display, f"home-{theme}-{width}x{height}")
            assert shot.stat().st_size > 10_000
        quit_with_ctrl_q(display, window, app)
