"""Settings → Backup and export: an encrypted backup to keep elsewhere, bringing one back,
and (the person's explicit choice, after a warning) readable files.

The same storage code as ``reconnect backup create|restore`` and ``reconnect export``. The
age encryption runs in a child process (``storage.backup_worker``: pyrage holds the GIL
during scrypt, which would freeze the window even from a thread); the rest runs in a
``BackgroundTask``, so the busy bar moves and the window answers meanwhile. A restore
first says what it will do (the merge plan's counts) and asks; afterwards Reconnect locks
and opens the vault again, so every pane reads what is there now. Going back to one of
the daily copies is the Snapshots section's work: this one links to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.passphrase import new_passphrase_problem
from reconnect_gui.ui.vault.controller import VaultController, VaultState
from reconnect_gui.ui.widgets.background import BackgroundTask
from reconnect_gui.ui.widgets.buttons import dialog_buttons
from reconnect_gui.ui.widgets.chips import FlowLayout
from reconnect_gui.ui.widgets.labels import DIALOG_MARGINS, caption, quiet_label, wrapped_label

if TYPE_CHECKING:
    from reconnect_gui.storage.export import ExportDocument
    from reconnect_gui.storage.restore_plan import MergePlan

ExportFormat = Literal["markdown", "json"]

INTRO = (
    "A backup is one encrypted file holding everything in your vault. Keep it somewhere "
    "away from this computer, such as a USB stick. It opens only with the passphrase you "
    "give it, in Reconnect or with the age tool."
)
SNAPSHOTS_LINK = (
    'To go back to one of the daily copies this computer keeps, use <a href="#snapshots">'
    "Snapshots</a>, just below."
)
EXPORT_INTRO = (
    "An export writes everything as readable files, for reading elsewhere or keeping in "
    "your own way. It is not encrypted."
)
EXPORT_WARNING = (
    "Anyone who can open the folder you choose can read everything you wrote: the files "
    "are not encrypted. If you only want a copy to keep, a backup is safer."
)
NEEDS_UNLOCK = "Unlock your vault to make a backup, restore one or export."
FORMAT_WORDS: dict[ExportFormat, str] = {
    "markdown": "Markdown files, one for each entry",
    "json": "One JSON file",
}


class Work(StrEnum):
    """What the section is busy with (one thing at a time)."""

    IDLE = "idle"
    BACKING_UP = "backing_up"
    READING_BACKUP = "reading_backup"
    EXPORTING = "exporting"


BUSY_WORDS = {
    Work.BACKING_UP: "Making your backup… This takes a few seconds.",
    Work.READING_BACKUP: "Opening the backup… This takes a few seconds.",
    Work.EXPORTING: "Writing the files…",
}


@dataclass(frozen=True)
class BackupMade:
    path: Path
    records: int
    damaged: int  # records in the vault that could not be read, so are not in it


@dataclass(frozen=True)
class RestoreChoice:
    """What the person is asked before a restore: the backup and both plans."""

    path: Path
    document: ExportDocument
    merge: MergePlan
    replace: MergePlan


def backup_file_name(moment: datetime) -> str:
    """``reconnect-backup-YYYYmmddTHHMMSSZ.age``, the name the command line's rotation knows."""
    return f"reconnect-backup-{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}.age"


def local_when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"


