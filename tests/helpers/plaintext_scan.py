"""The privacy scan: does any file hold one of these words as readable text?

Used by tests/test_plaintext_scan.py, and importable by the end-to-end journey. A word
counts as found in UTF-8, UTF-16-LE or UTF-16-BE, in any letter case (ASCII letters: the
canaries are random ASCII words). Symbolic links are not followed: what they point at is
scanned where it lives, if it is under one of the paths at all.

For a shared folder such as the system's temp folder, ``listing`` and ``changed_entries``
pick out only what appeared (or changed) while a test ran.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


@dataclass(frozen=True)
class Find:
    path: Path
    canary: str
    encoding: str

    def __str__(self) -> str:
        return f"{self.path}: {self.canary} ({self.encoding})"


def files_under(paths: Iterable[Path]) -> Iterator[Path]:
    """Every regular file under ``paths`` (a path may be a file itself); links not followed."""
    for path in paths:
        path = Path(path)
        if path.is_symlink():
            continue
        if path.is_file():
            yield path
            continue
        for folder, _dirs, names in os.walk(path):  # os.walk does not follow links
            for name in names:
                file = Path(folder, name)
                if not file.is_symlink() and file.is_file():  # no sockets, pipes or devices
                    yield file


def find_canaries(paths: Iterable[Path], canaries: Iterable[str]) -> list[Find]:
    """Each (file, canary, encoding) where a file under ``paths`` holds a canary."""
    needles = [
        (canary, encoding, canary.lower().encode(encoding))
        for canary in canaries
        for encoding in ENCODINGS
    ]
    found = []
    for file in files_under(paths):
        try:
            data = file.read_bytes().lower()  # ASCII letters only, like the needles
        except OSError:  # gone meanwhile, or not ours to read
            continue
        found += [Find(file, canary, enc) for canary, enc, needle in needles if needle in data]
    return found


def listing(folder: Path) -> dict[str, int]:
    """The entries directly in ``folder`` and their modification times (ns)."""
    entries = {}
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                try:
                    entries[entry.name] = entry.stat(follow_symlinks=False).st_mtime_ns
                except OSError:
                    continue
    except OSError:
        pass
    return entries


def changed_entries(folder: Path, before: dict[str, int]) -> list[Path]:
    """What is new in ``folder`` since ``before`` (its ``listing``), and files changed since.

    A folder that was already there is not entered again: in a shared temp folder that is
    other programs' business, and the app's own temp files go where TMPDIR points.
    """
    changed = []
    for name, mtime in listing(folder).items():
        path = folder / name
        if name not in before or (before[name] != mtime and path.is_file()):
            changed.append(path)
    return changed
