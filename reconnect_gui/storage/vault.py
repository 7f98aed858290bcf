"""The encrypted vault: one SQLite file where everything the user wrote is ciphertext.

Format version 1 (kept in step with docs/vault-format.md):

    SQLite 3 file; page_size 16384 (2 KB records stay off overflow pages);
    application_id 0x52434E56 ("RCNV"); user_version = format version (1);
    journal_mode WAL; every writing connection: synchronous=FULL, secure_delete=ON.

    meta(key TEXT PRIMARY KEY, value BLOB)
        'vault_id'   TEXT: 32 lowercase hex digits (16 random bytes)
        'key_check'  BLOB: nonce(12) || AES-256-GCM(data key, b"reconnect key check v1", AD_check)
        'public:<slot name>'  BLOB: nonce(12) || AES-256-GCM(data key, slot public key, AD_public)
    key_slots(name TEXT PRIMARY KEY, kdf TEXT NOT NULL, nonce BLOB NOT NULL, wrapped BLOB NOT NULL)
        name 'recovery' (always) or 'passphrase' (optional)
        kdf      JSON {"length": 32, "n": .., "name": "scrypt", "p": .., "r": .., "salt": b64,
                       "wrap": "x25519" (sealed slots; absent in older, symmetric ones)}
        wrapped  sealed: ephemeral X25519 public(32) || AES-256-GCM(HKDF(X25519 shared), data
                 key, AD_slot), the private key being scrypt(secret); symmetric:
                 AES-256-GCM(scrypt(secret), data key, AD_slot): 32 + 16 bytes
                 secret = the 25 recovery symbols without dashes (ASCII), or the passphrase
                 as NFC UTF-8
    records(id TEXT PRIMARY KEY, kind TEXT NOT NULL, nonce BLOB NOT NULL,
            ciphertext BLOB NOT NULL);  INDEX records_kind ON records(kind)
        ciphertext  AES-256-GCM(data key, plaintext, AD_record), 16-byte tag at the end
        plaintext   UTF-8 JSON {"created": ISO-8601 UTC, "updated": ISO-8601 UTC, "data": {..}}

    Associated data: fields, each a u32 big-endian byte length then UTF-8 bytes:
        AD_record = ("reconnect/record", "1", vault_id, record id, kind)
        AD_slot   = ("reconnect/key-slot", "1", vault_id, slot name)
        AD_check  = ("reconnect/key-check", "1", vault_id)
        AD_public = ("reconnect/slot-public", "1", vault_id, slot name)
    "1" is the encoding version: it changes only if the encryption changes, so schema
    migrations (which run before any key is known) never need to re-encrypt.

Only record id and kind are plain. Rolling one record back to its own older ciphertext is
not detected (anyone who can write the file can also roll back the whole file).
"""

from __future__ import annotations

import contextlib
import hmac
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.journal.folding import fold
from reconnect_gui.storage import vault_codec as codec
from reconnect_gui.storage import vault_format as fmt
from reconnect_gui.storage.crypto import (
    Aead,
    DecryptError,
    KdfParams,
    new_data_key,
    passphrase_bytes,
    recovery_code_bytes,
)
from reconnect_gui.storage.errors import (
    NoVault,
    RecordDamaged,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    WrongSecret,
)
from reconnect_gui.storage.records import Record
from reconnect_gui.storage.vault_cache import PlainCache
from reconnect_gui.storage.vault_format import FORMAT_VERSION, MIGRATIONS, Migration

KEY_CHANGED = (
    "The vault's key was changed in another Reconnect window or by the command line, so "
    "nothing was saved here. Lock and unlock again to go on."
)


RESTORE_RACED = (
    "Something else saved a change to your vault while the backup was being read, so "
    "nothing was restored. Try again."
)


class RestoreRaced(VaultError):
    """Another connection committed between planning a restore and applying it."""


def open_vault(
    path: Path, *, now: Clock = system_clock, migrations: Mapping[int, Migration] = MIGRATIONS
) -> LockedVault:
    """Check the file read-only (a damaged, foreign or newer file is never changed), upgrade
    an older format in one transaction, and return the vault still locked.

    ``migrations`` is for tests of the upgrade path; the app keeps the default."""
    path = Path(path)
    if not path.exists():
        raise NoVault(fmt.NO_VAULT)
    version = fmt.check_file(path, migrations)
    try:
        conn = fmt.connect(path)
    except sqlite3.Error as error:
        raise fmt.sqlite_error(error, writing=False) from None
    try:
        if version < FORMAT_VERSION:
            fmt.migrate(conn, version, migrations)
        vault_id = str(fmt.meta(conn, "vault_id"))
    except BaseException:
        conn.close()
        raise
    return LockedVault(conn, vault_id, now)


