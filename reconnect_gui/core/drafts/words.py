"""The drafting pane's words: the length line, the verdict banner, the question before copying.

Pure functions of a check's results and the clock, so they can be read and tested without
a window. Every sentence here is shown to the user: plain, calm, never pushy.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from reconnect_gui.core.countdown.moments import DAY, local
from reconnect_gui.core.countdown.stats import NoContactState
from reconnect_gui.core.countdown.view import time_left_words as countdown_left_words
from reconnect_gui.core.drafts.draft import COOL_OFF_HOURS
from reconnect_gui.core.tone.report import CONTEXT_CATEGORIES, Context, Finding, Metrics, Report
from reconnect_gui.core.tone.verdict import ready_words
from reconnect_gui.core.wording import plural, short_day

BANNER_REASONS = 2  # more would push the editor down; the notes list has them all


# ---- the length line --------------------------------------------------------------------


def encoding_reason(text: str) -> str:
    """Why a text needs UCS-2: the first character outside GSM-7, in plain words."""
    from reconnect_gui.core.tone import sms

    for char in text:
        if sms.encoding(char) == sms.GSM_7:
            continue
        if ord(char) > 0xFFFF or unicodedata.category(char) in ("So", "Sk"):
            return "because of the emoji"
        if char in "‘’“”":
            return "because of the curly quotes"
        if unicodedata.category(char).startswith("Z") or char == "\t":
            return "because of a special space"
        return f"because of “{char}”"
    return ""


def meter_words(kind: str, metrics: Metrics, text: str) -> str:
    """The length line: texts count characters and SMS, letters words and reading time."""
    if kind == "letter":  # a logistics message is counted like a text: it usually is one
        minutes = ceil(metrics.reading_seconds / 60)
        reading = (
            "under a minute to read"
            if metrics.reading_seconds < 60
            else f"about {plural(minutes, 'minute')} to read"
        )
        return " · ".join(
            (plural(metrics.words, "word"), plural(metrics.paragraphs, "paragraph"), reading)
        )
    parts = [plural(metrics.characters, "character"), plural(metrics.words, "word")]
    if metrics.sms_segments:
        encoding = metrics.sms_encoding
        if encoding != "GSM-7":
            reason = encoding_reason(text)
            encoding = f"{encoding}, {reason}" if reason else encoding
        parts.append(f"{metrics.sms_segments:,} SMS ({encoding})")
    return " · ".join(parts)


# ---- the verdict banner -----------------------------------------------------------------


def time_left_words(left: timedelta) -> str:
    """A cool-off's time left, rounded up: it never says sooner than it is."""
    minutes = ceil(left.total_seconds() / 60)
    if minutes < 60:
        return plural(max(minutes, 1), "minute")
    return plural(ceil(minutes / 60), "hour")


def _reason_lines(reasons: Sequence[str], notes: int = 0) -> str:
    """The first reasons; when there are more, a pointer to the notes that counts them the
    way the notes' own header does (``notes``: how many notes are shown)."""
    lines = list(reasons[:BANNER_REASONS])
    if len(reasons) > BANNER_REASONS:
        more = f"See all {plural(notes, 'note')} in the list." if notes else ""
        lines.append(more or f"…and {len(reasons) - BANNER_REASONS} more, in the notes.")
    return "\n".join(lines)


# What the banner says of a ready draft: praise only when the rules and the learned
# layer agree the words are clean (Report.calm); otherwise only what was checked.
CALM_DEFAULT = "It reads calm and kind."  # shorter than the verdict's own praise


def ready_detail(kind: str, calm: bool) -> str:
    if calm and kind != "logistics":
        return CALM_DEFAULT
    return ready_words(kind, calm)  # the verdict's words: logistics, or no problems found


def empty_notes_words(calm: bool) -> str:
    """The notes list when there is nothing to point out."""
    if calm:
        return "Nothing to point out. It reads kindly."
    return "No problems found. Checked: tone, pressure, length and timing."


@dataclass(frozen=True)
class Banner:
    state: str  # empty, ready, cooling, revise or wait
    headline: str
    detail: str


def effective_verdict(report: Report, shown: Sequence[Finding]) -> tuple[str, tuple[str, ...]]:
    """The verdict and its reasons once the ignored findings are left out."""
    if len(shown) == len(report.findings):
        return report.verdict, report.reasons
    from reconnect_gui.core.tone.verdict import decide

    return decide(shown, report.kind, calm=report.calm)


def timing_messages(shown: Sequence[Finding]) -> tuple[str, ...]:
    """What the "About the timing" notes say: the checker gives these as wait reasons too."""
    return tuple(f.message for f in shown if f.category in CONTEXT_CATEGORIES)


def _wait_detail(reasons: Sequence[str], timing: Sequence[str], notes: int = 0) -> str:
    """The reasons to wait, each said once: a timing note beside the draft already explains
    itself, so the banner points to it, in its place among the reasons, instead."""
    several = sum(r in timing for r in reasons) > 1
    pointer = (
        "The notes about the timing say why." if several else "The note about the timing says why."
    )
    lines: list[str] = []
    for reason in reasons:
        if reason not in timing:
            lines.append(reason)
        elif pointer not in lines:
            lines.append(pointer)
    if lines == [pointer]:
        return f"{pointer} Your draft keeps here until the time is right."
    return _reason_lines(lines, notes)


