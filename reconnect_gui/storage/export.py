"""The documented JSON export of a vault, restore plans, and the plain (readable) export.

The JSON document (schema in docs/backup-format.md) is what an encrypted backup holds
and what ``export --format json`` writes. It is versioned: ``parse_document`` accepts
exactly version 1 and reports anything else in a plain sentence, never a traceback.
Nothing here prints or logs record contents, and no error message quotes them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, Literal

from reconnect_gui.storage.errors import UnsupportedVersion, VaultDamaged, VaultError
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
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no symlink-following flag

Mode = Literal["merge", "replace"]


class FolderNotEmpty(VaultError):
    """The export folder already holds files and overwriting was not allowed."""


@dataclass(frozen=True)
class ExportDocument:
    vault_id: str
    exported_at: datetime
    records: list[Record]


# --- the JSON document -----------------------------------------------------------------


def export_document(records: Iterable[Record], *, vault_id: str, exported_at: datetime) -> dict:
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


def document_bytes(doc: dict) -> bytes:
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


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("export timestamps must be timezone-aware")
    text = moment.astimezone(UTC).isoformat(timespec="microseconds")
    return text.replace("+00:00", "Z")


def _parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:  # e.g. month 13
        return None


# --- restore plans ---------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """The same record id with different content on both sides, and which one wins."""

    existing: Record
    incoming: Record
    winner: Literal["existing", "incoming"]


@dataclass(frozen=True)
class MergePlan:
    """What a restore would do; nothing happens until the caller applies ``result``.

    Every existing record is in exactly one of ``keep``, ``remove`` or is replaced by
    one in ``update``; every incoming record is in exactly one of ``add``, ``update``
    or ``skip``. ``conflicts`` lists each id whose two versions differ, so the user is
    told about every record a restore changes or declines to change.
    """

    mode: Mode
    add: tuple[Record, ...]
    update: tuple[Record, ...]  # incoming versions that replace existing ones
    keep: tuple[Record, ...]  # existing records left exactly as they are
    remove: tuple[Record, ...]  # existing records deleted ("replace" only)
    skip: tuple[Record, ...]  # incoming records not used (identical, or the older one)
    conflicts: tuple[Conflict, ...]

    @property
    def result(self) -> list[Record]:
        """The vault's records after the restore."""
        return [*self.keep, *self.update, *self.add]

    @property
    def changes_anything(self) -> bool:
        return bool(self.add or self.update or self.remove)

    def summary(self) -> str:
        """One plain sentence of counts for the user (never any record content)."""
        parts = [
            f"{len(self.add)} {_records(len(self.add))} added",
            f"{len(self.update)} updated",
            f"{len(self.keep)} kept as {'it was' if len(self.keep) == 1 else 'they were'}",
        ]
        if self.mode == "replace":
            parts.append(f"{len(self.remove)} removed")
        sentence = ", ".join(parts)
        kept_ours = sum(1 for c in self.conflicts if c.winner == "existing")
        if kept_ours:
            sentence += (
                f"; for {kept_ours} {_records(kept_ours)} that differed, your version was kept "
                "because it was at least as new"
            )
        overwritten = sum(
            1
            for c in self.conflicts
            if c.winner == "incoming" and c.existing.updated > c.incoming.updated
        )
        if overwritten:
            sentence += (
                f"; for {overwritten} {_records(overwritten)}, your newer version was replaced "
                "by the backup's older one"
            )
        return sentence[0].upper() + sentence[1:] + "."


def _records(count: int) -> str:
    return "record" if count == 1 else "records"


def merge_plan(existing: list[Record], incoming: list[Record], mode: Mode) -> MergePlan:
    """Plan a restore. ``merge``: keep everything, add new records, and for an id on
    both sides take the version with the newer ``updated`` (a tie or a different kind
    keeps the existing one). ``replace``: the result is exactly ``incoming``."""
    if mode not in ("merge", "replace"):
        raise ValueError("mode must be 'merge' or 'replace'")
    for side in (existing, incoming):
        if len({record.id for record in side}) != len(side):
            raise ValueError("two records on one side share an id")
    incoming_by_id = {record.id: record for record in incoming}
    existing_by_id = {record.id: record for record in existing}
    update: list[Record] = []
    keep: list[Record] = []
    remove: list[Record] = []
    skip: list[Record] = []
    conflicts: list[Conflict] = []
    for old in existing:
        new = incoming_by_id.get(old.id)
        if new is None:
            (keep if mode == "merge" else remove).append(old)
        elif new == old:
            keep.append(old)
            skip.append(new)
        else:
            newer = new.updated > old.updated and new.kind == old.kind
            if mode == "replace" or newer:
                update.append(new)
                conflicts.append(Conflict(old, new, "incoming"))
            else:
                keep.append(old)
                skip.append(new)
                conflicts.append(Conflict(old, new, "existing"))
    add = [record for record in incoming if record.id not in existing_by_id]
    return MergePlan(
        mode, tuple(add), tuple(update), tuple(keep), tuple(remove), tuple(skip), tuple(conflicts)
    )


# --- the plain export ------------------------------------------------------------------


