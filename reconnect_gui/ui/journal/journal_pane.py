"""The journal pane: private entries, unsent letters and reflections, found again in a moment.

Entries live in the vault (``storage.journal_store``), one record each. This module holds
the pane together: which page shows (locked, opening, a problem, or the journal), the
open entry (new, open, trash with undo, restore, export) and the three tabs beside the
list. The parts:

- ``JournalLibrary`` (journal_library): every entry, read off the UI thread, searchable;
- ``JournalColumn`` (journal_column): "New entry", search and filters, the list, Undo;
- ``JournalEditor`` and ``OpenEntry``: the open entry and its autosave;
- ``PromptsPage`` (journal_prompts) and ``MoodChart`` (mood_chart): the other two tabs.

Every keystroke reaches the vault: autosave is debounced, flushed when the user opens
another entry or leaves the pane, and flushed on the controller's ``locking`` signal,
before everything here is cleared. If the vault refuses that last save, the entry is
kept in memory only and goes back into the editor after unlocking, with one sentence
saying so.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QWidget,
)

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.countdown.moments import local, local_zone_name
from reconnect_gui.core.journal.entry import EntryType, JournalEntry, days_left_in_trash, new_entry
from reconnect_gui.core.journal.prompts import Prompt
from reconnect_gui.core.journal.query import search_words
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.journal.column import JournalColumn, short_title
from reconnect_gui.ui.journal.dialogs import ExportFlow, ask_delete_for_good, exported_words
from reconnect_gui.ui.journal.library import VIEW_ALL, JournalLibrary, trash_words
from reconnect_gui.ui.journal.open_entry import OpenEntry, kept_words
from reconnect_gui.ui.journal.pages import (
    CHART_TAB,
    EDITOR,
    ENTRY_TAB,
    HEADING,
    MARGINS,
    PROMPTS_TAB,
    TEXT_WIDTH,
    WELCOME,
    EntryTabs,
)
from reconnect_gui.ui.vault.bound_pane import VaultBoundPane
from reconnect_gui.ui.vault.controller import VaultState
from reconnect_gui.ui.widgets.dialog_slot import DialogSlot
from reconnect_gui.ui.widgets.labels import MessagePage

if TYPE_CHECKING:
    from reconnect_gui.ui.vault.controller import VaultController

WORK_PAGE = 1  # after the state page (STATE_PAGE)
STATE_WORDS = {
    VaultState.LOCKED: "Locked. Unlock Reconnect to see your journal.",
    VaultState.NEEDS_SETUP: (
        "Once your private vault is set up, you can write in your journal here."
    ),
}
OPENING = "Opening your journal…"


class JournalPane(VaultBoundPane):
    entries_loaded = Signal()  # the journal is on screen (after each unlock)

    def __init__(
        self,
        controller: VaultController,
        now: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            controller, MessagePage(HEADING, MARGINS, text_width=TEXT_WIDTH), STATE_WORDS, parent
        )
        self.setObjectName("pane-journal")
        self.setAccessibleName("Journal")
        self._now = now
        self.trashed: JournalEntry | None = None  # the last entry moved to the trash (Undo)
        self._kept: JournalEntry | None = None  # unsaved at the last lock: memory only
        self._reopen_id: str | None = None
        self._dialogs = DialogSlot()
        self._view = VIEW_ALL  # the view the list showed last
        self.library = JournalLibrary(lambda: self._vault, now, local_zone_name(), self)
        self.library.loaded.connect(self._loaded)
        self.library.load_failed.connect(self.show_state)
        self._export = ExportFlow(self, self._dialogs, self.library.zone, self._exported)

        self.pages.addWidget(self._work_page())

        self.tabs.editor.zone = self.library.zone
        self.session = OpenEntry(self.tabs.editor, lambda: self._vault, self)
        self.session.saved.connect(self._saved)
        self.save_debouncer = self.session.save_debouncer
        chain = (*self.column.tab_chain(), self.tabs, *self.tabs.editor.tab_chain())
        for first, second in pairwise(chain):  # the list, then the entry, as one reads them
            QWidget.setTabOrder(first, second)
        for keys, action in (
            ("Ctrl+N", self.new_entry),
            ("Ctrl+F", self.column.filters.focus_search),
            ("Ctrl+P", self.show_prompts),
        ):
            shortcut = QShortcut(
                QKeySequence(keys),
                self,
                context=Qt.ShortcutContext.WindowShortcut,  # hidden panes never take it
            )
            shortcut.activated.connect(action)
        self.watch_vault()

    def _work_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        column = self.column = JournalColumn(self._now)
        column.picked.connect(self.open_entry)
        column.new_requested.connect(lambda: self.new_entry())
        column.delete_requested.connect(self.trash_current)
        column.undo_requested.connect(self.undo_trash)
        column.filters.changed.connect(self.refresh_list)
        row.addWidget(column)

        tabs = self.tabs = EntryTabs(self._now)
        tabs.welcome.new_requested.connect(lambda kind: self.new_entry(kind))
        tabs.welcome.prompt_requested.connect(self.answer_today)
        tabs.editor.trash_requested.connect(self.trash_current)
        tabs.editor.export_requested.connect(self.export_current)
        tabs.editor.restore_requested.connect(self.restore_current)
        tabs.editor.purge_requested.connect(self.purge_current)
        tabs.prompts.chosen.connect(self.answer_prompt)
        tabs.chart.day_clicked.connect(self.show_day)
        tabs.currentChanged.connect(self._tab_changed)
        row.addWidget(tabs, 1)
        return page

    # ---- the vault's state --------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self.library.is_loaded

    @property
    def dialog(self) -> QWidget | None:
        """The one dialog this pane has open (export, delete for good)."""
        return self._dialogs.dialog

    def today(self) -> date:
        return local(self._now(), self.library.zone).date()

    def on_unlocked(self) -> None:
        if not self.loaded:
            self.show_state(OPENING)
        # Once the pane is on screen: two threads both running Python would each wait
        # for the other (the GIL), so the widgets are built first, then the read runs.
        QTimer.singleShot(0, self.library, self.library.load)

    def before_lock(self) -> None:
        """The vault is about to close: the last keystrokes go in while it still can."""
        self.session.leave()
        # Words the vault refused just now stay in memory only, out of sight, and go
        # back into the editor after unlocking.
        self._kept = self.session.keep_unsaved() or self._kept
        self._dialogs.close()

    def forget(self) -> None:
        """Drop every trace of the user's words from the widgets (``_kept`` stays hidden)."""
        self._dialogs.close()
        if self._open_id():  # a random id, nothing the user wrote
            self._reopen_id = self._open_id()
        self.session.close()
        self.library.forget()
        self.trashed = None
        self._view = VIEW_ALL
        self.column.forget()
        self.tabs.forget()

    def _loaded(self) -> None:
        """The journal has been read: show it, and open the entry the user had open."""
        self.column.model.set_zone(self.library.zone)
        self.column.show_damaged(self.library.damaged)
        self._update_tags()
        self._update_prompts()
        self.refresh_list()
        self.pages.setCurrentIndex(WORK_PAGE)
        kept, self._kept = self._kept, None
        by_id = self.library.by_id
        if kept is not None:
            self._open(kept)
            stored = by_id.get(kept.id) if kept.id else None
            self.session.put_back(kept, stored, kept_words(kept.display_title))
            self.column.select(kept.id or None)
        elif self._reopen_id in by_id:
            self.open_entry(self._reopen_id)
        elif self.column.model.rowCount():
            self._open_row(0)
        else:
            self._show_welcome()
        if self.tabs.currentIndex() == CHART_TAB:
            self._feed_chart()
        self.library.warm_up()
        self.entries_loaded.emit()

    def _open_id(self) -> str | None:
        entry = self.session.entry
        return entry.id if entry is not None and entry.id else None

    # ---- the list -----------------------------------------------------------------------

    def refresh_list(self, *, follow: bool = True) -> None:
        """Show the entries the view, search and filters ask for, the words searched for
        marked in the list and in the open entry.

        ``follow``: the entry beside the list is always one the list shows. When the view,
        a search or a filter hides the open entry (saved first: nothing is lost), the first
        entry listed opens, or, when none is, the calm welcome. A save that moved the open
        entry (another day chosen) does not follow: it stays open where it is."""
        if not self.loaded:
            return
        today, view = self.today(), self.column.filters.view()
        query = self.column.filters.query(today)
        rows, notes = self.library.rows(view, query, today)
        words = search_words(query.text)
        self.column.model.set_entries(rows, notes, words)
        self.tabs.editor.mark_search(words)
        self.column.select(self._open_id())
        self.column.show_state(self.library.live_count())
        changed_view, self._view = view != self._view, view
        if follow:
            self._follow_list(changed_view)

    def _follow_list(self, changed_view: bool) -> None:
        """Never an entry the list hides beside it: the first one listed, or the welcome.
        A new entry not written in yet stays: no search or filter hides what is not there.
        Another view (the trash, On this day) opens its first entry."""
        entry = self.session.entry
        if entry is None:
            if changed_view and self.column.model.rowCount():
                self._open_row(0)
            return
        if entry.id and self.column.model.row_of(entry.id) >= 0:
            return
        self.session.leave()  # its words go in before it leaves the screen
        entry = self.session.entry
        if entry is None or not entry.id or self.column.model.row_of(entry.id) >= 0:
            return  # still blank, or saved just now into the list
        if self.column.model.rowCount():
            self._open_row(0)
        else:
            self._show_welcome()

    def _update_tags(self) -> None:
        counts = self.library.tag_counts()
        self.column.filters.set_tags(counts)
        self.tabs.editor.set_tag_counts(counts)

    def _update_prompts(self) -> None:
        self.tabs.prompts.set_history(self.library.prompt_history(), self.today())
        today = self.tabs.prompts.today_prompt
        self.tabs.welcome.show_prompt(today.text if today is not None else "")

    def _feed_chart(self) -> None:
        """The chart from the live entries' moods, the urges and the No-Contact plan."""
        if not self.loaded:
            return
        plan, urges = self.library.countdown()
        self.tabs.feed_chart(self.library.moods(), urges, plan, self.library.zone)

    # ---- opening, creating --------------------------------------------------------------

    def open_entry(self, entry_id: str) -> None:
        """Show the entry with ``entry_id`` (saving the one that was open)."""
        if self._open_id() == entry_id:
            self.column.select(entry_id)
            self.tabs.setCurrentIndex(ENTRY_TAB)
            return
        self.session.leave()
        entry = self.library.by_id.get(entry_id)
        if entry is not None:
            self._open(entry)
            self.column.select(entry_id)

    def _open_row(self, row: int) -> None:
        """Open the entry the list shows at ``row`` (nothing when there is no such row)."""
        entry = self.column.model.entry_at(row)
        if entry is not None:
            self.open_entry(entry.id)

    def _open(self, entry: JournalEntry) -> None:
        note = ""
        if entry.in_trash:
            days = days_left_in_trash(entry, self._now())
            note = f"This entry is in the trash. {trash_words(days)}, unless you restore it."
        self.session.open(entry, read_only=entry.in_trash, trash_note=note)
        self.tabs.entry_side.setCurrentIndex(EDITOR)
        self.tabs.setCurrentIndex(ENTRY_TAB)

    def _show_welcome(self) -> None:
        self.session.close()
        self.tabs.editor.forget()
        self.column.select(None)
        self.tabs.entry_side.setCurrentIndex(WELCOME)

    def new_entry_when_read(self) -> None:
        """Start an entry now, or as soon as the journal has been read (the tray asks for
        one right after unlocking, while the entries are still being read)."""
        if self.loaded:
            self.new_entry()
            return

        def once_read() -> None:
            self.entries_loaded.disconnect(once_read)
            self.new_entry()

        self.entries_loaded.connect(once_read)

    def new_entry(
        self, entry_type: EntryType = EntryType.ENTRY, prompt: Prompt | None = None
    ) -> None:
        """Start an entry (Ctrl+N); it is saved once it holds something."""
        if self._vault is None or not self.loaded:
            return
        self.session.leave()
        # The new entry must be one the list shows: no view, search or filter hides it.
        self.column.filters.set_view(VIEW_ALL)
        if self.column.filters.search.text() or self.column.filters.has_filters():
            self.column.clear_search_and_filters()
        entry = new_entry(
            self._now(),
            entry_type,
            prompt_id=prompt.id if prompt is not None else None,
            prompt_text=prompt.text if prompt is not None else "",
        )
        self._open(entry)
        self.column.select(None)
        self.tabs.editor.focus_body()

    def answer_prompt(self, prompt: Prompt) -> None:
        """Start a reflection on ``prompt``, shown above the words."""
        self.new_entry(EntryType.REFLECTION, prompt)

    def answer_today(self) -> None:
        if self.tabs.prompts.today_prompt is not None:
            self.answer_prompt(self.tabs.prompts.today_prompt)

    def show_prompts(self) -> None:
        """The prompts tab, today's prompt ready to answer (Ctrl+P)."""
        if self.loaded:
            self.tabs.setCurrentIndex(PROMPTS_TAB)
            self.tabs.prompts.focus_today()

    def show_day(self, day: date) -> None:
        """The entries of ``day`` (a day clicked in the chart), the newest one open."""
        self.column.filters.show_day(day)
        if self.column.model.rowCount():
            self._open_row(0)
        self.tabs.setCurrentIndex(ENTRY_TAB)
        self.column.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _saved(self, entry: JournalEntry) -> None:
        old = self.library.put(entry)
        if old is not None and old.when != entry.when:
            self.refresh_list(follow=False)  # another day chosen: its place in the list
        elif old is None:  # a new entry: in its place in the list, marked as open
            if self.column.filters.view() == VIEW_ALL:
                self.refresh_list(follow=False)
            self.column.select(entry.id)
            self.column.show_state(self.library.live_count())
        else:
            self.column.model.put(entry)
        if old is None or old.tags != entry.tags:
            self._update_tags()
        if entry.entry_type == EntryType.REFLECTION and (
            old is None or old.prompt_id != entry.prompt_id
        ):
            self._update_prompts()

    # ---- trash, undo, restore, export ---------------------------------------------------

    def trash_current(self) -> None:
        """Move the open entry to the trash at once; "Undo" is right there."""
        entry = self.session.entry
        if self._vault is None or entry is None or entry.in_trash:
            return
        self.session.leave()
        entry = self.session.entry  # as just saved: a new entry has its id now
        assert entry is not None  # leave() saves the open entry, it never closes it
        row = max(self.column.model.row_of(entry.id), 0)
        if not entry.id:  # never saved (still blank): nothing to keep
            self._after_removal(row)
            return
        try:
            trashed = self.library.trash(entry.id)
        except VaultError as error:
            QMessageBox.warning(self, "Not moved", f"{error.message}\n\nThe entry is still here.")
            return
        if trashed is None:
            return
        self.trashed = trashed
        self.column.model.remove(trashed.id)
        self.column.show_undo(trashed.display_title)
        self._after_removal(row)
        self._entries_changed(trashed)
        self.column.undo_button.setFocus()

    def undo_trash(self) -> None:
        """Bring back the entry just moved to the trash, open as it was."""
        entry = self.trashed
        restored = self._restore(entry.id) if entry is not None else None
        if restored is None:
            return
        self.trashed = None
        self.column.hide_undo()
        self.column.filters.set_view(VIEW_ALL)
        self.refresh_list()
        self.open_entry(restored.id)

    def restore_current(self) -> None:
        """Bring the open entry back from the trash."""
        entry = self.session.entry
        if entry is None or not entry.in_trash:
            return
        row = max(self.column.model.row_of(entry.id), 0)
        restored = self._restore(entry.id)
        if restored is None:
            return
        self.column.model.remove(restored.id)
        self.column.show_note(f"“{short_title(restored.display_title)}” is back in your journal.")
        self._after_removal(row)

    def _restore(self, entry_id: str) -> JournalEntry | None:
        try:
            restored = self.library.restore(entry_id)
        except VaultError as error:
            QMessageBox.warning(self, "Not restored", error.message)
            return None
        if restored is not None:
            self._entries_changed(restored)
        return restored

    def purge_current(self) -> None:
        """Delete the open trashed entry for good, after one clear question."""
        entry = self.session.entry
        if self._vault is None or entry is None or not entry.in_trash:
            return
        ask_delete_for_good(self, self._dialogs, lambda: self._purge(entry.id))

    def _purge(self, entry_id: str) -> None:
        try:
            self.library.purge(entry_id)
        except (VaultError, ValueError) as error:
            QMessageBox.warning(self, "Not deleted", getattr(error, "message", str(error)))
            return
        row = max(self.column.model.row_of(entry_id), 0)
        self.column.model.remove(entry_id)
        self._after_removal(row)

    def _after_removal(self, row: int) -> None:
        """After the open entry left the list: open its neighbour, or the welcome."""
        self.session.close()
        self.column.show_state(self.library.live_count())
        count = self.column.model.rowCount()
        if count:
            self._open_row(min(row, count - 1))
        else:
            self._show_welcome()

    def _entries_changed(self, entry: JournalEntry) -> None:
        """An entry left or came back: tags in use and (for a reflection) prompts follow."""
        if entry.tags:
            self._update_tags()
        if entry.prompt_id:
            self._update_prompts()

    def export_current(self) -> None:
        """The open entry as plain Markdown, after the same warning as the full export."""
        self.session.leave()
        if self._vault is not None and self.session.entry is not None:
            self._export.start(self.session.entry)

    def _exported(self, path: Path) -> None:
        self.tabs.editor.show_notice(exported_words(path))

    # ---- tabs, visibility, size ---------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == CHART_TAB:
            self.session.leave()
            self._feed_chart()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Entries written elsewhere meanwhile (an SOS letter, the command line) come in.
        if self.library.sync(skip=self._open_id()):
            self._update_tags()
            self._update_prompts()
            self.refresh_list()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.session.leave()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.column.fit_width(self.width())
