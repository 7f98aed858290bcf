"""The daily check-in reminder, clicked on a real desktop, opens exactly the check-in on
the home screen; mood and one line saved there land in the journal (issue 17).

The app runs on Xvfb with a tray host and a real notification daemon (dunst). Its clock
is moved with faketime to 20 seconds before the check-in time the person chose (a day
after the vault was made, so nothing here depends on the hour the test runs), and it
runs on from there: the reminder comes on its own, as it would at that hour. The person
is in Settings when it comes; a click on the notification (``dunstctl action``) brings
the home screen with the check-in's line ready for typing. They click a face, type a
line and press Enter; the app's own command line then reads the entry back from the vault.
"""

from __future__ import annotations

import json
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

from e2e.desktop import (
    app_process,
    quit_with_ctrl_q,
    screenshot,
    unlock_with_passphrase,
    visible_windows,
    wait_for_window,
    wait_until,
    window_title,
    xdotool,
)
from e2e.living_desktop import (
    NO_QUIET_HOURS,
    STAY_UNTIL_CLICKED,
    Desktop,
    living_desktop,
    write_settings,
)
from e2e.screen_reader import FOCUSED
from helpers.repo import app_command, require_tool
from helpers.session_bus import dunstctl

CHECK_IN_AT = "12:01"
APP_STARTS_AT = "12:00:35"  # on the app's own (moved) clock, in UTC
BEFORE_ITS_TIME_S = 20  # the app's clock surely reads before 12:01 this long after launch
ZONE = "UTC"
LINE = "slept a little better"


def only_the_check_in(home: Path, **more: object) -> None:
    write_settings(
        home,
        check_in_time=CHECK_IN_AT,
        milestone_reminders=False,  # the check-in is the only reminder
        wait_reminders=False,
        draft_reminders=False,
        **NO_QUIET_HOURS,
        **more,
    )


def moved_clock_command() -> list[str]:
    """The app with its wall clock starting at APP_STARTS_AT the day after the vault was
    made, and running on; monotonic time stays real, as in ./dev.sh test-dates."""
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).date().isoformat()
    return [require_tool("faketime"), "-f", f"@{tomorrow} {APP_STARTS_AT}", *app_command()]


def moved_env(desktop: Desktop) -> dict[str, str]:
    # Under ./dev.sh test-dates the suite already runs in faketime: this clock replaces it.
    outer = {"LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED"}
    return {
        **{name: value for name, value in desktop.env.items() if name not in outer},
        "TZ": ZONE,
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        "FAKETIME_FORCE_MONOTONIC_FIX": "0",
    }


def journal(desktop: Desktop, passphrase: Path) -> list[dict]:
    done = subprocess.run(
        app_command("journal", "list", "--json", "--passphrase-file", str(passphrase)),
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["entries"]


def click_the_notification(desktop: Desktop, window: str) -> None:
    """A left click on the newest notification; repeated, as dunst may count one shown a
    moment before it takes actions on it (tests/system/test_notifications.py)."""
    for _ in range(20):
        dunstctl(desktop.bus, "action", "0")
        try:
            wait_until(
                lambda: window_title(desktop.display, window).startswith("Countdown"),
                "",
                timeout=1,
            )
            return
        except AssertionError:
            continue
    raise AssertionError("the click on the reminder did not open the home screen")


def test_the_check_in_reminder_opens_the_check_in_and_saves_to_the_journal(
    tmp_path: Path, isolated_home: Path
) -> None:
    only_the_check_in(isolated_home)
    with living_desktop(tmp_path, isolated_home, 5.2, dunstrc=STAY_UNTIL_CLICKED) as desktop:
        display = desktop.display
        launched = time.monotonic()
        with app_process(moved_clock_command(), env=moved_env(desktop)) as app:
            unlock_with_passphrase(display)
            window = wait_for_window(display, "Countdown — Reconnect")
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "ctrl+4")  # in Settings when the reminder comes
            wait_for_window(display, "Settings — Reconnect")
            if time.monotonic() - launched < BEFORE_ITS_TIME_S:  # (a loaded machine may be slower)
                assert desktop.displayed() == 0, "a reminder came before its time"

            wait_until(lambda: desktop.displayed() == 1, "the check-in reminder never came")
            screenshot(display, "check-in-reminder")
            click_the_notification(desktop, window)
            if desktop.displayed():  # dunst closes it after the click, not always at once
                dunstctl(desktop.bus, "close")
            wait_until(lambda: desktop.displayed() == 0, "the reminder stayed")
            shown = desktop.notifications()
            assert [n["body"]["data"] for n in shown] == ["How are you feeling today?"]
            assert shown[0]["summary"]["data"].startswith("Day ")

            # Exactly the check-in: the home screen, its line ready for typing, nothing else.
            reader = desktop.reader()
            wait_until(
                lambda: FOCUSED in reader.wait_for("text", "One line about today").states,
                "the check-in's line did not take the keyboard",
            )
            assert [w.name for w in reader.windows()] == ["Countdown — Reconnect"]
            assert visible_windows(display, "Reconnect$") == [window]
            screenshot(display, "check-in-opened")

            reader.click(display, "check box", "Mood: good")
            reader.click(display, "text", "One line about today")
            xdotool(display, "type", "--delay", "20", LINE)
            xdotool(display, "key", "Return")
            reader.wait_for("label", "Saved in your journal", prefix=True)
            screenshot(display, "check-in-saved")
            reader.close()
            quit_with_ctrl_q(display, window, app)

        entries = journal(desktop, tmp_path / "passphrase")
        assert len(entries) == 1
        entry = entries[0]
        assert entry["body"] == LINE
        assert entry["mood"] == 4  # good
        assert entry["title"] == "Check-in" and entry["tags"] == ["check-in"]


def test_from_the_tray_the_check_in_reminder_brings_the_window_with_the_check_in(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The usual evening: the window closed to the tray (Ctrl+W) long ago; the reminder's
    click brings it back on the home screen, the check-in's line ready for typing."""
    only_the_check_in(isolated_home, tray_notice_shown=True)  # closed to the tray before
    with living_desktop(tmp_path, isolated_home, 5.2, dunstrc=STAY_UNTIL_CLICKED) as desktop:
        display = desktop.display
        with app_process(moved_clock_command(), env=moved_env(desktop)) as app:
            unlock_with_passphrase(display)
            window = wait_for_window(display, "Countdown — Reconnect")
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "ctrl+4", "ctrl+w")  # Settings, then away to the tray
            wait_until(lambda: not visible_windows(display, "Reconnect$"), "the window stayed")

            wait_until(lambda: desktop.displayed() == 1, "the check-in reminder never came")
            click_the_notification(desktop, window)
            wait_until(lambda: visible_windows(display, "Reconnect$") == [window], "no window")
            reader = desktop.reader()
            wait_until(
                lambda: FOCUSED in reader.wait_for("text", "One line about today").states,
                "the check-in's line did not take the keyboard",
            )
            assert [w.name for w in reader.windows()] == ["Countdown — Reconnect"]
            screenshot(display, "check-in-opened-from-the-tray")
            xdotool(display, "type", "--delay", "20", LINE)  # straight in, no click first
            xdotool(display, "key", "Return")
            reader.wait_for("label", "Saved in your journal", prefix=True)
            reader.close()
            quit_with_ctrl_q(display, window, app)

        [entry] = journal(desktop, tmp_path / "passphrase")
        assert entry["body"] == LINE and entry["mood"] is None
