"""A journal entry as the app sees it, and its shape inside a vault record.

Pure values: the vault stores ``entry_to_data()`` (or ``entry_data()`` for a new entry)
encrypted and hands it back to ``entry_from_record()``. Unknown fields written by a newer
version are kept, not dropped; odd values in known fields are read as their default.

Deleting an entry only moves it to the trash (``deleted_at`` is set); it stays there for
``TRASH_DAYS`` and can be restored until then, so a misclick never loses anything.

An entry can be about another day than the one it was written on (written on Friday about
Tuesday): ``dated`` holds that day, as its local noon in UTC, and ``created`` stays the
moment it was really written. Lists sort and filter by ``when`` (``dated`` or ``created``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from reconnect_gui.core.countdown.moments import local, moment_data, moment_from_data, utc_moment


class EntryType(StrEnum):
    """What kind of journal entry (the value is stored in the vault as "type")."""

    ENTRY = "entry"
    UNSENT_LETTER = "unsent_letter"  # words meant for them, never sent
    REFLECTION = "reflection"  # an answer to a guided prompt


ENTRY_TYPES = tuple(EntryType)
ENTRY_TYPE_WORDS = {
    EntryType.ENTRY: "Journal entry",
    EntryType.UNSENT_LETTER: "Unsent letter",
    EntryType.REFLECTION: "Reflection",
}
MOODS = (1, 2, 3, 4, 5)  # 1 = very low … 5 = very good
MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}

# Optional feelings beside the mood: stable ids (stored) and the words the app shows.
# Ordered heavy to light so a picker reads calmly from left to right.
FEELING_WORDS = {
    "lonely": "lonely",
    "sad": "sad",
    "hurt": "hurt",
    "angry": "angry",
    "anxious": "anxious",
    "confused": "confused",
    "numb": "numb",
    "tired": "tired",
    "missing_them": "missing them",
    "relieved": "relieved",
    "calm": "calm",
    "hopeful": "hopeful",
    "grateful": "grateful",
    "proud": "proud of myself",
}
FEELINGS = tuple(FEELING_WORDS)

TRASH_DAYS = 30  # an entry in the trash is deleted for good after this many days

_KNOWN_FIELDS = frozenset(
    {
        "title",
        "body",
        "mood",
        "tags",
        "type",
        "feelings",
        "prompt_id",
        "prompt",
        "deleted_at",
        "dated",
    }
)

_EDITABLE = frozenset(
    {"title", "body", "mood", "tags", "feelings", "entry_type", "prompt_id", "prompt_text", "dated"}
)
# A back-dated entry sits at noon of its day: the day stays the same when read in a
# zone up to eleven hours away (the person travelled, or the computer's zone changed).
DATED_HOUR = time(12)


# Light Markdown at the start of a line (headings, quotes, list marks) and paired emphasis.
_LINE_MARKS = re.compile(r"^(?:#{1,6}(?:\s+|$)|>\s*|[-*+]\s+|\d+[.)]\s+)+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def plain_line(line: str) -> str:
    """One line of the body as a list shows it: "# *Today*" reads "Today"."""
    return _EMPHASIS.sub(r"\2", _LINE_MARKS.sub("", line.strip())).strip()


@dataclass(frozen=True)
class JournalEntry:
    id: str  # "" until the vault has stored it (see journal_store.save_entry)
    title: str
    body: str
    created: datetime
    updated: datetime
    mood: int | None = None
    tags: tuple[str, ...] = ()
    entry_type: EntryType = EntryType.ENTRY
    extra: dict[str, Any] = field(default_factory=dict)  # fields from newer versions
    feelings: tuple[str, ...] = ()  # ids from FEELINGS, in FEELINGS order
    prompt_id: str | None = None  # the prompt a reflection answers (core/journal/prompts.py)
    prompt_text: str = ""  # that prompt's words as the user saw them, kept with the entry
    deleted_at: datetime | None = None  # set while the entry is in the trash
    dated: datetime | None = None  # the day it is about, when not the day it was written

    @property
    def when(self) -> datetime:
        """The moment the entry is about: its chosen day, else when it was written. Lists
        sort, filter and place it by this; ``created`` stays the moment it was written."""
        return self.dated if self.dated is not None else self.created

    @property
    def is_back_dated(self) -> bool:
        return self.dated is not None

    @property
    def display_title(self) -> str:
        """The title, or the first line of the body, or a gentle placeholder."""
        if self.title.strip():
            return self.title.strip()
        first_line = plain_line(self.body.strip().split("\n", 1)[0])
        return first_line[:80] or "Untitled entry"

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_unsent_letter(self) -> bool:
        """Letters written instead of sent. Their words must never be offered to the
        drafting pane (nothing in the app copies journal text into a draft)."""
        return self.entry_type == EntryType.UNSENT_LETTER


def _clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, without blanks, first spelling of each tag kept (case-insensitive)."""
    seen: dict[str, str] = {}
    for tag in tags:
        text = " ".join(str(tag).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())


