"""A private D-Bus session bus for one test (``dbus-run-session``), and real desktop
services started on it: a StatusNotifierItem tray host, a notification daemon.

The bus lives until the test closes its stdin (``cat`` then ends); everything started on
it runs in its own process group and is stopped with it. The real user's session bus is
never reached: the environment the test hands the app points at this one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO

from helpers.repo import require_tool

# A session bus that starts nothing on demand (no service files): "no daemon" stays so.
BARE_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
START_SCRIPT = 'echo "$DBUS_SESSION_BUS_ADDRESS"\nexec cat >/dev/null\n'
SNI_WATCHER = "org.kde.StatusNotifierWatcher"


@dataclass
class SessionBus:
    address: str
    env: dict[str, str]  # reaches this bus (and the display it was given)
    _services: list[subprocess.Popen] = field(default_factory=list)

    def start(
        self, *command: str, output: IO[bytes] | None = None, **extra_env: str
    ) -> subprocess.Popen:
        """A program on this bus, stopped when the bus ends; what it prints goes to
        ``output`` (a file), or nowhere."""
        process = subprocess.Popen(
            list(command),
            env={**self.env, **extra_env},
            stdout=output if output is not None else subprocess.DEVNULL,
            stderr=subprocess.STDOUT if output is not None else subprocess.DEVNULL,
            start_new_session=True,
        )
        self._services.append(process)
        return process

    def call(self, destination: str, path: str, method: str, *args: str) -> str:
        """``gdbus call`` on this bus; its printed answer ("" when the call failed)."""
        done = subprocess.run(
            [
                require_tool("gdbus"),
                "call",
                "--session",
                "-d",
                destination,
                "-o",
                path,
                "-m",
                method,
                *args,
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    def has_name(self, name: str) -> bool:
        names = self.call(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"
        )
        return f"'{name}'" in names

    def registered_tray_items(self) -> list[str]:
        """The StatusNotifierItems the watcher knows (the tray host shows each one)."""
        answer = self.call(
            SNI_WATCHER,
            "/StatusNotifierWatcher",
            "org.freedesktop.DBus.Properties.Get",
            SNI_WATCHER,
            "RegisteredStatusNotifierItems",
        )
        inside = answer.partition("[")[2].partition("]")[0]
        return [item.strip(" '") for item in inside.split(",") if item.strip(" '")]

    def tray_host_ready(self) -> bool:
        """A StatusNotifierItem host has registered with the watcher: items can dock now."""
        answer = self.call(
            SNI_WATCHER,
            "/StatusNotifierWatcher",
            "org.freedesktop.DBus.Properties.Get",
            SNI_WATCHER,
            "IsStatusNotifierHostRegistered",
        )
        return "true" in answer

    def stop_services(self) -> None:
        for process in reversed(self._services):
            if process.poll() is None:
                end_group(process)
        self._services.clear()


def end_group(process: subprocess.Popen) -> None:
    """End the process group ``process`` leads: asked first, forced after 10 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def session_bus(env: dict[str, str], *, activation: bool = True) -> Iterator[SessionBus]:
    """A new session bus; ``env`` (a display, a HOME) is what its services start with.
    ``activation=False``: nothing installed (dunst, say) is started on demand."""
    require_tool("dbus-run-session")
    base = {**env}
    base.pop("DBUS_SESSION_BUS_ADDRESS", None)
    options: list[str] = []
    if not activation:
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as config:
            config.write(BARE_CONFIG)
        options = ["--config-file", config.name]
    bus = subprocess.Popen(
        ["dbus-run-session", *options, "--", "sh", "-c", START_SCRIPT],
        env=base,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    session: SessionBus | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address.startswith("unix:"), f"dbus-run-session gave no address: {address!r}"
        session = SessionBus(address, {**base, "DBUS_SESSION_BUS_ADDRESS": address})
        yield session
    finally:
        if session is not None:
            session.stop_services()
        assert bus.stdin is not None
        bus.stdin.close()
        end_group(bus)
        for option in options[1:]:
            os.unlink(option)


def wait_for(condition, message: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


def dunstctl(bus: SessionBus, *args: str) -> str:
    """Ask the dunst running on ``bus`` (``count displayed``, ``action 0``, ``history``)."""
    return subprocess.run(
        [require_tool("dunstctl"), *args],
        env=bus.env,
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout.strip()
