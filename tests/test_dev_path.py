"""``./dev.sh path``: how to run ``reconnect`` from any folder after ``./dev.sh start``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers.repo import REPO

COMMAND = REPO / ".venv" / "bin" / "reconnect"
pytestmark = pytest.mark.skipif(not COMMAND.exists(), reason="no .venv with the command")


def _dev_path(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [str(REPO / "dev.sh"), "path", *args],
        env=env,
        stdin=subprocess.DEVNULL,  # not a terminal: it must not ask, nor link unasked
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_path_says_where_the_command_is_and_links_nothing_unasked(tmp_path: Path) -> None:
    done = _dev_path(tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"alias reconnect='{COMMAND}'" in done.stdout
    assert "./dev.sh path --link" in done.stdout
    assert not (tmp_path / ".local" / "bin" / "reconnect").exists()


def test_path_link_puts_the_command_into_local_bin(tmp_path: Path) -> None:
    done = _dev_path(tmp_path, "--link")
    assert done.returncode == 0, done.stderr
    link = tmp_path / ".local" / "bin" / "reconnect"
    assert link.is_symlink() and link.resolve() == COMMAND.resolve()
    assert "not on your PATH" in done.stdout  # PATH here lacks ~/.local/bin
    version = subprocess.run([str(link), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("Reconnect")


def test_path_link_never_replaces_a_file_of_the_persons_own(tmp_path: Path) -> None:
    own = tmp_path / ".local" / "bin" / "reconnect"
    own.parent.mkdir(parents=True)
    own.write_text("#!/bin/sh\necho mine\n")
    done = _dev_path(tmp_path, "--link")
    assert done.returncode == 1
    assert own.read_text() == "#!/bin/sh\necho mine\n"
