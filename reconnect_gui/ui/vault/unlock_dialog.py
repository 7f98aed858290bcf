"""Unlock with the passphrase or recovery code, saying plainly why the keyring couldn't."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from reconnect_gui.ui.widgets.background import BackgroundTask
from reconnect_gui.ui.widgets.buttons import make_primary
from reconnect_gui.ui.widgets.fit import GrowToFit
from reconnect_gui.ui.widgets.labels import pane_heading, quiet_label

WRONG_SECRET = (
    "That didn't open your vault. Check for typos and try again. A recovery code looks "
    "like ABCDE-FGHJK-… (dashes and capitals don't matter)."
)


class UnlockDialog(QDialog):
    """``unlock(secret, keep_key)`` runs in the background; it returns an ``Opened`` or
    raises. ``keep_key`` is the person's own choice to put the key (back) in the keyring:
    never made for them, so a key they took out on purpose stays out."""

    unlocked = Signal(object)

    def __init__(
        self,
        reason: str,
        unlock: Callable[[str, bool], object],
        parent=None,
        offer_keyring: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock Reconnect")
        self.setMinimumWidth(520)
        self._unlock = unlock
        self._task: BackgroundTask | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(pane_heading("Unlock your vault"))
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("Passphrase or recovery code")
        self.secret.setAccessibleName("Passphrase or recovery code")
        self.secret.returnPressed.connect(self.submit)
        layout.addWidget(self.secret)
        self.keep_key = QCheckBox(
            "Keep the key in this computer's keyring, so Reconnect opens without asking"
        )
        self.keep_key.setAccessibleDescription(
            "Off: you type your passphrase or recovery code each time Reconnect opens"
        )
        self.keep_key.setVisible(offer_keyring)  # the app lock keeps the key out
        layout.addWidget(self.keep_key)
        self.status = quiet_label("")
        self.status.setAccessibleName("Unlock status")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.later_button = QPushButton("Not now")
        self.later_button.clicked.connect(self.reject)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        make_primary(self.unlock_button)
        row.addWidget(self.later_button)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self._grow = GrowToFit(self)  # the wrong-passphrase message needs more lines

    def submit(self) -> None:
        secret = self.secret.text()
        if not secret.strip() or (self._task is not None and self._task.running):
            return
        keep_key = not self.keep_key.isHidden() and self.keep_key.isChecked()
        self.status.setText("Unlocking…")
        self.unlock_button.setEnabled(False)
        self._task = BackgroundTask(
            lambda: self._unlock(secret, keep_key), self._opened, self._failed
        )
        self._task.start()

    def _opened(self, opened: object) -> None:
        self.secret.clear()
        self.unlocked.emit(opened)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from reconnect_gui.storage.errors import VaultError, WrongSecret

        self.unlock_button.setEnabled(True)
        if isinstance(error, WrongSecret):
            self.status.setText(WRONG_SECRET)
            self.secret.selectAll()
        elif isinstance(error, VaultError):
            self.status.setText(error.message)
        else:
            raise error  # a bug: let the app's error reporter show and log it
