"""Where the checkout is, how to start the app from it, and the system tools tests need."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def require_tool(name: str) -> str:
    """The path of a system tool; in CI a missing tool fails the test instead of skipping."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (./dev.sh test installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def app_command(*args: str) -> list[str]:
    """Run the app from this checkout with the test's interpreter."""
    return [sys.executable, "-m", "reconnect_gui", *args]


def run_cli(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``reconnect ARGV`` in-process; stdin is not a terminal, so it never prompts."""
    import io

    from reconnect_gui.app import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    # In-process, the core-dump ban would bind pytest itself for the rest of the run (a
    # hard limit cannot be raised again), and tests/system/test_hardening.py's control
    # crash could then prove nothing. Processes started by tests keep the real ban.
    monkeypatch.setattr("reconnect_gui.system.hardening.forbid_core_dumps", lambda: None)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def after_a_smoke_start(
    home: Path,
    report: str,
    at_first_frame: str | None = None,
    just_after_first_frame: str | None = None,
) -> dict:
    """Start the app with ``--smoke`` in a fresh interpreter (offscreen), then evaluate the
    Python expression ``report`` there; its value, with the exit code under "code".

    ``at_first_frame`` is evaluated as the first frame has painted, where the smoke
    figures are taken, and ``just_after_first_frame`` once the work queued at that frame
    is done; their values come under "first_frame" and "just_after". Both may use
    ``app``, ``window`` and ``QLabel``."""
    import json
    import subprocess

    probe = "import gc, json, signal, sys\nfrom reconnect_gui.app import main\nseen = {}\n"
    if at_first_frame is not None or just_after_first_frame is not None:
        probe += (
            "from reconnect_gui.ui.shell import first_paint\n"
            "report_figures = first_paint.report_smoke_figures\n"
            "def report_at_first_frame(app, window):\n"
            "    from PySide6.QtCore import QTimer\n"
            "    from PySide6.QtWidgets import QLabel\n"
        )
        if at_first_frame is not None:
            probe += f"    seen['first_frame'] = {at_first_frame}\n"
        if just_after_first_frame is not None:  # queued before the figures' own report
            probe += (
                "    QTimer.singleShot(0, lambda: seen.update(\n"
                f"        just_after={just_after_first_frame}))\n"
            )
        probe += (
            "    report_figures(app, window)\n"
            "first_paint.report_smoke_figures = report_at_first_frame\n"
        )
    probe += (
        f"code = main(['--smoke'])\nprint(json.dumps({{'code': code, **seen, **({report})}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**os.environ, "RECONNECT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
