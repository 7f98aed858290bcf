"""Issue 16, low: no command ends in a traceback. Bytes that aren't UTF-8 in the arguments
or on standard input, a closed standard input or output, a reader that goes away, Ctrl-D
at the passphrase prompt: each ends with a documented exit code and one plain sentence.

The real CLI runs as a child process, with bytes for argv and stdin as a shell passes them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers.repo import REPO, app_command
from helpers.terminal import in_a_terminal
from reconnect_gui.app import main

NOT_UTF8 = b"\xff\xfe"


class Cli:
    """A vault made by the real CLI, with no keyring (the recovery code opens it), and
    ``reconnect ARGV`` run with bytes for arguments and input, as a shell passes them."""

    def __init__(self, tmp_path: Path) -> None:
        self.env = {
            **os.environ,
            "RECONNECT_HOME": str(tmp_path / "home"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        self.code_file = tmp_path / "code.txt"
        self("vault", "init", "--recovery-code-file", str(self.code_file), unlocked=False)

    def __call__(
        self,
        *argv: str | bytes,
        stdin: bytes | None = b"",
        unlocked: bool = True,
        close: str = "",
        **env: str,
    ) -> subprocess.CompletedProcess[bytes]:
        secret = ["--passphrase-file", str(self.code_file)] if unlocked else []
        command = [*app_command(), *argv, *secret]
        if close:  # close a standard stream as a shell's `<&-` or `>&-` does
            command = ["bash", "-c", f'exec "$@" {close}', "bash", *command]
        return subprocess.run(
            command,
            env={**self.env, **env},
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            timeout=60,
        )


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def _failed_plainly(result: subprocess.CompletedProcess[bytes], code: int) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert result.returncode == code, (result.returncode, err)
    assert err.strip(), "a failure says what happened"
    return err


@pytest.mark.parametrize(
    "argv",
    [
        [b"journal", b"add", b"--title", NOT_UTF8],
        [b"journal", b"show", NOT_UTF8],
        [b"journal", b"search", NOT_UTF8],
        [b"journal", b"add", b"--tag", NOT_UTF8],
        [b"nocontact", b"start", b"--zone", NOT_UTF8],
    ],
    ids=["title", "show-id", "search", "tag", "zone"],
)
def test_arguments_that_are_not_utf8_are_a_usage_error(cli: Cli, argv: list[bytes]) -> None:
    err = _failed_plainly(cli(*argv, stdin=b"Title\nbody\n"), 2)
    assert "UTF-8" in err


@pytest.mark.parametrize("since", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-14:00"])
def test_a_start_beyond_the_calendar_is_a_usage_error(cli: Cli, since: str) -> None:
    err = _failed_plainly(cli("nocontact", "start", "--since", since, "--zone", "UTC"), 2)
    assert "too far" in err


def test_file_names_that_are_not_utf8_are_fine(cli: Cli, tmp_path: Path) -> None:
    # A file's name is bytes on Linux: those arguments are names, not words.
    folder = os.fsencode(tmp_path) + b"/out-" + NOT_UTF8
    result = cli(b"export", folder, b"--yes-plaintext")
    assert result.returncode == 0, result.stderr
    assert os.path.isdir(folder)
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "argv",
    [["journal", "add"], ["journal", "add", "--title", "T"], ["nocontact", "slip"]],
    ids=["add", "add-old-title", "slip-note"],
)
def test_input_that_is_not_utf8_is_a_usage_error(cli: Cli, argv: list[str]) -> None:
    if argv[0] == "nocontact":
        assert cli("nocontact", "start", "--zone", "UTC").returncode == 0
        argv = [*argv, "--kind", "other", "--note", "-"]
    err = _failed_plainly(cli(*argv, stdin=b"Title\nbody " + NOT_UTF8 + b"\n"), 2)
    assert "UTF-8" in err
    assert b'"entries": []' in cli("journal", "list", "--json").stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["journal", "add"],
        ["journal", "search"],
        ["nocontact", "slip", "--kind", "other", "--note", "-"],
    ],
    ids=["add", "search", "slip-note"],
)
@pytest.mark.skipif(
    "faketime" in os.environ.get("LD_PRELOAD", ""),
    reason="under libfaketime a child's first open() (its shared memory) takes the closed "
    "descriptor 0, so standard input cannot be closed; the run at the real date covers it",
)
def test_a_closed_standard_input_is_a_usage_error(cli: Cli, argv: list[str]) -> None:
    if argv[0] == "nocontact":
        assert cli("nocontact", "start", "--zone", "UTC").returncode == 0
    err = _failed_plainly(cli(*argv, stdin=None, close="<&-"), 2)
    assert "closed" in err


def test_a_closed_standard_input_without_a_key_says_how_to_unlock(cli: Cli) -> None:
    err = _failed_plainly(cli("journal", "list", stdin=None, unlocked=False, close="<&-"), 3)
    assert "--passphrase-file" in err


def test_a_closed_standard_output_is_no_traceback(cli: Cli) -> None:
    cli("journal", "add", stdin=b"Title\nbody\n")
    result = cli("journal", "list", "--json", stdin=None, close=">&-")
    assert result.returncode == 0 and b"Traceback" not in result.stderr


def test_a_reader_that_goes_away_is_a_sentence_not_a_traceback(cli: Cli) -> None:
    for n in range(3):
        cli("journal", "add", stdin=f"Title {n}\nbody\n".encode())
    # `reconnect journal list | true`: the reader is gone before anything is written.
    result = cli(
        "journal",
        "list",
        stdin=None,
        close="| true; exit ${PIPESTATUS[0]}",
    )
    _failed_plainly(result, 5)


def test_ctrl_d_at_the_passphrase_prompt_is_a_sentence(cli: Cli) -> None:
    code, screen = in_a_terminal(
        ["journal", "list"], cli.env, [("Passphrase or recovery code", b"\x04")]
    )
    assert "Traceback" not in screen and code == 3, screen
    assert "nothing was typed" in screen


def test_an_unexpected_error_is_one_sentence_and_exit_5(capsys) -> None:
    from reconnect_gui.cli.commands import run

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("words the person wrote")

    assert run(argparse.Namespace(handler=broken)) == 5
    err = capsys.readouterr().err
    assert "unexpected" in err and "RuntimeError" in err
    assert "words the person wrote" not in err  # an exception's text may hold them


def test_help_and_readme_document_every_exit_code(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    for text in (out, section):
        assert "exit codes" in text.lower()
        for code in ("0", "1", "2", "3", "4", "5", "130"):
            # one line each: "  2  usage: …" in the help, "- `2` usage: …" in the README
            assert re.search(rf"^\s*(- )?`?{code}`?\s+\w", text, re.MULTILINE), code


def test_json_output_reads_back_whatever_the_terminal_encoding(cli: Cli) -> None:
    assert cli("journal", "add", stdin="Café ☕\nbody\n".encode()).returncode == 0
    result = cli("journal", "list", "--json", PYTHONIOENCODING="latin-1", PYTHONUTF8="0")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout.decode("latin-1"))
    assert [e["title"] for e in listing["entries"]] == ["Café ☕"]
