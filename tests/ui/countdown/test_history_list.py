from datetime import UTC, datetime

from reconnect_gui.core.countdown.view import HistoryEvent
from reconnect_gui.ui.countdown.history_list import DETAIL_ROLE, TITLE_ROLE, WHEN_ROLE, HistoryList

AT = datetime(2026, 11, 10, 6, 3, tzinfo=UTC)


def test_each_event_reads_as_one_sentence_and_draws_in_parts(qtbot) -> None:
    view = HistoryList()
    qtbot.add_widget(view)
    events = [
        HistoryEvent(AT, "slip", "I replied", "I started it · a short chat"),
        HistoryEvent(AT, "attempt_start", "Attempt 1 began"),
    ]
    view.show_events(events, "Europe/Berlin", note="1 stored item could not be read.")
    assert view.count() == 3
    first = view.item(0)
    assert first.text() == "I replied. I started it · a short chat. Tue 10 Nov 2026, 07:03"
    assert first.data(TITLE_ROLE) == "I replied"
    assert first.data(WHEN_ROLE) == "Tue 10 Nov 2026, 07:03"
    assert first.data(DETAIL_ROLE) == "I started it · a short chat"
    assert view.item(2).text() == "1 stored item could not be read."


def test_a_detail_makes_its_row_taller_and_narrow_rows_wrap(qtbot) -> None:
    view = HistoryList()
    qtbot.add_widget(view)
    long_note = "a long note about what happened " * 6
    view.show_events(
        [HistoryEvent(AT, "slip", "I replied", long_note), HistoryEvent(AT, "x", "Plain")],
        "UTC",
    )
    view.resize(600, 400)
    view.show()
    wide = view.visualItemRect(view.item(0)).height()
    plain = view.visualItemRect(view.item(1)).height()
    assert wide > plain
    view.resize(260, 400)
    qtbot.wait_until(lambda: view.visualItemRect(view.item(0)).height() > wide)
    assert not view.grab().isNull()
