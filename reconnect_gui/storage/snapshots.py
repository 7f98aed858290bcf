"""Automatic daily copies of the vault file, and going back to one of them.

A snapshot is the vault file itself, copied with SQLite's online backup (consistent
even while the app writes) into ``snapshots/`` beside the vault; the newest few are kept.
It is exactly as encrypted as the vault: it opens with the passphrase and recovery code
that were in use when it was made, and needs no secret of its own.

Go back to one with ``reconnect snapshot restore NAME`` or Settings → Snapshots, never by
copying it over ``vault.sqlite3`` by hand: a ``-wal`` file left beside the vault (by a
crash, a SIGTERM, or the app still running) belongs to the old file, and SQLite would
replay it over the copy, bringing back the newer state or leaving a damaged vault.
``restore_copy`` refuses while any program has the vault open, folds that WAL into the
vault it belongs to, keeps that vault aside whole (``vault-before-restore-….sqlite3``,
itself a copy to go back to), and puts the chosen copy in place with no sidecar of the old
file. A conflict copy left by a sync app (see ``synced_folders``) can be chosen the same way.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from reconnect_gui.storage import vault_format as fmt
from reconnect_gui.storage.backup import dated_files, rotate_backups
from reconnect_gui.storage.errors import VaultDamaged, VaultError, VaultInUse, write_failure
from reconnect_gui.storage.synced_folders import conflict_copies
from reconnect_gui.system.atomic import _fsync_directory

SNAPSHOT_PATTERN = re.compile(r"vault-(\d{8}T\d{6}Z)\.sqlite3", re.ASCII)
SET_ASIDE_PATTERN = re.compile(r"vault-before-restore-(\d{8}T\d{6}Z)\.sqlite3", re.ASCII)
SNAPSHOT_INTERVAL = timedelta(days=1)
DEFAULT_KEEP = 7
FOLDER_NAME = "snapshots"
CLAIM_WAIT_SECONDS = 3.0  # long enough for the app's own snapshot copy to finish
BUSY, LOCKED = sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED

IN_USE = (
    "Reconnect has your vault open right now. Lock it or quit Reconnect, then try again. "
    "Nothing was changed."
)
NO_SUCH_COPY = "Reconnect found no copy of your vault by that name. Nothing was changed."
COPY_DAMAGED = "That copy is damaged, so Reconnect did not use it. Your vault was left as it was."
LEFT_AS_IT_WAS = "your vault was left as it was"


class CopyKind(StrEnum):
    """Where a copy to go back to comes from."""

    SNAPSHOT = "snapshot"  # the automatic daily copy
    SET_ASIDE = "set_aside"  # the vault as it was before a restore
    CONFLICT = "conflict"  # left beside the vault by a sync app


@dataclass(frozen=True)
class VaultCopy:
    path: Path
    kind: CopyKind
    made: datetime  # UTC: from the name, or (a conflict copy) the file's last change

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Restored:
    copy: VaultCopy
    set_aside: Path | None  # the vault as it was (None: there was none)


def snapshot_name(moment: datetime) -> str:
    """``vault-YYYYmmddTHHMMSSZ.sqlite3`` for a timezone-aware moment (in UTC)."""
    return f"vault-{_stamp(moment)}.sqlite3"


def snapshot_folder(vault_path: Path) -> Path:
    return vault_path.parent / FOLDER_NAME


def take_snapshot_if_due(
    vault_path: Path,
    folder: Path,
    now: datetime,
    keep: int = DEFAULT_KEEP,
    interval: timedelta = SNAPSHOT_INTERVAL,
) -> Path | None:
    """Copy the vault when the newest snapshot is ``interval`` old (or from the future,
    after the clock was set back); keep the newest ``keep``. Returns the new file."""
    existing = dated_files(folder, SNAPSHOT_PATTERN, now=now)
    if existing:
        newest = existing[-1][0]
        if newest <= now and now - newest < interval:
            return None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / snapshot_name(now)
    # Its own temporary name: a copy still running from an earlier unlock may meet this one.
    temp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
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
    rotate_backups(folder, keep, SNAPSHOT_PATTERN, now=now)
    return target


def vault_copies(vault_path: Path, now: datetime) -> list[VaultCopy]:
    """Every copy the vault can go back to: snapshots and copies kept aside by earlier
    restores (newest first, a name dated in the future last), then conflict copies."""
    dated = [
        VaultCopy(path, kind, moment)
        for folder, pattern, kind in (
            (snapshot_folder(vault_path), SNAPSHOT_PATTERN, CopyKind.SNAPSHOT),
            (vault_path.parent, SET_ASIDE_PATTERN, CopyKind.SET_ASIDE),
        )
        for moment, path in dated_files(folder, pattern)
    ]
    dated.sort(key=lambda c: (c.made <= now, c.made), reverse=True)
    conflicts = []
    for path in conflict_copies(vault_path):
        with contextlib.suppress(OSError):
            changed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            conflicts.append(VaultCopy(path, CopyKind.CONFLICT, changed))
    return dated + conflicts


def own_copies(vault_path: Path) -> list[Path]:
    """The copies Reconnect made itself: daily snapshots and vaults set aside by a restore
    (not conflict copies, which belong to a sync tool)."""
    return [
        path
        for folder, pattern in (
            (snapshot_folder(vault_path), SNAPSHOT_PATTERN),
            (vault_path.parent, SET_ASIDE_PATTERN),
        )
        for _moment, path in dated_files(folder, pattern)
    ]


def forget_records_in_copies(vault_path: Path, record_ids: Sequence[str]) -> int:
    """Delete these records from every copy Reconnect made itself, so "delete for good"
    holds for its own copies too (the records are found by id; no key is needed, and
    secure_delete zeroes the freed space). Returns how many copies could not be changed
    (damaged, or busy): the caller says so; the vault itself is already done."""
    if not record_ids:
        return 0
    failed = 0
    for path in own_copies(vault_path):
        try:
            conn = sqlite3.connect(path, timeout=2)
            try:
                conn.execute("PRAGMA secure_delete=ON")
                with conn:
                    conn.executemany("DELETE FROM records WHERE id = ?", [(i,) for i in record_ids])
            finally:
                conn.close()
        except sqlite3.Error:
            failed += 1
    return failed


def renew_copies_after_key_change(vault_path: Path, now: datetime) -> Path | None:
    """After the data key changed: remove the copies Reconnect made under the old key (an
    old secret opens those) and make today's snapshot under the new one at once, so
    there is still a copy to go back to. Returns the new snapshot."""
    for path in own_copies(vault_path):
        with contextlib.suppress(OSError):
            path.unlink()
    return take_snapshot_if_due(vault_path, snapshot_folder(vault_path), now)


def find_copy(vault_path: Path, name: str, now: datetime) -> VaultCopy:
    """The copy called ``name`` (a file name from ``vault_copies``, never a path)."""
    for copy in vault_copies(vault_path, now):
        if copy.name == name:
            return copy
    raise VaultError(NO_SUCH_COPY)


def restore_copy(
    vault_path: Path,
    copy: VaultCopy,
    now: datetime,
    *,
    wait_seconds: float = CLAIM_WAIT_SECONDS,
) -> Restored:
    """Put ``copy`` in the vault's place; the vault as it was is kept aside.

    Refuses (VaultInUse) while any program has the vault open, after waiting up to
    ``wait_seconds`` for it to let go. At every step the old vault is whole under one of
    its names, so a crash halfway loses nothing; the chosen copy itself is never changed.
    """
    folder = vault_path.parent
    temp = folder / f".{vault_path.name}.{secrets.token_hex(6)}.restore"
    try:
        _prepare(copy.path, temp)
        set_aside = _swap(vault_path, temp, _set_aside_path(folder, now), wait_seconds)
    except sqlite3.Error as error:
        raise fmt.sqlite_error(error, writing=True) from None
    except OSError as error:
        raise write_failure(error, LEFT_AS_IT_WAS) from None
    finally:
        for leftover in (temp, *fmt.sidecars(temp)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return Restored(copy, set_aside)


# --- The steps ----------------------------------------------------------------------------


def _copy(vault_path: Path, temp: Path) -> None:
    """A self-contained copy of the vault (its WAL included) in rollback-journal mode."""
    source = sqlite3.connect(f"{vault_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        destination = sqlite3.connect(temp)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            destination.close()
    finally:
        source.close()
    _fsync(temp)


def _prepare(copy_path: Path, temp: Path) -> None:
    """Check the copy and build the vault-to-be under ``temp``, in WAL mode like a new
    vault. The copy is only read; sidecars a read-only look creates are taken away."""
    sidecars_before = [os.path.lexists(p) for p in fmt.sidecars(copy_path)[:2]]
    try:
        try:
            fmt.check_file(copy_path, fmt.MIGRATIONS)
        except VaultDamaged:
            raise VaultDamaged(COPY_DAMAGED) from None
        source = sqlite3.connect(f"{copy_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            destination = sqlite3.connect(temp, isolation_level=None)
            try:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode=WAL")
            finally:
                destination.close()  # folds its WAL in and removes it
        finally:
            source.close()
    finally:
        if not any(sidecars_before):
            fmt.remove_empty_sidecars(copy_path)
    _fsync(temp)


def _swap(vault_path: Path, temp: Path, set_aside: Path, wait_seconds: float) -> Path | None:
    """Keep the vault aside, then rename ``temp`` over it, holding the vault's exclusive
    lock throughout (no program can open the old file meanwhile)."""
    claim = _claim(vault_path, wait_seconds)
    try:
        kept: Path | None = None
        if os.path.lexists(vault_path):
            _link_or_copy(vault_path, set_aside)
            kept = set_aside
        wal, shm, journal = fmt.sidecars(vault_path)
        # What the claim could not fold into the vault (a damaged vault, a WAL without its
        # file) goes with the copy kept aside, and never meets the new file.
        for sidecar, suffix in ((wal, "-wal"), (journal, "-journal")):
            if _has_content(sidecar):
                _link_or_copy(sidecar, set_aside.with_name(set_aside.name + suffix))
                kept = kept or set_aside.with_name(set_aside.name + suffix)
            with contextlib.suppress(FileNotFoundError):
                sidecar.unlink()
        with contextlib.suppress(FileNotFoundError):
            shm.unlink()  # only an index; nobody else has the file open
        os.replace(temp, vault_path)
        _fsync_directory(vault_path.parent)
    finally:
        if claim is not None:
            claim.close()
    return kept


def _claim(vault_path: Path, wait_seconds: float) -> sqlite3.Connection | None:
    """Take the vault's exclusive lock, or raise VaultInUse. In WAL mode every open
    connection holds a shared lock, so this fails exactly while a program has it open.
    The claim also folds a WAL left by a crash into the vault it belongs to (the copy kept
    aside is then one whole file). None: no vault, or one too damaged to lock."""
    if not vault_path.exists():
        return None
    conn = sqlite3.connect(
        f"{vault_path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None, timeout=0
    )
    deadline = time.monotonic() + wait_seconds
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # kept until the connection closes
        while True:
            try:
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute("COMMIT")
                break
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode & 0xFF not in (BUSY, LOCKED):
                    raise
                if time.monotonic() >= deadline:
                    raise VaultInUse(IN_USE) from None
                time.sleep(0.05)
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except VaultInUse:
        conn.close()
        raise
    except sqlite3.Error:  # damaged: no program can have it open; keep it aside as it is
        conn.close()
        return None
    return conn


def _set_aside_path(folder: Path, now: datetime) -> Path:
    path = folder / f"vault-before-restore-{_stamp(now)}.sqlite3"
    second = now
    while any(os.path.lexists(p) for p in (path, *fmt.sidecars(path))):
        second += timedelta(seconds=1)  # two restores within a second: the next free name
        path = folder / f"vault-before-restore-{_stamp(second)}.sqlite3"
    return path


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for the same file (instant, and a crash leaves both whole); a file
    system without hard links gets a private copy instead."""
    try:
        os.link(source, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _has_content(path: Path) -> bool:
    try:
        return path.lstat().st_size > 0
    except FileNotFoundError:
        return False


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
