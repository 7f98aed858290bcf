import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpers.palette import colour_pairs
from reconnect_gui.ui.widgets.buttons import make_primary
from reconnect_gui.ui.widgets.labels import pane_heading
from reconnect_gui.ui.widgets.theme import (
    apply_theme,
    card_colour,
    follow_desktop,
    indicator_outline,
    is_dark,
    palette_for,
    style_in_use,
)


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


def test_explicit_themes_switch_live_and_system_follows_the_desktop(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    assert is_dark(qapp.palette())
    assert style_in_use() == "fusion"
    apply_theme(qapp, "light")
    assert not is_dark(qapp.palette())
    follow_desktop(qapp, True)
    apply_theme(qapp, "system")
    assert qapp.palette() == palette_for(True)
    follow_desktop(qapp, False)
    assert qapp.palette() == palette_for(False)
    follow_desktop(qapp, None)


def test_a_desktop_that_says_nothing_gets_the_warm_light_look_not_qts_default(
    qapp: QApplication,
) -> None:
    # Without a portal (many X11 desktops) Qt's own grey and blue used to show: the
    # "system" theme is our palette whenever the desktop does not ask for dark.
    follow_desktop(qapp, None)
    apply_theme(qapp, "dark")
    apply_theme(qapp, "system")
    assert qapp.palette() == palette_for(False)
    assert style_in_use() == "fusion"


def test_the_apps_own_application_is_in_fusion_from_the_start_without_python_seeing_it() -> None:
    # A fresh interpreter, as at start: the style comes from the command line Qt is given,
    # so it holds even where the desktop names another, and PySide never builds QStyle's
    # type (~7 ms of enums before the first frame) the way setStyle(...) makes it.
    probe = (
        "import PySide6.QtWidgets as widgets\n"
        "from reconnect_gui.ui.widgets.theme import application_in_our_style, style_in_use\n"
        "app = application_in_our_style('reconnect')\n"
        "label = widgets.QLabel('x')\n"
        "label.show()\n"
        "app.processEvents()\n"
        "print(style_in_use(), 'QStyle' in vars(widgets), app.style().name())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["fusion", "False", "fusion"]


# --- radio buttons and check boxes: a visible outline and a clear mark in both themes ---

MIN_CONTROL_CONTRAST = 3.0  # WCAG 1.4.11, non-text contrast of a control's boundary


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system")


def render_indicator(
    qtbot: QtBot, kind: type[QAbstractButton], checked: bool, enabled: bool = True
) -> tuple[QImage, QRect]:
    """A small form holding one button, rendered; and where its indicator is drawn."""
    form = QWidget()
    layout = QVBoxLayout(form)
    button = kind("Keep counting")
    button.setChecked(checked)
    button.setEnabled(enabled)
    layout.addWidget(button)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if kind is QRadioButton
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    return form.grab().toImage(), rect.translated(button.pos())


def outline_contrasts(image: QImage, rect: QRect, window: str) -> dict[str, float]:
    """Walk in from each side along the indicator's middle lines; the first pixels that
    are not window colour are the outline (antialiased over two at most)."""
    centre = rect.center() + QPoint(1, 1)
    walks = {
        "left": [QPoint(x, centre.y()) for x in range(rect.left() - 2, centre.x())],
        "right": [QPoint(x, centre.y()) for x in range(rect.right() + 2, centre.x(), -1)],
        "top": [QPoint(centre.x(), y) for y in range(rect.top() - 2, centre.y())],
        "bottom": [QPoint(centre.x(), y) for y in range(rect.bottom() + 2, centre.y(), -1)],
    }
    result = {}
    for side, points in walks.items():
        colours = [image.pixelColor(p).name() for p in points]
        first = next(i for i, colour in enumerate(colours) if colour != window)
        result[side] = max(contrast(colour, window) for colour in colours[first : first + 2])
    return result


def mark_contrast(image: QImage, rect: QRect, base: str) -> float:
    """The strongest contrast against the fill in the middle of the indicator, well inside
    its outline: the radio dot or the check mark, if any."""
    reach = rect.width() // 4
    middle = rect.center() + QPoint(1, 1)
    inner = QRect(middle - QPoint(reach, reach), middle + QPoint(reach, reach))
    return max(
        contrast(image.pixelColor(x, y).name(), base)
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    )


@pytest.mark.parametrize("dark", [False, True])
def test_indicator_outline_colour_meets_non_text_contrast(dark: bool) -> None:
    window = {name: back for name, _, back in colour_pairs(dark)}["text on window"]
    assert contrast(indicator_outline(dark), window) >= MIN_CONTROL_CONTRAST


@pytest.mark.parametrize("checked", [False, True], ids=["unchecked", "checked"])
@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox], ids=["radio", "checkbox"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_indicator_outline_stands_out_from_the_window(
    themed: QApplication, qtbot: QtBot, theme: str, kind: type[QAbstractButton], checked: bool
) -> None:
    apply_theme(themed, theme)
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    image, rect = render_indicator(qtbot, kind, checked)
    for side, ratio in outline_contrasts(image, rect, window).items():
        assert ratio >= MIN_CONTROL_CONTRAST, f"{theme} {kind.__name__} {side}: {ratio:.2f}"


@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox], ids=["radio", "checkbox"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_checked_mark_is_clear_and_unchecked_is_empty(
    themed: QApplication, qtbot: QtBot, theme: str, kind: type[QAbstractButton]
) -> None:
    apply_theme(themed, theme)
    base = themed.palette().color(QPalette.ColorRole.Base).name()
    on_image, rect = render_indicator(qtbot, kind, checked=True)
    off_image, _ = render_indicator(qtbot, kind, checked=False)
    assert mark_contrast(on_image, rect, base) >= 4.5
    assert mark_contrast(off_image, rect, base) < 1.5


@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox], ids=["radio", "checkbox"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_keyboard_focus_changes_the_outline_and_keeps_it_visible(
    themed: QApplication, theme: str, kind: type[QAbstractButton]
) -> None:
    apply_theme(themed, theme)
    button = kind("Keep counting")
    button.ensurePolished()  # class palettes reach a widget when it is polished
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    element = (
        QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if kind is QRadioButton
        else QStyle.PrimitiveElement.PE_IndicatorCheckBox
    )
    outlines = {}
    for focused in (False, True):
        image = QImage(QSize(20, 20), QImage.Format.Format_RGB32)
        image.fill(QColor(window))
        option = QStyleOptionButton()
        option.rect = QRect(2, 2, 14, 14)
        option.palette = button.palette()
        option.state = QStyle.StateFlag.State_Enabled
        if focused:
            option.state |= QStyle.StateFlag.State_HasFocus
            option.state |= QStyle.StateFlag.State_KeyboardFocusChange
        painter = QPainter(image)
        themed.style().drawPrimitive(element, option, painter, button)
        painter.end()
        outlines[focused] = outline_contrasts(image, option.rect, window)
        assert min(outlines[focused].values()) >= MIN_CONTROL_CONTRAST, (focused, outlines)
    assert outlines[True] != outlines[False]  # focus is seen, not only felt


@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox], ids=["radio", "checkbox"])
def test_disabled_indicators_fade_but_stay_visible(
    themed: QApplication, qtbot: QtBot, kind: type[QAbstractButton]
) -> None:
    for theme in ("light", "dark"):
        apply_theme(themed, theme)
        window = themed.palette().color(QPalette.ColorRole.Window).name()
        image, rect = render_indicator(qtbot, kind, checked=False)
        enabled = min(outline_contrasts(image, rect, window).values())
        image, rect = render_indicator(qtbot, kind, checked=False, enabled=False)
        disabled = min(outline_contrasts(image, rect, window).values())
        assert 1.5 <= disabled < enabled, (theme, disabled, enabled)


