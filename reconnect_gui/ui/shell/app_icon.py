"""The app icon, built from the PNG sizes in resources/icons (sharp at every DPI)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from reconnect_gui.system.paths import app_icon_files


def load_app_icon() -> QIcon:
    icon = QIcon()
    for file in app_icon_files():
        icon.addFile(str(file))
    return icon
