"""Creating and opening the user's vault: the one policy the GUI and the command line share.

Opening tries the OS keyring first. When the keyring cannot give the key (no backend,
locked, timed out, error, or no entry), the caller asks for the passphrase or recovery
code instead. A new data key is only ever made by ``create_user_vault``, which refuses
when a vault file already exists: a missing keyring entry never replaces a key that
encrypted data depends on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.storage.errors import KeyUnavailable
from reconnect_gui.storage.keystore import KeyStore
from reconnect_gui.storage.vault import Vault, create_vault, open_vault
from reconnect_gui.storage.vault_location import VAULT_FILE_NAME as VAULT_FILE_NAME
from reconnect_gui.storage.vault_location import vault_file as vault_file


@dataclass
class Opened:
    vault: Vault
    key_restored: bool = False  # the key was put back into the keyring after a recovery
    keyring_problem: str | None = None  # why the keyring could not be used, in plain words


def create_user_vault(
    path: Path,
    keystore: KeyStore,
    recovery_code: str,
    passphrase: str | None = None,
    now: Clock = system_clock,
) -> Opened:
    """Make a new vault; its key goes to the keyring when one works (not required)."""
    vault, key = create_vault(path, recovery_code=recovery_code, passphrase=passphrase, now=now)
    try:
        keystore.store(vault.vault_id, key)
    except KeyUnavailable as problem:
        return Opened(vault, keyring_problem=problem.message)
    return Opened(vault)


def open_vault_checked(path: Path) -> None:
    """Check that the vault opens (identity, version, integrity) without unlocking it."""
    open_vault(path).close()


def open_with_keyring(path: Path, keystore: KeyStore, now: Clock = system_clock) -> Opened:
    """Unlock with the key from the keyring; raises KeyUnavailable to ask for a secret."""
    locked = open_vault(path, now=now)
    try:
        key = keystore.load(locked.vault_id)
        vault = locked.unlock_with_key(key)
    except BaseException:
        locked.close()  # on success the unlocked vault owns the file from here on
        raise
    return Opened(vault)


def open_with_secret(
    path: Path,
    secret: str,
    keystore: KeyStore | None = None,
    restore_key: bool = False,
    now: Clock = system_clock,
) -> Opened:
    """Unlock with the passphrase or recovery code; with ``restore_key``, put the key back
    in the keyring too.

    Putting the key back is what makes the next start quiet again after a new machine or
    a lost keyring entry; if the keyring still does not work, the vault opens anyway. It is
    never the default: a key taken out on purpose (``vault lock``, the app lock) must stay
    out until the person asks for it back (``vault recover``, turning the app lock off).
    """
    locked = open_vault(path, now=now)
    try:
        vault, key = locked.unlock_with_secret(secret)
    except BaseException:
        locked.close()
        raise
    if keystore is None or not restore_key:
        return Opened(vault)
    try:
        keystore.store(vault.vault_id, key)
    except KeyUnavailable as problem:
        return Opened(vault, keyring_problem=problem.message)
    return Opened(vault, key_restored=True)
