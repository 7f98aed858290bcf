"""A real XDG desktop portal in a session bus of its own (TESTING.md's recipe).

A private session bus (helpers/session_bus.py); on it ``xdg-desktop-portal`` and
``xdg-desktop-portal-gtk`` serve ``org.freedesktop.portal.Settings``, and the GTK backend
reads GNOME's ``color-scheme`` from dconf, which ``gsettings set`` changes live. HOME and
the XDG folders point into the test's own folder, so the real user's settings are never
read or changed. The GTK backend needs a display (it is a GTK program): an Xvfb one.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.repo import require_tool
from helpers.session_bus import SessionBus, session_bus

PORTAL = "/usr/libexec/xdg-desktop-portal"
PORTAL_GTK = "/usr/libexec/xdg-desktop-portal-gtk"
# xdg-desktop-portal 1.18 and later choose a backend from portals.conf; older ones (Debian
# 12 has 1.16) from the backend's UseIn=gnome and XDG_CURRENT_DESKTOP. Both are given.
PORTALS_CONF = "[preferred]\ndefault=gtk\n"


@dataclass(frozen=True)
class PortalSession:
    bus: SessionBus  # the portal's private bus (helpers/session_bus.py)

    @property
    def address(self) -> str:
        """DBUS_SESSION_BUS_ADDRESS of the portal's bus."""
        return self.bus.address

    @property
    def env(self) -> dict[str, str]:
        """An environment that reaches the portal (and the same dconf)."""
        return self.bus.env

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

    def announce_color_scheme(self, scheme: int) -> None:
        """A ``SettingChanged`` signal for ``color-scheme`` as the portal sends it, sent by
        ``gdbus emit``: a late or repeated signal, on demand. The app's watcher matches
        the signal by its interface and path, not by its sender."""
        subprocess.run(
            [
                require_tool("gdbus"),
                "emit",
                "--session",
                "--object-path",
                "/org/freedesktop/portal/desktop",
                "--signal",
                "org.freedesktop.portal.Settings.SettingChanged",
                "'org.freedesktop.appearance'",
                "'color-scheme'",
                f"<uint32 {scheme}>",
            ],
            env=self.env,
            check=True,
            timeout=20,
            capture_output=True,
        )

    def read_color_scheme(self) -> str:
        """What the portal answers, read by a client that is not ours (gdbus)."""
        return self.bus.call(
            "org.freedesktop.portal.Desktop",
            "/org/freedesktop/portal/desktop",
            "org.freedesktop.portal.Settings.Read",
            "org.freedesktop.appearance",
            "color-scheme",
        )


@contextmanager
def portal_session(display: str, home: Path) -> Iterator[PortalSession]:
    """Start the portal and its GTK backend on a private session bus; stop them after."""
    for tool in ("gsettings", PORTAL, PORTAL_GTK):
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
    env.pop("WAYLAND_DISPLAY", None)
    # The bus lasts until the session ends, not until the portals do: one started by
    # D-Bus activation first makes ours exit at once, and that one serves instead.
    with session_bus(env) as bus:
        bus.start(PORTAL_GTK)
        bus.start(PORTAL)
        session = PortalSession(bus)
        session.set_color_scheme("default")
        deadline = time.monotonic() + 30
        while "uint32" not in session.read_color_scheme():
            assert time.monotonic() < deadline, "the portal did not answer"
            time.sleep(0.2)
        yield session
