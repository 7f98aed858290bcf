"""The running ``QApplication``, typed: Qt's ``instance()`` may in principle be a bare
``QCoreApplication`` or nothing, but every widget of the app lives inside a QApplication."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The app's QApplication (it exists before any widget is made)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("Reconnect's widgets need a running QApplication")
    return app