def banner_for(
    verdict: str | None,
    reasons: Sequence[str],
    cool_off_left: timedelta,
    unfilled: Sequence[str] = (),
    note: str = "",
    timing: Sequence[str] = (),
    support: str = "",
    calm: bool = False,
    kind: str = "text",
    notes: int = 0,
) -> Banner:
    """What the banner says about a draft (``verdict`` None: nothing written yet).

    ``unfilled``: bracketed parts of an example still in the words; ``note``: why the tone
    was not checked (another language), which then replaces any praise of the tone;
    ``timing``: reasons already shown as timing notes (see ``timing_messages``);
    ``support``: the checker's support note (words of danger), which comes before all else;
    ``calm``: the check found the words clean (only then does the banner praise them);
    ``notes``: how many notes are listed beside the draft.
    """
    if support:
        return Banner("support", "Please look after yourself first", support)
    if verdict is None:
        return Banner(
            "empty",
            "Take your time",
            "Notes on tone and length appear as you write. Nothing is ever sent from here.",
        )
    if unfilled:
        return Banner(
            "revise",
            "Make it yours first",
            "Replace the parts in [brackets] with your own words: they are only a guide.",
        )
    if verdict == "wait":
        return Banner("wait", "Better to wait for now", _wait_detail(reasons, timing, notes))
    if verdict == "revise":
        return Banner("revise", "Worth another look", _reason_lines(reasons, notes))
    if cool_off_left > timedelta(0):
        return Banner(
            "cooling",
            f"Sleep on it: ready to send in {time_left_words(cool_off_left)}",
            (note or ready_detail(kind, calm))
            + f" Come back to it after {COOL_OFF_HOURS} hours with fresh eyes; changing the "
            "words starts the wait again.",
        )
    return Banner(
        "ready",
        "Ready when you are",
        (note or ready_detail(kind, calm))
        + " Copy it whenever you choose: Reconnect never sends anything.",
    )


# ---- asking before copying ----------------------------------------------------------------


def copy_warning(
    state: str, reasons: Sequence[str], cool_off_left: timedelta, unfilled: Sequence[str] = ()
) -> str:
    """The kind question before copying a draft that is not ready yet."""
    if state == "support":
        return (
            "Before you copy this: you matter more than any message. It may help to talk to "
            "someone first; the helplines shown with your draft are free and there to listen. "
            "You can still copy it: the choice is always yours."
        )
    if unfilled:
        return (
            f"This still holds parts in brackets from the example, like {unfilled[0]}. They "
            "are only a guide for your own words. You can copy it anyway, or fill them in first."
        )
    if state == "wait":
        first = reasons[0] if reasons else "The timing may not be right yet."
        return (
            f"{first}\n\nIt might be kinder to yourself to wait. You can still copy it: "
            "what you do with it is always your choice."
        )
    if state == "revise":
        return (
            "A few words in this draft may land differently than you mean. You can copy it "
            "anyway, or take another look first."
        )
    return (
        f"This draft has not rested for {COOL_OFF_HOURS} hours yet (about "
        f"{time_left_words(cool_off_left)} to go). Messages often read differently after "
        "a night's sleep. You can still copy it now."
    )


# ---- the drafts list and notices ----------------------------------------------------------


def when_words(moment: datetime, now: datetime, zone: str) -> str:
    """A short local date for the drafts list and versions: "Today 14:05", "3 Nov 14:05"."""
    there, today = local(moment, zone), local(now, zone)
    clock = there.strftime("%H:%M")
    if there.date() == today.date():
        return f"Today {clock}"
    if there.date() == (today - DAY).date():
        return f"Yesterday {clock}"
    return f"{short_day(there, weekday=False, year=there.year != today.year)} {clock}"


def damaged_words(count: int) -> str:
    """Under the drafts list when some drafts could not be read ("" when none)."""
    if not count:
        return ""
    verb = "is" if count == 1 else "are"
    return f"{plural(count, 'draft')} could not be read and {verb} not shown."


MOVING_ON_WORDS = (
    "You chose to move on without contact. Nothing here ever needs sending: write only "
    "if putting it into words helps, and keep it to yourself as long as you like."
)


def target_words(days_until_target: int | None, left: timedelta | None = None) -> str:
    """On the welcome page while the No-Contact countdown runs ("" otherwise); ``left``,
    the exact time to the target, says it as the home screen does."""
    if not days_until_target and not left:
        return ""
    away = countdown_left_words(left) if left else plural(days_until_target or 0, "day")
    return (
        f"Your No-Contact target is {away} away. "
        "You can write now and decide later: nothing leaves this computer."
    )


def welcome_words(context: Context) -> str:
    """What the welcome page says about the countdown: the time to the target while it
    runs, that writing is optional once the person chose to move on, else nothing."""
    if context.no_contact_state == NoContactState.MOVING_ON:
        return MOVING_ON_WORDS
    if context.no_contact_state == NoContactState.COUNTING:
        return target_words(context.days_until_target, context.target_left)
    return ""


def short_title(title: str, limit: int = 36) -> str:
    """A title short enough to sit inside a sentence, cut at a word where it can be."""
    title = title.rstrip("…").strip() if len(title) > limit else title
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:!?") + "…"


def kept_at_lock_words(title: str) -> str:
    """After unlocking, when the last save before the lock failed and the words came back."""
    return (
        f"Your last changes to “{short_title(title)}” could not be saved before Reconnect "
        "locked; they are back in the editor."
    )
