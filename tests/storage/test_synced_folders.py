"""Copies that sync apps leave beside the vault when two computers changed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect_gui.storage.synced_folders import conflict_copies, conflict_notice

CONFLICT_NAMES = [
    "vault.sync-conflict-20260329-101500-ABCDEF7.sqlite3",  # Syncthing
    "vault (Alex's conflicted copy 2026-03-29).sqlite3",  # Dropbox
    "vault (conflicted copy).sqlite3",  # Dropbox, short form
    "vault (conflicted copy 2026-03-29 101500).sqlite3",  # Nextcloud desktop 3
    "vault_conflict-20260329-101500.sqlite3",  # ownCloud, older Nextcloud
]
NOT_CONFLICTS = [
    "vault.sqlite3",
    "vault.sqlite3-wal",
    "vault.sqlite3-shm",
    "vault.sync-conflict-20260329-101500-ABCDEF7.sqlite3-wal",  # a sidecar's, not a vault
    "journal (conflicted copy).txt",
    "settings.sync-conflict-20260329-101500-ABCDEF7.json",
    "vault-before-restore-20260329T101500Z.sqlite3",
]


def test_conflict_copies_of_the_vault_are_found_by_each_sync_apps_name(tmp_path: Path) -> None:
    for name in CONFLICT_NAMES + NOT_CONFLICTS:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "vault (conflicted copy) folder.sqlite3").mkdir()  # not a file
    found = conflict_copies(tmp_path / "vault.sqlite3")
    assert [p.name for p in found] == sorted(CONFLICT_NAMES)


def test_no_folder_or_no_copies_is_no_notice(tmp_path: Path) -> None:
    assert conflict_copies(tmp_path / "missing" / "vault.sqlite3") == []
    assert conflict_notice([]) is None


@pytest.mark.parametrize("count", [1, 3])
def test_the_notice_names_the_copies_in_plain_words(count: int) -> None:
    names = CONFLICT_NAMES[:count]
    notice = conflict_notice(names)
    assert notice is not None and notice[0].isupper() and notice.endswith(".")
    assert all(name in notice for name in names)
    assert "sync app" in notice and "vault.sqlite3" in notice
    assert ("another copy" in notice) == (count == 1) and "1 other" not in notice
    assert "sqlite" not in notice.replace("vault.sqlite3", "").replace(".sqlite3", "")
