"""The learned layer: its notes hold their examples, it names the new categories, it explains
itself with spans, and it stays honest about what it checked."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.tone import Context, check
from reconnect_gui.core.tone.features import WHOLE, features
from reconnect_gui.core.tone.learned import FLAG, LearnedModel, shipped_model
from reconnect_gui.core.tone.registry import LEARNED_NOTES, engine
from reconnect_gui.core.tone.report import LEARNED_CATEGORIES, SEVERITIES
from reconnect_gui.core.tone.text import read
from reconnect_gui.core.tone.verdict import NO_PROBLEMS, READY


def categories(report) -> set[str]:
    return {f.category for f in report.findings if f.severity != "info"}


# Note examples the shipped model gets wrong, kept strict so that a fix shows up. None at
# present: the sixth corpus round taught it "You always were a coward…" as contempt.
NOTE_MISSES: set[str] = set()


@pytest.mark.parametrize("note", LEARNED_NOTES, ids=lambda note: note.id)
def test_every_learned_note_is_complete(note) -> None:
    assert note.should_flag and note.should_pass, note.id
    assert note.severity in SEVERITIES and note.category in LEARNED_CATEGORIES


@pytest.mark.parametrize(
    ("note", "example"),
    [
        pytest.param(
            note,
            example,
            id=f"{note.id}-{n}",
            marks=[pytest.mark.xfail(strict=True, reason="a known miss")]
            if example in NOTE_MISSES
            else [],
        )
        for note in LEARNED_NOTES
        for n, example in enumerate(note.should_flag)
    ],
)
def test_every_learned_note_flags_its_examples(note, example: str) -> None:
    report = check(example, note.example_kind)
    assert report.verdict != "ready" and note.category in categories(report), example


@pytest.mark.parametrize("note", LEARNED_NOTES, ids=lambda note: note.id)
def test_every_learned_note_passes_its_examples(note) -> None:
    for example in note.should_pass:
        assert note.category not in categories(check(example, note.example_kind)), example


def test_every_learned_category_has_a_note_and_a_head() -> None:
    model = shipped_model()
    assert model is not None, "resources/tone/tone_model.json.gz is missing"
    noted = {note.category for note in LEARNED_NOTES}
    assert set(model.heads[1:]) <= noted
    for category in ("contempt", "threat", "double_text", "monitoring", "meeting_pressure"):
        assert category in model.heads and category in noted


# The examples the tone issue was opened with: each must get a non-ready verdict with the
# right category, and the two kind messages must be ready. (Not in the training corpus.)
MUST_FLAG = {
    "contempt": (
        "Wow. Two weeks and you're already posting beach pics. Guess I meant nothing to you. "
        "You're unbelievable.",
        "Fine. I'll stop bothering you then. Bye forever.",
        "honestly you need help, you're not well",
        "I wasted three years on you.",
    ),
    "threat": ("You'll regret this, I promise you that.", "keep pushing me and see what happens"),
    "double_text": (
        "did u get my text??",
        "Why aren't you answering?",
        "so you're just going to ignore me then",
    ),
    "meeting_pressure": ("can we talk?", "Can I call you tonight?", "I need to talk to you."),
    "monitoring": (
        "Why did you unfollow me?",
        "who was the guy in your story",
        "so is she the reason",
    ),
    "begging over_apology": ("please don't give up on us", "I'm so so sorry for everything"),
}
MUST_PASS = (
    "Our relationship taught me a lot, and I wish you every happiness.",
    "Could you let me know about the school trip by Friday?",
)


# Still missed: strict, so that a fix shows up. None of the issue's flag examples is since
# the fourth round of writers (tests/data/tone_corpus/LABELS.md). The seventh round's
# model named "I wasted three years on you." as blame only (contempt 0.30, under its 0.32
# threshold); the eighth names both.
KNOWN_MISSES: set[str] = set()
MISSED = pytest.mark.xfail(strict=True, reason="a known miss of the learned layer")


@pytest.mark.parametrize(
    ("wanted", "text"),
    [
        pytest.param(c, t, marks=[MISSED] if t in KNOWN_MISSES else [])
        for c, texts in MUST_FLAG.items()
        for t in texts
    ],
)
def test_the_issue_examples_are_caught_under_their_category(wanted: str, text: str) -> None:
    report = check(text, "text")
    assert report.verdict != "ready"
    assert categories(report) & set(wanted.split()), (text, categories(report))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (MUST_PASS[0], "text"),
        (MUST_PASS[1], "text"),
        # As a one-line "letter" the closure was flagged until the seventh round of writers
        # (reflective letters that mention the relationship); never tuned on.
        (MUST_PASS[0], "letter"),
        (MUST_PASS[1], "logistics"),
    ],
)
def test_kind_closure_and_a_co_parenting_request_are_ready(text: str, kind: str) -> None:
    assert check(text, kind).verdict == "ready"


def test_a_threat_is_never_ready_and_says_so_plainly() -> None:
    report = check("Keep this up and I'll make sure your boss sees those messages.", "text")
    threat = next(f for f in report.findings if f.category == "threat")
    assert threat.severity == "problem" and "threat" in threat.message
    assert report.verdict != "ready"


def test_chasing_an_answer_while_one_is_awaited_is_at_least_a_warning() -> None:
    waiting = Context(waiting_for_reply=True, wait_days_left=9)
    report = check("so you're just going to ignore me then", "text", waiting)
    chase = next(f for f in report.findings if f.category == "double_text")
    assert chase.severity == "problem" and report.verdict == "wait"


def test_a_learned_finding_underlines_the_words_that_carried_it() -> None:
    text = "Hope the new job is great. Anyway, did you even get my last message?"
    report = check(text, "text")
    chase = next(f for f in report.findings if f.category == "double_text")
    start, end = chase.span
    assert 0 <= start < end <= len(text)
    assert start >= text.index("Anyway")  # inside the sentence that chases, not the greeting


def test_calm_words_need_the_rules_and_the_model_to_agree() -> None:
    calm = check("Happy birthday Jo! Hope the year ahead is a good one.", "text")
    assert calm.verdict == "ready" and calm.calm and calm.reasons == (READY,)
    rules_only = check("Happy birthday Jo! Hope the year ahead is a good one.", "text", model=None)
    assert rules_only.verdict == "ready" and not rules_only.calm
    assert rules_only.reasons == (NO_PROBLEMS,)


def test_logistics_is_judged_as_practical_contact() -> None:
    text = "Hi, the kids' passports are in the blue folder. Can you return it by Friday? Thanks"
    report = check(text, "logistics", Context(no_contact_state="counting", days_until_target=12))
    assert report.verdict == "ready", [f.rule_id for f in report.findings]
    assert not {"no_invitation", "too_soon", "pressure"} & {f.category for f in report.findings}
    feelings = "Your stuff is in the hall. I still can't believe you did this to us."
    assert check(feelings, "logistics").verdict == "revise"


def test_no_reply_suggestion_next_to_a_problem() -> None:
    report = check("Please take me back, I'm begging you.", "text")
    assert "no_invitation" not in {f.category for f in report.findings}


def test_the_model_file_is_what_the_loader_reads() -> None:
    from reconnect_gui.core.tone.learned import MODEL_FILE
    from reconnect_gui.system.paths import resources_dir

    with gzip.open(resources_dir() / MODEL_FILE, "rt", encoding="utf-8") as source:
        document = json.load(source)
    model = LearnedModel.from_json(document)
    assert model.heads[0] == FLAG and len(model.bias) == len(model.heads)
    assert all(0.2 <= t <= 0.95 for t in model.thresholds)
    assert len(document["trained_on"]["writers"]) >= 6
    with pytest.raises(ValueError):
        LearnedModel.from_json({**document, "format": 99})


def _plain_logits(model: LearnedModel, flat: dict[str, list[float]], names: set[str]):
    """Each head's score the plainest way: its bias plus the weights of the names."""
    logits = list(model.bias)
    for name in names:
        for head, value in zip(flat[name][0::2], flat[name][1::2], strict=True):
            logits[int(head)] += value
    return logits


