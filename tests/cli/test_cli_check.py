"""reconnect check: the tone checker on the command line, with no vault and no keyring."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.repo import REPO
from helpers.repo import run_cli as run

READY = "Hey Priya, the ramen place on Elm reopened. How's the new job going?"


def test_a_ready_text_from_stdin_exits_0(capsys, monkeypatch) -> None:
    code, out, err = run(capsys, monkeypatch, "check", stdin=READY + "\n")
    assert code == 0 and err == ""
    assert out.startswith("Verdict: ready\n")
    assert "1 SMS (GSM-7)" in out and "13 words" in out


def test_findings_show_line_column_and_the_words(capsys, monkeypatch) -> None:
    draft = "Hi Sam,\nplease just talk to me!!!"
    code, out, _ = run(capsys, monkeypatch, "check", "-", stdin=draft)
    assert code == 1
    assert out.splitlines()[:2] == ["Verdict: revise", "  It pleads with them."]
    assert '2:1  begging (problem): "please just talk to me"' in out
    assert '2:23  drama (warning): "!!!"' in out
    assert "Try: " in out


def test_json_is_the_report(tmp_path: Path, capsys, monkeypatch) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text("Dear Jo,\n\nI still love you.\n\nAlex\n", encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, "check", "--kind", "letter", "--json", str(draft))
    report = json.loads(out)
    assert code == 1 and report["kind"] == "letter" and report["verdict"] == "revise"
    (finding,) = [f for f in report["findings"] if f["category"] == "love_declaration"]
    text = "Dear Jo,\n\nI still love you.\n\nAlex"  # the file's final line break is left out
    assert text[finding["span"]["start"] : finding["span"]["end"]] == "I still love you"
    assert report["metrics"]["characters"] == len(text)


def test_a_wait_exits_1(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "check", stdin="so drunk rn. hope ur well")
    assert code == 1 and out.startswith("Verdict: wait\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "email"], "--kind must be text, letter or logistics, not 'email'.\n"),
        (["/no/such/draft.txt"], "Reconnect could not find /no/such/draft.txt.\n"),
    ],
)
def test_usage_problems_exit_2_with_one_plain_line(argv, message, capsys, monkeypatch) -> None:
    code, out, err = run(capsys, monkeypatch, "check", *argv, stdin=READY)
    assert (code, out, err) == (2, "", message)


def test_binary_or_non_utf8_files_and_folders_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\x00\x10JFIF")
    latin1 = tmp_path / "old.txt"
    latin1.write_bytes("Ça va, café?".encode("latin-1"))
    for path, words in (
        (binary, "doesn't look like text"),
        (latin1, "isn't UTF-8 text"),
        (tmp_path, "is a folder"),
    ):
        code, out, err = run(capsys, monkeypatch, "check", str(path))
        assert code == 2 and out == "" and words in err and err.count("\n") == 1


def test_other_languages_get_the_note_and_the_figures(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "check", stdin="Привет, как дела? Давно не виделись.")
    assert code == 0
    assert "English only" in out and "(UCS-2)" in out


PROBE = """
import sys
from reconnect_gui.app import main
code = main(["check"])
heavy = ("keyring", "cryptography", "reconnect_gui.storage.unlock")
loaded = [m for m in heavy if m in sys.modules]
print(loaded, file=sys.stderr)
sys.exit(code)
"""


def test_it_needs_no_vault_and_no_keyring(tmp_path: Path, isolated_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=READY,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "[]\n"
    assert not isolated_home.exists()  # no data folder, no vault, no log
