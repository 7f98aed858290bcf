"""Reconnect's benchmarks: ``./dev.sh bench`` (or ``python -m benchmarks``) prints a table."""

from __future__ import annotations

import compileall
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def compile_app() -> None:
    """Write the app's bytecode first. An installed app has it (pip and PyInstaller
    compile it); a checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile
    every changed module on every start, and measure the compiler."""
    compileall.compile_dir(REPO / "reconnect_gui", quiet=1)
