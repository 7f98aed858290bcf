"""The command line: version, usage errors, and the --smoke start-up check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.repo import app_command
from reconnect_gui import __version__
from reconnect_gui.app import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"Reconnect {__version__}\n"


@pytest.mark.parametrize("argv", [["--bogus"], ["journal"], ["--data-dir"]])
def test_bad_arguments_print_usage_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "usage: reconnect" in capsys.readouterr().err


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    for option in ("--tray", "--data-dir", "--version", "--smoke"):
        assert option in out


def test_smoke_prints_start_up_figures_and_leaves_nothing_behind(
    tmp_path: Path, isolated_home: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    result = subprocess.run(
        app_command("--smoke"),
        env={**os.environ, "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert figures["version"] == __version__
    assert 0 < figures["first_paint_ms"] < 30_000
    assert 20 < figures["rss_mb"] < 1_000
    assert list(temp.iterdir()) == [], "the throwaway data folder must be removed"
    assert not isolated_home.exists(), "--smoke must not touch the real data folder"


def test_peak_memory_is_this_process_not_the_parent_that_spawned_it(tmp_path: Path) -> None:
    # ru_maxrss survives exec: a smoke run started by a big test process once reported
    # 1.2 GB. A parent holding 300 MB must not show up in the child's figure.
    parent = tmp_path / "parent.py"
    parent.write_text(
        "import subprocess, sys\n"
        "ballast = bytearray(300 * 2**20)\n"
        "for i in range(0, len(ballast), 4096):\n"
        "    ballast[i] = 1\n"
        "child = 'from reconnect_gui.system.process_stats import peak_rss_mb as m; print(m())'\n"
        "done = subprocess.run([sys.executable, '-c', child], capture_output=True, text=True)\n"
        "print(done.stdout, done.stderr)\n"
    )
    result = subprocess.run([sys.executable, str(parent)], capture_output=True, text=True)
    assert 1 < float(result.stdout.split()[0]) < 200, result.stdout + result.stderr
