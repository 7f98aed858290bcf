"""Run slow work (keyring calls, key derivation, opening the vault) off the UI thread.

One small helper, in the spirit of Anki's QueryOp: the work runs in a plain thread and
never touches widgets; its result or error comes back to the UI thread through a
queued signal, where ``on_done`` / ``on_error`` may update the interface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    finished = Signal(object, object)  # (result, error)


class BackgroundTask:
    """``BackgroundTask(work, on_done, on_error).start()``; keep a reference while it runs."""

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._relay = _Relay()  # lives in the UI thread, so its slot runs there
        self._relay.finished.connect(self._deliver)
        self.running = False

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._run, name="reconnect-background", daemon=True).start()

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to on_error on the UI thread
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.running = False
        if error is not None:
            self._on_error(error)
        else:
            self._on_done(result)
