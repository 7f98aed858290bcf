"""Encrypted backups: round trips, the real `age` tool both ways, damage, rotation.

Each age passphrase operation runs scrypt for a second or more, so files are sealed
once per module and the damage tests reuse them.
"""

from __future__ import annotations

import errno
import os
import pty
import re
import select
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pyrage
import pytest

from helpers.repo import require_tool
from reconnect_gui.storage.backup import (
    CANNOT_REOPEN,
    DAMAGED,
    MAX_WORK_FACTOR,
    NOT_A_BACKUP,
    NOT_PASSPHRASE,
    TOO_SLOW,
    WRONG_PASSPHRASE,
    dated_files,
    read_backup,
    rotate_backups,
    scrypt_work_factor,
    write_backup,
)
from reconnect_gui.storage.errors import VaultDamaged, VaultError, WrongSecret

PASSPHRASE = "correct horse — ünïcødé 🐴 battery"
PAYLOAD = '{"format": "reconnect-export", "note": "Dear diary — ✨ \\u0000 שלום"}\n'.encode()


def backup_name(moment: datetime) -> str:
    """``reconnect-backup-YYYYmmddTHHMMSSZ.age``, the name rotation keeps count of (in UTC)."""
    return f"reconnect-backup-{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}.age"


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sealed") / "reconnect-backup-20250101T120000Z.age"
    write_backup(path, PAYLOAD, PASSPHRASE)
    return path


def header_length(data: bytes) -> int:
    """Bytes up to and including the header's MAC line ("--- <mac>\\n")."""
    mac_line = data.index(b"\n--- ") + 1
    return data.index(b"\n", mac_line) + 1


def run_in_terminal(argv: list[str], prompts: list[bytes], answer: bytes) -> bytes:
    """Run argv under a pseudo-terminal, typing ``answer`` at each prompt in turn.

    age reads passphrases only from a terminal, never from a pipe.
    """
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    output, seen_up_to = b"", 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if prompts and (at := output.find(prompts[0], seen_up_to)) >= 0:
                seen_up_to = at + len(prompts.pop(0))
                os.write(fd, answer + b"\n")
        else:
            os.kill(pid, 9)
            pytest.fail("age did not finish within 60 s")
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    assert not prompts, output
    assert os.waitstatus_to_exitcode(status) == 0, output
    return output


def test_round_trip_private_and_atomic(sealed: Path) -> None:
    assert read_backup(sealed, PASSPHRASE) == PAYLOAD
    assert sealed.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert sealed.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in sealed.parent.iterdir()] == [sealed.name]  # no temp file left
    assert PAYLOAD not in sealed.read_bytes()


def test_the_age_tool_opens_our_backup(sealed: Path, tmp_path: Path) -> None:
    age = require_tool("age")
    out = tmp_path / "export.json"
    started = time.monotonic()
    run_in_terminal([age, "-d", "-o", str(out), str(sealed)], [b"passphrase"], PASSPHRASE.encode())
    assert out.read_bytes() == PAYLOAD
    assert time.monotonic() - started < 60


def test_a_backup_made_by_the_age_tool_opens(tmp_path: Path) -> None:
    age = require_tool("age")
    plain, made = tmp_path / "export.json", tmp_path / "by-age.age"
    plain.write_bytes(PAYLOAD)
    run_in_terminal(
        [age, "-p", "-o", str(made), str(plain)],
        [b"Enter passphrase", b"Confirm passphrase"],
        PASSPHRASE.encode(),
    )
    assert made.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert read_backup(made, PASSPHRASE) == PAYLOAD


def test_wrong_passphrase(sealed: Path) -> None:
    with pytest.raises(WrongSecret) as caught:
        read_backup(sealed, PASSPHRASE + " ")
    assert caught.value.message == WRONG_PASSPHRASE == "That passphrase does not open this backup."
    assert caught.value.__cause__ is None


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "b.age"
    with pytest.raises(ValueError, match="needs a passphrase"):
        write_backup(target, PAYLOAD, "")
    assert not target.exists()


@pytest.mark.parametrize(
    "where",
    ["empty", "magic-part", "magic", "stanza", "before-mac-end", "header", "nonce",
     "first-chunk", "last-byte"],
)  # fmt: skip
def test_truncated_backups_are_damaged(sealed: Path, tmp_path: Path, where: str) -> None:
    data = sealed.read_bytes()
    header = header_length(data)
    cut = {
        "empty": 0,
        "magic-part": 10,
        "magic": 22,
        "stanza": 40,
        "before-mac-end": header - 2,
        "header": header,
        "nonce": header + 8,
        "first-chunk": header + 16 + 20,
        "last-byte": len(data) - 1,
    }[where]
    short = tmp_path / "short.age"
    short.write_bytes(data[:cut])
    with pytest.raises(VaultDamaged) as caught:
        read_backup(short, PASSPHRASE)
    assert caught.value.message in (NOT_A_BACKUP, DAMAGED)
    assert caught.value.__cause__ is None


