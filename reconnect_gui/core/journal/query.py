"""Finding journal entries: search as you type, filters, "On this day", tags, word counts.

Works on ``JournalEntry`` values; nothing here reads the vault.

Search ignores case and accents ("cafe" finds "Café", "strasse" finds "Straße", "ﬁle"
finds "file"; see ``fold``). Several words must all appear, in any order, across the
title and the body. ``SearchIndex`` keeps each entry's folded text (keyed by id and
``updated``), so a keystroke only scans prepared strings: 4-12 ms for 10,000 entries of
1.3 KB on a slow 2-core machine. Folding them all once takes about 0.1 s for plain ASCII
text and 0.5 s for accented text, so the pane warms the index in slices (``prepare``)
after opening. The index holds decrypted words: ``clear()`` it when the vault locks.

Dates are the user's calendar days: a range or "On this day" is read in the zone given.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from reconnect_gui.core.journal.entry import EntryType, JournalEntry
from reconnect_gui.core.journal.folding import fold as fold


def search_words(text: str) -> tuple[str, ...]:
    """The folded words of what the user typed; empty when there is nothing to find."""
    return tuple(dict.fromkeys(fold(text).split()))


def match_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the folded search ``words`` appear in ``text``, as (start, end) positions of
    ``text`` itself, in order, overlaps joined: what the list and the editor mark.

    Folding can change a text's length ("ß" becomes "ss", "é" may lose its accent), so
    ``text`` is folded one character at a time, remembering which character each folded
    letter came from."""
    words = [w for w in words if w]
    if not words or not text:
        return []
    if text.isascii():
        folded, owners = text.lower(), None
    else:
        pieces, owner_list = [], []
        for position, character in enumerate(text):
            piece = fold(character)
            pieces.append(piece)
            owner_list.extend([position] * len(piece))
        folded, owners = "".join(pieces), owner_list
    spans = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            end = start + len(word)
            if owners is None:
                spans.append((start, end))
            else:
                spans.append((owners[start], owners[end - 1] + 1))
            start = folded.find(word, start + 1)  # overlapping matches too: joined below
    spans.sort()
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


# --- filters -----------------------------------------------------------------------------

SHOW_LIVE, SHOW_TRASH, SHOW_ALL = "live", "trash", "all"


@dataclass(frozen=True)
class JournalFilter:
    """What the list shows. Empty fields filter nothing; set fields combine (AND).

    ``text``: words that must all appear in the title or body (case and accents ignored).
    ``tags``: entries carrying *all* of them (case-insensitive); ``feelings`` likewise.
    ``moods`` and ``types``: entries with *any* of them (an entry has one of each).
    ``start``/``end``: calendar days in the user's zone, both inclusive, either open; an
    entry counts on the day it is about (``JournalEntry.when``).
    ``show``: live entries (the default), only the trash, or both."""

    text: str = ""
    tags: frozenset[str] = frozenset()
    moods: frozenset[int] = frozenset()
    types: frozenset[str] = frozenset()
    feelings: frozenset[str] = frozenset()
    start: date | None = None
    end: date | None = None
    show: str = SHOW_LIVE

    def __post_init__(self) -> None:
        if self.show not in (SHOW_LIVE, SHOW_TRASH, SHOW_ALL):
            raise ValueError(f"show must be {SHOW_LIVE!r}, {SHOW_TRASH!r} or {SHOW_ALL!r}")

    @property
    def is_empty(self) -> bool:
        """True when every live entry would be shown (no search, no filter)."""
        return self == JournalFilter()


