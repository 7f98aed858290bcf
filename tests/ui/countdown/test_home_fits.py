"""The home screen fits the default window (1040×700) without scrolling in every state,
with the safety link in view (issue 17): plain, with the waiting banner after a slip,
with a milestone card, with the moving-on undo bar, and with a banner and a card at once;
and at the smallest window (720×480) it scrolls with nothing clipped or overlapping.

Real vault, real main window, real layout (offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from itertools import pairwise

import pytest

from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.milestones import milestone_key, reached
from reconnect_gui.core.countdown.plan import Plan, new_plan, record_slip
from reconnect_gui.storage.countdown_store import add_contact, save_plan
from reconnect_gui.storage.milestone_store import record_celebrated
from reconnect_gui.ui.countdown.countdown_pane import HOME_PAGE, CountdownPane
from reconnect_gui.ui.countdown.dialogs import ReadinessDialog
from reconnect_gui.ui.countdown.urge_chart import CHART_MIN_HEIGHT

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


class HomeState(StrEnum):
    PLAIN = "plain"
    WAITING = "waiting banner"
    MILESTONE = "milestone card"
    MOVING_ON = "moving-on undo bar"
    WAITING_AND_MILESTONE = "waiting banner and milestone card"


def _celebrate_all(vault, plan: Plan) -> None:
    """Every milestone reached so far was celebrated already: no card."""
    record_celebrated(vault, [milestone_key(plan, day) for day in reached(plan, NOW)])


def _prepare(state: HomeState, vault) -> Plan:
    """Store what the vault holds in ``state`` before the window opens."""
    if state == HomeState.MOVING_ON:
        plan = new_plan(NOW - timedelta(days=12.2), "Europe/Berlin", target_days=10)
    else:
        plan = new_plan(NOW - timedelta(days=12.2), "Europe/Berlin")
    if state in (HomeState.WAITING, HomeState.WAITING_AND_MILESTONE):
        # A message sent two hours ago that has no answer yet; the count goes on.
        slip_at = NOW - timedelta(hours=2)
        plan = record_slip(plan, slip_at, "reached_out", restart=False)
        add_contact(vault, sent_unanswered(slip_at))
    save_plan(vault, plan)
    if state in (HomeState.PLAIN, HomeState.WAITING, HomeState.MOVING_ON):
        _celebrate_all(vault, plan)
    return plan


def _choose_moving_on(qtbot, pane: CountdownPane) -> None:
    pane.readiness_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, ReadinessDialog)
    dialog.moving_on_button.click()
    dialog.close_button.click()
    qtbot.wait(100)  # the layout settles


EXPECTED: dict[HomeState, Callable[[CountdownPane], bool]] = {
    HomeState.PLAIN: lambda p: (
        not (p.wait_banner.isVisible() or p.celebration.isVisible() or p.moving_on_undo.isVisible())
    ),
    HomeState.WAITING: lambda p: p.wait_banner.isVisible() and not p.celebration.isVisible(),
    HomeState.MILESTONE: lambda p: p.celebration.isVisible() and not p.wait_banner.isVisible(),
    HomeState.MOVING_ON: lambda p: p.moving_on_undo.isVisible(),
    HomeState.WAITING_AND_MILESTONE: lambda p: (
        p.wait_banner.isVisible() and p.celebration.isVisible()
    ),
}


def _open_home(qtbot, controller, clock, size):
    from reconnect_gui.core.panes import PaneKey
    from reconnect_gui.core.settings import Settings
    from reconnect_gui.system.paths import app_paths
    from reconnect_gui.ui.shell.app_icon import load_app_icon
    from reconnect_gui.ui.shell.main_window import MainWindow

    window = MainWindow(Settings(), app_paths(), load_app_icon())
    qtbot.add_widget(window)
    window.provide_pane(PaneKey.COUNTDOWN, lambda: CountdownPane(controller, now=clock))
    window.resize(size)
    window.show()
    pane = window.pane(PaneKey.COUNTDOWN)
    qtbot.wait_until(lambda: pane.pages.currentIndex() == HOME_PAGE)
    qtbot.wait(100)  # the layout settles
    return window, pane


def _show_state(qtbot, controller, clock, state: HomeState, size):
    clock.moment = NOW
    _prepare(state, controller.vault)
    window, pane = _open_home(qtbot, controller, clock, size)
    if state == HomeState.MOVING_ON:
        _choose_moving_on(qtbot, pane)
    assert EXPECTED[state](pane), f"the home screen is not showing the {state}"
    return window, pane


def _assert_nothing_clipped_or_overlapping(window, pane: CountdownPane) -> None:
    """The safety link fully in view; the banners, then the ring and the buttons, then the
    check-in, then the history, one below the other; every button at least its size."""
    from PySide6.QtWidgets import QPushButton

    link = pane.safety_button
    assert link.isVisible()
    assert link.visibleRegion().boundingRect().height() == link.height()
    assert link.mapTo(window, link.rect().bottomLeft()).y() <= window.height()
    content = pane.home_content

    def top(w) -> int:
        return w.mapTo(content, w.rect().topLeft()).y()

    def bottom_of(w) -> int:
        return w.mapTo(content, w.rect().bottomLeft()).y()

    banners = [
        w for w in (pane.wait_banner, pane.moving_on_undo, pane.celebration) if w.isVisible()
    ]
    column = [*banners, pane.ring, pane.check_in, pane.history_list]
    assert all(bottom_of(a) < top(b) for a, b in pairwise(column))
    assert bottom_of(pane.urge_button) < top(pane.check_in)
    assert bottom_of(pane.logistics_button) < top(pane.check_in)
    for button in content.findChildren(QPushButton):
        if button.isVisible():
            hint = button.minimumSizeHint()
            assert button.width() >= hint.width(), f"{button.text()!r} is cut"
            assert button.height() >= hint.height(), f"{button.text()!r} is cut"
    assert pane.urge_chart.height() >= CHART_MIN_HEIGHT


@pytest.mark.parametrize("state", list(HomeState), ids=[s.value for s in HomeState])
def test_the_home_screen_fits_the_default_window_in_every_state(
    qtbot, unlocked_controller, clock, state: HomeState
) -> None:
    from reconnect_gui.ui.shell.main_window import DEFAULT_SIZE

    window, pane = _show_state(qtbot, unlocked_controller, clock, state, DEFAULT_SIZE)
    scroll = pane.home_scroll
    needed, room = scroll.widget().height(), scroll.viewport().height()
    assert scroll.verticalScrollBar().maximum() == 0, (
        f"{state}: the home screen needs {needed} px, the window gives it {room} px"
    )
    _assert_nothing_clipped_or_overlapping(window, pane)


@pytest.mark.parametrize("state", list(HomeState), ids=[s.value for s in HomeState])
def test_at_the_smallest_window_it_scrolls_with_nothing_clipped_or_overlapping(
    qtbot, unlocked_controller, clock, state: HomeState
) -> None:
    from reconnect_gui.ui.shell.main_window import MINIMUM_SIZE

    window, pane = _show_state(qtbot, unlocked_controller, clock, state, MINIMUM_SIZE)
    assert window.size() == MINIMUM_SIZE
    _assert_nothing_clipped_or_overlapping(window, pane)


def test_the_waiting_banner_says_its_guidance_in_two_lines_at_the_default_size(
    qtbot, unlocked_controller, clock
) -> None:
    # A third line pushed the ring down and made the banner the loudest thing on screen.
    from reconnect_gui.ui.shell.main_window import DEFAULT_SIZE

    _window, pane = _show_state(qtbot, unlocked_controller, clock, HomeState.WAITING, DEFAULT_SIZE)
    guidance = pane.wait_guidance
    lines = guidance.heightForWidth(guidance.width()) / guidance.fontMetrics().lineSpacing()
    assert round(lines) <= 2, f"{round(lines)} lines at {guidance.width()} px"
