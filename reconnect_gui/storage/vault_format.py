"""The vault's file layer: creating the SQLite file, checking it on open, migrations,
transactions, and SQLite errors as plain sentences. Part of the format documented at the
top of vault.py (and in docs/vault-format.md); vault.py holds the public API.

No error message here quotes anything the user wrote.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from reconnect_gui.storage.crypto import Aead
from reconnect_gui.storage.errors import (
    UnsupportedVersion,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultReplaced,
)
from reconnect_gui.storage.vault_codec import KEY_CHECK, Slot, check_aad
from reconnect_gui.system.atomic import _fsync_directory

APPLICATION_ID = 0x52434E56  # "RCNV"
FORMAT_VERSION = 1  # PRAGMA user_version
PAGE_SIZE = 16384

Migration = Callable[[sqlite3.Connection], None]
# from_version -> the step that upgrades a vault to from_version + 1. Empty: v1 is current.
MIGRATIONS: dict[int, Migration] = {}

SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB)",
    "CREATE TABLE key_slots(name TEXT PRIMARY KEY, kdf TEXT NOT NULL, nonce BLOB NOT NULL,"
    " wrapped BLOB NOT NULL)",
    "CREATE TABLE records(id TEXT PRIMARY KEY, kind TEXT NOT NULL, nonce BLOB NOT NULL,"
    " ciphertext BLOB NOT NULL)",
    "CREATE INDEX records_kind ON records(kind)",
)

_LEFT = " The file was left untouched."
_UNCHANGED = " Nothing was changed;"
NOT_A_VAULT = "This file is not a Reconnect vault, or it is too damaged to recognise." + _LEFT
DAMAGED = "The vault file is damaged, so Reconnect did not open it." + _LEFT
NEWER = "This vault was saved by a newer Reconnect; update Reconnect to open it." + _LEFT
TOO_OLD = "This vault was saved by a Reconnect too old for this version to upgrade." + _LEFT
UPGRADE_FAILED = "Reconnect could not upgrade the vault to the new format."
DISK_FULL = (
    "Reconnect could not save because the disk is full. Nothing was changed; free some space "
    "and try again."
)
WRITE_FAILED = (
    "Reconnect could not save because writing to the disk failed. Nothing was changed; check "
    "that the disk has free space and is connected, then try again."
)
TOO_LONG = (
    "This is too long for Reconnect to save in one piece. Nothing was changed; try saving "
    "it as a few shorter entries."
)
READ_FAILED = "Reconnect could not read the vault file. Check that the disk is readable."
BUSY = "Another Reconnect window is using the vault right now." + _UNCHANGED + " try again soon."
READ_ONLY = "Reconnect could not save because the vault file is read-only. Nothing was changed."
EXISTS = (
    "A vault already exists here, so Reconnect did not create a new one. Nothing was overwritten."
)
REPLACED = (
    "Your vault file was replaced or moved while Reconnect had it open; a sync app may have "
    "done this. Nothing more was saved to the old file. Lock and unlock Reconnect, or start "
    "it again, to use the file that is there now."
)
NO_VAULT = "There is no vault here yet."
WRONG_SECRET = "That passphrase or recovery code did not unlock the vault. Check it and try again."
WRONG_KEY = "The saved key does not unlock this vault; use your passphrase or recovery code."
SLOT_DAMAGED = "The vault's key storage is damaged, so it cannot be unlocked this way." + _LEFT
RECORD_DAMAGED = "This entry is damaged and cannot be read. Your other entries are not affected."
ROTATE_DAMAGED = "A damaged entry kept Reconnect from changing the key. Nothing was changed."
LOCKED = "The vault is locked. Unlock it first."


# --- SQLite -----------------------------------------------------------------------------


FileIdentity = tuple[int, int]  # (device, inode): which file a name points at


def file_identity(path: Path) -> FileIdentity | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


class VaultConnection(sqlite3.Connection):
    """A connection that remembers which file it opened and stops for good once the vault's
    name points at another file, or at none.

    Sync apps (Syncthing, Dropbox, Nextcloud) replace a file by renaming their download
    over it. SQLite keeps writing to the file it opened, now nameless, and to the -wal
    beside the new one, which the next open would replay onto it. So every statement first
    checks the name (one stat, about a microsecond); on a change the connection stops before
    anything is written. SQLite leaves a moved file's -wal in place when it closes, so it
    is emptied first: it holds only changes the old file already has (every write is
    copied into the main file at once, see ``transaction``), and the new file opens clean."""

    watched: Path | None = None
    opened_as: FileIdentity | None = None
    replaced = False

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self.ensure_same_file()
        return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        self.ensure_same_file()
        return super().executemany(sql, parameters)

    def ensure_same_file(self) -> None:
        """Raise VaultReplaced (and close) if the vault's name no longer points here."""
        if self.replaced:
            raise VaultReplaced(REPLACED)
        if self.watched is None or file_identity(self.watched) == self.opened_as:
            return
        self.replaced = True
        with contextlib.suppress(sqlite3.Error):
            if self.in_transaction:
                super().execute("ROLLBACK")  # nothing new reaches the old file
            super().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.close()
        raise VaultReplaced(REPLACED)


