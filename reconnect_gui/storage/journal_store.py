"""Journal entries inside the vault: one JOURNAL_ENTRY record per entry.

Each entry is its own record, so a damaged one never hides the others. Deleting moves
an entry to the trash (a mark inside its encrypted data); ``purge_expired`` removes
entries that have been there for TRASH_DAYS. Only ids and the record kind are plain
on disk, as for every record.

Another process may write an entry while the window shows it (a backup restored from the
command line). So changing a stored entry never writes a copy read earlier: saving an
edit, trashing and restoring each read the entry and write it back inside one write
transaction (``Vault.update``), changing only what the person changed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect_gui.core.journal.entry import (
    JournalEntry,
    entry_from_record,
    entry_to_data,
    is_purge_due,
    moved_to_trash,
    restored,
)
from reconnect_gui.core.journal.query import newest_first
from reconnect_gui.storage import plain_export
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.records import JOURNAL_ENTRY, Record
from reconnect_gui.storage.snapshots import forget_records_in_copies

if TYPE_CHECKING:  # only annotations: the vault module loads on the thread that opens it
    from reconnect_gui.storage.vault import Vault

log = logging.getLogger(__name__)

# What the editor changes; the trash mark and fields from newer versions are not among them.
EDITED_FIELDS = (
    "title",
    "body",
    "mood",
    "tags",
    "feelings",
    "entry_type",
    "prompt_id",
    "prompt_text",
    "dated",
)
# Stands in for a record's times while an entry is only turned back into data.
_NO_TIME = datetime(1970, 1, 1, tzinfo=UTC)


class _Unchanged(Exception):
    """Raised inside a change to leave the record as it is: the transaction rolls back."""


# Shown (by the pane) before one entry is written out in the clear; the same promise as
# the full plain export's warning.
EXPORT_ENTRY_WARNING = (
    "An exported entry is NOT encrypted: anyone who can open the file can read it. "
    "Keep it somewhere private, and delete it when you no longer need it."
)


def entry_of_record(record: Record) -> JournalEntry:
    """The entry a JOURNAL_ENTRY record holds: the one mapping from a record to an entry,
    for the pane and the command line as for this module (it does not check the kind)."""
    return entry_from_record(record.id, record.created, record.updated, record.data)


def load_entries(vault: Vault) -> tuple[list[JournalEntry], list[str]]:
    """Every readable entry, trashed ones included (``entry.in_trash``), newest written
    first; and the ids of damaged records, for the pane to mention."""
    records, damaged = vault.records(JOURNAL_ENTRY)
    return newest_first(map(entry_of_record, records)), damaged


def load_entry(vault: Vault, entry_id: str) -> JournalEntry | None:
    """The entry, or None when there is none with that id (RecordDamaged if damaged)."""
    try:
        record = vault.get(entry_id)
    except KeyError:
        return None
    return entry_of_record(record) if record.kind == JOURNAL_ENTRY else None


def save_entry(vault: Vault, entry: JournalEntry, base: JournalEntry | None = None) -> JournalEntry:
    """Store a new entry (``entry.id == ""``: the vault gives it an id) or an edited one
    (its ``created`` is kept). Returns the entry as stored, with the vault's id and times.

    An edit is applied to the entry as the vault holds it at that moment, in one write
    transaction: ``base`` is what the editor started from, and only the fields where
    ``entry`` differs from it are written (without ``base``, every field the editor
    changes). What another process saved meanwhile stays, the trash mark and fields
    written by a newer version included.

    An id that belongs to another kind of record is refused (ValueError), so a wrong id
    can never overwrite a draft or the countdown. An entry removed elsewhere meanwhile
    (another window, the command line) is written again: the words on screen are never
    lost. A record damaged on disk meanwhile raises RecordDamaged; saving the words as a
    new entry (``id=""``) still works."""
    if not entry.id:
        return entry_of_record(vault.put(JOURNAL_ENTRY, entry_to_data(entry)))
    _check_is_entry(vault, entry.id)
    changed = {
        name: getattr(entry, name)
        for name in EDITED_FIELDS
        if base is None or getattr(entry, name) != getattr(base, name)
    }

    def merge(stored: JournalEntry | None) -> JournalEntry:
        return entry if stored is None else dataclasses.replace(stored, **changed)

    return _change(vault, entry.id, merge)


def _change(
    vault: Vault, entry_id: str, change: Callable[[JournalEntry | None], JournalEntry | None]
) -> JournalEntry:
    """Apply ``change`` to the entry as stored now (None when there is none) inside one
    write transaction; it returns None to leave the record as it is. Returns the entry
    as stored (_Unchanged when nothing was written)."""

    def apply(data: dict[str, Any] | None) -> dict[str, Any]:
        stored = None if data is None else entry_from_record(entry_id, _NO_TIME, _NO_TIME, data)
        new = change(stored)
        if new is None:
            raise _Unchanged
        return entry_to_data(new)

    return entry_of_record(vault.update(JOURNAL_ENTRY, entry_id, apply))


def _check_is_entry(vault: Vault, entry_id: str) -> None:
    try:
        is_entry = vault.get(entry_id).kind == JOURNAL_ENTRY
    except KeyError:
        return
    if not is_entry:
        raise ValueError("That is not a journal entry.")


def trash_entry(vault: Vault, entry_id: str, now: datetime) -> JournalEntry | None:
    """Move an entry to the trash, its latest stored words read inside the same write;
    returns it, or None when it is already gone. Undo with ``restore_entry``."""
    return _set_trash(vault, entry_id, lambda entry: moved_to_trash(entry, now), in_trash=True)


def restore_entry(vault: Vault, entry_id: str) -> JournalEntry | None:
    """Bring an entry back from the trash; returns it, or None when it is gone."""
    return _set_trash(vault, entry_id, restored, in_trash=False)


def _set_trash(
    vault: Vault,
    entry_id: str,
    change: Callable[[JournalEntry], JournalEntry],
    *,
    in_trash: bool,
) -> JournalEntry | None:
    if load_entry(vault, entry_id) is None:  # gone, or another kind of record
        return None

    def apply(stored: JournalEntry | None) -> JournalEntry | None:
        return None if stored is None or stored.in_trash == in_trash else change(stored)

    try:
        return _change(vault, entry_id, apply)
    except _Unchanged:  # already as asked (or removed just now)
        return load_entry(vault, entry_id)


def delete_for_good(vault: Vault, entry_id: str) -> None:
    """Remove an entry that is in the trash now ("Delete now" in the trash view).

    Refused (ValueError) for an entry outside the trash, so no single click deletes
    words the user can still see. Nothing happens when it is already gone."""
    outside_trash = False

    def still_in_trash(record: Record) -> bool:
        # Judged on the entry as stored at the delete: restored elsewhere means kept.
        nonlocal outside_trash
        outside_trash = record.kind != JOURNAL_ENTRY or not entry_of_record(record).in_trash
        return not outside_trash

    if vault.delete_if(entry_id, still_in_trash):
        _forget_in_copies(vault, [entry_id])
    if outside_trash:
        raise ValueError("Only an entry in the trash can be deleted for good.")


def purge_expired(vault: Vault, now: datetime) -> list[str]:
    """Delete for good every entry that has been in the trash for TRASH_DAYS; returns
    their ids. Run when the journal opens; each removal is its own transaction."""
    entries, _damaged = load_entries(vault)

    def still_due(record: Record) -> bool:  # restored elsewhere since the list was read?
        return record.kind == JOURNAL_ENTRY and is_purge_due(entry_of_record(record), now)

    purged = [e.id for e in entries if is_purge_due(e, now) and vault.delete_if(e.id, still_due)]
    _forget_in_copies(vault, purged)
    return purged


def _forget_in_copies(vault: Vault, entry_ids: list[str]) -> None:
    """ "For good" includes Reconnect's own daily copies: the entry leaves them too."""
    if entry_ids and forget_records_in_copies(vault.path, entry_ids):
        log.warning("an entry deleted for good stays in a copy that could not be changed")


