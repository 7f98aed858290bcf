"""The vault with real SQLite files and real cryptography: keys, records, search, format."""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect_gui.storage.crypto import KdfParams, new_data_key, new_recovery_code
from reconnect_gui.storage.errors import (
    NoVault,
    RecordDamaged,
    UnsupportedVersion,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    WrongSecret,
)
from reconnect_gui.storage.records import DRAFT, JOURNAL_ENTRY, Record
from reconnect_gui.storage.vault import Vault, create_vault, open_vault
from reconnect_gui.storage.vault_format import APPLICATION_ID, FORMAT_VERSION, PAGE_SIZE

CHEAP = KdfParams.new(n=2**10)  # tests never pay the real scrypt cost
CODE = "7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR"
PASSPHRASE = "a long walk by the sea"
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "vault-v1" / "vault.sqlite3"


def ticking_clock(start: datetime | None = None) -> Callable[[], datetime]:
    """Each call one second later: updates are always strictly newer."""
    moments = (
        (start or datetime(2025, 6, 1, tzinfo=UTC)) + timedelta(seconds=i) for i in range(10**9)
    )
    return lambda: next(moments)


def new_vault(
    path: Path, passphrase: str | None = PASSPHRASE, **kwargs: Any
) -> tuple[Vault, bytes]:
    kwargs.setdefault("now", ticking_clock())
    return create_vault(path, recovery_code=CODE, passphrase=passphrase, kdf_params=CHEAP, **kwargs)


def unlock_secret(path: Path, secret: str) -> bytes:
    """Unlock with a secret, close again, and return the data key it gave."""
    with open_vault(path) as locked:
        vault, key = locked.unlock_with_secret(secret)
    vault.close()
    return key


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "vault.sqlite3"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    opened, _key = new_vault(vault_path)
    yield opened
    opened.close()


# --- Creating and unlocking -----------------------------------------------------------------


