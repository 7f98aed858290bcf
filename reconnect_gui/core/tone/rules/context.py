"""The situation, not the words: too soon, right after an unanswered message, late at night.

Each is a reason to wait (verdict "wait"), however good the words are.
"""

from __future__ import annotations

from datetime import time

from reconnect_gui.core.countdown.stats import NoContactState
from reconnect_gui.core.countdown.view import time_left_words
from reconnect_gui.core.tone.report import Context
from reconnect_gui.core.tone.rules.base import WORDS_TO_THEM, ContextRule
from reconnect_gui.core.wording import plural

NIGHT_STARTS = time(23, 0)
NIGHT_ENDS = time(5, 0)


def _too_soon(context: Context) -> bool:
    return (
        context.no_contact_state == NoContactState.COUNTING or (context.days_until_target or 0) > 0
    )


def _too_soon_words(context: Context) -> str:
    if context.target_left:  # as the home screen says it (one function for both)
        return (
            f"You're still in your No-Contact time, with {time_left_words(context.target_left)} "
            "to go. The message will keep until then."
        )
    left = context.days_until_target
    if left:
        return (
            f"You're still in your No-Contact time, with {plural(left, 'day')} to go. The message "
            "will keep until then."
        )
    return "You're still in your No-Contact time. The message will keep until it ends."


def _waiting(context: Context) -> bool:
    return context.waiting_for_reply or context.no_contact_state == NoContactState.WAITING_FOR_REPLY


def _waiting_words(context: Context) -> str:
    left = context.wait_days_left
    wait = f" Give it {left} more {'day' if left == 1 else 'days'}." if left else ""
    if context.wait_left:  # as the home screen says it (one function for both)
        wait = f" The wait has {time_left_words(context.wait_left)} left."
    return (
        "Your last message hasn't been answered yet, and another one now can feel like "
        f"pressure.{wait}"
    )


def _late(context: Context) -> bool:
    now = context.local_time
    return now is not None and (now >= NIGHT_STARTS or now < NIGHT_ENDS)


RULES = (
    ContextRule(
        id="too_soon.counting",
        category="too_soon",
        applies=_too_soon,
        message=_too_soon_words,
        suggestion="Keep it as a draft; you can come back to it when your countdown ends.",
        kinds=WORDS_TO_THEM,  # logistics is the contact No Contact allows
        should_flag=(
            Context(no_contact_state=NoContactState.COUNTING, days_until_target=12),
            Context(no_contact_state=NoContactState.COUNTING),
        ),
        should_pass=(Context(), Context(no_contact_state=NoContactState.TARGET_REACHED)),
    ),
    ContextRule(
        id="after_unanswered.waiting",
        category="after_unanswered",
        applies=_waiting,
        message=_waiting_words,
        suggestion=("Let the wait run. Whatever you want to add can go in your journal for now."),
        should_flag=(
            Context(waiting_for_reply=True, wait_days_left=9),
            Context(no_contact_state=NoContactState.WAITING_FOR_REPLY),
        ),
        should_pass=(Context(), Context(no_contact_state=NoContactState.READY)),
    ),
    ContextRule(
        id="late_night.late",
        category="late_night",
        applies=_late,
        message=lambda _context: (
            "It's late at night. Words written now often read differently in the morning."
        ),
        suggestion="Sleep on it and read it again tomorrow before you decide.",
        should_flag=(Context(local_time=time(23, 30)), Context(local_time=time(2, 15))),
        should_pass=(Context(local_time=time(21, 0)), Context(local_time=time(5, 0)), Context()),
    ),
)
