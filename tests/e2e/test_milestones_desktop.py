"""A milestone is celebrated once, warmly and quietly, in the real app on a real desktop
(issue 17): day 3 has just been reached when the person unlocks; the home screen shows
its card and the desktop (dunst) shows one notification; the history says "Day 3 …
reached"; after Ctrl+Q and a second start neither the card nor a notification comes
again, and the history still has the milestone, once. With a tray but no notification
service at all, the card is the one moment: no note in the window says it again.

What is on screen is read from the app's accessibility tree (``e2e.screen_reader``), what
the desktop showed from dunst's own history (``dunstctl``)."""

from __future__ import annotations

import time
from pathlib import Path

from e2e.desktop import (
    app_process,
    quit_with_ctrl_q,
    screenshot,
    unlock_with_passphrase,
    visible_windows,
    wait_for_window,
    wait_until,
)
from e2e.living_desktop import (
    NO_QUIET_HOURS,
    STAY_UNTIL_CLICKED,
    Desktop,
    living_desktop,
    write_settings,
)
from e2e.screen_reader import ScreenReader
from helpers.repo import app_command
from helpers.session_bus import dunstctl

MAIN_WINDOW = "Countdown — Reconnect"
# Day 3 began six hours ago: the first start still shows its notification (it catches up
# on a day), and processes whose moved clocks differ (./dev.sh test-dates) agree on it.
JUST_REACHED_DAY_3 = 3.25
SETTLE_S = 3  # after the home screen shows: time for a repeat to appear, if one would


def milestone_titles(reader: ScreenReader) -> list[str]:
    """The history's milestone rows, newest first, without their dates ("Day 3 reached")."""
    rows = [item.partition(". ")[0] for item in reader.items("History")]
    return [row for row in rows if row.endswith(" reached")]


def celebration_cards(reader: ScreenReader) -> list[str]:
    """The celebration card's words: its title label sits just before its text, and its
    one button says "Thank you"."""
    nodes = reader.showing()
    cards = []
    for index, node in enumerate(nodes):
        if node.role == "push button" and node.name == "Thank you":
            cards.append(" ".join(n.name for n in nodes[index - 2 : index] if n.role == "label"))
    return cards


def test_a_milestone_is_celebrated_once_in_the_app_and_on_the_desktop(
    tmp_path: Path, isolated_home: Path
) -> None:
    write_settings(isolated_home, check_in_time="", **NO_QUIET_HOURS)  # only the milestone
    with living_desktop(
        tmp_path, isolated_home, JUST_REACHED_DAY_3, dunstrc=STAY_UNTIL_CLICKED
    ) as desktop:
        with app_process(app_command(), env=desktop.env) as app:
            unlock_with_passphrase(desktop.display)
            window = wait_for_window(desktop.display, MAIN_WINDOW)
            reader = desktop.reader()
            reader.wait_for("push button", "Thank you")
            # One notification on the desktop, in the app's own words.
            wait_until(lambda: desktop.displayed() == 1, "no notification was shown")
            screenshot(desktop.display, "milestone-day-3")
            cards = celebration_cards(reader)
            assert len(cards) == 1 and cards[0].startswith("Day 3")
            assert "Three days" in cards[0]
            # Quietly: no note or dialog over the window saying the same again.
            assert [w.name for w in reader.windows()] == [MAIN_WINDOW], "a note beside the card"
            assert milestone_titles(reader) == ["Day 3 reached", "Day 1 reached"]

            # "Thank you" closes the card; the notification is read back after it closes.
            reader.click(desktop.display, "push button", "Thank you")
            wait_until(lambda: not celebration_cards(reader), "the card stayed")
            dunst_close_all(desktop)
            shown = desktop.notifications()
            assert [n["summary"]["data"] for n in shown] == ["Day 3"]  # the card's title
            assert shown[0]["appname"]["data"] == "Reconnect"
            reader.close()
            quit_with_ctrl_q(desktop.display, window, app)

        # A second start: the same milestone is not celebrated again, anywhere.
        with app_process(app_command(), env=desktop.env) as app:
            unlock_with_passphrase(desktop.display)
            window = wait_for_window(desktop.display, MAIN_WINDOW)
            reader = desktop.reader()
            reader.wait_for("list", "History")
            time.sleep(SETTLE_S)
            screenshot(desktop.display, "milestone-day-3-after-restart")
            assert celebration_cards(reader) == []
            assert desktop.displayed() == 0
            assert len(desktop.notifications()) == 1  # still only the first one
            assert milestone_titles(reader) == ["Day 3 reached", "Day 1 reached"]
            reader.close()
            quit_with_ctrl_q(desktop.display, window, app)


def dunst_close_all(desktop: Desktop) -> None:
    dunstctl(desktop.bus, "close-all")
    wait_until(lambda: desktop.displayed() == 0, "the notification stayed")


def test_with_a_tray_and_no_notification_service_the_card_is_the_one_moment(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The notification cannot be shown (nothing owns org.freedesktop.Notifications); the
    window is open on the home screen, whose card celebrates the day: a note over it
    saying "Day 3" as well made one moment two."""
    write_settings(isolated_home, check_in_time="", **NO_QUIET_HOURS)
    with living_desktop(tmp_path, isolated_home, JUST_REACHED_DAY_3, dunst=False) as desktop:
        assert not desktop.bus.has_name("org.freedesktop.Notifications")
        with app_process(app_command(), env=desktop.env) as app:
            unlock_with_passphrase(desktop.display)
            window = wait_for_window(desktop.display, MAIN_WINDOW)
            reader = desktop.reader()
            reader.wait_for("push button", "Thank you")
            time.sleep(SETTLE_S)  # the failed notification has come back by now
            screenshot(desktop.display, "milestone-day-3-no-notification-service")
            cards = celebration_cards(reader)
            assert len(cards) == 1 and cards[0].startswith("Day 3")
            assert [w.name for w in reader.windows()] == [MAIN_WINDOW]
            assert visible_windows(desktop.display, "milestone") == []
            reader.close()
            quit_with_ctrl_q(desktop.display, window, app)
