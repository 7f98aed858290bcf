"""Ctrl+U reaches "I feel the urge…" in one step from anywhere in the main window (issue 17)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.settings import Settings
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.shell.main_window import MainWindow


def test_ctrl_u_opens_the_urge_flow_from_another_pane(qtbot, isolated_home: Path) -> None:
    window = MainWindow(Settings(), app_paths(), load_app_icon())
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()  # window shortcuts need the active window
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.show_pane(PaneKey.SETTINGS)
    with qtbot.wait_signal(window.urge_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == PaneKey.COUNTDOWN
