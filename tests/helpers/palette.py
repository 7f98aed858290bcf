"""The text and background pairs of our own palettes, for the contrast tests."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from reconnect_gui.ui.widgets.theme import card_colour, palette_for


def colour_pairs(dark: bool) -> list[tuple[str, str, str]]:
    """(name, foreground, background) as "#rrggbb", read from ``palette_for(dark)``."""
    palette = palette_for(dark)
    R = QPalette.ColorRole

    def colour(role: QPalette.ColorRole, group=QPalette.ColorGroup.Active) -> str:
        return palette.color(group, role).name()

    return [
        ("text on base", colour(R.Text), colour(R.Base)),
        ("text on window", colour(R.WindowText), colour(R.Window)),
        ("text on alternate base", colour(R.Text), colour(R.AlternateBase)),
        ("button text", colour(R.ButtonText), colour(R.Button)),
        ("highlighted text", colour(R.HighlightedText), colour(R.Highlight)),
        ("placeholder on base", colour(R.PlaceholderText), colour(R.Base)),
        ("tooltip", colour(R.ToolTipText), colour(R.ToolTipBase)),
        ("link on base", colour(R.Link), colour(R.Base)),
        ("link on window", colour(R.Link), colour(R.Window)),
        ("text on a card", colour(R.WindowText), card_colour(palette).name()),
        ("quiet text on a card", colour(R.PlaceholderText), card_colour(palette).name()),
        ("a card's title (the accent) on it", colour(R.Highlight), card_colour(palette).name()),
        (
            "disabled text on window",
            colour(R.Text, QPalette.ColorGroup.Disabled),
            colour(R.Window, QPalette.ColorGroup.Disabled),
        ),
    ]
