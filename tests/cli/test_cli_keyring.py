"""Issue 16, point 7: only ``vault recover`` puts the key back in the keyring, and the
command line honours the app lock the GUI keeps in settings.json."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.repo import run_cli as run
from helpers.secret_service import run_in_secret_service
from reconnect_gui.system.paths import app_paths


def _turn_app_lock_on(minutes: int = 5) -> None:
    """What the GUI's Settings leave behind: the key out of the keyring, the choice saved."""
    settings = app_paths().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"app_lock_minutes": minutes}))


def test_a_command_unlocked_with_the_passphrase_file_leaves_a_locked_vault_locked(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    assert run(capsys, monkeypatch, "vault", "lock")[0] == 0
    assert memory_keyring.entries == {}
    code, out, _ = run(
        capsys, monkeypatch, "journal", "list", "--passphrase-file", str(initialised)
    )
    assert code == 0 and "No entries found" in out
    assert memory_keyring.entries == {}, "an ordinary command put the key back"
    # So the next command without a secret is still refused.
    assert run(capsys, monkeypatch, "journal", "list")[0] == 3


def test_every_vault_command_leaves_the_keyring_alone(
    initialised, capsys, monkeypatch, memory_keyring, tmp_path
) -> None:
    run(capsys, monkeypatch, "vault", "lock")
    secret = ["--passphrase-file", str(initialised)]
    backup_pass = tmp_path / "backup-pass.txt"
    backup_pass.write_text("a backup passphrase\n")
    backup = ["backup", "create", str(tmp_path / "b.age")]
    for argv in (
        ["journal", "add", *secret],
        ["journal", "search", *secret],
        ["nocontact", "start", "--zone", "UTC", *secret],
        ["nocontact", "slip", "--kind", "other", *secret],
        ["status", *secret],
        [
            *backup,
            "--passphrase-file",
            str(backup_pass),
            "--vault-passphrase-file",
            str(initialised),
        ],
        ["export", str(tmp_path / "out"), "--yes-plaintext", *secret],
    ):
        code, _, err = run(capsys, monkeypatch, *argv, stdin="Title\nbody\n")
        assert code == 0, (argv, err)
        assert memory_keyring.entries == {}, argv


def test_recover_is_the_one_command_that_puts_the_key_back(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    run(capsys, monkeypatch, "vault", "lock")
    code, out, _ = run(
        capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(initialised)
    )
    assert code == 0 and "back in your keyring" in out
    assert len(memory_keyring.entries) == 1


def test_recover_keeps_the_key_out_while_the_app_lock_is_on(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    run(capsys, monkeypatch, "vault", "lock")
    _turn_app_lock_on()
    code, out, _ = run(
        capsys, monkeypatch, "vault", "recover", "--recovery-code-file", str(initialised)
    )
    assert code == 0 and "app lock is on" in out and "Settings" in out
    assert memory_keyring.entries == {}


def test_with_the_app_lock_on_a_key_left_in_the_keyring_is_not_used(
    initialised, capsys, monkeypatch, memory_keyring
) -> None:
    # The GUI ignores the keyring while its app lock is on; so does the command line.
    assert len(memory_keyring.entries) == 1
    _turn_app_lock_on()
    code, _, err = run(capsys, monkeypatch, "journal", "list")
    assert code == 3 and "app lock is on" in err and "--passphrase-file" in err
    code, out, _ = run(
        capsys, monkeypatch, "journal", "list", "--passphrase-file", str(initialised)
    )
    assert code == 0 and "No entries found" in out
    code, out, _ = run(capsys, monkeypatch, "vault", "status", "--json")
    status = json.loads(out)
    assert status["state"] == "needs_secret" and status["app_lock"] is True


def test_a_damaged_settings_file_is_read_as_app_lock_off_and_left_where_it_is(
    initialised, capsys, monkeypatch
) -> None:
    settings = app_paths().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("{not json")
    assert run(capsys, monkeypatch, "journal", "list")[0] == 0
    # Setting a damaged file aside is the GUI's job, when it starts and can say so.
    assert settings.read_text() == "{not json"


SCRIPT = r"""
R() { "$PY" -m reconnect_gui "$@"; }
step init;    R vault init --recovery-code-file "$CODE" >/dev/null; echo "rc=$?"
step lock;    R vault lock >/dev/null; echo "rc=$?"
step list;    R journal list --passphrase-file "$CODE" </dev/null; echo "rc=$?"
step search;  secret-tool search --all service reconnect 2>&1
step again;   R journal list </dev/null 2>&1 || echo "rc=$?"
step recover; R vault recover --recovery-code-file "$CODE" >/dev/null; echo "rc=$?"
step search2; secret-tool search --all service reconnect 2>&1
"""


def test_in_a_real_keyring_a_locked_vault_stays_locked_until_recover(
    tmp_path: Path, isolated_home: Path
) -> None:
    out = run_in_secret_service(
        tmp_path, SCRIPT, CODE=str(tmp_path / "code.txt"), RECONNECT_HOME=str(isolated_home)
    )
    assert out["init"].strip() == out["lock"].strip() == "rc=0"
    assert "No entries found" in out["list"] and "rc=0" in out["list"]
    assert "attribute.service = reconnect" not in out["search"]
    assert "rc=3" in out["again"]
    assert out["recover"].strip() == "rc=0"
    assert "attribute.service = reconnect" in out["search2"]
