"""docs/backup-format.md says what the code does about automatic copies: the app makes
daily snapshots of the vault file on its own (storage/snapshots.py), and an age backup only
when asked (``reconnect backup create FILE``); nothing writes age backups by itself."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from helpers.repo import REPO
from reconnect_gui.storage.snapshots import (
    DEFAULT_KEEP,
    FOLDER_NAME,
    SNAPSHOT_PATTERN,
    snapshot_name,
)

DOC = REPO / "docs" / "backup-format.md"


def paragraphs() -> list[str]:
    return [p for p in re.split(r"\n\s*\n", DOC.read_text(encoding="utf-8")) if p.strip()]


def test_no_paragraph_promises_automatic_age_backups() -> None:
    about_automatic = [p for p in paragraphs() if "automatic" in p.casefold()]
    assert about_automatic, "the doc should say what happens automatically"
    for paragraph in about_automatic:
        promises_age = ".age" in paragraph and "no automatic" not in paragraph.casefold()
        assert not promises_age, paragraph


def test_the_automatic_snapshots_are_described_as_the_code_makes_them() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert SNAPSHOT_PATTERN.fullmatch(snapshot_name(datetime(2025, 3, 1, 8, tzinfo=UTC)))
    assert "`vault-YYYYmmddTHHMMSSZ.sqlite3`" in text
    assert f"`{FOLDER_NAME}/`" in text
    assert f"newest {DEFAULT_KEEP}" in text
    assert "reconnect snapshot restore" in text
    assert "reconnect backup create" in text
