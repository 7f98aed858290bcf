"""Light and dark: follow the desktop by default, or a palette the user picked.

Qt's ``QStyleHints.setColorScheme`` only works where a platform theme supports it, so
an explicit choice uses the Fusion style with our own palettes (checked for WCAG AA
contrast in the tests) and looks the same on every OS.

Fusion strokes the outline of radio buttons and check boxes from the *window* colour made
darker, which vanishes on a dark window and is faint on a light one. Those two widget
classes paint no background of their own, so each gets a class palette whose Window
colour Fusion turns into a clearly visible outline (WCAG 1.4.11 asks 3:1 for controls).
All of this is palettes only: nothing of ours runs while Qt paints.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

# role -> (light, dark); all text/background pairs here meet WCAG AA (4.5:1).
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    QPalette.ColorRole.Window: ("#f4f3f1", "#1e2124"),
    QPalette.ColorRole.WindowText: ("#1d1f21", "#e6e4e1"),
    QPalette.ColorRole.Base: ("#ffffff", "#16181b"),
    QPalette.ColorRole.AlternateBase: ("#eceae7", "#23272b"),
    QPalette.ColorRole.Text: ("#1d1f21", "#e6e4e1"),
    QPalette.ColorRole.PlaceholderText: ("#5f6368", "#a3a7ac"),
    QPalette.ColorRole.Button: ("#e9e7e4", "#2b3035"),
    QPalette.ColorRole.ButtonText: ("#1d1f21", "#e6e4e1"),
    QPalette.ColorRole.BrightText: ("#ffffff", "#ffffff"),
    QPalette.ColorRole.Highlight: ("#2e6b70", "#5fa3a6"),
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#0d1112"),
    QPalette.ColorRole.ToolTipBase: ("#fffdf5", "#2b3035"),
    QPalette.ColorRole.ToolTipText: ("#1d1f21", "#e6e4e1"),
    QPalette.ColorRole.Link: ("#1f5f8b", "#8cc4ee"),
    QPalette.ColorRole.Light: ("#ffffff", "#3a4046"),
    QPalette.ColorRole.Midlight: ("#dcd9d5", "#32373c"),
    QPalette.ColorRole.Mid: ("#b8b4af", "#454b52"),
    QPalette.ColorRole.Dark: ("#8f8a84", "#101214"),
    QPalette.ColorRole.Shadow: ("#5a5651", "#000000"),
}
_DISABLED_TEXT = ("#65686c", "#8d9298")

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

_system_style: str | None = None  # the desktop's own style, kept once we replace it


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


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "system", "light" or "dark" to the whole app, at start or live.

    "system" at start-up costs nothing: the desktop's style and palette are already there.
    """
    global _system_style
    if theme in ("light", "dark"):
        if _system_style is None:
            _system_style = app.style().name()
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(palette_for(theme == "dark"))  # also drops all class palettes
        _set_indicator_palettes(app, theme == "dark")
        _renew_style_sheets(app)
    elif _system_style is not None:  # back to the desktop's look after an explicit choice
        app.setStyle(QStyleFactory.create(_system_style))
        # An empty palette means "the platform's palette"; setting it also drops the
        # class palettes above (QApplication::setPalette documents that reset).
        app.setPalette(QPalette())
        _renew_style_sheets(app)


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
