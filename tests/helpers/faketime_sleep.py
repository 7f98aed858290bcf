"""Lets Python sleep under ``faketime --exclude-monotonic`` (``./dev.sh test-dates``).

libfaketime 0.9.10 (Debian 12) mis-converts the absolute monotonic deadline that Python
3.11's ``time.sleep`` hands to ``clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, …)``
when ``FAKETIME_DONT_FAKE_MONOTONIC=1`` is set, so every ``time.sleep`` (and with it
``subprocess.run(timeout=…)``) fails with ``OSError: [Errno 22]`` (libfaketime issue 426).
The tests' ``sitecustomize`` (tests/helpers/network_guard.py) and conftest run ``install()``: where
sleeping fails that way, ``time.sleep`` waits in ``select`` instead, on the real monotonic
clock. Where sleeping works, nothing changes. Only the tests do this; the app is not patched.
"""

from __future__ import annotations

import errno
import select
import time

_PATCHED = "_reconnect_faketime_sleep"


def install() -> None:
    if getattr(time, _PATCHED, False):
        return
    try:
        time.sleep(0)
        time.sleep(1e-6)
        return  # sleeping works here
    except OSError as problem:
        if problem.errno != errno.EINVAL:
            raise
    real_monotonic = time.monotonic

    def sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = real_monotonic() + seconds
        while (left := deadline - real_monotonic()) > 0:
            select.select([], [], [], left)

    time.sleep = sleep
    setattr(time, _PATCHED, True)
