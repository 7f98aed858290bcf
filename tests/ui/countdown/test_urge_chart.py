import pytest
from PySide6.QtGui import QColor, QPalette

from reconnect_gui.core.countdown.urge_chart import chart_description, empty_text, week_label
from reconnect_gui.ui.countdown.urge_chart import MIN_BAR_HEIGHT, UrgeChart, bar_rects
from reconnect_gui.ui.widgets.theme import palette_for


def test_bars_map_counts_to_heights_newest_on_the_right() -> None:
    rects = bar_rects([2, 4, 1], 240, 100)
    assert len(rects) == 3
    assert [r.height() for r in rects] == [50, 100, 25]  # the tallest fills the height
    assert all(r.bottom() == 100 for r in rects)
    assert [r.left() for r in rects] == sorted(r.left() for r in rects)
    slot = 240 / 12
    assert rects[-1].center().x() == pytest.approx(240 - slot / 2)  # the last of 12 slots
    assert rects[0].center().x() == pytest.approx(240 - 2.5 * slot)
    widths = {r.width() for r in rects}
    assert len(widths) == 1 and 0 < widths.pop() < slot  # same width, air between bars


def test_only_the_last_twelve_weeks_are_drawn_inside_the_box() -> None:
    counts = list(range(1, 21))  # 20 weeks
    rects = bar_rects(counts, 360, 80)
    assert len(rects) == 12
    assert rects[0].height() == pytest.approx(80 * 9 / 20)  # week 9 of 20 is the oldest shown
    assert rects[-1].height() == 80
    assert all(r.left() >= 0 and r.right() <= 360 and r.top() >= 0 for r in rects)


def test_zero_weeks_have_no_height_and_small_counts_stay_visible() -> None:
    rects = bar_rects([0, 1, 100], 240, 100)
    assert rects[0].height() == 0
    assert rects[1].height() == MIN_BAR_HEIGHT
    assert bar_rects([], 240, 100) == []
    assert [r.height() for r in bar_rects([0, 0], 240, 100)] == [0, 0]


def test_labels_and_the_empty_states() -> None:
    assert week_label(0) == "this week"
    assert week_label(1) == "last week"
    assert week_label(11) == "11 weeks ago"
    assert empty_text([]) == "No urges logged yet"
    assert empty_text([0, 0, 0]) == "No urges logged yet"
    assert empty_text([4] + [0] * 12) == "No urges in the last 12 weeks"
    assert empty_text([0, 1]) is None


def test_a_screen_reader_hears_the_numbers_newest_first(qtbot) -> None:
    chart = UrgeChart()
    qtbot.addWidget(chart)
    assert chart.accessibleName() == "Urges per week"
    assert chart.accessibleDescription() == "No urges logged yet."
    chart.set_counts([5, 0, 1, 2])
    assert chart.accessibleDescription() == (
        "Urges per week, newest first: this week 2 urges, last week 1 urge, "
        "2 weeks ago none, 3 weeks ago 5 urges."
    )
    assert chart_description([0] * 3) == "No urges logged yet."


def _ink(chart: UrgeChart, colour: QColor) -> int:
    """How many pixels of the shown chart are (almost) ``colour``."""
    image = chart.grab().toImage()
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            found += all(
                abs(a - b) <= 2
                for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
            )
    return found


@pytest.mark.parametrize("dark", [False, True])
def test_empty_chart_draws_no_bars_and_a_full_one_does(qtbot, dark) -> None:
    chart = UrgeChart()
    qtbot.addWidget(chart)
    chart.setPalette(palette_for(dark))
    chart.resize(400, 120)
    chart.show()
    qtbot.waitExposed(chart)
    accent = chart.palette().color(QPalette.ColorRole.Highlight)
    assert chart.height() == 120
    chart.set_counts([0, 0, 0])
    assert _ink(chart, accent) == 0
    chart.set_counts([3, 0, 6])
    assert _ink(chart, accent) > 50  # this week's bar is drawn in the accent colour
