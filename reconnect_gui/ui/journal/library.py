"""The journal pane's copy of the entries: read from the vault, kept current, searched.

``JournalLibrary`` holds every entry of the unlocked vault (the trash too) in a
``core.journal.query.SearchIndex`` and does the pane's work in the vault: reading it all
off the UI thread when the journal opens, taking in what changed elsewhere, moving
entries to the trash and back. It holds no widgets: the pane shows what it answers.

It holds decrypted words, so the pane calls ``forget()`` when the vault locks; a read
still running then is dropped when it arrives.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from reconnect_gui.core.journal.entry import JournalEntry, days_left_in_trash, is_purge_due
from reconnect_gui.core.journal.query import (
    JournalFilter,
    SearchIndex,
    TagCount,
    on_this_day,
    prompt_history,
    tag_counts,
)
from reconnect_gui.core.wording import plural
from reconnect_gui.storage import countdown_store, journal_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.ui.widgets.background import BackgroundTask

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault

VIEW_ALL, VIEW_ON_THIS_DAY, VIEW_TRASH = "all", "on_this_day", "trash"
WARM_SLICE = 200  # entries folded for search per idle moment (about 10 ms)...
WARM_DELAY_MS = 300  # ...starting once the opened journal has been painted
REBUILD_AFTER = 20  # more changes than this from elsewhere: rebuild the index at once

Urges = list[tuple[datetime, int | None]]


def trash_words(days: int | None) -> str:
    """ "Deleted for good in 12 days", for the open entry in the trash."""
    if not days:
        return "Deleted for good today"
    return f"Deleted for good in {plural(days, 'day')}"


def days_left_words(days: int | None) -> str:
    """ "12 days left", for a row of the trash list (the column is narrow)."""
    if not days:
        return "Last day"
    return f"{plural(days, 'day')} left"


@dataclass
class Loaded:
    """What opening the journal reads, built off the UI thread."""

    index: SearchIndex
    damaged: int
    tags: list[TagCount] = field(default_factory=list)
    history: list[tuple[date, str]] = field(default_factory=list)  # prompts answered
    plan: Any = None  # the countdown plan: its start and slips go on the chart
    urges: Urges = field(default_factory=list)


def read_journal(vault: Vault, now: datetime, tz: ZoneInfo) -> Loaded:
    """Every entry (trash past its 30 days removed for good), the tags in use, the
    prompts answered, the plan and the urges: all the opening needs, off the UI thread."""
    # No cycle collection on this thread while ~100,000 objects are made: it runs on the
    # UI thread only (ui/shell/ui_thread_collector.py).
    entries, damaged = journal_store.load_entries(vault)
    if any(is_purge_due(e, now) for e in entries):
        purged = set(journal_store.purge_expired(vault, now))
        entries = [e for e in entries if e.id not in purged]
    loaded = Loaded(
        SearchIndex(entries), len(damaged), tag_counts(entries), prompt_history(entries, tz)
    )
    with contextlib.suppress(VaultError):  # the chart then shows moods without the marks
        loaded.plan, loaded.urges = read_countdown(vault)
    return loaded


def read_countdown(vault: Vault) -> tuple[Any, Urges]:
    plan = countdown_store.load_plan(vault)
    urges = [(u.at, u.intensity) for u in countdown_store.load_urges(vault)[0]]
    return plan, urges


class JournalLibrary(QObject):
    """Every entry of the unlocked vault, searchable, and the vault work on them."""

    loaded = Signal()  # a read finished and its entries are in
    load_failed = Signal(str)  # why the journal could not be read, in plain words

    def __init__(
        self,
        vault: Callable[[], Vault | None],
        now: Callable[[], datetime],
        zone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._now = now
        self.zone = zone
        self.index = SearchIndex()
        self.by_id: dict[str, JournalEntry] = {}
        self.damaged = 0
        self.plan: Any = None
        self.urges: Urges = []
        self.is_loaded = False
        # Counted once after each change, not on every keystroke or save.
        self._live: int | None = None
        self._tags: list[TagCount] | None = None
        self._history: list[tuple[date, str]] | None = None
        self._generation = 0  # a read started before a lock must not land after it
        self._task: BackgroundTask | None = None
        # The search index folds the entries' words in idle slices after opening, so the
        # first search is as quick as the next (``SearchIndex.prepare``).
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_slice)
        self._warm_start = QTimer(self)
        self._warm_start.setSingleShot(True)
        self._warm_start.setInterval(WARM_DELAY_MS)
        self._warm_start.timeout.connect(self._warm_timer.start)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    # ---- reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the whole journal off the UI thread; ``loaded`` says when it is in."""
        vault = self._vault()
        if vault is None:
            return
        self._generation += 1
        generation, now, tz = self._generation, self._now(), self.tz
        self._task = BackgroundTask(
            lambda: read_journal(vault, now, tz),
            lambda result: self._arrived(generation, result),
            lambda error: self._failed(generation, error),
        )
        self._task.start()

    def _arrived(self, generation: int, result: Loaded) -> None:
        if generation != self._generation or self._vault() is None:
            return  # locked (or read again) meanwhile: these words must not be used
        self.index = result.index
        self._live = None
        self._tags, self._history = result.tags, result.history
        self.by_id = {e.id: e for e in self.index.entries}
        self.damaged = result.damaged
        self.plan, self.urges = result.plan, result.urges
        self.is_loaded = True
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, VaultError):
            raise error
        self.load_failed.emit(error.message)

    def forget(self) -> None:
        """Drop every entry and folded word (the vault is locking)."""
        self._generation += 1
        self._warm_start.stop()
        self._warm_timer.stop()
        self.index.clear()
        self.index = SearchIndex()
        self._changed()
        self.by_id = {}
        self.plan, self.urges = None, []
        self.damaged = 0
        self.is_loaded = False

    def warm_up(self) -> None:
        """Get search ready in idle moments, starting once the list has been painted."""
        self._warm_start.start()

    def _warm_slice(self) -> None:
        if self.warm(WARM_SLICE):
            self._warm_timer.stop()

    def warm(self, limit: int | None) -> bool:
        """Fold up to ``limit`` more entries (all: None) for search; True once all are ready."""
        return self.index.prepare(limit)

    def sync(self, skip: str | None = None) -> bool:
        """Take in entries written elsewhere (an SOS letter, the command line); True when
        something changed. Only records whose time of change differs are parsed again, so
        coming back to the pane stays quick. ``skip``: the open entry, which is the
        editor's to save."""
        vault = self._vault()
        if vault is None or not self.is_loaded:
            return False
        try:
            records, _damaged = vault.records(JOURNAL_ENTRY)
        except VaultError:
            return False
        known = self.by_id
        changed = [
            journal_store.entry_of_record(r)
            for r in records
            if r.id != skip and (r.id not in known or known[r.id].updated != r.updated)
        ]
        ids = {r.id for r in records}
        gone = [i for i in known if i not in ids and i != skip]
        for entry in changed:
            known[entry.id] = entry
        for entry_id in gone:
            del known[entry_id]
        self._changed()
        if len(changed) + len(gone) > REBUILD_AFTER:
            self.index.set_entries(known.values())  # unchanged entries keep their folding
        else:
            for entry in changed:
                self.index.put(entry)
            for entry_id in gone:
                self.index.remove(entry_id)
        return bool(changed or gone)

    def countdown(self) -> tuple[Any, Urges]:
        """The plan and urges as the vault holds them now (they change in the countdown)."""
        vault = self._vault()
        if vault is not None:
            with contextlib.suppress(VaultError):
                self.plan, self.urges = read_countdown(vault)
        return self.plan, self.urges

    # ---- changing -----------------------------------------------------------------------

    def put(self, entry: JournalEntry) -> JournalEntry | None:
        """Take in an entry as the vault now holds it; returns what was there before."""
        old = self.by_id.get(entry.id)
        self.by_id[entry.id] = entry
        self.index.put(entry)
        self._changed()
        return old

    def trash(self, entry_id: str) -> JournalEntry | None:
        """Move an entry to the trash in the vault (VaultError when it could not)."""
        vault = self._vault()
        if vault is None:
            return None
        trashed = journal_store.trash_entry(vault, entry_id, self._now())
        if trashed is not None:
            self.put(trashed)
        return trashed

    def restore(self, entry_id: str) -> JournalEntry | None:
        """Bring an entry back from the trash (VaultError when it could not)."""
        vault = self._vault()
        if vault is None:
            return None
        restored = journal_store.restore_entry(vault, entry_id)
        if restored is not None:
            self.put(restored)
        return restored

    def purge(self, entry_id: str) -> None:
        """Delete a trashed entry for good (VaultError or ValueError when it could not)."""
        vault = self._vault()
        if vault is None:
            return
        journal_store.delete_for_good(vault, entry_id)
        self.by_id.pop(entry_id, None)
        self.index.remove(entry_id)
        self._changed()

    # ---- answering ----------------------------------------------------------------------

    def rows(
        self, view: str, query: JournalFilter, today: date
    ) -> tuple[list[JournalEntry], dict[str, str]]:
        """The entries a view shows for ``query``, and a few words for some rows."""
        tz = self.tz
        if view == VIEW_ON_THIS_DAY:
            allowed = None if query.is_empty else {e.id for e in self.index.filter(query, tz)}
            rows, notes = [], {}
            for memory in on_this_day(self.index.entries, today, tz):
                for entry in memory.entries:
                    if allowed is None or entry.id in allowed:
                        rows.append(entry)
                        notes[entry.id] = memory.label
            return rows, notes
        if view == VIEW_TRASH:
            now = self._now()
            rows = self.index.filter(query, tz)
            return rows, {e.id: days_left_words(days_left_in_trash(e, now)) for e in rows}
        if query.is_empty:  # no search or filter: no need to fold anything yet
            return [e for e in self.index.entries if not e.in_trash], {}
        return self.index.filter(query, tz), {}

    def _changed(self) -> None:
        self._live, self._tags, self._history = None, None, None

    def live_count(self) -> int:
        """Entries outside the trash (counted again only after a change)."""
        if self._live is None:
            self._live = sum(1 for e in self.index.entries if not e.in_trash)
        return self._live

    def tag_counts(self) -> list[TagCount]:
        if self._tags is None:
            self._tags = tag_counts(self.index.entries)
        return self._tags

    def prompt_history(self) -> list[tuple[date, str]]:
        if self._history is None:
            self._history = prompt_history(self.index.entries, self.tz)
        return self._history

    def moods(self) -> list[tuple[datetime, int]]:
        """(moment, mood) of every live entry with a mood, for the chart (a back-dated
        entry's mood on the day it is about)."""
        return [(e.when, e.mood) for e in self.index.entries if e.mood and not e.in_trash]
