"""Private words on the clipboard: marked as secret, and taken off the selection again.

Clipboard managers keep a history of everything copied (Klipper, CopyQ, Windows' Win+V
history and its cloud clipboard). Text the app copies (a draft, the recovery code) carries
the marks they honour to leave it out: ``x-kde-passwordManagerHint: secret`` on Linux,
the three formats Windows reads on Windows. (macOS's concealed type needs a converter of
its own in Qt; it is not set.)

On Linux, selecting text also puts it in the PRIMARY selection (what middle-click pastes),
where it stays until something else is selected. ``clear_selection_of`` takes it off when
it still holds the app's own words, and leaves any other selection alone.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

KDE_SECRET_HINT = "x-kde-passwordManagerHint"
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = b"\x00\x00\x00\x00"


def secret_mime_data(text: str) -> QMimeData:
    """``text`` as clipboard data, marked for clipboard managers to leave out."""
    data = QMimeData()
    data.setText(text)
    if sys.platform == "win32":
        data.setData(
            _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"), b"\x01"
        )
        data.setData(_WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"), _DWORD_ZERO)
        data.setData(_WINDOWS_FORMAT.format("CanUploadToCloudClipboard"), _DWORD_ZERO)
    elif sys.platform != "darwin":
        data.setData(KDE_SECRET_HINT, b"secret")
    return data


def copy_secret(text: str, clipboard: QClipboard | None = None) -> None:
    """Put ``text`` on the clipboard (never on the selection), marked as secret."""
    board = clipboard or QGuiApplication.clipboard()
    board.setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)


def clear_selection_of(text: str, clipboard: QClipboard | None = None) -> bool:
    """Clear the PRIMARY selection if this app made it and it holds ``text`` or a part of
    it (a few words selected in a draft); True if it did. Elsewhere there is no selection."""
    board = clipboard or QGuiApplication.clipboard()
    mode = QClipboard.Mode.Selection
    if not board.supportsSelection() or not board.ownsSelection():
        return False
    selected = board.text(mode)
    if not selected or selected not in text:
        return False
    board.clear(mode)
    return True
