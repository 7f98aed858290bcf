"""The vault, journal, backup and export commands, in-process with a real vault file."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime

import keyring

from helpers.fake_keyrings import LockedKeyring
from helpers.repo import run_cli as run


def test_journal_round_trip_without_prompts(initialised, capsys, monkeypatch) -> None:
    canary = "canary " + secrets.token_hex(6)
    code, out, _ = run(
        capsys,
        monkeypatch,
        "journal",
        "add",
        "--title",
        "Day one",
        "--mood",
        "2",
        "--tag",
        "urge",
        stdin=f"I wanted to text them. {canary}\n",
    )
    assert code == 0
    entry_id = out.strip()

    code, out, _ = run(capsys, monkeypatch, "journal", "list", "--json")
    assert code == 0
    (entry,) = json.loads(out)["entries"]
    assert (entry["id"], entry["title"], entry["mood"], entry["tags"]) == (
        entry_id,
        "Day one",
        2,
        ["urge"],
    )

    code, out, _ = run(capsys, monkeypatch, "journal", "show", entry_id)
    assert code == 0 and canary in out
    code, out, _ = run(capsys, monkeypatch, "journal", "search", canary.upper(), "--json")
    assert [e["id"] for e in json.loads(out)["entries"]] == [entry_id]
    code, out, _ = run(capsys, monkeypatch, "journal", "search", "nothing like this")
    assert code == 0 and "No entries found" in out


def test_journal_search_ignores_accents_like_the_journal_pane(
    initialised, capsys, monkeypatch
) -> None:
    """ "cafe" finds "Café" on the command line as it does in the pane (one fold for both)."""
    from reconnect_gui.core.journal.entry import entry_from_record
    from reconnect_gui.core.journal.query import JournalFilter, SearchIndex

    _, cafe, _ = run(capsys, monkeypatch, "journal", "add", "--title", "Café", stdin="Tea.\n")
    _, other, _ = run(capsys, monkeypatch, "journal", "add", "--title", "Park", stdin="Walk.\n")

    for needle in ("cafe", "CAFÉ", "cafe\u0301"):
        code, out, _ = run(capsys, monkeypatch, "journal", "search", needle, "--json")
        assert code == 0
        assert [e["id"] for e in json.loads(out)["entries"]] == [cafe.strip()], needle

    # The pane's search finds the same entry for the same word.
    now = datetime.now(UTC)
    entries = [
        entry_from_record(cafe.strip(), now, now, {"title": "Café", "body": "Tea.\n"}),
        entry_from_record(other.strip(), now, now, {"title": "Park", "body": "Walk.\n"}),
    ]
    found = SearchIndex(entries).filter(JournalFilter(text="cafe"), UTC)
    assert [e.id for e in found] == [cafe.strip()]


def test_status_reports_a_ready_vault(initialised, capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "vault", "status", "--json")
    status = json.loads(out)
    assert code == 0
    assert status["state"] == "ready" and status["key_in_keyring"] is True


def test_init_twice_never_replaces_the_vault(initialised, capsys, monkeypatch) -> None:
    code, _, err = run(capsys, monkeypatch, "vault", "init")
    assert code == 5 and "already" in err


def test_lost_keyring_entry_exits_3_then_recovery_puts_the_key_back(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    memory_keyring.entries.clear()
    code, _, err = run(capsys, monkeypatch, "journal", "list")
    assert code == 3 and "--passphrase-file" in err
    code, out, _ = run(
        capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(initialised)
    )
    assert code == 0 and "back in your keyring" in out
    assert run(capsys, monkeypatch, "journal", "list")[0] == 0


def test_a_locked_keyring_can_be_bypassed_with_the_recovery_code(
    initialised, capsys, monkeypatch
) -> None:
    keyring.set_keyring(LockedKeyring())
    code, _, err = run(capsys, monkeypatch, "journal", "list")
    assert code == 3 and "locked" in err.lower()
    code, out, _ = run(
        capsys, monkeypatch, "journal", "list", "--passphrase-file", str(initialised)
    )
    assert code == 0 and "No entries found" in out


def test_wrong_recovery_code_exits_3(initialised, capsys, monkeypatch, tmp_path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("ABCDE-ABCDE-ABCDE-ABCDE-ABCDE\n")
    code, _, err = run(capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(wrong))
    assert code == 3 and "Traceback" not in err


def test_no_vault_yet_is_explained(capsys, monkeypatch, memory_keyring) -> None:
    code, out, _ = run(capsys, monkeypatch, "vault", "status")
    assert code == 0 and "reconnect vault init" in out
    code, _, err = run(capsys, monkeypatch, "journal", "list")
    assert code == 3 and err.strip()


def test_export_needs_explicit_consent(initialised, capsys, monkeypatch, tmp_path) -> None:
    code, _, err = run(capsys, monkeypatch, "export", str(tmp_path / "out"))
    assert code == 2 and "NOT encrypted" in err
    assert not (tmp_path / "out").exists()
    run(capsys, monkeypatch, "journal", "add", "--title", "Plain", stdin="body")
    code, _, _ = run(
        capsys, monkeypatch, "export", str(tmp_path / "out"), "--format", "json", "--yes-plaintext"
    )
    assert code == 0
    assert "Plain" in (tmp_path / "out" / "reconnect-export.json").read_text()


def test_backup_create_and_restore(initialised, capsys, monkeypatch, tmp_path) -> None:
    secret = tmp_path / "backup-pass.txt"
    secret.write_text("a backup passphrase\n")
    run(capsys, monkeypatch, "journal", "add", "--title", "Kept", stdin="body")
    backup = tmp_path / "b.age"
    code, _, _ = run(
        capsys, monkeypatch, "backup", "create", str(backup), "--passphrase-file", str(secret)
    )
    assert code == 0 and backup.read_bytes().startswith(b"age-encryption.org/v1")
    entry_id = json.loads(run(capsys, monkeypatch, "journal", "list", "--json")[1])["entries"][0]
    code, _, _ = run(
        capsys, monkeypatch, "backup", "restore", str(backup), "--passphrase-file", str(secret)
    )
    assert code == 0
    entries = json.loads(run(capsys, monkeypatch, "journal", "list", "--json")[1])["entries"]
    assert [e["id"] for e in entries] == [entry_id["id"]]


def test_lock_takes_the_key_out_until_recover_puts_it_back(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    code, out, _ = run(capsys, monkeypatch, "vault", "lock")
    assert code == 0 and memory_keyring.entries == {} and "recover" in out
    assert run(capsys, monkeypatch, "journal", "list")[0] == 3
    assert (
        run(capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(initialised))[0]
        == 0
    )
    assert run(capsys, monkeypatch, "journal", "list")[0] == 0


def test_no_file_the_app_writes_holds_a_canary_in_plain_text(
    initialised, capsys, monkeypatch, isolated_home, tmp_path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)  # so tempfile sees the new TMPDIR
    canary = "canary-" + secrets.token_hex(8)
    run(
        capsys,
        monkeypatch,
        "journal",
        "add",
        "--title",
        f"title {canary}",
        "--tag",
        canary,
        stdin=f"body {canary}",
    )
    run(capsys, monkeypatch, "journal", "search", canary)
    secret = tmp_path / "backup-pass.txt"
    secret.write_text("a backup passphrase\n")
    backup = isolated_home / "data" / "manual-backup.age"
    assert (
        run(capsys, monkeypatch, "backup", "create", str(backup), "--passphrase-file", str(secret))[
            0
        ]
        == 0
    )
    from datetime import UTC, datetime

    from reconnect_gui.storage.snapshots import take_snapshot_if_due
    from reconnect_gui.storage.unlock import vault_file

    take_snapshot_if_due(
        vault_file(isolated_home / "data"), isolated_home / "data" / "snapshots", datetime.now(UTC)
    )
    needles = [canary.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    scanned = [p for root in (isolated_home, temp) for p in root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in scanned), "the vault itself was scanned"
    hits = [p for p in scanned for needle in needles if needle in p.read_bytes()]
    assert hits == []


def test_one_damaged_entry_is_named_and_never_hides_the_others(
    initialised, capsys, monkeypatch, isolated_home
) -> None:
    import sqlite3

    from reconnect_gui.storage.unlock import vault_file

    ids = [
        run(capsys, monkeypatch, "journal", "add", "--title", t, stdin="b")[1].strip()
        for t in ("first", "second", "third")
    ]
    with sqlite3.connect(vault_file(isolated_home / "data")) as db:
        (ciphertext,) = db.execute(
            "SELECT ciphertext FROM records WHERE id = ?", (ids[1],)
        ).fetchone()
        flipped = bytes([ciphertext[0] ^ 1]) + ciphertext[1:]
        db.execute("UPDATE records SET ciphertext = ? WHERE id = ?", (flipped, ids[1]))
    code, out, err = run(capsys, monkeypatch, "journal", "list", "--json")
    assert code == 4
    listing = json.loads(out)
    assert sorted(e["title"] for e in listing["entries"]) == ["first", "third"]
    assert listing["damaged"] == [ids[1]] and ids[1] in err and "Traceback" not in err


def test_entries_in_the_trash_are_left_out_of_list_and_search(
    initialised, capsys, monkeypatch
) -> None:
    from datetime import UTC, datetime

    from reconnect_gui.storage.journal_store import trash_entry
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import open_with_keyring, vault_file
    from reconnect_gui.system.paths import app_paths

    _, kept, _ = run(capsys, monkeypatch, "journal", "add", "--title", "kept", stdin="a\n")
    _, binned, _ = run(capsys, monkeypatch, "journal", "add", "--title", "binned", stdin="a\n")
    vault = open_with_keyring(vault_file(app_paths().data), KeyStore()).vault
    trash_entry(vault, binned.strip(), datetime.now(UTC))
    vault.close()

    code, out, _ = run(capsys, monkeypatch, "journal", "list", "--json")
    assert [e["id"] for e in json.loads(out)["entries"]] == [kept.strip()]
    code, out, _ = run(capsys, monkeypatch, "journal", "search", "binned")
    assert "No entries found" in out
    code, out, _ = run(capsys, monkeypatch, "journal", "show", binned.strip())
    assert code == 0 and "binned (in the trash)" in out


def test_init_shows_the_recovery_code_even_when_its_file_cannot_be_written(
    capsys, monkeypatch, memory_keyring, tmp_path
) -> None:
    # A folder given as the file: the vault is made and the key stored, so the code must
    # reach the person on screen, whatever happens to the file.
    code, out, err = run(
        capsys, monkeypatch, "vault", "init", "--recovery-code-file", str(tmp_path)
    )
    assert code == 0
    shown = [line.strip() for line in out.splitlines() if line.strip().count("-") == 4]
    assert len(shown) == 1 and len(shown[0]) == 29
    assert "could not save the recovery code" in err and "write it down" in err


def test_the_code_a_failed_file_left_on_screen_opens_the_vault(
    capsys, monkeypatch, memory_keyring, tmp_path
) -> None:
    code, out, _ = run(capsys, monkeypatch, "vault", "init", "--recovery-code-file", str(tmp_path))
    shown = next(line.strip() for line in out.splitlines() if line.strip().count("-") == 4)
    (tmp_path / "typed.txt").write_text(shown + "\n")
    memory_keyring.entries.clear()  # the key is gone: only the code on screen opens it
    code, _, _ = run(
        capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(tmp_path / "typed.txt")
    )
    assert code == 0


def test_init_refuses_a_passphrase_the_app_would_refuse(
    capsys, monkeypatch, memory_keyring, tmp_path
) -> None:
    short = tmp_path / "short.txt"
    short.write_text("abc\n")
    code, out, err = run(capsys, monkeypatch, "vault", "init", "--passphrase-file", str(short))
    assert code == 2 and "at least 8 characters" in err and "Nothing was created" in err
    assert out == ""
    code, out, _ = run(capsys, monkeypatch, "vault", "status", "--json")
    assert json.loads(out)["exists"] is False