def test_altered_payload_is_damaged(sealed: Path, tmp_path: Path) -> None:
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0x01
    altered = tmp_path / "altered.age"
    altered.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged, match="damaged or incomplete"):
        read_backup(altered, PASSPHRASE)


def test_altered_header_mac_is_damaged(sealed: Path, tmp_path: Path) -> None:
    data = bytearray(sealed.read_bytes())
    data[header_length(data) - 3] ^= 0x01  # inside the base64 MAC
    altered = tmp_path / "altered.age"
    altered.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged) as caught:
        read_backup(altered, PASSPHRASE)
    assert not isinstance(caught.value, WrongSecret)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (os.urandom(4096), NOT_A_BACKUP),
        (b'{"format": "reconnect-export", "version": 1}', NOT_A_BACKUP),
        (b"age-encryption.org/v1\n" + os.urandom(200), DAMAGED),
        (b"age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 18\nAAAA\n--- AAAA\n", DAMAGED),
    ],
    ids=["random", "plain-json", "magic-then-garbage", "broken-header"],
)
def test_garbage_is_not_a_backup(tmp_path: Path, content: bytes, message: str) -> None:
    junk = tmp_path / "junk.age"
    junk.write_bytes(content)
    with pytest.raises(VaultDamaged) as caught:
        read_backup(junk, PASSPHRASE)
    assert caught.value.message == message


def test_excessive_work_factor_is_refused_at_once(sealed: Path, tmp_path: Path) -> None:
    data = re.sub(rb"(-> scrypt \S+ )\d+\n", rb"\g<1>30\n", sealed.read_bytes(), count=1)
    greedy = tmp_path / "greedy.age"
    greedy.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(VaultDamaged) as caught:
        read_backup(greedy, PASSPHRASE)
    assert caught.value.message == TOO_SLOW
    assert time.monotonic() - started < 1


