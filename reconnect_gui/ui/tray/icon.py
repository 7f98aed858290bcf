"""The tray icon's pictures and words: the day number on the app's tile, or a quiet lock.

Tray icons are drawn 16 to 24 px wide. At that size the app mark's ring leaves no room
for a number anyone could read, so the tray shows the mark's dusk tile (the rounded
square and gradient of resources/icons/reconnect.svg) with the day number large and
white on it: the tile is the badge. The same layout serves every size, because some
trays pick whichever size they like and scale it.

Every picture is painted for its exact device pixels (``TRAY_SIZES`` at 1× and 2×) and
added to the icon with its device pixel ratio, so Qt never has to scale one. Below 32
device pixels the digits are drawn pixel by pixel from a tiny 3×5 grid, because no font
stays sharp there on every system; larger tiles use the app font, bold. Painted images
are cached, so the daily change of the tray icon costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPixmap,
)

TRAY_SIZES = (16, 22, 24, 32, 48, 64)
SCALES = (1, 2)  # device pixel ratios painted for each size

MAX_SHOWN_DAY = 999
# From day 1000 the tile says "1k+": three glyphs, as legible at 16 px as any three-digit
# day ("999+" needs four, one more than fits). The tooltip keeps the exact number.
OVER_MAX_LABEL = "1k+"

# reconnect.svg's dusk gradient: the tile carrying the day number.
BADGE_TOP = "#3f4a8a"
BADGE_BOTTOM = "#a3637f"  # a shade darker than the SVG's #b46f8c: white digits reach 4.5:1
# The locked tile is plain grey: no colour, no number.
LOCKED_TOP = "#5c5c5c"
LOCKED_BOTTOM = "#767676"  # white on it: 4.5:1
INK = "#ffffff"

GRID = 512.0  # reconnect.svg is drawn on a 512 grid; the shapes below use the same grid

# How tall the digits may be, as a share of the side, by label length: two digits large
# (one digit is sized as two, so the number keeps its size from day 9 to day 10), three
# smaller. The width is held to the tile's straight edges.
INK_HEIGHT = {2: 0.7, 3: 0.52}
FLAT_SIDES = 448 / 512
FONT_FROM = 32  # device pixels: smaller tiles get pixel digits, larger ones the app font


def day_label(day: int) -> str:
    """The text on the tile for ``day``: "0" … "999", then "1k+"."""
    if day < 0:
        raise ValueError(f"day must not be negative, got {day}")
    return OVER_MAX_LABEL if day > MAX_SHOWN_DAY else str(day)


def day_icon(day: int) -> QIcon:
    """The dusk tile with the day number; one exact pixmap per size and scale.

    Needs a running QGuiApplication (fonts and pixmaps do).
    """
    label = day_label(day)
    family = QFont().family()  # the app font: the cache must not outlive a change of it
    return _icon(lambda side: _day_image(label, side, family))


def locked_icon() -> QIcon:
    """The neutral icon while the vault is locked: a grey tile with a small padlock."""
    return _icon(_locked_image)


def tray_tooltip(day: int | None, target: int | None, *, locked: bool) -> str:
    """What the tray says on hover; only our own words and numbers, never user text.

    ``day`` is ``None`` without a countdown; ``target`` is ``None`` without a target.
    """
    if locked:
        return "Reconnect — locked"
    if day is None:
        return "Reconnect"
    if target is None or day > target:
        return f"Day {day} without contact"
    return f"Day {day} of {target} without contact"


# -- building the icon ---------------------------------------------------------------------


def _icon(image_for: Callable[[int], QImage]) -> QIcon:
    icon = QIcon()
    for size in TRAY_SIZES:
        for scale in SCALES:
            # 16 at 2× and 32 at 1× share one painted image; each pixmap gets its own ratio.
            pixmap = QPixmap.fromImage(image_for(size * scale))
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap)
    return icon


def _blank(side: int) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


@lru_cache(maxsize=64)
def _day_image(label: str, side: int, family: str) -> QImage:
    """The tile with ``label``, ``side`` device pixels square (no device pixel ratio)."""
    image = _blank(side)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_tile(painter, side, BADGE_TOP, BADGE_BOTTOM)
    if side < FONT_FROM:
        _paint_pixel_label(painter, label, side)
    else:
        _paint_font_label(painter, label, side, family)
    painter.end()
    return image


@lru_cache(maxsize=16)
def _locked_image(side: int) -> QImage:
    image = _blank(side)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_tile(painter, side, LOCKED_TOP, LOCKED_BOTTOM)
    painter.scale(side / GRID, side / GRID)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(INK))
    painter.drawPath(_padlock())
    painter.end()
    return image


# -- shapes --------------------------------------------------------------------------------


def _paint_tile(painter: QPainter, side: int, top: str, bottom: str) -> None:
    """reconnect.svg's rounded square and diagonal gradient, in ``top``/``bottom`` colours."""
    painter.save()
    painter.scale(side / GRID, side / GRID)
    gradient = QLinearGradient(96, 32, 416, 480)
    gradient.setColorAt(0, QColor(top))
    gradient.setColorAt(1, QColor(bottom))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawPath(_tile())
    painter.restore()


