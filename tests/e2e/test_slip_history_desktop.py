"""One slip is one history row, and an urge is a row too, in the real app (issue 17).

The person clicks "I broke No Contact…", says they reached out and have had no answer,
starts counting again and saves: the history gains exactly one row, "I reached out",
whose detail tells the rest (the days before it, the message sent), where it used to
gain four ("I reached out", "I sent a message", "Attempt 2 began", "Attempt 1: 5 days").
Then "I feel the urge…", a strength, a trigger and what they did instead: one more row,
"I felt an urge".

Driven by clicks and keys on Xvfb; what is on screen is read from the app's
accessibility tree (``e2e.screen_reader``)."""

from __future__ import annotations

from pathlib import Path

from e2e.desktop import (
    app_process,
    quit_with_ctrl_q,
    screenshot,
    unlock_with_passphrase,
    wait_for_window,
    wait_until,
    wait_until_closed,
    xdotool,
)
from e2e.living_desktop import living_desktop
from e2e.screen_reader import ScreenReader
from helpers.repo import app_command

MAIN_WINDOW = "Countdown — Reconnect"
DAYS_BEFORE = 5.2


def new_rows(before: list[str], after: list[str]) -> list[str]:
    """Rows in ``after`` that were not in ``before`` (each row names its own moment)."""
    left = list(before)
    added = []
    for row in after:
        if row in left:
            left.remove(row)
        else:
            added.append(row)
    return added


def titles(rows: list[str]) -> list[str]:
    """The rows' titles, newest first ("I reached out"), without their details and times."""
    return [row.partition(". ")[0] for row in rows]


def history_changed(reader: ScreenReader, before: list[str]) -> list[str]:
    rows: list[str] = []

    def changed() -> bool:
        rows[:] = reader.items("History")
        return rows != before

    wait_until(changed, "the history did not change")
    return rows


def test_one_slip_is_one_history_row_and_an_urge_is_one_too(
    tmp_path: Path, isolated_home: Path
) -> None:
    with living_desktop(tmp_path, isolated_home, DAYS_BEFORE, tray=False, dunst=False) as desk:
        display = desk.display
        with app_process(app_command(), env=desk.env) as app:
            unlock_with_passphrase(display)
            window = wait_for_window(display, MAIN_WINDOW)
            reader = desk.reader()
            reader.wait_for("list", "History")
            before = reader.items("History")
            reader.wait_for("push button", "Thank you")  # day 3's card, from this start
            assert titles(before) == ["Day 3 reached", "Day 1 reached", "Attempt 1 began"]

            # The slip, as a person logs it.
            reader.click(display, "push button", "I broke No Contact")
            dialog = wait_for_window(display, "I broke No Contact")
            reader.click(display, "radio button", "I reached out")
            reader.click(display, "check box", "They haven", prefix=True)  # "They haven't answered"
            reader.click(display, "radio button", "Start counting again")
            screenshot(display, "slip-dialog")
            reader.click(display, "push button", "Save")
            wait_until_closed(display, dialog)

            after_slip = history_changed(reader, before)
            added = new_rows(before, after_slip)
            assert len(added) == 1, f"one slip, several rows: {added}"
            title, _, rest = added[0].partition(". ")
            assert title == "I reached out"
            assert "5 days without contact" in rest and "I sent a message" in rest
            assert titles(after_slip) == ["I reached out", *titles(before)]
            # The count began again: the old day's card goes (the day stays in the history).
            assert not reader.find("push button", "Thank you")
            screenshot(display, "slip-history")

            # An urge, through the SOS flow: strength, trigger, what they did instead.
            reader.click(display, "push button", "I feel the urge")
            sos = wait_for_window(display, "A moment for you")
            reader.click(display, "check box", "Urge strength 6 of 10", prefix=True)
            reader.click(display, "push button", "I'm a bit calmer")
            reader.click(display, "push button", "Next")  # past the unsent letter
            reader.click(display, "text", "What set it off")
            xdotool(display, "type", "--delay", "20", "a song on the radio")
            xdotool(display, "key", "Return")  # on to the next line
            xdotool(display, "type", "--delay", "20", "went for a walk")
            xdotool(display, "key", "Return")  # Finish
            reader.wait_for("label", "You got through it", prefix=True)
            reader.click(display, "push button", "Close")
            wait_until_closed(display, sos)

            after_urge = history_changed(reader, after_slip)
            added = new_rows(after_slip, after_urge)
            assert len(added) == 1, f"one urge, several rows: {added}"
            title, _, rest = added[0].partition(". ")
            assert title == "I felt an urge"
            assert "6 out of 10" in rest and "a song on the radio" in rest
            assert "went for a walk" in rest
            assert titles(after_urge) == ["I felt an urge", *titles(after_slip)]
            screenshot(display, "urge-history")
            reader.close()
            quit_with_ctrl_q(display, window, app)
