"""Issue 17: "I feel the urge…" works while Reconnect is locked, on a real X server,
driven by keys and clicks. Ctrl+U opens it in one step; the breathing needs no unlocking;
a letter typed while locked stays in memory only (nothing on disk) until the person
unlocks, and is then saved, encrypted, in the journal. The tray reaches it in one step
too, without asking for the passphrase first. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from e2e.desktop import (
    PASSPHRASE,
    app_process,
    choose_in_tray_menu,
    close_with_escape,
    passphrase_vault,
    quit_with_ctrl_q,
    screenshot,
    tray_host,
    tray_icons,
    visible_windows,
    wait_for_window,
    wait_until,
    wait_until_closed,
    xdotool,
    xvfb_display,
)
from helpers.repo import app_command

MAIN_WINDOW = "Countdown — Reconnect"
SOS = "A moment for you"
MARKER = "zebra lighthouse marmalade"  # words found nowhere else


def _files_hold(folder: Path, words: str) -> list[Path]:
    return [
        path for path in folder.rglob("*") if path.is_file() and words.encode() in path.read_bytes()
    ]


def test_the_urge_flow_while_locked_saves_the_letter_only_after_unlocking(
    isolated_home: Path, tmp_path: Path
) -> None:
    with xvfb_display() as display:
        env = passphrase_vault(display, tmp_path, days_without_contact=5.2)
        with app_process(app_command(), env=env) as app:
            # Locked: the unlock dialog asks first; not now.
            unlock = wait_for_window(display, "Unlock Reconnect")
            close_with_escape(display, unlock)
            window = wait_for_window(display, MAIN_WINDOW)
            screenshot(display, "urge-locked-home")

            # Ctrl+U: the urge flow, at once, without a passphrase.
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "ctrl+u")
            sos = wait_for_window(display, SOS)
            assert not visible_windows(display, "Unlock Reconnect")
            xdotool(display, "sleep", "1.5")  # breathe a little
            screenshot(display, "urge-locked-breathing")

            # "I'm a bit calmer" has the focus: on to writing.
            xdotool(display, "windowfocus", "--sync", sos)
            xdotool(display, "key", "space")
            xdotool(display, "sleep", "0.3")
            xdotool(display, "type", "--delay", "15", f"I miss you. {MARKER}")
            xdotool(display, "sleep", "0.3")
            screenshot(display, "urge-locked-writing")
            assert _files_hold(isolated_home, MARKER) == []  # in memory only

            # Closing offers to unlock (the words are kept), and unlocking saves them.
            xdotool(display, "key", "Escape")
            asked = wait_for_window(display, "Unlock Reconnect")
            assert visible_windows(display, SOS), "the words stay on screen meanwhile"
            screenshot(display, "urge-locked-asks-to-unlock")
            assert _files_hold(isolated_home, MARKER) == []
            xdotool(display, "windowfocus", "--sync", asked)
            xdotool(display, "type", "--delay", "20", PASSPHRASE)
            xdotool(display, "key", "Return")
            wait_until_closed(display, asked)
            wait_until_closed(display, sos)  # saved, then closed as asked

            window = wait_for_window(display, MAIN_WINDOW)
            quit_with_ctrl_q(display, window, app)

        secret = tmp_path / "passphrase"
        listed = subprocess.run(
            app_command("journal", "list", "--json", "--passphrase-file", str(secret)),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listed.returncode == 0, listed.stderr
        bodies = [entry["body"] for entry in json.loads(listed.stdout)["entries"]]
        assert any(MARKER in body for body in bodies)
        assert _files_hold(isolated_home, MARKER) == []  # on disk only encrypted


def test_the_tray_opens_the_urge_flow_without_asking_to_unlock(tmp_path: Path) -> None:
    with xvfb_display() as display, tray_host(display):
        env = passphrase_vault(display, tmp_path, days_without_contact=5.2)
        with app_process(app_command("--tray"), env=env) as app:
            wait_until(lambda: len(tray_icons(display)) == 1, "no icon docked in the tray")
            icon = tray_icons(display)[0]
            choose_in_tray_menu(display, icon, "Down", "Down")  # "I feel the urge…"
            sos = wait_for_window(display, SOS)
            xdotool(display, "sleep", "1")
            assert not visible_windows(display, "Unlock Reconnect")
            screenshot(display, "urge-locked-from-tray")
            close_with_escape(display, sos)  # nothing written: it just closes
            choose_in_tray_menu(display, icon, "Up")  # Quit
            assert app.wait(timeout=20) == 0