_KNOWN_FEELINGS = frozenset(FEELINGS)


def _clean_feelings(feelings: tuple[str, ...] | list[str], *, strict: bool) -> tuple[str, ...]:
    if not feelings:  # most entries: reading 10,000 of them must stay cheap
        return ()
    chosen = set(feelings)
    unknown = chosen - _KNOWN_FEELINGS
    if unknown and strict:
        raise ValueError(f"Unknown feeling: {', '.join(sorted(map(str, unknown)))}.")
    return tuple(f for f in FEELINGS if f in chosen)


def _check(mood: int | None, entry_type: EntryType | str, prompt_id: str | None) -> None:
    if mood is not None and (isinstance(mood, bool) or mood not in MOODS):
        raise ValueError("Mood must be a number from 1 (very low) to 5 (very good).")
    if entry_type not in ENTRY_TYPES:
        raise ValueError(f"Entry type must be one of: {', '.join(ENTRY_TYPES)}.")
    if prompt_id is not None and (not isinstance(prompt_id, str) or not prompt_id):
        raise ValueError("A prompt id must be non-empty text.")


def entry_data(
    title: str,
    body: str,
    mood: int | None = None,
    tags: tuple[str, ...] | list[str] = (),
    entry_type: EntryType | str = EntryType.ENTRY,
    *,
    feelings: tuple[str, ...] | list[str] = (),
    prompt_id: str | None = None,
    prompt_text: str = "",
    dated: datetime | None = None,
) -> dict[str, Any]:
    """The dict stored (encrypted) for a new entry; validates what it is given.

    Optional fields are only written when set, so entries without them look exactly as
    they did before those fields existed."""
    _check(mood, entry_type, prompt_id)
    data: dict[str, Any] = {
        "title": title,
        "body": body,
        "mood": mood,
        "tags": list(_clean_tags(tags)),
        "type": entry_type,
    }
    clean_feelings = _clean_feelings(feelings, strict=True)
    if clean_feelings:
        data["feelings"] = list(clean_feelings)
    if prompt_id is not None:
        data["prompt_id"] = prompt_id
    if prompt_text:
        data["prompt"] = prompt_text
    if dated is not None:
        data["dated"] = moment_data(utc_moment(dated, "The day of an entry"))
    return data


def entry_to_data(entry: JournalEntry) -> dict[str, Any]:
    """The dict stored for ``entry`` (new or edited): its fields, the trash mark, and any
    fields a newer version wrote, so saving an entry never drops them."""
    data = {k: v for k, v in entry.extra.items() if k not in _KNOWN_FIELDS}
    data.update(
        entry_data(
            entry.title,
            entry.body,
            entry.mood,
            entry.tags,
            entry.entry_type,
            feelings=entry.feelings,
            prompt_id=entry.prompt_id,
            prompt_text=entry.prompt_text,
            dated=entry.dated,
        )
    )
    if entry.deleted_at is not None:
        data["deleted_at"] = moment_data(entry.deleted_at)
    return data


