"""Wall-clock times in a plan's zone, and the date-time editor both time fields share."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimeZone
from PySide6.QtGui import QPalette

from reconnect_gui.ui.widgets.zoned_time import (
    ZonedDateTimeEdit,
    moment_at,
    parse_typed,
    qt_wall,
    wall_time,
    zone_info,
)

BERLIN = "Europe/Berlin"


def make_edit(qtbot, zone: str = BERLIN) -> ZonedDateTimeEdit:
    edit = ZonedDateTimeEdit(zone, datetime(2000, 1, 1), "yyyy-MM-dd HH:mm")
    qtbot.add_widget(edit)
    return edit


def test_a_moment_is_shown_on_the_zones_clock_to_the_minute() -> None:
    winter = datetime(2024, 1, 15, 9, 5, 42, 123456, tzinfo=UTC)
    summer = datetime(2024, 7, 15, 9, 5, tzinfo=UTC)
    assert wall_time(winter, BERLIN) == datetime(2024, 1, 15, 10, 5)
    assert wall_time(summer, BERLIN) == datetime(2024, 7, 15, 11, 5)


def test_a_wall_time_becomes_the_aware_utc_moment_behind_it() -> None:
    assert moment_at(datetime(2024, 1, 15, 10, 5), BERLIN) == datetime(
        2024, 1, 15, 9, 5, tzinfo=UTC
    )
    assert moment_at(datetime(2024, 7, 15, 11, 5), BERLIN) == datetime(
        2024, 7, 15, 9, 5, tzinfo=UTC
    )


def test_times_in_a_daylight_saving_gap_or_overlap_take_the_earlier_offset() -> None:
    # 31 March 2024: Berlin's clocks jump from 02:00 to 03:00, so 02:30 never happened.
    gap = moment_at(datetime(2024, 3, 31, 2, 30), BERLIN)
    assert gap == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert wall_time(gap, BERLIN) == datetime(2024, 3, 31, 3, 30)  # shown as it really was
    # 27 October 2024: 02:30 happens twice; the first (summer time) is meant.
    overlap = moment_at(datetime(2024, 10, 27, 2, 30), BERLIN)
    assert overlap == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)


def test_an_unknown_zone_is_read_as_utc() -> None:
    assert zone_info("Not/AZone").key == "UTC"
    assert moment_at(datetime(2024, 5, 1, 8, 0), "Not/AZone") == datetime(
        2024, 5, 1, 8, 0, tzinfo=UTC
    )
    assert wall_time(datetime(2024, 5, 1, 8, 0, tzinfo=UTC), "") == datetime(2024, 5, 1, 8, 0)


def test_the_editor_value_is_held_in_utc_whatever_the_computers_zone() -> None:
    value = qt_wall(datetime(2024, 3, 31, 23, 59, 59, 999_000))
    assert value.timeZone() == QTimeZone.utc()
    assert (value.date().day(), value.time().hour(), value.time().msec()) == (31, 23, 999)


def test_the_edit_round_trips_a_moment_in_its_zone(qtbot) -> None:
    edit = make_edit(qtbot)
    edit.set_moment(datetime(2024, 7, 1, 21, 15, tzinfo=UTC))
    assert edit.wall() == datetime(2024, 7, 1, 23, 15)
    assert edit.text() == "2024-07-01 23:15"
    assert edit.moment() == datetime(2024, 7, 1, 21, 15, tzinfo=UTC)


def test_a_time_missing_from_a_clock_stays_as_typed(qtbot) -> None:
    # Were the editor in the computer's zone, Qt could move 02:30 on a spring-forward night.
    edit = make_edit(qtbot)
    edit.set_wall(datetime(2024, 3, 31, 2, 30))
    assert edit.text() == "2024-03-31 02:30"
    assert edit.moment() == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)


def test_the_latest_choice_is_a_wall_time_in_the_same_zone(qtbot) -> None:
    edit = make_edit(qtbot)
    edit.set_latest(datetime(2024, 7, 1, 23, 59, 59, 999_000))
    edit.set_wall(datetime(2024, 7, 1, 23, 30))
    assert edit.wall() == datetime(2024, 7, 1, 23, 30)  # late evening is not pushed back
    edit.set_wall(datetime(2024, 7, 2, 0, 10))
    assert edit.wall() == datetime(2024, 7, 1, 23, 59)  # the next day is not allowed


# --- typing a date or a time as a person says it ------------------------------------------

NOON = datetime(2024, 5, 10, 12, 0)


def test_typed_words_become_a_wall_time_keeping_what_was_left_out() -> None:
    assert parse_typed("08:15", NOON) == datetime(2024, 5, 10, 8, 15)
    assert parse_typed("8.15", NOON) == datetime(2024, 5, 10, 8, 15)
    assert parse_typed("8:15 pm", NOON) == datetime(2024, 5, 10, 20, 15)
    assert parse_typed("8pm", NOON) == datetime(2024, 5, 10, 20, 0)
    assert parse_typed("4 Dec", NOON) == datetime(2024, 12, 4, 12, 0)
    assert parse_typed("Dec 4", NOON) == datetime(2024, 12, 4, 12, 0)
    assert parse_typed("4 December 2023", NOON) == datetime(2023, 12, 4, 12, 0)
    assert parse_typed("4 Dec 07:30", NOON) == datetime(2024, 12, 4, 7, 30)
    # No year, and this year's would be after the latest allowed: last year's.
    assert parse_typed("4 Dec", NOON, latest=NOON) == datetime(2023, 12, 4, 12, 0)
    for nonsense in ("", "soon", "31 Feb", "25:00", "4 Smarch", "13pm"):
        assert parse_typed(nonsense, NOON) is None, nonsense


def type_into(qtbot, edit: ZonedDateTimeEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_time_and_a_day_can_be_typed_into_the_field(qtbot) -> None:
    edit = ZonedDateTimeEdit(BERLIN, datetime(2000, 1, 1), "d MMM yyyy,  HH:mm")
    qtbot.add_widget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.set_wall(NOON)
    type_into(qtbot, edit, "08:15")
    assert edit.wall() == datetime(2024, 5, 10, 8, 15)
    type_into(qtbot, edit, "4 Dec")
    assert edit.wall() == datetime(2024, 12, 4, 8, 15)
    edit.set_latest(datetime(2024, 12, 6, 9, 0))
    type_into(qtbot, edit, "5 Dec 23:00")
    assert edit.wall() == datetime(2024, 12, 5, 23, 0)
    type_into(qtbot, edit, "7 Dec")  # no year, and this year's is still to come: last year's
    assert edit.wall() == datetime(2023, 12, 7, 23, 0)
    type_into(qtbot, edit, "7 Dec 2024")  # later than allowed: clamped, as the arrows do
    assert edit.wall() == datetime(2024, 12, 6, 9, 0)
    before = edit.wall()
    type_into(qtbot, edit, "gibberish")  # not understood: the value stays
    assert edit.wall() == before
    assert edit.text() == edit.textFromDateTime(edit.dateTime())


def test_days_that_cannot_be_chosen_look_disabled_in_the_calendar(qtbot, qapp) -> None:
    from ui.a11y import contrast

    from reconnect_gui.ui.widgets.theme import apply_theme

    for theme in ("light", "dark"):
        apply_theme(qapp, theme)
        try:
            edit = ZonedDateTimeEdit(BERLIN, datetime(2000, 1, 1), "d MMM yyyy,  HH:mm")
            qtbot.add_widget(edit)
            edit.set_latest(NOON)
            calendar = edit.calendarWidget()
            calendar.show()
            palette = calendar.palette()
            base = palette.color(QPalette.ColorRole.Base).name()
            usable = palette.color(QPalette.ColorRole.Text).name()
            faint = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
            assert contrast(usable, base) >= 4.5
            assert contrast(faint, base) <= 2.5, (theme, faint, base)
            calendar.hide()
        finally:
            apply_theme(qapp, "system")
