"""A crash must not write what is in memory to disk: the data key and decrypted words.

``forbid_core_dumps`` sets the core-file limit to zero (soft and hard, so nothing later in
the process can raise it) and, on Linux, marks the process not dumpable
(``prctl(PR_SET_DUMPABLE, 0)``), which also stops other processes of the same user from
reading its memory through /proc or attaching a debugger. It runs before the vault is
opened (the GUI after its first frame, the command line before any command), never
earlier: ctypes is not worth its import time before the first paint, and nothing private
is in memory then. Windows keeps its own crash reports; nothing is done there.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)
PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """No core file and, on Linux, no dumpable process; failures are logged, not raised."""
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as error:
        log.warning("could not turn core dumps off (%s)", type(error).__name__)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                log.warning(
                    "could not mark the process not dumpable (errno %d)", ctypes.get_errno()
                )
        except (OSError, AttributeError) as error:
            log.warning("could not mark the process not dumpable (%s)", type(error).__name__)
