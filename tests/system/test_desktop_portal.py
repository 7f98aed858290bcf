"""Reading the desktop's light/dark choice from a real XDG desktop portal over D-Bus."""

from __future__ import annotations

import queue
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from e2e.desktop import xvfb_display
from helpers.desktop_portal import PortalSession, portal_session
from helpers.repo import require_tool
from reconnect_gui.system.desktop_look import remember_dark, remembered_dark
from reconnect_gui.system.desktop_portal import (
    ColorScheme,
    ColorSchemeWatcher,
    read_color_scheme,
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalSession]:
    home = tmp_path_factory.mktemp("portal-home")
    with xvfb_display() as display, portal_session(display, home) as session:
        yield session


@pytest.fixture
def on_portal_bus(portal: PortalSession, monkeypatch: pytest.MonkeyPatch) -> PortalSession:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", portal.address)
    portal.set_color_scheme("default")
    return portal


def test_reads_dark_and_back_from_the_portal(on_portal_bus: PortalSession) -> None:
    assert read_color_scheme() == ColorScheme.NO_PREFERENCE
    on_portal_bus.set_color_scheme("prefer-dark")
    assert _eventually(read_color_scheme, ColorScheme.DARK)
    on_portal_bus.set_color_scheme("prefer-light")
    assert _eventually(read_color_scheme, ColorScheme.LIGHT)


@contextmanager
def watching() -> Iterator[queue.Queue[ColorScheme | None]]:
    """What a started ColorSchemeWatcher reports; it is stopped, and its thread has
    ended, after the block."""
    seen: queue.Queue[ColorScheme | None] = queue.Queue()
    watcher = ColorSchemeWatcher(seen.put)
    watcher.start()
    try:
        yield seen
    finally:
        watcher.stop()
    assert watcher.join(timeout=5), "the watcher's thread did not end"


def test_the_watcher_reports_the_scheme_then_each_change_both_ways(
    on_portal_bus: PortalSession,
) -> None:
    with watching() as seen:
        assert seen.get(timeout=10) == ColorScheme.NO_PREFERENCE  # what it is now
        on_portal_bus.set_color_scheme("prefer-dark")
        assert seen.get(timeout=10) == ColorScheme.DARK  # SettingChanged, live
        on_portal_bus.set_color_scheme("default")
        assert seen.get(timeout=10) == ColorScheme.NO_PREFERENCE


def test_a_signal_that_repeats_the_last_answer_is_not_reported_again(
    on_portal_bus: PortalSession,
) -> None:
    # A signal sent before the watcher read the first answer can arrive after it: the
    # desktop did not change, so nothing is reported (CI once saw the repeat).
    with watching() as seen:
        assert seen.get(timeout=10) == ColorScheme.NO_PREFERENCE
        on_portal_bus.announce_color_scheme(ColorScheme.NO_PREFERENCE)
        on_portal_bus.announce_color_scheme(ColorScheme.DARK)
        assert seen.get(timeout=10) == ColorScheme.DARK
        on_portal_bus.announce_color_scheme(ColorScheme.DARK)
        on_portal_bus.set_color_scheme("prefer-light")
        assert seen.get(timeout=10) == ColorScheme.LIGHT
    assert seen.empty()


def test_no_session_bus_means_no_answer_quickly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    started = time.monotonic()
    assert read_color_scheme() is None
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert read_color_scheme() is None
    assert time.monotonic() - started < 2


def test_a_bus_without_a_portal_means_no_answer(tmp_path: Path) -> None:
    # A session bus where nothing serves the portal: ServiceUnknown, not a hang.
    bus = subprocess.Popen(
        [require_tool("dbus-daemon"), "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "XDG_DATA_DIRS": str(tmp_path)},  # no service files
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert read_color_scheme(bus=address) is None
        seen: queue.Queue[ColorScheme] = queue.Queue()
        watcher = ColorSchemeWatcher(seen.put, bus=address)
        watcher.start()
        assert seen.get(timeout=5) is None  # "nobody says"
        assert watcher.join(timeout=5), "with no portal the watcher gives up"
        assert seen.empty()
    finally:
        bus.terminate()
        bus.wait(timeout=10)


def test_the_last_answer_is_remembered_for_the_next_first_frame(tmp_path: Path) -> None:
    memo = tmp_path / "cache" / "desktop-look"
    assert remembered_dark(memo) is None
    remember_dark(memo, True)
    assert remembered_dark(memo) is True
    remember_dark(memo, False)
    assert remembered_dark(memo) is False
    remember_dark(memo, None)
    assert remembered_dark(memo) is None and not memo.exists()
    memo.write_bytes(b"\xff\xfe")  # damaged: no answer, no error
    assert remembered_dark(memo) is None


def _eventually(read, expected, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if read() == expected:
            return True
        time.sleep(0.1)
    return False


def test_the_way_to_the_first_frame_loads_no_dbus_client() -> None:
    # app.py reads the remembered answer before the first frame; D-Bus comes after it.
    probe = (
        "import sys, reconnect_gui.app, reconnect_gui.ui.shell.main_window, "
        "reconnect_gui.ui.widgets.theme, reconnect_gui.system.desktop_portal; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jeepney', 'socket')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
