"""The age work in a child process: real subprocesses, real scrypt, real files.

The point of the child: pyrage holds the GIL for its whole scrypt run, so a thread of the
GUI would freeze the window. These show the parent's threads keep running meanwhile, that
the passphrase and the records never reach the child's argv or environment, and that the
child's errors come back as the same plain sentences."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

import pytest

from reconnect_gui import app
from reconnect_gui.storage import backup_worker
from reconnect_gui.storage.backup import AGE_MAGIC, NOT_A_BACKUP, WRONG_PASSPHRASE, read_backup
from reconnect_gui.storage.backup_worker import WORKER_FLAG, open_in_child, seal_in_child
from reconnect_gui.storage.errors import VaultDamaged, VaultError, WrongSecret

PASSPHRASE = "tide pools — ünïcødé 🐚 at noon"
PAYLOAD = '{"records": ["a letter I never sent, with ünïcødé"]}\n'.encode()


def test_the_app_knows_the_worker_flag_without_importing_the_worker() -> None:
    assert app.AGE_WORKER_FLAG == WORKER_FLAG


def test_a_backup_sealed_in_the_child_opens_in_the_child_and_in_process(tmp_path: Path) -> None:
    target = tmp_path / "reconnect-backup-20260101T120000Z.age"
    seal_in_child(target, PAYLOAD, PASSPHRASE)
    sealed = target.read_bytes()
    assert sealed.startswith(AGE_MAGIC) and PAYLOAD not in sealed
    assert open_in_child(target, PASSPHRASE) == PAYLOAD
    assert read_backup(target, PASSPHRASE) == PAYLOAD


def test_the_childs_errors_come_back_as_the_same_sentences(tmp_path: Path) -> None:
    target = tmp_path / "backup.age"
    seal_in_child(target, PAYLOAD, PASSPHRASE)
    with pytest.raises(WrongSecret) as wrong:
        open_in_child(target, "not the passphrase")
    assert wrong.value.message == WRONG_PASSPHRASE
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(VaultDamaged) as damaged:
        open_in_child(other, PASSPHRASE)
    assert damaged.value.message == NOT_A_BACKUP
    with pytest.raises(VaultError) as missing:
        open_in_child(tmp_path / "gone.age", PASSPHRASE)
    assert "does not exist" in missing.value.message


def test_the_window_thread_keeps_running_while_the_child_runs_scrypt(tmp_path: Path) -> None:
    gaps: list[float] = []
    stop = threading.Event()

    def ticker() -> None:  # stands for Qt's event loop: it must get the GIL often
        last = time.monotonic()
        while not stop.is_set():
            time.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    thread = threading.Thread(target=ticker)
    thread.start()
    started = time.monotonic()
    try:
        seal_in_child(tmp_path / "backup.age", PAYLOAD, PASSPHRASE)
        open_in_child(tmp_path / "backup.age", PASSPHRASE)
    finally:
        stop.set()
        thread.join()
    took = time.monotonic() - started
    assert took > 0.5  # two scrypt runs really happened meanwhile
    assert max(gaps) < 0.25, f"the other thread stalled for {max(gaps):.2f} s"


def test_no_secret_reaches_the_childs_argv_or_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in child that writes down what it was started with, then does the real work.
    seen = tmp_path / "seen.json"
    spy = tmp_path / "spy.py"
    spy.write_text(
        "import json, os, sys\n"
        f"open({str(seen)!r}, 'w').write(json.dumps([sys.argv, dict(os.environ)]))\n"
        "from reconnect_gui.app import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    monkeypatch.setattr(
        backup_worker, "child_command", lambda: [sys.executable, str(spy), WORKER_FLAG]
    )
    target = tmp_path / "backup.age"
    seal_in_child(target, PAYLOAD, PASSPHRASE)
    assert open_in_child(target, PASSPHRASE) == PAYLOAD
    started_with = seen.read_text()
    assert json.loads(started_with)[0][1:] == [WORKER_FLAG]
    assert "tide pools" not in started_with and "letter I never sent" not in started_with
    assert str(target) not in started_with  # even the file's name goes over the pipe


def test_a_child_that_dies_says_so_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        backup_worker, "child_command", lambda: [sys.executable, "-c", "raise SystemExit(3)"]
    )
    with pytest.raises(VaultError) as failed:
        seal_in_child(tmp_path / "backup.age", PAYLOAD, PASSPHRASE)
    assert failed.value.message == backup_worker.CHILD_FAILED
    assert not (tmp_path / "backup.age").exists()
