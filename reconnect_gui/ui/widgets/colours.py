"""Colours every feature shares: mixing two colours, and the severity colours of the tone
check's notes (the draft's underlines and list, and the journal's gentle warnings).

Each severity has a light and a dark colour, both above 4.5:1 on the window colour of
our light and dark palettes (tests/ui/test_accessibility.py checks it)."""

from __future__ import annotations

from PySide6.QtGui import QColor

SEVERITY_COLOURS: dict[str, tuple[str, str]] = {  # severity -> (light, dark)
    "problem": ("#b42318", "#ff8f85"),
    "warning": ("#8a5000", "#f0b94d"),
    "info": ("#4f5a66", "#a9b4bf"),
}


def mixed(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0…1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def severity_colour(severity: str, dark: bool) -> QColor:
    """The text colour for a note of ``severity`` in the light or the dark palette."""
    light_colour, dark_colour = SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS["info"])
    return QColor(dark_colour if dark else light_colour)
