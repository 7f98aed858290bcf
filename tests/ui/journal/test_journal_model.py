"""The journal list's model (rows and roles) and its delegate (what one row paints)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from reconnect_gui.core.journal.entry import JournalEntry, edited, new_entry
from reconnect_gui.ui.journal.model import (
    DATE_ROLE,
    ENTRY_ROLE,
    ID_ROLE,
    MOOD_COLOURS,
    MOOD_ROLE,
    NOTE_ROLE,
    TAGS_ROLE,
    TYPE_ROLE,
    JournalDelegate,
    JournalListModel,
    date_words,
    paint_mood,
)
from reconnect_gui.ui.widgets.theme import palette_for

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # Sunday, 14:00 in Berlin


def entry(entry_id: str, hours_ago: float, **fields) -> JournalEntry:
    moment = NOW - timedelta(hours=hours_ago)
    kind = fields.pop("entry_type", "entry")
    return dataclasses.replace(edited(new_entry(moment, kind), **fields), id=entry_id)


@pytest.fixture
def model(qtbot) -> JournalListModel:
    found = JournalListModel(lambda: NOW)
    found.set_zone("Europe/Berlin")
    found.set_entries(
        [
            entry("a", 1, title="A quiet Sunday", mood=4, tags=("walks", "family")),
            entry("b", 30, body="First line\nsecond line", entry_type="unsent_letter"),
            entry("c", 24 * 40, title="Autumn", entry_type="reflection", mood=2),
        ],
        notes={"c": "A month ago"},
    )
    return found


def test_rows_and_roles(model: JournalListModel) -> None:
    assert model.rowCount() == 3
    first, letter, old = (model.index(row) for row in range(3))
    assert first.data(Qt.ItemDataRole.DisplayRole) == "A quiet Sunday"
    assert letter.data(Qt.ItemDataRole.DisplayRole) == "First line"  # no title: first line
    assert first.data(ID_ROLE) == "a" and first.data(ENTRY_ROLE).id == "a"
    assert [i.data(MOOD_ROLE) for i in (first, letter, old)] == [4, None, 2]
    assert first.data(TAGS_ROLE) == ("walks", "family")
    assert [i.data(TYPE_ROLE) for i in (first, letter, old)] == [
        "entry",
        "unsent_letter",
        "reflection",
    ]
    assert [i.data(DATE_ROLE) for i in (first, letter, old)] == [
        "Today 13:00",
        "Yesterday 08:00",
        "Tue 13 Oct",
    ]
    assert [i.data(NOTE_ROLE) for i in (first, letter, old)] == ["", "", "A month ago"]
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "A quiet Sunday, Today 13:00, mood good, tags walks, family"
    )
    assert old.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Autumn, Tue 13 Oct, Reflection, mood low, A month ago"
    )
    assert model.index(5).data(ENTRY_ROLE) is None


def test_date_words_in_the_users_zone() -> None:
    zone = "Europe/Berlin"
    assert date_words(NOW, NOW, zone) == "Today 14:00"
    assert date_words(datetime(2026, 11, 21, 23, 30, tzinfo=UTC), NOW, zone) == "Today 00:30"
    assert date_words(datetime(2026, 11, 20, 23, 30, tzinfo=UTC), NOW, zone) == "Yesterday 00:30"
    assert date_words(datetime(2026, 3, 4, 12, tzinfo=UTC), NOW, zone) == "Wed 4 Mar"
    assert date_words(datetime(2025, 12, 31, 12, tzinfo=UTC), NOW, zone) == "31 Dec 2025"


def test_put_insert_remove_keep_rows_and_ids_in_step(qtbot, model: JournalListModel) -> None:
    changed = QSignalSpy(model.dataChanged)
    renamed = edited(model.entry_at(1), title="Dear Sam")
    assert model.put(renamed)
    assert changed.count() == 1 and model.index(1).data() == "Dear Sam"
    assert not model.put(entry("zzz", 0, title="Not listed"))
    model.insert(entry("n", 0, title="New"), 0)
    assert [e.id for e in model.entries()] == ["n", "a", "b", "c"]
    assert model.row_of("c") == 3 and model.index(3).data(NOTE_ROLE) == "A month ago"
    model.remove("a")
    assert [e.id for e in model.entries()] == ["n", "b", "c"]
    assert model.row_of("a") == -1 and model.row_of("b") == 1
    model.clear()
    assert model.rowCount() == 0 and model.entry_at(0) is None and model.row_of("b") == -1


def test_rows_have_one_height_for_any_entry(qtbot, model: JournalListModel) -> None:
    view = QListView()
    qtbot.add_widget(view)
    view.setModel(model)
    delegate = JournalDelegate(view)
    view.setItemDelegate(delegate)
    option = QStyleOptionViewItem()
    option.font = view.font()
    heights = {delegate.sizeHint(option, model.index(row)).height() for row in range(3)}
    assert len(heights) == 1 and heights.pop() >= 2 * view.fontMetrics().height()


def paint_row(model: JournalListModel, row: int, dark: bool = False) -> QImage:
    view = QListView()
    view.setPalette(palette_for(dark))
    view.setModel(model)
    delegate = JournalDelegate(view)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.palette = view.palette()
    size = QSize(320, delegate.sizeHint(option, model.index(row)).height())
    option.rect = QRect(0, 0, size.width(), size.height())
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(option.palette.color(option.palette.ColorRole.AlternateBase))
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(row))
    painter.end()
    return image


def colours_in(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_a_row_shows_its_mood_face_and_an_unsent_letter_its_mark(qtbot, model) -> None:
    happy = colours_in(paint_row(model, 0))
    assert MOOD_COLOURS[4][0] in happy  # the "good" face
    letter = paint_row(model, 1)
    assert MOOD_COLOURS[4][0] not in colours_in(letter)  # no mood, no face
    # The letter's quiet mark down its left side, in the letter tint.
    left_edge = {letter.pixelColor(x, letter.height() // 2).name() for x in range(4, 9)}
    assert "#a34f37" in left_edge


def test_each_mood_face_is_its_own_picture() -> None:
    pictures = []
    for level in range(1, 6):
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_mood(painter, QRectF(0, 0, 40, 40), level, dark=False)
        painter.end()
        # The mouth only (black ink), so the faces differ by shape, not just by colour.
        ink = {
            (x, y)
            for x in range(40)
            for y in range(22, 36)
            if image.pixelColor(x, y).lightness() < 90
        }
        pictures.append(frozenset(ink))
    assert len(set(pictures)) == 5


def test_a_body_snippet_shows_the_match_in_plain_words() -> None:
    """Issue 17: a search that matches the body shows the words around the match."""
    from reconnect_gui.ui.journal.model import body_snippet

    body = "# Today\n\nI walked for an hour and felt **lighter** afterwards."
    assert body_snippet(body, ("walk",)).startswith("Today I walked for an hour")
    far = "Some words first. " * 5 + "Then the lake."
    assert body_snippet(far, ("lake",)) == "…words first. Then the lake."  # from a word
    assert body_snippet(body, ("sea",)) == ""