def _tile() -> QPainterPath:
    """The squircle of reconnect.svg: 448 units square with smooth corners, 32 from the edge."""
    path = QPainterPath(QPointF(152, 32))
    path.lineTo(360, 32)
    path.cubicTo(452, 32, 480, 60, 480, 152)
    path.lineTo(480, 360)
    path.cubicTo(480, 452, 452, 480, 360, 480)
    path.lineTo(152, 480)
    path.cubicTo(60, 480, 32, 452, 32, 360)
    path.lineTo(32, 152)
    path.cubicTo(32, 60, 60, 32, 152, 32)
    path.closeSubpath()
    return path


def _padlock() -> QPainterPath:
    """A padlock on the 512 grid, edges on multiples of 32 so it is crisp at 16 px."""
    body = QPainterPath()
    body.addRoundedRect(QRectF(160, 224, 192, 160), 24, 24)
    # The shackle: a 32-wide U from the body's top, its outer edge 192…320 across.
    shackle = QPainterPath(QPointF(192, 232))
    shackle.lineTo(192, 160)
    shackle.arcTo(QRectF(192, 96, 128, 128), 180, -180)
    shackle.lineTo(320, 232)
    shackle.lineTo(288, 232)
    shackle.lineTo(288, 160)
    shackle.arcTo(QRectF(224, 128, 64, 64), 0, 180)
    shackle.lineTo(224, 232)
    shackle.closeSubpath()
    return body.united(shackle)


# -- the number, small: pixel digits -------------------------------------------------------

# Below FONT_FROM device pixels no font keeps two digits sharp (hinting differs per system
# and smears strokes across pixels), so small tiles draw digits from this 3×5 grid. Each
# column and row of the grid becomes a whole number of pixels, chosen per tile size.
PIXEL_GLYPHS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": ("##.", ".#.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    "k": ("#..", "#.#", "##.", "#.#", "#.#"),
}


@dataclass(frozen=True)
class PixelMetrics:
    """How many device pixels each part of a 3×5 glyph gets."""

    stroke: int  # outer columns and the three bars
    inner: int  # the middle column
    gap: int  # between glyphs
    counter: int  # the two rows between the bars (may be taller than ``inner``)

    def glyph_width(self) -> int:
        return 2 * self.stroke + self.inner

    def width(self, count: int) -> int:
        return count * self.glyph_width() + (count - 1) * self.gap

    def height(self) -> int:
        return 3 * self.stroke + 2 * self.counter


# (stroke, inner) pairs, boldest first. A middle column narrower than the strokes would
# turn "8" and "0" into blocks; (2, 1) is the one exception, still clearer than 1 px strokes.
PIXEL_GRIDS = ((3, 3), (2, 3), (2, 2), (2, 1), (1, 3), (1, 2), (1, 1))
MAX_ASPECT = 1.75  # glyph height / width: taller digits read better, up to a point
GAPS = {3: (2,), 2: (2, 1), 1: (1,)}  # by stroke: bold glyphs need air between them


