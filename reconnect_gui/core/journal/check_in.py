"""The daily check-in: a mood and one line, kept as a journal entry.

The home screen asks once a day, and the daily reminder opens it. What the person gives
becomes an ordinary journal entry (so the journal's mood chart, search and export see it),
titled "Check-in" and tagged ``check-in`` so it can be found and filtered like any other.
"""

from __future__ import annotations

from datetime import datetime

from reconnect_gui.core.journal.entry import JournalEntry, edited, new_entry

CHECK_IN_TITLE = "Check-in"
CHECK_IN_TAG = "check-in"
MAX_LINE_CHARS = 280  # one line: a sentence or two, read at a glance later


def check_in_entry(now: datetime, mood: int | None, line: str) -> JournalEntry:
    """A new (unsaved) journal entry for a check-in; refuses an empty one (no mood, no words)."""
    line = " ".join(line.split())
    if mood is None and not line:
        raise ValueError("A check-in needs a mood or a few words.")
    entry = new_entry(now, title=CHECK_IN_TITLE, body=line[:MAX_LINE_CHARS])
    return edited(entry, mood=mood, tags=(CHECK_IN_TAG,))
