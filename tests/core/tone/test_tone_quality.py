"""Quality on the hand-labelled evaluation set, and on messages written after the rules.

A message counts as flagged when the report has a warning or a problem (no_invitation is
only a suggestion); each is checked with its own kind and no context.
"""

from __future__ import annotations

import json
from pathlib import Path

from reconnect_gui.core.tone import check

EVAL_SET = Path(__file__).resolve().parents[2] / "data" / "tone_eval.jsonl"


def flagged(text: str, kind: str) -> bool:
    return any(f.severity != "info" for f in check(text, kind).findings)


def test_flag_precision_and_recall_on_the_evaluation_set_are_at_least_0_9() -> None:
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 281
    outcomes = [(row["label"] == "flag", flagged(row["text"], row["kind"])) for row in rows]
    true_pos, false_pos = outcomes.count((True, True)), outcomes.count((False, True))
    false_neg = outcomes.count((True, False))
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert precision >= 0.9, f"precision {precision:.2f}"
    assert recall >= 0.9, f"recall {recall:.2f}"


# Written after the rules, none from the evaluation set: ordinary friendly messages that
# must pass, and troubling ones that should not.
FRESH_OK = (
    "Hey Mila, the fig tree finally gave fruit! Only six figs, but still. Hope you're well.",
    "just saw a guy walking a tortoise on a lead in the park. had to share. hope you're good",
    "Hi Dee, I'm sorry about how I spoke to you at the end. I hope things are going well.",
    "Hi Rosa, I heard your gran passed away. I'm so sorry. She was lovely. No need to reply.",
    "Hey stranger! The climbing wall is neon pink now. Hope you're well!",
    "Hi Chloe, if there's anything of yours still in the loft, let me know and I'll post it.",
    "Merry Christmas, Leon! Hope you get a proper rest.",
    "I was so nervous at my first gig last night but it went fine! Hope the band's good.",
    "Hi Ruth, your aunt's watch was in my jewellery box, I've sent it to your sister's.",
    "Dear Sam,\n\nHappy new year. I'm well, and busy with the garden.\n\nBest wishes,\nJude",
    "Hi, quick thing: your name is still on the broadband contract. I've asked them to move it.",
    "Hi Dom, do you still want the bike rack? I can drop it at your brother's this weekend.",
    "Hi Kenji, I'm sorry I was short with you that last month. I hope things are good.",
    "Hi, just letting you know I'll be at Ollie's 30th on Saturday, so it isn't a surprise.",
)
FRESH_FLAG = (
    "I know we agreed on space but I really need you right now.",
    "You're seeing someone already?? Wow.",
    "Can I come over tonight? I just want to talk.",
    "Honestly you never cared about me. You only cared about yourself.",
    "I still have your ring. Maybe we can meet for dinner so I can give it back?",
    "Do you even miss me at all?",
    "I've had a few drinks so I'm just going to say it: I want you back.",
    "I'm coming to your office tomorrow whether you like it or not.",
    "YOU NEVER LISTEN",
    "hiiii",
    "Heard you've been out with that girl from your office. Hope she's worth it.",
    "Your jacket's still here. Come get it tonight and stay for dinner?",
    "Sorry sorry sorry. I'm such an idiot. Sorry.",
    "I need to know if there's any chance for us.",
    "I'll be at the station when your train gets in on Friday.",
)


def test_fresh_messages() -> None:
    assert [m for m in FRESH_OK if flagged(m, "letter" if "\n" in m else "text")] == []
    assert [m for m in FRESH_FLAG if not flagged(m, "text")] == []
