"""Helpers for the accessibility proofs (tests/ui/test_accessibility.py).

Four kinds of question, each answered from what Qt itself exposes:

- names: what a screen reader hears for a control (``spoken_name``, from Qt's own
  accessibility interface, so button text and buddy labels count as names);
- keyboard: where Tab and Shift+Tab really go (``tab_walk`` presses the keys) and
  whether that follows reading order (``reading_order_breaks``);
- text size: whether a label or button has the room its text asks for (``clipped``);
- colour: the WCAG 2 contrast ratio of two colours (``contrast``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

# The kinds of widget a person operates; anything else counts only if it takes the focus.
CONTROL_KINDS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)

# Reading order: two focus stops whose centres are this close vertically are on one line.
LINE_TOLERANCE = 8  # px
# A stop that starts this far right of the previous one's right edge begins a new column.
COLUMN_TOLERANCE = 4  # px
WALK_LIMIT = 400  # Tab presses before the walk calls it a trap


# ---- which widgets are controls --------------------------------------------------------


def control_of(widget: QWidget) -> QWidget:
    """The control a focused widget belongs to: a time field or combo box for the line
    edit inside it (Qt's ``focusWidget()`` may name either)."""
    parent = widget.parentWidget()
    while parent is not None and (
        isinstance(parent, QAbstractSpinBox)
        or (isinstance(parent, QComboBox) and parent.lineEdit() is widget)
    ):
        widget, parent = parent, parent.parentWidget()
    return widget


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def is_control(widget: QWidget) -> bool:
    """Something a person operates: a control kind, or a custom widget that takes focus.

    Left out: the inner line edit of a time field or combo box (the field is the
    control), a widget that hands its focus to another (a tab widget to its tab bar),
    scroll bars (part of their scroll area: the keys scroll what has the focus), and
    scroll areas themselves (what they hold is the content).
    """
    if control_of(widget) is not widget or widget.focusProxy() is not None:
        return False
    if isinstance(widget.parentWidget(), (QLineEdit, QTabBar)):
        return False  # a line edit's clear button, a tab bar's scroll arrows: parts of it
    if isinstance(widget, (QScrollBar, QAbstractScrollArea)) and not isinstance(
        widget, (QAbstractItemView, QPlainTextEdit, QTextEdit)
    ):
        return False
    return isinstance(widget, CONTROL_KINDS) or takes_tab(widget)


def shown_controls(root: QWidget) -> list[QWidget]:
    """Every control inside ``root`` that is on screen and enabled, in no special order."""
    return [
        w
        for w in root.findChildren(QWidget)
        if is_control(w) and w.isVisibleTo(root.window()) and w.isVisible() and w.isEnabled()
    ]


# ---- names -----------------------------------------------------------------------------


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name (Qt's accessibility interface:
    the accessible name, else the button text, the tab text or a buddy label). A tab bar
    with the focus announces its current tab, so that counts when the bar has no name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    name = interface.text(QAccessible.Text.Name).strip()
    if not name and isinstance(widget, QTabBar) and widget.count():
        name = widget.tabText(widget.currentIndex()).strip()
    return name


def spoken_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleDescription()
    return interface.text(QAccessible.Text.Description).strip()


def describe(widget: QWidget) -> str:
    """A widget as a person reading a failure would want it: kind, object name, words."""
    words = ""
    for getter in ("text", "placeholderText", "accessibleName"):
        value = getattr(widget, getter, None)
        if callable(value) and value():
            words = value()
            break
    name = widget.objectName()
    owner = type(widget.parentWidget()).__name__ if widget.parentWidget() else "-"
    label = f"{type(widget).__name__}"
    if name:
        label += f"#{name}"
    return f"{label} {words!r} in {owner}"


def unnamed(widgets: Iterable[QWidget]) -> list[str]:
    return [describe(w) for w in widgets if not spoken_name(w)]


# ---- keyboard --------------------------------------------------------------------------


@dataclass
class Walk:
    """Where Tab (or Shift+Tab) took the focus, starting at ``stops[0]``."""

    stops: list[QWidget]
    closed: bool  # came back to the start
    stuck: QWidget | None = None  # the key left the focus here: a trap


def focused_control() -> QWidget | None:
    widget = QApplication.focusWidget()
    return control_of(widget) if widget is not None else None


def tab_walk(qtbot: QtBot, start: QWidget, backwards: bool = False) -> Walk:
    """Press Tab (Shift+Tab if ``backwards``) from ``start`` until the focus comes back.

    A time field takes Tab for its own sections first (hours, then minutes), as Qt's
    time fields do everywhere; the walk presses on through them.
    """
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused_control() is start, f"{describe(start)} does not take the focus"
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    stops = [start]
    for _ in range(WALK_LIMIT):
        current = QApplication.focusWidget()
        sections = current.sectionCount() if isinstance(current, QDateTimeEdit) else 0
        for _section in range(sections + 1):
            qtbot.keyClick(current, key, modifier)
            if QApplication.focusWidget() is not current:
                break
        reached = focused_control()
        if reached is None or QApplication.focusWidget() is current:
            return Walk(stops, closed=False, stuck=control_of(current))
        if reached is start:
            return Walk(stops, closed=True)
        stops.append(reached)
    return Walk(stops, closed=False)


def group_of(widget: QWidget) -> object:
    """What Tab treats as one stop: a set of exclusive choices, which the arrow keys move
    through (Qt does that for radio buttons and an exclusive ``QButtonGroup``), or the
    widget itself."""
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        group = widget.group()
        if group is not None and group.exclusive():
            return group
        if group is None and widget.autoExclusive():
            return (widget.parentWidget(), type(widget))
    return widget


def group_members(button: QAbstractButton) -> list[QAbstractButton]:
    group = group_of(button)
    siblings = button.parentWidget().findChildren(QAbstractButton)
    return [b for b in siblings if group_of(b) == group]


def not_reached(controls: Iterable[QWidget], stops: Iterable[QWidget]) -> list[QWidget]:
    """The controls the walk never reached, counting a group as reached with any member
    (``arrow_walk`` proves the arrows reach the rest)."""
    reached = {group_of(w) for w in stops}
    return [w for w in controls if group_of(w) not in reached]


def arrow_walk(qtbot: QtBot, button: QAbstractButton) -> list[QWidget]:
    """Where Left, then Right, take the focus from ``button`` within its group."""
    button.setFocus(Qt.FocusReason.TabFocusReason)
    members = [b for b in group_members(button) if b.isVisible() and b.isEnabled()]
    for _ in members:  # to the first one
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    seen = [focused_control()]
    for _ in members:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        if focused_control() is seen[-1]:
            break
        seen.append(focused_control())
    return seen


def place(widget: QWidget) -> QRect:
    """The widget's rectangle in its window's coordinates."""
    window = widget.window()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = []
    while widget is not None:
        chain.append(widget)
        widget = widget.parentWidget()
    return chain


def reading_place(widget: QWidget, other: QWidget) -> QRect:
    """Where ``widget`` sits for reading order, seen from ``other``.

    A scroll area reads as one block where it is on screen: seen from outside it, what
    is inside takes the scroll area's place (content scrolled out of view has no place
    on screen); two widgets inside the same scrolled content compare where they are in it.
    """
    theirs = set(_ancestors(other))
    outermost = None
    for ancestor in _ancestors(widget)[1:]:
        if ancestor in theirs:
            break
        if isinstance(ancestor, QAbstractScrollArea) and ancestor.viewport().isAncestorOf(widget):
            outermost = ancestor
    return place(outermost if outermost is not None else widget)


def follows(before: QRect, after: QRect) -> bool:
    """Whether ``after`` comes after ``before`` in reading order.

    Reading order, as used here: on one line (centres within ``LINE_TOLERANCE`` px
    vertically) left to right; otherwise top to bottom; and going back up is fine only
    into a new column, one that starts to the right of where ``before`` ends (the
    sidebar, then the pane; a list column, then the entry beside it).
    """
    dy = after.center().y() - before.center().y()
    if abs(dy) <= LINE_TOLERANCE:
        return after.left() >= before.left() - COLUMN_TOLERANCE
    if dy > 0:
        return True
    return after.left() >= before.right() - COLUMN_TOLERANCE


def reading_order_breaks(stops: list[QWidget]) -> list[str]:
    """The steps of a forward walk that go against reading order (the last step, back to
    the start, is the wrap-around and always allowed)."""
    breaks = []
    for before, after in pairwise(stops):
        if not follows(reading_place(before, after), reading_place(after, before)):
            breaks.append(f"{describe(before)} -> {describe(after)}")
    return breaks


# ---- text size -------------------------------------------------------------------------

SLACK = 1  # px of rounding


def clipped(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit its size, or None when it fits.

    A word-wrapped label needs ``heightForWidth`` at its width; any other label and every
    button need their ``sizeHint`` (a button's hint is its text plus the style's margins).
    """
    size = widget.size()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        need = widget.heightForWidth(size.width())
        if need > size.height() + SLACK:
            return f"{describe(widget)}: needs {need} px high, has {size.height()}"
        return None
    if isinstance(widget, QLabel) and not widget.text():
        return None  # a picture or an empty label
    if isinstance(widget, QAbstractButton) and not widget.text():
        return None  # a painted face or icon: its size is its design
    if isinstance(widget, (QLabel, QAbstractButton)):
        hint = widget.sizeHint()
        if hint.width() > size.width() + SLACK or hint.height() > size.height() + SLACK:
            return (
                f"{describe(widget)}: needs {hint.width()}x{hint.height()}, "
                f"has {size.width()}x{size.height()}"
            )
    return None


def text_widgets(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, (QLabel, QAbstractButton)) and w.isVisible()
    ]


# ---- colour ----------------------------------------------------------------------------

TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11, meaningful graphics and control boundaries


def hex_of(colour: QColor | str) -> str:
    return colour.name() if isinstance(colour, QColor) else colour


def relative_luminance(colour: QColor | str) -> float:
    value = hex_of(colour)
    channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: QColor | str, background: QColor | str) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def over(colour: QColor, ground: QColor | str, opacity: float = 1.0) -> QColor:
    """``colour`` (with its own alpha, times ``opacity``) painted over an opaque ground."""
    below = QColor(hex_of(ground))
    alpha = colour.alphaF() * opacity
    return QColor.fromRgbF(
        colour.redF() * alpha + below.redF() * (1 - alpha),
        colour.greenF() * alpha + below.greenF() * (1 - alpha),
        colour.blueF() * alpha + below.blueF() * (1 - alpha),
    )
