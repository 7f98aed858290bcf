"""The few label and page helpers every pane and dialog builds its text from: a pane's
heading, quiet secondary text, plain paragraphs, captions, and a page with a heading.

Used before the first frame (the main window and the placeholder panes), so nothing here
imports PySide6's ``Qt`` namespace at the top (~40 ms): the helpers that need it import it
inside, where it runs later.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

Margins = tuple[int, int, int, int]  # left, top, right, bottom, in pixels
DIALOG_MARGINS: Margins = (24, 20, 24, 16)  # around the content of every dialog
HEADING_SCALE = 1.9  # a pane's heading: large and friendly, well above the body text


def pane_heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName("paneHeading")
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
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
    from PySide6.QtCore import Qt  # here, not at the top: see the module's note

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
    from PySide6.QtCore import Qt  # here, not at the top: see the module's note

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
