"""First run: create the encrypted vault, show the recovery code once, offer a passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.passphrase import MIN_PASSPHRASE, new_passphrase_problem
from reconnect_gui.ui.vault.recovery_code import RecoveryCodeView
from reconnect_gui.ui.widgets.background import BackgroundTask
from reconnect_gui.ui.widgets.buttons import make_primary
from reconnect_gui.ui.widgets.fit import GrowToFit
from reconnect_gui.ui.widgets.labels import (
    DIALOG_MARGINS,
    page_with_heading,
    quiet_label,
    wrapped_label,
)


class VaultSetupDialog(QDialog):
    """Three short steps. ``create(code, passphrase)`` does the work; the dialog waits for it."""

    created = Signal(object)  # whatever ``create`` returned (an ``Opened``)

    def __init__(
        self,
        recovery_code: str,
        create: Callable[[str, str | None], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set up Reconnect")
        self.setMinimumWidth(560)
        self._code = recovery_code
        self._create = create
        self._task: BackgroundTask | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._passphrase_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._grow = GrowToFit(self)  # a problem's message may need more lines

    # ---- pages --------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page, layout = page_with_heading("Welcome to Reconnect", DIALOG_MARGINS)
        layout.addWidget(
            wrapped_label(
                "Everything you write here stays on this computer, encrypted. Your computer's "
                "keyring holds the key, so you won't have to type a password every day."
            )
        )
        layout.addWidget(
            wrapped_label(
                "Setting this up takes a minute. Next you'll get a recovery code: it is the "
                "only way back to your words if this computer's keyring is ever lost."
            )
        )
        layout.addStretch(1)
        self.start_button = _button_row(layout, "Continue", lambda: self.pages.setCurrentIndex(1))
        return page

    def _code_page(self) -> QWidget:
        page, layout = page_with_heading("Your recovery code", DIALOG_MARGINS)
        self.code_view = RecoveryCodeView(self._code)
        layout.addWidget(self.code_view)
        layout.addStretch(1)
        self.code_next = _button_row(layout, "Continue", lambda: self.pages.setCurrentIndex(2))
        self.code_next.setEnabled(False)
        self.code_view.confirmed.connect(self.code_next.setEnabled)
        return page

    def _passphrase_page(self) -> QWidget:
        page, layout = page_with_heading("A passphrase (optional)", DIALOG_MARGINS)
        layout.addWidget(
            wrapped_label(
                "A passphrase lets you open Reconnect even when the keyring can't help, and is "
                "needed if you turn on the app lock later. You can skip this and add it later "
                "in Settings."
            )
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(f"Passphrase (at least {MIN_PASSPHRASE} characters)")
        self.passphrase.setAccessibleName("Passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText("The same passphrase again")
        self.repeat.setAccessibleName("Repeat the passphrase")
        layout.addWidget(self.passphrase)
        layout.addWidget(self.repeat)
        self.problem = quiet_label("")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.skip_button = QPushButton("Skip")
        self.skip_button.clicked.connect(lambda: self._finish(None))
        self.finish_button = QPushButton("Set passphrase and finish")
        self.finish_button.setDefault(True)
        make_primary(self.finish_button)
        self.finish_button.clicked.connect(self._finish_with_passphrase)
        row.addWidget(self.skip_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        return page

    # ---- actions ------------------------------------------------------------------------

    def _finish_with_passphrase(self) -> None:
        first = self.passphrase.text()
        problem = new_passphrase_problem(first, self.repeat.text())
        if problem:
            self.problem.setText(problem)
        else:
            self._finish(first)

    def _finish(self, passphrase: str | None) -> None:
        self.problem.setText("Setting up your encrypted vault… this takes a moment.")
        for button in (self.skip_button, self.finish_button):
            button.setEnabled(False)
        self._task = BackgroundTask(
            lambda: self._create(self._code, passphrase), self._created, self._failed
        )
        self._task.start()

    def _created(self, opened: object) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.created.emit(opened)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        for button in (self.skip_button, self.finish_button):
            button.setEnabled(True)
        message = getattr(error, "message", None)
        if message is None:
            raise error  # a bug: the app's error reporter logs and shows it
        self.problem.setText(f"{message} Nothing was saved; you can try again.")


def _button_row(layout: QVBoxLayout, text: str, slot: Callable[[], None]) -> QPushButton:
    row = QHBoxLayout()
    row.addStretch(1)
    button = QPushButton(text)
    button.setDefault(True)
    make_primary(button)
    button.clicked.connect(slot)
    row.addWidget(button)
    layout.addLayout(row)
    return button
