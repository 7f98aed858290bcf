"""Driving Qt's real file dialog in a test, and looking for what it left on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit


def files_under(root: Path) -> set[Path]:
    """Every file below ``root`` (hidden ones too)."""
    return {path for path in root.rglob("*") if path.is_file()}


def open_file_dialog() -> QFileDialog | None:
    """The file dialog on screen, if one is."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
    shown = [w for w in shown if w.isVisible()]
    return shown[-1] if shown else None


def choose_in_file_dialog(
    qtbot, open_it: Callable[[], None], target: Path, inspect: Callable[[QFileDialog], None]
) -> None:
    """Open the dialog with ``open_it``, show it to ``inspect``, then pick ``target`` and
    press Save, as a person would. Works for a modal dialog that runs its own event loop
    (the static helpers) as well as for one opened with ``open()``."""
    answered: list[bool] = []

    def answer() -> None:
        dialog = open_file_dialog()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        inspect(dialog)
        save_as(dialog, target)
        answered.append(True)

    QTimer.singleShot(0, answer)
    open_it()
    qtbot.wait_until(lambda: bool(answered) and open_file_dialog() is None, timeout=5000)


def save_as(dialog: QFileDialog, target: Path) -> None:
    """Type ``target`` into the file name box and press Save, as a person would (Qt's
    ``selectFile`` leaves the box alone while it has the focus)."""
    name_box = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_box is not None, "not Qt's own file dialog"
    name_box.setText(str(target))
    dialog.accept()


def let_closed_dialogs_go() -> None:
    """Delete what was scheduled for deletion, as the event loop would a moment later."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def qt_settings_file() -> Path:
    """The file Qt's own dialogs keep their state in (QSettings "QtProject")."""
    return Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
