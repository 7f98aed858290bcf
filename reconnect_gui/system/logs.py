"""The app log: useful for fixing bugs, and never holding anything the user wrote.

Exception messages can quote data (a KeyError names its key, a decode error shows the
bytes), so uncaught errors are logged as the exception *types* and the code location
(file, line, function) only, never their messages or local variables.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import traceback
from pathlib import Path
from types import TracebackType

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


LOG_ROTATE_BYTES = 1_000_000
LOG_GENERATIONS = 2  # reconnect.log.1, reconnect.log.2


def configure_logging(log_file: Path) -> None:
    """Send the app's log records to a small file, rotated at start-up (~3 MB at most).

    Rotating once per start (rather than with ``logging.handlers``, which imports the
    socket and pickle modules) keeps start-up light and the app free of network modules.
    """
    log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _rotate(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _rotate(log_file: Path) -> None:
    with contextlib.suppress(OSError):
        if log_file.stat().st_size < LOG_ROTATE_BYTES:
            return
        names = [
            log_file,
            *(log_file.with_name(f"{log_file.name}.{n}") for n in range(1, LOG_GENERATIONS + 1)),
        ]
        for newer, older in reversed(list(itertools.pairwise(names))):
            if newer.exists():
                newer.replace(older)


def redacted_traceback(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback with code locations and exception types, but no messages or values."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    current_type: type[BaseException] = exc_type
    current_tb = tb
    while True:
        lines.append(f"{current_type.__module__}.{current_type.__qualname__} (message withheld)")
        for frame in traceback.extract_tb(current_tb):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        if current is None:
            break
        seen.add(id(current))
        cause = current.__cause__ or current.__context__
        if cause is None or id(cause) in seen:
            break
        lines.append("raised while handling:")
        current, current_type, current_tb = cause, type(cause), cause.__traceback__
    return "\n".join(lines)
