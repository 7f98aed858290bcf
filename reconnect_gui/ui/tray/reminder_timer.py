"""One timer for every reminder, aimed at the next one (``core.reminders.schedule`` decides when).

The schedule is read from the vault when it opens and again whenever the person leaves the
app (what they changed meanwhile, a slip or a new draft, moves the next reminder). When
the timer fires, ``due_reminders`` says what to show; the shown keys go to the vault at
once, so a restart never shows one twice.

Why the timer is never aimed more than ``MAX_AIM`` ahead: Qt's timers follow a monotonic
clock, which stands still while the computer sleeps, so a timer aimed at 20:00 from 16:00
would fire four hours after waking. Re-aiming every few hours bounds that delay without
polling; ``due_reminders`` then catches up on what was missed, once per kind. A wall
clock moved by hand is caught the same way.

While the vault is locked nothing can be read, so reminders wait; on unlocking, what came
due meanwhile shows once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.countdown.moments import DAY, local_zone_name
from reconnect_gui.core.countdown.stats import days_elapsed
from reconnect_gui.core.reminders.schedule import (
    Reminder,
    ReminderPrefs,
    ReminderSources,
    check_ins_before,
    due_reminders,
    next_reminder,
    prune_fired,
)
from reconnect_gui.storage import countdown_store, draft_store, reminder_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.storage.vault import Vault

log = logging.getLogger("reconnect")
MAX_AIM = timedelta(hours=3)
# Qt timers take int milliseconds; a margin so the due moment has surely passed on waking.
LATE_MS = 250


class ReminderTimer(QObject):
    """Reads the schedule from the vault, aims one single-shot timer, says what is due."""

    reminder_due = Signal(object)  # a core.reminders.schedule.Reminder
    day_changed = Signal()  # the countdown's day number moved on (the tray's badge)

    def __init__(
        self,
        vault: Callable[[], Vault | None],
        prefs: Callable[[], ReminderPrefs],
        now: Clock = system_clock,
        zone: Callable[[], str] = local_zone_name,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._prefs = prefs
        self._now = now
        self._zone = zone
        self._sources: ReminderSources | None = None
        self._fired: frozenset[str] = frozenset()
        self._since: datetime | None = None  # the last check; None until the first one
        self._fresh_at: datetime | None = None  # when a vault was made just now
        self._day: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    @property
    def sources(self) -> ReminderSources | None:
        return self._sources

    @property
    def day(self) -> int | None:
        """The countdown's day number at the last check, or None (locked, or no plan)."""
        return self._day

    def reload(self) -> None:
        """Read the schedule from the vault again (after unlocking, or changes), then check."""
        vault = self._vault()
        if vault is None:
            self.stop()
            return
        try:
            plan = countdown_store.load_plan(vault)
            contacts, _damaged = countdown_store.load_contacts(vault)
            drafts, _damaged = draft_store.load_drafts(vault)
            self._fired = reminder_store.load_fired(vault)
        except (VaultError, OSError, ValueError) as error:
            # The panes explain damaged records; reminders just wait for the next read.
            log.warning("reminders could not read the vault (%s)", type(error).__name__)
            self.stop()
            return
        self._sources = ReminderSources(plan, tuple(contacts), tuple(drafts), self._zone())
        if self._fresh_at is not None:
            self._forget_check_ins_before_the_vault(vault, self._fresh_at)
        self.check()

    def start_fresh(self, now: datetime) -> None:
        """A vault made just now: nothing came due before it, so don't catch up, and
        today's check-in, if its time has passed, never comes (not even after a restart)."""
        self._since = now
        self._fresh_at = now

    def _forget_check_ins_before_the_vault(self, vault: Vault, now: datetime) -> None:
        sources, self._fresh_at = self._sources, None
        if sources is None:
            return
        before = check_ins_before(sources, self._prefs(), now)
        if before:
            try:
                self._fired = reminder_store.record_fired(vault, self._fired | before, now)
            except (VaultError, OSError) as error:
                log.warning("reminders could not save what was shown (%s)", type(error).__name__)

    def stop(self) -> None:
        """Forget everything read from the vault (it is locking) and stop the timer."""
        self.timer.stop()
        self._sources = None
        self._fired = frozenset()
        self._day = None

    def check(self) -> None:
        """Show what is due now, remember it as shown, and aim at the next moment."""
        sources, vault = self._sources, self._vault()
        if sources is None or vault is None:
            return
        now = self._now()
        prefs = self._prefs()
        due = due_reminders(sources, prefs, self._fired, self._since, now)
        self._since = now if self._since is None else max(self._since, now)
        if due:
            self._fired = prune_fired(self._fired | {r.key for r in due}, now)
            try:
                self._fired = reminder_store.record_fired(vault, self._fired, now)
            except (VaultError, OSError) as error:
                log.warning("reminders could not save what was shown (%s)", type(error).__name__)
        day = None if sources.plan is None else days_elapsed(sources.plan, now)
        if day != self._day:
            self._day = day
            self.day_changed.emit()
        for reminder in due:
            self.reminder_due.emit(reminder)
        self._aim(sources, prefs, now)

    def _aim(self, sources: ReminderSources, prefs: ReminderPrefs, now: datetime) -> None:
        moments = [now + MAX_AIM]
        upcoming: Reminder | None = next_reminder(sources, prefs, self._fired, now)
        if upcoming is not None:
            moments.append(upcoming.due)
        if sources.plan is not None:  # the tray's day number changes then
            start = sources.plan.current.start
            moments.append(start if now < start else start + (self._day or 0) * DAY + DAY)
        wait = max(min(moments) - now, timedelta(0))
        self.timer.start(int(wait / timedelta(milliseconds=1)) + LATE_MS)
