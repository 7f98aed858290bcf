"""The four panes of the main window: their names, headings and shortcuts, and the calm
placeholder shown until a pane is ready."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reconnect_gui.core.panes import PaneKey
from reconnect_gui.ui.widgets.labels import pane_heading, quiet_label


# A NamedTuple, not a frozen dataclass: made before the first frame (see
# system/paths.py, AppPaths).
class PaneInfo(NamedTuple):
    key: PaneKey  # stable id, kept in settings as the last pane
    title: str  # sidebar and window title
    heading: str
    blurb: str
    shortcut: str
    waiting_note: str = "Coming soon."  # what the placeholder says until the pane is ready


PANES: tuple[PaneInfo, ...] = (
    PaneInfo(
        PaneKey.COUNTDOWN,
        "Countdown",
        "Your No-Contact countdown",
        "",
        "Ctrl+1",
        "Opening your vault…",  # the real pane arrives once the vault is open
    ),
    PaneInfo(
        PaneKey.DRAFT,
        "Draft",
        "A careful message, when you are ready",
        "Later, and only if you want to, you can write one short, calm message or letter "
        "here. Reconnect will gently check its length and tone as you type. It never "
        "sends anything: what happens next is always your choice.",
        "Ctrl+2",
    ),
    PaneInfo(
        PaneKey.JOURNAL,
        "Journal",
        "Your private journal",
        "A quiet space for what you feel, for questions that help you reflect, and for the "
        "letters you should not send. Everything you write here will be encrypted on this "
        "computer.",
        "Ctrl+3",
    ),
    PaneInfo(
        PaneKey.SETTINGS,
        "Settings",
        "Settings",
        "Appearance, reminders and privacy options.",
        "Ctrl+4",
    ),
)


def pane_info(key: PaneKey) -> PaneInfo:
    """The sidebar entry, heading and words of the pane ``key``."""
    return next(pane for pane in PANES if pane.key == key)


class PlaceholderPane(QWidget):
    """A heading, a few kind sentences, and a note that the pane is on its way (until the
    vault has opened and the real pane arrives)."""

    def __init__(self, info: PaneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pane-{info.key}")
        self.setAccessibleName(info.title)
        # Built before the first frame, so nothing here may import PySide6's ``Qt``
        # namespace (~40 ms); that is why the helpers below that need it import it inside.
        # These texts are our own constants, so the default text format is safe.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(pane_heading(info.heading))
        if info.blurb:
            blurb = QLabel(info.blurb)
            blurb.setWordWrap(True)
            blurb.setMaximumWidth(620)
            layout.addWidget(blurb)
        self._waiting = quiet_label(info.waiting_note)
        layout.addWidget(self._waiting)
        layout.addStretch(1)

    def show_preview(self, widget: QWidget) -> None:
        """Show what the pane will hold, read ahead (the home's day count at start-up),
        in place of the note that it is on its way."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self._waiting.hide()
        layout.insertWidget(layout.count() - 1, widget)
