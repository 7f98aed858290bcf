"""Screenshots of every pane, light and dark, at a roomy and the smallest window, from the
real app on a real X server with a lived-in vault; for looking at, before and after a
change of looks: ``PYTHONPATH=tests python -m e2e.pane_shots artifacts/before``.

Also the unlock dialog after a wrong passphrase (its message must fit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from e2e.desktop import (
    PASSPHRASE,
    app_process,
    passphrase_vault,
    quit_with_ctrl_q,
    unlock_with_passphrase,
    wait_for_window,
    xdotool,
    xvfb_display,
)
from e2e.journal_seed import seed_lived_in_vault
from helpers.repo import app_command, require_tool

SIZES = ((1280, 800), (720, 480))
PANES = (
    ("countdown", "ctrl+1"),
    ("draft", "ctrl+2"),
    ("journal", "ctrl+3"),
    ("settings", "ctrl+4"),
)
DRAFT = (
    "Hi Sam, I hope you are well. I have been thinking about the way things ended, and I "
    "wanted to say thank you for the good years. You always said I never listened, and "
    "maybe that was true. I am not asking for anything. Take care of yourself."
)


def seed_draft(now: datetime) -> None:
    """One letter in the Draft pane, written a day ago (the vault under RECONNECT_HOME)."""
    from reconnect_gui.core.drafts.draft import new_draft
    from reconnect_gui.storage.draft_store import save_draft
    from reconnect_gui.storage.unlock import vault_file
    from reconnect_gui.storage.vault import open_vault
    from reconnect_gui.system.paths import app_paths

    path = vault_file(app_paths(None).data)
    vault, _key = open_vault(path, now=lambda: now).unlock_with_secret(PASSPHRASE)
    try:
        save_draft(vault, new_draft("letter", now - timedelta(days=1), body=DRAFT))
    finally:
        vault.close()


@dataclass(frozen=True)
class ShotsDesktop:
    """Where the screenshot scripts run the app: an X server, and a home of its own."""

    display: str
    env: dict[str, str]  # the app's environment (no keyring: the passphrase is typed)
    home: Path  # RECONNECT_HOME


@contextmanager
def shots_desktop(*seeds: Callable[[datetime], None]) -> Iterator[ShotsDesktop]:
    """A fresh X server and a temporary home holding a lived-in vault and one letter in
    Drafts; each of ``seeds`` adds more to the vault (it is given the time "now")."""
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
            for seed in seeds:
                seed(now)
            yield ShotsDesktop(display, env, home)


def start_app(
    desktop: ShotsDesktop, theme: str, last_pane: str
) -> AbstractContextManager[subprocess.Popen]:
    """The app in ``theme``, opening on ``last_pane`` once unlocked; killed at the end if
    a step left it running."""
    settings_file = desktop.home / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"theme": theme, "last_pane": last_pane}))
    return app_process(app_command(), env=desktop.env)


def unlocked_window(display: str) -> str:
    """Unlock with the passphrase; the main window."""
    unlock_with_passphrase(display)
    return wait_for_window(display, "Reconnect")


def place_window(display: str, window: str, width: int, height: int) -> None:
    """``width``×``height`` in the top left corner, with the keyboard."""
    xdotool(display, "windowsize", "--sync", window, str(width), str(height))
    xdotool(display, "windowmove", "--sync", window, "0", "0")
    xdotool(display, "windowfocus", "--sync", window)


def grab(display: str, window: str, target: Path) -> None:
    subprocess.run(
        [require_tool("import"), "-window", window, str(target)],
        env={**os.environ, "DISPLAY": display},
        check=True,
        timeout=30,
    )


def shoot_theme(desktop: ShotsDesktop, theme: str, out: Path) -> None:
    display = desktop.display
    with start_app(desktop, theme, "countdown") as app:
        window = unlocked_window(display)
        for width, height in SIZES:
            place_window(display, window, width, height)
            for name, keys in PANES:
                xdotool(display, "key", keys)
                time.sleep(1.2)  # the pane is built, the journal read, a repaint
                grab(display, window, out / f"{name}-{theme}-{width}x{height}.png")
                if name == "journal" and width == SIZES[0][0]:  # and its mood chart
                    xdotool(display, "key", "ctrl+p", "ctrl+Tab")  # prompts, then the chart
                    time.sleep(0.8)
                    grab(display, window, out / f"mood-chart-{theme}-{width}x{height}.png")
                    xdotool(display, "key", "ctrl+shift+Tab", "ctrl+shift+Tab")
        quit_with_ctrl_q(display, window, app)


def shoot_wrong_passphrase(desktop: ShotsDesktop, theme: str, out: Path) -> None:
    """The unlock dialog after a wrong passphrase: its message must fit."""
    display = desktop.display
    with start_app(desktop, theme, "countdown"):  # ended by app_process, still asking
        dialog = wait_for_window(display, "Unlock Reconnect")
        xdotool(display, "windowfocus", "--sync", dialog)
        xdotool(display, "type", "--delay", "10", "not the passphrase")
        xdotool(display, "key", "Return")
        time.sleep(4)  # scrypt, then the message
        grab(display, dialog, out / f"unlock-wrong-{theme}.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with shots_desktop() as desktop:
        # A first start once: its stray black square (a never-painted window of the
        # vault's first unlock on this bare X server) stays out of the pictures kept.
        with tempfile.TemporaryDirectory() as warm_up:
            shoot_theme(desktop, "light", Path(warm_up))
        for theme in ("light", "dark"):
            shoot_theme(desktop, theme, out)
        for theme in ("light", "dark"):
            shoot_wrong_passphrase(desktop, theme, out)
    print("\n".join(sorted(str(p) for p in out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/shots"))
