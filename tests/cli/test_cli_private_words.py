"""Issue 16, point 8: the person's words never need to be in argv.

Arguments are visible to every local user in /proc/*/cmdline and stay in shell history.
Titles, bodies, notes and search words are read from standard input (or a prompt on a
terminal); the old options still work but say why they should not be used.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import time
from pathlib import Path

from helpers.repo import REPO, app_command
from helpers.repo import run_cli as run
from helpers.terminal import cmdline, in_a_terminal, waiting_on_pipe

VISIBLE = "shell history"  # the warning says why arguments are a bad place for words


def _entries(capsys, monkeypatch) -> list[dict]:
    code, out, _ = run(capsys, monkeypatch, "journal", "list", "--json")
    assert code == 0
    return json.loads(out)["entries"]


def test_journal_add_takes_the_title_from_the_first_line_of_the_input(
    initialised, capsys, monkeypatch
) -> None:
    code, out, err = run(
        capsys,
        monkeypatch,
        "journal",
        "add",
        "--mood",
        "3",
        stdin="Tuesday\nToday was calmer.\nI went for a walk.\n",
    )
    assert code == 0 and err == ""
    (entry,) = _entries(capsys, monkeypatch)
    assert entry["id"] == out.strip()
    assert entry["title"] == "Tuesday"
    assert entry["body"] == "Today was calmer.\nI went for a walk.\n"
    assert entry["mood"] == 3


def test_an_empty_first_line_makes_an_untitled_entry(initialised, capsys, monkeypatch) -> None:
    code, _, _ = run(capsys, monkeypatch, "journal", "add", stdin="\nJust the body.\n")
    assert code == 0
    (entry,) = _entries(capsys, monkeypatch)
    assert (entry["title"], entry["body"]) == ("", "Just the body.\n")


def test_journal_add_with_no_words_saves_nothing(initialised, capsys, monkeypatch) -> None:
    code, out, err = run(capsys, monkeypatch, "journal", "add", stdin=" \n\n")
    assert code == 2 and out == "" and "first line" in err
    assert _entries(capsys, monkeypatch) == []


def test_journal_search_reads_its_words_from_the_input(initialised, capsys, monkeypatch) -> None:
    run(capsys, monkeypatch, "journal", "add", stdin="Café\nTea with a friend.\n")
    run(capsys, monkeypatch, "journal", "add", stdin="Park\nA walk.\n")
    for argv in (["journal", "search"], ["journal", "search", "-"]):
        code, out, err = run(capsys, monkeypatch, *argv, "--json", stdin="cafe\n")
        assert code == 0 and err == ""
        assert [e["title"] for e in json.loads(out)["entries"]] == ["Café"]
    code, _, err = run(capsys, monkeypatch, "journal", "search", stdin="\n")
    assert code == 2 and "nothing to search for" in err


def test_a_slip_note_is_read_from_the_input_with_note_dash(
    initialised, capsys, monkeypatch
) -> None:
    from reconnect_gui.storage.countdown_store import load_plan
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import open_with_keyring, vault_file
    from reconnect_gui.system.paths import app_paths

    run(capsys, monkeypatch, "nocontact", "start", "--zone", "UTC")
    code, out, err = run(
        capsys,
        monkeypatch,
        "nocontact",
        "slip",
        "--kind",
        "reached_out",
        "--note",
        "-",
        stdin="sent a long text at 2 a.m.\n",
    )
    assert code == 0 and "starts again" in out and err == ""
    vault = open_with_keyring(vault_file(app_paths().data), KeyStore()).vault
    try:
        plan = load_plan(vault)
    finally:
        vault.close()
    assert plan is not None
    assert [s.note for s in plan.slips] == ["sent a long text at 2 a.m."]


def test_the_old_options_still_work_and_say_why_not_to_use_them(
    initialised, capsys, monkeypatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "journal", "add", "--title", "Old way", stdin="body\n")
    assert code == 0 and VISIBLE in err and "first line" in err
    assert [(e["title"], e["body"]) for e in _entries(capsys, monkeypatch)] == [
        ("Old way", "body\n")
    ]
    code, out, err = run(capsys, monkeypatch, "journal", "search", "old", "--json")
    assert code == 0 and VISIBLE in err
    assert [e["title"] for e in json.loads(out)["entries"]] == ["Old way"]
    run(capsys, monkeypatch, "nocontact", "start", "--zone", "UTC")
    code, _, err = run(
        capsys, monkeypatch, "nocontact", "slip", "--kind", "other", "--note", "a note"
    )
    assert code == 0 and VISIBLE in err and "--note -" in err


def test_the_real_cli_never_carries_the_words_in_its_argv(tmp_path: Path) -> None:
    """The documented way, end to end in child processes: while each one waits for its
    words on standard input, its own /proc/PID/cmdline holds none of them."""
    home = tmp_path / "home"
    code_file = tmp_path / "code.txt"
    env = {
        **os.environ,
        "RECONNECT_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no keyring: the code
    }
    subprocess.run(
        app_command("vault", "init", "--recovery-code-file", str(code_file)),
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    secret = ["--passphrase-file", str(code_file)]
    canary = "canary" + secrets.token_hex(6)
    runs = [
        (["journal", "add", *secret], f"Title {canary}\nBody {canary}\n"),
        (["journal", "search", *secret, "--json"], f"{canary}\n"),
        (["nocontact", "start", "--zone", "UTC", *secret], None),
        (["nocontact", "slip", "--kind", "other", "--note", "-", *secret], f"note {canary}"),
    ]
    outputs = []
    for argv, words in runs:
        child = subprocess.Popen(
            app_command(*argv),
            env=env,
            stdin=subprocess.PIPE if words is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if words is not None:
            deadline = time.monotonic() + 30
            while not waiting_on_pipe(child.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert waiting_on_pipe(child.pid), argv  # it waits for the words, started
            seen = cmdline(child.pid)
            assert b"reconnect_gui" in seen and canary.encode() not in seen, argv
        out, err = child.communicate(words, timeout=60)
        assert child.returncode == 0, (argv, err)
        assert "Traceback" not in err and err == "", (argv, err)
        outputs.append(out)
    assert [e["title"] for e in json.loads(outputs[1])["entries"]] == [f"Title {canary}"]


def test_the_readme_shows_no_private_words_in_arguments() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    assert "echo " not in section  # an echo's words are in its argv and the shell history
    assert not re.search(r"--(title|note) +[\"']", section)
    assert not re.search(r"journal search +(TEXT|[\"'])", section)


def test_in_a_terminal_each_part_is_asked_for(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "RECONNECT_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    code_file = tmp_path / "code.txt"
    subprocess.run(
        app_command("vault", "init", "--recovery-code-file", str(code_file)),
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    secret = ["--passphrase-file", str(code_file)]
    code, screen = in_a_terminal(
        ["journal", "add", *secret],
        env,
        [("Title", b"Sunday\n"), ("Ctrl-D", b"Slept well.\n"), ("Slept well.", b"\x04")],
    )
    assert code == 0, screen
    assert "Title" in screen and "Ctrl-D" in screen
    code, screen = in_a_terminal(
        ["journal", "search", "--json", *secret], env, [("Search for:", b"slept\n")]
    )
    assert code == 0 and "Search for:" in screen
    assert [e["title"] for e in json.loads(screen[screen.index("{") :])["entries"]] == ["Sunday"]
