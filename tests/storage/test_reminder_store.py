"""The fired-reminder log in a real vault: encrypted, and a damaged one reads as empty."""

import sqlite3
from datetime import UTC, datetime, timedelta

from reconnect_gui.core.reminders.schedule import check_in_key, draft_key
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import JOURNAL_ENTRY, REMINDER_LOG
from reconnect_gui.storage.reminder_store import (
    FIRED_RECORD_ID,
    load_fired,
    record_fired,
    save_fired,
)
from reconnect_gui.storage.vault import create_vault, open_vault

RECOVERY_CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"
T0 = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
KEYS = {check_in_key(T0.date()), draft_key("d1", T0)}


def new_vault(path):
    vault, _ = create_vault(path, recovery_code=RECOVERY_CODE, kdf_params=KdfParams.new(n=2**10))
    return vault


def reopen(path):
    return open_vault(path).unlock_with_secret(RECOVERY_CODE)[0]


def test_the_log_survives_a_restart_and_each_save_replaces_the_last(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    assert load_fired(vault) == frozenset()
    save_fired(vault, KEYS)
    vault.close()

    vault = reopen(path)
    assert load_fired(vault) == KEYS
    save_fired(vault, ["check_in:2026-11-23"])
    assert load_fired(vault) == {"check_in:2026-11-23"}
    records, damaged = vault.records(REMINDER_LOG)
    assert [r.id for r in records] == [FIRED_RECORD_ID] and damaged == []
    vault.close()


def test_the_keys_are_not_in_the_file_in_the_clear(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    save_fired(vault, KEYS)
    vault.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"check_in" not in raw and b"2026-11-22" not in raw


def test_a_damaged_log_reads_as_empty_and_the_next_save_replaces_it(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    save_fired(vault, KEYS)
    entry_id = vault.put(JOURNAL_ENTRY, {"title": "kept", "body": "safe"}).id
    vault.close()
    with sqlite3.connect(path) as conn:  # flip one byte of the log's ciphertext
        (ct,) = conn.execute(
            "SELECT ciphertext FROM records WHERE id = ?", (FIRED_RECORD_ID,)
        ).fetchone()
        conn.execute(
            "UPDATE records SET ciphertext = ? WHERE id = ?",
            (bytes([ct[0] ^ 1]) + ct[1:], FIRED_RECORD_ID),
        )
    conn.close()

    vault = reopen(path)
    assert load_fired(vault) == frozenset()
    assert record_fired(vault, {"check_in:2026-11-23"}, T0) == {"check_in:2026-11-23"}
    assert load_fired(vault) == {"check_in:2026-11-23"}
    assert vault.records()[1] == []  # nothing damaged is left behind
    assert vault.get(entry_id).data == {"title": "kept", "body": "safe"}
    vault.close()


def test_odd_stored_data_reads_as_what_can_be_used(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    vault.put(REMINDER_LOG, {"fired": "not a list"}, record_id=FIRED_RECORD_ID)
    assert load_fired(vault) == frozenset()
    vault.put(REMINDER_LOG, {"fired": ["check_in:2026-11-22", 7, None]}, record_id=FIRED_RECORD_ID)
    assert load_fired(vault) == {"check_in:2026-11-22"}
    vault.put(REMINDER_LOG, {}, record_id=FIRED_RECORD_ID)
    assert load_fired(vault) == frozenset()
    vault.close()


def test_keys_saved_elsewhere_meanwhile_stay_and_old_ones_go(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    old = check_in_key((T0 - timedelta(days=90)).date())  # stale: never shown again anyway
    record_fired(vault, {old}, T0 - timedelta(days=89))
    shown_here = load_fired(vault)  # what the tray read at unlock
    with open_vault(path).unlock_with_key(vault.data_key) as other:  # e.g. a restore
        record_fired(other, {draft_key("d2", T0)}, T0)
    now_shown = check_in_key(T0.date())
    stored = record_fired(vault, shown_here | {now_shown}, T0)
    assert stored == {draft_key("d2", T0), now_shown} == load_fired(vault)
    vault.close()