def ensure_same_file(conn: sqlite3.Connection) -> None:
    """VaultConnection.ensure_same_file; other connections (a file being built) pass."""
    if isinstance(conn, VaultConnection):
        conn.ensure_same_file()


def connect(path: Path, *, read_only: bool = False) -> VaultConnection:
    resolved = path.resolve()
    uri = resolved.as_uri() + ("?mode=ro" if read_only else "?mode=rw")
    for _attempt in range(3):
        before = file_identity(resolved)
        # Each vault serialises its calls with a lock, so any one thread may use it at a time.
        conn = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,
            timeout=5.0,
            check_same_thread=False,
            factory=VaultConnection,
        )
        # SQLite opens the file in connect(): the same identity before and after means
        # the connection holds the file that bears the name.
        if before is not None and file_identity(resolved) == before:
            break
        conn.close()
    else:
        raise VaultReplaced(REPLACED)
    conn.watched, conn.opened_as = resolved, before
    conn.execute("PRAGMA trusted_schema = OFF")  # a crafted file cannot call functions
    conn.execute("PRAGMA cell_size_check = ON")  # notice damaged pages sooner
    if not read_only:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")  # old ciphertext does not linger
    return conn


def check_header(path: Path) -> None:
    """Reject foreign and newer files by their first 100 bytes, before SQLite (which would
    happily turn a zero-byte file into a database) opens them at all."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise VaultDamaged(NOT_A_VAULT) from None
    except OSError:
        raise VaultError(READ_FAILED) from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        raise VaultDamaged(NOT_A_VAULT)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise VaultDamaged(NOT_A_VAULT)
    if int.from_bytes(header[60:64], "big") > FORMAT_VERSION:
        raise UnsupportedVersion(NEWER)
    # SQLite writes the main file in whole pages, but reads a cut-off last page as zeros
    # without complaint. Only an unfinished checkpoint (its WAL still holding the pages)
    # can legitimately leave a partial page, so without a WAL that is a truncated file.
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    wal = sidecars(path)[0]
    wal_size = wal.stat().st_size if wal.exists() else 0
    if page_size < 512 or (path.stat().st_size % page_size and not wal_size):
        raise VaultDamaged(DAMAGED)


def check_file(path: Path, migrations: Mapping[int, Migration]) -> int:
    """Every check that needs no key, without ever writing; returns the format version."""
    check_header(path)
    wal, shm, _journal = sidecars(path)
    wal_was_there, shm_was_there = os.path.lexists(wal), os.path.lexists(shm)
    try:
        try:
            probe = connect(path, read_only=True)
            try:
                version = inspect(probe)
            finally:
                probe.close()
        except sqlite3.Error as error:
            raise sqlite_error(error, writing=False) from None
    except VaultError:
        if not (wal_was_there or shm_was_there):
            remove_empty_sidecars(path)
        raise
    if any(v not in migrations for v in range(version, FORMAT_VERSION)):
        raise VaultDamaged(TOO_OLD)
    return version


def remove_empty_sidecars(path: Path) -> None:
    """Take away the empty -wal and -shm that a read-only look at a WAL-mode file leaves
    (SQLite creates them and only a writing connection may remove them). Left beside a
    refused file, they would outlive it as "a vault already exists here".

    SQLite itself decides: a writing connection that closes as the last one removes them,
    and one that is not the last (another program has the file open) leaves them alone. A
    WAL with content is never touched: it would be written into the main file."""
    wal = sidecars(path)[0]
    try:
        if wal.stat().st_size:
            return
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=0)
    except (OSError, sqlite3.Error):
        return
    try:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA schema_version").fetchall()  # opens the (empty) WAL
    finally:
        conn.close()


def inspect(conn: sqlite3.Connection) -> int:
    """Every check that needs no key, on a read-only connection; returns the version."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise VaultDamaged(NOT_A_VAULT)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > FORMAT_VERSION:
        raise UnsupportedVersion(NEWER)
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        raise VaultDamaged(DAMAGED)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    if not {"meta", "key_slots", "records"} <= tables:
        raise VaultDamaged(DAMAGED)
    vault_id, check = meta(conn, "vault_id"), meta(conn, "key_check")
    if not (isinstance(vault_id, str) and len(vault_id) == 32 and isinstance(check, bytes)):
        raise VaultDamaged(DAMAGED)
    return version


