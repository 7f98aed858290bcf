"""The four panes of the main window, the calm placeholder shown until a pane is ready,
and the few label and page helpers every pane and dialog builds its text from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reconnect_gui.core.panes import PaneKey

Margins = tuple[int, int, int, int]  # left, top, right, bottom, in pixels
DIALOG_MARGINS: Margins = (24, 20, 24, 16)  # around the content of every dialog


@dataclass(frozen=True)
class PaneInfo:
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


def quiet_label(text: str, italic: bool = True) -> QLabel:
    """Secondary text: the palette's muted colour (AA contrast in our light and dark).

    Italic by default; ``italic=False`` where the muted colour alone sets it apart (hints
    under a form field, names in a table).
    """
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if italic:
        font = QFont(label.font())
        font.setItalic(True)
        label.setFont(font)
    return label


def wrapped_label(text: str) -> QLabel:
    """A paragraph: word-wrapped, and always plain text.

    Plain, because some of what we show was typed by the user (reasons, a name) and must
    never be read as markup. Screen readers read the text itself as the label's name.
    """
    from PySide6.QtCore import Qt  # here, not at the top: see the note on PlaceholderPane

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def caption(text: str, buddy: QWidget | None = None) -> QLabel:
    """A bold title over a field or a section; ``buddy`` gets the focus on its shortcut."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def heading_column(
    owner: QWidget, title: str, margins: Margins = (0, 0, 0, 0), spacing: int = 12
) -> QVBoxLayout:
    """Lay ``owner`` out as a column that begins with ``title`` as its heading."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    from PySide6.QtCore import Qt  # here, not at the top: see the note on PlaceholderPane

    heading = pane_heading(title)
    heading.setTextFormat(Qt.TextFormat.PlainText)  # a title may hold the ex's name
    layout.addWidget(heading)
    return layout


def page_with_heading(
    title: str, margins: Margins = (0, 0, 0, 0), spacing: int = 12
) -> tuple[QWidget, QVBoxLayout]:
    """A new page (a step of a wizard or dialog) and its column, headed by ``title``."""
    page = QWidget()
    return page, heading_column(page, title, margins, spacing)


class MessagePage(QWidget):
    """A pane's heading and one quiet sentence: locked, opening, or a problem reading it.

    Set the words through ``message``; ``spacing=-1`` keeps the style's own spacing.
    """

    def __init__(
        self,
        heading: str,
        margins: Margins = (48, 40, 48, 40),
        spacing: int = 14,
        text_width: int | None = None,
    ) -> None:
        super().__init__()
        layout = heading_column(self, heading, margins, spacing=spacing)
        self.message = quiet_label("")
        if text_width is not None:
            self.message.setMaximumWidth(text_width)
        layout.addWidget(self.message)
        layout.addStretch(1)