weight = st.integers(-9_999, 9_999).map(lambda thousandths: thousandths / 1000)


@given(
    st.dictionaries(
        st.text("abc", min_size=1, max_size=4),
        st.dictionaries(st.integers(0, 3), weight, min_size=1),
        min_size=1,
        max_size=30,
    ),
    st.data(),
)
def test_the_packed_score_is_the_plain_sum_of_the_weights(weights, data) -> None:
    # Weights with three decimals, as trained; every field may be at its most negative
    # or positive, and every feature may be present at once, without a carry between heads.
    flat = {name: [v for pair in pairs.items() for v in pair] for name, pairs in weights.items()}
    model = LearnedModel(("flag", "a", "b", "c"), (0.5, -1.0, 0.0, 2.0), (0.5,) * 4, 0.3, flat)
    names = data.draw(st.sets(st.sampled_from(sorted(flat))))
    assert model.logits(names) == pytest.approx(_plain_logits(model, flat, names), abs=1e-9)


def test_the_shipped_model_scores_every_feature_at_once_as_the_plain_sum() -> None:
    from reconnect_gui.core.tone.learned import MODEL_FILE
    from reconnect_gui.system.paths import resources_dir

    with gzip.open(resources_dir() / MODEL_FILE, "rt", encoding="utf-8") as source:
        flat = json.load(source)["weights"]
    model = shipped_model()
    assert model is not None
    for names in (set(flat), set(list(flat)[::97]), set()):
        assert model.logits(names) == pytest.approx(_plain_logits(model, flat, names), abs=1e-9)