def vault_id_untouched(path: Path) -> str | None:
    """The vault's id as its main file holds it, read with SQLite's ``immutable`` flag:
    no lock taken and no -wal or -shm made beside it, so a look-ahead (the key prefetch)
    never disturbs the app's own connection. None when the file does not say (a new
    vault's id may still be in its WAL) or cannot be read: the caller then asks later."""
    uri = path.resolve().as_uri() + "?immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def meta(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def migrate(conn: sqlite3.Connection, version: int, steps: Mapping[int, Migration]) -> None:
    """Every step and the new user_version commit together, or none of them do."""
    try:
        with transaction(conn):
            for from_version in range(version, FORMAT_VERSION):
                steps[from_version](conn)
            conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    except VaultError as error:
        raise VaultError(f"{UPGRADE_FAILED} {error.message}") from None
    except Exception:
        raise VaultError(f"{UPGRADE_FAILED} Nothing was changed.") from None


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction; any failure rolls it back and leaves the file as it was.

    Under the write lock, and again just before the commit, it checks that the vault's
    name still points at the file this connection writes (see VaultConnection): a file
    replaced underneath stops the write with VaultReplaced. After the commit the change is
    copied into the main file at once (a passive checkpoint, which never waits for
    readers), so a copy of vault.sqlite3 alone, by a sync app or by hand, holds every
    saved change; a checkpoint that fails (a full disk) leaves the change safe in the WAL."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        ensure_same_file(conn)
        yield
        ensure_same_file(conn)
        conn.execute("COMMIT")
    except BaseException as error:
        # SQLite rolls back by itself after some errors; a replaced file's connection is
        # already closed (which rolled it back).
        if not getattr(conn, "replaced", False) and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise sqlite_error(error, writing=True) from None
        raise
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def query(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error as error:
        raise sqlite_error(error, writing=False) from None


def sqlite_error(error: sqlite3.Error, *, writing: bool) -> VaultError:
    """A typed error with a plain sentence. Only what SQLite calls damage is damage: a busy
    or unreadable file must not send the user restoring backups."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return VaultError(DISK_FULL)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return VaultError(BUSY)
    if code == sqlite3.SQLITE_READONLY:
        return VaultError(READ_ONLY)
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return VaultError(WRITE_FAILED if writing else READ_FAILED)
    if code == sqlite3.SQLITE_TOOBIG:  # one value over SQLite's length limit (1 GB)
        return VaultError(TOO_LONG)
    return VaultDamaged(DAMAGED)  # CORRUPT, NOTADB, FORMAT, and anything unexpected


def create_file(path: Path, vault_id: str, key: bytes, slots: list[Slot]) -> None:
    """Build the vault under a temporary name and link it into place only when complete,
    so a crash leaves no vault or a whole one, and an existing file is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        build(temp, vault_id, key, slots)
        link_into_place(temp, path)
    except sqlite3.Error as error:
        raise sqlite_error(error, writing=True) from None
    finally:
        for leftover in (temp, *sidecars(temp)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def build(temp: Path, vault_id: str, key: bytes, slots: list[Slot]) -> None:
    """Write a complete new vault into the empty file ``temp``."""
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before the first page exists
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        with transaction(conn):
            for statement in SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            nonce, check = Aead(key).encrypt(KEY_CHECK, check_aad(vault_id))
            conn.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                [("vault_id", vault_id), ("key_check", nonce + check)],
            )
            conn.executemany("INSERT INTO key_slots VALUES (?, ?, ?, ?)", slots)
    finally:
        conn.close()  # checkpoints the WAL into the file and removes it
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def link_into_place(temp: Path, path: Path) -> None:
    # An empty -wal or a -shm left without a vault holds nothing (vault_files_exist); gone,
    # the new file starts with sidecars of its own.
    wal, shm, _journal = sidecars(path)
    if not os.path.lexists(path):
        with contextlib.suppress(OSError):
            if wal.lstat().st_size == 0:
                wal.unlink()
        with contextlib.suppress(OSError):
            shm.unlink()
    # A hard link fails when the name exists: "create unless present" in one atomic step.
    try:
        os.link(temp, path)
    except FileExistsError:
        raise VaultExists(EXISTS) from None
    except OSError:  # a file system without hard links: check, then rename
        if vault_files_exist(path):
            raise VaultExists(EXISTS) from None
        os.rename(temp, path)
    _fsync_directory(path.parent)


def sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))


def vault_files_exist(path: Path) -> bool:
    """The vault, or a sidecar that may hold saved entries: a -wal with content would be
    replayed onto a new file, and so would a -journal. An empty -wal and a -shm (an index
    SQLite rebuilds) hold nothing, so they do not count."""
    wal, _shm, journal = sidecars(path)
    if os.path.lexists(path) or os.path.lexists(journal):
        return True
    try:
        return wal.lstat().st_size > 0
    except FileNotFoundError:
        return False