def newest_first(entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """By the moment each is about (a back-dated entry by its chosen day), newest first;
    ties broken by the time of writing, then the id, so the order is stable."""
    return sorted(entries, key=_order_key, reverse=True)


_OrderKey = tuple[datetime, datetime, str]


def _order_key(entry: JournalEntry) -> _OrderKey:
    return (entry.when, entry.created, entry.id)


def day_bounds(start: date | None, end: date | None, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants [from, until) covering the calendar days ``start``..``end``
    in ``zone``; an open end reaches as far as a datetime can."""
    low = datetime.min.replace(tzinfo=UTC) if start is None else _midnight(start, zone)
    if end is None or end >= date.max:
        high = datetime.max.replace(tzinfo=UTC)
    else:
        high = _midnight(end + timedelta(days=1), zone)
    return low, high


def _midnight(day: date, zone: tzinfo) -> datetime:
    # fold=0 picks the first midnight of a repeated hour and, when a clock change skips
    # midnight, the instant the day actually starts.
    return datetime.combine(day, time(0), zone).astimezone(UTC)


_Row = tuple[JournalEntry, str, frozenset[str]]  # entry, folded title + body, folded tags


class SearchIndex:
    """The journal's entries newest first, each with its folded text, for filtering as
    the user types.

    Folding is cached per entry id and redone only when ``updated`` changes, so an
    autosave costs one entry's folding. Entries are folded on the first search (or ahead
    of it, in slices, with ``prepare``). A search that only adds letters to the last one
    looks only through the last one's results.
    """

    def __init__(self, entries: Iterable[JournalEntry] = ()) -> None:
        self._folded: dict[str, tuple[datetime, str, frozenset[str]]] = {}
        self._entries: list[JournalEntry] = []
        self._rows: list[_Row] | None = None  # aligned with _entries once all are folded
        # The last search (filters, zone, words, result), to narrow the next keystroke.
        self._last: tuple[JournalFilter, tzinfo, tuple[str, ...], list[_Row]] | None = None
        self.set_entries(entries)

    # Keeping the index current --------------------------------------------------------

    def set_entries(self, entries: Iterable[JournalEntry]) -> None:
        """Replace the whole list (after loading); unchanged entries keep their folding."""
        self._entries = newest_first(entries)
        ids = {e.id for e in self._entries}
        for gone in [i for i in self._folded if i not in ids]:
            del self._folded[gone]
        self._changed()

    def put(self, entry: JournalEntry) -> None:
        """Add an entry or replace the one with its id (after a save, trash or restore)."""
        # Fold it afresh: an edit shown before the vault stamps a new ``updated`` keeps the
        # old one, and the cache must not answer for words that changed.
        self._folded.pop(entry.id, None)
        entries = [e for e in self._entries if e.id != entry.id]
        position = _insert_position(entries, entry)
        entries.insert(position, entry)
        rows = self._rows
        self._entries = entries
        self._changed()
        if rows is not None:  # keep the folded rows: the next keystroke stays quick
            rows = [r for r in rows if r[0].id != entry.id]
            rows.insert(position, (entry, *self._fold(entry)))
            self._rows = rows

    def remove(self, entry_id: str) -> None:
        """Forget an entry (deleted for good, or purged)."""
        rows = self._rows
        self._entries = [e for e in self._entries if e.id != entry_id]
        self._folded.pop(entry_id, None)
        self._changed()
        if rows is not None:
            self._rows = [r for r in rows if r[0].id != entry_id]

    def clear(self) -> None:
        """Forget every entry and folded text (call when the vault locks)."""
        self._entries = []
        self._folded.clear()
        self._changed()

    def prepare(self, limit: int | None = None) -> bool:
        """Fold up to ``limit`` entries not folded yet (all when None); True when every
        entry is ready, so the pane can warm the index in idle slices after opening."""
        done = 0
        for entry in self._entries:
            cached = self._folded.get(entry.id)
            if cached is None or cached[0] != entry.updated:
                if limit is not None and done >= limit:
                    return False
                self._fold(entry)
                done += 1
        return True

    @property
    def entries(self) -> list[JournalEntry]:
        """Every entry (trashed ones too), newest first. Do not modify the list."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    # Searching ------------------------------------------------------------------------

    def filter(self, query: JournalFilter, zone: tzinfo) -> list[JournalEntry]:
        """The entries ``query`` keeps, newest first."""
        words = search_words(query.text)
        others = dataclasses.replace(query, text="")
        rows = self._all_rows()
        last = self._last
        if last is not None and last[:2] == (others, zone) and _narrows(last[2], words):
            rows = last[3]  # typing more letters: only the last results can still match
        else:
            rows = _filtered(rows, others, zone)
        if words:
            rows = _matching(rows, words)
        self._last = (others, zone, words, rows)
        return [row[0] for row in rows]

    def _all_rows(self) -> list[_Row]:
        if self._rows is None:
            self._rows = [(e, *self._fold(e)) for e in self._entries]
        return self._rows

    def _fold(self, entry: JournalEntry) -> tuple[str, frozenset[str]]:
        cached = self._folded.get(entry.id)
        if cached is None or cached[0] != entry.updated:
            # A newline between title and body: no word is found by gluing the two.
            cached = (
                entry.updated,
                fold(f"{entry.title}\n{entry.body}"),
                frozenset(fold(t) for t in entry.tags),
            )
            self._folded[entry.id] = cached
        return cached[1], cached[2]

    def _changed(self) -> None:
        self._rows = None
        self._last = None


def _insert_position(entries: list[JournalEntry], entry: JournalEntry) -> int:
    """Where ``entry`` goes in a newest-first list (binary search)."""
    key = _order_key(entry)
    low, high = 0, len(entries)
    while low < high:
        middle = (low + high) // 2
        if _order_key(entries[middle]) > key:
            low = middle + 1
        else:
            high = middle
    return low


def _narrows(before: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """True when every entry matching ``now`` also matched ``before``: each earlier word
    is still inside one of the new words ("wal" -> "walk", "walk" -> "walk sister")."""
    return all(any(old in new for new in now) for old in before)


def _filtered(rows: list[_Row], query: JournalFilter, zone: tzinfo) -> list[_Row]:
    """``rows`` that pass every filter except the text search."""
    found: Iterable[_Row] = rows
    if query.show == SHOW_LIVE:
        found = (r for r in found if r[0].deleted_at is None)
    elif query.show == SHOW_TRASH:
        found = (r for r in found if r[0].deleted_at is not None)
    if query.moods:
        found = (r for r in found if r[0].mood in query.moods)
    if query.types:
        found = (r for r in found if r[0].entry_type in query.types)
    if query.feelings:
        found = (r for r in found if query.feelings.issubset(r[0].feelings))
    if query.start is not None or query.end is not None:
        low, high = day_bounds(query.start, query.end, zone)
        found = (r for r in found if low <= r[0].when < high)
    if query.tags:
        wanted = frozenset(fold(t) for t in query.tags)
        found = (r for r in found if wanted <= r[2])
    return found if isinstance(found, list) else list(found)


def _matching(rows: list[_Row], words: tuple[str, ...]) -> list[_Row]:
    # One pass per word, longest first (it rules out most), each a plain comprehension:
    # faster than testing all words per row.
    for word in sorted(words, key=len, reverse=True):
        rows = [row for row in rows if word in row[1]]
    return rows


# --- "On this day" -----------------------------------------------------------------------


@dataclass(frozen=True)
class Memory:
    """Entries written on one earlier day, for the "On this day" view."""

    label: str  # "A week ago", "A month ago", "A year ago", "3 years ago"
    day: date
    entries: tuple[JournalEntry, ...]  # newest first


def memory_days(today: date, earliest_year: int = 1) -> list[tuple[str, date]]:
    """The earlier days "On this day" looks at, most recent first: a week ago, a month
    ago (when that date exists: 31 March has no month-ago day), then the same month and
    day in each earlier year down to ``earliest_year``.

    An entry from 29 February comes back on 28 February in years without a 29th (and
    only then, so it is never shown twice).
    """
    days = [("A week ago", today - timedelta(days=7))]
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    if year >= 1 and today.day <= calendar.monthrange(year, month)[1]:
        days.append(("A month ago", date(year, month, today.day)))
    leap_day_moves = (today.month, today.day) == (2, 28) and not calendar.isleap(today.year)
    for year in range(today.year - 1, max(earliest_year, 1) - 1, -1):
        back = today.year - year
        label = "A year ago" if back == 1 else f"{back} years ago"
        if (today.month, today.day) == (2, 29) and not calendar.isleap(year):
            continue  # that year's 28th was shown yesterday
        days.append((label, date(year, today.month, today.day)))
        if leap_day_moves and calendar.isleap(year):
            days.append((label, date(year, 2, 29)))
    return days


def on_this_day(entries: Iterable[JournalEntry], today: date, zone: tzinfo) -> list[Memory]:
    """Live entries from a week ago, a month ago and this date in earlier years (see
    ``memory_days``), grouped by day, most recent first; days without entries are left
    out. ``today`` is the user's local date; entries are placed by their local day."""
    by_day: dict[date, list[JournalEntry]] = {}
    for entry in entries:
        if entry.deleted_at is None:
            by_day.setdefault(entry.when.astimezone(zone).date(), []).append(entry)
    if not by_day:
        return []
    earliest = min(by_day).year
    return [
        Memory(label, day, tuple(newest_first(by_day[day])))
        for label, day in memory_days(today, earliest)
        if day in by_day
    ]


# --- tags, prompts and words ---------------------------------------------------------------


@dataclass(frozen=True)
class TagCount:
    tag: str  # the spelling used most recently
    count: int


def tag_counts(entries: Iterable[JournalEntry]) -> list[TagCount]:
    """Every tag on a live entry with how many entries carry it, most used first, then
    alphabetical. Spellings that differ only in case or accents count as one tag, shown
    as on the newest entry that uses it."""
    keys: dict[str, str] = {}  # spelling -> folded key (tags repeat: fold each once)
    newest: dict[str, tuple[_OrderKey, str]] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.deleted_at is not None:
            continue
        order = _order_key(entry)
        for tag in entry.tags:
            key = keys.get(tag)
            if key is None:
                key = keys[tag] = fold(tag)
            counts[key] = counts.get(key, 0) + 1
            if key not in newest or newest[key][0] < order:
                newest[key] = (order, tag)
    ordered = sorted(counts, key=lambda key: (-counts[key], key))
    return [TagCount(newest[key][1], counts[key]) for key in ordered]


def tag_suggestions(
    counts: Sequence[TagCount], typed: str, *, exclude: Iterable[str] = (), limit: int = 8
) -> list[str]:
    """Tags for the autocompletion list: those starting with ``typed`` first, then those
    containing it, each group most used first; tags already on the entry left out."""
    needle = fold(typed.strip())
    skip = {fold(t) for t in exclude}
    starts, contains = [], []
    for item in counts:
        key = fold(item.tag)
        if key in skip:
            continue
        if key.startswith(needle):
            starts.append(item.tag)
        elif needle in key:
            contains.append(item.tag)
    return (starts + contains)[: max(0, limit)]


def prompt_history(entries: Iterable[JournalEntry], zone: tzinfo) -> list[tuple[date, str]]:
    """(local day, prompt id) of every reflection that answers a prompt, trashed ones
    included (they were answered all the same): the ``history`` for prompt_of_the_day."""
    return [
        (e.created.astimezone(zone).date(), e.prompt_id)
        for e in entries
        if e.entry_type == EntryType.REFLECTION and e.prompt_id
    ]


# Han, Hiragana, Katakana, Hangul syllables: scripts written without spaces count one
# word per character, which is how word counts are usually given for them.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’\-][^\W{_CJK}]+)*")


def word_count(text: str) -> int:
    """Words in ``text``: "don't" and "self-worth" are one word each; Markdown marks,
    punctuation and emoji are not words."""
    return sum(1 for _ in _WORD.finditer(text))
