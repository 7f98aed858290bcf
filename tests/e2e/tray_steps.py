"""Steps the tray's end-to-end tests share (test_tray_desktop.py, test_tray_at_login_desktop.py):
a vault on day 12 of No Contact, the docked icon, and opening the app from it."""

from __future__ import annotations

from pathlib import Path

from e2e.desktop import (
    TrayIcon,
    passphrase_vault,
    tray_icons,
    unlock_with_passphrase,
    visible_windows,
    wait_for_window,
    wait_until,
    xdotool,
)

MAIN_WINDOW = "Countdown — Reconnect"
DAYS_WITHOUT_CONTACT = 12.2  # the icon shows a day badge, not the first-day look


def tray_vault(display: str, folder: Path) -> dict[str, str]:
    """The app's environment: a passphrase vault (no keyring) with a plan 12 days old."""
    return passphrase_vault(display, folder, days_without_contact=DAYS_WITHOUT_CONTACT)


def docked_icon(
    display: str, message: str = "no icon docked in the tray", timeout: float = 30
) -> TrayIcon:
    """The app's one icon in the XEmbed tray, once it has docked."""
    wait_until(lambda: len(tray_icons(display)) == 1, message, timeout)
    return tray_icons(display)[0]


def only_the_icon(display: str) -> None:
    """Wait until no window of the app is open: the tray is the way in."""
    wait_until(lambda: not visible_windows(display, "Reconnect$"), "a window stayed")


def click_icon(display: str, icon: TrayIcon) -> None:
    xdotool(display, "mousemove", str(icon.x), str(icon.y), "click", "1")


def unlocked_main_window(display: str) -> str:
    """Type the passphrase the icon's click asked for; the main window it then shows."""
    unlock_with_passphrase(display)
    return wait_for_window(display, MAIN_WINDOW)
