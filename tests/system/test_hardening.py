"""A crash writes no core file: what is in memory (the data key, decrypted words) stays there."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from helpers.repo import REPO

CRASH = """
import os, resource, sys
try:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
except (ValueError, OSError):
    pass  # only root may raise a hard limit already lowered by the caller
if sys.argv[1] == "hardened":
    from reconnect_gui.system.hardening import forbid_core_dumps
    forbid_core_dumps()
os.abort()
"""

PROBE = """
import ctypes, json, resource
from reconnect_gui.system.hardening import forbid_core_dumps
forbid_core_dumps()
print(json.dumps({"core": resource.getrlimit(resource.RLIMIT_CORE),
                  "dumpable": ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)}))
"""


def crash_in(folder: Path, mode: str) -> list[Path]:
    folder.mkdir()
    subprocess.run(
        [sys.executable, "-c", CRASH, mode], cwd=folder, env={"PYTHONPATH": str(REPO)}, check=False
    )
    return [p for p in folder.iterdir() if p.name.startswith("core")]


def test_the_process_cannot_dump_its_memory() -> None:
    import json

    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, check=True
    )
    found = json.loads(result.stdout)
    assert found["core"] == [0, 0]  # soft and hard: nothing later can raise it
    assert found["dumpable"] == 0  # PR_GET_DUMPABLE


def test_a_crash_leaves_no_core_file_where_one_would_be_written(tmp_path: Path) -> None:
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    control = crash_in(tmp_path / "plain", "plain")
    hardened = crash_in(tmp_path / "hardened", "hardened")
    assert hardened == []
    # Where cores land in the working folder and the control may raise its limit (root, or
    # no in-process CLI test has lowered this process's hard limit yet), prove one would.
    can_raise = os.geteuid() == 0 or resource.getrlimit(resource.RLIMIT_CORE)[1] != 0
    if pattern.startswith("core") and can_raise:
        assert control, "the control crash wrote no core file, so the test proves nothing"