def test_an_age_file_for_a_key_is_explained(tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    keyed = tmp_path / "keyed.age"
    keyed.write_bytes(pyrage.encrypt(PAYLOAD, [identity.to_public()]))
    with pytest.raises(VaultDamaged) as caught:
        read_backup(keyed, PASSPHRASE)
    assert caught.value.message == NOT_PASSPHRASE


def test_unreadable_locations(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="does not exist"):
        read_backup(tmp_path / "missing.age", PASSPHRASE)
    with pytest.raises(VaultError, match="folder"):
        read_backup(tmp_path, PASSPHRASE)


def test_a_failed_save_keeps_the_previous_backup(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reconnect-backup-20250101T120000Z.age"
    before = sealed.read_bytes()
    target.write_bytes(before)

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(VaultError, match="disk is full"):
        write_backup(target, b"new", PASSPHRASE)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_backup_name_is_read_as_its_moment_in_utc(tmp_path: Path) -> None:
    moment = datetime(2025, 3, 9, 23, 30, 5, tzinfo=timezone(timedelta(hours=-2)))
    path = tmp_path / "reconnect-backup-20250310T013005Z.age"
    path.write_bytes(b"x")
    assert dated_files(tmp_path) == [(moment, path)]


def test_rotation_keeps_the_newest_and_nothing_else_is_touched(tmp_path: Path) -> None:
    start = datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)
    ours = [tmp_path / backup_name(start + timedelta(hours=7 * i)) for i in range(7)]
    for path in reversed(ours):  # creation order must not matter
        path.write_bytes(b"x")
    os.utime(ours[0], (2_000_000_000, 2_000_000_000))  # nor file times
    others = [
        "reconnect-backup-20251301T000000Z.age",  # no 13th month
        "reconnect-backup-20240101T000000Z.age.tmp",
        ".reconnect-backup-20240101T000000Z.age.123.tmp",
        "reconnect-backup-2024.age",
        "RECONNECT-BACKUP-20240101T000000Z.AGE",
        "my-own-backup.age",
        "notes.txt",
    ]
    for name in others:
        (tmp_path / name).write_bytes(b"keep me")
    (tmp_path / "reconnect-backup-20000101T000000Z.age").mkdir()  # a folder: not ours
    (tmp_path / "reconnect-backup-20000102T000000Z.age").symlink_to(tmp_path / "notes.txt")

    deleted = rotate_backups(tmp_path, keep=3)

    assert deleted == ours[:4]  # oldest first
    remaining = {p.name for p in tmp_path.iterdir()}
    expected_others = {*others, "reconnect-backup-20000101T000000Z.age"}
    assert remaining == {p.name for p in ours[4:]} | expected_others | {
        "reconnect-backup-20000102T000000Z.age"
    }
    assert rotate_backups(tmp_path, keep=3) == []
    assert rotate_backups(tmp_path, keep=10) == []


def test_rotation_edge_cases(tmp_path: Path) -> None:
    assert rotate_backups(tmp_path / "no-such-folder", keep=2) == []
    with pytest.raises(ValueError):
        rotate_backups(tmp_path, keep=0)


# What reading a file costs is decided by its header: scrypt with log2 N = 23 wants 8 GiB.
# The read runs in a child limited to 1 GiB of address space, so a library that starts the
# work crashes there instead of swapping this machine, and the test sees it.
READ_UNDER_A_MEMORY_LIMIT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from pathlib import Path
from reconnect_gui.storage.backup import read_backup
from reconnect_gui.storage.errors import VaultError
try:
    read_backup(Path(sys.argv[1]), sys.argv[2])
except VaultError as error:
    print(error.message)
"""


def with_work_factor(sealed: Path, folder: Path, factor: str) -> Path:
    data = re.sub(
        rb"(-> scrypt \S+ )\d+\n", rb"\g<1>" + factor.encode() + rb"\n", sealed.read_bytes()
    )
    crafted = folder / f"work-factor-{factor}.age"
    crafted.write_bytes(data)
    return crafted


@pytest.mark.parametrize("factor", ["22", "23", "64", "0023", "99999999999999999999999"])
def test_a_work_factor_above_what_reconnect_writes_is_refused_before_any_work(
    sealed: Path, tmp_path: Path, factor: str
) -> None:
    crafted = with_work_factor(sealed, tmp_path, factor)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", READ_UNDER_A_MEMORY_LIMIT, str(crafted), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == TOO_SLOW
    assert time.monotonic() - started < 20  # no scrypt run at all (the child's start-up only)


def test_what_reconnect_writes_it_can_open_again(sealed: Path) -> None:
    assert 10 <= scrypt_work_factor(sealed.read_bytes()) <= MAX_WORK_FACTOR


def test_a_backup_reconnect_could_not_open_again_is_never_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The work factor comes from the age library (about a second on this computer); a
    # computer so fast that it chose more than Reconnect opens gets a sentence, not a file.
    monkeypatch.setattr("reconnect_gui.storage.backup.MAX_WORK_FACTOR", 10)
    target = tmp_path / "reconnect-backup-20250101T120000Z.age"
    with pytest.raises(VaultError) as caught:
        write_backup(target, PAYLOAD, PASSPHRASE)
    assert caught.value.message == CANNOT_REOPEN
    assert list(tmp_path.iterdir()) == []


# --- a copy dated in the future (made while the clock was wrong) ---------------------------

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


def make_dated(folder: Path, *moments: datetime) -> list[Path]:
    paths = [folder / backup_name(moment) for moment in moments]
    for path in paths:
        path.write_bytes(b"x")
    return paths


def test_a_copy_from_the_future_never_costs_the_newest_real_copy(tmp_path: Path) -> None:
    (future,) = make_dated(tmp_path, NOW + timedelta(days=365 * 70))
    (today,) = make_dated(tmp_path, NOW)
    assert rotate_backups(tmp_path, keep=1, now=NOW) == [future]
    assert [p.name for p in tmp_path.iterdir()] == [today.name]


def test_a_copy_from_the_future_never_blocks_rotation(tmp_path: Path) -> None:
    (future,) = make_dated(tmp_path, NOW + timedelta(days=3))
    real: list[Path] = []
    for day in range(6):  # one copy a day, rotated like the automatic ones
        now = NOW + timedelta(minutes=day)
        real += make_dated(tmp_path, now)
        rotate_backups(tmp_path, keep=3, now=now)
    assert sorted(tmp_path.iterdir()) == real[-3:]
    assert not future.exists()


def test_dated_files_puts_copies_from_the_future_before_the_real_ones(tmp_path: Path) -> None:
    later, much_later = NOW + timedelta(seconds=1), NOW + timedelta(days=999)
    old, current, ahead, far = make_dated(tmp_path, NOW - timedelta(days=1), NOW, later, much_later)
    assert [p for _, p in dated_files(tmp_path, now=NOW)] == [ahead, far, old, current]
    assert [p for _, p in dated_files(tmp_path)] == [old, current, ahead, far]  # by name alone
