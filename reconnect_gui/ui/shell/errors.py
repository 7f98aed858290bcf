"""Uncaught errors: log them safely, tell the user in one plain sentence, keep running."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

from reconnect_gui.system.logs import redacted_traceback

log = logging.getLogger("reconnect.errors")


class ErrorReporter(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``.

    Errors from worker threads reach the UI thread through a queued signal; only one
    dialog is open at a time, however many errors arrive.
    """

    _error_seen = Signal()

    def __init__(self, log_file: Path, parent_window: QWidget | None = None) -> None:
        super().__init__()
        self._log_file = log_file
        self.parent_window = parent_window
        self.dialog: QMessageBox | None = None
        # Auto connection: queued when a worker thread emits, direct on the UI thread.
        self._error_seen.connect(self._show_dialog)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks

    def _hook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]
            return
        log.error("uncaught error:\n%s", redacted_traceback(exc_type, exc, tb))
        self._error_seen.emit()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show_dialog(self) -> None:
        # Imported here: the dialog is rarely needed, and start-up should not pay for it.
        from PySide6.QtCore import Qt, QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        if self.dialog is not None and self.dialog.isVisible():
            return
        box = QMessageBox(self.parent_window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Something went wrong")
        box.setText("Something went wrong inside Reconnect, but everything you saved is safe.")
        box.setInformativeText(
            "You can keep using the app. If this keeps happening, the log file can help "
            f"us fix it. It is at:\n{self._log_file}\n"
            "The log never contains anything you wrote."
        )
        open_folder = box.addButton("Open log folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_file.parent)))
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog = box
        box.open()
