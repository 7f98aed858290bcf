"""The verdict banner: what it shows, and tints that keep its words readable."""

from __future__ import annotations

from datetime import timedelta

import pytest

from helpers.palette import colour_pairs
from reconnect_gui.core.drafts.words import banner_for
from reconnect_gui.ui.draft.banner import BANNER_COLOURS, VerdictBanner


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two "#rrggbb" colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_banner_tints_keep_the_text_readable(dark: bool) -> None:
    text = {name: fore for name, fore, _ in colour_pairs(dark)}["text on base"]
    for state, (background, _stripe) in BANNER_COLOURS.items():
        assert contrast(text, background[1 if dark else 0]) >= 4.5, state


def test_the_banner_shows_its_words_and_tint(qtbot) -> None:
    banner = VerdictBanner()
    qtbot.add_widget(banner)
    banner.show()
    banner.show_banner(banner_for("revise", ("It pleads with them.",), timedelta(0)))
    assert banner.state == "revise" and banner.headline.text() == "Worth another look"
    assert banner.detail.text() == "It pleads with them." and banner.detail.isVisible()
    assert banner.accessibleName() == "Worth another look"
    assert BANNER_COLOURS["revise"][0][0] in banner.styleSheet()
    banner.set_dark(True)
    assert BANNER_COLOURS["revise"][0][1] in banner.styleSheet()
