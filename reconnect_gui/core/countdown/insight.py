"""What the logged urges say, in plain words: figures that mean something after one urge
in two weeks, simple patterns (the triggers that come back, the time of day, what helped),
and the urge chart's meaning as a sentence.

Pure functions of the urges, the plan's start, ``now`` and the person's zone. The
patterns quote the person's own words back to them (their triggers, what they did): that
is shown only on their unlocked home screen, never in a notification or a log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from reconnect_gui.core.countdown.contact_log import Urge
from reconnect_gui.core.countdown.moments import DAY, local, utc_moment
from reconnect_gui.core.countdown.stats import WEEK
from reconnect_gui.core.wording import plural

MIN_FOR_TIME_OF_DAY = 3  # fewer urges than this say nothing about the time of day
PARTS_OF_DAY = (  # (from hour, name); night wraps past midnight
    (5, "in the morning"),
    (12, "in the afternoon"),
    (17, "in the evening"),
    (22, "at night"),
)


@dataclass(frozen=True)
class UrgeFigures:
    last_urge: str  # "3 days ago", "today", "none logged yet"
    urge_weeks: str  # "1 this week, 2 the week before"


def days_since_words(moment: datetime, now: datetime) -> str:
    days = max((utc_moment(now) - utc_moment(moment)) // DAY, 0)
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def urge_figures(urges: Iterable[Urge], now: datetime) -> UrgeFigures:
    """The two urge figures beside the ring: when the last one was, and this week against
    the one before (both over the last 7 × 24 hours, like the day count)."""
    now = utc_moment(now)
    moments = [utc_moment(u.at) for u in urges if utc_moment(u.at) <= now]
    if not moments:
        return UrgeFigures("none logged yet", "none this week")
    this_week = sum(1 for m in moments if now - m < WEEK)
    before = sum(1 for m in moments if WEEK <= now - m < 2 * WEEK)
    return UrgeFigures(
        days_since_words(max(moments), now),
        f"{this_week} this week, {before} the week before",
    )


def _key(text: str) -> str:
    return " ".join(text.lower().split()).strip(".,;!")


def _most_common(texts: Iterable[str]) -> list[tuple[str, int]]:
    """Repeated answers, most frequent first, each in the words first used for it."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text in texts:
        key = _key(text)
        if key:
            counts[key] += 1
            shown.setdefault(key, " ".join(text.split()))
    return [(shown[key], n) for key, n in counts.most_common() if n >= 2]


def _part_of_day(moment: datetime, zone: str) -> str:
    hour = local(moment, zone).hour
    names = [words for start, words in PARTS_OF_DAY if hour >= start]
    return names[-1] if names else PARTS_OF_DAY[-1][1]  # before 5: still the night


def urge_patterns(urges: Sequence[Urge], zone: str) -> list[str]:
    """Up to three short sentences about what comes back; none until something repeats."""
    sentences = []
    triggers = _most_common(u.trigger for u in urges)
    if triggers:
        named = " and ".join(f"“{text}”" for text, _n in triggers[:2])
        sentences.append(f"What sets urges off most often: {named}.")
    if len(urges) >= MIN_FOR_TIME_OF_DAY:
        parts = Counter(_part_of_day(u.at, zone) for u in urges)
        (part, count), *rest = parts.most_common()
        if not rest or count > rest[0][1]:
            sentences.append(f"Most of your urges come {part}.")
    helped = _most_common(u.instead for u in urges)
    if helped:
        text, count = helped[0]
        sentences.append(f"What you turned to most: “{text}” ({plural(count, 'time')}).")
    return sentences


def chart_meaning(counts: Sequence[int]) -> str:
    """The urges-per-week chart in one sentence (counts oldest first, this week last)."""
    total = sum(counts)
    if total == 0:
        # The chart itself says "No urges logged yet": this line says what to do instead.
        return "When one comes, “I feel the urge…” is here for you."
    if len(counts) < 2:
        return f"{plural(total, 'urge')} so far this first week. They often ease with time."
    now, earlier = counts[-1], counts[:-1]
    peak = max(earlier)
    if now == 0 and counts[-2] == 0:
        return "No urges in the last two weeks. That is a real change."
    if now < peak:
        return f"Fewer urges than your hardest week ({now} this week, {peak} then)."
    if now > peak:
        return "More urges this week than before. A hard week; it will ease."
    return "About as many urges as before. Each one you ride out counts."