def pixel_metrics(count: int, side: int) -> PixelMetrics:
    """The boldest grid for ``count`` glyphs that fits the tile's flat sides at ``side``."""
    room = int(side * FLAT_SIDES)
    tallest = int(side * INK_HEIGHT[min(max(count, 2), 3)])
    for stroke, inner in PIXEL_GRIDS:
        for gap in GAPS[stroke]:
            metrics = PixelMetrics(stroke, inner, gap, inner)
            if metrics.width(count) > room or metrics.height() > tallest:
                continue
            # The rows between the bars may be taller than the middle column is wide.
            highest = min(tallest, int(MAX_ASPECT * metrics.glyph_width()))
            counter = max(inner, min(inner + 1, (highest - 3 * stroke) // 2))
            return PixelMetrics(stroke, inner, gap, counter)
    return PixelMetrics(1, 1, 1, 1)


def _paint_pixel_label(painter: QPainter, label: str, side: int) -> None:
    metrics = pixel_metrics(max(len(label), 2), side)  # one digit as big as two
    columns = (metrics.stroke, metrics.inner, metrics.stroke)
    rows = (metrics.stroke, metrics.counter, metrics.stroke, metrics.counter, metrics.stroke)
    left = (side - metrics.width(len(label))) // 2
    top = (side - metrics.height()) // 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # whole pixels only
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(INK))
    for char in label:
        if char == "+":  # a square cross: from the grid it would come out tall and thin
            _paint_plus(painter, left, top, metrics)
            left += metrics.glyph_width() + metrics.gap
            continue
        glyph = PIXEL_GLYPHS[char]
        outline = QPainterPath()
        y = top
        for r, height in enumerate(rows):
            x = left
            for c, width in enumerate(columns):
                if glyph[r][c] == "#":
                    outline.addRect(x, y, width, height)
                x += width
            y += height
        if metrics.stroke > 1:
            outline = outline.subtracted(_corner_cuts(glyph, left, top, columns, rows))
        painter.drawPath(outline.simplified())
        left += metrics.glyph_width() + metrics.gap
    painter.restore()


def _paint_plus(painter: QPainter, left: int, top: int, metrics: PixelMetrics) -> None:
    """A "+" of two ``stroke``-thick arms, about a digit wide, centred on the middle bar."""
    stroke = metrics.stroke
    arm = metrics.glyph_width()
    arm -= (arm - stroke) % 2  # so the crossing arm sits exactly in the middle
    x = left + (metrics.glyph_width() - arm) // 2
    y = top + stroke + metrics.counter  # the middle bar of the digits
    painter.drawRect(x, y, arm, stroke)
    painter.drawRect(x + (arm - stroke) // 2, y - (arm - stroke) // 2, stroke, arm)


def _corner_cuts(
    glyph: tuple[str, ...], left: int, top: int, columns: tuple[int, ...], rows: tuple[int, ...]
) -> QPainterPath:
    """One pixel off each outer corner where the stroke bends (the top left of "0", not of
    "7"): bold pixel digits look softer and read less like blocks."""
    cuts = QPainterPath()
    right = left + sum(columns) - 1
    bottom = top + sum(rows) - 1
    for r, c, x, y in (
        (0, 0, left, top),
        (0, 2, right, top),
        (4, 0, left, bottom),
        (4, 2, right, bottom),
    ):
        along_row = glyph[r][1] == "#"
        along_column = glyph[1 if r == 0 else 3][c] == "#"
        if glyph[r][c] == "#" and along_row and along_column:
            cuts.addRect(x, y, 1, 1)
    return cuts


# -- the number, large: the app font -------------------------------------------------------


def _paint_font_label(painter: QPainter, label: str, side: int, family: str) -> None:
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = _label_font(_sample(label), side, family)
    ink = QFontMetricsF(font).tightBoundingRect(label)
    # Centre the ink (not the line box) with the origin on whole pixels, so hinted
    # horizontal strokes land on the pixel grid.
    x = round((side - ink.width()) / 2 - ink.left())
    y = round((side - ink.height()) / 2 - ink.top())
    painter.setFont(font)
    painter.setPen(QColor(INK))
    painter.drawText(QPointF(x, y), label)


def _sample(label: str) -> str:
    """The label's shape ("12" → "00", "7" → "00"): the font is sized for two of its widest
    digits, so the number keeps its size from day to day (day 9 is not bigger than day 10,
    nor day 11 than day 18)."""
    shape = "".join("0" if char.isdigit() else char for char in label)
    return shape.rjust(2, "0")


@lru_cache(maxsize=32)
def _label_font(sample: str, side: int, family: str) -> QFont:
    """The largest bold font whose ink for ``sample`` fits the tile at ``side`` pixels."""
    want_height = side * INK_HEIGHT[min(len(sample), 3)]
    # Larger tiles keep a little air beside the digits.
    room = side * FLAT_SIDES - 2 * max(0.0, side * 0.06 - 1)
    # Start from the size whose digits are as tall as wanted, then step down.
    probe = _bold(family, 100)
    digit_height = QFontMetricsF(probe).tightBoundingRect("0").height() / 100
    for pixels in range(round(want_height / digit_height) + 1, 5, -1):
        font = _bold(family, pixels)
        ink = _widest_ink(font, sample)
        if ink.height() <= want_height + 0.5 and ink.width() <= room:
            return font
    return _bold(family, 6)


def _bold(family: str, pixels: int) -> QFont:
    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(pixels)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    return font


def _widest_ink(font: QFont, sample: str) -> QRectF:
    """The ink of ``sample`` with each "0" standing for the widest digit of ``font``."""
    metrics = QFontMetricsF(font)
    widest = max("0123456789", key=lambda digit: metrics.tightBoundingRect(digit).width())
    return metrics.tightBoundingRect(sample.replace("0", widest))
