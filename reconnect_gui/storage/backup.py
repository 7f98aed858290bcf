"""Encrypted backups: the JSON export inside an age file with a passphrase recipient.

The file is standard age v1 (https://age-encryption.org/v1) with one scrypt stanza,
written by ``pyrage``, so the ``age`` command-line tool opens it without Reconnect:
``age -d reconnect-backup-20250101T120000Z.age > export.json``. The passphrase is used
exactly as given (no trimming or Unicode normalisation) so that typing it into
``age`` works too. Format details: docs/backup-format.md.

pyrage holds the GIL for the whole scrypt run (about 1–4 s here), so a GUI thread
waiting on another thread still stalls: run these in a separate process or accept
a busy indicator that cannot animate.

What opening a file costs is written in its own header (the scrypt work factor), so a
crafted file could ask for gigabytes and minutes. The header is plain text: the work
factor is read and checked against ``MAX_WORK_FACTOR`` before any scrypt runs, and a
backup Reconnect could not open again is never saved.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from reconnect_gui.storage.errors import VaultDamaged, VaultError, WrongSecret, write_failure
from reconnect_gui.system.atomic import atomic_write_bytes

AGE_MAGIC = b"age-encryption.org/v1\n"
BACKUP_PATTERN = re.compile(r"reconnect-backup-(\d{8}T\d{6}Z)\.age", re.ASCII)
_NAME_TIME = "%Y%m%dT%H%M%SZ"

WRONG_PASSPHRASE = "That passphrase does not open this backup."
NOT_A_BACKUP = (
    "This file is not a Reconnect backup, so nothing was restored; choose a file named "
    "like reconnect-backup-….age."
)
DAMAGED = "This backup file is damaged or incomplete, so nothing was restored; try an older backup."
NOT_PASSPHRASE = (
    "This age file was locked with a key rather than a passphrase, so Reconnect can't "
    "open it; decrypt it with age and your key instead."
)
TOO_SLOW = (
    "This backup asks for far more work to open than Reconnect allows, so it was not "
    "opened; make a new backup with Reconnect."
)
CANNOT_REOPEN = (
    "Reconnect could not make a backup that it would be able to open again, so none was "
    "saved; your vault itself is fine."
)

# The scrypt work factor (log2 N) Reconnect accepts. Reconnect's age library picks about
# one second of work on the computer making the backup: 18 to 20 on today's computers
# (the age tool itself always writes 18). 21 leaves room for a faster one and costs at
# most 2 GiB of memory for 2^21 rounds; each step up doubles both. The library's own limit
# (its pick on the opening computer plus 4) let a crafted file ask for 8 GiB.
MAX_WORK_FACTOR = 21
_SCRYPT_STANZA = b"-> scrypt "


def write_backup(path: Path, payload: bytes, passphrase: str) -> None:
    """Encrypt ``payload`` to ``path`` atomically: an old file there stays whole on failure."""
    if not passphrase:
        raise ValueError("A backup needs a passphrase, so none was written; choose one.")
    from pyrage import EncryptError
    from pyrage import passphrase as age_passphrase

    try:
        sealed = age_passphrase.encrypt(payload, passphrase)
    except EncryptError:
        raise VaultError("Reconnect could not encrypt the backup; please try again.") from None
    if scrypt_work_factor(sealed) > MAX_WORK_FACTOR:
        raise VaultError(CANNOT_REOPEN)
    try:
        atomic_write_bytes(path, sealed)
    except OSError as error:
        raise write_failure(error, "the backup was not saved") from None


def read_backup(path: Path, passphrase: str) -> bytes:
    """The decrypted payload (the JSON export bytes; validate with export.parse_document).

    Wrong passphrase → WrongSecret. Not an age file, a truncated or altered one → VaultDamaged.
    A damaged passphrase stanza is indistinguishable from a wrong passphrase (both fail
    the same authentication), so it is reported as a wrong passphrase.
    """
    try:
        sealed = path.read_bytes()
    except FileNotFoundError:
        raise VaultError("That backup file does not exist; check its name and try again.") from None
    except IsADirectoryError:
        raise VaultError("That is a folder, not a backup file; choose the .age file.") from None
    except OSError:
        raise VaultError(
            "Reconnect could not read that backup file; check that you may open it."
        ) from None
    if not sealed.startswith(AGE_MAGIC):
        raise VaultDamaged(NOT_A_BACKUP)
    if scrypt_work_factor(sealed) > MAX_WORK_FACTOR:
        raise VaultDamaged(TOO_SLOW)  # before any scrypt: the header alone says what it costs
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    try:
        opened: bytes = age_passphrase.decrypt(sealed, passphrase)
        return opened
    except DecryptError as error:
        raise _decrypt_problem(str(error)) from None


def scrypt_work_factor(sealed: bytes) -> int:
    """The largest scrypt work factor (log2 N) named in an age file's header, read from
    its text lines (``-> scrypt SALT N``) up to the ``---`` line; 0 when it names none.
    Anything other than plain digits is left to the age library to call damaged."""
    end = sealed.find(b"\n--- ")
    header = sealed[: end if end >= 0 else len(sealed)]
    largest = 0
    for line in header.split(b"\n"):
        if not line.startswith(_SCRYPT_STANZA):
            continue
        arguments = line[len(_SCRYPT_STANZA) :].split(b" ")
        factor = arguments[-1]
        if len(arguments) != 2 or not factor.isdigit():  # bytes.isdigit: ASCII digits only
            continue
        # Any number past three digits is far beyond every limit; no need to parse it.
        largest = max(largest, int(factor) if len(factor) <= 3 else 1000)
    return largest


def _decrypt_problem(detail: str) -> VaultError:
    # pyrage has one exception type; the rage error text is the only way to tell these
    # apart. The text comes from the library, never from the file's contents.
    if detail == "Decryption failed":  # the scrypt stanza did not authenticate
        return WrongSecret(WRONG_PASSPHRASE)
    if "No matching keys" in detail:
        return VaultDamaged(NOT_PASSPHRASE)
    if "Excessive work" in detail:
        return VaultDamaged(TOO_SLOW)
    return VaultDamaged(DAMAGED)


def dated_files(
    folder: Path, pattern: re.Pattern[str] = BACKUP_PATTERN, *, now: datetime | None = None
) -> list[tuple[datetime, Path]]:
    """Regular files in ``folder`` whose whole name matches ``pattern`` (its group 1 is a
    ``YYYYmmddTHHMMSSZ`` time), with that time in UTC, oldest first.

    With ``now``, a file named after ``now`` (made while the clock was set ahead) counts
    as older than every real one: its name says nothing true about its age, and the copies
    made since the clock was put right are the newest there are. The last item is then the
    newest real copy.
    """
    found: list[tuple[datetime, Path]] = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        match = pattern.fullmatch(path.name)
        if not match or path.is_symlink() or not path.is_file():
            continue
        try:
            moment = datetime.strptime(match.group(1), _NAME_TIME).replace(tzinfo=UTC)
        except ValueError:  # e.g. a 13th month: not one of ours
            continue
        found.append((moment, path))
    if now is None:
        found.sort()
    else:
        found.sort(key=lambda item: (item[0] <= now, item))
    return found


def rotate_backups(
    folder: Path,
    keep: int,
    pattern: re.Pattern[str] = BACKUP_PATTERN,
    *,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the oldest automatic backups beyond the newest ``keep``; return them.

    Only regular files named exactly like ``pattern`` (by default
    ``reconnect-backup-YYYYmmddTHHMMSSZ.age``) with a real date count, ordered by that
    date, not by file times, which copying changes; anything else is never touched.
    Pass ``now``: a copy dated after it goes first (see ``dated_files``), so it can
    neither stay forever nor push out the newest real copy.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    backups = dated_files(folder, pattern, now=now)
    doomed = [path for _moment, path in backups[: max(0, len(backups) - keep)]]
    for path in doomed:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            raise VaultError(
                "Reconnect could not remove an old backup; check the backup folder's permissions."
            ) from None
    return doomed
