"""What is on screen, read as a screen reader reads it: the app's accessibility tree over
AT-SPI, on a session bus of the test's own.

The app exposes its widgets over AT-SPI when ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` is in
its environment and the session bus has the accessibility bus (at-spi2-core's
``at-spi-bus-launcher``, which ``e2e.living_desktop`` starts on it). Only what is showing
is read: hidden pages and closed banners are left out, as a screen reader leaves them out
(a list's items are all read, scrolled out of view or not). Places come from the same
tree, so a test clicks a button where a person would.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from jeepney import DBusAddress, DBusErrorResponse, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from e2e.desktop import xdotool

A11Y_BUS = "org.a11y.Bus"
ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
REGISTRY = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
# AT-SPI's state bits (atspi-constants.h): AtspiStateType.
FOCUSED, SHOWING = 12, 25
SCREEN = 0  # ATSPI_COORD_TYPE_SCREEN
LAUNCHER_FOLDERS = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2")
APP_ENV = {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}  # what the app needs in its environment


@dataclass(frozen=True)
class Node:
    name: str
    role: str  # "push button", "list item", "dialog", …
    states: frozenset[int]
    bus_name: str
    path: str
    depth: int
    window: int = 0  # which top-level window (in the app's order: dialogs come later)

    @property
    def focused(self) -> bool:
        return FOCUSED in self.states


def require_accessibility_bus() -> str:
    """at-spi2-core's launcher of the accessibility bus; in CI its absence fails the test
    (as ``helpers.repo.require_tool`` does), elsewhere it skips."""
    for folder in LAUNCHER_FOLDERS:
        launcher = Path(folder, "at-spi-bus-launcher")
        if launcher.exists():
            return str(launcher)
    message = "at-spi2-core is not installed (./dev.sh test installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class ScreenReader:
    """Reads the accessibility tree of the app called ``app_name``."""

    def __init__(self, session_bus_address: str, app_name: str = "Reconnect") -> None:
        self.app_name = app_name
        with open_dbus_connection(bus=session_bus_address) as session:
            a11y_bus = DBusAddress("/org/a11y/bus", bus_name=A11Y_BUS, interface=A11Y_BUS)
            self._address = session.send_and_get_reply(
                new_method_call(a11y_bus, "GetAddress"), timeout=10
            ).body[0]
        self._bus: DBusConnection = open_dbus_connection(bus=self._address)

    def close(self) -> None:
        self._bus.close()

    def _call(self, bus_name: str, path: str, interface: str, method: str, *args, signature=None):
        address = DBusAddress(path, bus_name=bus_name, interface=interface)
        message = (
            new_method_call(address, method, signature, args)
            if args
            else new_method_call(address, method)
        )
        return self._bus.send_and_get_reply(message, timeout=10).body

    def _children(self, bus_name: str, path: str) -> list[tuple[str, str]]:
        return self._call(bus_name, path, ACCESSIBLE, "GetChildren")[0]

    def _node(self, bus_name: str, path: str, depth: int) -> Node:
        address = DBusAddress(path, bus_name=bus_name, interface=ACCESSIBLE)
        name = self._bus.send_and_get_reply(Properties(address).get("Name"), timeout=10).body[0][1]
        role = self._call(bus_name, path, ACCESSIBLE, "GetRoleName")[0]
        low, high = self._call(bus_name, path, ACCESSIBLE, "GetState")[0]
        states = frozenset(bit for bit in range(64) if (low | (high << 32)) & (1 << bit))
        return Node(name, role, states, bus_name, path, depth)

    def _app(self) -> tuple[str, str] | None:
        for bus_name, path in self._children(*REGISTRY):
            try:
                if self._node(bus_name, path, 0).name == self.app_name:
                    return bus_name, path
            except DBusErrorResponse:  # an app that left the bus meanwhile
                continue
        return None

    def showing(self) -> list[Node]:
        """Every node on screen now, in the tree's order (windows and dialogs alike)."""
        app = self._app()
        if app is None:
            return []
        found: list[Node] = []

        def walk(bus_name: str, path: str, depth: int, window: int) -> None:
            for child_bus, child_path in self._children(bus_name, path):
                node = replace(self._node(child_bus, child_path, depth), window=window)
                if SHOWING not in node.states:
                    continue
                found.append(node)
                walk(child_bus, child_path, depth + 1, window)

        for window, (bus_name, path) in enumerate(self._children(*app)):
            node = replace(self._node(bus_name, path, 1), window=window)
            if SHOWING in node.states:
                found.append(node)
                walk(bus_name, path, 2, window)
        return found

    def windows(self) -> list[Node]:
        """The app's top-level windows on screen: the main window, dialogs, notes."""
        return [n for n in self.showing() if n.depth == 1]

    def find(self, role: str, name: str, *, prefix: bool = False) -> list[Node]:
        """The showing nodes of ``role`` called ``name`` (or, with ``prefix``, whose name
        starts with it), the newest window's first: a dialog's before the window's."""
        found = [
            n
            for n in self.showing()
            if n.role == role and (n.name.startswith(name) if prefix else n.name == name)
        ]
        return sorted(found, key=lambda n: -n.window)

    def wait_for(self, role: str, name: str, timeout: float = 20, *, prefix: bool = False) -> Node:
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(role, name, prefix=prefix)
            if found:
                return found[0]
            if time.monotonic() > deadline:
                seen = "; ".join(f"{n.role} {n.name[:40]!r}" for n in self.showing())
                raise AssertionError(f"no {role} {name!r} on screen, only: {seen}")
            time.sleep(0.25)

    def items(self, list_name: str) -> list[str]:
        """The names of every item of the showing list called ``list_name``, in order,
        the ones scrolled out of view too (a screen reader reaches them with the arrows)."""
        found = self.find("list", list_name)
        if not found:
            raise AssertionError(f"no list {list_name!r} on screen")
        items = [
            self._node(*child, 0) for child in self._children(found[0].bus_name, found[0].path)
        ]
        return [item.name for item in items if item.role == "list item"]

    def centre(self, node: Node) -> tuple[int, int]:
        x, y, width, height = self._call(
            node.bus_name, node.path, COMPONENT, "GetExtents", SCREEN, signature="u"
        )[0]
        return x + width // 2, y + height // 2

    def click(
        self, display: str, role: str, name: str, timeout: float = 20, *, prefix: bool = False
    ) -> None:
        """Click the middle of the showing ``role`` called ``name``, as a person would."""
        x, y = self.centre(self.wait_for(role, name, timeout, prefix=prefix))
        xdotool(display, "mousemove", "--sync", str(x), str(y), "click", "1")