# --- plain export of one entry -----------------------------------------------------------


def _as_record(entry: JournalEntry) -> Record:
    data = entry_to_data(dataclasses.replace(entry, deleted_at=None))  # not part of the words
    return Record(entry.id or "entry", JOURNAL_ENTRY, entry.created, entry.updated, data)


def export_entry_plain(entry: JournalEntry, tz: tzinfo = UTC) -> str:
    """One entry as Markdown, exactly as the full plain export writes it (front matter,
    title, body, other details). ``tz`` sets the dates shown: the user's zone. Only after
    the user has read EXPORT_ENTRY_WARNING."""
    ((_name, content),) = plain_export._markdown_files([_as_record(entry)], tz).items()
    return content.decode("utf-8")


def export_file_name(entry: JournalEntry, tz: tzinfo = UTC) -> str:
    """The file name the full export would give this entry, e.g. "2026-11-22-a-hard-day.md",
    to suggest in the save dialog."""
    ((name, _content),) = plain_export._markdown_files([_as_record(entry)], tz).items()
    return name


def write_entry_plain(
    entry: JournalEntry, path: Path, tz: tzinfo = UTC, *, overwrite: bool = False
) -> None:
    """Write ``export_entry_plain`` to ``path``, readable by the user only (0600), never
    through a symlink; an existing file is refused (VaultError) unless ``overwrite``."""
    path = Path(path)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise VaultError(
            "A file with that name is already there, so the entry was not exported; "
            "choose another name."
        )
    content = export_entry_plain(entry, tz).encode("utf-8", "backslashreplace")
    plain_export._write_private(path, content, overwrite)
