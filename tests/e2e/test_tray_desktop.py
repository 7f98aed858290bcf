"""The tray on a real X server with a real tray host (trayer): the icon docks and shows
the day, closing the window keeps the app there, its menu opens the SOS flow and quits,
and ``--tray`` starts with only the icon. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from e2e.desktop import (
    TrayIcon,
    open_tray_menu,
    passphrase_vault,
    screenshot,
    tray_host,
    tray_icons,
    unlock_with_passphrase,
    visible_windows,
    wait_for_window,
    wait_until,
    wait_until_closed,
    xdotool,
    xvfb_display,
)
from helpers.repo import app_command

MAIN_WINDOW = "Countdown — Reconnect"


@pytest.fixture
def desktop() -> str:
    with xvfb_display() as display, tray_host(display):
        yield display


@pytest.fixture
def env(desktop: str, tmp_path: Path) -> dict[str, str]:
    return passphrase_vault(desktop, tmp_path, days_without_contact=12.2)


def docked_icon(display: str) -> TrayIcon:
    wait_until(lambda: len(tray_icons(display)) == 1, "no icon docked in the tray")
    return tray_icons(display)[0]


def colourful_share(display: str, icon: TrayIcon, name: str) -> float:
    """How much of the icon is saturated colour: the day tile is, the locked one is grey."""
    image = QImage(str(screenshot(display, name)))
    left, top = icon.x - icon.width // 2, icon.y - icon.height // 2
    pixels = [
        QColor(image.pixel(x, y))
        for x in range(left, left + icon.width)
        for y in range(top, top + icon.height)
    ]
    return sum(1 for p in pixels if p.hsvSaturationF() > 0.25) / len(pixels)


def test_the_tray_keeps_the_app_and_its_menu_works(desktop: str, env: dict[str, str]) -> None:
    app = subprocess.Popen(app_command(), env=env)
    try:
        unlock_with_passphrase(desktop)
        window = wait_for_window(desktop, MAIN_WINDOW)
        icon = docked_icon(desktop)
        wait_until(
            lambda: colourful_share(desktop, icon, "tray-day") > 0.2, "the day badge never showed"
        )

        # Closing the window (Ctrl+W, like its close button) leaves the app in the tray.
        xdotool(desktop, "windowfocus", "--sync", window)
        xdotool(desktop, "key", "ctrl+w")
        wait_until(lambda: not visible_windows(desktop, MAIN_WINDOW), "the window stayed")
        assert app.poll() is None
        screenshot(desktop, "tray-hidden-notice")

        # A left click on the icon brings it back.
        xdotool(desktop, "mousemove", str(icon.x), str(icon.y), "click", "1")
        window = wait_for_window(desktop, MAIN_WINDOW)
        xdotool(desktop, "windowfocus", "--sync", window)
        xdotool(desktop, "key", "ctrl+w")
        wait_until(lambda: not visible_windows(desktop, MAIN_WINDOW), "the window stayed")

        # The menu: Open, I feel the urge…, …: the second item opens the SOS flow.
        open_tray_menu(desktop, icon)
        screenshot(desktop, "tray-menu")
        xdotool(desktop, "key", "Down", "Down", "Return")
        sos = wait_for_window(desktop, "A moment for you")
        assert visible_windows(desktop, MAIN_WINDOW), "the window opens with the SOS flow"
        xdotool(desktop, "windowfocus", "--sync", sos)
        xdotool(desktop, "key", "Escape")
        wait_until_closed(desktop, sos)

        # A second launch shows the running copy's window and leaves.
        window = wait_for_window(desktop, MAIN_WINDOW)
        xdotool(desktop, "windowfocus", "--sync", window)
        xdotool(desktop, "key", "ctrl+w")
        wait_until(lambda: not visible_windows(desktop, MAIN_WINDOW), "the window stayed")
        second = subprocess.run(app_command(), env=env, capture_output=True, timeout=60)
        assert second.returncode == 0
        wait_for_window(desktop, MAIN_WINDOW)

        # The last item quits for real.
        open_tray_menu(desktop, icon)
        xdotool(desktop, "key", "Up", "Return")
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()


def test_a_tray_start_shows_only_the_icon_until_it_is_clicked(
    desktop: str, env: dict[str, str]
) -> None:
    app = subprocess.Popen(app_command("--tray"), env=env)
    try:
        icon = docked_icon(desktop)
        xdotool(desktop, "sleep", "2")  # time enough for any window that would open
        assert not visible_windows(desktop, "Reconnect$")
        assert not visible_windows(desktop, "Unlock Reconnect"), "no passphrase at login"
        assert colourful_share(desktop, icon, "tray-locked") < 0.05  # the grey padlock
        xdotool(desktop, "mousemove", str(icon.x), str(icon.y), "click", "1")
        unlock_with_passphrase(desktop)
        wait_for_window(desktop, MAIN_WINDOW)
        wait_until(
            lambda: colourful_share(desktop, icon, "tray-day-after-unlock") > 0.2,
            "the day badge never showed",
        )
        window = wait_for_window(desktop, MAIN_WINDOW)
        xdotool(desktop, "windowfocus", "--sync", window)
        screenshot(desktop, "tray-start-unlocked")
        xdotool(desktop, "key", "ctrl+q")
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
