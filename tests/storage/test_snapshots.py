from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.snapshots import take_snapshot_if_due
from reconnect_gui.storage.vault import create_vault, open_vault

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
