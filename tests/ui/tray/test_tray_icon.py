"""The tray icon: the day number on the app's tile, sharp at every tray size, and its words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage

from reconnect_gui.ui.tray.icon import (
    BADGE_BOTTOM,
    BADGE_TOP,
    INK,
    SCALES,
    TRAY_SIZES,
    day_icon,
    day_label,
    locked_icon,
    tray_tooltip,
)

EVERY_PIXMAP = [(size, scale) for size in TRAY_SIZES for scale in SCALES]


@pytest.fixture(autouse=True)
def _app(qapp):
    """Fonts and pixmaps need a running application."""
    return qapp


def picture(icon: QIcon, size: int, scale: int = 1) -> QImage:
    """What the tray gets for ``size`` logical pixels at ``scale``, in device pixels."""
    pixmap = icon.pixmap(QSize(size, size), scale)
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def rgba(image: QImage) -> list[tuple[int, int, int, int, int, int]]:
    """(x, y, r, g, b, a) of every pixel; read from the raw bytes, which is fast."""
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    out = []
    for y in range(image.height()):
        row = y * stride
        for x in range(image.width()):
            b, g, r, a = data[row + 4 * x : row + 4 * x + 4]  # ARGB32 in memory: B G R A
            out.append((x, y, r, g, b, a))
    return out


def ink(image: QImage) -> set[tuple[int, int]]:
    """The pixels of the number (or the padlock): white, fully opaque."""
    return {(x, y) for x, y, r, g, b, a in rgba(image) if a == 255 and min(r, g, b) >= 245}


def ink_box(image: QImage) -> QRect:
    points = ink(image)
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def glyph_columns(image: QImage) -> list[range]:
    """The runs of columns holding ink, left to right: one run per glyph when they are apart."""
    columns = sorted({x for x, _ in ink(image)})
    runs: list[range] = []
    for x in columns:
        if runs and runs[-1].stop == x:
            runs[-1] = range(runs[-1].start, x + 1)
        else:
            runs.append(range(x, x + 1))
    return runs


# -- sizes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("icon_for", [lambda: day_icon(12), locked_icon], ids=["day", "locked"])
def test_every_tray_size_has_its_own_pixmap_at_1x_and_2x(icon_for) -> None:
    icon = icon_for()
    device_sides = {size * scale for size, scale in EVERY_PIXMAP}
    assert {s.width() for s in icon.availableSizes()} == device_sides
    for size, scale in EVERY_PIXMAP:
        pixmap = icon.pixmap(QSize(size, size), scale)
        assert pixmap.size() == QSize(size * scale, size * scale), (size, scale)
        assert pixmap.devicePixelRatio() == scale


def test_at_16_px_the_digits_are_whole_pixels_with_no_blur() -> None:
    # Scaled or smeared digits would leave pale pixels between the white and the tile.
    image = picture(day_icon(88), 16)
    inside = [(x, y, r, g, b) for x, y, r, g, b, a in rgba(image) if 2 <= x <= 13 and 2 <= y <= 13]
    pale = [p for p in inside if QColor(*p[2:]).lightnessF() > 0.7 and min(p[2:]) < 245]
    assert pale == []
    assert len(ink(image)) > 40


# -- the number ------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "scale"), EVERY_PIXMAP)
def test_the_number_is_drawn_and_changes_with_the_day(size: int, scale: int) -> None:
    first = picture(day_icon(1), size, scale)
    later = picture(day_icon(88), size, scale)
    assert ink(first) and ink(later)
    assert first != later
    assert len(ink(later)) > len(ink(first))  # two eights hold more ink than a one


@pytest.mark.parametrize(("size", "scale"), EVERY_PIXMAP)
@pytest.mark.parametrize("day", [0, 7, 88, 365, 1000])
def test_the_number_stays_on_the_tile(day: int, size: int, scale: int) -> None:
    # White ink off the tile would vanish on a light panel: it stays inside the flat sides.
    image = picture(day_icon(day), size, scale)
    side = size * scale
    margin = side / 16  # the tile's edge: 32 of reconnect.svg's 512 units
    box = ink_box(image)
    assert box.left() >= margin - 0.5 and box.right() <= side - margin - 0.5
    assert box.top() >= margin and box.bottom() <= side - margin


def test_at_16_px_two_digits_are_large_and_apart_and_three_are_smaller() -> None:
    two = picture(day_icon(88), 16)
    three = picture(day_icon(365), 16)
    assert [len(run) for run in glyph_columns(two)] == [6, 6]
    assert ink_box(two).height() >= 10
    assert len(glyph_columns(three)) == 3
    assert ink_box(three).height() < ink_box(two).height()


@pytest.mark.parametrize(("size", "scale"), EVERY_PIXMAP)
def test_the_number_keeps_its_height_from_day_7_to_day_99(size: int, scale: int) -> None:
    heights = {ink_box(picture(day_icon(day), size, scale)).height() for day in (7, 10, 99)}
    # Fonts let round digits (0, 9) overshoot flat ones (7, 1) a little: 3 % at most.
    assert max(heights) - min(heights) <= max(1, size * scale * 0.03)


def test_from_day_1000_the_tile_says_1k_plus_and_the_tooltip_keeps_the_number() -> None:
    assert [day_label(day) for day in (0, 9, 999, 1000, 12345)] == ["0", "9", "999", "1k+", "1k+"]
    assert picture(day_icon(1000), 16) == picture(day_icon(12345), 16)
    assert picture(day_icon(1000), 16) != picture(day_icon(999), 16)
    assert tray_tooltip(1000, 30, locked=False) == "Day 1000 without contact"


def test_a_negative_day_is_a_mistake() -> None:
    with pytest.raises(ValueError):
        day_icon(-1)


# -- colours ---------------------------------------------------------------------------------


def saturated(image: QImage) -> int:
    return sum(
        1 for _, _, r, g, b, a in rgba(image) if a > 128 and QColor(r, g, b).hsvSaturationF() > 0.15
    )


@pytest.mark.parametrize(("size", "scale"), EVERY_PIXMAP)
def test_the_locked_icon_is_grey_with_no_number(size: int, scale: int) -> None:
    locked = picture(locked_icon(), size, scale)
    assert saturated(locked) == 0  # none of the day tile's colour
    assert ink(locked)  # the padlock
    day = picture(day_icon(12), size, scale)
    assert saturated(day) > (size * scale) ** 2 / 3  # the coloured tile


def contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_digits_stand_out_from_every_part_of_the_tile() -> None:
    # 3:1 is WCAG's floor for large bold text; the digits are the largest text there is.
    for tile in (BADGE_TOP, BADGE_BOTTOM):
        assert contrast(QColor(INK), QColor(tile)) >= 3.0


# -- words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "target", "words"),
    [
        (0, 30, "Day 0 of 30 without contact"),
        (12, 30, "Day 12 of 30 without contact"),
        (30, 30, "Day 30 of 30 without contact"),
        (40, 30, "Day 40 without contact"),
        (5, None, "Day 5 without contact"),
        (None, None, "Reconnect"),
    ],
)
def test_the_tooltip_says_the_day_in_plain_words(day, target, words: str) -> None:
    assert tray_tooltip(day, target, locked=False) == words


def test_the_locked_tooltip_gives_nothing_away() -> None:
    assert tray_tooltip(12, 30, locked=True) == "Reconnect — locked"
    assert tray_tooltip(None, None, locked=True) == "Reconnect — locked"
