"""Run slow work (keyring calls, key derivation, opening the vault) off the UI thread.

One small helper, in the spirit of Anki's QueryOp: the work runs in a plain thread and
never touches widgets; its result or error comes back to the UI thread through a
queued signal, where ``on_done`` / ``on_error`` may update the interface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid


class _Relay(QObject):
    finished = Signal(object, object)  # (result, error)


class BackgroundTask:
    """``BackgroundTask(work, on_done, on_error, owner).start()``.

    With an ``owner``, a result that arrives after the owner is gone (its window closed at
    quit, say) is dropped: ``on_done`` and ``on_error`` are its methods and would act on
    a deleted object.

    A started task keeps itself alive until its result is delivered, even when its owner
    replaces or drops it, and the worker thread has ended before the UI thread lets go of
    it. Otherwise the worker could drop the last reference and destroy the relay, a QObject
    of the UI thread, while its delivery is queued there: a segfault in the event loop."""

    _started: ClassVar[set[BackgroundTask]] = set()

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        self._work = work
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self._relay = _Relay()  # lives in the UI thread, so its slot runs there
        self._relay.finished.connect(self._deliver)
        self.running = False

    def start(self) -> None:
        self.running = True
        BackgroundTask._started.add(self)
        self._thread = threading.Thread(target=self._run, name="reconnect-background", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to on_error on the UI thread
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.running = False
        self._thread.join()  # it has sent this; its last references go now
        BackgroundTask._started.discard(self)
        if self._owner is not None and not isValid(self._owner):
            return
        if error is not None:
            self._on_error(error)
        else:
            self._on_done(result)
