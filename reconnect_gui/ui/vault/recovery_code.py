"""Showing a new recovery code: large and legible, savable to a file, confirmed as saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from reconnect_gui.ui.widgets.labels import quiet_label


class RecoveryCodeView(QWidget):
    """Emits ``confirmed(bool)`` as the "I have saved it" box is ticked or cleared."""

    confirmed = Signal(bool)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        explanation = QLabel(
            "Write this down or save it somewhere safe, away from this computer (a password "
            "manager, or on paper). Reconnect will not show it again."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.code_label = QLabel(code)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName("Recovery code")
        self.code_label.setAccessibleDescription(" ".join(code))  # read out one by one
        layout.addWidget(self.code_label)
        save = QPushButton("Save as a file…")
        save.setAutoDefault(False)  # Enter continues the setup; it never reopens the file dialog
        save.clicked.connect(self._choose_file)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignHCenter)
        self.saved_status = quiet_label("")
        layout.addWidget(self.saved_status)
        self.confirm = QCheckBox("I have saved my recovery code somewhere safe")
        self.confirm.toggled.connect(self.confirmed)
        layout.addWidget(self.confirm)

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save your recovery code", "reconnect-recovery-code.txt", "Text files (*.txt)"
        )
        if chosen:
            self.save_code_to(Path(chosen))

    def save_code_to(self, path: Path) -> None:
        """Write the code to a file readable by the user only (they asked for it)."""
        from reconnect_gui.system.atomic import atomic_write_bytes

        text = f"Reconnect recovery code\n\n{self._code}\n"
        try:
            atomic_write_bytes(path, text.encode("ascii"))
        except OSError as error:
            self.saved_status.setText(
                f"Could not save it there ({error.strerror}). Try another folder, or write it down."
            )
            return
        self.saved_status.setText(f"Saved to {path}. Keep that file somewhere safe.")
