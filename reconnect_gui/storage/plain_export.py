"""The plain export: records as readable Markdown files or one JSON document.

Only after the user was warned that anyone can read the result (the caller's job).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Literal

from reconnect_gui.core.clock import system_clock
from reconnect_gui.storage.errors import VaultError, write_failure
from reconnect_gui.storage.export import (
    JSON_EXPORT_NAME,
    UNKNOWN_VAULT,
    document_bytes,
    export_document,
)
from reconnect_gui.storage.records import Record

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no symlink-following flag


class FolderNotEmpty(VaultError):
    """The export folder already holds files and overwriting was not allowed."""


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
            exported_at=exported_at or system_clock(),  # the boundary: no clock below
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
        raise write_failure(error, "the export is incomplete") from None
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
        raise write_failure(error, "the export is incomplete") from None


def _markdown_files(records: list[Record], tz: tzinfo) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    taken: set[str] = set()  # case- and normalisation-insensitive, like macOS and Windows
    for record in sorted(records, key=lambda r: (r.created, r.id)):
        title = record.data.get("title")
        title = title if isinstance(title, str) else None
        slug = _slug(title or "", lower=True) or _slug(record.id, lower=False) or "record"
        stem = f"{_in_zone(record.created, tz).date().isoformat()}-{slug}"
        name, counter = f"{stem}.md", 1
        while _fold(name) in taken:
            counter += 1
            name = f"{stem}-{counter}.md"
        taken.add(_fold(name))
        files[name] = _markdown(record, title, tz).encode("utf-8", "backslashreplace")
    return files


def _in_zone(moment: datetime, tz: tzinfo) -> datetime:
    """``moment`` in ``tz``, or in UTC when the zone would take it past year 1 or 9999
    (a vault restored before backups' dates were checked may hold one)."""
    try:
        return moment.astimezone(tz)
    except OverflowError:
        return moment.astimezone(UTC)


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
        f"date: {_in_zone(record.created, tz).isoformat(timespec='seconds')}",
        f"updated: {_in_zone(record.updated, tz).isoformat(timespec='seconds')}",
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