def test_a_new_vault_has_the_documented_shape(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    vault.close()
    assert len(key) == 32
    assert vault_path.stat().st_mode & 0o077 == 0
    assert [p.name for p in vault_path.parent.iterdir()] == ["vault.sqlite3"]  # no temp files
    conn = sqlite3.connect(vault_path)
    try:
        pragma = {
            n: conn.execute(f"PRAGMA {n}").fetchone()[0]
            for n in ("page_size", "application_id", "user_version", "journal_mode")
        }
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        slots = {r[0] for r in conn.execute("SELECT name FROM key_slots")}
    finally:
        conn.close()
    assert pragma == {
        "page_size": PAGE_SIZE,
        "application_id": APPLICATION_ID,
        "user_version": FORMAT_VERSION,
        "journal_mode": "wal",
    }
    assert {"meta", "key_slots", "records", "records_kind"} <= tables
    assert set(meta) == {"vault_id", "key_check", "public:recovery", "public:passphrase"}
    assert len(meta["vault_id"]) == 32
    assert slots == {"recovery", "passphrase"}


def test_unlock_with_the_key_the_passphrase_or_the_recovery_code(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    saved = vault.put(JOURNAL_ENTRY, {"title": "hello"})
    vault.close()

    locked = open_vault(vault_path)
    assert locked.has_passphrase and locked.record_count() == 1
    with locked.unlock_with_key(key) as by_key:
        assert by_key.get(saved.id) == saved
    locked.close()  # harmless once the vault took the file over

    for secret in (
        PASSPHRASE,
        CODE,
        CODE.lower(),
        CODE.replace("-", " "),
        "7K3QD0MIXZABCDEFGHJKMNPQR",
    ):
        with open_vault(vault_path) as locked:
            unlocked, same_key = locked.unlock_with_secret(secret)
            assert same_key == key
            assert unlocked.vault_id == locked.vault_id
            assert unlocked.get(saved.id) == saved
            unlocked.close()


def test_passphrase_typed_in_another_unicode_form_unlocks(vault_path: Path) -> None:
    vault, key = new_vault(vault_path, passphrase="Caf\u00e9 au lait")
    vault.close()
    assert unlock_secret(vault_path, "Cafe\u0301 au lait") == key


def test_wrong_secrets_and_keys_are_refused_plainly(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    vault.close()
    with open_vault(vault_path) as locked:
        for wrong in ("a long walk by the se", "", new_recovery_code(), "7K3QD-0M1XZ"):
            with pytest.raises(WrongSecret) as caught:
                locked.unlock_with_secret(wrong)
            assert "did not unlock" in caught.value.message
            assert caught.value.exit_code == 3
        for bad_key in (new_data_key(), key[:16], b"", key[:-1] + bytes([key[-1] ^ 1])):
            with pytest.raises(WrongSecret):
                locked.unlock_with_key(bad_key)
        assert locked.record_count() == 0  # still open after failures
        locked.unlock_with_key(key).close()


def test_open_without_a_file_is_no_vault(tmp_path: Path) -> None:
    with pytest.raises(NoVault):
        open_vault(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()


@pytest.mark.parametrize(
    "existing", ["vault.sqlite3", "vault.sqlite3-wal", "vault.sqlite3-journal"]
)
def test_create_never_overwrites(vault_path: Path, existing: str) -> None:
    vault_path.parent.mkdir(parents=True)
    (vault_path.parent / existing).write_bytes(b"precious")
    with pytest.raises(VaultExists) as caught:
        new_vault(vault_path)
    assert "Nothing was overwritten" in caught.value.message
    assert (vault_path.parent / existing).read_bytes() == b"precious"
    assert [p.name for p in vault_path.parent.iterdir()] == [existing]


def test_create_twice_keeps_the_first_vault(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    vault.put(DRAFT, {"text": "keep me"})
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultExists):
        new_vault(vault_path)
    assert vault_path.read_bytes() == before
    with open_vault(vault_path) as locked, locked.unlock_with_key(key) as again:
        assert again.records()[0][0].data == {"text": "keep me"}


def test_a_bad_recovery_code_or_passphrase_creates_nothing(vault_path: Path) -> None:
    with pytest.raises(ValueError, match="recovery code"):
        create_vault(vault_path, recovery_code="12345", kdf_params=CHEAP)
    with pytest.raises(ValueError, match="empty"):
        create_vault(vault_path, recovery_code=CODE, passphrase="", kdf_params=CHEAP)
    assert not vault_path.exists()


# --- Records --------------------------------------------------------------------------------


def test_put_get_update_delete(vault: Vault) -> None:
    first = vault.put(JOURNAL_ENTRY, {"title": "Day one", "mood": 3})
    assert first.created == first.updated and first.created.tzinfo is not None
    assert vault.get(first.id) == first

    edited = vault.put(JOURNAL_ENTRY, {"title": "Day one, again"}, record_id=first.id)
    assert edited.id == first.id
    assert edited.created == first.created and edited.updated > first.updated
    assert vault.get(first.id).data == {"title": "Day one, again"}

    chosen = vault.put("countdown", {"days": 30}, record_id="countdown-state")
    assert vault.get("countdown-state") == chosen

    vault.delete(first.id)
    with pytest.raises(KeyError):
        vault.get(first.id)
    with pytest.raises(KeyError):
        vault.delete(first.id)
    assert [r.id for r in vault.records()[0]] == ["countdown-state"]


def test_new_ids_are_random_and_url_safe(vault: Vault) -> None:
    ids = {vault.put(DRAFT, {}).id for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) == 16 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_records_are_newest_updated_first_and_filter_by_kind(vault: Vault) -> None:
    a = vault.put(JOURNAL_ENTRY, {"n": 1})
    b = vault.put(DRAFT, {"n": 2})
    c = vault.put(JOURNAL_ENTRY, {"n": 3})
    vault.put(JOURNAL_ENTRY, {"n": 1.5}, record_id=a.id)  # now the newest
    everything, damaged = vault.records()
    assert [r.id for r in everything] == [a.id, c.id, b.id] and damaged == []
    assert [r.id for r in vault.records(JOURNAL_ENTRY)[0]] == [a.id, c.id]
    assert vault.records("no_such_kind") == ([], [])


def test_naive_clock_and_bad_arguments_are_refused(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path, now=lambda: datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="timezone"):
        vault.put(DRAFT, {})
    with pytest.raises(ValueError):
        vault.put("", {})
    with pytest.raises(ValueError):
        vault.put(DRAFT, {}, record_id="")
    vault.close()


@pytest.mark.parametrize(
    "data",
    [
        {"text": "broken \ud800 surrogate"},
        {"\udfff": "in a key"},
        {1: "int key"},
        {"t": ("a", "tuple")},
        {"t": {1, 2}},
        {"t": float("nan")},
        {"t": b"bytes"},
        ["not", "a", "dict"],
    ],
)
def test_data_that_would_not_come_back_exactly_is_refused(vault: Vault, data: Any) -> None:
    with pytest.raises((ValueError, TypeError)) as caught:
        vault.put(DRAFT, data)
    assert "broken \ud800" not in str(caught.value) and "int key" not in str(caught.value)
    assert vault.records() == ([], [])


def test_a_lone_surrogate_gets_a_plain_message(vault: Vault) -> None:
    with pytest.raises(ValueError, match="broken character"):
        vault.put(JOURNAL_ENTRY, {"body": "half an emoji \ud83d"})


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)
SPECIAL = [
    "\x00",
    "😀👩‍👩‍👧",
    "שלום עולם",
    "\u202eevil",
    "e\u0301",
    "\u00e9",
    "\ufeff",
    '\r\n\t"\\',
]


@settings(max_examples=60)
@given(data=st.dictionaries(st.text(), json_values, max_size=5), special=st.sampled_from(SPECIAL))
def test_any_unicode_round_trips_exactly(data: dict[str, Any], special: str) -> None:
    data = {**data, "special": special}
    with tempfile.TemporaryDirectory() as folder:
        vault, key = new_vault(Path(folder) / "v.sqlite3")
        saved = vault.put(JOURNAL_ENTRY, data)
        assert saved.data == data
        vault.close()
        with open_vault(Path(folder) / "v.sqlite3") as locked, locked.unlock_with_key(key) as again:
            assert again.get(saved.id).data == data


def test_nfc_and_nfd_stay_as_written(vault: Vault) -> None:
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    saved = vault.put(DRAFT, {"a": nfc, "b": nfd})
    assert vault.get(saved.id).data == {"a": nfc, "b": nfd}  # search normalises, storage does not


def test_a_10_mb_entry(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    body = ("Ten megabytes of feelings, ünïcode too. " * 262_144)[: 10 * 2**20]
    saved = vault.put(JOURNAL_ENTRY, {"body": body})
    vault.close()
    with open_vault(vault_path) as locked, locked.unlock_with_key(key) as again:
        assert again.get(saved.id).data["body"] == body
        assert again.search("ÜNÏCODE TOO")[0][0].id == saved.id


# --- Search ---------------------------------------------------------------------------------


@pytest.fixture
def searchable(vault: Vault) -> None:
    entries = {
        "strasse": {"title": "Die Straße", "body": "lang"},
        "cafe_nfd": {"title": "cafe\u0301 talk"},
        "quote": {"body": 'She said "enough"\nand left.'},
        "nested": {"tags": ["Holiday", {"deep": "MOUNTAIN air"}], "mood": 4},
        "regex": {"body": "a.*b (not a pattern)"},
        "greek": {"body": "ΣΊΣΥΦΟΣ"},
    }
    for record_id, data in entries.items():
        vault.put(JOURNAL_ENTRY, data, record_id=record_id)
    vault.put(DRAFT, {"text": "draft about the Straße"}, record_id="draft")


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("STRASSE", {"strasse", "draft"}),
        ("straße", {"strasse", "draft"}),
        ("café", {"cafe_nfd"}),  # NFC needle, NFD text
        ("cafe\u0301", {"cafe_nfd"}),
        ("CAFE", {"cafe_nfd"}),  # accents ignored, as in the journal pane's search
        ('"enough"\nand', {"quote"}),  # characters JSON escapes
        ("mountain", {"nested"}),
        ("holiday", {"nested"}),
        ("a.*b", {"regex"}),  # literal, never a pattern
        (".*", {"regex"}),
        ("σίσυφος", {"greek"}),
        ("title", set()),  # keys are not searched
        ("4", set()),  # nor numbers
        ("2025", set()),  # nor the hidden timestamps
        ("nowhere", set()),
    ],
)
def test_search_is_caseless_and_unicode_aware(
    vault: Vault, searchable: None, needle: str, expected: set[str]
) -> None:
    found, damaged = vault.search(needle)
    assert {r.id for r in found} == expected and damaged == []


def test_search_by_kind_and_order(vault: Vault, searchable: None) -> None:
    assert [r.id for r in vault.search("straße", JOURNAL_ENTRY)[0]] == ["strasse"]
    assert [r.id for r in vault.search("STRASSE")[0]] == ["draft", "strasse"]  # newest first
    assert len(vault.search("")[0]) == 7


# --- Keys -----------------------------------------------------------------------------------


def test_rotate_key_re_encrypts_everything(vault_path: Path) -> None:
    vault, old_key = new_vault(vault_path)
    saved = [vault.put(JOURNAL_ENTRY, {"n": i, "body": "x" * 3000}) for i in range(30)]
    new_code = new_recovery_code()
    new_key = vault.rotate_key(new_code, "new passphrase", kdf_params=CHEAP)
    assert new_key != old_key and len(new_key) == 32
    assert vault.records()[0] == sorted(saved, key=lambda r: r.updated, reverse=True)
    later = vault.put(DRAFT, {"after": "rotation"})
    vault.close()

    with open_vault(vault_path) as locked:
        with pytest.raises(WrongSecret):
            locked.unlock_with_key(old_key)
        for old_secret in (CODE, PASSPHRASE):
            with pytest.raises(WrongSecret):
                locked.unlock_with_secret(old_secret)
        again, key = locked.unlock_with_secret(new_code)
    with again:
        assert key == new_key
        records, damaged = again.records()
        assert damaged == [] and len(records) == 31
        assert again.get(later.id).data == {"after": "rotation"}
    assert unlock_secret(vault_path, "new passphrase") == new_key


def test_rotate_without_passphrase_removes_that_slot(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    key = vault.rotate_key(CODE, None, kdf_params=CHEAP)
    vault.close()
    with open_vault(vault_path) as locked:
        assert not locked.has_passphrase
        with pytest.raises(WrongSecret):
            locked.unlock_with_secret(PASSPHRASE)
    assert unlock_secret(vault_path, CODE) == key


def test_rotate_with_a_damaged_record_changes_nothing(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    good = vault.put(JOURNAL_ENTRY, {"n": 1})
    bad = vault.put(JOURNAL_ENTRY, {"n": 2})
    vault.close()
    with sqlite3.connect(vault_path) as conn:
        conn.execute("UPDATE records SET nonce = zeroblob(12) WHERE id = ?", (bad.id,))
    conn.close()
    with open_vault(vault_path) as locked, locked.unlock_with_key(key) as again:
        with pytest.raises(RecordDamaged) as caught:
            again.rotate_key(CODE, None, kdf_params=CHEAP)
        assert caught.value.record_id == bad.id
        assert again.get(good.id).data == {"n": 1}
    with open_vault(vault_path) as locked:
        assert locked.has_passphrase
        locked.unlock_with_key(key).close()  # the old key still works: nothing changed


def test_set_change_and_remove_the_passphrase(vault_path: Path) -> None:
    vault, key = new_vault(vault_path, passphrase=None)
    assert not vault.has_passphrase
    vault.set_passphrase("first", kdf_params=CHEAP)
    assert vault.has_passphrase
    vault.set_passphrase("second", kdf_params=CHEAP)
    vault.close()
    with open_vault(vault_path) as locked:
        assert locked.has_passphrase
        with pytest.raises(WrongSecret):
            locked.unlock_with_secret("first")
        unlocked, changed = locked.unlock_with_secret("second")
    assert changed != key  # each change replaced the data key too (issue 16, point 3)
    assert unlocked.set_passphrase(None) is True
    assert not unlocked.has_passphrase
    unlocked.close()
    with open_vault(vault_path) as locked:
        assert not locked.has_passphrase
        with pytest.raises(WrongSecret):
            locked.unlock_with_secret("second")
        locked.unlock_with_secret(CODE)[0].close()


def test_replace_recovery_code(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    fresh = new_recovery_code()
    assert vault.replace_recovery_code(fresh.lower(), kdf_params=CHEAP) is True
    vault.close()
    with open_vault(vault_path) as locked, pytest.raises(WrongSecret):
        locked.unlock_with_secret(CODE)
    new_key = unlock_secret(vault_path, fresh)
    assert new_key != key and unlock_secret(vault_path, PASSPHRASE) == new_key


def test_a_closed_vault_holds_no_key_and_refuses_work(vault: Vault) -> None:
    saved = vault.put(DRAFT, {"a": 1})
    vault.close()
    vault.close()  # twice is fine
    assert vault._key is None and vault._aead is None
    for call in (lambda: vault.get(saved.id), vault.records, lambda: vault.put(DRAFT, {})):
        with pytest.raises(VaultLocked):
            call()


def test_a_tampered_slot_is_reported_as_damage_not_a_wrong_secret(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.close()
    with sqlite3.connect(vault_path) as conn:
        conn.execute('UPDATE key_slots SET kdf = \'{"name": "argon9"}\'')
    conn.close()
    with open_vault(vault_path) as locked, pytest.raises(VaultDamaged) as caught:
        locked.unlock_with_secret(PASSPHRASE)
    assert caught.value.exit_code == 4


# --- Format versions ------------------------------------------------------------------------


def _set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def test_an_older_format_is_migrated_in_one_transaction(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    saved = vault.put(JOURNAL_ENTRY, {"title": "before the upgrade"})
    vault.close()
    _set_user_version(vault_path, 0)  # pretend it was written by format 0

    def step_0_to_1(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE upgraded(x)")

    with open_vault(vault_path, migrations={0: step_0_to_1}) as locked:
        vault = locked.unlock_with_key(key)
    assert vault.get(saved.id) == saved
    vault.close()
    conn = sqlite3.connect(vault_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert conn.execute("SELECT name FROM sqlite_schema WHERE name = 'upgraded'").fetchone()
    conn.close()


def test_a_failing_migration_changes_nothing(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.close()
    _set_user_version(vault_path, 0)
    before = vault_path.read_bytes()

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half(x)")
        raise RuntimeError("boom")

    with pytest.raises(VaultError, match="could not upgrade"):
        open_vault(vault_path, migrations={0: half_done})
    assert vault_path.read_bytes() == before
    conn = sqlite3.connect(vault_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT name FROM sqlite_schema WHERE name = 'half'").fetchone() is None
    conn.close()


def test_a_format_with_no_upgrade_path_is_refused_untouched(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.close()
    _set_user_version(vault_path, 0)
    before = vault_path.read_bytes()
    with pytest.raises(VaultDamaged, match="too old"):
        open_vault(vault_path)  # the real, empty MIGRATIONS table
    assert vault_path.read_bytes() == before


def test_a_newer_format_is_refused_untouched(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.close()
    _set_user_version(vault_path, FORMAT_VERSION + 1)
    before = vault_path.read_bytes()
    with pytest.raises(UnsupportedVersion, match="newer"):
        open_vault(vault_path)
    assert vault_path.read_bytes() == before


# The v1 fixture, made once by tests/data/make_vault_v1.py. These literals are deliberately
# not imported from that script: the committed file is what must keep opening.
V1_RECOVERY_CODE = "V1F1X-T0RE0-RECVR-YC0DE-2Q7ZK"
V1_PASSPHRASE = "fixture passphrase, v1 ✓"
V1_RECORDS = {
    "entry-one": (
        "journal_entry",
        {
            "title": "First day (edited)",
            "body": "Quiet.\nNo messages.",
            "mood": 2,
            "tags": ["start"],
        },
    ),
    "entry-two": (
        "journal_entry",
        {"title": "Straße", "body": "Ünïcödé: 😀 שלום e\u0301", "mood": 4, "tags": []},
    ),
    "draft-one": (
        "draft",
        {"to": "them", "text": "I won't send this.", "nested": {"a": [1, 2.5, None, True]}},
    ),
    "countdown": ("countdown", {"started": "2025-01-01", "days": 30}),
}
V1_START = datetime(2025, 1, 2, 3, 4, 5, 600000, tzinfo=UTC)


@pytest.fixture
def v1_copy(tmp_path: Path) -> Iterator[Path]:
    original = FIXTURE.read_bytes()
    copy = tmp_path / "v1" / "vault.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURE, copy)
    yield copy
    assert FIXTURE.read_bytes() == original


@pytest.mark.parametrize("secret", [V1_RECOVERY_CODE, V1_RECOVERY_CODE.lower(), V1_PASSPHRASE])
def test_the_v1_fixture_still_opens_and_reads(v1_copy: Path, secret: str) -> None:
    with open_vault(v1_copy) as locked:
        assert locked.record_count() == 4 and locked.has_passphrase
        vault, key = locked.unlock_with_secret(secret)
    with vault:
        records, damaged = vault.records()
        assert damaged == []
        assert {r.id: (r.kind, r.data) for r in records} == V1_RECORDS
        first = vault.get("entry-one")
        assert first.created == V1_START  # one clock tick per put, then the edit
        assert first.updated == V1_START + timedelta(minutes=4)
        assert vault.get("countdown").updated == V1_START + timedelta(minutes=3)
        assert [r.id for r in vault.search("STRASSE")[0]] == ["entry-two"]
    with open_vault(v1_copy) as locked:
        locked.unlock_with_key(key).close()


def test_the_v1_fixture_accepts_new_writes(v1_copy: Path) -> None:
    with open_vault(v1_copy) as locked:
        vault, _ = locked.unlock_with_secret(V1_RECOVERY_CODE)
    with vault:
        vault.put(JOURNAL_ENTRY, {"title": "written by a later version"}, record_id="new")
        assert len(vault.records()[0]) == 5


# --- Nothing plain on disk ------------------------------------------------------------------


def test_canary_never_reaches_the_disk_in_plain(tmp_path: Path, vault_path: Path) -> None:
    canary = "canary" + secrets.token_hex(12)
    passphrase = "pass" + secrets.token_hex(12)
    code = new_recovery_code()
    vault, _ = create_vault(vault_path, recovery_code=code, passphrase=passphrase, kdf_params=CHEAP)
    for i in range(20):
        vault.put(JOURNAL_ENTRY, {"title": f"{canary} {i}", "body": canary * 50, "tags": [canary]})
    vault.put(DRAFT, {"text": canary.upper()}, record_id="draft")
    vault.put(DRAFT, {"text": "edited away " + canary}, record_id="draft")
    vault.delete(vault.records()[0][-1].id)
    vault.search(canary)

    def assert_absent() -> None:
        needles = [canary, canary.upper(), passphrase, code, code.replace("-", "")]
        for file in (p for p in tmp_path.rglob("*") if p.is_file()):
            content = file.read_bytes()
            for needle in needles:
                for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                    assert encoded not in content, f"{needle[:6]}… found in {file.name}"

    assert (vault_path.parent / "vault.sqlite3-wal").exists()  # the WAL is searched too
    assert_absent()
    vault.rotate_key(code, passphrase, kdf_params=CHEAP)
    assert_absent()
    vault.close()
    assert_absent()


def test_error_messages_never_carry_user_text(vault: Vault) -> None:
    secret_text = "my-private-" + secrets.token_hex(8)
    problems: list[BaseException] = []
    for bad in ({secret_text: float("inf")}, {"t": secret_text + "\ud800"}, {"t": (secret_text,)}):
        with pytest.raises((ValueError, TypeError)) as caught:
            vault.put(DRAFT, bad)
        problems.append(caught.value)
    for problem in problems:
        assert secret_text not in str(problem)
        assert problem.__suppress_context__ or problem.__context__ is None


def test_record_ids_and_kinds_are_the_only_plain_columns(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.put(JOURNAL_ENTRY, {"title": "t"}, record_id="rid")
    vault.close()
    conn = sqlite3.connect(vault_path)
    row = conn.execute("SELECT id, kind, typeof(nonce), typeof(ciphertext) FROM records").fetchone()
    conn.close()
    assert row == ("rid", JOURNAL_ENTRY, "blob", "blob")


def test_ids_in_errors_are_only_ids(vault: Vault) -> None:
    with pytest.raises(KeyError) as caught:
        vault.get("absent-id")
    assert caught.value.args == ("absent-id",)


def test_search_matches_fold_both_sides() -> None:
    from reconnect_gui.core.journal.query import fold

    assert fold("STRASSE") == fold("straße") == "strasse"
    assert fold("cafe\u0301") == fold("CAFÉ") == fold("cafe") == "cafe"  # accents ignored


def test_record_associated_data_is_the_documented_bytes() -> None:
    from reconnect_gui.storage.crypto import associated_data
    from reconnect_gui.storage.vault_codec import RecordAad

    vault_id = "0" * 32
    documented = (
        b"\x00\x00\x00\x10reconnect/record"
        + b"\x00\x00\x00\x011"
        + b"\x00\x00\x00\x20"
        + b"0" * 32
        + b"\x00\x00\x00\x02r1"
        + b"\x00\x00\x00\x05draft"
    )
    assert associated_data("reconnect/record", "1", vault_id, "r1", "draft") == documented
    assert RecordAad(vault_id)("r1", "draft") == documented
    assert RecordAad(vault_id)("ü", "draft") == associated_data(
        "reconnect/record", "1", vault_id, "ü", "draft"
    )


tricky_text = st.text(
    alphabet=st.sampled_from('aAßSsİiıKkK\u0301eé"\\\n\t\x00 ΣσςǅﬁFI😀'), max_size=12
) | st.text(max_size=12)


@settings(max_examples=80)
@given(values=st.lists(tricky_text, min_size=1, max_size=4), data=st.data())
def test_search_finds_exactly_what_the_folded_comparison_finds(
    values: list[str], data: st.DataObject
) -> None:
    """The fast pre-check on the raw JSON must never hide a match."""
    from reconnect_gui.core.journal.query import fold

    source = data.draw(st.sampled_from(values))
    start = data.draw(st.integers(0, len(source)))
    needle = source[start : data.draw(st.integers(start, len(source)))]
    needle = data.draw(st.sampled_from([needle, needle.upper(), needle.lower(), "x" + needle]))
    with tempfile.TemporaryDirectory() as folder:
        vault, _ = new_vault(Path(folder) / "v.sqlite3")
        with vault:
            for index, value in enumerate(values):
                vault.put(JOURNAL_ENTRY, {"v": value, "n": [index, {"k": value}]}, f"r{index}")
            found = {r.id for r in vault.search(needle)[0]}
    expected = {f"r{i}" for i, value in enumerate(values) if fold(needle) in fold(value)}
    assert found == expected


class Plan(NamedTuple):
    add: tuple[Record, ...] = ()
    update: tuple[Record, ...] = ()
    remove: tuple[Record, ...] = ()
    drop_damaged: tuple[str, ...] = ()


def test_apply_restore_writes_records_as_given_in_one_transaction(vault: Vault) -> None:
    kept = vault.put(JOURNAL_ENTRY, {"title": "stays"})
    gone = vault.put(JOURNAL_ENTRY, {"title": "goes"})
    old = vault.put(DRAFT, {"text": "old version"})
    long_ago = datetime(2020, 2, 29, 12, 0, tzinfo=UTC)
    restored = Record("from-backup", JOURNAL_ENTRY, long_ago, long_ago, {"title": "back"})
    newer = Record(old.id, DRAFT, old.created, old.updated + timedelta(days=1), {"text": "new"})

    vault.apply_restore(Plan(add=(restored,), update=(newer,), remove=(gone,)))
    records = {r.id: r for r in vault.records()[0]}
    assert records == {kept.id: kept, restored.id: restored, old.id: newer}

    broken = Record("broken", DRAFT, long_ago, long_ago, {"x": float("nan")})
    with pytest.raises(ValueError):
        vault.apply_restore(Plan(add=(broken,), remove=(kept,)))
    assert {r.id: r for r in vault.records()[0]} == records  # nothing of it happened


def test_paths_with_unusual_characters(tmp_path: Path) -> None:
    path = tmp_path / "My Files #1 ?50% ünï 日記" / "vault.sqlite3"
    vault, key = new_vault(path)
    saved = vault.put(DRAFT, {"a": 1})
    vault.close()
    with open_vault(path) as locked, locked.unlock_with_key(key) as again:
        assert again.get(saved.id) == saved
    assert sorted(p.name for p in path.parent.iterdir()) == ["vault.sqlite3"]


def test_reads_see_writes_from_another_connection_and_locking_drops_the_cache(tmp_path) -> None:
    """The decrypted-record cache follows other writers (SQLite data_version) and our own."""
    from reconnect_gui.storage.crypto import KdfParams
    from reconnect_gui.storage.vault import create_vault, open_vault

    path = tmp_path / "vault.sqlite3"
    first, key = create_vault(
        path, recovery_code=RECOVERY_FOR_CACHE_TEST, kdf_params=KdfParams.new(n=2**10)
    )
    kept = first.put("journal_entry", {"title": "Mine"})
    assert [r.id for r in first.search("mine")[0]] == [kept.id]  # the cache is filled now
    with open_vault(path) as locked, locked.unlock_with_key(key) as other:
        added = other.put("journal_entry", {"title": "From the command line"})
        other.delete(kept.id)
    assert [r.id for r in first.records()[0]] == [added.id]
    assert first.search("mine")[0] == []
    own = first.put("journal_entry", {"title": "Mine again"})
    assert [r.id for r in first.search("MINE")[0]] == [own.id]
    first.close()
    assert first._cache.records(None) == ([], [])


RECOVERY_FOR_CACHE_TEST = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"


def test_new_record_ids_never_look_like_an_option(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One id in 64 started with "-", and "reconnect journal show -Ab…" then failed.
    drawn = iter(["-starts-with-dash", "plain-id-1234"])
    monkeypatch.setattr(secrets, "token_urlsafe", lambda _n: next(drawn))
    vault, _key = new_vault(vault_path)
    with vault:
        assert vault.put(JOURNAL_ENTRY, {"body": "x"}).id == "plain-id-1234"


# --- Read-modify-write in one transaction (issue 16, point 6) ---


def test_update_sees_what_another_connection_saved_after_this_one_read(vault_path: Path) -> None:
    first, key = new_vault(vault_path)
    first.put(DRAFT, {"items": ["a"]}, record_id="list")
    first.get("list")  # this connection has read the old state
    with open_vault(vault_path) as locked:
        second = locked.unlock_with_key(key)
    second.update(DRAFT, "list", lambda data: {"items": [*(data or {})["items"], "b"]})
    second.close()
    first.update(DRAFT, "list", lambda data: {"items": [*(data or {})["items"], "c"]})
    assert first.get("list").data == {"items": ["a", "b", "c"]}
    first.close()


def test_update_creates_a_missing_record_and_keeps_created_on_later_changes(
    vault_path: Path,
) -> None:
    vault, _ = new_vault(vault_path)
    seen: list[object] = []

    def add_one(data: dict[str, Any] | None) -> dict[str, Any]:
        seen.append(data)
        return {"count": (data or {"count": 0})["count"] + 1}

    first = vault.update(DRAFT, "counter", add_one)
    second = vault.update(DRAFT, "counter", add_one)
    assert seen == [None, {"count": 1}]
    assert second.data == {"count": 2}
    assert second.created == first.created and second.updated > first.updated
    vault.close()


def test_a_failing_change_leaves_the_record_as_it_was(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.put(DRAFT, {"text": "kept"}, record_id="r")

    def broken(_data: dict[str, Any] | None) -> dict[str, Any]:
        raise RuntimeError("the change failed half way")

    with pytest.raises(RuntimeError):
        vault.update(DRAFT, "r", broken)
    assert vault.get("r").data == {"text": "kept"}
    vault.close()


def test_checkpoint_leaves_every_saved_change_in_the_main_file(vault_path: Path) -> None:
    vault, key = new_vault(vault_path)
    vault.put(DRAFT, {"text": "only in the log until a checkpoint"}, record_id="r")
    vault.checkpoint()
    copy = vault_path.with_name("copy.sqlite3")
    shutil.copyfile(vault_path, copy)  # the main file alone, as a sync tool would copy it
    vault.close()
    with open_vault(copy) as locked:
        assert locked.unlock_with_key(key).get("r").data["text"].startswith("only in the log")


# --- Changing a secret replaces the data key (issue 16, point 3) ---


def read_copy_with(copy: Path, secret: str, record_id: str) -> dict[str, Any]:
    """What an old secret opens in a copy of the vault file (a snapshot, a backup)."""
    with open_vault(copy) as locked:
        vault, _ = locked.unlock_with_secret(secret)
    try:
        return vault.get(record_id).data
    finally:
        vault.close()


@pytest.mark.parametrize("changed", ["passphrase", "recovery code"])
def test_an_old_secret_and_an_old_copy_open_nothing_written_after_the_change(
    vault_path: Path, tmp_path: Path, changed: str
) -> None:
    vault, _ = new_vault(vault_path)
    vault.put(JOURNAL_ENTRY, {"body": "before"}, record_id="early")
    vault.checkpoint()
    old_copy = tmp_path / "snapshot.sqlite3"
    shutil.copyfile(vault_path, old_copy)  # a daily snapshot taken before the change
    if changed == "passphrase":
        old_secret, other = PASSPHRASE, CODE
        replaced = vault.set_passphrase("a brand new passphrase", kdf_params=CHEAP)
    else:
        old_secret, other = CODE, PASSPHRASE
        replaced = vault.replace_recovery_code(new_recovery_code(), kdf_params=CHEAP)
    vault.put(JOURNAL_ENTRY, {"body": "written after the change"}, record_id="late")
    vault.close()

    with open_vault(old_copy) as locked:
        _, old_key = locked.unlock_with_secret(old_secret)  # the copy still opens, as copies do
    with open_vault(vault_path) as locked:
        current = locked.unlock_with_secret(other)[0]  # the unchanged secret still works
    assert current.get("late").data == {"body": "written after the change"}
    current.close()
    with open_vault(vault_path) as locked, pytest.raises(WrongSecret):
        locked.unlock_with_key(old_key)  # the old key opens nothing in today's file
    assert read_copy_with(old_copy, old_secret, "early") == {"body": "before"}
    assert replaced is True


def test_a_vault_from_before_sealed_slots_changes_its_passphrase_without_a_new_key(
    v1_copy: Path,
) -> None:
    with open_vault(v1_copy) as locked:
        vault, key = locked.unlock_with_secret(V1_PASSPHRASE)
    assert vault.set_passphrase("a brand new passphrase", kdf_params=CHEAP) is False
    vault.close()
    with open_vault(v1_copy) as locked:
        with pytest.raises(WrongSecret):
            locked.unlock_with_secret(V1_PASSPHRASE)
        again, same = locked.unlock_with_secret("a brand new passphrase")
    assert same == key
    # Once the key is rotated with both secrets, later changes replace the key too.
    new_key = again.rotate_key(CODE, "a brand new passphrase", kdf_params=CHEAP)
    assert again.set_passphrase("third passphrase", kdf_params=CHEAP) is True
    assert again.data_key != new_key
    again.close()


def test_a_public_key_planted_in_the_file_never_receives_the_new_key(vault_path: Path) -> None:
    from reconnect_gui.storage.crypto import public_key_for

    vault, key = new_vault(vault_path)
    attacker_seed = secrets.token_bytes(32)
    planted = public_key_for(attacker_seed)
    conn = sqlite3.connect(vault_path)
    with conn:  # the attacker can write the file but has no secret and no key
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'public:recovery'", (b"x" * 12 + planted,)
        )
    conn.close()
    assert vault.set_passphrase("a brand new passphrase", kdf_params=CHEAP) is False
    assert vault.data_key == key  # nothing was sealed to the planted key
    vault.close()


def test_a_window_holding_the_old_key_cannot_write_after_a_key_change(vault_path: Path) -> None:
    first, key = new_vault(vault_path)
    with open_vault(vault_path) as locked:
        second = locked.unlock_with_key(key)
    second.set_passphrase("a brand new passphrase", kdf_params=CHEAP)
    second.close()
    with pytest.raises(VaultLocked, match="changed in another"):
        first.put(JOURNAL_ENTRY, {"body": "would be unreadable"})
    first.close()
    with open_vault(vault_path) as locked:
        assert locked.record_count() == 0


def test_opens_with_knows_the_current_secrets_only(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    assert vault.opens_with(PASSPHRASE) and vault.opens_with(CODE.lower())
    assert not vault.opens_with("not the passphrase") and not vault.opens_with("")
    vault.set_passphrase("a brand new passphrase", kdf_params=CHEAP)
    assert not vault.opens_with(PASSPHRASE) and vault.opens_with("a brand new passphrase")
    vault.close()


def test_delete_if_judges_the_record_as_another_connection_left_it(vault_path: Path) -> None:
    first, key = new_vault(vault_path)
    first.put(JOURNAL_ENTRY, {"in_trash": True}, record_id="e")
    first.get("e")  # this window last saw it in the trash
    with open_vault(vault_path) as locked:
        second = locked.unlock_with_key(key)
    second.put(JOURNAL_ENTRY, {"in_trash": False}, record_id="e")  # restored elsewhere
    second.close()
    assert first.delete_if("e", lambda record: record.data["in_trash"]) is False
    assert first.get("e").data == {"in_trash": False}
    assert first.delete_if("e", lambda record: True) is True
    assert first.delete_if("e", lambda record: True) is False  # already gone: quiet
    first.close()


def test_update_refuses_an_id_of_another_kind(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.put(DRAFT, {"text": "a draft"}, record_id="shared-id")
    with pytest.raises(ValueError, match="another kind"):
        vault.update(JOURNAL_ENTRY, "shared-id", lambda data: {"title": "oops"})
    assert vault.get("shared-id").kind == DRAFT
    vault.close()


def test_a_restore_planned_before_another_window_saved_is_refused(vault_path: Path) -> None:
    first, key = new_vault(vault_path)
    first.put(DRAFT, {"text": "the old words"}, record_id="d")
    existing, _ = first.records()  # the restore plans from this read
    with open_vault(vault_path) as locked:
        second = locked.unlock_with_key(key)
    second.put(DRAFT, {"text": "typed in the open window meanwhile"}, record_id="d")
    second.close()
    (old,) = existing
    from_backup = Record("d", DRAFT, old.created, old.updated, {"text": "from the backup"})
    with pytest.raises(VaultError, match="nothing was restored"):
        first.apply_restore(Plan(update=(from_backup,)))
    assert first.get("d").data == {"text": "typed in the open window meanwhile"}
    first.records()  # planning again from a fresh read goes through
    first.apply_restore(Plan(update=(from_backup,)))
    assert first.get("d").data == {"text": "from the backup"}
    first.close()


def test_a_restore_deletes_damaged_records_in_the_same_transaction(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.put(DRAFT, {"text": "fine"}, record_id="ok")
    vault.put(DRAFT, {"text": "will be damaged"}, record_id="bad")
    vault.close()
    conn = sqlite3.connect(vault_path)
    with conn:
        conn.execute("UPDATE records SET ciphertext = zeroblob(40) WHERE id = 'bad'")
    conn.close()
    with open_vault(vault_path) as locked:
        vault = locked.unlock_with_secret(CODE)[0]
    _records, damaged = vault.records()
    assert damaged == ["bad"]
    vault.apply_restore(Plan(drop_damaged=("bad",)))
    assert vault.records() == ([vault.get("ok")], [])
    vault.close()
