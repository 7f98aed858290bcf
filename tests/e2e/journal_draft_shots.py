"""Screenshots of the journal and draft panes at the smallest window (720×480), light and
dark, from the real app on a real X server: the open entry, a search with its marks, the
mood chart, the drafts. For looking at (issue 17's layout point):
``PYTHONPATH=tests python -m e2e.journal_draft_shots artifacts/issue17-small``."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

from e2e.desktop import PASSPHRASE, quit_with_ctrl_q, xdotool
from e2e.pane_shots import (
    ShotsDesktop,
    grab,
    place_window,
    shots_desktop,
    start_app,
    unlocked_window,
)

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


def shoot(desktop: ShotsDesktop, theme: str, out: Path) -> None:
    display = desktop.display
    width, height = SIZE
    with start_app(desktop, theme, "journal") as app:
        window = unlocked_window(display)
        place_window(display, window, width, height)
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
        quit_with_ctrl_q(display, window, app)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with shots_desktop(seed_trash) as desktop:
        for theme in sys.argv[2:] or ("light", "dark"):
            shoot(desktop, theme, out)
    print("\n".join(sorted(str(p) for p in out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/issue17-small"))
