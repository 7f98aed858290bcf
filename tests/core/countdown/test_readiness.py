"""The readiness self-check: our questions as data, the outcome, and stored results."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.countdown.readiness import (
    QUESTIONS,
    READY_SIGN,
    TOO_SOON,
    ReadinessResult,
    evaluate,
    result_from_data,
    result_to_data,
)

AT = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
TOO_SOON_IDS = [q.id for q in QUESTIONS if q.kind == TOO_SOON]
ALL_NO = {q.id: False for q in QUESTIONS}


def test_the_questions_are_short_unique_data_of_both_kinds() -> None:
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert {q.kind for q in QUESTIONS} == {TOO_SOON, READY_SIGN}
    assert all(q.text.endswith("?") and len(q.text) < 80 for q in QUESTIONS)


def test_no_too_soon_answer_is_ready() -> None:
    result = evaluate(ALL_NO, AT)
    assert result.outcome == "ready" and not result.offers_extension
    assert result.at == AT


@pytest.mark.parametrize("qid", TOO_SOON_IDS)
def test_any_too_soon_yes_is_not_yet_with_an_offer_to_extend(qid: str) -> None:
    result = evaluate(
        {**{q.id: True for q in QUESTIONS}, **{i: False for i in TOO_SOON_IDS}, qid: True}, AT
    )
    assert result.outcome == "not_yet" and result.offers_extension
    assert "add some days" in result.message


def test_an_unanswered_too_soon_question_is_not_a_pass() -> None:
    answers = {k: v for k, v in ALL_NO.items() if k != TOO_SOON_IDS[0]}
    assert evaluate(answers, AT).outcome == "not_yet"


def test_unknown_ids_and_non_bool_answers_are_dropped() -> None:
    result = evaluate({**ALL_NO, "bogus": True, "stay_calm": "yes"}, AT)  # type: ignore[dict-item]
    assert "bogus" not in result.answers and "stay_calm" not in result.answers


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        evaluate(ALL_NO, datetime(2026, 1, 1))


@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]), st.booleans()))
def test_results_round_trip(answers: dict[str, bool]) -> None:
    result = evaluate(answers, AT)
    assert result_from_data(result_to_data(result)) == result


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, None),
        ({"outcome": "ready"}, None),
        ({"at": "2026-12-01T20:00:00+00:00", "outcome": "maybe", "answers": [1]}, "not_yet"),
        ({"at": "2026-12-01T20:00:00+00:00", "outcome": "ready", "answers": {"a": 1}}, "ready"),
    ],
)
def test_odd_stored_results(data: object, expected: str | None) -> None:
    result = result_from_data(data)
    if expected is None:
        assert result is None
    else:
        assert isinstance(result, ReadinessResult) and result.outcome == expected
        assert result.answers == {}


def test_unknown_fields_are_kept() -> None:
    data = {**result_to_data(evaluate(ALL_NO, AT)), "note": "felt good"}
    assert result_to_data(result_from_data(data)) == data  # type: ignore[arg-type]


def test_moving_on_is_kept_and_read_back_with_the_results() -> None:
    from reconnect_gui.core.countdown.readiness import (
        MOVING_ON_TEXT,
        Outcome,
        moving_on,
        result_from_data,
        result_to_data,
    )

    at = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    chosen = moving_on(at)
    assert chosen.outcome == Outcome.MOVING_ON and not chosen.offers_extension
    assert chosen.message == MOVING_ON_TEXT and "message" in MOVING_ON_TEXT
    assert result_from_data(result_to_data(chosen)) == chosen


def test_the_questions_speak_of_the_ex_with_their_pronouns() -> None:
    from reconnect_gui.core.countdown.person import ex_words
    from reconnect_gui.core.countdown.readiness import QUESTIONS

    he = ex_words("", "he/him")
    texts = {q.id: he.fill(q.text) for q in QUESTIONS}
    assert texts["checking_online"] == "Do I keep looking at his posts online?"
    assert texts["ok_either_way"] == "Would I be all right if he said no?"
    assert all("{" not in text and " them" not in text for text in texts.values())
