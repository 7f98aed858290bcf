"""The drafting pane's words: the length line, the banner, the question before copying."""

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.drafts.words import (
    BANNER_REASONS,
    banner_for,
    copy_warning,
    damaged_words,
    effective_verdict,
    kept_at_lock_words,
    meter_words,
    short_title,
    target_words,
    time_left_words,
    timing_messages,
    when_words,
)
from reconnect_gui.core.tone import check
from reconnect_gui.core.tone.report import Context, Finding, Metrics

NOON = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin
TOO_SOON = "You're still in your No-Contact time, with 25 days to go."
LATE = "It's late at night."


def finding(category: str, message: str, severity: str = "warning") -> Finding:
    return Finding(f"{category}.x", category, severity, (0, 0), message, "Try this.")


def test_the_meter_in_plain_words() -> None:
    def metrics(**kw) -> Metrics:
        base = dict(characters=0, words=0, sentences=0, paragraphs=0, reading_seconds=0)
        return Metrics(**{**base, **kw}, readability=None, sms_encoding="GSM-7", sms_segments=1)

    text = metrics(characters=1, words=1)
    assert meter_words("text", text, "a") == "1 character · 1 word · 1 SMS (GSM-7)"
    curly = Metrics(5, 1, 1, 1, 1, None, "UCS-2", 1)
    assert meter_words("text", curly, "I’m").endswith("(UCS-2, because of the curly quotes)")
    accent = Metrics(5, 1, 1, 1, 1, None, "UCS-2", 1)
    assert meter_words("text", accent, "naïve").endswith("(UCS-2, because of “ï”)")
    emoji = Metrics(5, 1, 1, 1, 1, None, "UCS-2", 1)
    assert meter_words("text", emoji, "hi 🌊").endswith("(UCS-2, because of the emoji)")
    letter = metrics(words=1200, paragraphs=9, reading_seconds=313)
    assert meter_words("letter", letter, "") == (
        "1,200 words · 9 paragraphs · about 6 minutes to read"
    )
    assert time_left_words(timedelta(hours=8, minutes=1)) == "9 hours"
    assert time_left_words(timedelta(minutes=59, seconds=1)) == "1 hour"
    assert time_left_words(timedelta(minutes=40)) == "40 minutes"
    assert time_left_words(timedelta(seconds=5)) == "1 minute"


def test_a_wait_banner_says_the_timing_once_and_points_to_its_note() -> None:
    shown = [finding("too_soon", TOO_SOON)]
    banner = banner_for("wait", (TOO_SOON,), timedelta(0), timing=timing_messages(shown))
    assert banner.state == "wait" and banner.headline == "Better to wait for now"
    assert TOO_SOON not in banner.detail
    assert banner.detail == (
        "The note about the timing says why. Your draft keeps here until the time is right."
    )
    two = timing_messages([*shown, finding("late_night", LATE)])
    assert banner_for("wait", (TOO_SOON, LATE), timedelta(0), timing=two).detail.startswith(
        "The notes about the timing say why."
    )


def test_a_wait_banner_keeps_the_reasons_no_note_says() -> None:
    timing = timing_messages([finding("too_soon", TOO_SOON), finding("begging", "It begs.")])
    assert timing == (TOO_SOON,)  # only the situation's notes, not the words'
    reasons = (TOO_SOON, "It pleads with them.", "It declares your love.")
    detail = banner_for("wait", reasons, timedelta(0), timing=timing).detail
    assert detail.splitlines() == [
        "The note about the timing says why.",
        "It pleads with them.",
        "…and 1 more, in the notes.",
    ]
    first = "Look after yourself first. The message can wait."  # it stays first
    detail = banner_for("wait", (first, TOO_SOON), timedelta(0), timing=timing).detail
    assert detail.splitlines() == [first, "The note about the timing says why."]
    # Drinking is a reason to wait that no timing note repeats: the banner says it.
    sober = "You mention drinking: wait until you're sober, then read it again."
    assert banner_for("wait", (sober,), timedelta(0)).detail == sober


