"""``reconnect snapshot list|restore`` and the conflict copies in ``reconnect vault status``,
run as real processes on a real vault folder."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.repo import REPO, app_command
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.snapshots import IN_USE, take_snapshot_if_due
from reconnect_gui.storage.vault import create_vault, open_vault

CHEAP = KdfParams.new(n=2**10)
CODE = "7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR"
TAKEN = datetime(2026, 3, 29, 8, 30, tzinfo=UTC)
SNAPSHOT = "vault-20260329T083000Z.sqlite3"

# Writes one more record and dies without closing the vault: its WAL stays behind.
CRASHING_WRITER = r"""
import os, sys
from pathlib import Path
from reconnect_gui.storage.vault import open_vault

vault = open_vault(Path(sys.argv[1])).unlock_with_key(bytes.fromhex(sys.argv[2]))
vault.put("journal_entry", {"title": "after the snapshot"})
os._exit(0)
"""

HOLDER = r"""
import sys
from pathlib import Path
from reconnect_gui.storage.vault import open_vault

vault = open_vault(Path(sys.argv[1])).unlock_with_key(bytes.fromhex(sys.argv[2]))
print("open", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A data folder with a vault holding "first", and today's snapshot of it."""
    root = tmp_path / "home"
    path = root / "data" / "vault.sqlite3"
    vault, key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    vault.put(JOURNAL_ENTRY, {"title": "first"})
    assert take_snapshot_if_due(path, path.parent / "snapshots", TAKEN) is not None
    vault.close()
    return root, path, key


def reconnect(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        app_command("--data-dir", str(root), *args),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def titles(path: Path, key: bytes) -> list[str]:
    with open_vault(path) as locked, locked.unlock_with_key(key) as vault:
        return sorted(r.data["title"] for r in vault.records()[0])


def test_list_and_restore_a_snapshot_over_a_vault_with_a_stale_wal(home) -> None:
    root, path, key = home
    crash = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(path), key.hex()], cwd=REPO, timeout=60
    )
    assert crash.returncode == 0 and Path(f"{path}-wal").stat().st_size > 0

    listed = reconnect(root, "snapshot", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (copy,) = json.loads(listed.stdout)["copies"]
    assert copy == {"name": SNAPSHOT, "kind": "snapshot", "made": "2026-03-29T08:30:00+00:00"}
    plain = reconnect(root, "snapshot", "list")
    assert SNAPSHOT in plain.stdout and "reconnect snapshot restore" in plain.stdout

    restored = reconnect(root, "snapshot", "restore", SNAPSHOT)
    assert restored.returncode == 0, restored.stderr
    assert titles(path, key) == ["first"]  # the snapshot, not the WAL's newer state
    (kept,) = path.parent.glob("vault-before-restore-*.sqlite3")
    assert titles(kept, key) == ["after the snapshot", "first"]
    assert kept.name in restored.stdout and "reconnect snapshot restore" in restored.stdout
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0

    undone = reconnect(root, "snapshot", "restore", kept.name)  # a restore can be undone
    assert undone.returncode == 0, undone.stderr
    assert titles(path, key) == ["after the snapshot", "first"]


def test_a_name_that_is_not_a_copy_is_refused_and_changes_nothing(home) -> None:
    root, path, _key = home
    before = path.read_bytes()
    for name in ("vault-20990101T000000Z.sqlite3", "../data/vault.sqlite3", "vault.sqlite3"):
        result = reconnect(root, "snapshot", "restore", name)
        assert result.returncode == 2
        assert "no copy" in result.stderr and "reconnect snapshot list" in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_restore_is_refused_while_another_program_has_the_vault_open(home) -> None:
    root, path, key = home
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), key.hex()],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        names = sorted(p.name for p in path.parent.iterdir())
        result = reconnect(root, "snapshot", "restore", SNAPSHOT)
        assert result.returncode == 5 and IN_USE in result.stderr
        assert sorted(p.name for p in path.parent.iterdir()) == names
    finally:
        holder.communicate("", timeout=30)


def test_no_copies_yet_is_said_plainly(tmp_path: Path) -> None:
    result = reconnect(tmp_path / "empty", "snapshot", "list")
    assert result.returncode == 0 and "no copies" in result.stdout.lower()


def test_vault_status_tells_of_a_conflict_copy_beside_the_vault(home) -> None:
    root, path, _key = home
    conflict = path.with_name("vault.sync-conflict-20260329-101500-ABCDEF7.sqlite3")
    conflict.write_bytes(path.read_bytes())
    status = reconnect(root, "vault", "status")
    assert conflict.name in status.stdout and "sync app" in status.stdout
    as_json = json.loads(reconnect(root, "vault", "status", "--json").stdout)
    assert as_json["conflict_copies"] == [conflict.name]
    listed = json.loads(reconnect(root, "snapshot", "list", "--json").stdout)["copies"]
    assert [c["kind"] for c in listed] == ["snapshot", "conflict"]  # and it can be chosen
