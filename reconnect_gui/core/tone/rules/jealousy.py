"""jealousy_prying: asking about, or hinting at, their love life and who they see."""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="jealousy_prying.love_life",
        category="jealousy_prying",
        severity="problem",
        message=(
            "This asks about (or hints at) their love life. However lightly it's put, it "
            "reads as checking up on them."
        ),
        suggestion=(
            "Leave their new life to them. If you'd like to show you're okay, share "
            "something about yours."
        ),
        phrases=(
            "are|r you [still] seeing|dating|with|sleeping_with|hooking_up_with|in_love_with "
            "someone|anyone|her|him|them|<name>",
            "seeing someone|anyone",
            "is it serious",
            "was|is there someone|somebody|anyone else",
            "{you_are} seeing|dating <name>|someone|somebody",
            "is|does he|she nice|good|kind|treat|treating to|you",
            "{you_are} with <name> now",
            "you were ... with someone|a_guy|a_girl|some_guy|some_girl",
            "with that ... guy|girl|woman|man",
            "your new {ex_partner}",
            "you [have|'ve] got|have a new {ex_partner}",
            "who is|was the * in|from|on your",
            "who is|was he|she|that|the_guy|the_girl|the_woman|the_man",
            "# who is|was <name>",
            "the girl|guy|woman|man from|in ... pics|photos|posts|story|picture|photo",
            "liking|likes|liked all your",
            "keeps liking",
            "whoever you're|you_are ... with|seeing|spending",
            "might be someone",
            "moved on so|pretty|that|really fast|quickly",
            "replaced me",
            "rebound",
            "how long has|had|'s that|it|this been going on",
            "does he|she make you happy",
            "is he|she better",
            "are you happy with him|her",
            "do you love him|her",
            "i know about <name>",
        ),
        should_flag=(
            "So who's the guy in all your stories lately?",
            "Are you dating anyone?",
            "Heard you were at the gig with someone, hope it was fun.",
            "Moved on pretty quickly, didn't you.",
        ),
        should_pass=(
            "Congratulations on the engagement, I'm really happy for you both.",
            "I heard you've met someone and I'm glad you're happy.",
            "Who is playing at the festival this year, do you know?",
        ),
    ),
)
