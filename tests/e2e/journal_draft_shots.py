"""Screenshots of the journal and draft panes at the smallest window (720×480), light and
dark, from the real app on a real X server: the open entry, a search with its marks, the
mood chart, the drafts. For looking at (issue 17's layout point):
``PYTHONPATH=tests python -m e2e.journal_draft_shots artifacts/issue17-small``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from e2e.desktop import (
    PASSPHRASE,
    passphrase_vault,
    wait_for_window,
    wait_until_closed,
    xdotool,
    xvfb_display,
)
from e2e.journal_seed import seed_lived_in_vault
from e2e.pane_shots import grab, seed_draft
from helpers.repo import app_command

SIZE = (720, 480)
# Where the "Mood over time" tab sits in the window at 720×480 (x, y), found by looking.
CHART_TAB = os.environ.get("CHART_TAB_AT", "560,20")


def seed_trash(now: datetime) -> None:
    """The oldest entry in the trash, so the trash view has its "Restore" bar to show."""
    from reconnect_gui.storage import journal_store
    from reconnect_gui.storage.unlock import vault_file
    from reconnect_gui.storage.vault import open_vault
    from reconnect_gui.system.paths import app_paths

    path = vault_file(app_paths(None).data)
    vault, _key = open_vault(path, now=lambda: now).unlock_with_secret(PASSPHRASE)
    try:
        entries, _damaged = journal_store.load_entries(vault)
        journal_store.trash_entry(vault, entries[-1].id, now)
    finally:
        vault.close()


def shoot(display: str, env: dict[str, str], home: Path, theme: str, out: Path) -> None:
    settings_file = home / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"theme": theme, "last_pane": "journal"}))
    app = subprocess.Popen(app_command(), env=env)
    width, height = SIZE
    try:
        dialog = wait_for_window(display, "Unlock Reconnect")
        xdotool(display, "windowfocus", "--sync", dialog)
        xdotool(display, "type", "--delay", "10", PASSPHRASE)
        xdotool(display, "key", "Return")
        wait_until_closed(display, dialog)
        window = wait_for_window(display, "Reconnect")
        xdotool(display, "windowsize", "--sync", window, str(width), str(height))
        xdotool(display, "windowmove", "--sync", window, "0", "0")
        xdotool(display, "windowfocus", "--sync", window)
        size = f"{width}x{height}"
        time.sleep(3)
        # A reminder shown as a small window of its own (no tray here) would cover the pane.
        for other in xdotool(display, "search", "--onlyvisible", "--name", ".").split():
            if other != window and "Reconnect" not in xdotool(display, "getwindowname", other):
                xdotool(display, "windowunmap", "--sync", other)
        xdotool(display, "key", "ctrl+3")
        time.sleep(2)
        grab(display, window, out / f"journal-entry-{theme}-{size}.png")
        xdotool(display, "key", "ctrl+f")
        xdotool(display, "type", "--delay", "20", "walk")
        time.sleep(1.2)
        grab(display, window, out / f"journal-search-{theme}-{size}.png")
        xdotool(display, "key", "ctrl+a", "BackSpace")
        time.sleep(0.8)
        x, y = CHART_TAB.split(",")
        xdotool(display, "mousemove", "--window", window, x, y, "click", "1")
        time.sleep(1.2)
        grab(display, window, out / f"journal-chart-{theme}-{size}.png")
        xdotool(display, "mousemove", "--window", window, "267", "75", "click", "1")  # Trash
        time.sleep(1.2)
        grab(display, window, out / f"journal-trash-{theme}-{size}.png")
        xdotool(display, "key", "ctrl+2")
        time.sleep(1.5)
        grab(display, window, out / f"draft-{theme}-{size}.png")
        xdotool(display, "mousemove", "--window", window, "160", "71", "click", "1")  # New…
        time.sleep(0.8)
        grab(display, "root", out / f"draft-new-menu-{theme}-{size}.png")
        xdotool(display, "key", "Escape")
        xdotool(display, "key", "ctrl+q")
        app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reconnect-shots-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        os.environ["RECONNECT_HOME"] = str(home)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(folder / "xdg" / var.lower())
        with xvfb_display("1280x800x24") as display:
            env = passphrase_vault(display, folder)
            now = datetime.now(UTC)
            seed_lived_in_vault(None, PASSPHRASE, now)
            seed_draft(now)
            seed_trash(now)
            for theme in sys.argv[2:] or ("light", "dark"):
                shoot(display, env, home, theme, out)
    print("\n".join(sorted(str(p) for p in out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/issue17-small"))