class BackupPassphraseDialog(QDialog):
    """Asks for a backup's passphrase: a new one twice (``new``), or the one it has.

    ``chosen`` carries it once; the fields are cleared as the dialog closes."""

    chosen = Signal(str)

    def __init__(self, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._new = new
        self.setWindowTitle("Passphrase for the backup" if new else "Open the backup")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(
            wrapped_label(
                "Choose a passphrase for this backup. It can be your vault's passphrase or "
                "a new one. Reconnect does not keep it: without it the backup cannot be opened."
                if new
                else "Type the passphrase this backup was made with."
            )
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Backup passphrase")
        self.passphrase.setPlaceholderText("Backup passphrase")
        layout.addWidget(self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Backup passphrase again")
        self.repeat.setPlaceholderText("The same passphrase again")
        self.repeat.setVisible(new)
        layout.addWidget(self.repeat)
        self.problem = quiet_label("", italic=False)
        self.problem.setAccessibleName("Passphrase problem")
        self.problem.hide()  # no empty gap before there is something to say
        layout.addWidget(self.problem)
        row, self.ok_button, _ = dialog_buttons(
            self, "Make the backup" if new else "Open the backup", self.submit
        )
        layout.addWidget(row)
        self.finished.connect(lambda _result: self.forget())

    def submit(self) -> None:
        first = self.passphrase.text()
        if self._new:
            problem = new_passphrase_problem(first, self.repeat.text())
        else:
            problem = None if first else "Please type the backup's passphrase."
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.chosen.emit(first)
        self.accept()

    def forget(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


class BackupSection(QGroupBox):
    """The "Backup and export" group of Settings; each outcome is said in ``status``."""

    def __init__(
        self, controller: VaultController, now: Clock = system_clock, parent: QWidget | None = None
    ) -> None:
        super().__init__("Backup and export", parent)
        self._controller = controller
        self._now = now
        self.work = Work.IDLE
        self.task: BackgroundTask | None = None
        self.dialog: QDialog | None = None  # the one dialog of this section that is open
        self.restore_choice: RestoreChoice | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(INTRO))
        buttons = QWidget()  # the buttons wrap onto a second line in a narrow window
        row = FlowLayout(buttons, spacing=8)
        self.backup_button = QPushButton("&Make a backup…")
        self.backup_button.setAccessibleName("Make a backup")
        self.backup_button.setAccessibleDescription("Save an encrypted file with everything")
        self.backup_button.clicked.connect(self.choose_backup_file)
        row.add(self.backup_button)
        self.restore_button = QPushButton("Res&tore from a backup…")
        self.restore_button.setAccessibleName("Restore from a backup")
        self.restore_button.setAccessibleDescription(
            "Bring back what a backup holds; says what will change and asks first"
        )
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        row.add(self.restore_button)
        layout.addWidget(buttons)
        self.snapshots_link = QLabel(SNAPSHOTS_LINK)  # our own words only: rich text is safe
        self.snapshots_link.setWordWrap(True)
        self.snapshots_link.setAccessibleName("Go to Snapshots")
        self.snapshots_link.setTextFormat(Qt.TextFormat.RichText)
        self.snapshots_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.snapshots_link.linkActivated.connect(lambda _link: self.show_snapshots())
        layout.addWidget(self.snapshots_link)

        layout.addSpacing(8)
        layout.addWidget(caption("Readable export"))
        layout.addWidget(wrapped_label(EXPORT_INTRO))
        export_controls = QWidget()
        export_row = FlowLayout(export_controls, spacing=8)
        self.format_box = QComboBox()
        for key, words in FORMAT_WORDS.items():
            self.format_box.addItem(words, key)
        self.format_box.setAccessibleName("Export format")
        export_row.add(self.format_box)
        self.export_button = QPushButton("E&xport readable files…")
        self.export_button.setAccessibleName("Export readable files")
        self.export_button.setAccessibleDescription("Not encrypted; asks first")
        self.export_button.clicked.connect(self.confirm_export)
        export_row.add(self.export_button)
        layout.addWidget(export_controls)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: scrypt says nothing of how far it is
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Working")
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.hint = quiet_label("")
        self.hint.setAccessibleName("Backup hint")
        layout.addWidget(self.hint)
        self.status = wrapped_label("")
        self.status.setAccessibleName("Backup status")
        self.status.hide()
        layout.addWidget(self.status)
        controller.state_changed.connect(self.refresh)
        self.refresh()

    # ---- state --------------------------------------------------------------------------

    def refresh(self, _state: object = None) -> None:
        unlocked = self._controller.state == VaultState.UNLOCKED
        idle = self.work == Work.IDLE
        for button in (self.backup_button, self.restore_button, self.export_button):
            button.setEnabled(unlocked and idle)
        self.format_box.setEnabled(unlocked and idle)
        self.hint.setText("" if unlocked else NEEDS_UNLOCK)
        self.hint.setVisible(not unlocked)
        if not unlocked:  # locking forgets: the backup's records and any open question
            self.restore_choice = None
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.reject()
            self.dialog = None

    def _say(self, words: str) -> None:
        self.status.setText(words)
        self.status.setVisible(bool(words))

    def _begin(self, work: Work, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.work = work
        self.progress.show()
        self._say(BUSY_WORDS[work])
        self.refresh()

        def finished(result: Any) -> None:
            self._end()
            done(result)

        self.task = BackgroundTask(job, finished, self._failed)
        self.task.start()

    def _end(self) -> None:
        self.work = Work.IDLE
        self.progress.hide()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._end()
        message = getattr(error, "message", None)
        if message is None:
            raise error  # a bug: the app's error reporter shows and logs it
        self._say(message)

    def _open_dialog(self, dialog: QDialog) -> None:
        # The next step's dialog opens from the last one's signal, while that one is
        # still closing itself: it is only replaced here, never closed.
        self.dialog = dialog
        # A closed dialog is deleted a moment later: let go of it as it closes, so that
        # ``refresh`` never touches a deleted one.
        dialog.finished.connect(lambda _result: self._let_go(dialog))
        dialog.open()

    def _let_go(self, dialog: QDialog) -> None:
        if self.dialog is dialog:  # not the next step's, opened while this one closed
            self.dialog = None

    # ---- making a backup ----------------------------------------------------------------

    def choose_backup_file(self) -> None:
        from reconnect_gui.ui.widgets.file_dialogs import save_file_dialog

        dialog = save_file_dialog(
            self,
            "Save the backup",
            backup_file_name(self._now()),
            "Reconnect backups (*.age)",
            "age",
            note="The backup is encrypted. Somewhere away from this computer is best.",
        )
        dialog.fileSelected.connect(lambda name: self.ask_new_passphrase(Path(name)))
        self._open_dialog(dialog)

    def ask_new_passphrase(self, path: Path) -> None:
        dialog = BackupPassphraseDialog(new=True, parent=self)
        dialog.chosen.connect(lambda passphrase: self.start_backup(path, passphrase))
        dialog.finished.connect(dialog.deleteLater)
        self._open_dialog(dialog)

    def start_backup(self, path: Path, passphrase: str) -> None:
        vault = self._controller.vault
        if vault is None or self.work != Work.IDLE:
            return
        exported_at = self._now()

        def make() -> BackupMade:
            from reconnect_gui.storage.backup_worker import seal_in_child
            from reconnect_gui.storage.export import document_bytes, export_document

            records, damaged = vault.records()
            document = export_document(records, vault_id=vault.vault_id, exported_at=exported_at)
            seal_in_child(path, document_bytes(document), passphrase)
            return BackupMade(path, len(records), len(damaged))

        self._begin(Work.BACKING_UP, make, self._backup_made)

    def _backup_made(self, made: BackupMade) -> None:
        words = (
            f"Your backup is saved as {made.path.name} ({_count(made.records, 'record')}). "
            "It opens only with the passphrase you just chose, so keep that safe too."
        )
        if made.damaged:
            words += (
                f" {_count(made.damaged, 'record')} could not be read from your vault and "
                "are not in it: see Snapshots below."
            )
        self._say(words)

    # ---- restoring ----------------------------------------------------------------------

    def choose_backup_to_restore(self) -> None:
        from reconnect_gui.ui.widgets.file_dialogs import forget_the_places_chosen

        dialog = QFileDialog(self, "Choose a backup to restore")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # see file_dialogs.py
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(["Reconnect backups (*.age)", "All files (*)"])
        dialog.setDirectory(str(Path.home()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(forget_the_places_chosen)
        dialog.fileSelected.connect(lambda name: self.ask_backup_passphrase(Path(name)))
        self._open_dialog(dialog)

    def ask_backup_passphrase(self, path: Path) -> None:
        dialog = BackupPassphraseDialog(new=False, parent=self)
        dialog.chosen.connect(lambda passphrase: self.start_reading_backup(path, passphrase))
        dialog.finished.connect(dialog.deleteLater)
        self._open_dialog(dialog)

    def start_reading_backup(self, path: Path, passphrase: str) -> None:
        if self._controller.vault is None or self.work != Work.IDLE:
            return

        def read() -> ExportDocument:
            from reconnect_gui.storage.backup_worker import open_in_child
            from reconnect_gui.storage.export import read_document

            return read_document(open_in_child(path, passphrase))

        self._begin(Work.READING_BACKUP, read, lambda document: self.offer_restore(path, document))

    def offer_restore(self, path: Path, document: ExportDocument, again: bool = False) -> None:
        """Say what each way of restoring would do, and ask (nothing changes before)."""
        from reconnect_gui.storage.restore_plan import merge_plan

        vault = self._controller.vault
        if vault is None:
            self._say(NEEDS_UNLOCK)
            return
        existing, damaged = vault.records()
        choice = self.restore_choice = RestoreChoice(
            path,
            document,
            merge_plan(existing, document.records, "merge", damaged),
            merge_plan(existing, document.records, "replace", damaged),
        )
        self._say("")
        lead = (
            "Something was saved while you were deciding, so nothing was restored yet. "
            if again
            else ""
        )
        ask = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore this backup?",
            f"{lead}The backup from {local_when(document.exported_at)} holds "
            f"{_count(len(document.records), 'record')}. Nothing changes until you choose.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        ask.setInformativeText(
            f"Add what is missing: {choice.merge.summary()} Your newer changes stay.\n\n"
            f"Replace: your vault becomes exactly the backup. {choice.replace.summary()} "
            "Snapshots below keeps today's earlier copy of your vault.\n\n"
            "Reconnect then locks for a moment and opens your vault again."
        )
        merge_button = ask.addButton("&Add what is missing", QMessageBox.ButtonRole.AcceptRole)
        replace_button = ask.addButton(
            "Re&place with the backup", QMessageBox.ButtonRole.DestructiveRole
        )
        ask.setDefaultButton(QMessageBox.StandardButton.Cancel)
        merge_button.clicked.connect(lambda: self.apply_restore("merge"))
        replace_button.clicked.connect(lambda: self.apply_restore("replace"))
        ask.finished.connect(ask.deleteLater)
        self._open_dialog(ask)

    def apply_restore(self, mode: Literal["merge", "replace"]) -> None:
        from reconnect_gui.storage.vault import RestoreRaced

        choice, self.restore_choice = self.restore_choice, None
        vault = self._controller.vault
        if choice is None or vault is None:
            return
        plan = choice.merge if mode == "merge" else choice.replace
        try:
            vault.apply_restore(plan)
        except RestoreRaced:
            self.offer_restore(choice.path, choice.document, again=True)
            return
        except Exception as error:  # a VaultError's sentence, or a bug for the reporter
            self._failed(error)
            return
        self._say(f"Restored from {choice.path.name}. {plan.summary()}")
        # Every pane reads the vault afresh, as after going back to a daily copy.
        self._controller.lock()
        self._controller.start()

    # ---- the readable export ------------------------------------------------------------

    def confirm_export(self) -> None:
        ask = QMessageBox(
            QMessageBox.Icon.Warning,
            "Export readable files?",
            "These files are not encrypted.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        ask.setInformativeText(EXPORT_WARNING)
        go = ask.addButton("E&xport readable files", QMessageBox.ButtonRole.AcceptRole)
        ask.setDefaultButton(QMessageBox.StandardButton.Cancel)
        go.clicked.connect(self.choose_export_folder)
        ask.finished.connect(ask.deleteLater)
        self._open_dialog(ask)

    def choose_export_folder(self) -> None:
        from reconnect_gui.ui.widgets.file_dialogs import forget_the_places_chosen

        dialog = QFileDialog(self, "Choose an empty folder for the export")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setDirectory(str(Path.home()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(forget_the_places_chosen)
        dialog.fileSelected.connect(lambda name: self.start_export(Path(name)))
        self._open_dialog(dialog)

    def start_export(self, folder: Path, fmt: ExportFormat | None = None) -> None:
        vault = self._controller.vault
        if vault is None or self.work != Work.IDLE:
            return
        chosen: ExportFormat = fmt or self.format_box.currentData()
        moment = self._now()

        def export() -> tuple[list[Path], int]:
            from reconnect_gui.storage.plain_export import write_plain_export

            records, damaged = vault.records()
            written = write_plain_export(
                records,
                folder,
                chosen,
                vault_id=vault.vault_id,
                exported_at=moment,
                tz=_local_zone(moment),
            )
            return written, len(damaged)

        self._begin(Work.EXPORTING, export, lambda result: self._exported(folder, *result))

    def _exported(self, folder: Path, written: list[Path], damaged: int) -> None:
        words = (
            f"{_count(len(written), 'file')} written to {folder}. They are not encrypted: "
            "delete them once you no longer need them."
        )
        if damaged:
            words += f" {_count(damaged, 'record')} could not be read and are not in them."
        self._say(words)

    # ---- the daily copies ---------------------------------------------------------------

    def show_snapshots(self) -> None:
        """Bring Settings → Snapshots into view and put the keyboard there."""
        from reconnect_gui.ui.settings.snapshots_section import SnapshotsSection

        window = self.window()
        target = window.findChild(SnapshotsSection) if window is not None else None
        if target is None:
            return
        parent = target.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(target, 0, 40)
        target.copies.setFocus(Qt.FocusReason.OtherFocusReason)


def _local_zone(moment: datetime) -> tzinfo:
    """This computer's zone at ``moment`` (the dates shown in the Markdown files)."""
    zone = moment.astimezone().tzinfo
    return zone if zone is not None else UTC


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
