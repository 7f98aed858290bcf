"""Damaged, tampered and foreign files: a typed error with a plain message, the file left
byte-for-byte as it was, and one damaged record never hiding the others."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.errors import (
    NoVault,
    RecordDamaged,
    UnsupportedVersion,
    VaultDamaged,
    VaultError,
    WrongSecret,
)
from reconnect_gui.storage.records import DRAFT, JOURNAL_ENTRY
from reconnect_gui.storage.vault import Vault, create_vault, open_vault
from reconnect_gui.storage.vault_format import (
    APPLICATION_ID,
    FORMAT_VERSION,
    PAGE_SIZE,
    TOO_LONG,
    vault_files_exist,
)

CHEAP = KdfParams.new(n=2**10)
CODE = "7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR"


class Sample:
    """A small closed vault with five known records."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "vault.sqlite3"
        vault, self.key = create_vault(self.path, recovery_code=CODE, kdf_params=CHEAP)
        self.records = {
            r.id: r
            for r in [
                vault.put(JOURNAL_ENTRY, {"n": i, "body": f"entry {i} " * 40}) for i in range(4)
            ]
            + [vault.put(DRAFT, {"text": "a draft"})]
        }
        self.victim = next(iter(self.records))
        vault.close()
        self.bytes = self.path.read_bytes()

    def copy(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "vault.sqlite3"
        shutil.copyfile(self.path, target)
        return target

    def unlock(self, path: Path) -> Vault:
        with open_vault(path) as locked:
            return locked.unlock_with_key(self.key)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    return Sample(tmp_path_factory.mktemp("sample"))


def assert_refused_untouched(path: Path, error: type[VaultError]) -> VaultError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(error) as caught:
        open_vault(path)
    assert caught.value.message.endswith("left untouched.")
    assert (path.read_bytes() if path.is_file() else None) == before
    return caught.value


# --- Truncation -----------------------------------------------------------------------------


def truncation_offsets(size: int) -> list[int]:
    """Every byte of the first 1 KiB (the header and page 1's b-tree header), both sides of
    every page boundary, and every 61st byte elsewhere (a prime, so the cuts land at all
    positions within pages). Every offset would take ~60 s: the file cannot be smaller
    than 8 × 16 KiB pages, and cuts inside a page all meet the same whole-page check."""
    offsets = set(range(1024))
    for boundary in range(PAGE_SIZE, size, PAGE_SIZE):
        offsets |= {boundary - 1, boundary, boundary + 1}
    offsets |= set(range(1024, size, 61))
    return sorted(o for o in offsets if o < size)


def test_truncation_anywhere_is_damage_or_changes_nothing(sample: Sample, tmp_path: Path) -> None:
    target = tmp_path / "cut.sqlite3"
    refused = 0
    offsets = truncation_offsets(len(sample.bytes))
    assert len(sample.bytes) // PAGE_SIZE >= 6 and len(offsets) > 2000
    for offset in offsets:
        for leftover in tmp_path.glob("cut.sqlite3-*"):
            leftover.unlink()
        target.write_bytes(sample.bytes[:offset])
        try:
            locked = open_vault(target)
        except VaultDamaged:
            refused += 1
        else:  # may only open if nothing that matters was lost
            with locked, locked.unlock_with_key(sample.key) as vault:
                records, damaged = vault.records()
                assert damaged == [] and {r.id: r for r in records} == sample.records, offset
        assert target.read_bytes() == sample.bytes[:offset], offset
    assert refused == len(offsets)  # today every cut is caught; the rule above is the promise


# --- Flipped bits, swapped and moved rows ----------------------------------------------------


@pytest.fixture
def tamper(sample: Sample, tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    path = sample.copy(tmp_path / "copy")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # only the tampering is fast; the vault is not
    yield path, conn
    conn.close()


def assert_only_damaged(vault: Vault, sample: Sample, damaged_ids: set[str]) -> None:
    records, damaged = vault.records()
    assert set(damaged) == damaged_ids
    assert {r.id: r for r in records} == {
        i: r for i, r in sample.records.items() if i not in damaged_ids
    }
    found, damaged_in_search = vault.search("entry")
    assert set(damaged_in_search) == damaged_ids
    assert {r.id for r in found} <= set(sample.records) - damaged_ids


def test_one_flipped_bit_in_any_byte_damages_only_that_record(
    sample: Sample, tamper: tuple[Path, sqlite3.Connection]
) -> None:
    path, conn = tamper
    nonce, ciphertext = conn.execute(
        "SELECT nonce, ciphertext FROM records WHERE id = ?", (sample.victim,)
    ).fetchone()
    original = nonce + ciphertext
    vault = sample.unlock(path)
    try:
        for index in range(len(original)):
            flipped = bytearray(original)
            flipped[index] ^= 1 << (index % 8)
            conn.execute(
                "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?",
                (bytes(flipped[:12]), bytes(flipped[12:]), sample.victim),
            )
            with pytest.raises(RecordDamaged) as caught:
                vault.get(sample.victim)
            assert caught.value.record_id == sample.victim and caught.value.exit_code == 4
            if index % 97 == 0:  # the full path too: open, check, unlock, list
                vault.close()
                vault = sample.unlock(path)
                assert_only_damaged(vault, sample, {sample.victim})
            else:
                assert len(vault.records()[0]) == len(sample.records) - 1
    finally:
        vault.close()
    assert len(original) > 300


def test_swapped_ciphertexts_damage_both(
    sample: Sample, tamper: tuple[Path, sqlite3.Connection]
) -> None:
    path, conn = tamper
    first, second = list(sample.records)[:2]
    rows = {
        i: conn.execute("SELECT nonce, ciphertext FROM records WHERE id = ?", (i,)).fetchone()
        for i in (first, second)
    }
    for target, source in ((first, second), (second, first)):
        conn.execute(
            "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?", (*rows[source], target)
        )
    with sample.unlock(path) as vault:
        assert_only_damaged(vault, sample, {first, second})


@pytest.mark.parametrize(
    "tampering",
    [
        "UPDATE records SET id = 'moved' WHERE id = :v",
        "UPDATE records SET kind = 'draft' WHERE id = :v",
        "INSERT INTO records SELECT 'copied', kind, nonce, ciphertext FROM records WHERE id=:v",
        "UPDATE records SET ciphertext = substr(ciphertext, 1, length(ciphertext) - 1) WHERE id=:v",
        "UPDATE records SET ciphertext = 'text, not bytes' WHERE id = :v",
        "UPDATE records SET nonce = zeroblob(16) WHERE id = :v",
    ],
)
def test_rows_moved_copied_or_mangled_are_reported_by_id(
    sample: Sample, tamper: tuple[Path, sqlite3.Connection], tampering: str
) -> None:
    path, conn = tamper
    conn.execute(tampering, {"v": sample.victim})
    with sample.unlock(path) as vault:
        records, damaged = vault.records()
        assert len(damaged) == 1 and damaged[0] in {sample.victim, "moved", "copied"}
        lost = set() if damaged == ["copied"] else {sample.victim}  # a copy leaves the original
        healthy = {i: r for i, r in sample.records.items() if i not in lost}
        assert {r.id: r for r in records} == healthy


def test_a_record_copied_from_another_vault_is_damaged(sample: Sample, tmp_path: Path) -> None:
    other = Sample(tmp_path / "other")
    path = sample.copy(tmp_path / "copy")
    with sqlite3.connect(path) as conn:
        nonce, ciphertext = (
            sqlite3.connect(other.path)
            .execute("SELECT nonce, ciphertext FROM records WHERE id = ?", (other.victim,))
            .fetchone()
        )
        conn.execute(
            "INSERT INTO records VALUES (?, ?, ?, ?)",
            (other.victim, JOURNAL_ENTRY, nonce, ciphertext),
        )
    conn.close()
    with sample.unlock(path) as vault:
        assert vault.records()[1] == [other.victim]


def test_a_damaged_key_check_reads_as_a_wrong_key(
    sample: Sample, tamper: tuple[Path, sqlite3.Connection]
) -> None:
    path, conn = tamper
    conn.execute("UPDATE meta SET value = zeroblob(38) WHERE key = 'key_check'")
    with open_vault(path) as locked, pytest.raises(WrongSecret):
        locked.unlock_with_key(sample.key)


# --- Not ours, not whole, not yet --------------------------------------------------------------


def test_a_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE records(id, kind, nonce, ciphertext)")
    conn.commit()
    conn.close()
    error = assert_refused_untouched(path, VaultDamaged)
    assert "not a Reconnect vault" in error.message


def test_a_foreign_wal_mode_file_with_a_hot_wal(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    wal = Path(str(path) + "-wal").read_bytes()
    conn.close()
    Path(str(path) + "-wal").write_bytes(wal)  # as if its program had crashed
    assert_refused_untouched(path, VaultDamaged)
    assert Path(str(path) + "-wal").read_bytes() == wal


@pytest.mark.parametrize(
    "content",
    [b"", b"S", b"SQLite format 3\0", b"not a database at all\n" * 1000, bytes(PAGE_SIZE * 8)],
)
def test_files_that_are_not_vaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vault.sqlite3"
    path.write_bytes(content)
    assert_refused_untouched(path, VaultDamaged)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.sqlite3"]  # SQLite never ran


def test_a_directory_is_not_a_vault(tmp_path: Path) -> None:
    (tmp_path / "vault.sqlite3").mkdir()
    with pytest.raises(VaultDamaged):
        open_vault(tmp_path / "vault.sqlite3")


def test_our_id_on_a_file_without_our_tables(tmp_path: Path) -> None:
    path = tmp_path / "fake.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    conn.execute("CREATE TABLE meta(key, value)")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, VaultDamaged)


def test_a_future_version_is_refused_untouched(sample: Sample, tmp_path: Path) -> None:
    path = sample.copy(tmp_path / "future")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.close()
    error = assert_refused_untouched(path, UnsupportedVersion)
    assert "newer" in error.message and error.exit_code == 4


def test_a_future_version_still_in_the_wal_is_refused(sample: Sample, tmp_path: Path) -> None:
    """The main file's header says v1, the WAL says v2: SQLite's own view decides."""
    path = sample.copy(tmp_path / "future-wal")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")  # stays in the WAL
    before = path.read_bytes()
    with pytest.raises(UnsupportedVersion):
        open_vault(path)
    assert path.read_bytes() == before
    assert int.from_bytes(before[60:64], "big") == FORMAT_VERSION
    writer.close()


def test_damaged_pages_are_caught_by_quick_check(sample: Sample, tmp_path: Path) -> None:
    path = sample.copy(tmp_path / "pages")
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // PAGE_SIZE):  # every page but the first: b-tree headers
        data[page * PAGE_SIZE : page * PAGE_SIZE + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    error = assert_refused_untouched(path, VaultDamaged)
    assert "damaged" in error.message


def test_messages_are_plain_sentences(sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "zero.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(VaultDamaged) as caught:
        open_vault(path)
    message = caught.value.message
    assert message[0].isupper() and message.endswith(".")
    assert "sqlite" not in message.lower() and "Error" not in message


# --- What a refused check leaves behind, and errors that are not damage -----------------------


def test_a_refused_check_leaves_no_sidecars_so_status_and_init_agree(
    sample: Sample, tmp_path: Path
) -> None:
    """SQLite's read-only look at a WAL-mode file creates empty -wal and -shm files. Left
    beside a damaged vault, they outlived it: once the person moved the damaged file away,
    `vault status` said there was no vault while `vault init` refused ("already exists")."""
    folder = tmp_path / "damaged"
    path = sample.copy(folder)
    data = bytearray(path.read_bytes())
    data[3 * PAGE_SIZE : 3 * PAGE_SIZE + 8] = b"\xff" * 8  # one b-tree page: quick_check fails
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, VaultDamaged)
    assert sorted(p.name for p in folder.iterdir()) == ["vault.sqlite3"]
    path.rename(tmp_path / "set-aside.sqlite3")
    with pytest.raises(NoVault):  # what status reports
        open_vault(path)
    vault, _key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)  # what init does
    vault.close()


def test_leftover_empty_sidecars_do_not_count_as_a_vault(tmp_path: Path) -> None:
    """Left by an older version's check: an empty -wal and a -shm hold nothing to lose."""
    path = tmp_path / "vault.sqlite3"
    Path(f"{path}-wal").write_bytes(b"")
    Path(f"{path}-shm").write_bytes(bytes(32768))
    assert not vault_files_exist(path)
    vault, _key = create_vault(path, recovery_code=CODE, kdf_params=CHEAP)
    vault.put(JOURNAL_ENTRY, {"n": 1})
    vault.close()
    with open_vault(path) as locked:
        assert locked.record_count() == 1
    Path(f"{path}-wal").write_bytes(b"x")  # a WAL with content may hold saved entries
    assert vault_files_exist(path)


def test_an_entry_too_long_for_sqlite_is_not_called_damage(sample: Sample, tmp_path: Path) -> None:
    """SQLite refuses a value over its length limit (1 GB by default) with SQLITE_TOOBIG;
    the limit is lowered here so the test needs no gigabyte."""
    vault = sample.unlock(sample.copy(tmp_path / "long"))
    with vault:
        vault._conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100_000)  # type: ignore[union-attr]
        with pytest.raises(VaultError) as caught:
            vault.put(JOURNAL_ENTRY, {"body": "words " * 40_000})
        assert not isinstance(caught.value, VaultDamaged)
        assert caught.value.message == TOO_LONG and "damaged" not in TOO_LONG
        assert len(vault.records()[0]) == len(sample.records)  # nothing was changed
