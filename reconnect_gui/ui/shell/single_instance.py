"""One running copy per data folder; a second launch hands its arguments over.

A ``QLockFile`` decides who is first, and a ``QLocalServer`` (a local socket or named
pipe, never the network) carries the second launch's arguments to it. The lock
holds the process id, so after a crash Qt sees that the holder is gone and lets the
next launch take over; only then is a leftover socket file removed, so a running
copy is never robbed of its server.

The first copy decides with the lock alone and starts listening after its window
has painted (QtNetwork is not needed for the first frame); a later launch that
arrives in between simply retries for a few seconds.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 2000
FIRST_COPY_STARTING_WAIT_MS = 3000  # the lock is held but the first copy is not listening yet
READ_TIMEOUT_MS = 500
MAX_REQUEST_BYTES = 64 * 1024
ACK = b"ok\n"


def server_name(data_dir: Path) -> str:
    """A short, per-user, per-data-folder name (socket paths are limited to ~100 bytes)."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    key = f"{user}\0{data_dir.resolve()}".encode()
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex()
    return f"reconnect-{bytes(digest.data())[:20].decode('ascii')}"


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
        """Start hearing from later launches (only the lock holder may call this)."""
        from PySide6.QtNetwork import QLocalServer

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
