"""The app's screens by name: what the sidebar shows, what settings remember as the last
screen, and where a reminder leads. The values are stored in settings.json."""

from __future__ import annotations

from enum import StrEnum


class PaneKey(StrEnum):
    """One screen of the main window, in sidebar order."""

    COUNTDOWN = "countdown"
    DRAFT = "draft"
    JOURNAL = "journal"
    SETTINGS = "settings"


def start_pane(last_pane: str) -> PaneKey:
    """The screen a start opens on: the one remembered, or the countdown."""
    return PaneKey(last_pane) if last_pane in tuple(PaneKey) else PaneKey.COUNTDOWN