def write_plain_export(
    records: Iterable[Record],
    folder: Path,
    fmt: Literal["markdown", "json"],
    *,
    overwrite: bool = False,
    vault_id: str | None = None,
    exported_at: datetime | None = None,
    tz: tzinfo = UTC,
) -> list[Path]:
    """Write records readable by anyone: one Markdown file each, or one JSON document.

    The caller warns the user first. Files are private to the user (0600). A folder
    that already holds anything is refused unless ``overwrite``; even then only files
    with the names this export writes are replaced. ``tz`` sets the dates shown in
    Markdown (the user's local zone, usually). The JSON document records ``vault_id``
    and ``exported_at``; pass them (without, it says "unknown" and the current time).
    """
    if fmt not in ("markdown", "json"):
        raise ValueError("fmt must be 'markdown' or 'json'")
    records = list(records)
    _prepare_folder(folder, overwrite)
    if fmt == "json":
        doc = export_document(
            records,
            vault_id=vault_id or UNKNOWN_VAULT,
            exported_at=exported_at or datetime.now(UTC),  # the boundary: no clock below
        )
        files = {JSON_EXPORT_NAME: document_bytes(doc)}
    else:
        files = _markdown_files(records, tz)
    written = []
    for name, content in files.items():
        # The names are built from sanitised parts, but check anyway: a title must
        # never place a file outside the folder the user chose.
        if Path(name).name != name or name in (".", ".."):
            raise ValueError("unsafe file name")
        path = folder / name
        _write_private(path, content, overwrite)
        written.append(path)
    return written


def _prepare_folder(folder: Path, overwrite: bool) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        not_empty = any(folder.iterdir())
    except FileExistsError:
        raise VaultError(
            "That location is a file, not a folder, so nothing was exported; choose a folder."
        ) from None
    except OSError as error:
        raise _write_problem(error) from None
    if not_empty and not overwrite:
        raise FolderNotEmpty(
            "That folder already has files in it, so nothing was exported; choose an empty "
            "folder or allow replacing files."
        )


def _write_private(path: Path, content: bytes, overwrite: bool) -> None:
    try:
        if overwrite:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # also replaces a symlink itself, never its target
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    except OSError as error:
        raise _write_problem(error) from None


def _write_problem(error: OSError) -> VaultError:
    if error.errno == errno.ENOSPC:
        return VaultError(
            "The disk is full, so the export is incomplete; free some space and export again."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError(
            "Reconnect isn't allowed to write in that folder, so the export is incomplete; "
            "choose another folder."
        )
    return VaultError(
        "Reconnect could not write the export, so it is incomplete; try another folder."
    )


def _markdown_files(records: list[Record], tz: tzinfo) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    taken: set[str] = set()  # case- and normalisation-insensitive, like macOS and Windows
    for record in sorted(records, key=lambda r: (r.created, r.id)):
        title = record.data.get("title")
        title = title if isinstance(title, str) else None
        slug = _slug(title or "", lower=True) or _slug(record.id, lower=False) or "record"
        stem = f"{record.created.astimezone(tz).date().isoformat()}-{slug}"
        name, counter = f"{stem}.md", 1
        while _fold(name) in taken:
            counter += 1
            name = f"{stem}-{counter}.md"
        taken.add(_fold(name))
        files[name] = _markdown(record, title, tz).encode("utf-8", "backslashreplace")
    return files


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _slug(text: str, *, lower: bool, limit: int = 60) -> str:
    """Letters and digits of any script; every other run (``/``, ``.``, NUL, RTL marks,
    spaces, emoji) becomes one ``-``. At most ``limit`` characters and 120 UTF-8 bytes,
    well inside the 255-byte file-name limit."""
    text = unicodedata.normalize("NFC", text.lower() if lower else text)
    parts: list[str] = []
    for char in text:
        if char.isalnum():
            parts.append(char)
        elif parts and parts[-1] != "-":
            parts.append("-")
    slug = "".join(parts).strip("-")[:limit]
    while len(slug.encode("utf-8")) > 120:
        slug = slug[:-1]
    # Lower-casing can leave a combining mark (İ → i̇); it is harmless but not alnum.
    return slug.strip("-")


def _markdown(record: Record, title: str | None, tz: tzinfo) -> str:
    data = record.data
    header = []
    if title is not None:
        header.append(f"title: {_yaml_value(title)}")
    header += [
        f"date: {record.created.astimezone(tz).isoformat(timespec='seconds')}",
        f"updated: {record.updated.astimezone(tz).isoformat(timespec='seconds')}",
        f"kind: {_yaml_value(record.kind)}",
    ]
    for key in ("mood", "tags"):
        if key in data:
            header.append(f"{key}: {_yaml_value(data[key])}")
    header.append(f"id: {_yaml_value(record.id)}")
    parts = ["---\n" + "\n".join(header) + "\n---\n"]
    if title:
        parts.append(f"# {' '.join(title.split())}\n")
    body = data.get("body")
    if isinstance(body, str) and body:
        parts.append(body if body.endswith("\n") else body + "\n")
    rest = {k: v for k, v in data.items() if k not in ("title", "body", "mood", "tags")}
    if body is not None and not isinstance(body, str):
        rest["body"] = body  # an unexpected shape is still shown, never dropped
    if rest:
        details = json.dumps(rest, ensure_ascii=False, indent=2, sort_keys=True)
        fence = "`" * max(3, _longest_backtick_run(details) + 1)
        parts.append(f"## Other details\n\n{fence}json\n{details}\n{fence}\n")
    return "\n".join(parts)


# YAML needs these escaped even inside double quotes (line breaks and non-printables);
# JSON leaves them raw, so they are escaped after json.dumps.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _yaml_value(value: object) -> str:
    """A JSON value is valid YAML once the few YAML-only breaks are escaped: no title
    can end the header early or add a field."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _longest_backtick_run(text: str) -> int:
    runs = re.findall(r"`+", text)
    return max((len(run) for run in runs), default=0)
