"""Crash safety with real processes: SIGKILL at random moments, and writes that fail after
N bytes. After each, the vault opens, passes quick_check, and holds every record whose
save was acknowledged, each whole.

The number of kills: RECONNECT_CRASH_KILLS if set (the long run, e.g.
``RECONNECT_CRASH_KILLS=5000 pytest tests/storage/test_vault_crash.py``), else 200 when
CI is set, else 40.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.repo import REPO, require_tool
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.errors import VaultError, VaultReplaced
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault, open_vault
from reconnect_gui.storage.vault_format import DISK_FULL, REPLACED, WRITE_FAILED

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and RLIMIT_FSIZE are POSIX")

CHEAP = KdfParams.new(n=2**10)
CODE = "7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR"
KILLS_PER_VAULT = 25  # then start a fresh vault, so checking stays quick

# Started ahead of time (imports take longer than a kill), then told where to write.
# Acknowledges each record only after put() returned, i.e. after the commit.
WRITER = r"""
import hashlib, random, sys
from pathlib import Path
from reconnect_gui.storage.vault import open_vault

go = sys.stdin.readline().split()
if not go:
    sys.exit(0)
path, key, n, rng = Path(go[0]), bytes.fromhex(go[1]), int(go[2]), random.Random(int(go[3]))
with open_vault(path) as locked:
    vault = locked.unlock_with_key(key)
print("ready", flush=True)
ids = []
while True:
    n += 1
    size = 40_000 if rng.random() < 0.05 else rng.randrange(10, 3000)  # some overflow pages
    body = rng.randbytes(size).hex()
    digest = hashlib.sha256(f"{n}:{body}".encode()).hexdigest()
    target = rng.choice(ids) if ids and rng.random() < 0.2 else None  # some replacements
    record = vault.put("journal_entry", {"n": n, "body": body, "digest": digest}, target)
    ids.append(record.id)
    sys.stdout.write(f"{record.id} {n}\n")
    sys.stdout.flush()
"""


def crash_kills() -> int:
    if os.environ.get("RECONNECT_CRASH_KILLS"):
        return int(os.environ["RECONNECT_CRASH_KILLS"])
    return 200 if os.environ.get("CI") else 40


def spawn(script: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def check_vault(path: Path, key: bytes, acknowledged: dict[str, int]) -> int:
    """Open as the app would; every acknowledged record is there, at least as new as
    acknowledged, and every record is whole. Returns the highest sequence number seen."""
    with open_vault(path) as locked:  # runs quick_check; raises if it is not "ok"
        vault = locked.unlock_with_key(key)
    with vault:
        records, damaged = vault.records()
    assert damaged == []
    stored = {r.id: r.data for r in records}
    for record_id, n in acknowledged.items():
        assert record_id in stored, f"acknowledged record {n} lost"
        assert stored[record_id]["n"] >= n
    for data in stored.values():
        expected = hashlib.sha256(f"{data['n']}:{data['body']}".encode()).hexdigest()
        assert data["digest"] == expected, "a record was half-written"
    return max((data["n"] for data in stored.values()), default=0)


def test_sigkill_at_random_moments_loses_no_acknowledged_record(tmp_path: Path) -> None:
    rng = random.Random(20251122)  # seeded: a failure can be replayed
    kills = crash_kills()
    waiting = spawn(WRITER)
    seen_writes = 0
    try:
        for kill in range(kills):
            if kill % KILLS_PER_VAULT == 0:
                path = tmp_path / f"vault-{kill}" / "vault.sqlite3"
                vault, key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
                vault.close()
                acknowledged: dict[str, int] = {}
                n = 0
            child, waiting = waiting, spawn(WRITER)
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write(f"{path} {key.hex()} {n} {rng.getrandbits(32)}\n")
            child.stdin.flush()
            if rng.random() < 0.15:  # while it opens the vault (and recovers the last WAL)
                time.sleep(rng.uniform(0, 0.03))
            else:
                assert child.stdout.readline() == "ready\n"
                time.sleep(rng.uniform(0, 0.04))
            child.send_signal(signal.SIGKILL)
            child.wait()
            # Only whole lines count: a line cut off by the kill was never acknowledged.
            for line in child.stdout.read().splitlines(keepends=True):
                if line.endswith("\n") and line != "ready\n":
                    record_id, number = line.split()
                    acknowledged[record_id] = int(number)
                    seen_writes += 1
            if rng.random() < 0.5:
                n = check_vault(path, key, acknowledged)
            else:  # check a copy, so the next writer starts on the dead one's WAL
                copy = tmp_path / "copy"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(path.parent, copy)
                n = check_vault(copy / path.name, key, acknowledged)
    finally:
        waiting.kill()
        waiting.wait()
    assert seen_writes >= kills // 2  # the kills landed among real writes, not at start-up


# Runs one save per entry of `limits`, each allowed to write only that many more bytes,
# then hands the files over *without closing the vault* (as a crash would) and waits.
# MODE "fsize": RLIMIT_FSIZE (SIGXFSZ ignored) makes writes past the limit fail (EFBIG).
# MODE "enospc": inside a private tmpfs, a filler file leaves only that much free space,
# so writes fail with a real ENOSPC, as on a full disk.
LIMITED_WRITER = r"""
import json, os, resource, shutil, signal, sys
from pathlib import Path
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.vault import open_vault