def create_vault(
    path: Path,
    *,
    recovery_code: str,
    passphrase: str | None = None,
    kdf_params: KdfParams | None = None,
    now: Clock = system_clock,
) -> tuple[Vault, bytes]:
    """Make a new vault and its data key; raises VaultExists rather than overwrite.

    The file is built under a temporary name and linked into place only when complete, so
    a crash leaves no vault or a whole one. ``kdf_params`` sets the scrypt cost (each slot
    still draws its own salt)."""
    path = Path(path)
    if fmt.vault_files_exist(path):
        raise VaultExists(fmt.EXISTS)
    recovery = recovery_code_bytes(recovery_code)
    secret = None if passphrase is None else passphrase_bytes(passphrase)
    key, vault_id = new_data_key(), secrets.token_hex(16)
    sealed = codec.wrap_slots(vault_id, key, recovery, secret, kdf_params)
    fmt.create_file(path, vault_id, key, [row for row, _ in sealed])
    vault = open_vault(path, now=now).unlock_with_key(key)
    # A crash before this line leaves a vault that opens normally; its first change of a
    # secret then only rewraps the key (see Vault.set_passphrase).
    vault._keep_publics({row[0]: public for row, public in sealed})
    return vault, key


class RestorePlan(Protocol):
    """What apply_restore needs from storage.restore_plan.MergePlan."""

    @property
    def add(self) -> Sequence[Record]: ...
    @property
    def update(self) -> Sequence[Record]: ...
    @property
    def remove(self) -> Sequence[Record]: ...
    @property
    def drop_damaged(self) -> Sequence[str]: ...


class LockedVault:
    """A checked vault whose key is not known yet. A successful unlock hands the open file
    to the returned Vault; ``close()`` after that does nothing. A failed unlock leaves this
    object open, to try again."""

    def __init__(self, conn: sqlite3.Connection, vault_id: str, now: Clock) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._vault_id = vault_id
        self._now = now

    @property
    def vault_id(self) -> str:
        return self._vault_id

    @property
    def has_passphrase(self) -> bool:
        return self._slot(codec.PASSPHRASE) is not None

    def record_count(self) -> int:
        return int(fmt.query(self._connection(), "SELECT count(*) FROM records")[0][0])

    def unlock_with_key(self, key: bytes) -> Vault:
        """Verify ``key`` against the key check; raises WrongSecret if it is not this vault's."""
        conn = self._connection()
        check = fmt.query(conn, "SELECT value FROM meta WHERE key = 'key_check'")[0][0]
        if not codec.key_matches(self._vault_id, key, check):
            raise WrongSecret(fmt.WRONG_KEY)
        self._conn = None
        return Vault(conn, self._vault_id, key, self._now)

    def unlock_with_secret(self, secret: str) -> tuple[Vault, bytes]:
        """Try the recovery slot (if ``secret`` reads as a recovery code in any form) and the
        passphrase slot; returns the vault and its data key (to put back in the keyring)."""
        rows = fmt.query(self._connection(), "SELECT name, kdf, nonce, wrapped FROM key_slots")
        try:
            key = codec.unwrap_any(self._vault_id, {r[0]: tuple(r[1:]) for r in rows}, secret)
        except ValueError:
            raise VaultDamaged(fmt.SLOT_DAMAGED) from None
        if key is None:
            raise WrongSecret(fmt.WRONG_SECRET)
        try:
            return self.unlock_with_key(key), key
        except WrongSecret:  # the slot opened but holds another key: tampering
            raise VaultDamaged(fmt.SLOT_DAMAGED) from None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> LockedVault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise VaultError("This vault was already unlocked or closed.")
        return self._conn

    def _slot(self, name: str) -> tuple[Any, Any, Any] | None:
        rows = fmt.query(
            self._connection(), "SELECT kdf, nonce, wrapped FROM key_slots WHERE name = ?", (name,)
        )
        return tuple(rows[0]) if rows else None


