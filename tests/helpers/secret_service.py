"""Run a shell script inside a real Secret Service session (TESTING.md's recipe).

A fresh keyring folder (an old "login" keyring with another password would stay
locked and make gnome-keyring try to show a prompt), ``dbus-run-session``, and
``gnome-keyring-daemon --unlock`` fed a password on stdin. The script's ``@@ NAME``
lines split its output into named sections.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.repo import REPO, require_tool

PRELUDE = """
set -e
eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
step() { echo "@@ $1"; }
"""


def run_in_secret_service(tmp_path: Path, script: str, **env_vars: str) -> dict[str, str]:
    for tool in ("dbus-run-session", "gnome-keyring-daemon", "secret-tool"):
        require_tool(tool)
    keyring_home = tmp_path / "keyring-data"
    keyring_home.mkdir()
    # gnome-keyring puts its control socket under XDG_CACHE_HOME and creates only the
    # last folder level; without it a second, locked daemon gets D-Bus-activated.
    socket_home = tmp_path / "keyring-cache"
    socket_home.mkdir()
    env = dict(os.environ)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND", "GNOME_KEYRING_CONTROL"):
        env.pop(var, None)  # no display: gnome-keyring must not be able to show a prompt
    env.update(
        XDG_DATA_HOME=str(keyring_home),
        XDG_CACHE_HOME=str(socket_home),
        # Keep what is already there: the session's network guard rides on PYTHONPATH.
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        PY=sys.executable,
        **env_vars,
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", PRELUDE + script + "\nstep end\n"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    sections: dict[str, str] = {}
    name = ""
    for line in result.stdout.splitlines():
        if line.startswith("@@ "):
            name = line[3:]
            sections[name] = ""
        elif name:
            sections[name] += line + "\n"
    assert "end" in sections, result.stdout
    return sections
