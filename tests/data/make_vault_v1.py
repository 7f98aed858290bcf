"""Make tests/data/vault-v1/vault.sqlite3, the format-1 fixture that every later version of
Reconnect must keep opening (tests/storage/test_vault.py::test_the_v1_fixture_*).

Run once, from the repository root, when the fixture is first made:

    python tests/data/make_vault_v1.py

Never regenerate it to make a failing test pass: the committed file *is* the test. The
values below are repeated as literals in the test on purpose, so editing this script
cannot quietly change what the test expects.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reconnect_gui.storage.crypto import KdfParams  # noqa: E402
from reconnect_gui.storage.vault import create_vault  # noqa: E402

TARGET = REPO / "tests" / "data" / "vault-v1" / "vault.sqlite3"
RECOVERY_CODE = "V1F1X-T0RE0-RECVR-YC0DE-2Q7ZK"
PASSPHRASE = "fixture passphrase, v1 ✓"
CHEAP_KDF = KdfParams.new(n=2**10, r=8, p=1)  # a fixture needs no protection
START = datetime(2025, 1, 2, 3, 4, 5, 600000, tzinfo=UTC)
RECORDS = [
    (
        "entry-one",
        "journal_entry",
        {"title": "First day", "body": "Quiet.\nNo messages.", "mood": 2, "tags": ["start"]},
    ),
    (
        "entry-two",
        "journal_entry",
        {"title": "Straße", "body": "Ünïcödé: 😀 שלום e\u0301", "mood": 4, "tags": []},
    ),
    (
        "draft-one",
        "draft",
        {"to": "them", "text": "I won't send this.", "nested": {"a": [1, 2.5, None, True]}},
    ),
    ("countdown", "countdown", {"started": "2025-01-01", "days": 30}),
]


def main() -> None:
    if TARGET.exists():
        raise SystemExit(f"{TARGET} exists; the fixture is frozen, delete it only on purpose.")
    ticks = iter(START + timedelta(minutes=i) for i in range(100))
    vault, _key = create_vault(
        TARGET,
        recovery_code=RECOVERY_CODE,
        passphrase=PASSPHRASE,
        kdf_params=CHEAP_KDF,
        now=lambda: next(ticks),
    )
    for record_id, kind, data in RECORDS:
        vault.put(kind, data, record_id=record_id)
    vault.put(
        "journal_entry", {**RECORDS[0][2], "title": "First day (edited)"}, record_id="entry-one"
    )
    vault.close()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
