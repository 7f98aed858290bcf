"""Sealing and opening age backups in a child process, so the GUI never stalls.

pyrage holds the GIL for its whole scrypt run (seconds), so even a thread would freeze
the window: the work runs in a child process instead, which is the app itself started
with ``WORKER_FLAG`` (``python -m reconnect_gui --age-worker`` from source, the frozen
binary with the flag in a PyInstaller build: no ``multiprocessing``, whose runtime hook
would load at every start). ``app.main`` hands that flag to ``serve`` before anything else.

Secrets never go in the child's argv or environment (other users can read both): the
backup's passphrase, the file's name and the payload (the person's records) travel over
the child's standard input; the result and any error come back over its standard output.
Each message is a few frames, each an 8-byte big-endian length and that many bytes.
Errors come back as their class name and their plain sentence (never a traceback).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from reconnect_gui.storage import errors
from reconnect_gui.storage.errors import VaultError

log = logging.getLogger(__name__)
WORKER_FLAG = "--age-worker"  # internal: not in --help, only the app itself passes it
SEAL = "seal"
OPEN = "open"
_LENGTH_BYTES = 8
CHILD_FAILED = "Reconnect could not finish this backup step; nothing was changed. Please try again."


def child_command() -> list[str]:
    """How to start the app as its own worker: the frozen binary, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "reconnect_gui", WORKER_FLAG]


def seal_in_child(path: Path, payload: bytes, passphrase: str) -> None:
    """``backup.write_backup`` in a child process; its errors are raised here."""
    _ask_child(SEAL, path, passphrase, payload)


def open_in_child(path: Path, passphrase: str) -> bytes:
    """``backup.read_backup`` in a child process: the decrypted payload."""
    return _ask_child(OPEN, path, passphrase, b"")


def _ask_child(action: str, path: Path, passphrase: str, payload: bytes) -> bytes:
    request = b"".join(
        _frame(part)
        for part in (
            json.dumps({"action": action, "path": str(path)}).encode("utf-8", "surrogatepass"),
            passphrase.encode("utf-8", "surrogatepass"),
            payload,
        )
    )
    try:
        done = subprocess.run(
            child_command(),
            input=request,
            capture_output=True,
            check=False,
        )
    except OSError:
        raise VaultError(CHILD_FAILED) from None
    try:
        header_bytes, rest = _unframe(done.stdout)
        header = json.loads(header_bytes)
        result, _ = _unframe(rest)
    except ValueError:
        # Only the exit code: its stderr could hold anything, and the log never does.
        log.warning("the age worker gave no answer (exit code %s)", done.returncode)
        raise VaultError(CHILD_FAILED) from None
    if header.get("ok") is True:
        return result
    raise _error_from(str(header.get("error", "")), str(header.get("message", CHILD_FAILED)))


def _error_from(name: str, message: str) -> VaultError:
    """The same kind of error the child raised (one of storage's own)."""
    found = getattr(errors, name, None)
    if isinstance(found, type) and issubclass(found, VaultError) and name != "RecordDamaged":
        return found(message)
    return VaultError(message)


def serve(source: IO[bytes] | None = None, sink: IO[bytes] | None = None) -> int:
    """The child's side: read one request, do it, answer, and exit (0 once answered)."""
    from reconnect_gui.storage.backup import read_backup, write_backup

    source = source if source is not None else sys.stdin.buffer
    sink = sink if sink is not None else sys.stdout.buffer
    raw = source.read()
    result = b""
    header: dict[str, Any] = {"ok": True}
    try:
        header_bytes, rest = _unframe(raw)
        secret_bytes, rest = _unframe(rest)
        payload, _ = _unframe(rest)
        request = json.loads(header_bytes)
        passphrase = secret_bytes.decode("utf-8", "surrogatepass")
        path = Path(request["path"])
        if request["action"] == SEAL:
            write_backup(path, payload, passphrase)
        elif request["action"] == OPEN:
            result = read_backup(path, passphrase)
        else:
            raise ValueError("unknown action")
    except VaultError as error:
        header = {"ok": False, "error": type(error).__name__, "message": error.message}
    except (ValueError, KeyError, TypeError):  # a malformed request: never the person's doing
        header = {"ok": False, "error": "VaultError", "message": CHILD_FAILED}
    sink.write(_frame(json.dumps(header).encode("utf-8")) + _frame(result))
    sink.flush()
    return 0


def _frame(data: bytes) -> bytes:
    return len(data).to_bytes(_LENGTH_BYTES, "big") + data


def _unframe(data: bytes) -> tuple[bytes, bytes]:
    """The first frame of ``data`` and what follows it; ValueError if it is cut short."""
    if len(data) < _LENGTH_BYTES:
        raise ValueError("cut short")
    length = int.from_bytes(data[:_LENGTH_BYTES], "big")
    end = _LENGTH_BYTES + length
    if len(data) < end:
        raise ValueError("cut short")
    return data[_LENGTH_BYTES:end], data[end:]
