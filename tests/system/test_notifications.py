"""Desktop notifications over D-Bus against a real notification daemon (dunst) on a
session bus of the test's own, on Xvfb: shown with the app's name, its desktop entry and
a default action; a click (dunstctl action) comes back as CLICKED, then CLOSED; with no
daemon, or no bus, each notification is reported FAILED so the app can show it another
way."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.desktop import xvfb_display
from helpers.repo import require_tool
from helpers.session_bus import SessionBus, dunstctl, session_bus, wait_for
from reconnect_gui import APP_ID, APP_NAME
from reconnect_gui.system.notifications import SERVICE, DesktopNotifier, Event

WAIT_S = 10


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with xvfb_display() as name:
        yield name


@pytest.fixture
def bus(display: str, tmp_path: Path) -> Iterator[SessionBus]:
    import os

    with session_bus({**os.environ, "DISPLAY": display}, activation=False) as session:
        yield session


@pytest.fixture
def dunst(bus: SessionBus, tmp_path: Path) -> SessionBus:
    config = tmp_path / "dunstrc"
    config.write_text("")  # dunst's defaults, never the user's own file
    bus.start(require_tool("dunst"), "-config", str(config))
    wait_for(lambda: bus.has_name(SERVICE), "dunst did not take the notifications name")
    return bus


class Events:
    def __init__(self) -> None:
        self.received: queue.SimpleQueue[tuple[int, Event]] = queue.SimpleQueue()

    def __call__(self, number: int, event: Event) -> None:
        self.received.put((number, event))

    def next(self) -> tuple[int, Event]:
        return self.received.get(timeout=WAIT_S)


def click_until_heard(bus: SessionBus, events: Events) -> tuple[int, Event]:
    """What a left click on the newest notification does (``dunstctl action 0``). On a
    loaded machine dunst can count a notification as shown a moment before it takes
    actions on it, so the click is repeated until something comes back."""
    for _ in range(10):
        dunstctl(bus, "action", "0")
        try:
            return events.received.get(timeout=1)
        except queue.Empty:
            continue
    return events.next()


def started(bus: SessionBus, events: Events) -> DesktopNotifier:
    notifier = DesktopNotifier(APP_NAME, APP_ID, events, bus=bus.address)
    notifier.start()
    return notifier


def test_a_click_on_the_notification_comes_back(dunst: SessionBus) -> None:
    events = Events()
    notifier = started(dunst, events)
    try:
        number = notifier.notify("Day 14 — a milestone", "Two weeks. That took steady effort.")
        wait_for(lambda: dunstctl(dunst, "count", "displayed") == "1", "nothing was shown")
        assert notifier.available is True
        assert click_until_heard(dunst, events) == (number, Event.CLICKED)
        try:  # dunst closes it after the action, though not always at once under load
            closed = events.received.get(timeout=3)
        except queue.Empty:
            dunstctl(dunst, "close")
            closed = events.next()
        assert closed == (number, Event.CLOSED)
        history = json.loads(dunstctl(dunst, "history"))["data"][0]
        shown = history[0]
        assert shown["summary"]["data"] == "Day 14 — a milestone"
        assert shown["body"]["data"] == "Two weeks. That took steady effort."
        assert shown["appname"]["data"] == APP_NAME
    finally:
        notifier.stop()
        assert notifier.join(5)


def test_notify_sends_a_default_action_and_the_desktop_entry(dunst: SessionBus) -> None:
    """What goes over the bus, as a D-Bus monitor sees it."""
    monitor = subprocess.Popen(
        [require_tool("dbus-monitor"), "--session", f"interface='{SERVICE}',member='Notify'"],
        env=dunst.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(monitor.stdout), daemon=True)
    reader.start()
    # dbus-monitor prints its own NameLost once it watches the bus: only then notify.
    wait_for(lambda: any("member=NameLost" in line for line in lines), "no monitor")
    events = Events()
    notifier = started(dunst, events)
    try:
        notifier.notify("Day 12", "How are you feeling today?")
        wait_for(lambda: dunstctl(dunst, "count", "displayed") == "1", "nothing was shown")
    finally:
        notifier.stop()
        notifier.join(5)
        monitor.terminate()
    monitor.wait(timeout=10)
    reader.join(10)
    seen = "".join(lines)
    assert 'string "default"' in seen
    assert 'string "desktop-entry"' in seen and f'string "{APP_ID}"' in seen


def test_closed_by_the_person_is_reported_and_no_click(dunst: SessionBus) -> None:
    events = Events()
    notifier = started(dunst, events)
    try:
        number = notifier.notify("Day 12", "How are you feeling today?")
        wait_for(lambda: dunstctl(dunst, "count", "displayed") == "1", "nothing was shown")
        dunstctl(dunst, "close")
        assert events.next() == (number, Event.CLOSED)
    finally:
        notifier.stop()
        notifier.join(5)


def test_without_a_daemon_each_notification_fails(bus: SessionBus) -> None:
    events = Events()
    notifier = started(bus, events)
    try:
        first = notifier.notify("Day 12", "How are you feeling today?")
        second = notifier.notify("Day 14 — a milestone", "Two weeks.")
        assert {events.next(), events.next()} == {(first, Event.FAILED), (second, Event.FAILED)}
        assert notifier.available is False
    finally:
        notifier.stop()
        assert notifier.join(5)


def test_a_daemon_that_starts_later_is_used(bus: SessionBus, tmp_path: Path) -> None:
    events = Events()
    notifier = started(bus, events)
    try:
        first = notifier.notify("Day 12", "How are you feeling today?")
        assert events.next() == (first, Event.FAILED)
        config = tmp_path / "dunstrc"
        config.write_text("")
        bus.start(require_tool("dunst"), "-config", str(config))
        wait_for(lambda: bus.has_name(SERVICE), "dunst did not start")
        notifier.notify("Day 14 — a milestone", "Two weeks.")
        wait_for(lambda: dunstctl(bus, "count", "displayed") == "1", "nothing was shown")
    finally:
        notifier.stop()
        notifier.join(5)


def test_without_a_session_bus_each_notification_fails(tmp_path: Path) -> None:
    events = Events()
    notifier = DesktopNotifier(
        APP_NAME, APP_ID, events, bus=f"unix:path={tmp_path / 'no-bus-here'}"
    )
    notifier.start()
    number = notifier.notify("Day 12", "How are you feeling today?")
    assert events.next() == (number, Event.FAILED)
    assert notifier.join(5)
    later = notifier.notify("Day 13", "How are you feeling today?")  # after the thread ended
    assert events.next() == (later, Event.FAILED)
