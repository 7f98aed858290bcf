"""The notes beside the editor: most important first, what each card says, clicks and keys, "Ignore
here", and a long list that stays bounded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reconnect_gui.core.tone.report import Finding
from reconnect_gui.ui.draft.findings_list import MAX_CARDS, TIMING_WORDS, FindingsList


def note(rule: str, category: str, severity: str, span: tuple[int, int], message: str) -> Finding:
    return Finding(rule, category, severity, span, message, f"Try this instead of {rule}.")


BEGGING = note("begging.take_me_back", "begging", "problem", (20, 35), "This asks them back.")
APOLOGY = note("over_apology.repeat", "over_apology", "warning", (3, 8), "Many sorries.")
TOO_SOON = note("too_soon.target", "too_soon", "warning", (0, 0), "Your target is 9 days away.")
NO_QUESTION = note("no_invitation.none", "no_invitation", "info", (0, 0), "Nothing to answer.")


def visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def make_list(qtbot) -> FindingsList:
    findings = FindingsList()
    qtbot.add_widget(findings)
    findings.resize(340, 700)
    findings.show()
    return findings


def test_cards_come_by_severity_and_say_what_to_try(qtbot) -> None:
    findings = make_list(qtbot)
    findings.show_findings([NO_QUESTION, APOLOGY, TOO_SOON, BEGGING])
    cards = findings.cards()
    # Problems, then warnings (the timing first), then suggestions.
    assert [card.finding for card in cards] == [BEGGING, TOO_SOON, APOLOGY, NO_QUESTION]
    assert cards[1].severity_label.text() == TIMING_WORDS
    assert cards[0].severity_label.text() == "Needs a change"
    assert cards[2].severity_label.text() == "Worth a look"
    assert cards[3].severity_label.text() == "A suggestion"
    assert cards[0].message.text() == "This asks them back."
    assert cards[0].suggestion.text() == "Try this instead of begging.take_me_back."
    assert cards[0].accessibleName() == "Needs a change: This asks them back."
    # The situation is not something to ignore; words are.
    assert not cards[1].ignore_button.isVisible()
    assert all(cards[i].ignore_button.isVisible() for i in (0, 2, 3))
    assert not findings.empty_label.isVisible()


def test_clicking_a_card_or_pressing_enter_asks_to_show_its_words(qtbot) -> None:
    findings = make_list(qtbot)
    findings.show_findings([APOLOGY, BEGGING])
    card = findings.cards()[0]  # the problem comes first
    with qtbot.wait_signal(findings.activated) as shown:
        qtbot.mouseClick(card.message, Qt.MouseButton.LeftButton)  # a click anywhere on it
    assert shown.args == [BEGGING]
    card.setFocus()
    with qtbot.wait_signal(findings.activated) as shown:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert shown.args == [BEGGING]


def test_ignore_here_asks_to_set_that_one_occurrence_aside(qtbot) -> None:
    findings = make_list(qtbot)
    findings.show_findings([APOLOGY, BEGGING])
    with qtbot.wait_signal(findings.ignore_requested) as ignored:
        qtbot.mouseClick(findings.cards()[1].ignore_button, Qt.MouseButton.LeftButton)
    assert ignored.args == [APOLOGY]


def test_no_findings_shows_the_empty_words(qtbot) -> None:
    findings = make_list(qtbot)
    findings.show_findings([BEGGING])
    findings.show_findings([], "Nothing to point out.")
    assert findings.cards() == []
    assert "Nothing to point out." in visible_texts(findings)


def test_a_long_list_is_capped_and_its_cards_are_reused(qtbot) -> None:
    findings = make_list(qtbot)
    many = [
        note("drama.caps", "drama", "warning", (i * 10, i * 10 + 4), f"Shouting {i}.")
        for i in range(300)
    ]
    findings.show_findings(many)
    cards = findings.cards()
    assert len(cards) == MAX_CARDS
    assert findings.more_label.isVisible()
    assert findings.more_label.text().startswith(f"…and {300 - MAX_CARDS} more")
    findings.show_findings(many[1:])  # the next check, one fixed
    assert findings.cards() == cards  # the same widgets, new words
    assert cards[0].message.text() == "Shouting 1."
    assert len(findings.findChildren(type(cards[0]))) == MAX_CARDS


def test_clear_leaves_no_words_behind(qtbot) -> None:
    findings = make_list(qtbot)
    findings.show_findings([BEGGING, APOLOGY])
    findings.clear()
    assert findings.cards() == []
    leftovers = [
        label.text()
        for label in findings.findChildren(QLabel)
        if label.text() and label is not findings.empty_label
    ]
    assert leftovers == []
