"""The reminder timer's log of what was shown, while another process writes it (issue 16,
point 6): a key saved elsewhere after the timer read the log is still there after the
timer saves, so that reminder never shows twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from helpers.clock import Clock
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.reminders.schedule import MILESTONE, ReminderPrefs, draft_key
from reconnect_gui.storage import countdown_store, reminder_store
from reconnect_gui.storage.records import REMINDER_LOG
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.ui.tray.reminder_timer import ReminderTimer
from reconnect_gui.ui.vault.controller import VaultState

NOW = datetime(2026, 11, 22, 11, 0, tzinfo=UTC)  # 12:00 in Berlin
ONLY_MILESTONES = ReminderPrefs(check_in=None, quiet_start=None, quiet_end=None)


def test_a_key_logged_elsewhere_survives_the_timers_next_save(
    qtbot, unlocked_controller, clock: Clock
) -> None:
    start = NOW - timedelta(days=7) + timedelta(hours=1)  # day 7 in an hour
    countdown_store.save_plan(unlocked_controller.vault, new_plan(start, "Europe/Berlin", 30))

    def vault():
        return (
            unlocked_controller.vault if unlocked_controller.state == VaultState.UNLOCKED else None
        )

    timer = ReminderTimer(vault, lambda: ONLY_MILESTONES, clock, lambda: "Europe/Berlin")
    shown = []
    timer.reminder_due.connect(shown.append)
    timer.reload()  # reads the (empty) log
    elsewhere = draft_key("d1", NOW)
    key = unlocked_controller.vault.data_key
    with open_vault(unlocked_controller.path).unlock_with_key(key) as other:  # e.g. a restore
        other.put(REMINDER_LOG, {"fired": [elsewhere]}, record_id=reminder_store.FIRED_RECORD_ID)
    clock.moment = NOW + timedelta(hours=1, seconds=1)
    timer.timer.timeout.emit()
    assert [r.kind for r in shown] == [MILESTONE]
    assert reminder_store.load_fired(unlocked_controller.vault) == {shown[0].key, elsewhere}
