"""A desktop the app lives on for the issue-17 end-to-end tests: Xvfb, a tray host
(trayer), a session bus of the test's own with a real notification daemon (dunst) and
the accessibility bus (so ``screen_reader`` can read the screen), and a vault with a
No-Contact plan made by the real command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from e2e.desktop import passphrase_vault, tray_host, xvfb_display
from e2e.screen_reader import A11Y_BUS, APP_ENV, ScreenReader, require_accessibility_bus
from helpers.repo import require_tool
from helpers.session_bus import SessionBus, dunstctl, session_bus, wait_for
from reconnect_gui.system.notifications import SERVICE

# Reminders at any hour of the test's run: no quiet hours moving them to the morning.
NO_QUIET_HOURS = {"quiet_start": "", "quiet_end": ""}
# dunst keeps a notification on screen until it is clicked or closed (its default is 10 s,
# which a loaded machine can outlast before the test looks).
STAY_UNTIL_CLICKED = "[urgency_normal]\n    timeout = 0\n"


@dataclass
class Desktop:
    display: str
    bus: SessionBus
    env: dict[str, str]  # the app's: the display, this bus, no keyring, accessibility on
    home: Path  # RECONNECT_HOME

    def reader(self) -> ScreenReader:
        return ScreenReader(self.bus.address)

    def notifications(self) -> list[dict]:
        """What dunst has shown and closed, newest first (its history)."""
        return json.loads(dunstctl(self.bus, "history"))["data"][0]

    def displayed(self) -> int:
        return int(dunstctl(self.bus, "count", "displayed"))


def write_settings(home: Path, **values: object) -> None:
    """settings.json before the app starts (times and switches only, nothing private)."""
    settings = home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps(values))


@contextmanager
def living_desktop(
    folder: Path,
    home: Path,
    days_without_contact: float,
    *,
    tray: bool = True,
    dunst: bool = True,  # False: no notification service at all on the bus
    dunstrc: str = "",
) -> Iterator[Desktop]:
    """The desktop, with a vault (passphrase ``desktop.PASSPHRASE``) and a plan that began
    ``days_without_contact`` ago; ``home`` is the test's RECONNECT_HOME. ``dunstrc``:
    dunst's settings (its defaults when empty; never the user's own file)."""
    launcher = require_accessibility_bus()
    with xvfb_display() as display, tray_host(display) if tray else nullcontext():
        env = passphrase_vault(display, folder, days_without_contact=days_without_contact)
        # Nothing starts on demand (so without dunst no notification service appears);
        # the accessibility bus is started here, as a desktop session starts it.
        with session_bus({**env, **APP_ENV}, activation=False) as bus:
            bus.start(launcher)
            wait_for(lambda: bus.has_name(A11Y_BUS), "the accessibility bus did not start")
            if dunst:
                config = folder / "dunstrc"
                config.write_text(dunstrc)
                bus.start(require_tool("dunst"), "-config", str(config))
                wait_for(lambda: bus.has_name(SERVICE), "dunst did not take its name")
            yield Desktop(display, bus, bus.env, home)
