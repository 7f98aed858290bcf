import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reconnect_gui.ui.theme import apply_theme, colour_pairs, is_dark


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True])
def test_every_palette_pair_meets_wcag_aa(dark: bool) -> None:
    for name, foreground, background in colour_pairs(dark):
        ratio = contrast(foreground, background)
        assert ratio >= 4.5, f"{name} in {'dark' if dark else 'light'}: {ratio:.2f}"


def test_explicit_themes_switch_live_and_system_restores(qapp: QApplication) -> None:
    original = qapp.palette().color(QPalette.ColorRole.Window).name()
    original_style = qapp.style().name()
    apply_theme(qapp, "dark")
    assert is_dark(qapp.palette())
    apply_theme(qapp, "light")
    assert not is_dark(qapp.palette())
    apply_theme(qapp, "system")
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == original
    assert qapp.style().name() == original_style
