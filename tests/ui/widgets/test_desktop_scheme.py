"""The "system" theme follows the desktop's dark mode, live, through a real XDG portal.

Offscreen Qt knows no colour scheme ("Unknown"), as on an X11 desktop whose platform
theme does not ask: the app then reads the portal itself. The case where Qt knows (GNOME)
runs in tests/e2e/test_dark_mode_desktop.py with the real app on Xvfb.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from e2e.desktop import xvfb_display
from helpers.desktop_portal import PortalSession, portal_session
from reconnect_gui.ui.widgets.desktop_scheme import DesktopSchemeFollower
from reconnect_gui.ui.widgets.theme import (
    apply_theme,
    desktop_is_dark,
    follow_desktop,
    is_dark,
    palette_for,
)

OUR_DARK = palette_for(True).color(QPalette.ColorRole.Window).name()
OUR_LIGHT = palette_for(False).color(QPalette.ColorRole.Window).name()


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalSession]:
    home = tmp_path_factory.mktemp("portal-home")
    with xvfb_display() as display, portal_session(display, home) as session:
        yield session


@pytest.fixture
def desktop(
    portal: PortalSession, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> Iterator[PortalSession]:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", portal.address)
    portal.set_color_scheme("default")
    yield portal
    follow_desktop(qapp, None)  # as every other test expects: nothing learned
    apply_theme(qapp, "system")


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def test_the_system_theme_follows_the_portal_live_both_ways(
    desktop: PortalSession, qapp: QApplication, qtbot: QtBot
) -> None:
    apply_theme(qapp, "system")
    remembered: list[bool | None] = []
    follower = DesktopSchemeFollower(qapp, remembered.append)
    try:
        qtbot.waitUntil(lambda: remembered == [False], timeout=10_000)
        assert window_colour(qapp) == OUR_LIGHT  # GNOME's "default" is light
        desktop.set_color_scheme("prefer-dark")
        qtbot.waitUntil(lambda: window_colour(qapp) == OUR_DARK, timeout=10_000)
        assert is_dark(qapp.palette()) and remembered == [False, True]
        desktop.set_color_scheme("default")
        qtbot.waitUntil(lambda: window_colour(qapp) == OUR_LIGHT, timeout=10_000)
        assert remembered == [False, True, False]
    finally:
        follower.stop()


def test_a_chosen_theme_stays_when_the_desktop_switches(
    desktop: PortalSession, qapp: QApplication, qtbot: QtBot
) -> None:
    apply_theme(qapp, "light")
    follower = DesktopSchemeFollower(qapp, lambda _dark: None)
    try:
        desktop.set_color_scheme("prefer-dark")
        qtbot.waitUntil(lambda: desktop_is_dark() is True, timeout=10_000)
        assert window_colour(qapp) == OUR_LIGHT  # the person's choice wins
        apply_theme(qapp, "system")  # and going back to "system" takes the desktop's
        assert window_colour(qapp) == OUR_DARK
    finally:
        follower.stop()


def test_with_no_portal_the_desktops_own_look_stays(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    apply_theme(qapp, "system")
    desktops_own = window_colour(qapp)
    follow_desktop(qapp, True)  # what the last run remembered
    assert window_colour(qapp) == OUR_DARK
    remembered: list[bool | None] = []
    follower = DesktopSchemeFollower(qapp, remembered.append)
    try:
        qtbot.waitUntil(lambda: remembered == [None], timeout=10_000)
        assert window_colour(qapp) == desktops_own  # nobody says: the desktop's look
    finally:
        follower.stop()
        follow_desktop(qapp, None)
        apply_theme(qapp, "system")


def test_the_first_frame_uses_what_the_last_run_learned(qapp: QApplication) -> None:
    try:
        follow_desktop(qapp, True)  # before any window: app.py reads the remembered answer
        apply_theme(qapp, "system")
        assert window_colour(qapp) == OUR_DARK
    finally:
        follow_desktop(qapp, None)
        apply_theme(qapp, "system")
