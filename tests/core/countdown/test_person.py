"""How the app speaks of the ex: the name and pronouns from the plan, else "they"."""

from __future__ import annotations

import pytest

from reconnect_gui.core.countdown.person import ExWords, ex_words


@pytest.mark.parametrize(
    ("name", "pronouns", "forms", "who"),
    [
        ("", "", ("they", "them", "their"), "They"),
        ("Sam", "she/her", ("she", "her", "her"), "Sam"),
        ("", "He/Him", ("he", "him", "his"), "He"),
        ("  Alex  ", "they/them", ("they", "them", "their"), "Alex"),
        ("", "she/they", ("she", "her", "her"), "She"),  # read by its first word
        ("", "him", ("he", "him", "his"), "He"),
        ("Kim", "xe/xem/xyr", ("xe", "xem", "xyr"), "Kim"),
        ("Jo", "ze/hir", ("ze", "hir", "Jo’s"), "Jo"),  # no possessive given: the name's
        ("", "any pronouns", ("they", "them", "their"), "They"),
    ],
)
def test_the_name_leads_and_the_pronouns_carry_the_rest(name, pronouns, forms, who) -> None:
    ex = ex_words(name, pronouns)
    assert (ex.subject, ex.object, ex.possessive) == forms
    assert ex.who == who


def test_verbs_agree_with_the_name_or_the_pronoun() -> None:
    assert ExWords().verb("hasn’t", "haven’t") == "haven’t"
    assert ex_words("", "she/her").verb("hasn’t", "haven’t") == "hasn’t"
    assert ex_words("Alex", "they/them").verb("hasn’t", "haven’t") == "hasn’t"  # "Alex hasn't"
    fill = ex_words("", "he/him").fill("Do I keep looking at {their} posts? {who} said {them}")
    assert fill == "Do I keep looking at his posts? He said him"
