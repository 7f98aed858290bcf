"""Qt's own settings (``QtProject.conf``, where its file dialog keeps the folders it showed)
stay inside the app's folders from the moment the app starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.repo import REPO

PROBE = """
from PySide6.QtCore import QSettings
from reconnect_gui.app import main
main(["--smoke"])
print("QT-SETTINGS", QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
"""


def test_the_app_points_qt_settings_into_its_config_folder_at_start(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"  # the smoke run's folders are made in here
    temp.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "TMPDIR": str(temp),
        "HOME": str(tmp_path / "home"),
        "RECONNECT_HOME": str(tmp_path / "not-this-run"),  # the smoke run's folders win
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("QT-SETTINGS "))
    settings = Path(line.removeprefix("QT-SETTINGS "))
    assert settings.name == "QtProject.conf"
    assert settings.parent.name == "qt" and settings.parent.parent.name == "config"
    assert settings.parent.parent.parent.parent == temp  # <temp>/reconnect-smoke-…/config/qt
