"""The day count the key-prefetch child read, painted in the home's placeholder before the
vault opens in the app (ui/countdown/ring_preview.py), with a real MainWindow and the
child's real pipe format; the vault's opening waits for that paint, or goes on without it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.countdown.stats import milestones
from reconnect_gui.core.countdown.view import ring_view
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.settings import Settings
from reconnect_gui.storage.home_preview import HomePreview, encode
from reconnect_gui.storage.key_prefetch import KeyPrefetch
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.countdown.ring import CountdownRing
from reconnect_gui.ui.countdown.ring_preview import day_count_first
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.shell.main_window import MainWindow

NOW = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)
PLAN = new_plan(NOW - timedelta(days=9, hours=2), "UTC", target_days=30)
PREVIEW = HomePreview("f" * 32, ring_view(PLAN, NOW), tuple(milestones(PLAN)))


def clock() -> datetime:
    return NOW


class _Pipes:
    """A prefetch as the app holds it, over real pipes; the test plays the child."""

    def __init__(self) -> None:
        answer_read, self.answer_write = os.pipe()
        preview_read, self.preview_write = os.pipe()
        self.prefetch = KeyPrefetch(os.getpid(), answer_read, preview_read)

    def send(self, data: bytes) -> None:
        os.write(self.preview_write, data)
        self.close()

    def close(self) -> None:
        if self.preview_write >= 0:
            os.close(self.preview_write)
            self.preview_write = -1

    def end(self) -> None:
        self.close()
        os.close(self.answer_write)
        fd = self.prefetch._claim_pipe()
        if fd is not None:
            os.close(fd)
        preview_fd = self.prefetch.preview_fd
        if preview_fd is not None:
            os.close(preview_fd)


@pytest.fixture
def pipes():
    made = _Pipes()
    yield made
    made.end()


@pytest.fixture
def window(qtbot, isolated_home: Path) -> MainWindow:
    shown = MainWindow(Settings(), app_paths(), load_app_icon())
    qtbot.add_widget(shown)
    shown.show()
    qtbot.wait_exposed(shown)
    return shown


def start(window: MainWindow, pipes: _Pipes, at_the_latest_ms: int = 5000) -> list[bool]:
    answers: list[bool] = []

    def place(make) -> bool:
        return window.show_preview(PaneKey.COUNTDOWN, make)

    day_count_first(window, place, pipes.prefetch, clock, answers.append, at_the_latest_ms)
    return answers


def rings(window: MainWindow) -> list[CountdownRing]:
    return window.stack.currentWidget().findChildren(CountdownRing)


class _RingPaints(QObject):
    """What each CountdownRing shows as its Paint event arrives. An event filter, not a
    patched ``paintEvent``: replacing a Qt virtual on a PySide class while its widgets
    live made this test crash PySide (a segfault inside the patched method, in CI)."""

    def __init__(self) -> None:
        super().__init__()
        self.views: list[object] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, CountdownRing):
            self.views.append(watched.view)
        return False


def test_the_day_count_paints_in_the_placeholder_before_the_vault_opens(
    qtbot, window, pipes
) -> None:
    paints = _RingPaints()
    app = QApplication.instance()
    app.installEventFilter(paints)
    try:
        answers = start(window, pipes)
        pipes.send(encode(PREVIEW))
        qtbot.wait_until(lambda: answers == [True])
    finally:
        app.removeEventFilter(paints)
    (ring,) = rings(window)
    assert ring.view == PREVIEW.view and ring.view.day == 9
    assert paints.views and paints.views[0] == PREVIEW.view  # painted before the vault was asked
    assert ring.accessibleDescription() == PREVIEW.view.accessible_text
    # The note that the pane is on its way gives way to the day count.
    notes = [label.text() for label in window.stack.currentWidget().findChildren(QLabel)]
    assert "Opening your vault…" in notes
    assert not any(
        label.isVisible() and label.text() == "Opening your vault…"
        for label in window.stack.currentWidget().findChildren(QLabel)
    )


def test_no_preview_from_the_child_goes_on_at_once(qtbot, window, pipes) -> None:
    # No key, no plan or a doubt in the child: its pipe closes with nothing in it.
    answers = start(window, pipes)
    pipes.close()
    qtbot.wait_until(lambda: answers == [False], timeout=1000)
    assert rings(window) == []


def test_a_broken_preview_is_not_shown(qtbot, window, pipes) -> None:
    answers = start(window, pipes)
    pipes.send(encode(PREVIEW)[:40])
    qtbot.wait_until(lambda: answers == [False], timeout=1000)
    assert rings(window) == []


def test_a_slow_child_is_not_waited_for_and_its_late_answer_is_ignored(
    qtbot, window, pipes
) -> None:
    answers = start(window, pipes, at_the_latest_ms=50)
    qtbot.wait_until(lambda: answers == [False], timeout=1000)
    pipes.send(encode(PREVIEW))
    qtbot.wait(100)
    assert answers == [False] and rings(window) == []


def test_the_preview_waits_for_nothing_when_another_pane_is_on_screen(qtbot, window, pipes) -> None:
    window.show_pane(PaneKey.JOURNAL)
    answers = start(window, pipes)
    pipes.send(encode(PREVIEW))
    qtbot.wait_until(lambda: answers == [False], timeout=1000)
    window.show_pane(PaneKey.COUNTDOWN)
    assert rings(window) == []
    QApplication.processEvents()