def test_the_other_banners() -> None:
    assert banner_for(None, (), timedelta(0)).state == "empty"
    many = tuple(f"Reason {i}." for i in range(BANNER_REASONS + 2))
    revise = banner_for("revise", many, timedelta(0))
    assert revise.headline == "Worth another look"
    assert revise.detail.splitlines()[-1] == "…and 2 more, in the notes."
    # With the notes' count, the banner names the same number as the list's header.
    counted = banner_for("revise", many, timedelta(0), notes=5)
    assert counted.detail.splitlines()[-1] == "See all 5 notes in the list."
    cooling = banner_for("ready", (), timedelta(hours=3))
    assert cooling.headline == "Sleep on it: ready to send in 3 hours"
    assert banner_for("ready", (), timedelta(0)).headline == "Ready when you are"
    other = banner_for("ready", (), timedelta(0), note="The tone checks understand English only.")
    assert "calm and kind" not in other.detail and "English only" in other.detail
    unfilled = banner_for("ready", (), timedelta(0), unfilled=["[a place]"])
    assert unfilled.headline == "Make it yours first"
    support = banner_for("wait", ("Look after yourself first.",), timedelta(0), support="Help.")
    assert (support.state, support.detail) == ("support", "Help.")


def test_ignored_findings_leave_the_verdict() -> None:
    report = check("Hi Sam, please come back to me. How have you been?", "text")
    assert report.verdict == "revise"
    assert effective_verdict(report, report.findings) == (report.verdict, report.reasons)
    suggestions = [f for f in report.findings if f.severity == "info"]  # the rest ignored
    assert effective_verdict(report, suggestions)[0] == "ready"


def test_copy_asks_in_words_that_fit_the_state() -> None:
    wait = copy_warning("wait", (TOO_SOON,), timedelta(0))
    assert wait.startswith(TOO_SOON) and "your choice" in wait
    assert "land differently" in copy_warning("revise", ("It pleads.",), timedelta(0))
    assert "about 2 hours to go" in copy_warning("cooling", (), timedelta(hours=2))
    assert "like [a place]" in copy_warning("revise", (), timedelta(0), ["[a place]"])


def test_dates_counts_and_notices() -> None:
    zone = "Europe/Berlin"
    assert when_words(NOON, NOON, zone) == "Today 14:00"
    assert when_words(NOON - timedelta(days=1), NOON, zone) == "Yesterday 14:00"
    assert when_words(NOON - timedelta(days=3), NOON, zone) == "19 Nov 14:00"
    assert when_words(NOON - timedelta(days=365), NOON, zone) == "22 Nov 2025 14:00"
    assert damaged_words(0) == ""
    assert damaged_words(1) == "1 draft could not be read and is not shown."
    assert damaged_words(2) == "2 drafts could not be read and are not shown."
    assert target_words(None) == "" and target_words(0) == ""
    assert target_words(1).startswith("Your No-Contact target is 1 day away.")
    assert kept_at_lock_words("For Sam") == (
        "Your last changes to “For Sam” could not be saved before Reconnect locked; they "
        "are back in the editor."
    )
    untitled = "Hi Sam, I walked past the lake today. How have you been? Th…"  # display_title
    assert short_title(untitled) == "Hi Sam, I walked past the lake…"
    assert short_title("After the 30 days") == "After the 30 days"
    assert short_title("x" * 50) == "x" * 35 + "…"


def test_timing_messages_match_the_checkers_wait_reasons() -> None:
    """The banner leaves out exactly what the timing notes say: the checker's own words."""
    report = check("Hi Sam, how have you been?", "text", Context(no_contact_state="counting"))
    assert report.verdict == "wait"
    timing = timing_messages(report.findings)
    assert timing and set(timing) <= set(report.reasons)
