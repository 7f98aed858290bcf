"""The PyInstaller binary as its own age worker (build it first: ./dev.sh package).

In the frozen app ``sys.executable`` is the binary itself, so the child is started as
``reconnect --age-worker``; this seals and opens a backup through it, as Settings does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from helpers.repo import REPO
from reconnect_gui.storage import backup_worker
from reconnect_gui.storage.backup import read_backup

pytestmark = pytest.mark.frozen

BINARY = Path(os.environ.get("RECONNECT_BINARY", REPO / "dist" / "reconnect" / "reconnect"))
PASSPHRASE = "a lighthouse in the fog"
PAYLOAD = b'{"records": []}\n'


def test_the_frozen_binary_seals_and_opens_a_backup_as_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} does not exist: build it with ./dev.sh build")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(BINARY))
    assert backup_worker.child_command() == [str(BINARY), backup_worker.WORKER_FLAG]
    target = tmp_path / "backup.age"
    backup_worker.seal_in_child(target, PAYLOAD, PASSPHRASE)
    assert read_backup(target, PASSPHRASE) == PAYLOAD
    assert backup_worker.open_in_child(target, PASSPHRASE) == PAYLOAD
