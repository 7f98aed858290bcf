"""Decrypted records of an unlocked vault, so listing and search-as-you-type stay fast.

Lives only as long as the vault is unlocked: ``Vault.close()`` (locking) drops it. It
is filled by the first full read, kept current by the vault's own writes, and thrown
away whenever SQLite's ``data_version`` shows that another connection (the command
line, a second window) committed a change. The search form of the text (``fold``, the
same as the journal pane's) is built on the first search, one fold per string value of
each record, so opening and listing pay nothing for it and later searches only compare.
"""

from __future__ import annotations

from reconnect_gui.core.journal.folding import fold
from reconnect_gui.storage import vault_codec as codec
from reconnect_gui.storage.records import Record


class PlainCache:
    def __init__(self) -> None:
        self._version: int | None = None  # None: not filled since the last clear
        self._records: dict[str, Record] = {}
        self._folded: dict[str, tuple[str, ...]] | None = None  # built on the first search
        self._damaged: dict[str, str] = {}  # id -> kind

    def is_current(self, data_version: int) -> bool:
        return self._version == data_version

    @property
    def version(self) -> int | None:
        """The data_version the records were read at; None when not filled."""
        return self._version

    def fill(self, data_version: int, records: list[Record], damaged: dict[str, str]) -> None:
        self._records = {r.id: r for r in records}
        self._folded = None
        self._damaged = dict(damaged)
        self._version = data_version

    def clear(self) -> None:
        self._version = None
        self._records = {}
        self._folded = None
        self._damaged = {}

    def put(self, record: Record) -> None:
        if self._version is None:
            return
        self._records[record.id] = record
        self._damaged.pop(record.id, None)
        if self._folded is not None:
            self._folded[record.id] = _folded(record)

    def remove(self, record_id: str) -> None:
        self._records.pop(record_id, None)
        self._damaged.pop(record_id, None)
        if self._folded is not None:
            self._folded.pop(record_id, None)

    def records(self, kind: str | None) -> tuple[list[Record], list[str]]:
        found = [r for r in self._records.values() if kind is None or r.kind == kind]
        return codec.newest_first(found), self._damaged_ids(kind)

    def search(self, needle: str, kind: str | None) -> tuple[list[Record], list[str]]:
        """``needle`` already folded (``fold``)."""
        if self._folded is None:
            self._folded = {i: _folded(r) for i, r in self._records.items()}
        folded = self._folded
        found = [
            record
            for record in self._records.values()
            if (kind is None or record.kind == kind) and any(needle in v for v in folded[record.id])
        ]
        return codec.newest_first(found), self._damaged_ids(kind)

    def _damaged_ids(self, kind: str | None) -> list[str]:
        return sorted(i for i, k in self._damaged.items() if kind is None or k == kind)


def _folded(record: Record) -> tuple[str, ...]:
    return tuple(fold(value) for value in codec.strings(record.data))
