"""About and help (F1): who we are, the privacy promise, the keyboard shortcuts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reconnect_gui import APP_NAME, __version__
from reconnect_gui.system.paths import AppPaths
from reconnect_gui.ui.shell.panes import PANES

SHORTCUTS: tuple[tuple[str, str], ...] = (
    *((pane.shortcut, f"Go to {pane.title}") for pane in PANES),
    ("Ctrl+Shift+H", "Hide the window at once"),
    ("F1", "This help"),
    ("Ctrl+Q", "Quit"),
)


class AboutDialog(QDialog):
    def __init__(self, icon: QIcon, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("aboutDialog")
        outer = QVBoxLayout(self)
        outer.setSpacing(16)

        top = QHBoxLayout()
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon.pixmap(96, 96))
        self.icon_label.setAccessibleName(f"{APP_NAME} icon")
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2 style='margin:0'>{APP_NAME}</h2><p>Version {__version__}</p>"
            "<p>A private companion for the weeks after a breakup: keep your "
            "No-Contact days, look after yourself, and, only when you are ready, "
            "write one calm message.</p>"
            "<p><b>Everything stays on this computer.</b> Reconnect never connects "
            "to the internet and never sends anything for you.</p>"
        )
        title.setWordWrap(True)
        title.setMinimumWidth(360)
        top.addWidget(title, 1)
        outer.addLayout(top)

        rows = "".join(
            f"<tr><td style='padding-right:18px'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in SHORTCUTS
        )
        shortcuts = QLabel(f"<p><b>Keyboard shortcuts</b></p><table>{rows}</table>")
        shortcuts.setAccessibleName("Keyboard shortcuts")
        outer.addWidget(shortcuts)

        files = QLabel(
            "<p><b>Your files</b><br>"
            f"Data: {escape(str(paths.data))}<br>Log: {escape(str(paths.log_file))}</p>"
        )
        files.setWordWrap(True)
        files.setTextFormat(Qt.TextFormat.RichText)
        files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(files)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
