"""The situation a draft is checked in: the No-Contact countdown, a running wait, the hour.

The tone checker's timing rules (too soon, after an unanswered message, late at night)
read this ``Context``; the drafting pane builds it from the stored countdown each check.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from math import ceil

from reconnect_gui.core.countdown import stats as countdown_stats
from reconnect_gui.core.countdown.contact_log import ContactEntry, wait_remaining
from reconnect_gui.core.countdown.moments import DAY, local
from reconnect_gui.core.countdown.plan import Plan
from reconnect_gui.core.countdown.stats import NoContactState
from reconnect_gui.core.tone.report import Context


def check_context(
    plan: Plan | None, contacts: Sequence[ContactEntry], now: datetime, zone: str
) -> Context:
    """The context for a check at ``now`` (``zone``: the user's time zone, for the hour).

    Without a plan there is no countdown to weigh, only the hour. Days are rounded up, so
    "1 day to go" lasts until the very end.
    """
    local_time = local(now, zone).time()
    if plan is None:
        return Context(local_time=local_time)
    left = wait_remaining(contacts, now)
    state = countdown_stats.state(plan, now, waiting_for_reply=left is not None)
    to_target = countdown_stats.remaining(plan, now)
    return Context(
        no_contact_state=state,
        days_until_target=ceil(to_target / DAY) if state == NoContactState.COUNTING else None,
        waiting_for_reply=left is not None,
        wait_days_left=ceil(left / DAY) if left is not None else None,
        local_time=local_time,
        target_left=to_target if state == NoContactState.COUNTING else None,
        wait_left=left,
    )
