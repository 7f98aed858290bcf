"""Start-up figures for ``--smoke`` and the benchmarks: time since spawn, peak memory."""

from __future__ import annotations

import os
import sys
import time

SPAWN_ENV = "RECONNECT_SPAWN_MONOTONIC_NS"  # set by a parent that timed the spawn itself

_IMPORTED_AT_NS = time.monotonic_ns()


def ms_since_spawn() -> float:
    """Milliseconds since this process was spawned, as precisely as the OS tells.

    A benchmark passes its own ``time.monotonic_ns()`` (one clock for all processes on
    Linux) in ``RECONNECT_SPAWN_MONOTONIC_NS``; otherwise Linux's process start time
    (10 ms ticks) is used, and elsewhere the moment this module was first imported.
    """
    parent_stamp = os.environ.get(SPAWN_ENV)
    if parent_stamp and parent_stamp.isdigit():
        return (time.monotonic_ns() - int(parent_stamp)) / 1e6
    started = _linux_start_seconds_since_boot()
    if started is not None:
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    return (time.monotonic_ns() - _IMPORTED_AT_NS) / 1e6


def peak_rss_mb() -> float | None:
    """The process's peak resident memory in MiB, where the OS reports it.

    On Linux this is ``VmHWM`` from /proc: ``getrusage``'s ``ru_maxrss`` survives exec, so
    a process spawned by a large parent (a long test run) would report the parent's peak.
    """
    hwm = _linux_peak_rss_kib()
    if hwm is not None:
        return hwm / 1024
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _linux_peak_rss_kib() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])  # "VmHWM:   75264 kB"
    except (OSError, IndexError, ValueError):
        return None
    return None


def _linux_start_seconds_since_boot() -> float | None:
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # The command name (field 2) may hold spaces; fields after it start past ")".
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
    except (OSError, IndexError, ValueError):
        return None
