"""The app, from source and as the frozen binary, follows the desktop's dark mode, live,
on a real X server with a real XDG desktop portal (xdg-desktop-portal +
xdg-desktop-portal-gtk), switched with ``gsettings`` as GNOME's own settings do.

Two desktops: GNOME (Qt reads the portal itself and reports the scheme through its style
hints) and an X11 desktop Qt does not know (it reports "Unknown"; the app then reads the
portal directly over D-Bus). Each screenshot is kept under artifacts/screenshots/. The
frozen cases run with ``./dev.sh package``.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.desktop import (
    app_process,
    close_with_escape,
    quit_with_ctrl_q,
    wait_for_window,
    window_screenshot,
    xvfb_display,
)
from helpers.desktop_portal import PortalSession, portal_session
from helpers.repo import app_command, require_tool

DARK_BELOW = 0.35  # mean grey level (0 black, 1 white) of the window: our dark ground is 0.11
LIGHT_ABOVE = 0.7  # our light ground is 0.95


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with xvfb_display() as name:
        yield name


@pytest.fixture
def portal(display: str, tmp_path: Path) -> Iterator[PortalSession]:
    with portal_session(display, tmp_path / "desktop-home") as session:
        yield session


def brightness(display: str, window: str, name: str) -> float:
    shot = window_screenshot(display, window, name)
    mean = subprocess.run(
        [
            require_tool("convert"),
            str(shot),
            "-colorspace",
            "Gray",
            "-format",
            "%[fx:mean]",
            "info:",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    return float(mean)


def wait_for_brightness(display: str, window: str, name: str, dark: bool) -> float:
    deadline = time.monotonic() + 20
    while True:
        level = brightness(display, window, name)
        if (level < DARK_BELOW) if dark else (level > LIGHT_ABOVE):
            return level
        assert time.monotonic() < deadline, f"{name}: the window stayed at {level:.2f}"
        time.sleep(0.3)


def command_for(build: str) -> list[str]:
    if build == "source":
        return app_command()
    from e2e.test_frozen import BINARY  # built by ./dev.sh package, which runs this case

    if not BINARY.exists():
        pytest.fail(f"{BINARY} does not exist: build it with ./dev.sh build")
    return [str(BINARY)]


@pytest.mark.parametrize("build", ["source", pytest.param("frozen", marks=pytest.mark.frozen)])
@pytest.mark.parametrize("desktop", ["GNOME", "X-Generic"])
def test_the_window_follows_the_desktops_dark_mode_both_ways(
    display: str, portal: PortalSession, isolated_home: Path, desktop: str, build: str
) -> None:
    env = {
        **portal.env,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CURRENT_DESKTOP": desktop,
        "RECONNECT_HOME": str(isolated_home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("WAYLAND_DISPLAY", None)
    with app_process(command_for(build), env=env) as app:
        setup = wait_for_window(display, "Set up Reconnect")  # a first start; put off
        close_with_escape(display, setup)
        window = wait_for_window(display, "Countdown — Reconnect")
        name = f"desktop-{desktop.lower()}-{build}"
        wait_for_brightness(display, window, f"{name}-light", dark=False)
        portal.set_color_scheme("prefer-dark")
        wait_for_brightness(display, window, f"{name}-dark", dark=True)
        memo = isolated_home / "cache" / "desktop-look"
        assert memo.read_text().strip() == "dark"  # the next start's first frame
        portal.set_color_scheme("default")
        wait_for_brightness(display, window, f"{name}-light-again", dark=False)
        assert memo.read_text().strip() == "light"
        quit_with_ctrl_q(display, window, app)
