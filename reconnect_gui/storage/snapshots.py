"""Automatic daily copies of the vault file, the newest few kept in the data folder.

A snapshot is the vault file itself, copied with SQLite's online backup (consistent
even while the app writes), so it is exactly as encrypted as the vault: it opens with
the same key, passphrase or recovery code, and needs no secret of its own. To go back
to one, copy it over ``vault.sqlite3`` while Reconnect is closed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reconnect_gui.storage.backup import dated_files, rotate_backups
from reconnect_gui.storage.errors import VaultError

SNAPSHOT_PATTERN = re.compile(r"vault-(\d{8}T\d{6}Z)\.sqlite3", re.ASCII)
SNAPSHOT_INTERVAL = timedelta(days=1)
DEFAULT_KEEP = 7
FOLDER_NAME = "snapshots"


def snapshot_name(moment: datetime) -> str:
    """``vault-YYYYmmddTHHMMSSZ.sqlite3`` for a timezone-aware moment (in UTC)."""
    return f"vault-{moment.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}.sqlite3"


def take_snapshot_if_due(
    vault_path: Path,
    folder: Path,
    now: datetime,
    keep: int = DEFAULT_KEEP,
    interval: timedelta = SNAPSHOT_INTERVAL,
) -> Path | None:
    """Copy the vault when the newest snapshot is ``interval`` old (or from the future,
    after the clock was set back); keep the newest ``keep``. Returns the new file."""
    existing = dated_files(folder, SNAPSHOT_PATTERN)
    if existing:
        newest = existing[-1][0]
        if newest <= now and now - newest < interval:
            return None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / snapshot_name(now)
    temp = folder / f".{target.name}.tmp"
    try:
        _copy(vault_path, temp)
        os.replace(temp, target)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            temp.unlink()
        raise VaultError(
            "Reconnect could not save today's automatic copy of your vault (the disk may be "
            "full). Your vault itself is fine."
        ) from None
    rotate_backups(folder, keep, SNAPSHOT_PATTERN)
    return target


def _copy(vault_path: Path, temp: Path) -> None:
    source = sqlite3.connect(f"{vault_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        destination = sqlite3.connect(temp)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            destination.close()
    finally:
        source.close()
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