mode, source, work, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
key, limits = bytes.fromhex(sys.argv[5]), json.loads(sys.argv[6])
shutil.copyfile(source, work / "vault.sqlite3")
path = work / "vault.sqlite3"
with open_vault(path) as locked:
    vault = locked.unlock_with_key(key)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
_, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
wal, filler = Path(f"{path}-wal"), work / "filler"

def fill_leaving(free):
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(bytes(65536))
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - free))

for allowed in limits:
    if mode == "fsize":
        resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size + allowed, hard))
    else:
        fill_leaving(allowed)
    try:
        record = vault.put("journal_entry", {"allowed": allowed, "body": "x" * 2000})
        result = {"allowed": allowed, "saved": record.id}
    except VaultError as error:
        result = {"allowed": allowed, "error": error.message}
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    if filler.exists():
        filler.unlink()
    result["count"] = len(vault.records()[0])  # the open vault agrees with the file
    print(json.dumps(result), flush=True)
for name in ("vault.sqlite3", "vault.sqlite3-wal", "vault.sqlite3-shm"):
    shutil.copyfile(work / name, out / name)  # the state a crash would leave
print("done", flush=True)
os._exit(0)  # no clean close: the WAL must carry the committed records
"""


def run_limited_writer(
    tmp_path: Path, mode: str, limits: list[int], wrap: list[str] | None = None
) -> tuple[set[str], list[dict[str, object]], set[str], Path, bytes]:
    source = tmp_path / "source" / "vault.sqlite3"
    vault, key = create_vault(source, recovery_code=CODE, kdf_params=CHEAP)
    before = {vault.put(JOURNAL_ENTRY, {"before": i}).id for i in range(5)}
    vault.close()
    work, out = tmp_path / "work", tmp_path / "out"
    work.mkdir()
    out.mkdir()
    args = [mode, str(source), str(work), str(out), key.hex(), json.dumps(limits)]
    command = [sys.executable, "-c", LIMITED_WRITER, *args]
    if wrap:
        command = [*wrap, *command]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[-1] == "done"
    results = [json.loads(line) for line in lines[:-1]]
    assert [r["allowed"] for r in results] == limits
    saved = {str(r["saved"]) for r in results if "saved" in r}
    count = len(before)
    for entry in results:  # in the writer's own view, too, a failed save changed nothing
        count += "saved" in entry
        assert entry["count"] == count
    return before, results, saved, out / "vault.sqlite3", key


def assert_exactly(path: Path, key: bytes, ids: set[str]) -> None:
    with open_vault(path) as locked, locked.unlock_with_key(key) as reopened:
        records, damaged = reopened.records()
    assert damaged == []
    assert {r.id for r in records} == ids


def test_writes_failing_after_n_bytes_keep_exactly_the_committed_records(tmp_path: Path) -> None:
    # One save writes 3–4 pages of 16 KiB plus frame headers to the WAL: cover all of it,
    # at uneven steps so the limit falls inside headers, pages and between them.
    limits = [0, 1, 24, 31, 32, 33, 56, *range(100, 80_000, 1_013)]
    before, results, saved, copy, key = run_limited_writer(tmp_path, "fsize", limits)
    failures = [r for r in results if "error" in r]
    assert failures and saved  # small limits fail, large ones succeed
    # SQLite reports EFBIG as a failed write (only ENOSPC is "full"): a plain sentence
    # either way, and it names free space as a cause.
    assert {r["error"] for r in failures} <= {DISK_FULL, WRITE_FAILED}
    assert "error" in results[0]  # not one byte allowed: nothing can be saved
    assert_exactly(copy, key, before | saved)


def test_a_full_disk_says_so_and_keeps_exactly_the_committed_records(tmp_path: Path) -> None:
    """A real ENOSPC from a small tmpfs in a private mount namespace (``unshare``)."""
    unshare = require_tool("unshare")
    probe = subprocess.run([unshare, "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        message = "unshare -rm is not permitted here (needs user namespaces)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    work = tmp_path / "work"
    script = f'mount -t tmpfs -o size=4m tmpfs "{work}" && exec "$@"'
    limits = list(range(0, 90_000, 4096))  # tmpfs counts whole 4 KiB pages
    before, results, saved, copy, key = run_limited_writer(
        tmp_path, "enospc", limits, wrap=[unshare, "-rm", "sh", "-c", script, "sh"]
    )
    failures = [r for r in results if "error" in r]
    assert failures and saved
    assert {r["error"] for r in failures} == {DISK_FULL}
    assert DISK_FULL.startswith("Reconnect could not save because the disk is full.")
    assert_exactly(copy, key, before | saved)


# --- Synced folders: the file replaced underneath, and what a copy of the main file holds ----


def replica_with_one_more_record(path: Path, key: bytes, folder: Path) -> tuple[Path, str]:
    """The vault as another computer's sync app would bring it back: a whole copy (SQLite's
    online backup, as consistent as a sync app's) that gained a record of its own there."""
    folder.mkdir()
    replica = folder / "vault.sqlite3"
    source = sqlite3.connect(path)
    target = sqlite3.connect(replica)
    source.backup(target)
    source.close()
    target.close()
    with open_vault(replica) as locked, locked.unlock_with_key(key) as there:
        added = there.put(JOURNAL_ENTRY, {"written": "on the other computer"}).id
    return replica, added


