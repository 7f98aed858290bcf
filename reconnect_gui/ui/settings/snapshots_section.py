"""Settings → Snapshots: the vault's daily copies, and going back to one of them.

The list is storage's ``vault_copies``: the automatic snapshots, copies kept aside by
earlier restores (so a restore can be undone here), and conflict copies left by a sync app.
Going back asks first, then ``VaultController.restore_copy`` locks, restores in the
background and opens the vault again. The section works whatever the vault's state, even
damaged: restoring needs no key. Conflict copies found at unlock are named here too.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.storage.snapshots import CopyKind, Restored, VaultCopy, vault_copies
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.widgets.labels import quiet_label, wrapped_label

INTRO = (
    "Each day your vault is unlocked, Reconnect keeps a copy of it, encrypted like the "
    "vault (the last seven). Going back to one makes it your vault again; your vault as it "
    "is now is kept as a separate file, so you can change your mind."
)
KIND_WORDS = {
    CopyKind.SNAPSHOT: "daily copy",
    CopyKind.SET_ASIDE: "your vault before going back",
    CopyKind.CONFLICT: "left by a sync app",
}


def when(copy: VaultCopy) -> str:
    """The moment in this computer's time zone, e.g. '29 Mar 2026, 10:30'."""
    local = copy.made.astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"


class SnapshotsSection(QGroupBox):
    """The "Snapshots" group of Settings; each outcome is said in ``status``."""

    def __init__(
        self, controller: VaultController, now: Clock = system_clock, parent: QWidget | None = None
    ) -> None:
        super().__init__("Snapshots", parent)
        self._controller = controller
        self._now = now
        self._shown: list[VaultCopy] = []
        self.dialog: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(INTRO))
        row = QHBoxLayout()
        self.copies = QComboBox()
        self.copies.setAccessibleName("Copy to go back to")
        self.copies.setPlaceholderText("No copies yet: the first is made today.")
        self.copies.setMinimumContentsLength(28)
        row.addWidget(self.copies, 1)
        self.go_back_button = QPushButton("Go back to this copy…")
        self.go_back_button.setAccessibleDescription(
            "Make the chosen copy your vault again; asks first"
        )
        self.go_back_button.clicked.connect(self.confirm_going_back)
        row.addWidget(self.go_back_button)
        layout.addLayout(row)
        self.sync_label = quiet_label("")
        self.sync_label.setAccessibleName("Copies left by a sync app")
        layout.addWidget(self.sync_label)
        self.status = quiet_label("")
        self.status.setAccessibleName("Snapshots status")
        layout.addWidget(self.status)
        controller.state_changed.connect(self.refresh)
        controller.copy_made.connect(self.refresh)
        controller.restored.connect(self._restored)
        controller.restore_failed.connect(self.status.setText)
        self.refresh()

    def refresh(self, _state: object = None) -> None:
        chosen = self.copies.currentData()
        self._shown = vault_copies(self._controller.path, self._now())
        self.copies.clear()
        for copy in self._shown:
            self.copies.addItem(f"{when(copy)}, {KIND_WORDS[copy.kind]}", copy.name)
        if self._shown:
            index = self.copies.findData(chosen)
            self.copies.setCurrentIndex(max(0, index))
        busy = self._controller.state == VaultState.CHECKING
        self.copies.setEnabled(bool(self._shown) and not busy)
        self.go_back_button.setEnabled(bool(self._shown) and not busy)
        notice = self._controller.sync_notice
        self.sync_label.setText(notice or "")
        self.sync_label.setVisible(bool(notice))

    def confirm_going_back(self) -> None:
        index = self.copies.currentIndex()
        if not 0 <= index < len(self._shown):
            return
        copy = self._shown[index]
        confirm = QMessageBox(
            QMessageBox.Icon.Question,
            "Go back to this copy?",
            f"Reconnect will lock, keep your vault as it is now as a separate file, and use "
            f"the copy from {when(copy)} instead. Anything written after that stays in the "
            "kept file. If you changed your passphrase or recovery code since then, the copy "
            "opens with the ones you had then.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm.button(QMessageBox.StandardButton.Yes).setText("Go back to this copy")
        confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self._go_back(copy))
        self.dialog = confirm
        confirm.open()

    def _go_back(self, copy: VaultCopy) -> None:
        self.status.setText(f"Going back to the copy from {when(copy)}…")
        self._controller.restore_copy(copy)

    def _restored(self, outcome: Restored) -> None:
        words = f"Your vault is now the copy from {when(outcome.copy)}."
        kept = outcome.set_aside
        if kept is not None and kept.suffix == ".sqlite3":
            words += f" Your vault as it was is kept as {kept.name}, listed here too."
        elif kept is not None:
            words += f" What was left of your vault is kept as {kept.name}."
        self.status.setText(words)
        self.refresh()
