"""Wall-clock times in a plan's zone, and the date-time editor both time fields share."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimeZone

from reconnect_gui.ui.widgets.zoned_time import (
    ZonedDateTimeEdit,
    moment_at,
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
