"""Guards against known defects in the Qt binding we ship."""

import sys

from PySide6.QtCore import QObject, QTimer


def test_calls_returning_nothing_keep_none_alive() -> None:
    # PySide6 6.12.0 lowered None's reference count on each such call; after a few
    # thousand paints or timer stops the interpreter aborted with "none_dealloc".
    thing, timer = QObject(), QTimer()
    before = sys.getrefcount(None)
    for _ in range(1000):
        thing.setObjectName("calm")
        timer.stop()
    assert sys.getrefcount(None) >= before - 50  # other threads may hold a few briefly
