"""Answers from worker threads, carried to the UI thread.

A worker thread must never hold the last reference to a QObject: the object would then be
deleted on that thread while its queued answer still waits in the UI thread's event queue
(a crash when it is delivered). So one relay serves the whole process, made on the UI
thread and never deleted. A thread names its receiver by number; the receiver is held
weakly, and an answer for one that is gone is dropped.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

Receiver = TypeVar("Receiver", bound=QObject)


class _Relay(QObject):
    said = Signal(int, object)  # (receiver number, the answer)


_relay: _Relay | None = None
_receivers: dict[int, tuple[weakref.ref[Any], Callable[[Any, Any], None]]] = {}
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.said.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(number: int, answer: object) -> None:
    entry = _receivers.get(number)
    if entry is None:
        return
    receiver = entry[0]()
    if receiver is None:
        _receivers.pop(number, None)
        return
    entry[1](receiver, answer)


def relay_to(
    receiver: Receiver, deliver: Callable[[Receiver, Any], None]
) -> tuple[int, Callable[[Any], None]]:
    """Call on the UI thread. Returns the receiver's number and a function any thread may
    call with one answer; ``deliver(receiver, answer)`` then runs on the UI thread."""
    relay, number = _the_relay(), next(_numbers)
    _receivers[number] = (weakref.ref(receiver), deliver)
    return number, lambda answer: relay.said.emit(number, answer)


def stop_relaying(number: int) -> None:
    """No more answers for this receiver (those already queued are dropped)."""
    _receivers.pop(number, None)
