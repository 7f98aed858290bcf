"""Settings: appearance and the places Reconnect keeps its files; other parts of the app
add their own sections (Security, Snapshots, Reminders) with ``add_section`` (app.py
registers them). The page scrolls, so a small window never squeezes the controls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.settings import THEMES
from reconnect_gui.system.paths import AppPaths
from reconnect_gui.ui.widgets.labels import pane_heading, quiet_label

COLUMN_WIDTH = 816  # 720 px of settings inside the page's 48 px margins
THEME_LABELS = {"system": "Same as my computer", "light": "Light", "dark": "Dark"}


class SettingsPane(QWidget):
    theme_chosen = Signal(str)

    def __init__(self, paths: AppPaths, theme: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane-settings")
        self.setAccessibleName("Settings")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: its controls are
        page = QWidget()
        scroll.setWidget(page)
        # The column keeps a readable width (sections share it, so their edges line up);
        # capped as a whole, Qt asks wrapped text for its height at the width it will get.
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column, 1)  # grows up to COLUMN_WIDTH; the spacer takes what is left
        row.addStretch(0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(pane_heading("Settings"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(12)
        self.theme_box = QComboBox()
        for key in THEMES:
            self.theme_box.addItem(THEME_LABELS[key], key)
        self.theme_box.setCurrentIndex(THEMES.index(theme))
        self.theme_box.setMaximumWidth(280)
        self.theme_box.setAccessibleName("Appearance")
        self.theme_box.setAccessibleDescription("Choose light, dark, or the same as your computer")
        self.theme_box.currentIndexChanged.connect(
            lambda index: self.theme_chosen.emit(self.theme_box.itemData(index))
        )
        form.addRow("Appearance", self.theme_box)
        form.addRow("Your data", _path_label(str(paths.data), "Folder holding your data"))
        form.addRow("Log files", _path_label(str(paths.log), "Folder holding the log files"))
        layout.addLayout(form)

        note = quiet_label("The log helps fix problems and never contains anything you wrote.")
        note.setMaximumWidth(620)
        layout.addWidget(note)
        self._sections = QVBoxLayout()
        layout.addLayout(self._sections)
        layout.addStretch(1)

    def add_section(self, section: QWidget) -> None:
        """A group of settings that belongs to another part of the app (e.g. Security)."""
        self._sections.addWidget(section)


def _path_label(text: str, accessible_name: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    return label
