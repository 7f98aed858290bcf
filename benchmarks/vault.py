"""The vault against its floor: ``python -m benchmarks.vault [--entries N] [--runs N]``.

10,000 journal entries of about 2 KB. Three measurements, each against a floor of raw
``sqlite3`` + ``AESGCM`` doing the same work in the same run, on the same machine, with the
same page size, WAL and synchronous=FULL:

- unlock and list: open the file, verify the key, decrypt and parse every entry, sort
  newest first (the floor: connect, select, decrypt, ``json.loads``, sort);
- search: find a word in every entry, ignoring case (the floor: decrypt, decode,
  ``casefold``, ``in``);
- save one entry: encrypt and commit one new entry (the floor: encrypt, INSERT, COMMIT).

Runs alternate between vault and floor so machine load hits both alike; medians are
reported. Targets: each at most 2× its floor; search at most 100 ms, list at most 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from benchmarks.table import Row, print_table
from reconnect_gui.storage import vault_codec as codec
from reconnect_gui.storage import vault_format as fmt
from reconnect_gui.storage.crypto import Aead, KdfParams
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault, open_vault

NEEDLE = "Lighthouse"  # in 1 entry of 1,000, in mixed case
WORDS = [
    "morning",
    "quiet",
    "walk",
    "coffee",
    "message",
    "phone",
    "silence",
    "friend",
    "evening",
    "tired",
    "better",
    "worse",
    "remember",
    "promise",
    "week",
    "month",
    "careful",
    "breathe",
    "write",
    "letter",
    "send",
    "wait",
]


def entry(rng: random.Random, index: int) -> dict[str, Any]:
    body = " ".join(rng.choice(WORDS) for _ in range(300))[:1900]
    if index % 1000 == 7:
        body += f" the {NEEDLE.upper() if index % 2 else NEEDLE} again"
    return {"title": f"Day {index}", "body": body, "mood": rng.randint(1, 5), "tags": ["daily"]}


def fill(folder: Path, entries: int) -> tuple[Path, bytes, Path, bytes]:
    """The vault (through its own format code, in one transaction) and the floor file."""
    rng = random.Random(1)
    path = folder / "vault.sqlite3"
    vault, key = create_vault(
        path, recovery_code="7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR", kdf_params=KdfParams.new(n=2**10)
    )
    vault.close()
    aead, start = Aead(key), datetime(2025, 1, 1, tzinfo=UTC)
    floor_path, floor_key = folder / "floor.sqlite3", AESGCM.generate_key(bit_length=256)
    floor_aead = AESGCM(floor_key)
    floor = floor_connect(floor_path)
    floor.execute(f"PRAGMA page_size = {fmt.PAGE_SIZE}")
    floor.execute("PRAGMA journal_mode = WAL")
    floor.execute("CREATE TABLE records(id TEXT PRIMARY KEY, nonce BLOB, ciphertext BLOB)")
    conn = fmt.connect(path)
    with fmt.transaction(conn), fmt.transaction(floor):
        record_aad = codec.RecordAad(str(fmt.meta(conn, "vault_id")))
        for index in range(entries):
            moment = start + timedelta(minutes=index)
            plaintext = codec.encode(moment, moment, entry(rng, index))
            record_id = f"entry{index:06d}"
            nonce, ciphertext = aead.encrypt(plaintext, record_aad(record_id, JOURNAL_ENTRY))
            conn.execute(
                "INSERT INTO records VALUES (?, ?, ?, ?)",
                (record_id, JOURNAL_ENTRY, nonce, ciphertext),
            )
            floor_nonce = os.urandom(12)
            floor.execute(
                "INSERT INTO records VALUES (?, ?, ?)",
                (record_id, floor_nonce, floor_aead.encrypt(floor_nonce, plaintext, None)),
            )
    conn.close()
    floor.close()
    return path, key, floor_path, floor_key


def floor_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def floor_list(path: Path, key: bytes) -> int:
    conn = floor_connect(path)
    aead = AESGCM(key)
    documents = [
        json.loads(aead.decrypt(nonce, ciphertext, None))
        for nonce, ciphertext in conn.execute("SELECT nonce, ciphertext FROM records")
    ]
    documents.sort(key=lambda d: d["updated"], reverse=True)
    conn.close()
    return len(documents)


def floor_search(conn: sqlite3.Connection, key: bytes, needle: str) -> int:
    aead, folded = AESGCM(key), needle.casefold()
    return sum(
        folded in aead.decrypt(nonce, ciphertext, None).decode("utf-8").casefold()
        for nonce, ciphertext in conn.execute("SELECT nonce, ciphertext FROM records")
    )


def floor_save(conn: sqlite3.Connection, key: bytes, plaintext: bytes, record_id: str) -> None:
    nonce = os.urandom(12)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO records VALUES (?, ?, ?)",
        (record_id, nonce, AESGCM(key).encrypt(nonce, plaintext, None)),
    )
    conn.execute("COMMIT")


def timed_pair(
    app: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median milliseconds of each, alternating, after one warm-up of each."""
    app(), floor()
    app_times, floor_times = [], []
    for _ in range(runs):
        for call, times in ((app, app_times), (floor, floor_times)):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(app_times), statistics.median(floor_times)


def vault_rows(entries: int = 10_000, runs: int = 7) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="reconnect-bench-") as folder:
        path, key, floor_path, floor_key = fill(Path(folder), entries)

        def unlock_and_list() -> int:
            with open_vault(path) as locked, locked.unlock_with_key(key) as vault:
                records, damaged = vault.records()
            assert len(records) >= entries and not damaged
            return len(records)

        rows = [
            Row(
                f"unlock + list {entries:,}",
                *timed_pair(unlock_and_list, lambda: floor_list(floor_path, floor_key), runs),
                "ms",
                2.0,
                300.0,
            )
        ]
        with open_vault(path) as locked, locked.unlock_with_key(key) as vault:
            floor = floor_connect(floor_path)
            expected = len(vault.search(NEEDLE)[0])
            assert expected == floor_search(floor, floor_key, NEEDLE) == entries // 1000
            search = timed_pair(
                lambda: vault.search(NEEDLE.lower()),
                lambda: floor_search(floor, floor_key, NEEDLE.lower()),
                runs,
            )
            rows.append(Row(f"search {entries:,}", *search, "ms", 2.0, 100.0))
            rng, counter = random.Random(2), iter(range(10**9))
            data = entry(rng, -1)
            plaintext = codec.encode(datetime.now(UTC), datetime.now(UTC), data)
            save = timed_pair(
                lambda: vault.put(JOURNAL_ENTRY, data),
                lambda: floor_save(floor, floor_key, plaintext, f"floor{next(counter)}"),
                runs * 5,
            )
            rows.append(Row("save one entry", *save, "ms", 2.0))
            floor.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.vault")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement")
    args = parser.parse_args()
    rows = vault_rows(args.entries, args.runs)
    print_table(rows)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
