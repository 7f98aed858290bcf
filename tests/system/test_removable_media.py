"""Finding plugged-in media: real mount points count, folders and links do not."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest

from reconnect_gui.system.removable_media import media_roots, removable_media


@pytest.mark.skipif(not os.path.ismount("/proc"), reason="needs /proc mounted (Linux)")
def test_a_mount_point_under_a_root_is_a_medium() -> None:
    # /proc is a real mount point right under "/", as a stick is under /media/USER.
    found = removable_media([Path("/")])
    assert Path("/proc") in found
    assert all(os.path.ismount(p) for p in found)
    assert Path("/") not in found


def test_a_left_behind_folder_or_a_link_is_not_a_medium(tmp_path: Path) -> None:
    (tmp_path / "KINGSTON").mkdir()  # an unplugged stick's empty folder
    (tmp_path / "notes.txt").write_text("not a folder")
    (tmp_path / "root-link").symlink_to("/")
    assert removable_media([tmp_path]) == []


def test_missing_or_unreadable_roots_are_skipped(tmp_path: Path) -> None:
    assert removable_media([tmp_path / "not-there", tmp_path / "file"]) == []


def test_the_desktops_own_folders_are_looked_in() -> None:
    user = getpass.getuser()
    roots = media_roots()
    assert Path("/run/media") / user in roots
    assert Path("/media") / user in roots
