"""`reconnect backup restore` with a damaged vault, run as the real CLI in a child process.

Issue 16, low: a restore reported damage it had just repaired, and `--mode replace` kept
damaged records the backup does not hold. The vault is made by the real CLI with no keyring
(the recovery code opens it), and a record is damaged by flipping one byte of its ciphertext.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from helpers.repo import app_command
from reconnect_gui.storage.backup import write_backup
from reconnect_gui.storage.unlock import vault_file

BACKUP_PASSPHRASE = "a backup passphrase"


class Cli:
    """``reconnect ARGV`` against one vault, unlocked by its recovery code."""

    def __init__(self, tmp_path: Path) -> None:
        self.home = tmp_path / "home"
        self.env = {
            **os.environ,
            "RECONNECT_HOME": str(self.home),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        self.code_file = tmp_path / "code.txt"
        self.backup_passphrase = tmp_path / "backup-passphrase.txt"
        self.backup_passphrase.write_text(BACKUP_PASSPHRASE + "\n")
        made = self.run("vault", "init", "--recovery-code-file", str(self.code_file))
        assert made.returncode == 0, made.stderr

    @property
    def vault(self) -> Path:
        return vault_file(self.home / "data")

    def run(self, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*app_command(), *argv],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def add_entry(self, title: str) -> str:
        added = self.run(
            "journal", "add", "--passphrase-file", str(self.code_file), stdin=f"{title}\nbody\n"
        )
        assert added.returncode == 0, added.stderr
        return added.stdout.strip()

    def entries(self) -> tuple[int, list[str], str]:
        """The exit code, the listed titles (sorted) and stderr of `journal list --json`."""
        listed = self.run("journal", "list", "--json", "--passphrase-file", str(self.code_file))
        titles = sorted(e["title"] for e in json.loads(listed.stdout)["entries"])
        return listed.returncode, titles, listed.stderr

    def backup(self, action: str, file: Path, *options: str) -> subprocess.CompletedProcess[str]:
        secrets = ["--passphrase-file", str(self.backup_passphrase)]
        secrets += ["--vault-passphrase-file", str(self.code_file)]
        return self.run("backup", action, str(file), *options, *secrets)

    def damage(self, record_id: str) -> None:
        with sqlite3.connect(self.vault) as db:
            (ciphertext,) = db.execute(
                "SELECT ciphertext FROM records WHERE id = ?", (record_id,)
            ).fetchone()
            flipped = bytes([ciphertext[0] ^ 1]) + ciphertext[1:]
            db.execute("UPDATE records SET ciphertext = ? WHERE id = ?", (flipped, record_id))
        db.close()

    def record_ids(self) -> set[str]:
        with sqlite3.connect(self.vault) as db:
            ids = {row[0] for row in db.execute("SELECT id FROM records")}
        db.close()
        return ids


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def test_a_restore_that_repairs_a_damaged_record_says_so_and_succeeds(
    cli: Cli, tmp_path: Path
) -> None:
    first = cli.add_entry("first")
    cli.add_entry("second")
    backup = tmp_path / "b.age"
    assert cli.backup("create", backup).returncode == 0
    cli.damage(first)
    assert cli.entries()[0] == 4  # the damage is real

    restored = cli.backup("restore", backup)

    assert restored.returncode == 0, restored.stderr
    assert "1 damaged record was restored from the backup" in restored.stdout
    assert restored.stderr == ""
    assert cli.entries() == (0, ["first", "second"], "")


def test_replace_removes_damaged_records_the_backup_does_not_hold(cli: Cli, tmp_path: Path) -> None:
    kept = cli.add_entry("in the backup")
    backup = tmp_path / "b.age"
    assert cli.backup("create", backup).returncode == 0
    later = cli.add_entry("written after the backup")
    cli.damage(later)

    restored = cli.backup("restore", backup, "--mode", "replace")

    assert restored.returncode == 0, restored.stderr
    assert "1 damaged record that the backup does not hold was removed" in restored.stdout
    assert cli.record_ids() == {kept}
    assert cli.entries() == (0, ["in the backup"], "")


def test_merge_keeps_a_damaged_record_the_backup_does_not_hold_and_names_it(
    cli: Cli, tmp_path: Path
) -> None:
    cli.add_entry("in the backup")
    backup = tmp_path / "b.age"
    assert cli.backup("create", backup).returncode == 0
    later = cli.add_entry("written after the backup")
    cli.damage(later)

    restored = cli.backup("restore", backup)

    assert restored.returncode == 4
    assert later in restored.stderr and "Traceback" not in restored.stderr
    assert later in cli.record_ids()  # merge never deletes: it may still be mended elsewhere


# --- backups that hold what no clock or keyboard gives --------------------------------------


def crafted_backup(folder: Path, name: str, change: dict[str, object]) -> Path:
    """A real age backup of an export document whose one record has ``change`` applied
    (JSON written with ASCII escapes, so a lone surrogate is a valid-looking ``\\ud800``)."""
    record: dict[str, object] = {
        "id": "crafted-record",
        "kind": "journal_entry",
        "created": "2025-02-14T21:05:07.123456Z",
        "updated": "2025-02-14T21:05:07.123456Z",
        "data": {"title": "crafted", "body": "body"},
    }
    record.update(change)
    document = {
        "format": "reconnect-export",
        "version": 1,
        "vault_id": "v",
        "exported_at": "2025-03-01T08:00:00.000000Z",
        "records": [record],
    }
    path = folder / f"{name}.age"
    write_backup(path, json.dumps(document, ensure_ascii=True).encode(), BACKUP_PASSPHRASE)
    return path


# Each costs a real age encryption (seconds): tests/storage/test_export.py has the rest.
CRAFTED = {
    "surrogate in a title": {"data": {"title": "\ud800", "body": "b"}},
    "year 0": {"created": "0000-01-01T00:00:00Z"},
    "year 99999": {"updated": "99999-01-01T00:00:00Z"},
    "year 1 east of UTC": {"created": "0001-01-01T00:00:00+14:00"},
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("crafted")
    return {name: crafted_backup(folder, name, change) for name, change in CRAFTED.items()}


def test_a_backup_with_broken_text_or_impossible_dates_changes_nothing(
    cli: Cli, crafted: dict[str, Path]
) -> None:
    cli.add_entry("mine")
    with sqlite3.connect(cli.vault) as db:
        before = sorted(db.execute("SELECT * FROM records"))
    db.close()
    modes = {name: "merge" for name in crafted} | {"surrogate in a title": "replace"}
    for name, backup in crafted.items():
        restored = cli.backup("restore", backup, "--mode", modes[name])
        assert (restored.returncode, restored.stdout) == (4, ""), (name, restored.stderr)
        assert restored.stderr == (
            "This Reconnect export is damaged (record 1 is not valid), so nothing was changed.\n"
        ), name
    with sqlite3.connect(cli.vault) as db:
        assert sorted(db.execute("SELECT * FROM records")) == before
    db.close()
    assert cli.entries() == (0, ["mine"], "")