def test_switching_themes_live_keeps_outlines_in_every_theme(
    themed: QApplication, qtbot: QtBot
) -> None:
    for theme in ("dark", "light", "dark"):
        apply_theme(themed, theme)
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    image, rect = render_indicator(qtbot, QRadioButton, checked=False)
    assert min(outline_contrasts(image, rect, window).values()) >= MIN_CONTROL_CONTRAST
    apply_theme(themed, "system")
    # The system theme is one of ours too: the outline stays as clear.
    image, rect = render_indicator(qtbot, QRadioButton, checked=False)
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    assert min(outline_contrasts(image, rect, window).values()) >= MIN_CONTROL_CONTRAST


# --- the warm look: one accent, cards, the primary button, scroll bars, headings --------


def render(qtbot: QtBot, widget: QWidget, size: QSize) -> QImage:
    widget.resize(size)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


def test_one_accent_colour_for_selection_links_and_the_main_button_in_both_themes() -> None:
    light, dark = palette_for(False), palette_for(True)
    for palette in (light, dark):
        assert palette.color(QPalette.ColorRole.Link) == palette.color(QPalette.ColorRole.Highlight)
    hues = [p.color(QPalette.ColorRole.Highlight).hslHue() for p in (light, dark)]
    assert abs(hues[0] - hues[1]) <= 10, hues  # the same colour, lighter on the dark ground


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_scroll_bar_handle_is_easy_to_see(
    themed: QApplication, qtbot: QtBot, theme: str
) -> None:
    apply_theme(themed, theme)
    bar = QScrollBar()
    bar.setRange(0, 100)
    bar.setPageStep(20)
    image = render(qtbot, bar, QSize(14, 300))
    handle = image.pixelColor(image.width() // 2, 20).name()  # the handle sits at the top
    groove = image.pixelColor(image.width() // 2, image.height() - 20).name()
    assert contrast(handle, groove) >= MIN_CONTROL_CONTRAST, (handle, groove)
    window = themed.palette().color(QPalette.ColorRole.Window).name()
    assert contrast(handle, window) >= MIN_CONTROL_CONTRAST


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_group_of_settings_is_a_card_not_a_boxed_frame(
    themed: QApplication, qtbot: QtBot, theme: str
) -> None:
    apply_theme(themed, theme)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(20, 20, 20, 20)
    box = QGroupBox("Reminders")
    QVBoxLayout(box).addWidget(QLabel("A gentle nudge"))
    layout.addWidget(box)
    image = render(qtbot, holder, QSize(300, 200))
    inside = image.pixelColor(box.geometry().center().x(), box.geometry().bottom() - 6)
    window = themed.palette().color(QPalette.ColorRole.Window)
    assert inside.name() == card_colour(themed.palette()).name()
    assert inside.name() != window.name()
    assert (
        contrast(inside.name(), themed.palette().color(QPalette.ColorRole.WindowText).name()) >= 4.5
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_primary_button_is_filled_with_the_accent(
    themed: QApplication, qtbot: QtBot, theme: str
) -> None:
    apply_theme(themed, theme)
    button = QPushButton("I feel the urge…")
    make_primary(button)
    image = render(qtbot, button, QSize(220, 48))
    fill = image.pixelColor(8, image.height() // 2).name()
    accent = themed.palette().color(QPalette.ColorRole.Highlight).name()
    assert fill == accent
    on_accent = themed.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert contrast(on_accent, accent) >= 4.5
    plain = QPushButton("Log an urge")
    plain_image = render(qtbot, plain, QSize(220, 48))
    assert plain_image.pixelColor(8, plain_image.height() // 2).name() != accent


def test_pane_headings_are_large_and_friendly(qapp: QApplication) -> None:
    heading = pane_heading("Your No-Contact countdown")
    assert heading.font().pointSizeF() >= 1.8 * qapp.font().pointSizeF()
