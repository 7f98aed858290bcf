"""The drafting pane: one careful text or letter, checked gently as it is written.

Drafts live in the vault (``storage.draft_store``), one record each, with versions and a
"sleep on it" cool-off (``core.drafts.draft``). This module holds the pane together: which page
shows (locked, a problem, the welcome, or a draft), the user's drafts (open, new, delete
with undo), and the dialogs. The parts:

- ``DraftsColumn`` (draft_list): the drafts, newest first, and the buttons around them;
- ``DraftEditor`` (draft_editor): the open draft's title, kind, words, verdict banner,
  notes, length line and the way out;
- ``OpenDraft`` (open_draft): the open draft's autosave and live tone checks;
- ``core.drafts.words``: every sentence the pane shows about a draft.

The app never sends: "Copy to clipboard" is the only way out, and it asks first when the
verdict is not "ready" yet. ``copied`` carries the text that went to the clipboard; the
``ClipboardGuard`` the app passes in (clipboard_guard) clears it again after a while.

Every keystroke reaches the vault: autosave is debounced, flushed when the user switches
drafts or panes, and flushed on the controller's ``locking`` signal, before everything
here is cleared. If the vault refuses that last save (a full disk, a busy file), the
draft is kept in memory only and goes back into the editor after unlocking, with one
sentence saying so, while the autosave tries again.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QStackedWidget, QWidget

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.countdown.contact_log import ContactEntry
from reconnect_gui.core.countdown.moments import local_zone_name
from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.drafts import draft as core_drafts
from reconnect_gui.core.drafts.context import check_context
from reconnect_gui.core.drafts.draft import Draft
from reconnect_gui.core.drafts.words import copy_warning, kept_at_lock_words
from reconnect_gui.core.tone.report import Context, Finding, Report
from reconnect_gui.storage import countdown_store, draft_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.draft.clipboard_guard import ClipboardGuard, clearing_words, copied_words
from reconnect_gui.ui.draft.drafts_column import KIND_WORDS, DraftsColumn
from reconnect_gui.ui.draft.editor import DraftEditor
from reconnect_gui.ui.draft.open_draft import OpenDraft
from reconnect_gui.ui.draft.pages import HEADING, MARGINS, WelcomePage
from reconnect_gui.ui.draft.templates import ExampleDialog
from reconnect_gui.ui.draft.versions import VersionsDialog
from reconnect_gui.ui.vault.bound_pane import VaultBoundPane
from reconnect_gui.ui.vault.controller import VaultState
from reconnect_gui.ui.widgets.dialog_slot import DialogSlot
from reconnect_gui.ui.widgets.labels import MessagePage
from reconnect_gui.ui.widgets.secret_clipboard import copy_secret
from reconnect_gui.ui.widgets.theme import is_dark

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault
    from reconnect_gui.ui.vault.controller import VaultController

MINUTE_MS = 60_000  # the cool-off line counts down while the pane is on screen
PROBLEM_PAGE, WORK_PAGE = 1, 2  # after the state page (STATE_PAGE)
WELCOME, EDITOR = range(2)  # inside the work page: no drafts yet, or the open draft
NARROW_WIDTH = 720  # px of the editor side; below it the notes go under the editor
STATE_WORDS = {
    VaultState.LOCKED: "Locked. Unlock Reconnect to see your drafts.",
    VaultState.NEEDS_SETUP: "Once your private vault is set up, you can write drafts here.",
}


class DraftPane(VaultBoundPane):
    # The text just put on the clipboard: the hook for clearing it again later (only if
    # the clipboard still holds exactly this text).
    copied = Signal(str)

    def __init__(
        self,
        controller: VaultController,
        now: Clock = system_clock,
        parent: QWidget | None = None,
        clipboard_guard: ClipboardGuard | None = None,
    ) -> None:
        super().__init__(controller, MessagePage(HEADING, MARGINS), STATE_WORDS, parent)
        self.setObjectName("pane-draft")
        self.setAccessibleName("Draft")
        self._now = now
        self._clipboard_guard = clipboard_guard  # None: a copy stays until replaced
        self.drafts: list[Draft] = []
        self.deleted: Draft | None = None  # the last deleted draft, for "Undo"
        self._dialogs = DialogSlot()
        self._kept: Draft | None = None  # unsaved at the last lock: in memory, out of sight
        self._reopen_id: str | None = None  # the draft to show again after unlocking
        self._plan: Plan | None = None
        self._contacts: list[ContactEntry] = []
        self._zone = "UTC"
        self._dark = is_dark(self.palette())

        self.problem_page = MessagePage(HEADING, MARGINS)
        self.pages.addWidget(self.problem_page)
        self.pages.addWidget(self._work_page())

        session = self.session = OpenDraft(
            self.editor_side, lambda: self._vault, now, self.context, self
        )
        session.retitled.connect(self.list_column.refresh)
        session.saved.connect(self._saved)
        self.check_debouncer, self.save_debouncer = session.check_debouncer, session.save_debouncer
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(session.update_banner)

        self._set_tab_order()
        new_shortcut = QShortcut(
            QKeySequence("Ctrl+N"),
            self,
            context=Qt.ShortcutContext.WindowShortcut,  # hidden panes never take it
        )
        new_shortcut.activated.connect(self.ask_new_draft_kind)
        self.editor_side.set_dark(self._dark)
        self.watch_vault()
        if clipboard_guard is not None:
            clipboard_guard.cleared.connect(self._clipboard_cleared)

    def _work_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        column = self.list_column = DraftsColumn(self._now)
        column.picked.connect(self.open_draft)
        column.new_requested.connect(self.new_draft)  # the kind chosen in its menu
        column.example_requested.connect(self.choose_example)
        column.delete_requested.connect(self.delete_current)
        column.undo_requested.connect(self.undo_delete)
        row.addWidget(column)
        welcome = self.welcome = WelcomePage()
        welcome.new_requested.connect(self.new_draft)
        welcome.example_requested.connect(self.choose_example)
        side = self.editor_side = DraftEditor(self._dark)
        side.findings.cards_added.connect(self._set_tab_order)
        side.versions_button.clicked.connect(self.show_versions)
        side.copy_button.clicked.connect(self.copy_to_clipboard)
        self.side = QStackedWidget()
        self.side.addWidget(welcome)
        self.side.addWidget(side)
        row.addWidget(self.side, 1)
        return page

    def _set_tab_order(self) -> None:
        """Drafts, then the draft's title and kind, its words, the notes, the way out."""
        chain = (*self.list_column.tab_chain(), *self.editor_side.tab_chain())
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- the open draft and its latest check --------------------------------------------

    @property
    def draft(self) -> Draft | None:
        return self.session.draft

    @property
    def dialog(self) -> QWidget | None:
        """The one dialog this pane has open (examples, copy question, versions)."""
        return self._dialogs.dialog

    @property
    def report(self) -> Report | None:
        return self.editor_side.report

    @property
    def shown_findings(self) -> tuple[Finding, ...]:
        return self.editor_side.shown_findings

    @property
    def banner_state(self) -> str:
        return self.editor_side.banner_state

    def update_banner(self) -> None:
        """The banner for the latest check and the cool-off as it stands now."""
        self.session.update_banner()

    def context(self) -> Context:
        """The situation the checker weighs: the countdown, a running wait, the hour."""
        return check_context(self._plan, self._contacts, self._now(), self._zone)

    # ---- the vault's state --------------------------------------------------------------

    def on_unlocked(self) -> None:
        self.reload()

    def before_lock(self) -> None:
        """The vault is about to close: the last keystrokes go in while it still can."""
        self.session.leave()
        # Words the vault refused just now (a full disk, say) stay in memory only, out of
        # sight, and go back into the editor after unlocking.
        self._kept = self.session.keep_unsaved() or self._kept  # or still from a lock before
        self._dialogs.close()

    def forget(self) -> None:
        """Drop every trace of the user's words from the widgets (``_kept`` stays hidden)."""
        self._minute.stop()
        self._dialogs.close()
        if self.draft is not None:  # a random id, nothing the user wrote
            self._reopen_id = self.draft.id
        self.session.close()
        self.drafts, self.deleted = [], None
        self._plan, self._contacts = None, []
        self.editor_side.forget()
        self.list_column.forget()
        self.welcome.forget()

    def reload(self, select: str | None = None) -> None:
        """Read the drafts (and the countdown, for the timing checks) and show them."""
        vault = self._vault
        if vault is None:
            return
        try:
            drafts, damaged = draft_store.load_drafts(vault)
        except VaultError as error:
            self.problem_page.message.setText(error.message)
            self.pages.setCurrentIndex(PROBLEM_PAGE)
            return  # words kept at the lock wait for a reload that works
        self._load_countdown(vault)
        kept, self._kept = self._kept, None
        stored = None
        if kept is not None:  # it replaces the stored one, or comes back if that is gone
            stored = next((d for d in drafts if d.id == kept.id), None)
            drafts = [kept if d is stored else d for d in drafts] if stored else [kept, *drafts]
            select = kept.id
        self.drafts = drafts
        self.list_column.show_damaged(len(damaged))
        self.list_column.show_drafts(drafts, self._zone)
        self.pages.setCurrentIndex(WORK_PAGE)
        wanted = select or (self.draft.id if self.draft else self._reopen_id)
        chosen = next((d for d in drafts if d.id == wanted), drafts[0] if drafts else None)
        if chosen is None:
            self._show_welcome()
        else:
            self.open_draft(chosen.id)
        if kept is not None:
            self.session.put_back(kept, stored, kept_at_lock_words(kept.display_title))

    def _load_countdown(self, vault: Vault) -> None:
        """The plan and contacts behind the timing checks; without them, no timing checks."""
        try:
            self._plan = countdown_store.load_plan(vault)
            self._contacts = countdown_store.load_contacts(vault)[0]
        except VaultError:
            self._plan, self._contacts = None, []
        self._zone = local_zone_name()

    # ---- opening, creating, deleting ----------------------------------------------------

    def _show_welcome(self) -> None:
        self.session.close()
        self.editor_side.set_text("")
        self.list_column.setVisible(bool(self.drafts))
        self.welcome.show_context(self.context())
        self.side.setCurrentIndex(WELCOME)
        self._minute.stop()

    def open_draft(self, draft_id: str) -> None:
        """Show the draft with ``draft_id`` (saving the one that was open)."""
        if self.draft is not None and self.draft.id == draft_id:
            self.list_column.select(draft_id)
            return
        self._leave_current()
        draft = next((d for d in self.drafts if d.id == draft_id), None)
        if draft is None:
            return
        self.list_column.select(draft_id)
        self.side.setCurrentIndex(EDITOR)
        self.session.open(draft)
        if self.isVisible():
            self._minute.start()

    def _leave_current(self) -> None:
        """Save the open draft; a blank one that never held words goes away quietly."""
        self.session.leave()
        draft = self.draft
        if draft is None or draft.body.strip() or draft.title or draft.versions:
            return
        vault = self._vault
        if vault is not None:
            try:
                draft_store.delete_draft(vault, draft.id)
            except VaultError:
                return
            self.drafts = [d for d in self.drafts if d.id != draft.id]
            self.list_column.remove(draft.id)
        self.session.close()

    def ask_new_draft_kind(self) -> None:
        """Ctrl+N: which kind of draft, asked as the "New draft" button asks it (the menu
        under it), or on the welcome page (no drafts yet) by its own three buttons."""
        if self._vault is None or self.list_column.ask_kind():
            return
        if self.side.currentWidget() is self.welcome:
            self.welcome.write_text_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def new_draft(self, kind: str | None = None, body: str = "") -> None:
        """Start a draft of ``kind`` (Ctrl+N: a text); a blank open draft is reused. A new
        draft never copies the last one's kind: the menu and the welcome ask for it."""
        vault = self._vault
        if vault is None:
            return
        kind = kind if kind in KIND_WORDS else "text"
        current = self.draft
        if (
            current is not None
            and not current.title
            and not current.body.strip()
            and not self.editor_side.editor.toPlainText().strip()
        ):
            self.editor_side.kind_buttons[kind].setChecked(True)  # switches the draft's kind too
            if body:
                self.editor_side.set_text(body, as_typing=True)
                self.session.save_now()
                self.session.run_check()
            self.editor_side.editor.setFocus()
            return
        draft = core_drafts.new_draft(kind, self._now(), body=body)
        try:
            draft_store.save_draft(vault, draft)
        except VaultError as error:
            QMessageBox.warning(self, "Not saved", f"{error.message}\n\nNo draft was added.")
            return
        self._leave_current()
        self.drafts.insert(0, draft)
        self.list_column.show_drafts(self.drafts, self._zone)
        self.list_column.hide_undo()
        self.deleted = None
        self.open_draft(draft.id)
        self.editor_side.editor.setFocus()

    def delete_current(self) -> None:
        """Delete the open draft at once; "Undo" brings it back until the next delete."""
        vault = self._vault
        if vault is None or self.draft is None:
            return
        self.session.leave()
        draft = self.draft
        try:
            draft_store.delete_draft(vault, draft.id)
        except VaultError as error:
            QMessageBox.warning(
                self, "Not deleted", f"{error.message}\n\nThe draft is still there."
            )
            return
        row = next((i for i, d in enumerate(self.drafts) if d.id == draft.id), 0)
        self.drafts = [d for d in self.drafts if d.id != draft.id]
        self.session.close()
        self.deleted = draft
        self.list_column.show_drafts(self.drafts, self._zone)
        self.list_column.show_undo(draft.display_title)
        if self.drafts:
            self.open_draft(self.drafts[min(row, len(self.drafts) - 1)].id)
        else:
            self._show_welcome()
        self.list_column.setVisible(True)  # keep "Undo" in reach even with no drafts left
        self.list_column.undo_button.setFocus()

    def undo_delete(self) -> None:
        vault, draft = self._vault, self.deleted
        if vault is None or draft is None:
            return
        try:
            draft_store.save_draft(vault, draft)
        except VaultError as error:
            QMessageBox.warning(self, "Not restored", error.message)
            return
        self.deleted = None
        self.list_column.hide_undo()
        self._leave_current()
        self.reload(select=draft.id)

    def _saved(self, draft: Draft) -> None:
        self.drafts = [draft if d.id == draft.id else d for d in self.drafts]
        self.list_column.refresh(draft)

    # ---- dialogs: examples, copying, versions -------------------------------------------

    def choose_example(self) -> None:
        """The starting points; the chosen one fills a blank draft or starts a new one."""
        name = self._plan.ex_name if self._plan is not None else ""
        dialog = ExampleDialog(name, parent=self)
        dialog.chosen.connect(lambda kind, body: self.new_draft(kind, body))
        self._dialogs.open(dialog)

    def copy_to_clipboard(self) -> None:
        """Copy the draft; when it is not ready yet, ask kindly first."""
        if self.draft is None:
            return
        self.check_debouncer.flush()
        self.save_debouncer.flush()
        text = self.editor_side.editor.toPlainText()
        if not text.strip():
            return
        side = self.editor_side
        if side.banner_state in ("ready", "empty"):
            self._copy(text)
            return
        left = self.session.cool_off_left()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Copy this draft?",
            copy_warning(side.banner_state, side.reasons, left, side.unfilled),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        copy = box.addButton("Copy anyway", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        copy.clicked.connect(lambda: self._copy(text))
        self._dialogs.open(box)

    def _copy(self, text: str) -> None:
        copy_secret(text)  # marked for clipboard managers to leave out of their history
        guard = self._clipboard_guard
        seconds = 0 if guard is None else guard.seconds
        if guard is not None:
            guard.watch(text)
        self.editor_side.set_saved(copied_words(seconds))
        saved_label = self.editor_side.saved_label
        saved_label.setToolTip(clearing_words(seconds))
        saved_label.setAccessibleDescription(clearing_words(seconds))
        self.copied.emit(text)

    def _clipboard_cleared(self) -> None:
        saved_label = self.editor_side.saved_label
        if saved_label.text().startswith("Copied"):  # not yet replaced by "Saving…"
            self.editor_side.set_saved("Clipboard cleared")
            saved_label.setToolTip("Reconnect took the copied draft off the clipboard.")

    def show_versions(self) -> None:
        if self.draft is None:
            return
        self.save_debouncer.flush()
        if not self.draft.versions:
            return
        dialog = VersionsDialog(self.draft, self._now(), self._zone, parent=self)
        dialog.restore_requested.connect(self.session.restore_version)
        self._dialogs.open(dialog)

    # ---- visibility, size, theme --------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        vault = self._vault
        if vault is not None and self.draft is not None:
            self._load_countdown(vault)  # the countdown may have moved on meanwhile
            self.session.run_check()
            self._minute.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.session.leave()
        self._minute.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Notes beside the editor when there is room, under it in a narrow window."""
        super().resizeEvent(event)
        list_width = self.list_column.fit_width(self.width())
        self.editor_side.set_narrow(self.width() - list_width < NARROW_WIDTH)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and is_dark(self.palette()) != self._dark:
            self._dark = is_dark(self.palette())
            self.editor_side.set_dark(self._dark)
