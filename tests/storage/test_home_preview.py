"""The home screen's day count read ahead by the key-prefetch child (storage/home_preview.py),
from a real vault file with real crypto: exactly what the ring computes from the vault, or
nothing at all when the file may hold more than its main file says."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import SlipKind, new_plan, record_slip
from reconnect_gui.core.countdown.stats import milestones
from reconnect_gui.core.countdown.view import ring_view
from reconnect_gui.storage.countdown_store import add_contact, load_contacts, load_plan, save_plan
from reconnect_gui.storage.crypto import KdfParams, new_data_key
from reconnect_gui.storage.home_preview import HomePreview, decode, encode, read_home_preview
from reconnect_gui.storage.vault import create_vault, open_vault

START = datetime(2026, 3, 1, 21, 30, tzinfo=UTC)  # a fixed past: the clock is ours
NOW = START + timedelta(days=19, hours=5)


def clock() -> datetime:
    return NOW


def vault_with_a_plan(tmp_path, *, close: bool = True):
    path = tmp_path / "vault.sqlite3"
    vault, key = create_vault(
        path, recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012", kdf_params=KdfParams.new(n=2**10)
    )
    plan = new_plan(START, "Europe/Lisbon", target_days=30, reasons=["my sleep came back"])
    plan = record_slip(plan, START + timedelta(days=6), SlipKind.REACHED_OUT, restart=True)
    save_plan(vault, plan)
    add_contact(vault, sent_unanswered(NOW - timedelta(days=1), note="a long message"))
    if close:
        vault.close()
    return path, vault, key


def test_the_preview_is_what_the_ring_shows_for_the_vault(tmp_path) -> None:
    path, _, key = vault_with_a_plan(tmp_path)
    with open_vault(path) as locked:
        vault = locked.unlock_with_key(key)
        plan, (contacts, _) = load_plan(vault), load_contacts(vault)
        vault_id = vault.vault_id
        vault.close()
    assert plan is not None
    preview = read_home_preview(path, vault_id, key, clock)
    assert preview == HomePreview(vault_id, ring_view(plan, NOW, contacts), tuple(milestones(plan)))
    assert preview.view.day == 13  # counted from the slip, not from the start
    assert preview.view.state_text.startswith("Waiting for a reply")  # the contact log too


def test_the_preview_carries_only_numbers_and_the_apps_own_words(tmp_path) -> None:
    path, vault, key = vault_with_a_plan(tmp_path)
    preview = read_home_preview(path, vault.vault_id, key, clock)
    assert preview is not None
    sent = encode(preview).decode("utf-8")
    for written_by_the_person in ("my sleep came back", "a long message", "Lisbon"):
        assert written_by_the_person not in sent
    assert decode(encode(preview)) == preview


def test_nothing_is_read_ahead_while_the_wal_may_hold_newer_pages(tmp_path) -> None:
    # A crash leaves the last changes in the -wal: the main file alone would show an older
    # day, so the child shows nothing and the app opens the vault the usual way.
    path, vault, key = vault_with_a_plan(tmp_path, close=False)
    assert (tmp_path / "vault.sqlite3-wal").stat().st_size > 0
    assert read_home_preview(path, vault.vault_id, key, clock) is None
    vault.close()  # the last connection writes the log into the main file
    assert read_home_preview(path, vault.vault_id, key, clock) is not None


def test_nothing_is_read_ahead_with_another_key_another_vault_or_no_plan(tmp_path) -> None:
    path, vault, key = vault_with_a_plan(tmp_path)
    assert read_home_preview(path, vault.vault_id, new_data_key(), clock) is None
    assert read_home_preview(path, "0" * 32, key, clock) is None
    assert read_home_preview(tmp_path / "missing.sqlite3", vault.vault_id, key, clock) is None
    (tmp_path / "other").mkdir()
    other_path = tmp_path / "other" / "vault.sqlite3"
    other, other_key = create_vault(
        other_path,
        recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012",
        kdf_params=KdfParams.new(n=2**10),
    )
    other_id = other.vault_id
    other.close()
    assert read_home_preview(other_path, other_id, other_key, clock) is None  # no plan yet


def test_a_damaged_file_gives_no_preview_and_is_left_as_it_was(tmp_path) -> None:
    path, vault, key = vault_with_a_plan(tmp_path)
    data = bytearray(path.read_bytes())
    data[-200:] = b"\xff" * 200
    path.write_bytes(bytes(data))
    read_home_preview(path, vault.vault_id, key, clock)  # None or a preview, never a crash
    assert path.read_bytes() == bytes(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.sqlite3"]


def test_anything_but_a_whole_preview_decodes_to_none(tmp_path) -> None:
    path, vault, key = vault_with_a_plan(tmp_path)
    preview = read_home_preview(path, vault.vault_id, key, clock)
    assert preview is not None
    whole = encode(preview)
    assert decode(whole[: len(whole) // 2]) is None  # the child died half-way
    assert decode(b"") is None
    assert decode("\udc80".encode("utf-8", "surrogatepass")) is None
    raw = json.loads(whole)
    raw["view"]["day"] = "13"
    assert decode(json.dumps(raw).encode()) is None
    raw = json.loads(whole)
    raw["view"]["extra"] = 1
    assert decode(json.dumps(raw).encode()) is None
    raw = json.loads(whole)
    raw["milestones"] = ["seven"]
    assert decode(json.dumps(raw).encode()) is None
    assert decode(encode(replace(preview, milestones=()))) == replace(preview, milestones=())
