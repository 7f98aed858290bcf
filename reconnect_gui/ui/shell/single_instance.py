"""One running copy per data folder; a second launch hands its arguments over.

A ``QLockFile`` decides who is first, and a ``QLocalServer`` (a local socket or named
pipe, never the network) carries the second launch's arguments to it. The lock
holds the process id, so after a crash Qt sees that the holder is gone and lets the
next launch take over; only then is a leftover socket file removed, so a running
copy is never robbed of its server.

The first copy decides with the lock alone and starts listening after its window
has painted and its vault has answered, or a second after the first frame at the
latest (QtNetwork is needed for neither); a later launch that arrives in between
simply retries for a few seconds.

The socket lives in a folder only this user can enter (``$XDG_RUNTIME_DIR``, else the
data folder), never under a name in the shared temp folder that another user could
work out and take first. On Linux both ends also ask the kernel who the other one is
(``SO_PEERCRED``) and speak only to this same user. On Windows the name is a named
pipe that Qt restricts to the user.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

from reconnect_gui.system.paths import runtime_dir

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 2000
FIRST_COPY_STARTING_WAIT_MS = 3000  # the lock is held but the first copy is not listening yet
READ_TIMEOUT_MS = 500
MAX_REQUEST_BYTES = 64 * 1024
ACK = b"ok\n"


SOCKET_IN_DATA_FOLDER = "instance.sock"
MAX_SOCKET_PATH_BYTES = 100  # a socket's path must fit sun_path: 108 bytes on Linux, 104 on macOS


def server_name(data_dir: Path) -> str:
    """Where the running copy for ``data_dir`` listens: a socket's full path inside a
    folder only this user can enter (a named pipe's name on Windows)."""
    resolved = data_dir.resolve()
    digest = QCryptographicHash.hash(
        str(resolved).encode(), QCryptographicHash.Algorithm.Sha256
    ).toHex()
    name = f"reconnect-{bytes(digest.data())[:20].decode('ascii')}"
    if os.name == "nt":
        user = os.environ.get("USERNAME", "")
        return f"{name}-{user}" if user else name
    runtime = runtime_dir()
    if runtime is not None and _fits(runtime / f"{name}.sock"):
        return str(runtime / f"{name}.sock")
    # The data folder is made 0700 by AppPaths.ensure(). A path too long for a socket
    # makes listen() fail (and say so); the lock still keeps a second copy from starting
    # at once, and it starts anyway a few seconds later, as beside an unresponsive copy.
    return str(resolved / SOCKET_IN_DATA_FOLDER)


def _fits(path: Path) -> bool:
    return len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES


def _peer_is_this_user(descriptor: int) -> bool:
    """Whether the process at the other end of a connected local socket runs as this
    user. Linux tells (``SO_PEERCRED``); elsewhere the private folder is the guard."""
    import socket
    import struct

    if not hasattr(socket, "SO_PEERCRED"):
        return True
    credentials = struct.Struct("3i")  # struct ucred: pid, uid, gid
    try:
        # A duplicate, so closing it leaves Qt's own descriptor open.
        with socket.socket(fileno=os.dup(descriptor)) as peer:
            raw = peer.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, credentials.size)
    except (OSError, ValueError):
        return False
    _pid, uid, _gid = credentials.unpack(raw)
    return bool(uid == os.getuid())


class SingleInstance(QObject):
    """Call ``claim()`` once. True: we are the first copy and will hear from later ones."""

    activation_requested = Signal(list)  # the later launch's arguments

    def __init__(self, name: str, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # held for the app's lifetime; staleness by pid only
        self._server: QLocalServer | None = None

    def claim(self, argv: list[str]) -> bool:
        """True when this is the first copy; then call ``listen()`` once the window is up."""
        if self._lock.tryLock(100):  # also takes over a lock left by a crashed copy
            return True
        # Another copy holds the lock: hand over to it (it may still be starting up).
        waited = 0
        while waited < FIRST_COPY_STARTING_WAIT_MS:
            if self._hand_over(argv):
                return False
            if self._lock.tryLock(200):  # it exited (or crashed) meanwhile
                return True
            waited += 200 + CONNECT_TIMEOUT_MS
        log.warning("another copy holds the lock but does not answer; starting anyway")
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _hand_over(self, argv: list[str]) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        if not _peer_is_this_user(int(socket.socketDescriptor())):
            log.warning("the socket for later launches belongs to another user; not using it")
            socket.abort()
            return False
        socket.write(json.dumps({"argv": argv}).encode("utf-8") + b"\n")
        socket.flush()
        acknowledged = False
        while socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            if bytes(socket.readAll().data()).startswith(ACK):
                acknowledged = True
                break
        socket.disconnectFromServer()
        log.info("handed over to the running copy (acknowledged=%s)", acknowledged)
        return acknowledged

    def listen(self) -> None:
        """Start hearing from later launches (only the lock holder may call this); a second
        call changes nothing."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        if not self._lock.isLocked():
            return  # started anyway beside an unresponsive copy: its server stays its own
        QLocalServer.removeServer(self._name)  # a crashed copy's socket file; we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self._name):
            log.warning("could not listen for later launches: %s", server.errorString())
            return
        self._server = server
        log.info("listening for later launches")

    def _accept(self) -> None:
        # Each later launch writes its one line right after connecting, so reading it here
        # waits at most READ_TIMEOUT_MS. Handling it synchronously, with no deleteLater and
        # no closures holding the socket, keeps Qt's and Python's ownership simple.
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            if not _peer_is_this_user(int(connection.socketDescriptor())):
                log.warning("refused a connection from another user")
                connection.abort()
                continue
            argv = self._read_request(connection)
            if argv is not None:
                connection.write(ACK)
                connection.waitForBytesWritten(READ_TIMEOUT_MS)
            connection.disconnectFromServer()
            if argv is not None:
                log.info("a later launch asked to show the window")
                self.activation_requested.emit(argv)

    @staticmethod
    def _read_request(connection: QLocalSocket) -> list[str] | None:
        while not connection.canReadLine():
            if connection.bytesAvailable() > MAX_REQUEST_BYTES:
                log.warning("ignored an oversized message from a later launch")
                return None
            if not connection.waitForReadyRead(READ_TIMEOUT_MS):
                log.warning("a later launch connected but sent nothing")
                return None
        line = bytes(connection.readLine(MAX_REQUEST_BYTES).data())
        try:
            argv = json.loads(line.decode("utf-8"))["argv"]
            if not isinstance(argv, list):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed message from a later launch")
            return None
        return [str(arg) for arg in argv]
