"""The app icon, built from the PNG sizes in resources/icons (sharp at every DPI)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap

from reconnect_gui.system.paths import app_icon_files, app_icon_size

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def load_app_icon() -> QIcon:
    # Imported here: the first frame needs no QIcon, and PySide builds its Python type
    # (with a 151-member enum) the first time the name is imported.
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for file in app_icon_files():
        icon.addFile(str(file))
    return icon


def app_icon_pixmap(size: int, device_pixel_ratio: float) -> QPixmap:
    """The icon at ``size`` logical pixels, for a label in the first frame: the smallest
    PNG with enough pixels for the screen. QLabel scales it down smoothly, as
    ``QIcon.pixmap`` would, without the QIcon."""
    files = app_icon_files()
    if not files:
        return QPixmap()  # resources missing: --smoke reports it once the icon loads
    needed = size * max(device_pixel_ratio, 1.0)
    file = next((f for f in files if app_icon_size(f) >= needed), files[-1])
    pixmap = QPixmap(str(file))
    if not pixmap.isNull():
        pixmap.setDevicePixelRatio(pixmap.width() / size)
    return pixmap