def entry_from_record(
    record_id: str, created: datetime, updated: datetime, data: dict[str, Any]
) -> JournalEntry:
    """Rebuild an entry from stored data, tolerating missing or odd fields."""
    mood = data.get("mood")
    tags = data.get("tags")
    entry_type = data.get("type")
    feelings = data.get("feelings")
    prompt_id = data.get("prompt_id")
    prompt_text = data.get("prompt")
    return JournalEntry(
        id=record_id,
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        created=created,
        updated=updated,
        mood=int(mood) if mood in MOODS and not isinstance(mood, bool) else None,
        tags=_clean_tags([t for t in tags if isinstance(t, str)]) if isinstance(tags, list) else (),
        entry_type=EntryType(entry_type) if entry_type in ENTRY_TYPES else EntryType.ENTRY,
        extra={k: v for k, v in data.items() if k not in _KNOWN_FIELDS},
        # Feelings this version does not know are dropped: the UI could not show them.
        feelings=_clean_feelings(
            [f for f in feelings if isinstance(f, str)] if isinstance(feelings, list) else [],
            strict=False,
        ),
        prompt_id=prompt_id if isinstance(prompt_id, str) and prompt_id else None,
        prompt_text=prompt_text if isinstance(prompt_text, str) else "",
        deleted_at=moment_from_data(data.get("deleted_at")),
        dated=moment_from_data(data.get("dated")),
    )


def new_entry(
    now: datetime,
    entry_type: EntryType | str = EntryType.ENTRY,
    *,
    title: str = "",
    body: str = "",
    prompt_id: str | None = None,
    prompt_text: str = "",
) -> JournalEntry:
    """A fresh, not yet stored entry (``id == ""``); the vault gives it an id and its
    own ``created``/``updated`` when it is first saved."""
    _check(None, entry_type, prompt_id)
    moment = utc_moment(now)
    return JournalEntry(
        id="",
        title=title,
        body=body,
        created=moment,
        updated=moment,
        entry_type=EntryType(entry_type),
        prompt_id=prompt_id,
        prompt_text=prompt_text,
    )


def edited(entry: JournalEntry, **changes: Any) -> JournalEntry:
    """``entry`` with some fields changed (title, body, mood, tags, feelings, entry_type,
    prompt_id, prompt_text, dated), checked and cleaned like ``entry_data`` does."""
    wrong = set(changes) - _EDITABLE
    if wrong:
        raise TypeError(f"These fields cannot be edited: {', '.join(sorted(wrong))}")
    result = dataclasses.replace(entry, **changes)
    _check(result.mood, result.entry_type, result.prompt_id)
    return dataclasses.replace(
        result,
        tags=_clean_tags(result.tags),
        feelings=_clean_feelings(result.feelings, strict=True),
        dated=None if result.dated is None else utc_moment(result.dated, "The day of an entry"),
    )


def entry_day(entry: JournalEntry, zone: str) -> date:
    """The calendar day the entry is about, in the zone ``zone``."""
    return local(entry.when, zone).date()


def dated_on(entry: JournalEntry, day: date, zone: str) -> JournalEntry:
    """``entry`` about ``day`` (a calendar day in ``zone``); the day it was written takes
    the mark away again, so only a real back-dating is stored."""
    if day == local(entry.created, zone).date():
        return dataclasses.replace(entry, dated=None)
    there = local(entry.created, zone).tzinfo
    return dataclasses.replace(entry, dated=utc_moment(datetime.combine(day, DATED_HOUR, there)))


# --- trash -------------------------------------------------------------------------------


def moved_to_trash(entry: JournalEntry, now: datetime) -> JournalEntry:
    """``entry`` marked as deleted at ``now``; an entry already in the trash keeps its
    first date, so deleting twice never extends its stay."""
    if entry.deleted_at is not None:
        return entry
    return dataclasses.replace(entry, deleted_at=utc_moment(now))


def restored(entry: JournalEntry) -> JournalEntry:
    """``entry`` out of the trash (undo)."""
    return dataclasses.replace(entry, deleted_at=None)


def purge_time(entry: JournalEntry) -> datetime | None:
    """When a trashed entry is deleted for good; None while it is not in the trash."""
    if entry.deleted_at is None:
        return None
    return entry.deleted_at + timedelta(days=TRASH_DAYS)


def is_purge_due(entry: JournalEntry, now: datetime) -> bool:
    """True once ``entry`` has been in the trash for TRASH_DAYS days."""
    when = purge_time(entry)
    return when is not None and utc_moment(now) >= when


def days_left_in_trash(entry: JournalEntry, now: datetime) -> int | None:
    """Whole days (rounded up) before a trashed entry is deleted for good, for
    "deleted for good in 12 days"; 0 when due; None when not in the trash."""
    when = purge_time(entry)
    if when is None:
        return None
    remaining = when - utc_moment(now)
    if remaining <= timedelta(0):
        return 0
    return -(-remaining // timedelta(days=1))
