"""Fetch the vault's key from the keyring in a child process while the window is built.

What the person waits for at start-up is their day count, and the longest step before it
is the keyring: importing ``keyring`` and letting it choose a backend costs about 0.2 s
on Linux (it imports urllib, and asks ldconfig for the macOS libraries it then does not
find). In a thread that work would hold the interpreter lock the first frame needs; in a
child process it runs beside the window's set-up, on another core.

The child is forked before Qt is imported and while the process has one thread, so the
fork copies nothing half-locked. It marks itself not dumpable, reads the vault's id from
the file (read-only), asks the keyring once, sends its answer over a pipe (never a file,
never its arguments) and exits. ``keystore.PrefetchedKeyStore`` hands that answer to
the first ``load`` of the same vault and behaves as a plain ``KeyStore`` otherwise.

Started with a clock, the child also reads, with the key it found, what the home screen's
ring shows (``storage.home_preview``) and sends it over a second pipe, after the key: the
app can paint the day count before its own opening of the vault has finished.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect_gui.core.clock import Clock
    from reconnect_gui.storage.home_preview import HomePreview
    from reconnect_gui.storage.keystore import Reason

# Only os, sys and threading load before the first frame: the rest waits for the answer.
_KEY = "key"
_FAILED = "failed"
_MOST_BYTES = 4096  # a vault id, a word and a base64 key fit many times over


class PrefetchAnswer:
    """What the child found: the key, or why the keyring could not give it."""

    __slots__ = ("key", "reason", "vault_id")

    def __init__(self, vault_id: str, key: bytes | None, reason: Reason | None) -> None:
        self.vault_id = vault_id
        self.key = key
        self.reason = reason


class KeyPrefetch:
    """One child process looking the key up; ``take`` collects its answer once."""

    def __init__(self, pid: int, answer_fd: int, preview_fd: int | None = None) -> None:
        self.pid = pid
        self._answer_fd: int | None = answer_fd
        self._preview_fd: int | None = preview_fd
        self._lock = threading.Lock()

    @classmethod
    def start(
        cls, vault_path: Path, timeout: float, now: Clock | None = None
    ) -> KeyPrefetch | None:
        """Fork the child, or return None where that is not safe or not useful: not on
        Linux, with other threads running, or with no vault yet. With ``now``, the child
        also reads the home screen's day count (``preview_fd``, ``take_preview``)."""
        if not sys.platform.startswith("linux") or threading.active_count() != 1:
            return None
        if not vault_path.is_file():
            return None
        answer_fd, write_fd = os.pipe()
        preview_fd, preview_write_fd = os.pipe() if now is not None else (None, None)
        pid = os.fork()
        if pid == 0:  # the child: never returns into the app's code
            status = 0
            try:
                os.close(answer_fd)
                if preview_fd is not None:
                    os.close(preview_fd)
                found = _answer_in_child(vault_path, timeout, write_fd)
                if preview_write_fd is not None and now is not None:
                    _preview_in_child(vault_path, found, now, preview_write_fd)
            except BaseException:
                status = 1
            finally:
                os._exit(status)  # no atexit handlers or buffers of the parent's run here
        os.close(write_fd)
        if preview_write_fd is not None:
            os.close(preview_write_fd)
        return cls(pid, answer_fd, preview_fd)

    @property
    def preview_fd(self) -> int | None:
        """The pipe the home screen's day count comes over (readable once it has come,
        or once the child has nothing to send); None if it was not asked for."""
        return self._preview_fd

    def take_preview(self, timeout: float = 0.05) -> HomePreview | None:
        """The day count the child read, once ``preview_fd`` is readable; None when it
        sent none (no key, no plan, a doubt) or this was asked before."""
        fd = self._claim_preview_pipe()
        data = None if fd is None else _read_and_close(fd, timeout)
        if not data:
            return None
        from reconnect_gui.storage.home_preview import decode

        return decode(data)

    def take(self, timeout: float) -> PrefetchAnswer | None:
        """The child's answer, waiting at most ``timeout`` seconds; None when it gave none
        (it failed, timed out, or the answer was taken already)."""
        fd = self._claim_pipe()
        if fd is None:
            return None
        try:
            data = _read_and_close(fd, timeout)
        finally:
            self._end_child()
        return None if data is None else _parse(data)

    def cancel(self) -> None:
        """Stop waiting: close the pipes and end the child (the app quits, or never asks)."""
        preview_fd = self._claim_preview_pipe()
        if preview_fd is not None:
            os.close(preview_fd)
        fd = self._claim_pipe()
        if fd is not None:
            os.close(fd)
            self._end_child()

    def _claim_pipe(self) -> int | None:
        """The pipe's read end for the one caller that gets it (take or cancel, once)."""
        with self._lock:
            fd, self._answer_fd = self._answer_fd, None
        return fd

    def _claim_preview_pipe(self) -> int | None:
        with self._lock:
            fd, self._preview_fd = self._preview_fd, None
        return fd

    def _end_child(self) -> None:
        import signal

        try:
            finished, _status = os.waitpid(self.pid, os.WNOHANG)
            if finished == 0:  # still asking a hung keyring: its answer is not wanted now
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:  # reaped already
            pass


