"""The one reminder timer, over a real vault with a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from helpers.clock import Clock
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.reminders.schedule import CHECK_IN, MILESTONE, ReminderPrefs
from reconnect_gui.storage import countdown_store, reminder_store
from reconnect_gui.ui.tray.reminder_timer import MAX_AIM, ReminderTimer
from reconnect_gui.ui.vault.controller import VaultState

NOW = datetime(2026, 11, 22, 11, 0, tzinfo=UTC)  # 12:00 in Berlin
ONLY_MILESTONES = ReminderPrefs(check_in=None, quiet_start=None, quiet_end=None)


def make_timer(controller, clock: Clock, prefs: ReminderPrefs = ONLY_MILESTONES) -> ReminderTimer:
    def vault():
        return controller.vault if controller.state == VaultState.UNLOCKED else None

    return ReminderTimer(vault, lambda: prefs, clock, lambda: "Europe/Berlin")


def seven_days_in_an_hour(controller) -> None:
    start = NOW - timedelta(days=7) + timedelta(hours=1)
    countdown_store.save_plan(controller.vault, new_plan(start, "Europe/Berlin", 30))


def test_the_timer_is_aimed_at_the_next_milestone_and_shows_it_once(
    qtbot, unlocked_controller, clock
) -> None:
    seven_days_in_an_hour(unlocked_controller)
    timer = make_timer(unlocked_controller, clock)
    shown = []
    timer.reminder_due.connect(shown.append)
    timer.reload()
    assert shown == []
    assert timer.day == 6
    # One timer, aimed at the milestone an hour away (not polling every minute).
    assert timer.timer.isActive()
    wait = timedelta(milliseconds=timer.timer.remainingTime())
    assert timedelta(minutes=59) < wait <= timedelta(hours=1, seconds=1)

    clock.moment = NOW + timedelta(hours=1, seconds=1)
    timer.timer.timeout.emit()
    assert [(r.kind, r.title) for r in shown] == [(MILESTONE, "Day 7 — one week")]
    assert timer.day == 7
    assert shown[0].key in reminder_store.load_fired(unlocked_controller.vault)

    # A restart reads what was shown from the vault and never shows it again.
    again = make_timer(unlocked_controller, clock)
    repeated = []
    again.reminder_due.connect(repeated.append)
    again.reload()
    assert repeated == []


def test_a_far_reminder_is_still_rechecked_within_max_aim(qtbot, unlocked_controller, clock):
    # The next milestone is days away: the timer wakes at most MAX_AIM ahead, because a
    # sleeping computer stops Qt's monotonic timers.
    start = NOW - timedelta(days=1, hours=1)
    countdown_store.save_plan(unlocked_controller.vault, new_plan(start, "Europe/Berlin", 30))
    timer = make_timer(unlocked_controller, clock)
    timer.reload()
    assert timer.timer.isActive()
    assert timedelta(milliseconds=timer.timer.remainingTime()) <= MAX_AIM + timedelta(seconds=1)


def test_after_a_long_sleep_missed_check_ins_show_once(qtbot, unlocked_controller, clock):
    seven_days_in_an_hour(unlocked_controller)
    prefs = ReminderPrefs(check_in=time(20, 0), milestones=False, quiet_start=None)
    timer = make_timer(unlocked_controller, clock, prefs)
    shown = []
    timer.reminder_due.connect(shown.append)
    timer.reload()
    shown.clear()  # yesterday's check-in, caught up once on the first start
    clock.moment = NOW + timedelta(days=3, hours=10)  # woke from sleep three days later
    timer.timer.timeout.emit()
    assert [r.kind for r in shown] == [CHECK_IN]


def test_a_clock_set_backwards_shows_nothing_again(qtbot, unlocked_controller, clock):
    seven_days_in_an_hour(unlocked_controller)
    timer = make_timer(unlocked_controller, clock)
    shown = []
    timer.reminder_due.connect(shown.append)
    timer.reload()
    clock.moment = NOW + timedelta(hours=2)
    timer.timer.timeout.emit()
    assert len(shown) == 1
    clock.moment = NOW - timedelta(hours=5)  # someone set the clock back
    timer.timer.timeout.emit()
    clock.moment = NOW + timedelta(hours=3)
    timer.timer.timeout.emit()
    assert len(shown) == 1


def test_locking_stops_the_timer_and_forgets_the_schedule(qtbot, unlocked_controller, clock):
    seven_days_in_an_hour(unlocked_controller)
    timer = make_timer(unlocked_controller, clock)
    timer.reload()
    unlocked_controller.lock()
    timer.reload()  # what the app does on the state change
    assert not timer.timer.isActive()
    assert timer.sources is None and timer.day is None


def test_a_vault_made_just_now_catches_up_on_nothing(qtbot, unlocked_controller, clock):
    prefs = ReminderPrefs(check_in=time(20, 0), quiet_start=None)
    shown = []
    timer = make_timer(unlocked_controller, clock, prefs)
    timer.reminder_due.connect(shown.append)
    timer.start_fresh(clock.moment)  # yesterday's 20:00 check-in was before the app existed
    timer.reload()
    assert shown == []
    clock.moment = NOW + timedelta(hours=9)  # 21:00 in Berlin: today's check-in is due
    timer.timer.timeout.emit()
    assert [r.kind for r in shown] == [CHECK_IN]
