"""The skeleton every pane that shows the vault's contents shares: read when the vault
unlocks, save what is being typed when it is about to lock, forget every word when it
locks, and say in one quiet sentence why the pane is empty.

A pane builds its pages into ``pages`` (page ``STATE_PAGE`` is the message page, added
here), then calls ``watch_vault()`` as the last step of its ``__init__``. It implements
``on_unlocked`` and ``forget``, and ``before_lock`` when it keeps anything being typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from reconnect_gui.ui.vault.controller import STATUS_TEXT, VaultController, VaultState
from reconnect_gui.ui.widgets.labels import MessagePage

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

STATE_PAGE = 0  # locked, not set up, opening: one sentence under the pane's heading


class VaultBoundPane(QWidget):
    def __init__(
        self,
        controller: VaultController,
        state_page: MessagePage,
        state_words: Mapping[VaultState, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._state_words = state_words
        self.state_page = state_page
        self.pages = QStackedWidget()
        self.pages.addWidget(state_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    @property
    def _vault(self) -> Vault | None:
        """The open vault, or None while it is locked (nothing may be read then)."""
        return self._controller.vault if self._controller.state == VaultState.UNLOCKED else None

    def watch_vault(self) -> None:
        """Follow the vault from now on, starting with the state it is in."""
        self._controller.locking.connect(self.before_lock)
        self._controller.state_changed.connect(self._vault_state_changed)
        self._vault_state_changed(self._controller.state)

    def _vault_state_changed(self, state: VaultState) -> None:
        if state == VaultState.UNLOCKED:
            self.on_unlocked()
        else:
            self.forget()
            self.show_state(self._state_words.get(state, STATUS_TEXT.get(state, "")))

    def show_state(self, words: str) -> None:
        self.state_page.message.setText(words)
        self.pages.setCurrentIndex(STATE_PAGE)

    def on_unlocked(self) -> None:
        """The vault has opened: read what the pane shows."""
        raise NotImplementedError

    def before_lock(self) -> None:
        """The vault is about to close: save what is being typed while it still can."""

    def forget(self) -> None:
        """Drop every trace of the user's words from the widgets."""
        raise NotImplementedError
