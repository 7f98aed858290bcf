"""The vault's life in the GUI: find it, unlock it, set it up, lock it, go back to a copy.

Starts after the first frame (keyring and cryptography are slow to import) and does
every slow step in the background. Panes ask ``vault`` for data and listen to
``state_changed`` to clear themselves when the vault locks (after ``locking``, which
gives them a moment to save what the user typed).

The vault's files stay whole on disk while the app runs: every save reaches the main
file at once (storage), and the write-ahead log is emptied when the person leaves the app
alone (``QuietCheckpoints``) and when the vault locks, which the app also does at quit
and on SIGTERM. A vault file replaced underneath (a sync app) is let go of and opened anew.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.ui.shell.idle import INPUT_EVENTS, IdleWatcher
from reconnect_gui.ui.widgets.background import BackgroundTask

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from datetime import datetime

    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.snapshots import Restored, VaultCopy
    from reconnect_gui.storage.vault import Vault

QUIET_MS = 30_000  # this long without input, the app counts as left alone


class VaultState(StrEnum):
    """Where the vault is in its life, as every pane and the tray see it."""

    CHECKING = "checking"  # looking for it and its key, in the background
    NEEDS_SETUP = "needs_setup"  # there is none yet
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    DAMAGED = "damaged"  # it could not be read: see ``problem``


STATUS_TEXT = {
    VaultState.CHECKING: "Opening your vault…",
    VaultState.NEEDS_SETUP: "Your vault is not set up yet.",
    VaultState.LOCKED: "Locked. Your entries are hidden.",
    VaultState.UNLOCKED: "Unlocked. Stored encrypted.",
    VaultState.DAMAGED: "Your vault needs attention.",
}
# Under the sidebar's "Unlocked" when a sync app left a conflict copy beside the vault.
SYNC_COPY_LINE = "A sync app left another copy of your vault beside it: see Settings."
REOPENED = (
    "Your vault file was replaced or moved while Reconnect had it open; a sync app may have "
    "done this. Nothing more was saved to the old file, and Reconnect now opens the file "
    "that is there."
)


def _default_keystore() -> KeyStore:
    from reconnect_gui.storage.keystore import KeyStore

    return KeyStore()


def app_lock_text(minutes: int) -> str:
    return (
        "The app lock is on, so Reconnect asks for your passphrase each time it opens "
        f"and after {minutes} minutes without use."
    )


class QuietCheckpoints(QObject):
    """Runs ``checkpoint`` once the person has left the app alone for ``quiet_ms``, then
    waits for their next input before watching again: one checkpoint per spell of use, and
    no timer at all while the app sits untouched (hidden in the tray for days)."""

    def __init__(self, checkpoint: Callable[[], None], quiet_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._checkpoint = checkpoint
        self._quiet_ms = quiet_ms
        self._watcher = IdleWatcher(self)
        self._watcher.idle.connect(self._left_alone)
        self._waiting_for_input = False

    @property
    def armed(self) -> bool:
        return self._watcher.armed

    def start(self) -> None:
        self._stop_waiting()
        self._watcher.arm(self._quiet_ms)

    def stop(self) -> None:
        self._watcher.disarm()
        self._stop_waiting()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting_for_input and event.type() in INPUT_EVENTS:
            self.start()
        return False

    def _left_alone(self) -> None:
        app = QApplication.instance()
        if app is not None:  # first: a checkpoint that finds the file replaced stops us
            app.installEventFilter(self)
            self._waiting_for_input = True
        self._checkpoint()

    def _stop_waiting(self) -> None:
        app = QApplication.instance()
        if self._waiting_for_input and app is not None:
            app.removeEventFilter(self)
        self._waiting_for_input = False


class VaultController(QObject):
    state_changed = Signal(object)  # VaultState
    # Emitted while the vault is still open, just before it locks: last chance for a pane
    # to save what the user typed (never lose a word), then ``state_changed`` clears it.
    locking = Signal()
    app_lock_changed = Signal(int)  # minutes; 0 = off (the app saves it in its settings)
    app_lock_failed = Signal(str)  # why the app lock could not be changed (it was not)
    restored = Signal(object)  # storage.snapshots.Restored: a copy is the vault now
    restore_failed = Signal(str)  # why going back to a copy did not happen
    copy_made = Signal()  # the day's automatic copy of the vault is now on disk
    # Ctrl+U pressed in the unlock dialog: the urge flow needs no unlocking (issue 17).
    urge_requested = Signal()

    def __init__(
        self,
        data_dir: Path,
        window: QWidget,
        keystore_factory: Callable[[], KeyStore] = _default_keystore,
        now: Clock = system_clock,
        app_lock_minutes: int = 0,
        minute_ms: int = 60_000,  # tests shorten a "minute"
        quiet_ms: int = QUIET_MS,
    ) -> None:
        super().__init__(window)
        self._data_dir = data_dir
        self._window = window
        self._keystore_factory = keystore_factory
        self._now = now
        self.app_lock_minutes = app_lock_minutes
        self._minute_ms = minute_ms
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self._idle_lock)
        self.quiet = QuietCheckpoints(self._checkpoint, quiet_ms, self)
        self._task: BackgroundTask | None = None
        self._ask = True  # see start()
        self._snapshot_task: BackgroundTask | None = None
        self._restore_task: BackgroundTask | None = None
        self.vault: Vault | None = None
        self.state = VaultState.CHECKING
        self.problem: str | None = None  # the last plain-words reason, for the status line
        self.sync_notice: str | None = None  # conflict copies found beside it at unlock
        self.dialog: QDialog | None = None

    def keystore(self) -> KeyStore:
        return self._keystore_factory()

    def has_passphrase(self) -> bool:
        return self.vault is not None and self.vault.has_passphrase

    def now(self) -> datetime:
        """The app's clock (injected; tests move it)."""
        return self._now()

    @property
    def path(self) -> Path:
        from reconnect_gui.storage.unlock import vault_file

        return vault_file(self._data_dir)

    def status_text(self) -> str:
        """The sidebar's words for the state (the dialogs give the full reasons)."""
        text = STATUS_TEXT[self.state]
        if self.state == VaultState.UNLOCKED and self.sync_notice:
            return f"{text}\n{SYNC_COPY_LINE}"
        return text

    # ---- starting -------------------------------------------------------------------------

    def start(self, ask: bool = True) -> None:
        """Find the vault and open it with the keyring. ``ask=False`` (a start hidden in the
        tray) asks for nothing yet: the unlock or setup dialog waits until the window opens."""
        self._ask = ask
        self._set_state(VaultState.CHECKING)
        self._task = BackgroundTask(self._check, self._checked, self._check_failed, self)
        self._task.start()

    def _check(self) -> tuple[VaultState, Any]:
        from reconnect_gui.storage.errors import KeyUnavailable
        from reconnect_gui.storage.unlock import open_vault_checked, open_with_keyring

        if not self.path.exists():
            return VaultState.NEEDS_SETUP, None
        if self.app_lock_minutes:  # the key is deliberately not in the keyring
            open_vault_checked(self.path)
            return VaultState.LOCKED, app_lock_text(self.app_lock_minutes)
        try:
            return VaultState.UNLOCKED, open_with_keyring(
                self.path, self._keystore_factory(), now=self._now
            )
        except KeyUnavailable as problem:
            return VaultState.LOCKED, problem.message

    def _checked(self, outcome: tuple[str, Any]) -> None:
        state, detail = outcome
        if state == VaultState.UNLOCKED:
            self._opened(detail)
        elif state == VaultState.NEEDS_SETUP:
            self._set_state(VaultState.NEEDS_SETUP)
            if self._ask:
                self.show_setup()
        else:
            self.problem = detail
            self._set_state(VaultState.LOCKED)
            if self._ask:
                self.show_unlock(detail)

    def _check_failed(self, error: BaseException) -> None:
        from reconnect_gui.storage.errors import VaultError

        if not isinstance(error, VaultError):
            raise error
        self.problem = error.message
        self._set_state(VaultState.DAMAGED)
        self._notice(
            QMessageBox.Icon.Warning,
            "Your vault could not be opened",
            f"{error.message}\n\nThe file was left exactly as it was: {self.path}\n"
            "You can go back to one of its daily copies in Settings → Snapshots, or restore "
            "a backup from the command line (reconnect backup restore).",
        )

    # ---- dialogs --------------------------------------------------------------------------

    def show_setup(self) -> None:
        from reconnect_gui.storage.crypto import new_recovery_code
        from reconnect_gui.ui.vault.setup_dialog import VaultSetupDialog

        dialog = VaultSetupDialog(new_recovery_code(), self._create, self._window)
        dialog.created.connect(self._created)
        self._show(dialog)

    def show_unlock(self, reason: str | None = None) -> None:
        from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

        reason = reason or self.problem or "Reconnect is locked."
        dialog = UnlockDialog(
            reason, self._unlock_with_secret, self._window, offer_keyring=not self.app_lock_minutes
        )
        dialog.unlocked.connect(self._unlocked_by_secret)
        self._offer_urge_shortcut(dialog)
        self._show(dialog)

    def _offer_urge_shortcut(self, dialog: QDialog) -> None:
        """Ctrl+U works in the unlock dialog too: it holds the keyboard after an idle lock."""
        from PySide6.QtGui import QKeySequence, QShortcut

        shortcut = QShortcut(QKeySequence("Ctrl+U"), dialog)
        shortcut.activated.connect(self.urge_requested)

    def show_unlock_above(self, reason: str) -> None:
        """Ask for the secret in a fresh dialog on top of the windows open now.

        The urge flow opens while locked, maybe above an unlock dialog shown earlier; that
        one sits under it and cannot take typing, so it gives way to a new one."""
        from reconnect_gui.ui.vault.unlock_dialog import UnlockDialog

        current = self.dialog
        if isinstance(current, UnlockDialog) and current.isVisible():
            current.reject()
        self.show_unlock(reason)

    def _notice(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A non-modal message: the app keeps running (and tests keep their event loop)."""
        self._show(QMessageBox(icon, title, text, parent=self._window))

    def _show(self, dialog: QDialog) -> None:
        """Open ``dialog``, unless the same kind is already open: then bring that one up."""
        current = self.dialog
        if current is not None and current.isVisible() and type(current) is type(dialog):
            dialog.deleteLater()
            current.raise_()
            current.activateWindow()
            return
        self.dialog = dialog
        dialog.open()

    def _create(self, code: str, passphrase: str | None) -> Any:
        from reconnect_gui.storage.unlock import create_user_vault

        return create_user_vault(
            self.path, self._keystore_factory(), code, passphrase, now=self._now
        )

    def _created(self, opened: Any) -> None:
        self._opened(opened)
        if opened.keyring_problem:
            self._notice(
                QMessageBox.Icon.Information,
                "Your vault is ready",
                f"{opened.keyring_problem}\n\nUntil that is fixed, Reconnect will ask for your "
                "passphrase or recovery code when it starts.",
            )

    def _unlock_with_secret(self, secret: str, keep_key: bool = False) -> Any:
        from reconnect_gui.storage.unlock import open_with_secret

        # The key goes (back) into the keyring only when the person asks for it, and never
        # with the app lock on: a key taken out on purpose (vault lock, "Forget the key")
        # is not put back silently by the next unlock.
        return open_with_secret(
            self.path,
            secret,
            self._keystore_factory(),
            restore_key=keep_key and not self.app_lock_minutes,
            now=self._now,
        )

    def _unlocked_by_secret(self, opened: Any) -> None:
        self._opened(opened)
        if opened.key_restored:
            self.problem = "Your key is back in this computer's keyring."

    # ---- state ----------------------------------------------------------------------------

    def _opened(self, opened: Any) -> None:
        from reconnect_gui.storage.synced_folders import conflict_copies, conflict_notice

        self.vault = opened.vault
        self.sync_notice = conflict_notice([p.name for p in conflict_copies(self.path)])
        self._set_state(VaultState.UNLOCKED)
        if self.app_lock_minutes:
            self.idle.arm(self.app_lock_minutes * self._minute_ms)
        self.quiet.start()
        # One copy at a time: one still running from an earlier unlock finishes first.
        if self._snapshot_task is None or not self._snapshot_task.running:
            self._snapshot_task = BackgroundTask(
                self._take_snapshot, self._snapshot_taken, self._snapshot_failed, self
            )
            self._snapshot_task.start()

    def _take_snapshot(self) -> Path | None:
        """Today's automatic copy of the (encrypted) vault file, if none was made yet."""
        from reconnect_gui.storage.snapshots import FOLDER_NAME, take_snapshot_if_due

        return take_snapshot_if_due(self.path, self._data_dir / FOLDER_NAME, self._now())

    def _snapshot_taken(self, path: Path | None) -> None:
        if path is not None:  # None: today's copy was already there
            self.copy_made.emit()

    def _snapshot_failed(self, error: BaseException) -> None:
        log.warning("automatic vault copy failed (%s)", type(error).__name__)

    def lock(self) -> None:
        """Close the vault and tell every pane to forget what it showed. What the panes save
        on ``locking`` is in the main file and the WAL is empty before the file closes."""
        from reconnect_gui.storage.errors import VaultError

        self.idle.disarm()
        self.quiet.stop()
        if self.vault is not None:
            self.locking.emit()
            # Closing empties the WAL only as the file's last user; a file replaced
            # underneath refuses, and closing is then all there is to do.
            with contextlib.suppress(VaultError):
                self.vault.checkpoint()
            self.vault.close()
            self.vault = None
        if self.state == VaultState.UNLOCKED:
            self.problem = None
            self._set_state(VaultState.LOCKED)

    def _checkpoint(self) -> None:
        """Empty the WAL into the main file, so the folder holds one whole file again."""
        from reconnect_gui.storage.errors import VaultError, VaultReplaced

        if self.vault is None:
            return
        try:
            self.vault.checkpoint()
        except VaultReplaced:
            self._file_replaced()
        except VaultError as error:
            log.warning("checkpoint failed (%s)", type(error).__name__)

    def _file_replaced(self) -> None:
        """The vault's name points at another file now (a sync app brought its version):
        let go of the old one and open the one that is there."""
        self.lock()
        self._notice(QMessageBox.Icon.Information, "Your vault file changed", REOPENED)
        self.start()

    # ---- going back to a copy -------------------------------------------------------------

    def restore_copy(self, copy: VaultCopy) -> BackgroundTask:
        """Lock, put ``copy`` in the vault's place (the vault as it is now is kept aside),
        then open it again: with the keyring, or by asking. ``restored`` or
        ``restore_failed`` says how it went."""
        from reconnect_gui.storage.snapshots import restore_copy

        self.lock()
        self._set_state(VaultState.CHECKING)  # nothing may open the vault meanwhile
        path, now = self.path, self._now()
        task = BackgroundTask(
            lambda: restore_copy(path, copy, now), self._restored, self._restore_failed, self
        )
        self._restore_task = task
        task.start()
        return task

    def _restored(self, outcome: Restored) -> None:
        self.restored.emit(outcome)
        self.start()

    def _restore_failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None)
        if message is None:
            raise error
        self.restore_failed.emit(message)
        self.start()  # the vault as it was

    def _idle_lock(self) -> None:
        if self.state != VaultState.UNLOCKED:
            return
        self.lock()
        self.problem = (
            f"Reconnect locked itself after {self.app_lock_minutes} minutes without use. "
            "Type your passphrase to go on."
        )
        self.show_unlock(self.problem)

    def set_app_lock(self, minutes: int) -> BackgroundTask | None:
        """Turn the app lock on (the key leaves the keyring) or off (it goes back)."""
        vault = self.vault
        if vault is None:
            return None
        keystore, vault_id = self._keystore_factory(), vault.vault_id

        def change() -> None:
            if minutes:
                keystore.forget(vault_id)
            else:
                keystore.store(vault_id, vault.data_key)

        def changed(_result: object) -> None:
            self.app_lock_minutes = minutes
            if minutes and self.state == VaultState.UNLOCKED:
                self.idle.arm(minutes * self._minute_ms)
            elif not minutes:
                self.idle.disarm()
            self.app_lock_changed.emit(minutes)

        task = BackgroundTask(change, changed, self._app_lock_failed, self)
        self._app_lock_task = task
        task.start()
        return task

    def _app_lock_failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None)
        if message is None:
            raise error
        self.app_lock_failed.emit(message)

    def _set_state(self, state: VaultState) -> None:
        self.state = state
        self.state_changed.emit(state)
