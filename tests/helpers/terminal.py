"""Watching and typing into a real child process: its argv, whether it waits for input,
and a pseudo-terminal to type at its prompts."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from helpers.repo import app_command


def cmdline(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


def waiting_on_pipe(pid: int) -> bool:
    """Whether the process sleeps reading a pipe (it has started and waits for its words)."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state == "S" and ("pipe_read" in wchan or "pipe_wait" in wchan)


def in_a_terminal(
    argv: list[str], env: dict[str, str], typing: list[tuple[str, bytes]]
) -> tuple[int, str]:
    """Run the real CLI on a pseudo-terminal; each ``(shown, keys)`` of ``typing`` types
    ``keys`` once ``shown`` is on the screen (since the keys before). Returns the exit code
    and everything the screen showed."""
    import pty
    import select

    leader, follower = pty.openpty()
    child = subprocess.Popen(
        app_command(*argv), env=env, stdin=follower, stdout=follower, stderr=follower
    )
    os.close(follower)
    screen = b""
    since = 0  # where the screen stood when the last keys were typed
    pending = list(typing)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if pending and pending[0][0].encode() in screen[since:]:
            since = len(screen)
            os.write(leader, pending.pop(0)[1])
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child has gone and closed its side
                break
            if not chunk:
                break
            screen += chunk
        elif child.poll() is not None:
            break
    os.close(leader)
    if child.poll() is None:
        child.kill()
    return child.wait(timeout=30), screen.decode("utf-8", "replace")
