"""The SOS screen's two boxes (the person's reasons, or the calming words while the vault
is locked) are drawn as the app's cards: the same ground, edge and corners as a group of
settings, in both themes, and following a live change of theme."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reconnect_gui.ui.countdown.sos_flow import SosDialog
from reconnect_gui.ui.widgets.theme import apply_theme, card_colour

NOW = datetime(2026, 11, 12, 1, 40, tzinfo=UTC)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system")


def sos_dialog(qtbot: QtBot, locked: bool) -> SosDialog:
    dialog = SosDialog(
        save_letter=lambda _text: None,
        log_urge=lambda _urge: None,
        now=lambda: NOW,
        reasons=None if locked else ["I want to feel steady on my own"],
        unlock=(lambda: None) if locked else None,
    )
    qtbot.add_widget(dialog)
    dialog.resize(760, 520)
    dialog.show()
    qtbot.wait_exposed(dialog)
    return dialog


def ground(dialog: SosDialog, box: QWidget) -> str:
    """The colour inside ``box``, near its bottom left, away from its words and edge."""
    image = dialog.grab().toImage()
    at = box.mapTo(dialog, QPoint(8, box.height() - 8))
    return image.pixelColor(at.x(), at.y()).name()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("locked", [False, True], ids=["reasons", "calming words"])
def test_the_sos_boxes_are_the_apps_cards(
    themed: QApplication, qtbot: QtBot, theme: str, locked: bool
) -> None:
    apply_theme(themed, theme)
    dialog = sos_dialog(qtbot, locked)
    box = dialog.calming_box if locked else dialog.reasons_box
    assert box is not None and box.isVisible()
    assert ground(dialog, box) == card_colour(themed.palette()).name()


def test_the_cards_follow_a_live_change_of_theme(themed: QApplication, qtbot: QtBot) -> None:
    apply_theme(themed, "light")
    dialog = sos_dialog(qtbot, locked=False)
    assert dialog.reasons_box is not None
    apply_theme(themed, "dark")
    qtbot.wait_until(
        lambda: ground(dialog, dialog.reasons_box) == card_colour(themed.palette()).name()
    )
