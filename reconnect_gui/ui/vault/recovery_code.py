"""Showing a new recovery code: large and legible, savable to a file, confirmed as saved.

"Save as a file…" opens at home (never wherever the app was started from) and puts any
plugged-in USB stick or memory card first, with a short note: a code kept there is away
from this computer, which is the point of it. Copying the code marks it secret for
clipboard managers, and a selection of it (middle-click paste) does not outlive the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.system.removable_media import removable_media
from reconnect_gui.ui.widgets.file_dialogs import save_file_dialog
from reconnect_gui.ui.widgets.labels import quiet_label
from reconnect_gui.ui.widgets.secret_clipboard import clear_selection_of, copy_secret

SUGGESTED_NAME = "reconnect-recovery-code.txt"


def media_note(media: Sequence[Path]) -> str:
    """The file dialog's note when media are plugged in ("" when none are)."""
    names = [f"“{medium.name}”" for medium in media]
    if not names:
        return ""
    if len(names) == 1:
        return (
            f"{names[0]} is plugged in: it is at the top of the list on the left. "
            "Saving the code there keeps it away from this computer."
        )
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return (
        f"{listed} are plugged in: they are at the top of the list on the left. "
        "Saving the code on one of them keeps it away from this computer."
    )


class CodeLabel(QLabel):
    """The code, selectable with the mouse; copying it (Ctrl+C or its menu) marks it secret
    for clipboard managers, which Qt's own copy of a label's text does not."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            copy_secret(self.selectedText() or self.text())
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.copy_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def copy_menu(self) -> QMenu:
        """The label's menu: copy the whole code."""
        menu = QMenu(self)
        menu.addAction("Copy the code", self._copy_all)
        return menu

    def _copy_all(self) -> None:
        copy_secret(self.text())


class RecoveryCodeView(QWidget):
    """Emits ``confirmed(bool)`` as the "I have saved it" box is ticked or cleared."""

    confirmed = Signal(bool)

    def __init__(
        self,
        code: str,
        parent: QWidget | None = None,
        find_media: Callable[[], Sequence[Path]] = removable_media,
    ) -> None:
        super().__init__(parent)
        self._code = code
        self._find_media = find_media
        self.file_dialog: QFileDialog | None = None  # while "Save as a file…" is open
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        explanation = QLabel(
            "Write this down or save it somewhere safe, away from this computer (a password "
            "manager, or on paper). Reconnect will not show it again."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.code_label = CodeLabel(code)
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

    def hideEvent(self, event: QHideEvent) -> None:
        # The page is left: a selection of the code (middle-click paste) does not stay.
        clear_selection_of(self._code)
        super().hideEvent(event)

    def _choose_file(self) -> None:
        if self.file_dialog is not None:
            return
        media = self._find_media()
        dialog = save_file_dialog(
            self,
            "Save your recovery code",
            SUGGESTED_NAME,
            "Text files (*.txt)",
            "txt",
            media=media,
            note=media_note(media),
        )
        # Bound methods, not lambdas: a lambda holding this view, freed as the dialog (its
        # child) is deleted, could free the view in the middle of that.
        dialog.fileSelected.connect(self._save_chosen)
        dialog.finished.connect(self._file_dialog_closed)
        self.file_dialog = dialog
        dialog.open()

    def _save_chosen(self, chosen: str) -> None:
        self.save_code_to(Path(chosen))

    def _file_dialog_closed(self) -> None:
        self.file_dialog = None

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
