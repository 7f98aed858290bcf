"""Settings → Backup and export on a real X server, driven by keys as a person would:
make a backup, change something, restore the backup, and see the change undone. The age
work runs in the app's child process; the vault opens with a typed passphrase (no
keyring), so after the restore the app asks for it again, as after going back to a copy."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from e2e.desktop import (
    passphrase_vault,
    screenshot,
    unlock_with_passphrase,
    wait_for_window,
    wait_until,
    wait_until_closed,
    xdotool,
    xvfb_display,
)
from helpers.repo import app_command

BACKUP_PASSPHRASE = "a lighthouse in the fog"
MNEMONIC_CLICK = 0.5  # Qt clicks a button pressed by Alt+letter after a short animation


@pytest.fixture(scope="module")
def display() -> str:
    with xvfb_display() as name:
        yield name


def journal_titles(env: dict[str, str], folder: Path) -> list[str]:
    listed = subprocess.run(
        app_command("journal", "list", "--json", "--passphrase-file", str(folder / "passphrase")),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    return sorted(entry["title"] for entry in json.loads(listed.stdout)["entries"])


def add_entry(env: dict[str, str], folder: Path, title: str) -> None:
    added = subprocess.run(
        app_command("journal", "add", "--passphrase-file", str(folder / "passphrase")),
        env=env,
        input=f"{title}\nA few words.\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr


def keys(display: str, *pressed: str) -> None:
    xdotool(display, "key", "--delay", "60", *pressed)


def type_text(display: str, text: str) -> None:
    xdotool(display, "type", "--delay", "15", text)


def in_dialog(display: str, title: str) -> str:
    dialog = wait_for_window(display, title)
    xdotool(display, "windowfocus", "--sync", dialog)
    time.sleep(0.3)  # the dialog maps before it takes the keyboard
    return dialog


def test_backup_from_settings_then_restore_undoes_a_change(
    display: str, isolated_home: Path, tmp_path: Path
) -> None:
    env = passphrase_vault(display, tmp_path, days_without_contact=3)
    add_entry(env, tmp_path, "Written before the backup")
    (isolated_home / "config" / "settings.json").write_text(json.dumps({"last_pane": "settings"}))
    backup = tmp_path / "my-backup.age"

    app = subprocess.Popen(app_command(), env=env)
    try:
        unlock_with_passphrase(display)
        window = wait_for_window(display, "Settings — Reconnect")
        xdotool(display, "windowsize", "--sync", window, "1040", "700")
        xdotool(display, "windowmove", "--sync", window, "0", "0")
        xdotool(display, "windowfocus", "--sync", window)
        time.sleep(1)

        keys(display, "alt+m")  # Make a backup…
        time.sleep(MNEMONIC_CLICK)
        chooser = in_dialog(display, "Save the backup")
        screenshot(display, "backup-save-dialog")
        keys(display, "ctrl+a")
        type_text(display, str(backup))
        keys(display, "Return")
        wait_until_closed(display, chooser)
        asked = in_dialog(display, "Passphrase for the backup")
        screenshot(display, "backup-passphrase-dialog")
        type_text(display, BACKUP_PASSPHRASE)
        keys(display, "Tab")
        type_text(display, BACKUP_PASSPHRASE)
        keys(display, "Return")
        wait_until_closed(display, asked)
        screenshot(display, "backup-in-progress")
        wait_until(backup.exists, "the backup file was not written", timeout=60)
        time.sleep(1)
        screenshot(display, "backup-made")

        add_entry(env, tmp_path, "Written after the backup")
        assert journal_titles(env, tmp_path) == [
            "Written after the backup",
            "Written before the backup",
        ]

        xdotool(display, "windowfocus", "--sync", window)
        keys(display, "alt+t")  # Restore from a backup…
        time.sleep(MNEMONIC_CLICK)
        chooser = in_dialog(display, "Choose a backup to restore")
        type_text(display, str(backup))
        keys(display, "Return")
        wait_until_closed(display, chooser)
        asked = in_dialog(display, "Open the backup")
        type_text(display, BACKUP_PASSPHRASE)
        keys(display, "Return")
        wait_until_closed(display, asked)
        ask = in_dialog(display, "Restore this backup?")
        screenshot(display, "backup-restore-question")
        keys(display, "alt+p")  # Replace with the backup
        wait_until_closed(display, ask)
        unlock_with_passphrase(display)  # Reconnect locked and opens the vault again
        window = wait_for_window(display, "Settings — Reconnect")
        time.sleep(1)
        screenshot(display, "backup-restored")
        xdotool(display, "windowfocus", "--sync", window)
        keys(display, "ctrl+q")
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
    assert journal_titles(env, tmp_path) == ["Written before the backup"]
