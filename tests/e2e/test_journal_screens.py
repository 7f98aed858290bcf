"""The journal on a real X server with two months of entries: the list and an entry, the
prompts and the mood chart, reached by keyboard as a person would (Ctrl+3, Ctrl+P,
Ctrl+Tab), in light and dark at a roomy and a small window. Screenshots go to
artifacts/screenshots/ to be looked at."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from e2e.desktop import (
    PASSPHRASE,
    app_process,
    passphrase_vault,
    screenshot,
    unlock_with_passphrase,
    wait_for_window,
    xdotool,
    xvfb_display,
)
from e2e.journal_seed import seed_lived_in_vault
from helpers.repo import app_command

SIZES = [(1280, 800), (900, 600)]


@pytest.fixture(scope="module")
def display() -> str:
    with xvfb_display() as name:
        yield name


def fingerprint(shot: Path) -> str:
    return hashlib.sha256(shot.read_bytes()).hexdigest()


def screenshot_once_changed(display: str, name: str, before: Path, timeout: float = 10) -> Path:
    """A screenshot taken once the screen no longer shows ``before``, or the last one
    tried. An app still busy after the unlock answers a key late, not never: a fixed
    0.6 s pause lost that race once, in a full CI run with a moved clock."""
    deadline = time.monotonic() + timeout
    while True:
        shot = screenshot(display, name)
        if fingerprint(shot) != fingerprint(before) or time.monotonic() > deadline:
            return shot
        time.sleep(0.3)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_journal_list_entry_prompts_and_chart(
    display: str, isolated_home: Path, tmp_path: Path, theme: str
) -> None:
    env = passphrase_vault(display, tmp_path)
    seed_lived_in_vault(isolated_home, PASSPHRASE, datetime.now(UTC))
    settings_file = isolated_home / "config" / "settings.json"
    # No reminders: after the day's check-in time (20:00) a start shows one, and its
    # notification would take the keys below; the test must pass at any hour.
    settings = {"theme": theme, "last_pane": "journal", "reminders_enabled": False}
    settings_file.write_text(json.dumps(settings))

    with app_process(app_command(), env=env) as app:
        unlock_with_passphrase(display)
        window = wait_for_window(display, "Journal — Reconnect")
        for width, height in SIZES:
            xdotool(display, "windowsize", "--sync", window, str(width), str(height))
            xdotool(display, "windowmove", "--sync", window, "0", "0")
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "sleep", "1")  # the unlock (scrypt), the read and a repaint
            shots = [screenshot(display, f"journal-entry-{theme}-{width}x{height}")]
            for keys, view in (("ctrl+p", "prompts"), ("ctrl+Tab", "chart")):
                xdotool(display, "key", keys)
                name = f"journal-{view}-{theme}-{width}x{height}"
                shots.append(screenshot_once_changed(display, name, before=shots[-1]))
            # Each key changed what is on screen: three different pictures.
            assert len({fingerprint(shot) for shot in shots}) == 3
            xdotool(display, "key", "ctrl+shift+Tab", "ctrl+shift+Tab")  # back to the entry
        xdotool(display, "key", "ctrl+q")
        assert app.wait(timeout=20) == 0
