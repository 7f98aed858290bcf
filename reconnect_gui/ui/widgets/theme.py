"""Light and dark: follow the desktop by default, or a palette the user picked.

Qt's ``QStyleHints.setColorScheme`` only works where a platform theme supports it, so
an explicit choice uses the Fusion style with our own palettes (checked for WCAG AA
contrast in the tests) and looks the same on every OS. "system" uses the same palettes,
dark or light as the desktop says (Qt's style hints, or the XDG portal: see
ui/widgets/desktop_scheme.py); only where nothing says does it keep the desktop's own look.

Fusion strokes the outline of radio buttons and check boxes from the *window* colour made
darker, which vanishes on a dark window and is faint on a light one. Those two widget
classes paint no background of their own, so each gets a class palette whose Window
colour Fusion turns into a clearly visible outline (WCAG 1.4.11 asks 3:1 for controls).
All of this is palettes only: nothing of ours runs while Qt paints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from reconnect_gui.ui.widgets.colours import mixed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFrame

# role -> (light, dark); all text/background pairs here meet WCAG AA (4.5:1).
# Warm paper and ink, and one calm teal accent (selection, links, the main button) in both.
ACCENT = ("#2b6d67", "#6cc0b6")  # light, dark: the same hue, lighter on the dark ground
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    QPalette.ColorRole.Window: ("#f6f2ec", "#1f1c1a"),
    QPalette.ColorRole.WindowText: ("#2a2522", "#ece5dd"),
    QPalette.ColorRole.Base: ("#fffdf9", "#181614"),
    QPalette.ColorRole.AlternateBase: ("#efe9e1", "#272320"),
    QPalette.ColorRole.Text: ("#2a2522", "#ece5dd"),
    QPalette.ColorRole.PlaceholderText: ("#605851", "#aaa197"),
    QPalette.ColorRole.Button: ("#ece5dc", "#2e2a26"),
    QPalette.ColorRole.ButtonText: ("#2a2522", "#ece5dd"),
    QPalette.ColorRole.BrightText: ("#ffffff", "#ffffff"),
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#0f1a19"),
    QPalette.ColorRole.ToolTipBase: ("#fffaf0", "#2e2a26"),
    QPalette.ColorRole.ToolTipText: ("#2a2522", "#ece5dd"),
    QPalette.ColorRole.Link: ACCENT,
    QPalette.ColorRole.Light: ("#ffffff", "#3d3833"),
    QPalette.ColorRole.Midlight: ("#e2dad0", "#35302c"),
    QPalette.ColorRole.Mid: ("#bdb3a7", "#4d4640"),
    QPalette.ColorRole.Dark: ("#8c8277", "#0f0d0c"),
    QPalette.ColorRole.Shadow: ("#5a524a", "#000000"),
}
_DISABLED_TEXT = ("#716a63", "#958c82")

# An indicator's outline is this share of the text colour, the rest the window colour:
# 4.2:1 (light) and 5.5:1 (dark) against the window, a margin over 3:1 for antialiasing.
# Disabled indicators mix in the disabled text colour, so they fade as their labels do.
OUTLINE_TEXT_SHARE = 0.6

# How QFusionStyle (qfusionstyle.cpp) gets an outline from a palette's Window colour, and
# the inverse: the Window colour that makes Fusion draw the outline we want.
#   radio button ring:  window.darker(150)
#   check box border:   window.darker(140).lighter(110)
# Known gap: where the desktop itself reports a dark scheme, newer Fusion brightens the
# check box border with lighter(240) instead; fine on our dark palette, faint on our light.
_WINDOW_FOR_OUTLINE: dict[str, Callable[[QColor], QColor]] = {
    "QRadioButton": lambda outline: outline.lighter(150),
    "QCheckBox": lambda outline: outline.darker(110).lighter(140),
}

STYLE = "Fusion"  # under every theme: our palettes look the same on every OS
_style_replaced = False  # STYLE is in use (set once, at start or on the first apply_theme)
_chosen = "system"  # the theme last applied: "system", "light" or "dark"
# Whether the desktop is dark, as last learned (None: not known). Before the first frame
# this is the answer remembered from the last run (asking Qt costs ~20 ms there: its
# ColorScheme enum builds the whole Qt namespace); after it, ui/widgets/desktop_scheme.py
# asks Qt's style hints, or the XDG portal where Qt knows nothing, and keeps it current.
_desktop_dark: bool | None = None

# How far a colour moves from the window colour towards the text colour:
SCROLL_HANDLE_SHARE = 0.58  # over 3:1 against the window and the cards (WCAG 1.4.11)
SCROLL_HANDLE_HOVER_SHARE = 0.72
CARD_EDGE_SHARE = 0.13  # a quiet edge around a card, not a frame
DARK_CARD_SHARE = 0.05  # on a dark ground a card is a touch lighter than the window


def card_colour(palette: QPalette) -> QColor:
    """The ground of a card (a settings section, a group of choices)."""
    if is_dark(palette):
        return mixed(
            palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.WindowText),
            DARK_CARD_SHARE,
        )
    return palette.color(QPalette.ColorRole.Base)


def card_frame(name: str) -> QFrame:
    """An empty frame drawn as one of the app's cards, with the ground, edge and corners of
    a group of settings (the style sheet's ``card`` rule, so it follows the theme live).
    ``name`` is its object name."""
    from PySide6.QtWidgets import QFrame  # not needed before the first frame

    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("card", True)
    return frame


def style_sheet(palette: QPalette) -> str:
    """The app's few shapes, in the colours of ``palette``: cards for grouped settings
    (and frames made by ``card_frame``),
    the primary button (``primary`` property true), link buttons (``link`` true), easy-to-see
    scroll bars and tooltips. Kept short, and with no rule for common widgets like
    labels: every rule is matched against every widget Qt polishes."""
    role = QPalette.ColorRole
    window, text = palette.color(role.Window), palette.color(role.WindowText)
    accent, on_accent = palette.color(role.Highlight), palette.color(role.HighlightedText)
    dark = is_dark(palette)
    disabled_text = palette.color(QPalette.ColorGroup.Disabled, role.WindowText)
    colours = {
        "card": card_colour(palette),
        "edge": mixed(window, text, CARD_EDGE_SHARE),
        "handle": mixed(window, text, SCROLL_HANDLE_SHARE),
        "handle_hover": mixed(window, text, SCROLL_HANDLE_HOVER_SHARE),
        "accent": accent,
        "accent_hover": accent.lighter(110) if dark else accent.darker(115),
        "accent_pressed": accent.darker(115) if dark else accent.darker(130),
        "accent_quiet": mixed(window, accent, 0.35),
        "on_accent": on_accent,
        "focus": text,
        "disabled": disabled_text,
        "link": palette.color(role.Link),
        "tip": palette.color(role.ToolTipBase),
        "tip_text": palette.color(role.ToolTipText),
    }
    names = {key: colour.name() for key, colour in colours.items()}
    return _SHEET.format(**names)


_SHEET = """
QGroupBox {{ background: {card}; border: 1px solid {edge}; border-radius: 12px;
  margin-top: 4px; padding: 30px 10px 8px 10px; }}
QGroupBox::title {{ subcontrol-origin: padding; subcontrol-position: top left;
  left: 18px; top: 14px; padding: 0; color: {accent}; }}
QFrame[card="true"] {{ background: {card}; border: 1px solid {edge}; border-radius: 12px; }}
QPushButton[primary="true"] {{ background: {accent}; color: {on_accent};
  border: 2px solid {accent}; border-radius: 10px; padding: 9px 22px; font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: {accent_hover}; border-color: {accent_hover}; }}
QPushButton[primary="true"]:pressed {{ background: {accent_pressed}; }}
QPushButton[primary="true"]:focus {{ border-color: {focus}; }}
QPushButton[primary="true"]:disabled {{ background: {accent_quiet}; color: {disabled};
  border-color: {accent_quiet}; }}
QPushButton[link="true"] {{ color: {link}; text-decoration: underline; border: none;
  background: transparent; padding: 2px 0; text-align: left; }}
QPushButton[link="true"]:focus {{ border: 1px dotted {focus}; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {handle}; border-radius: 4px; }}
QScrollBar::handle:vertical {{ min-height: 36px; margin: 2px 3px; }}
QScrollBar::handle:horizontal {{ min-width: 36px; margin: 3px 2px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {handle_hover}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none;
  background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolTip {{ background: {tip}; color: {tip_text}; border: 1px solid {edge};
  border-radius: 6px; padding: 5px 8px; }}
"""


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    index = 1 if dark else 0
    for role, pair in _COLOURS.items():
        palette.setColor(role, QColor(pair[index]))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[index]))
    return palette


def indicator_outline(dark: bool, disabled: bool = False) -> str:
    """The outline colour of radio buttons and check boxes, as "#rrggbb"."""
    index = 1 if dark else 0
    text = _DISABLED_TEXT[index] if disabled else _COLOURS[QPalette.ColorRole.Text][index]
    window = _COLOURS[QPalette.ColorRole.Window][index]
    share = OUTLINE_TEXT_SHARE
    mixed = (
        round(int(text[i : i + 2], 16) * share + int(window[i : i + 2], 16) * (1 - share))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def _set_indicator_palettes(app: QApplication, dark: bool) -> None:
    """Give radio buttons and check boxes the Window colour that Fusion outlines clearly."""
    normal = QColor(indicator_outline(dark))
    disabled = QColor(indicator_outline(dark, disabled=True))
    for class_name, window_for in _WINDOW_FOR_OUTLINE.items():
        palette = palette_for(dark)
        palette.setColor(QPalette.ColorRole.Window, window_for(normal))
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window_for(disabled)
        )
        app.setPalette(palette, class_name)  # type: ignore[arg-type]  # stubs say bytes; Qt takes str


def application_in_our_style(name: str) -> QApplication:
    """The app's QApplication, told to use STYLE from the start: Qt then creates the style
    itself when the first widget needs it. Set later with ``setStyle`` (as ``apply_theme``
    does for an app made elsewhere), the style passes through Python, and PySide creates
    QStyle's ~560 enum members for it first: ~7 ms before the first frame."""
    global _style_replaced
    app = QApplication([name, "-style", STYLE])  # a command-line -style beats QT_STYLE_OVERRIDE
    _style_replaced = True
    return app


def apply_theme(app: QApplication, theme: str, style_sheet_now: bool = True) -> None:
    """Apply "system", "light" or "dark" to the whole app, at start or live.

    Every theme is one of our two palettes on Fusion, with the app's short style sheet
    (cards, the primary button, scroll bars) in its colours: "system" is the dark one when
    the desktop says it is dark (``follow_desktop``), else the light one. A desktop that
    says nothing (no portal, an older X11 desktop) gets the same warm look as the others,
    not Qt's grey and blue.

    ``style_sheet_now=False`` leaves the sheet out, for the app's start: nothing in the
    first frame (the sidebar, a calm placeholder) uses its rules, and matching them
    against every widget built for that frame would cost ~20 ms. ``apply_style_sheet``
    adds it just after the frame.
    """
    global _style_replaced, _chosen
    _chosen = theme
    dark = theme == "dark" or (theme == "system" and bool(_desktop_dark))
    if not _style_replaced:
        app.setStyle(QStyleFactory.create(STYLE))
        _style_replaced = True
    app.setPalette(palette_for(dark))  # also drops all class palettes
    _set_indicator_palettes(app, dark)
    if style_sheet_now:
        apply_style_sheet(app)


def apply_style_sheet(app: QApplication) -> None:
    """The app's style sheet in its palette's colours, and each widget's own sheet
    looked up anew (see ``_renew_style_sheets``)."""
    app.setStyleSheet(style_sheet(app.palette()))
    _renew_style_sheets(app)


def follow_desktop(app: QApplication, dark: bool | None) -> None:
    """The desktop is now ``dark`` (None: it does not say); the "system" theme follows."""
    global _desktop_dark
    if dark == _desktop_dark:
        return
    _desktop_dark = dark
    # Before the first apply_theme (at start, with the remembered answer) only noted.
    if _chosen == "system" and _style_replaced:
        apply_theme(app, "system")


def desktop_is_dark() -> bool | None:
    """Whether the desktop is dark, as last learned (None: not known)."""
    return _desktop_dark


def chosen_theme() -> str:
    return _chosen


def style_in_use() -> str:
    """The name of the style under the app's style sheet ("fusion" once a theme is applied)."""
    return "fusion" if _style_replaced else ""


def _renew_style_sheets(app: QApplication) -> None:
    """Give every style sheet the new palette.

    A sheet's ``palette(base)`` and the like are looked up when it is applied, and the
    widgets under it keep those colours: after a live switch the sidebar, the drafts
    column and the note cards would stay in the old theme (light ground, dark-theme
    words). Setting each sheet again looks them up anew.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
