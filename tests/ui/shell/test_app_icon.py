"""The app icon as a pixmap for the first frame: enough pixels for the screen, no more."""

import pytest

from reconnect_gui.system.paths import app_icon_files, app_icon_size
from reconnect_gui.ui.shell.app_icon import app_icon_pixmap, load_app_icon


@pytest.mark.parametrize(
    ("ratio", "source_pixels"),
    [(1.0, 32), (0.5, 32), (1.5, 48), (2.0, 64), (2.5, 96), (40.0, 512)],
)
def test_the_logo_comes_from_the_smallest_png_with_enough_pixels(
    qapp, ratio: float, source_pixels: int
) -> None:
    pixmap = app_icon_pixmap(28, ratio)
    assert pixmap.width() == source_pixels  # 512 is the largest there is
    assert pixmap.deviceIndependentSize().toTuple() == pytest.approx((28.0, 28.0))


def test_the_sizes_come_from_the_file_names_smallest_first(qapp) -> None:
    sizes = [app_icon_size(file) for file in app_icon_files()]
    assert sizes == sorted(sizes) and sizes[0] == 16 and sizes[-1] == 512
    assert sorted(load_app_icon().availableSizes(), key=lambda s: s.width())[-1].width() == 512
