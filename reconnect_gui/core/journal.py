"""A journal entry as the app sees it, and its shape inside a vault record.

Pure values: the vault stores ``to_data()`` encrypted and hands it back to
``from_record()``. Unknown fields written by a newer version are kept, not dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ENTRY_TYPES = ("entry", "unsent_letter", "reflection")
MOODS = (1, 2, 3, 4, 5)  # 1 = very low … 5 = very good
MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}


@dataclass(frozen=True)
class JournalEntry:
    id: str
    title: str
    body: str
    created: datetime
    updated: datetime
    mood: int | None = None
    tags: tuple[str, ...] = ()
    entry_type: str = "entry"
    extra: dict[str, Any] = field(default_factory=dict)  # fields from newer versions

    @property
    def display_title(self) -> str:
        """The title, or the first line of the body, or a gentle placeholder."""
        if self.title.strip():
            return self.title.strip()
        first_line = self.body.strip().split("\n", 1)[0].strip()
        return first_line[:80] or "Untitled entry"


def entry_data(
    title: str,
    body: str,
    mood: int | None = None,
    tags: tuple[str, ...] | list[str] = (),
    entry_type: str = "entry",
) -> dict[str, Any]:
    """The dict stored (encrypted) for a new or edited entry; validates what it is given."""
    if mood is not None and mood not in MOODS:
        raise ValueError("Mood must be a number from 1 (very low) to 5 (very good).")
    if entry_type not in ENTRY_TYPES:
        raise ValueError(f"Entry type must be one of: {', '.join(ENTRY_TYPES)}.")
    clean_tags = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
    return {
        "title": title,
        "body": body,
        "mood": mood,
        "tags": list(clean_tags),
        "type": entry_type,
    }


def entry_from_record(
    record_id: str, created: datetime, updated: datetime, data: dict[str, Any]
) -> JournalEntry:
    """Rebuild an entry from stored data, tolerating missing or odd fields."""
    known = {"title", "body", "mood", "tags", "type"}
    mood = data.get("mood")
    tags = data.get("tags")
    entry_type = data.get("type")
    return JournalEntry(
        id=record_id,
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        created=created,
        updated=updated,
        mood=mood if mood in MOODS else None,
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        entry_type=entry_type if entry_type in ENTRY_TYPES else "entry",
        extra={k: v for k, v in data.items() if k not in known},
    )
