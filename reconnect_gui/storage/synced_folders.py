"""Copies of the vault that sync apps leave beside it, and one plain sentence about them.

When two computers change a synced file before the sync app has carried one change over,
the app keeps both: one under the vault's name, the other renamed by the app's own rule.
Reconnect opens only ``vault.sqlite3`` and never merges or deletes such a copy; it says
that one is there (the GUI when the vault unlocks, ``reconnect vault status``), because
the copy may hold entries written on the other computer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path


def _patterns(stem: str, suffix: str) -> tuple[re.Pattern[str], ...]:
    stem, suffix = re.escape(stem), re.escape(suffix)
    return (
        # Syncthing: name.sync-conflict-<date>-<time>-<device>.ext
        re.compile(rf"{stem}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Za-z0-9]+)?{suffix}"),
        # Dropbox: "name (Alex's conflicted copy 2026-03-29).ext"; Nextcloud desktop:
        # "name (conflicted copy 2026-03-29 101500).ext"
        re.compile(rf"{stem} \([^()]*conflicted copy[^()]*\){suffix}", re.IGNORECASE),
        # ownCloud and older Nextcloud clients: name_conflict-<date>-<time>.ext
        re.compile(rf"{stem}_conflict-\d{{8}}-\d{{6}}{suffix}"),
    )


def conflict_copies(vault_path: Path) -> list[Path]:
    """The conflict copies of ``vault_path`` in its folder, by name (files only)."""
    patterns = _patterns(vault_path.stem, vault_path.suffix)
    try:
        entries = list(os.scandir(vault_path.parent))
    except OSError:
        return []
    found = [
        Path(entry.path)
        for entry in entries
        if any(p.fullmatch(entry.name) for p in patterns) and entry.is_file()
    ]
    return sorted(found, key=lambda p: p.name)


def conflict_notice(names: Sequence[str], vault_name: str = "vault.sqlite3") -> str | None:
    """What to tell the person about the conflict copies ``names`` (None: there are none)."""
    if not names:
        return None
    copies = ", ".join(names)
    if len(names) == 1:
        return (
            f"A sync app left another copy of your vault beside it: {copies}. Reconnect keeps "
            f"using {vault_name} and leaves that copy as it is; it may hold entries written "
            "on another computer."
        )
    return (
        f"A sync app left {len(names)} other copies of your vault beside it: {copies}. "
        f"Reconnect keeps using {vault_name} and leaves those copies as they are; they may "
        "hold entries written on another computer."
    )
