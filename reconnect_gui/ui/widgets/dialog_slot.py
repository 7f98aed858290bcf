"""One dialog at a time: asking for a second brings the open one back instead.

Dialogs can hold what the user wrote (a version's words, an example with their name), so
a dialog that is done is deleted. ``close`` (the vault is locking) lets a dialog that
keeps words (``save_and_close``, the SOS letter) save them first, or asks it to
``forget`` them. A dialog whose save failed stays open with its words and its message:
losing what someone wrote would be worse.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class DialogSlot:
    """The one dialog a pane has open, if any."""

    def __init__(self) -> None:
        self.dialog: QDialog | None = None

    def open(self, dialog: QDialog) -> None:
        """Open ``dialog`` (window-modal), unless one is open already: then raise that one."""
        if self.dialog is not None and self.dialog.isVisible():
            dialog.deleteLater()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def close(self) -> None:
        """Close the open dialog now: its words saved (if it keeps any) or forgotten."""
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        save_and_close = getattr(dialog, "save_and_close", None)
        forget = getattr(dialog, "forget", None)
        if save_and_close is not None:
            save_and_close()
        else:
            if forget is not None:
                forget()
            dialog.close()
        if not dialog.isVisible():
            dialog.deleteLater()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if not dialog.isVisible():
            dialog.deleteLater()