def _answer_in_child(vault_path: Path, timeout: float, write_fd: int) -> tuple[str, bytes] | None:
    """Send the keyring's answer; return the vault's id and key when there was one."""
    import base64

    from reconnect_gui.storage import vault_format
    from reconnect_gui.storage.keystore import KeyStore, KeyStoreError
    from reconnect_gui.system.hardening import forbid_core_dumps

    forbid_core_dumps()  # it is about to hold the key
    vault_id = vault_format.vault_id_untouched(vault_path)
    if vault_id is None:
        return None  # nothing written: the app asks the keyring itself once it has the id
    key: bytes | None = None
    try:
        key = KeyStore(timeout=timeout).load(vault_id)
        message = f"{vault_id}\n{_KEY}\n{base64.b64encode(key).decode('ascii')}"
    except KeyStoreError as error:
        message = f"{vault_id}\n{_FAILED}\n{error.reason}"
    _write_all(write_fd, message.encode("ascii"))
    return None if key is None else (vault_id, key)


def _preview_in_child(
    vault_path: Path, found: tuple[str, bytes] | None, now: Clock, write_fd: int
) -> None:
    """Send the home screen's day count, or nothing (the pipe just closes)."""
    from reconnect_gui.storage.home_preview import encode, read_home_preview

    preview = None if found is None else read_home_preview(vault_path, *found, now)
    _write_all(write_fd, b"" if preview is None else encode(preview))


def _write_all(fd: int, data: bytes) -> None:
    """Write ``data`` and close: the reader takes end-of-file as "that is all"."""
    try:
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def _read_and_close(fd: int, timeout: float) -> bytes | None:
    try:
        return _read_all(fd, timeout)
    finally:
        os.close(fd)


def _read_all(fd: int, timeout: float) -> bytes | None:
    """Everything the child wrote, once it closed the pipe; None after ``timeout``."""
    import select
    import time

    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, _MOST_BYTES)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        if sum(map(len, chunks)) > _MOST_BYTES:
            return None


def _parse(data: bytes) -> PrefetchAnswer | None:
    import base64
    import binascii
    from typing import get_args

    from reconnect_gui.storage.keystore import Reason

    try:
        vault_id, status, detail = data.decode("ascii").split("\n")
    except (UnicodeDecodeError, ValueError):  # the child died half-way: ask again
        return None
    if status == _KEY:
        try:
            return PrefetchAnswer(vault_id, base64.b64decode(detail, validate=True), None)
        except (binascii.Error, ValueError):
            return None
    if status == _FAILED and detail in get_args(Reason):
        return PrefetchAnswer(vault_id, None, detail)  # type: ignore[arg-type]
    return None