def test_features_tie_each_name_to_its_words() -> None:
    draft = read("hey. did u get my text??", engine().normaliser)
    found = features(draft, "text")
    names = {name for name, _first, _last in found}
    assert {"w:you", "b:did you", "t:did you get", "k:text", "x:??"} <= names
    for name, first, last in found:
        assert (first, last) == WHOLE or 0 <= first <= last < len(draft.words), name


def test_the_fast_name_set_equals_the_features_with_their_places() -> None:
    # check() scores from feature_names() and reads the places only for a span: the two
    # must agree on every message, or a score would differ from what was trained.
    from helpers.repo import REPO
    from reconnect_gui.core.tone.features import feature_names

    model = shipped_model()
    assert model is not None
    normaliser = engine().normaliser
    rows = [
        json.loads(line)
        for path in sorted((REPO / "tests" / "data" / "tone_corpus").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()[::7]
    ]
    rows += [{"text": t, "kind": "text"} for t in ("", "!!!", "# # #", "hey\n\nyou?", "🙂 🙂")]
    for row in rows:
        draft = read(row["text"], normaliser)
        with_places = {
            name for name, _first, _last in features(draft, row["kind"], model.vocabulary)
        }
        assert feature_names(draft, row["kind"], model.vocabulary) == with_places, row["text"]


# Friendly questions about their own life are fine (LABELS.md), and the app itself suggests
# asking one. Written as a probe before the fifth round of writers, never trained on.
FRIENDLY_QUESTIONS = (
    "How was the trip? Did you make it to the lake in the end?",
    "How's your mum doing? Is she home from hospital yet?",
    "hows the new flat? settling in ok?",
    "Did the marathon go well? Hope the knee held up!",
    "How's work treating you these days? Still on the night shifts?",
    "Happy birthday! Doing anything fun today?",
    "How did the exam go? Bet you smashed it.",
    "Are you still doing pottery on Thursdays? I walked past the studio today",
    "How's the running going? Still doing the Sunday long runs?",
    # Read as watching their life until the word classes (issue 14) came in.
    "saw the match last night, did you watch it? mad ending",
)
# Read as prying about a "he" (jealousy_prying 0.79), except by the seventh round's model.
STILL_FLAGGED = ("How's Biscuit? Is he still stealing socks?",)


@pytest.mark.parametrize(
    "text",
    [
        *FRIENDLY_QUESTIONS,
        *(pytest.param(t, marks=pytest.mark.xfail(strict=True)) for t in STILL_FLAGGED),
    ],
)
def test_a_friendly_question_about_their_life_is_ready(text: str) -> None:
    assert check(text, "text").verdict == "ready"
