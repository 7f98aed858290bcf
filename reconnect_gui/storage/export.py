"""The documented JSON export of a vault (restore plans: restore_plan.py; the plain,
readable export: plain_export.py).

The JSON document (schema in docs/backup-format.md) is what an encrypted backup holds
and what ``export --format json`` writes. It is versioned: ``parse_document`` accepts
exactly version 1 and reports anything else in a plain sentence, never a traceback.
Nothing here prints or logs record contents, and no error message quotes them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from reconnect_gui.storage.errors import UnsupportedVersion, VaultDamaged
from reconnect_gui.storage.records import Record

FORMAT = "reconnect-export"
VERSION = 1
DOCUMENT_FIELDS = frozenset({"format", "version", "vault_id", "exported_at", "records"})
RECORD_FIELDS = frozenset({"id", "kind", "created", "updated", "data"})
JSON_EXPORT_NAME = "reconnect-export.json"
UNKNOWN_VAULT = "unknown"

NOT_AN_EXPORT = (
    "This file is not a Reconnect export, so nothing was changed; choose a file that "
    "Reconnect made."
)
NEWER_VERSION = (
    "This export was made by a newer version of Reconnect, so nothing was changed; "
    "update Reconnect and try again."
)

# Strict ISO-8601 with an explicit offset; datetime.fromisoformat alone also takes
# dates without times, week dates and naive times.
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
# Moments every time zone can show (a UTC offset is less than a day): one day inside the
# range Python's dates cover. Nothing outside is a time any clock gave.
_EARLIEST = datetime.min.replace(tzinfo=UTC) + timedelta(days=1)
_LATEST = datetime.max.replace(tzinfo=UTC) - timedelta(days=1)


@dataclass(frozen=True)
class ExportDocument:
    vault_id: str
    exported_at: datetime
    records: list[Record]


# --- the JSON document -----------------------------------------------------------------


def export_document(
    records: Iterable[Record], *, vault_id: str, exported_at: datetime
) -> dict[str, Any]:
    """The export document (plain JSON values) for these records."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "exported_at": _timestamp(exported_at),
        "records": [
            {
                "id": record.id,
                "kind": record.kind,
                "created": _timestamp(record.created),
                "updated": _timestamp(record.updated),
                "data": record.data,
            }
            for record in records
        ],
    }


def document_bytes(doc: dict[str, Any]) -> bytes:
    """UTF-8 JSON with sorted keys: the same records always give the same bytes."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # The codec's own message would quote the offending text.
        raise ValueError("a record holds text that cannot be written as UTF-8") from None


def parse_document(raw: bytes) -> list[Record]:
    """The records of an export document; anything malformed raises VaultDamaged."""
    return read_document(raw).records


def read_document(raw: bytes) -> ExportDocument:
    """The whole export document, validated strictly (exact fields, types and version)."""
    try:
        doc = json.loads(
            raw.decode("utf-8"),
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constants,
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VaultDamaged(NOT_AN_EXPORT) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise VaultDamaged(NOT_AN_EXPORT)
    version = doc.get("version")
    if type(version) is not int:
        raise _damaged("its version number is missing")
    if version > VERSION:
        raise UnsupportedVersion(NEWER_VERSION)
    if version != VERSION or set(doc) != DOCUMENT_FIELDS:
        raise _damaged("its header is not what Reconnect writes")
    vault_id = doc["vault_id"]
    if not _is_label(vault_id, 200):
        raise _damaged("its vault id is not valid")
    exported_at = _parse_timestamp(doc["exported_at"])
    if exported_at is None:
        raise _damaged("its export time is not valid")
    if not isinstance(doc["records"], list):
        raise _damaged("its list of records is missing")
    records = [_parse_record(number, item) for number, item in enumerate(doc["records"], 1)]
    if len({record.id for record in records}) != len(records):
        raise _damaged("two records in it share an id")
    return ExportDocument(vault_id, exported_at, records)


def _parse_record(number: int, item: object) -> Record:
    if not isinstance(item, dict) or set(item) != RECORD_FIELDS:
        raise _damaged(f"record {number} does not have the expected fields")
    created = _parse_timestamp(item["created"])
    updated = _parse_timestamp(item["updated"])
    valid = (
        _is_label(item["id"], 200)
        and _is_label(item["kind"], 64)
        and created is not None
        and updated is not None
        and isinstance(item["data"], dict)
        and _is_unicode(item["data"])
    )
    if not valid:
        raise _damaged(f"record {number} is not valid")
    return Record(item["id"], item["kind"], created, updated, item["data"])  # type: ignore[arg-type]


def _damaged(what: str) -> VaultDamaged:
    # ``what`` is always our own wording (a field or a record number), never file content.
    return VaultDamaged(f"This Reconnect export is damaged ({what}), so nothing was changed.")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")  # caught above; a duplicate hides one value
    return result


def _no_constants(_name: str) -> None:
    raise ValueError("NaN and Infinity are not JSON")


def _is_label(value: object, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit and value.isprintable()


def _is_unicode(value: object) -> bool:
    """No string inside ``value`` (keys included) holds a lone surrogate: JSON's ``\\ud800``
    parses, but no UTF-8 file, vault record or terminal can hold it."""
    stack = [value]
    while stack:  # a loop, not recursion: deep nesting must not reach the recursion limit
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and not item.isascii():
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("export timestamps must be timezone-aware")
    text = moment.astimezone(UTC).isoformat(timespec="microseconds")
    return text.replace("+00:00", "Z")


def _parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return None
    try:
        moment = datetime.fromisoformat(value).astimezone(UTC)
    except (ValueError, OverflowError):  # month 13, year 0; year 1 east of UTC
        return None
    return moment if _EARLIEST <= moment <= _LATEST else None
