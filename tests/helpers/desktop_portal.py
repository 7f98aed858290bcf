"""A real XDG desktop portal in a session bus of its own (TESTING.md's recipe).

``dbus-run-session`` starts a private session bus; inside it ``xdg-desktop-portal`` and
``xdg-desktop-portal-gtk`` serve ``org.freedesktop.portal.Settings``, and the GTK backend
reads GNOME's ``color-scheme`` from dconf, which ``gsettings set`` changes live. HOME and
the XDG folders point into the test's own folder, so the real user's settings are never
read or changed. The GTK backend needs a display (it is a GTK program): an Xvfb one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.repo import require_tool

PORTAL = "/usr/libexec/xdg-desktop-portal"
PORTAL_GTK = "/usr/libexec/xdg-desktop-portal-gtk"
# xdg-desktop-portal 1.18 and later choose a backend from portals.conf; older ones (Debian
# 12 has 1.16) from the backend's UseIn=gnome and XDG_CURRENT_DESKTOP. Both are given.
PORTALS_CONF = "[preferred]\ndefault=gtk\n"
# The session lasts until the test closes its stdin (``cat`` then ends), not until the
# portals end: one started by D-Bus activation first makes ours exit at once.
START_SCRIPT = f"""
{PORTAL_GTK} >/dev/null 2>&1 &
{PORTAL} >/dev/null 2>&1 &
echo "$DBUS_SESSION_BUS_ADDRESS"
exec cat >/dev/null
"""


@dataclass(frozen=True)
class PortalSession:
    address: str  # DBUS_SESSION_BUS_ADDRESS of the portal's bus
    env: dict[str, str]  # an environment that reaches it (and the same dconf)

    def set_color_scheme(self, value: str) -> None:
        """``gsettings set org.gnome.desktop.interface color-scheme VALUE`` in this session
        (``prefer-dark``, ``prefer-light`` or ``default``)."""
        subprocess.run(
            [
                require_tool("gsettings"),
                "set",
                "org.gnome.desktop.interface",
                "color-scheme",
                value,
            ],
            env=self.env,
            check=True,
            timeout=20,
            capture_output=True,
        )

    def read_color_scheme(self) -> str:
        """What the portal answers, read by a client that is not ours (gdbus)."""
        return subprocess.run(
            [
                require_tool("gdbus"),
                "call",
                "--session",
                "-d",
                "org.freedesktop.portal.Desktop",
                "-o",
                "/org/freedesktop/portal/desktop",
                "-m",
                "org.freedesktop.portal.Settings.Read",
                "org.freedesktop.appearance",
                "color-scheme",
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()


@contextmanager
def portal_session(display: str, home: Path) -> Iterator[PortalSession]:
    """Start the portal and its GTK backend on a private session bus; stop them after."""
    for tool in ("dbus-run-session", "gsettings", "gdbus", PORTAL, PORTAL_GTK):
        require_tool(tool)
    home.mkdir(parents=True, exist_ok=True)
    config = home / ".config"
    (config / "xdg-desktop-portal").mkdir(parents=True, exist_ok=True)
    (config / "xdg-desktop-portal" / "portals.conf").write_text(PORTALS_CONF)
    env = {
        **os.environ,
        "DISPLAY": display,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CURRENT_DESKTOP": "GNOME",
        "GSETTINGS_BACKEND": "dconf",
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("WAYLAND_DISPLAY", None)
    bus = subprocess.Popen(
        ["dbus-run-session", "--", "sh", "-c", START_SCRIPT],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the bus, the portals, dconf
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address.startswith("unix:"), f"dbus-run-session gave no address: {address!r}"
        session = PortalSession(address, {**env, "DBUS_SESSION_BUS_ADDRESS": address})
        session.set_color_scheme("default")
        deadline = time.monotonic() + 30
        while "uint32" not in session.read_color_scheme():
            assert time.monotonic() < deadline, "the portal did not answer"
            time.sleep(0.2)
        yield session
    finally:
        assert bus.stdin is not None
        bus.stdin.close()
        os.killpg(bus.pid, signal.SIGTERM)
        try:
            bus.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(bus.pid, signal.SIGKILL)
            bus.wait(timeout=10)
