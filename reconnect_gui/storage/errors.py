"""What can go wrong with the vault, each with one plain sentence for the user.

Every storage error carries ``message``: a calm sentence that says what happened and
what to do next. It never contains anything the user wrote. The command line maps the
classes to exit codes (see ``EXIT_CODES``).
"""

from __future__ import annotations

import errno


class VaultError(Exception):
    """Base class: something kept the vault from doing what was asked."""

    exit_code = 5

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class KeyUnavailable(VaultError):
    """The data key cannot be had right now: no keyring, locked, timed out, or missing."""

    exit_code = 3


class WrongSecret(KeyUnavailable):
    """The passphrase or recovery code did not open the vault."""


class VaultLocked(KeyUnavailable):
    """The vault is locked; unlock it first."""


class VaultDamaged(VaultError):
    """The file is damaged, tampered with, or not a Reconnect vault. It was left untouched."""

    exit_code = 4


class UnsupportedVersion(VaultDamaged):
    """The vault was written by a newer Reconnect than this one."""


class RecordDamaged(VaultDamaged):
    """One record failed its integrity check; the others are fine."""

    def __init__(self, message: str, record_id: str) -> None:
        super().__init__(message)
        self.record_id = record_id


class VaultReplaced(VaultError):
    """The vault file was replaced or moved while it was open (a sync app renames its
    download over it). Nothing is written to, or read from, the old file after that."""


class VaultInUse(VaultError):
    """Another program (the app, a command) has the vault open, so it cannot be replaced."""


class NoVault(VaultError):
    """There is no vault yet at this location."""

    exit_code = 3


class VaultExists(VaultError):
    """A vault already exists here; nothing was overwritten."""


def write_failure(error: OSError, outcome: str) -> VaultError:
    """One plain sentence for a failed write: why (disk full, not allowed, other) and what
    it means for the user (``outcome``, e.g. "the backup was not saved")."""
    if error.errno == errno.ENOSPC:
        return VaultError(f"The disk is full, so {outcome}; free some space and try again.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError(
            f"Reconnect isn't allowed to write there, so {outcome}; choose another folder."
        )
    return VaultError(f"Reconnect could not write there, so {outcome}; try another folder.")
