"""Word-class features (issue 14): the learned layer sees our own word classes (insults,
blame absolutes, threats, chasing a reply…), each tied to the words that carried it, so
what it learned about a class reaches words no writer of the corpus used."""

from __future__ import annotations

import json

from reconnect_gui.core.tone import check
from reconnect_gui.core.tone.features import feature_names, features
from reconnect_gui.core.tone.learned import shipped_model
from reconnect_gui.core.tone.registry import engine
from reconnect_gui.core.tone.text import read
from reconnect_gui.core.tone.word_classes import CLASSES, CURT, PAIRS


def words_of(text: str, name: str) -> list[str]:
    """The words behind every ``name`` feature of ``text``, joined per feature, in order."""
    draft = read(text, engine().normaliser)
    written = draft.words.written
    places = sorted(
        (first, last) for found, first, last in features(draft, "text") if found == name
    )
    return [" ".join(written[first : last + 1]) for first, last in places]


def test_a_class_feature_names_the_words_that_carried_it() -> None:
    text = "Honestly you're such a nincompoop. You always do this."
    assert words_of(text, "c:insult") == ["nincompoop"]
    assert words_of(text, "c:you+insult") == ["you're such a nincompoop"]
    assert words_of(text, "c:you+absolute") == ["You always"]
    assert words_of(text, "c:intense") == ["Honestly"]


def test_chasing_a_reply_and_a_threat_are_found_in_chat_spelling() -> None:
    assert words_of("did u get my txt?? hello??", "c:chase") == ["get my", "my txt", "hello"]
    assert words_of("you'll regret this", "c:you+threat") == ["you'll regret"]
    assert words_of("keep pushing me and see what happens", "c:threat") == ["what happens"]


def test_a_curt_sentence_is_a_single_cold_word_between_sentence_ends() -> None:
    assert words_of("Fine. Have a nice life.", "c:curt") == ["Fine"]
    assert words_of("That's fine by me.", "c:curt") == []


def test_a_second_apology_is_marked_once() -> None:
    assert words_of("I'm so sorry. Sorry again, I apologise.", "c:apology+") == ["Sorry"]
    assert words_of("Sorry for the slow reply.", "c:apology+") == []


def test_the_lists_hold_terms_as_the_reader_makes_them() -> None:
    # A term is lowercased and holds no space; a pair is two terms. A list word that the
    # reader could never produce would be dead weight.
    for name, words in CLASSES.items():
        for word in words:
            assert word == word.lower() and " " not in word and "'" not in word[1:-1], name
    for name, pairs in PAIRS.items():
        for pair in pairs:
            assert len(pair.split()) == 2, (name, pair)
    assert all(" " not in word for word in CURT)


def test_the_fast_name_set_sees_the_class_features() -> None:
    draft = read("wow. you're pathetic, you never answer my texts", engine().normaliser)
    every = {name for name, _first, _last in features(draft, "text")}
    assert {"c:curt", "c:you+insult", "c:you+absolute", "c:chase"} <= every
    assert feature_names(draft, "text", every) == every


def test_an_insult_no_writer_used_still_moves_the_score() -> None:
    # "nincompoop" is in no message of the corpus, so no weight was learned for the word
    # itself; what moves the score is what the model learned for insults aimed at "you".
    from helpers.repo import REPO

    corpus = " ".join(
        json.loads(line)["text"].lower()
        for path in (REPO / "tests" / "data" / "tone_corpus").glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert "nincompoop" not in corpus
    model = shipped_model()
    assert model is not None

    def contempt(text: str) -> float:
        names = model.names(read(text, engine().normaliser), "text")
        return model.score(names).probabilities["contempt"]

    plain, insulting = contempt("you are such a gardener"), contempt("you are such a nincompoop")
    assert insulting > plain + 0.1, (plain, insulting)
    report = check("Honestly you are such a nincompoop.", "text")
    assert report.verdict != "ready"
    assert "contempt" in {f.category for f in report.findings}


def test_in_logistics_a_class_also_counts_on_its_own() -> None:
    # Feelings are the problem in themselves in a practical message: the model gets a
    # weight for them there apart from the one it learns for texts and letters.
    draft = read("Box is on the porch. I miss you.", engine().normaliser)
    practical = {name for name, _first, _last in features(draft, "logistics")}
    chat = {name for name, _first, _last in features(draft, "text")}
    assert {"c:longing", "c:longing@logistics", "c:i+longing@logistics"} <= practical
    assert "c:longing" in chat and not any(name.endswith("@logistics") for name in chat)
