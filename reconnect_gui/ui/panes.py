"""The four panes of the main window, and the calm placeholder shown until a pane is ready."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


@dataclass(frozen=True)
class PaneInfo:
    key: str  # stable id, kept in settings as the last pane
    title: str  # sidebar and window title
    heading: str
    blurb: str
    shortcut: str
    waiting_note: str = "Coming soon."  # what the placeholder says until the pane is ready


PANES: tuple[PaneInfo, ...] = (
    PaneInfo(
        "countdown",
        "Countdown",
        "Your No-Contact countdown",
        "",
        "Ctrl+1",
        "Opening your vault…",  # the real pane arrives once the vault is open
    ),
    PaneInfo(
        "draft",
        "Draft",
        "A careful message, when you are ready",
        "Later, and only if you want to, you can write one short, calm message or letter "
        "here. Reconnect will gently check its length and tone as you type. It never "
        "sends anything: what happens next is always your choice.",
        "Ctrl+2",
    ),
    PaneInfo(
        "journal",
        "Journal",
        "Your private journal",
        "A quiet space for what you feel, for questions that help you reflect, and for the "
        "letters you should not send. Everything you write here will be encrypted on this "
        "computer.",
        "Ctrl+3",
    ),
    PaneInfo(
        "settings",
        "Settings",
        "Settings",
        "Appearance, reminders and privacy options.",
        "Ctrl+4",
    ),
)
PANE_KEYS = tuple(p.key for p in PANES)


class ComingSoonPane(QWidget):
    """A heading, a few kind sentences, and a note that this part is on its way."""

    def __init__(self, info: PaneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pane-{info.key}")
        self.setAccessibleName(info.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(pane_heading(info.heading))
        if info.blurb:
            blurb = QLabel(info.blurb)
            blurb.setWordWrap(True)
            blurb.setMaximumWidth(620)
            layout.addWidget(blurb)
        layout.addWidget(quiet_label(info.waiting_note))
        layout.addStretch(1)


def pane_heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName("paneHeading")
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    heading.setFont(font)
    heading.setWordWrap(True)
    heading.setAccessibleName(text)
    return heading


def quiet_label(text: str) -> QLabel:
    """Secondary text: the palette's muted colour (AA contrast in our light and dark)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = QFont(label.font())
    font.setItalic(True)
    label.setFont(font)
    return label
