import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from helpers.repo import REPO
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.errors import VaultDamaged, VaultError, VaultInUse
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.snapshots import (
    COPY_DAMAGED,
    IN_USE,
    NO_SUCH_COPY,
    CopyKind,
    find_copy,
    restore_copy,
    take_snapshot_if_due,
    vault_copies,
)
from reconnect_gui.storage.vault import create_vault, open_vault
from reconnect_gui.storage.vault_format import PAGE_SIZE

CHEAP = KdfParams.new(n=2**10)
DAY_ONE = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


@pytest.fixture
def vault_with_entry(tmp_path: Path):
    path = tmp_path / "vault.sqlite3"
    vault, key = create_vault(path, recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012", kdf_params=CHEAP)
    vault.put(JOURNAL_ENTRY, {"title": "first"})
    yield path, vault, key
    vault.close()


def test_a_snapshot_opens_with_the_same_key_and_holds_the_records(vault_with_entry, tmp_path):
    path, vault, key = vault_with_entry
    snapshot = take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    assert snapshot is not None and snapshot.stat().st_mode & 0o077 == 0
    vault.put(JOURNAL_ENTRY, {"title": "after the snapshot"})
    with open_vault(snapshot) as locked:
        copy = locked.unlock_with_key(key)
        records, damaged = copy.records()
        copy.close()
    assert [r.data["title"] for r in records] == ["first"] and damaged == []


def test_one_a_day_and_only_the_newest_are_kept(vault_with_entry, tmp_path):
    path, _vault, _key = vault_with_entry
    folder = tmp_path / "snapshots"
    (folder / "notes.txt").parent.mkdir()
    (folder / "notes.txt").write_text("not ours")
    assert take_snapshot_if_due(path, folder, DAY_ONE) is not None
    assert take_snapshot_if_due(path, folder, DAY_ONE + timedelta(hours=23)) is None
    for day in range(1, 6):
        assert take_snapshot_if_due(path, folder, DAY_ONE + timedelta(days=day), keep=3)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "notes.txt",
        "vault-20260401T003000Z.sqlite3",
        "vault-20260402T003000Z.sqlite3",
        "vault-20260403T003000Z.sqlite3",
    ]


def test_a_clock_set_back_does_not_stop_the_snapshots(vault_with_entry, tmp_path):
    path, _vault, _key = vault_with_entry
    folder = tmp_path / "snapshots"
    assert take_snapshot_if_due(path, folder, DAY_ONE + timedelta(days=365)) is not None
    assert take_snapshot_if_due(path, folder, DAY_ONE) is not None


def test_a_snapshot_dated_in_the_future_never_costs_todays(vault_with_entry, tmp_path):
    """A copy made while the clock was set ahead must not push out the newest real one."""
    path, _vault, _key = vault_with_entry
    folder = tmp_path / "snapshots"
    assert take_snapshot_if_due(path, folder, DAY_ONE + timedelta(days=25_000)) is not None
    today = take_snapshot_if_due(path, folder, DAY_ONE, keep=1)
    assert today is not None and today.exists()


def test_two_snapshots_at_once_do_not_share_a_temporary_file(vault_with_entry, tmp_path):
    """A snapshot still running from an earlier unlock may meet the next one (same clock)."""
    path, _vault, _key = vault_with_entry
    folder = tmp_path / "snapshots"
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: take_snapshot_if_due(path, folder, DAY_ONE), range(4)))
    assert any(made)
    (only,) = folder.iterdir()  # one whole copy, no temporary file left
    with open_vault(only) as locked:
        assert locked.record_count() == 1


# --- Going back to a copy ----------------------------------------------------------------

# Opens the vault, writes two records, and dies without closing it, as a crash or a SIGTERM
# would: its WAL stays beside the vault with frames the next open replays.
CRASHING_WRITER = r"""
import os, sys
from pathlib import Path
from reconnect_gui.storage.vault import open_vault

path, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
vault = open_vault(path).unlock_with_key(key)
for title in ("after the snapshot", "just before the crash"):
    vault.put("journal_entry", {"title": title})
os._exit(0)
"""

# Holds the vault open (as the app does while unlocked) until its stdin closes.
HOLDER = r"""
import sys
from pathlib import Path
from reconnect_gui.storage.vault import open_vault

vault = open_vault(Path(sys.argv[1])).unlock_with_key(bytes.fromhex(sys.argv[2]))
vault.records()
print("open", flush=True)
sys.stdin.read()
"""


def titles(path: Path, key: bytes) -> list[str]:
    with open_vault(path) as locked, locked.unlock_with_key(key) as vault:
        return sorted(r.data["title"] for r in vault.records()[0])


