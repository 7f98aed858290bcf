import errno
import os
from pathlib import Path

import pytest

from reconnect_gui.system.atomic import atomic_write_bytes


def test_writes_new_file_private(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.json"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert target.stat().st_mode & 0o077 == 0
    assert list(target.parent.iterdir()) == [target]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failure_at_any_step_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old content")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, handle):  # type: ignore[no-untyped-def]
                self.handle = handle

            def __enter__(self):  # type: ignore[no-untyped-def]
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def write(self, data: bytes) -> int:
                self.handle.write(data[:3])  # part of it reaches the disk, then it is full
                disk_full()
                return 0

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(os, failing, disk_full)

    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new content that never lands")
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left


def test_a_symlink_planted_at_the_old_temporary_name_is_never_followed(tmp_path: Path) -> None:
    """In a shared folder another user can predict a temporary name and plant a symlink
    there; the write must neither follow it nor leave the target pointing elsewhere."""
    shared, elsewhere = tmp_path / "shared", tmp_path / "elsewhere"
    shared.mkdir()
    elsewhere.mkdir()
    victim = elsewhere / "victim.txt"
    victim.write_bytes(b"not yours to overwrite")
    target = shared / "settings.json"
    for name in (f".{target.name}.{os.getpid()}.tmp", f".{target.name}.tmp"):
        (shared / name).symlink_to(victim)

    atomic_write_bytes(target, b"private words")

    assert victim.read_bytes() == b"not yours to overwrite"
    assert not target.is_symlink() and target.read_bytes() == b"private words"
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_temporary_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    seen: list[int] = []
    real_replace = os.replace

    def look_then_replace(source: str | Path, destination: str | Path) -> None:
        seen.append(os.lstat(source).st_mode & 0o777)
        real_replace(source, destination)

    old_umask = os.umask(0)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "replace", look_then_replace)
            atomic_write_bytes(tmp_path / "file.bin", b"x")
    finally:
        os.umask(old_umask)
    assert seen == [0o600]
