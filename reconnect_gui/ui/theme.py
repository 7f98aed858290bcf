"""Light and dark: follow the desktop by default, or a palette the user picked.

Qt's ``QStyleHints.setColorScheme`` only works where a platform theme supports it, so
an explicit choice uses the Fusion style with our own palettes (checked for WCAG AA
contrast in the tests) and looks the same on every OS.
"""

from __future__ import annotations

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


def colour_pairs(dark: bool) -> list[tuple[str, str, str]]:
    """(name, foreground, background) pairs of our palette, for the contrast test."""
    index = 1 if dark else 0
    c = {role: pair[index] for role, pair in _COLOURS.items()}
    R = QPalette.ColorRole
    return [
        ("text on base", c[R.Text], c[R.Base]),
        ("text on window", c[R.WindowText], c[R.Window]),
        ("text on alternate base", c[R.Text], c[R.AlternateBase]),
        ("button text", c[R.ButtonText], c[R.Button]),
        ("highlighted text", c[R.HighlightedText], c[R.Highlight]),
        ("placeholder on base", c[R.PlaceholderText], c[R.Base]),
        ("tooltip", c[R.ToolTipText], c[R.ToolTipBase]),
        ("link on base", c[R.Link], c[R.Base]),
        ("disabled text on window", _DISABLED_TEXT[index], c[R.Window]),
    ]


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "system", "light" or "dark" to the whole app, at start or live.

    "system" at start-up costs nothing: the desktop's style and palette are already there.
    """
    global _system_style
    if theme in ("light", "dark"):
        if _system_style is None:
            _system_style = app.style().name()
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(palette_for(theme == "dark"))
    elif _system_style is not None:  # back to the desktop's look after an explicit choice
        app.setStyle(QStyleFactory.create(_system_style))
        app.setPalette(QPalette())  # an empty palette means "the platform's palette"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