class Vault:
    """An unlocked vault. Every mutating call is one transaction: it happens completely or
    not at all. Calls are serialised, so the vault may be used from any one thread at a time."""

    def __init__(self, conn: sqlite3.Connection, vault_id: str, key: bytes, now: Clock) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._vault_id = vault_id
        self._key: bytes | None = key  # kept only to wrap new key slots
        self._aead: Aead | None = Aead(key)
        self._now = now
        self._lock = threading.RLock()
        self._aad = codec.RecordAad(vault_id)
        self._cache = PlainCache()
        self._check_seen: bytes | None = None  # the key check this key was last proven on

    @property
    def vault_id(self) -> str:
        return self._vault_id

    @property
    def path(self) -> Path:
        """The vault file this object has open."""
        with self._lock:
            conn, _ = self._open()
            return Path(conn.execute("PRAGMA database_list").fetchone()[2])

    @property
    def data_key(self) -> bytes:
        """The data key, only to put it (back) into the keyring, e.g. when the app lock is
        turned off. Never log or write it anywhere else."""
        with self._lock:
            self._open()
            assert self._key is not None
            return self._key

    @property
    def has_passphrase(self) -> bool:
        with self._lock:
            conn, _ = self._open()
            rows = fmt.query(conn, "SELECT 1 FROM key_slots WHERE name = ?", (codec.PASSPHRASE,))
            return bool(rows)

    def put(self, kind: str, data: dict[str, Any], record_id: str | None = None) -> Record:
        """Save a new record (``record_id=None``) or replace one, keeping its ``created``."""
        if not isinstance(kind, str) or not kind:
            raise ValueError("A record needs a kind.")
        if record_id is not None and (not isinstance(record_id, str) or not record_id):
            raise ValueError("A record id must be non-empty text.")
        with self._lock:
            conn, aead = self._open()
            moment = codec.utc(self._now())
            new_id = record_id or _new_record_id()
            with self._write(conn):
                created = moment
                if record_id is not None:
                    old = conn.execute(
                        "SELECT id, kind, nonce, ciphertext FROM records WHERE id = ?", (new_id,)
                    ).fetchone()
                    if old is not None:
                        created = self._decrypt(old).created
                plaintext = codec.encode(created, moment, data)
                nonce, ct = aead.encrypt(plaintext, self._aad(new_id, kind))
                # A new id uses plain INSERT: a collision then fails instead of replacing.
                verb = "INSERT" if record_id is None else "INSERT OR REPLACE"
                conn.execute(f"{verb} INTO records VALUES (?, ?, ?, ?)", (new_id, kind, nonce, ct))
            record = codec.decode(new_id, kind, plaintext.decode())  # exactly what get() returns
            self._cache.put(record)
            return record

    def update(
        self,
        kind: str,
        record_id: str,
        change: Callable[[dict[str, Any] | None], dict[str, Any]],
    ) -> Record:
        """Read, change and write one record inside a single write transaction.

        ``change`` gets the record's current data (``None`` if there is none yet) and
        returns the new data. Because the read happens after the write lock is taken, a
        change saved meanwhile by another process (the command line, a second window) is
        what ``change`` sees: nothing is lost between the read and the write. A damaged
        record raises RecordDamaged and nothing changes."""
        if not isinstance(kind, str) or not kind:
            raise ValueError("A record needs a kind.")
        if not isinstance(record_id, str) or not record_id:
            raise ValueError("A record id must be non-empty text.")
        with self._lock:
            conn, aead = self._open()
            moment = codec.utc(self._now())
            with self._write(conn):
                old = conn.execute(
                    "SELECT id, kind, nonce, ciphertext FROM records WHERE id = ?", (record_id,)
                ).fetchone()
                current = None if old is None else self._decrypt(old)
                if current is not None and current.kind != kind:
                    # A wrong id must never re-encrypt another kind's data as this kind.
                    raise ValueError("That id belongs to another kind of record.")
                data = change(None if current is None else current.data)
                created = moment if current is None else current.created
                plaintext = codec.encode(created, moment, data)
                nonce, ct = aead.encrypt(plaintext, self._aad(record_id, kind))
                conn.execute(
                    "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                    (record_id, kind, nonce, ct),
                )
            record = codec.decode(record_id, kind, plaintext.decode())
            self._cache.put(record)
            return record

    def delete_if(self, record_id: str, condition: Callable[[Record], bool]) -> bool:
        """Delete a record only if ``condition`` holds for it as stored at that moment,
        inside one write transaction, so a change saved elsewhere between a check and a
        delete (an entry restored from the trash) is seen. Returns whether it was
        deleted; False when there is no such record or the condition is false."""
        with self._lock:
            conn, _ = self._open()
            with self._write(conn):
                row = conn.execute(
                    "SELECT id, kind, nonce, ciphertext FROM records WHERE id = ?", (record_id,)
                ).fetchone()
                if row is None or not condition(self._decrypt(row)):
                    return False
                conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
            self._cache.remove(record_id)
            return True

    def checkpoint(self) -> None:
        """Copy everything from the write-ahead log into the main file and empty the log,
        so that ``vault.sqlite3`` alone holds every saved change (for a copy made by hand
        or by a sync tool). Quiet when another connection is reading: it is retried later."""
        with self._lock:
            conn, _ = self._open()
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def get(self, record_id: str) -> Record:
        """The record; KeyError if there is none, RecordDamaged if it fails its check."""
        with self._lock:
            conn, _ = self._open()
            rows = fmt.query(
                conn, "SELECT id, kind, nonce, ciphertext FROM records WHERE id = ?", (record_id,)
            )
            if not rows:
                raise KeyError(record_id)
            return self._decrypt(rows[0])

    def delete(self, record_id: str) -> None:
        """Remove a record; KeyError if there is none."""
        with self._lock:
            conn, _ = self._open()
            with self._write(conn):
                if conn.execute("DELETE FROM records WHERE id = ?", (record_id,)).rowcount == 0:
                    raise KeyError(record_id)
            self._cache.remove(record_id)

    def records(self, kind: str | None = None) -> tuple[list[Record], list[str]]:
        """Every readable record, newest-updated first, and the ids of damaged ones."""
        with self._lock:
            return self._current_cache().records(kind)

    def search(self, text: str, kind: str | None = None) -> tuple[list[Record], list[str]]:
        """Records with ``text`` inside a string value, ignoring case and accents (the
        journal's own fold); plus the ids of damaged records. No pattern syntax."""
        with self._lock:
            return self._current_cache().search(fold(text), kind)

    def _current_cache(self) -> PlainCache:
        """The decrypted records, read afresh if this is the first read since unlocking or
        another connection has committed a change since the last one."""
        conn, _ = self._open()
        try:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            raise fmt.sqlite_error(error, writing=False) from None
        if not self._cache.is_current(version):
            found, damaged = [], {}
            for row in self._rows(None):
                try:
                    found.append(self._decrypt(row))
                except RecordDamaged as damage:
                    damaged[damage.record_id] = str(row[1])
            self._cache.fill(version, found, damaged)
        return self._cache

    def apply_restore(self, plan: RestorePlan) -> None:
        """Apply a restore plan (see storage/restore_plan.py) in one transaction: records in
        ``add`` and ``update`` are written exactly as given, timestamps included, those in
        ``remove`` and the damaged ids in ``drop_damaged`` are deleted. On any failure
        nothing changes.

        The plan was made from ``records()``: if another window or process saved a change
        since that read, applying it would undo that change, so it is refused
        (RestoreRaced) and the caller plans again."""
        with self._lock:
            planned_at = self._cache.version
            self._cache.clear()
            conn, aead = self._open()
            with self._write(conn):
                if planned_at is not None:
                    now_at = conn.execute("PRAGMA data_version").fetchone()[0]
                    if now_at != planned_at:
                        raise RestoreRaced(RESTORE_RACED)
                conn.executemany("DELETE FROM records WHERE id = ?", [(r.id,) for r in plan.remove])
                conn.executemany(
                    "DELETE FROM records WHERE id = ?", [(i,) for i in plan.drop_damaged]
                )
                for record in (*plan.add, *plan.update):
                    if not (isinstance(record.id, str) and record.id and record.kind):
                        raise ValueError("A restored record needs an id and a kind.")
                    plaintext = codec.encode(record.created, record.updated, record.data)
                    nonce, ct = aead.encrypt(plaintext, self._aad(record.id, record.kind))
                    conn.execute(
                        "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                        (record.id, record.kind, nonce, ct),
                    )

    def opens_with(self, secret: str) -> bool:
        """Whether ``secret`` (the passphrase or recovery code) opens this vault: asked
        before a change that someone at an unlocked computer must not make alone."""
        with self._lock:
            conn, _ = self._open()
            rows = fmt.query(conn, "SELECT name, kdf, nonce, wrapped FROM key_slots")
            key = self._key
        try:
            found = codec.unwrap_any(self._vault_id, {r[0]: tuple(r[1:]) for r in rows}, secret)
        except ValueError:
            return False
        return found is not None and key is not None and hmac.compare_digest(found, key)

    def set_passphrase(self, new: str | None, *, kdf_params: KdfParams | None = None) -> bool:
        """Set or change the passphrase; ``None`` removes it (the recovery code remains).

        The data key is replaced at the same time (every record re-encrypted, in one
        transaction) when the other slot can take the new key without its secret, which
        is true of every vault made or re-keyed by this version. Then the old passphrase
        opens nothing written from now on, not even with an older copy of the file.
        Returns whether the key was replaced; False means only the slot was rewrapped."""
        secret = None if new is None else passphrase_bytes(new)
        return self._change_secret(codec.PASSPHRASE, secret, kdf_params)

    def replace_recovery_code(self, new_code: str, *, kdf_params: KdfParams | None = None) -> bool:
        """Use a new recovery code; the old code stops working. Replaces the data key like
        ``set_passphrase`` and returns whether it did."""
        secret = recovery_code_bytes(new_code)
        return self._change_secret(codec.RECOVERY, secret, kdf_params)

    def rotate_key(
        self, recovery_code: str, passphrase: str | None, *, kdf_params: KdfParams | None = None
    ) -> bytes:
        """Re-encrypt everything under a new data key and rewrap the slots (no passphrase
        slot when ``passphrase`` is None), in one transaction. Returns the new key; the old
        one stops working. A damaged record aborts it with RecordDamaged, changing nothing."""
        recovery = recovery_code_bytes(recovery_code)
        secret = None if passphrase is None else passphrase_bytes(passphrase)
        with self._lock:
            key = new_data_key()
            sealed = codec.wrap_slots(self._vault_id, key, recovery, secret, kdf_params)
            self._rekey(key, [row for row, _ in sealed], {row[0]: pub for row, pub in sealed})
            return key

    def _change_secret(self, name: str, secret: bytes | None, params: KdfParams | None) -> bool:
        with self._lock:
            conn, _ = self._open()
            others = fmt.query(conn, "SELECT name, kdf FROM key_slots WHERE name != ?", (name,))
            publics = {other: self._public(conn, other, kdf) for other, kdf in others}
            if all(public is not None for public in publics.values()):
                key = new_data_key()
                kept = {other: public for other, public in publics.items() if public}
                slots = [
                    codec.reseal_slot(self._vault_id, other, kdf, kept[other], key)
                    for other, kdf in others
                ]
                if secret is not None:
                    row, kept[name] = codec.wrap_slot(self._vault_id, name, secret, key, params)
                    slots.append(row)
                self._rekey(key, slots, kept)
                return True
            # A slot from before sealing can only be rewrapped by its own secret, so the
            # key stays; the settings screen says what that means.
            assert self._key is not None
            with self._write(conn):
                conn.execute("DELETE FROM key_slots WHERE name = ?", (name,))
                conn.execute("DELETE FROM meta WHERE key = ?", (codec.public_meta_key(name),))
                if secret is not None:
                    row, public = codec.wrap_slot(self._vault_id, name, secret, self._key, params)
                    conn.execute("INSERT INTO key_slots VALUES (?, ?, ?, ?)", row)
                    self._insert_public(conn, name, public, self._key)
            return False

    def _rekey(self, key: bytes, slots: list[codec.Slot], publics: dict[str, bytes]) -> None:
        """Re-encrypt every record and the key check under ``key`` and install ``slots``
        and their public keys, all in one transaction; RecordDamaged changes nothing."""
        self._cache.clear()
        conn, old = self._open()
        new = Aead(key)
        with self._write(conn):
            for record_id, kind, nonce, ciphertext in conn.execute(
                "SELECT id, kind, nonce, ciphertext FROM records"
            ).fetchall():
                try:
                    aad = self._aad(record_id, kind)
                    plaintext = old.decrypt(nonce, ciphertext, aad)
                except (DecryptError, AttributeError):
                    raise RecordDamaged(fmt.ROTATE_DAMAGED, record_id) from None
                conn.execute(
                    "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?",
                    (*new.encrypt(plaintext, aad), record_id),
                )
            nonce, check = new.encrypt(codec.KEY_CHECK, codec.check_aad(self._vault_id))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'key_check'", (nonce + check,))
            conn.execute("DELETE FROM key_slots")
            conn.executemany("INSERT INTO key_slots VALUES (?, ?, ?, ?)", slots)
            conn.execute("DELETE FROM meta WHERE key LIKE 'public:%'")
            for name, public in publics.items():
                self._insert_public(conn, name, public, key)
        self._key, self._aead, self._check_seen = key, new, nonce + check
        # Old ciphertext also sits in the WAL until it is reused: empty it now.
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _keep_publics(self, publics: dict[str, bytes]) -> None:
        with self._lock:
            conn, _ = self._open()
            assert self._key is not None
            with self._write(conn):
                for name, public in publics.items():
                    self._insert_public(conn, name, public, self._key)

    def _insert_public(
        self, conn: sqlite3.Connection, name: str, public: bytes, key: bytes
    ) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            (codec.public_meta_key(name), codec.encrypt_public(self._vault_id, name, public, key)),
        )

    def _public(self, conn: sqlite3.Connection, name: str, kdf: str) -> bytes | None:
        """A slot's public key, if the slot is sealed and the data key vouches for it."""
        try:
            if not codec.is_sealed(kdf):
                return None
        except ValueError:
            raise VaultDamaged(fmt.SLOT_DAMAGED) from None
        rows = fmt.query(
            conn, "SELECT value FROM meta WHERE key = ?", (codec.public_meta_key(name),)
        )
        assert self._key is not None
        return codec.decrypt_public(self._vault_id, name, rows[0][0], self._key) if rows else None

    @contextlib.contextmanager
    def _write(self, conn: sqlite3.Connection) -> Iterator[None]:
        """One write transaction that first proves this object's key is still the vault's:
        after another window or the command line changed the key, a write under the old
        one would leave records nobody can read."""
        with fmt.transaction(conn):
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
            check = None if row is None else row[0]
            if check != self._check_seen:
                assert self._key is not None
                if not (
                    isinstance(check, bytes) and codec.key_matches(self._vault_id, self._key, check)
                ):
                    raise VaultLocked(KEY_CHANGED)
                self._check_seen = check
            yield

    def close(self) -> None:
        """Close the file and drop this object's reference to the key."""
        with self._lock:
            self._cache.clear()  # decrypted text never outlives the unlock
            conn, self._conn, self._key, self._aead = self._conn, None, None, None
            if conn is not None:
                conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self) -> tuple[sqlite3.Connection, Aead]:
        if self._conn is None or self._aead is None:
            raise VaultLocked(fmt.LOCKED)
        return self._conn, self._aead

    def _rows(self, kind: str | None) -> Iterator[tuple[Any, ...]]:
        # Iterated, not fetched whole: reusing one row's memory for the next is twice as
        # fast as holding every ciphertext at once.
        conn, _ = self._open()
        sql = "SELECT id, kind, nonce, ciphertext FROM records"
        try:
            if kind is None:
                yield from conn.execute(sql)
            else:
                yield from conn.execute(sql + " WHERE kind = ?", (kind,))
        except sqlite3.Error as error:
            raise fmt.sqlite_error(error, writing=False) from None

    def _decrypt(self, row: tuple[Any, ...]) -> Record:
        record_id, kind, nonce, ciphertext = row
        _, aead = self._open()
        try:
            plain = aead.decrypt(nonce, ciphertext, self._aad(record_id, kind))
            return codec.decode(record_id, kind, plain.decode())
        except (DecryptError, ValueError, KeyError, TypeError, AttributeError):
            raise RecordDamaged(fmt.RECORD_DAMAGED, str(record_id)) from None


def _new_record_id() -> str:
    """A random record id that never starts with "-", so the command line can take it as
    an argument ("journal show ID") instead of reading it as an option."""
    while True:
        candidate = secrets.token_urlsafe(12)
        if not candidate.startswith("-"):
            return candidate