def test_a_vault_replaced_underneath_stops_before_writing(tmp_path: Path) -> None:
    """A sync app replaces vault.sqlite3 by renaming its download over it. The open vault
    used to go on writing into the old file and its WAL, report success, and leave the WAL
    beside the new file, which the next open replayed: 'damaged', or the new file's entries
    silently gone."""
    path = tmp_path / "vault.sqlite3"
    vault, key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    first = vault.put(JOURNAL_ENTRY, {"n": 1}).id
    replica, added = replica_with_one_more_record(path, key, tmp_path / "sync")
    old_inode = tmp_path / "old-inode.sqlite3"
    os.link(path, old_inode)  # to look at the old file after the rename
    os.replace(replica, path)  # what Syncthing, Dropbox and Nextcloud do
    with pytest.raises(VaultError) as caught:
        vault.put(JOURNAL_ENTRY, {"n": 2})
    assert isinstance(caught.value, VaultReplaced) and caught.value.message == REPLACED
    assert "damaged" not in REPLACED and "sqlite" not in REPLACED.lower()
    with pytest.raises(VaultReplaced):  # and it stays stopped: nothing reads the old file
        vault.records()
    vault.close()
    # Nothing new went into the old file, and no old WAL waits to be replayed onto the new
    # one (SQLite leaves a moved file's WAL in place, so the vault emptied it first).
    assert_exactly(old_inode, key, {first})
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert_exactly(path, key, {first, added})
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["old-inode.sqlite3", "sync", "vault.sqlite3"]


def test_a_vault_moved_away_underneath_stops_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault, _key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    path.rename(tmp_path / "moved.sqlite3")
    with pytest.raises(VaultReplaced):
        vault.put(JOURNAL_ENTRY, {"n": 1})
    vault.close()


def test_a_replaced_file_is_noticed_by_a_checkpoint_too(tmp_path: Path) -> None:
    """The idle checkpoint must not copy the WAL into a file that is no longer the vault."""
    path = tmp_path / "vault.sqlite3"
    vault, key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    vault.put(JOURNAL_ENTRY, {"n": 1})
    replica, _added = replica_with_one_more_record(path, key, tmp_path / "sync")
    os.replace(replica, path)
    with pytest.raises(VaultReplaced):
        vault.checkpoint()
    vault.close()


def test_every_saved_change_is_in_the_main_file_at_once(tmp_path: Path) -> None:
    """A sync app (or a person) copying vault.sqlite3 alone, while the app runs, used to
    miss every change since the last automatic checkpoint: they sat in the -wal."""
    path = tmp_path / "vault.sqlite3"
    vault, key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    other = open_vault(path).unlock_with_key(key)  # a second program with the file open
    with vault, other:
        saved = {vault.put(JOURNAL_ENTRY, {"n": n}).id for n in range(3)}
        saved.add(other.put(JOURNAL_ENTRY, {"from": "the command line"}).id)
        copy = tmp_path / "copy" / "vault.sqlite3"
        copy.parent.mkdir()
        shutil.copyfile(path, copy)  # the main file only, while both are open
        assert_exactly(copy, key, saved)
