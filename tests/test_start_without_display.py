"""Starting the window where there is no display (over SSH, in a plain console) says so in
one plain sentence and exits with 1, instead of Qt's abort and its core-dump message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.repo import app_command

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="only Linux desktops name their display"
)


def _env_without_display(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "RECONNECT_HOME": str(home), **extra}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        if name not in extra:
            env.pop(name, None)
    return env


def test_no_display_prints_one_plain_sentence_and_exits_with_1(tmp_path: Path) -> None:
    done = subprocess.run(
        app_command(),
        env=_env_without_display(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "display" in lines[0]
    assert "reconnect --help" in lines[0]  # the commands work without one
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr


def test_a_chosen_qt_platform_is_left_to_qt(tmp_path: Path) -> None:
    # QT_QPA_PLATFORM=offscreen needs no display: the check stays out of the way.
    done = subprocess.run(
        app_command("--smoke"),
        env=_env_without_display(tmp_path / "home", QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_the_commands_need_no_display(tmp_path: Path) -> None:
    done = subprocess.run(
        app_command("vault", "status"),
        env=_env_without_display(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "display" not in done.stderr
