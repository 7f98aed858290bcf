"""Settings → Security: lock now, passphrase, recovery code, key rotation, forget the key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.passphrase import new_passphrase_problem
from reconnect_gui.core.settings import APP_LOCK_CHOICES
from reconnect_gui.storage.errors import KeyUnavailable, WrongSecret
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.vault.recovery_code import RecoveryCodeView
from reconnect_gui.ui.widgets.background import BackgroundTask
from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.labels import quiet_label

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

NOT_CURRENT = "That is not your current passphrase or recovery code. Check it and try again."


class SecretsDialog(QDialog):
    """Optionally asks for the current passphrase (checked with ``check_current``), shows a
    new recovery code (to confirm as saved) and asks for a new passphrase, then runs
    ``work(passphrase)`` in the background; its result is kept in ``outcome``."""

    def __init__(
        self,
        title: str,
        intro: str,
        action: str,
        work: Callable[[str | None], Any],
        code: str | None = None,
        ask_passphrase: bool = False,
        check_current: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._work = work
        self._check_current = check_current
        self._task: BackgroundTask | None = None
        self.outcome: object = None
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.current: QLineEdit | None = None
        if check_current is not None:
            # Someone at an unlocked computer must not change who can open the vault.
            self.current = QLineEdit()
            self.current.setEchoMode(QLineEdit.EchoMode.Password)
            self.current.setPlaceholderText("Your current passphrase (or recovery code)")
            self.current.setAccessibleName("Current passphrase or recovery code")
            layout.addWidget(self.current)
        self.code_view = RecoveryCodeView(code) if code else None
        if self.code_view:
            layout.addWidget(self.code_view)
        self.passphrase = self.repeat = None
        if ask_passphrase:
            self.passphrase, self.repeat = QLineEdit(), QLineEdit()
            for field, hint in ((self.passphrase, "New passphrase"), (self.repeat, "Repeat it")):
                field.setEchoMode(QLineEdit.EchoMode.Password)
                field.setPlaceholderText(hint)
                field.setAccessibleName(hint)
                layout.addWidget(field)
        self.status = quiet_label("")
        layout.addWidget(self.status)
        row, self.action_button, _cancel = dialog_buttons(self, action, self.submit)
        layout.addWidget(row)
        if self.code_view:
            self.action_button.setEnabled(False)
            self.code_view.confirmed.connect(self.action_button.setEnabled)
        # The section keeps this dialog (hidden) after it closes: no secret stays in it.
        self.rejected.connect(self.forget)

    def forget(self) -> None:
        """Clear every secret typed here (done, cancelled, or the vault locked)."""
        for field in (self.current, self.passphrase, self.repeat):
            if field is not None:
                field.clear()

    def submit(self) -> None:
        passphrase = None
        if self.passphrase is not None and self.repeat is not None:
            passphrase = self.passphrase.text()
            problem = new_passphrase_problem(passphrase, self.repeat.text())
            if problem:
                self.status.setText(problem)
                return
        current = self.current.text() if self.current is not None else ""
        if self.current is not None and not current:
            self.status.setText("Type your current passphrase first.")
            return
        self.status.setText("Working… this takes a moment.")
        self.action_button.setEnabled(False)

        def job() -> Any:
            if self._check_current is not None and not self._check_current(current):
                raise WrongSecret(NOT_CURRENT)
            return self._work(passphrase)

        self._task = BackgroundTask(job, self._done, self._failed)
        self._task.start()

    def _done(self, result: object) -> None:
        self.outcome = result
        self.forget()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None)
        if message is None:
            raise error  # a bug: the app's error reporter logs and shows it
        if isinstance(error, WrongSecret) and self.current is not None:
            self.current.selectAll()
            self.current.setFocus()
        self.status.setText(
            message if message.endswith("try again.") else f"{message} Nothing was changed."
        )
        self.action_button.setEnabled(True)


class SecuritySection(QGroupBox):
    """Enabled while the vault is unlocked; each action says what it did in ``status``."""

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__("Security", parent)
        self._controller = controller
        self.dialog: QDialog | None = None
        self._task: BackgroundTask | None = None
        layout = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        grid = QGridLayout()
        self.lock_button = self._button(grid, 0, 0, "Lock now", controller.lock)
        self.passphrase_button = self._button(
            grid, 0, 1, "Change passphrase…", self.change_passphrase
        )
        self.recovery_button = self._button(
            grid, 1, 0, "New recovery code…", self.new_recovery_code
        )
        self.rotate_button = self._button(grid, 1, 1, "Change encryption key…", self.rotate_key)
        self.forget_button = self._button(
            grid, 2, 0, "Forget the key on this computer…", self.forget_key
        )
        for button, description in (
            (self.lock_button, "Close your vault now; unlocking opens it again"),
            (self.passphrase_button, "Choose a new passphrase; your recovery code still works"),
            (self.recovery_button, "Make a new recovery code; the old one stops working"),
            (self.rotate_button, "Encrypt everything again with a new key and recovery code"),
            (self.forget_button, "Remove the key from this computer's keyring; asks first"),
        ):
            button.setAccessibleDescription(description)
        layout.addLayout(grid)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel("App lock"))
        self.app_lock = QComboBox()
        self.app_lock.setAccessibleName("App lock")
        self.app_lock.setAccessibleDescription(
            "Ask for the passphrase at start and after this long without use"
        )
        for minutes in APP_LOCK_CHOICES:
            self.app_lock.addItem(
                f"After {minutes} minutes without use" if minutes else "Off", minutes
            )
        self.app_lock.setCurrentIndex(APP_LOCK_CHOICES.index(controller.app_lock_minutes))
        self.app_lock.activated.connect(self._app_lock_chosen)  # the user's choice only
        self.app_lock.setMaximumWidth(320)  # like Appearance: a choice, not a text field
        lock_row.addWidget(self.app_lock)
        lock_row.addStretch(1)
        layout.addLayout(lock_row)
        controller.app_lock_changed.connect(self._app_lock_changed)
        controller.app_lock_failed.connect(self._app_lock_failed)
        self.status = quiet_label("")
        self.status.setAccessibleName("Security status")
        layout.addWidget(self.status)
        controller.state_changed.connect(self._refresh)
        self._refresh(controller.state)

    def _button(self, grid: QGridLayout, row: int, column: int, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        grid.addWidget(button, row, column)
        return button

    def _refresh(self, state: str) -> None:
        unlocked = state == VaultState.UNLOCKED
        for button in (
            self.lock_button,
            self.passphrase_button,
            self.recovery_button,
            self.rotate_button,
            self.forget_button,
        ):
            button.setEnabled(unlocked)
        if not unlocked and self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()  # locking forgets: no question about a closed vault stays
        self.state_label.setText(
            "Your vault is unlocked. Everything you write is encrypted on this computer."
            if unlocked
            else "Unlock your vault to change these settings."
        )

    def _app_lock_chosen(self, index: int) -> None:
        minutes = APP_LOCK_CHOICES[index]
        if minutes and not self._controller.has_passphrase():
            self._show_app_lock(self._controller.app_lock_minutes)
            self.status.setText("Set a passphrase first: the app lock asks for it.")
            return
        vault = self._controller.vault
        if not minutes and self._controller.app_lock_minutes and vault is not None:
            # Turning the lock off puts the key back in the keyring: only its owner may.
            self._show_app_lock(self._controller.app_lock_minutes)
            dialog = SecretsDialog(
                "Turn the app lock off",
                "Type your passphrase to turn the app lock off. Reconnect will then keep "
                "its key in this computer's keyring and open without asking.",
                "Turn it off",
                lambda _p: None,
                check_current=vault.opens_with,
                parent=self,
            )
            dialog.accepted.connect(lambda: self._set_app_lock(0))
            self.dialog = dialog
            dialog.open()
            return
        self._set_app_lock(minutes)

    def _set_app_lock(self, minutes: int) -> None:
        self.status.setText("Changing the app lock…")
        self._controller.set_app_lock(minutes)

    def _app_lock_changed(self, minutes: int) -> None:
        self._show_app_lock(minutes)
        if minutes:
            self.status.setText(
                f"The app lock is on: Reconnect asks for your passphrase when it opens and "
                f"after {minutes} minutes without use. Its key is no longer kept in the keyring."
            )
        else:
            self.status.setText("The app lock is off, and the key is back in your keyring.")

    def _app_lock_failed(self, message: str) -> None:
        self._show_app_lock(self._controller.app_lock_minutes)
        self.status.setText(message)

    def _show_app_lock(self, minutes: int) -> None:
        self.app_lock.setCurrentIndex(APP_LOCK_CHOICES.index(minutes))

    def _open(self, dialog: SecretsDialog, done_message: Callable[[object], str]) -> None:
        dialog.accepted.connect(lambda: self.status.setText(done_message(dialog.outcome)))
        self.dialog = dialog
        dialog.open()

    def _check_current(self) -> Callable[[str], bool] | None:
        """The current-secret check, when there is a passphrase to ask for (without one,
        the keyring alone opens the vault, so asking would protect nothing)."""
        vault = self._controller.vault
        return vault.opens_with if vault is not None and vault.has_passphrase else None

    def _keep_new_key(self, vault: Vault) -> str:
        """After the data key changed: the automatic copies are made again under the new
        key, and the new key replaces the old one in the keyring unless the app lock keeps
        it out. Returns the sentences to add to the message."""
        from reconnect_gui.storage.errors import VaultError
        from reconnect_gui.storage.snapshots import renew_copies_after_key_change

        note = " Reconnect's automatic copies were made again with the new key."
        try:  # the old copies open with the old secret: they go, and a new one is made
            renew_copies_after_key_change(vault.path, self._controller.now())
        except VaultError as problem:
            note = f" {problem.message}"
        if self._controller.app_lock_minutes:
            return note
        try:
            self._controller.keystore().store(vault.vault_id, vault.data_key)
        except KeyUnavailable as problem:
            return f"{note} {problem.message}"
        return note

    def _secret_change(
        self, vault: Vault, change: Callable[[str | None], bool], done: str, old: str
    ) -> tuple[Callable[[str | None], str | None], Callable[[object], str]]:
        """The dialog's work and its closing words for a change of one secret. ``change``
        says whether the data key was replaced (see Vault.set_passphrase)."""

        def work(passphrase: str | None) -> str | None:
            return self._keep_new_key(vault) if change(passphrase) else None

        def said(keyring_note: object) -> str:
            if keyring_note is None:  # an older vault: only the slot changed
                return (
                    f"{done}. Copies of your vault made before now (automatic copies, "
                    f"backups) still open with the old {old}; if someone may know it, also "
                    "use “Change encryption key…”."
                )
            return (
                f"{done}, and everything is now encrypted with a new key: the old {old} opens "
                f"nothing you write from now on.{keyring_note}"
            )

        return work, said

    def change_passphrase(self) -> None:
        vault = self._controller.vault
        if vault is None:
            return
        work, said = self._secret_change(
            vault, vault.set_passphrase, "Your passphrase was changed", "passphrase"
        )
        self._open(
            SecretsDialog(
                "Change passphrase",
                "Choose a passphrase you will remember. It opens Reconnect when the keyring "
                "can't, and your recovery code keeps working as before.",
                "Change passphrase",
                work,
                ask_passphrase=True,
                check_current=self._check_current(),
                parent=self,
            ),
            said,
        )

    def new_recovery_code(self) -> None:
        from reconnect_gui.storage.crypto import new_recovery_code

        vault = self._controller.vault
        if vault is None:
            return
        code = new_recovery_code()
        work, said = self._secret_change(
            vault,
            lambda _passphrase: vault.replace_recovery_code(code),
            "Your new recovery code is in use",
            "code",
        )
        self._open(
            SecretsDialog(
                "New recovery code",
                "Here is a new recovery code. Once you use it, the old code stops working.",
                "Use this code",
                work,
                code=code,
                check_current=self._check_current(),
                parent=self,
            ),
            said,
        )

    def rotate_key(self) -> None:
        from reconnect_gui.storage.crypto import new_recovery_code

        vault = self._controller.vault
        if vault is None:
            return
        code = new_recovery_code()

        def rotate(passphrase: str | None) -> str:
            vault.rotate_key(code, passphrase)
            return self._keep_new_key(vault)

        with_passphrase = self._controller.has_passphrase()
        self._open(
            SecretsDialog(
                "Change encryption key",
                "Reconnect will re-encrypt everything with a new key. That also means a new "
                "recovery code"
                + (" and typing your passphrase again (or a new one)." if with_passphrase else "."),
                "Change key",
                rotate,
                code=code,
                ask_passphrase=with_passphrase,
                check_current=self._check_current(),
                parent=self,
            ),
            lambda keyring_note: (
                "Everything is now encrypted with a new key, and your new recovery code is "
                f"in use.{keyring_note or ''}"
            ),
        )

    def forget_key(self) -> None:
        if self._controller.vault is None:
            return
        confirm = QMessageBox(
            QMessageBox.Icon.Question,
            "Forget the key on this computer?",
            "Reconnect will remove its key from this computer's keyring and lock. From then "
            "on you open it with your passphrase or recovery code. Nothing you wrote is "
            "deleted.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(self._forget_now)
        self.dialog = confirm
        confirm.open()

    def _forget_now(self) -> None:
        vault = self._controller.vault
        if vault is None:
            return
        vault_id, keystore = vault.vault_id, self._controller.keystore()

        def forgotten(_result: object) -> None:
            self._controller.lock()
            self.status.setText(
                "The key was removed from this computer's keyring. "
                "Next time, unlock with your passphrase or recovery code."
            )

        def failed(error: BaseException) -> None:
            self.status.setText(getattr(error, "message", "The keyring could not be changed."))

        self._task = BackgroundTask(lambda: keystore.forget(vault_id), forgotten, failed)
        self._task.start()