def test_restoring_a_snapshot_never_replays_a_stale_wal_and_keeps_the_vault_aside(
    vault_with_entry, tmp_path
):
    """Copying a snapshot over vault.sqlite3 by hand (as this module used to suggest) with
    a -wal left by a crash replays the newer WAL over the older file: the old state back,
    or a damaged vault. restore_copy folds that WAL into the vault it belongs to, keeps
    that vault aside whole, and puts the snapshot in place with no WAL of the old file."""
    path, vault, key = vault_with_entry
    snapshot = take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    assert snapshot is not None
    vault.close()
    crash = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(path), key.hex()], cwd=REPO, timeout=60
    )
    assert crash.returncode == 0
    assert Path(f"{path}-wal").stat().st_size > 0  # the crash left its WAL

    (copy,) = [c for c in vault_copies(path, DAY_ONE) if c.kind == CopyKind.SNAPSHOT]
    assert copy.path == snapshot and copy.made == DAY_ONE
    outcome = restore_copy(path, copy, DAY_ONE + timedelta(days=1))

    assert titles(path, key) == ["first"]
    set_aside = outcome.set_aside
    assert set_aside is not None
    assert set_aside.name == "vault-before-restore-20260330T003000Z.sqlite3"
    assert titles(set_aside, key) == ["after the snapshot", "first", "just before the crash"]
    assert set_aside.stat().st_mode & 0o077 == 0
    with sqlite3.connect(path) as conn:  # the restored vault is in WAL mode, like a new one
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "snapshots",
        "vault-before-restore-20260330T003000Z.sqlite3",
        "vault.sqlite3",
    ]
    # The copy kept aside is itself a copy to go back to: a restore can be undone.
    kept = find_copy(path, set_aside.name, DAY_ONE + timedelta(days=1))
    assert kept.kind == CopyKind.SET_ASIDE
    restore_copy(path, kept, DAY_ONE + timedelta(days=2))
    assert titles(path, key) == ["after the snapshot", "first", "just before the crash"]


def test_restoring_is_refused_while_another_program_has_the_vault_open(vault_with_entry, tmp_path):
    path, vault, key = vault_with_entry
    take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    vault.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), key.hex()],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = sorted(p.name for p in tmp_path.iterdir())
        (copy,) = vault_copies(path, DAY_ONE)
        with pytest.raises(VaultInUse) as caught:
            restore_copy(path, copy, DAY_ONE, wait_seconds=0.2)
        assert caught.value.message == IN_USE
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    finally:
        holder.communicate("", timeout=30)
    restore_copy(path, copy, DAY_ONE)  # once it has closed it, the restore goes ahead


def test_a_damaged_copy_is_not_restored(vault_with_entry, tmp_path):
    path, vault, _key = vault_with_entry
    snapshot = take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    assert snapshot is not None
    vault.close()
    snapshot.write_bytes(snapshot.read_bytes()[:20_000])
    before = path.read_bytes()
    with pytest.raises(VaultDamaged) as caught:
        restore_copy(path, find_copy(path, snapshot.name, DAY_ONE), DAY_ONE)
    assert caught.value.message == COPY_DAMAGED
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snapshots", "vault.sqlite3"]


def test_the_copies_to_go_back_to_newest_first(vault_with_entry, tmp_path):
    path, vault, _key = vault_with_entry
    folder = tmp_path / "snapshots"
    for day in (0, 1, 2):
        take_snapshot_if_due(path, folder, DAY_ONE + timedelta(days=day))
    conflict = tmp_path / "vault.sync-conflict-20260331-101500-ABCDEF7.sqlite3"
    shutil.copyfile(folder / "vault-20260329T003000Z.sqlite3", conflict)
    (folder / "notes.txt").write_text("not ours")
    copies = vault_copies(path, DAY_ONE + timedelta(days=3))
    assert [(c.kind, c.name) for c in copies][:3] == [
        (CopyKind.SNAPSHOT, "vault-20260331T003000Z.sqlite3"),
        (CopyKind.SNAPSHOT, "vault-20260330T003000Z.sqlite3"),
        (CopyKind.SNAPSHOT, "vault-20260329T003000Z.sqlite3"),
    ]
    assert [(c.kind, c.name) for c in copies][3:] == [(CopyKind.CONFLICT, conflict.name)]
    for wrong in ("notes.txt", "../vault.sqlite3", "vault.sqlite3", "", "snapshots"):
        with pytest.raises(VaultError) as caught:
            find_copy(path, wrong, DAY_ONE)
        assert caught.value.message == NO_SUCH_COPY
    vault.close()


def test_a_damaged_vault_is_kept_aside_as_it_was_and_the_copy_takes_its_place(
    vault_with_entry, tmp_path
):
    path, vault, key = vault_with_entry
    take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    vault.close()
    data = bytearray(path.read_bytes())
    data[3 * PAGE_SIZE : 3 * PAGE_SIZE + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        open_vault(path)
    (copy,) = vault_copies(path, DAY_ONE)
    outcome = restore_copy(path, copy, DAY_ONE)
    assert titles(path, key) == ["first"]
    assert outcome.set_aside is not None and outcome.set_aside.read_bytes() == bytes(data)


def test_a_wal_left_without_its_vault_is_kept_aside_not_replayed(vault_with_entry, tmp_path):
    path, vault, key = vault_with_entry
    take_snapshot_if_due(path, tmp_path / "snapshots", DAY_ONE)
    vault.close()
    crash = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(path), key.hex()], cwd=REPO, timeout=60
    )
    assert crash.returncode == 0
    wal = Path(f"{path}-wal").read_bytes()
    path.unlink()  # the vault itself lost; its WAL still there
    (copy,) = vault_copies(path, DAY_ONE)
    outcome = restore_copy(path, copy, DAY_ONE)
    assert titles(path, key) == ["first"]
    assert outcome.set_aside is not None and outcome.set_aside.name.endswith(".sqlite3-wal")
    assert outcome.set_aside.read_bytes() == wal
