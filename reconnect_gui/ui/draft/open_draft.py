"""The open draft while it is written: synced from the editor, saved, checked, never lost.

``OpenDraft`` holds the one draft open in the ``DraftEditor``: it brings the editor's
words into it (``core.drafts.draft.edit``: versions and the cool-off follow), writes it to the
vault a moment after typing pauses (the save debouncer), and runs the tone check a moment
after that (the check debouncer), so typing never waits for either.

Saving, a refused save and the words kept over a lock follow the autosave every editor
shares (``ui.widgets.autosave``). A save applies what changed since the editor last
matched the vault to the draft as the vault holds it then (``draft_store.save_draft``):
another process (a restore from the command line) may have changed it meanwhile. When
the saved draft differs from the editor, the editor shows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reconnect_gui.core.drafts import draft as core_drafts
from reconnect_gui.core.drafts.draft import Draft
from reconnect_gui.core.drafts.tone_ignores import covering, ignore_for, ignored_findings
from reconnect_gui.core.drafts.words import meter_words
from reconnect_gui.core.tone.report import Context, Finding
from reconnect_gui.storage import draft_store
from reconnect_gui.ui.draft.editor import DraftEditor
from reconnect_gui.ui.widgets.autosave import Autosave
from reconnect_gui.ui.widgets.debounce import Debouncer

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

CHECK_DELAY_MS = 300  # a pause in typing this long runs the check...
CHECK_MAX_WAIT_MS = 1000  # ...and a long burst still gets one about every second
SAVE_DELAY_MS = 1200
SAVE_MAX_WAIT_MS = 5000


class OpenDraft(Autosave[Draft]):
    """The open draft: its words, its autosave and its checks. ``saved`` carries the Draft
    as just written to the vault."""

    retitled = Signal(object)  # the Draft, with a new title or kind (the list shows both)

    def __init__(
        self,
        view: DraftEditor,
        vault: Callable[[], Vault | None],
        now: Callable[[], datetime],
        context: Callable[[], Context],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(view, vault, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, parent)
        self.view = view
        self._now = now
        self._context = context
        self.check_debouncer = Debouncer(
            CHECK_DELAY_MS, self.run_check, self, max_wait_ms=CHECK_MAX_WAIT_MS
        )
        view.edited.connect(self._edited)
        view.title_edited.connect(self._title_edited)
        view.kind_chosen.connect(self._kind_chosen)
        view.findings.ignore_requested.connect(self.ignore_finding)
        view.findings.bring_back_requested.connect(self.bring_back)

    @property
    def draft(self) -> Draft | None:
        """The open draft, with the words as last synced from the editor."""
        return self.current

    @draft.setter
    def draft(self, draft: Draft | None) -> None:
        self.current = draft

    # ---- opening and closing ------------------------------------------------------------

    def open(self, draft: Draft) -> None:
        """Show ``draft`` (as stored in the vault) in the editor and check it."""
        self.draft = self.stored = draft
        self.view.show_draft(draft)
        self.run_check()

    def leave(self) -> None:
        self.check_debouncer.cancel()
        super().leave()

    def close(self) -> None:
        self.check_debouncer.cancel()
        super().close()
        self.clear_report()

    # ---- typing -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self.draft is None:
            return
        self.check_debouncer.poke()
        self.changed()

    def _title_edited(self, title: str) -> None:
        if self.draft is None:
            return
        self.draft = core_drafts.retitle(self.draft, title)
        self.retitled.emit(self.draft)
        self.save_debouncer.poke()

    def _kind_chosen(self, kind: str) -> None:
        if self.draft is None or kind == self.draft.kind:
            return
        self.draft = core_drafts.change_kind(self.draft, kind)
        self.retitled.emit(self.draft)
        self.check_debouncer.cancel()
        self.run_check()
        self.save_debouncer.poke()

    def sync(self) -> None:
        """Bring the editor's words into the draft (versions and cool-off follow ``edit``)."""
        if self.draft is not None:
            text = self.view.editor.toPlainText()
            self.draft = core_drafts.edit(self.draft, text, self._now())

    def restore_version(self, index: int) -> None:
        """Bring back version ``index``; what the editor held is kept as a version."""
        if self.draft is None:
            return
        self.save_debouncer.cancel()
        self.sync()
        self.draft = core_drafts.restore_version(self.draft, index, self._now())
        self.view.set_text(self.draft.body)
        self.save_now()
        self.run_check()

    # ---- saving -------------------------------------------------------------------------

    def _write(self, vault: Vault, record: Draft) -> Draft:
        saved = draft_store.save_draft(vault, record, base=self.stored)
        self._show_saved(saved, record)
        return saved

    def _show_saved(self, saved: Draft, written: Draft) -> None:
        """Where the saved draft differs from what the editor held (``written``), show
        it, so the next save cannot write the old words, title or kind back."""
        view = self.view
        if saved.body != written.body:
            view.set_text(saved.body)
            view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
        if saved.title != written.title:
            view.title_edit.setText(saved.title)
        if saved.kind != written.kind:
            view.show_kind(saved.kind)
        if (saved.body, saved.kind) != (written.body, written.kind):
            self.check_debouncer.poke()  # the notes were for the other words

    def _after_save(self, record: Draft) -> None:
        self.view.versions_button.setEnabled(bool(record.versions))

    # ---- checking -----------------------------------------------------------------------

    def run_check(self) -> None:
        """Check the open draft now and show the result (the debouncer calls this)."""
        if self.draft is None:
            return
        from reconnect_gui.core.tone import check

        self.sync()
        text, kind = self.view.editor.toPlainText(), self.draft.kind
        if not text.strip():
            self.clear_report()
            self.view.meter.setText(meter_words(kind, check("", kind).metrics, ""))
            return
        report = check(text, kind, self._context())
        self.view.show_report(report, text, self.draft.ignores, kind)
        self._show_ignored()
        self.update_banner()

    def clear_report(self) -> None:
        self.view.clear_report()
        self.update_banner()

    def update_banner(self) -> None:
        """The banner for the latest check and the cool-off as it stands now."""
        draft, view = self.draft, self.view
        view.update_banner(self.cool_off_left())
        view.versions_button.setEnabled(draft is not None and bool(draft.versions))
        view.copy_button.setEnabled(draft is not None and bool(view.checked_text.strip()))

    def cool_off_left(self) -> timedelta:
        if self.draft is None:
            return timedelta(0)
        return core_drafts.cool_off_remaining(self.draft, self._now())

    def ignore_finding(self, finding: Finding) -> None:
        """Set this one occurrence aside; it stays aside as the user types around it."""
        view = self.view
        if self.draft is None or view.report is None:
            return
        self.draft = core_drafts.add_ignore(self.draft, ignore_for(finding, view.checked_text))
        self._show_again()

    def bring_back(self, finding: Finding) -> None:
        """Show a note the user set aside again ("Bring back" under "Show ignored notes")."""
        view = self.view
        if self.draft is None or view.report is None:
            return
        taken_back = covering(finding, view.checked_text, self.draft.ignores)
        self.draft = core_drafts.remove_ignores(self.draft, taken_back)
        self._show_again()

    def _show_again(self) -> None:
        """The latest check shown again with the ignores as they are now, and saved."""
        view = self.view
        assert self.draft is not None and view.report is not None
        view.show_report(view.report, view.checked_text, self.draft.ignores, self.draft.kind)
        self._show_ignored()
        self.update_banner()
        self.save_now()

    def _show_ignored(self) -> None:
        view = self.view
        report, draft = view.report, self.draft
        if report is None or draft is None or report.support_note:
            view.findings.show_ignored((), "")
            return
        text = view.checked_text
        view.findings.show_ignored(ignored_findings(report.findings, text, draft.ignores), text)
