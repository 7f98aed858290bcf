"""The tray on a real X server with a real tray host (trayer): the icon docks and shows
the day, closing the window keeps the app there, its menu opens the SOS flow and quits,
and ``--tray`` starts with only the icon. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from e2e.desktop import (
    TrayIcon,
    app_process,
    choose_in_tray_menu,
    close_with_escape,
    quit_with_ctrl_q,
    screenshot,
    tray_host,
    visible_windows,
    wait_for_window,
    wait_until,
    xdotool,
    xvfb_display,
)
from e2e.tray_steps import (
    MAIN_WINDOW,
    click_icon,
    docked_icon,
    tray_vault,
    unlocked_main_window,
)
from helpers.repo import app_command


@pytest.fixture
def desktop() -> Iterator[str]:
    with xvfb_display() as display, tray_host(display):
        yield display


@pytest.fixture
def env(desktop: str, tmp_path: Path) -> dict[str, str]:
    return tray_vault(desktop, tmp_path)


def hide_the_window(display: str, window: str) -> None:
    """Close the window (Ctrl+W, like its close button): the app stays in the tray."""
    xdotool(display, "windowfocus", "--sync", window)
    xdotool(display, "key", "ctrl+w")
    wait_until(lambda: not visible_windows(display, MAIN_WINDOW), "the window stayed")


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
    with app_process(app_command(), env=env) as app:
        window = unlocked_main_window(desktop)
        icon = docked_icon(desktop)
        wait_until(
            lambda: colourful_share(desktop, icon, "tray-day") > 0.2, "the day badge never showed"
        )

        # Closing the window leaves the app in the tray.
        hide_the_window(desktop, window)
        assert app.poll() is None
        screenshot(desktop, "tray-hidden-notice")

        # A left click on the icon brings it back.
        click_icon(desktop, icon)
        hide_the_window(desktop, wait_for_window(desktop, MAIN_WINDOW))

        # The menu: Open, I feel the urge…, …: the second item opens the SOS flow.
        choose_in_tray_menu(desktop, icon, "Down", "Down")  # Open, then I feel the urge…
        sos = wait_for_window(desktop, "A moment for you")
        assert visible_windows(desktop, MAIN_WINDOW), "the window opens with the SOS flow"
        close_with_escape(desktop, sos)

        # A second launch shows the running copy's window and leaves.
        hide_the_window(desktop, wait_for_window(desktop, MAIN_WINDOW))
        second = subprocess.run(app_command(), env=env, capture_output=True, timeout=60)
        assert second.returncode == 0
        wait_for_window(desktop, MAIN_WINDOW)

        # The last item quits for real.
        choose_in_tray_menu(desktop, icon, "Up")  # Quit
        assert app.wait(timeout=20) == 0


def test_a_tray_start_shows_only_the_icon_until_it_is_clicked(
    desktop: str, env: dict[str, str]
) -> None:
    with app_process(app_command("--tray"), env=env) as app:
        icon = docked_icon(desktop)
        xdotool(desktop, "sleep", "2")  # time enough for any window that would open
        assert not visible_windows(desktop, "Reconnect$")
        assert not visible_windows(desktop, "Unlock Reconnect"), "no passphrase at login"
        assert colourful_share(desktop, icon, "tray-locked") < 0.05  # the grey padlock
        click_icon(desktop, icon)
        window = unlocked_main_window(desktop)
        wait_until(
            lambda: colourful_share(desktop, icon, "tray-day-after-unlock") > 0.2,
            "the day badge never showed",
        )
        xdotool(desktop, "windowfocus", "--sync", window)
        screenshot(desktop, "tray-start-unlocked")
        quit_with_ctrl_q(desktop, window, app)
