"""The quicker answer to PySide's per-import question is the same answer, and the app
puts it in place."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6.QtWidgets  # noqa: F401  (loads PySide's import hook and its check)

import reconnect_gui.ui.shell.main_window  # noqa: F401  (modules of ours that use Qt)
from helpers.repo import after_a_smoke_start
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
    check = "sys.modules['shibokensupport.feature']._mod_uses_pyside"
    report = after_a_smoke_start(
        tmp_path / "home", f"{{'quick': getattr({check}, '_reconnect_quick', False)}}"
    )
    assert report == {"code": 0, "quick": True}
