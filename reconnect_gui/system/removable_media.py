"""Removable media the desktop has mounted (a USB stick, a memory card): good places to keep
a recovery code away from this computer.

Desktops mount them in a folder of their own: udisks under ``/run/media/USER`` (Fedora,
Arch) or ``/media/USER`` (Debian, Ubuntu), older setups straight under ``/media``, macOS
under ``/Volumes``. A medium is a folder there that is itself a mount point, so an empty
folder left behind after unplugging is never offered. Windows is not covered: its drive
letters do not say whether a drive is removable without asking the system.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from pathlib import Path


def media_roots() -> list[Path]:
    """The folders desktops mount removable media in, for this user."""
    roots = []
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        user = ""
    if user:
        roots += [Path("/run/media") / user, Path("/media") / user]
    return [*roots, Path("/media"), Path("/Volumes")]


def removable_media(roots: Iterable[Path] | None = None) -> list[Path]:
    """The mounted media under ``roots`` (default: ``media_roots()``), sorted by name."""
    found: list[Path] = []
    for root in media_roots() if roots is None else roots:
        try:
            entries = sorted(root.iterdir(), key=lambda p: p.name.casefold())
        except OSError:  # not there, or not ours to read
            continue
        for entry in entries:
            if entry in found or not _is_a_mounted_medium(entry):
                continue
            found.append(entry)
    return found


def _is_a_mounted_medium(path: Path) -> bool:
    try:
        # ismount is False for a symlink: macOS's /Volumes/Macintosh HD points at "/".
        return path.is_dir() and os.path.ismount(path) and path.resolve() != Path("/")
    except OSError:
        return False
