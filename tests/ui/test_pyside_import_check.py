"""The quicker answer to PySide's per-import question is the same answer, and the app
puts it in place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import PySide6.QtWidgets  # noqa: F401  (loads PySide's import hook and its check)

import reconnect_gui.ui.shell.main_window  # noqa: F401  (modules of ours that use Qt)
from helpers.repo import REPO
from reconnect_gui.ui.pyside_import_check import quick_check


def test_the_quick_check_answers_as_pysides_own_for_every_loaded_module() -> None:
    feature = sys.modules["shibokensupport.feature"]
    pysides_check = getattr(feature._mod_uses_pyside, "__wrapped__", feature._mod_uses_pyside)
    quick = quick_check(pysides_check)
    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert len(modules) > 200
    answers = {m.__name__: (quick(m), pysides_check(m)) for m in modules}
    assert {name for name, (mine, theirs) in answers.items() if mine != theirs} == set()
    assert answers["reconnect_gui.ui.shell.main_window"] == (True, True)
    assert answers["json"] == (False, False)


def test_the_app_answers_quickly_before_its_qt_modules_load(tmp_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "from reconnect_gui.app import main\n"
        "code = main(['--smoke'])\n"
        "check = sys.modules['shibokensupport.feature']._mod_uses_pyside\n"
        "print(json.dumps({'code': code, 'quick': getattr(check, '_reconnect_quick', False)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**os.environ, "RECONNECT_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"code": 0, "quick": True}
