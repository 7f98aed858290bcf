"""love_declaration: "I still love you", soulmates, the love of a life."""

from __future__ import annotations

from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="love_declaration.love_you",
        category="love_declaration",
        severity=Severity.PROBLEM,
        message=(
            "This tells them you love them. It may well be true, and it's a lot to receive in "
            "a first message: it asks for an answer they may not be ready to give."
        ),
        suggestion=(
            "Save those words for later, if things ever move that way. For now something "
            "warm and light works better."
        ),
        phrases=(
            "i [still|really|truly|do|always|honestly] love you|u",
            "i'll|i_will [always|still] love you",
            "love you|u always|forever|so|sm|more|still|x|xx|xxx|with",
            "# love you|u #",
            "never stopped loving you",
            "always loved you",
            "never love anyone",
            "in love with you",
            "all my love",
            "forever yours",
            "yours forever|always",
            "always yours",
            "my heart is|belongs yours|to_you",
            "my heart was made",
        ),
        should_flag=(
            "Just so you know, I still love you.",
            "love u forever, no matter what",
            "I'm still in love with you and I think I always will be.",
        ),
        should_pass=(
            "I love that you finally got the dog you always wanted.",
            "I'd love to hear how the trip went, if you feel like telling me.",
            "We bought a love seat for the new flat and it's enormous.",
            "Love the new haircut in your photo, it suits you.",
        ),
    ),
    Rule(
        id="love_declaration.the_one",
        category="love_declaration",
        severity=Severity.PROBLEM,
        message=(
            "This calls them the one: a soulmate, the love of your life. Words that big leave "
            "little room for an easy reply."
        ),
        suggestion="Keep to the present, and to something small you can both smile about.",
        phrases=(
            "soulmate|soulmates|soul_mate|soul_mates|twin_flame",
            "love of my life",
            "the one for me",
            "{you_are} [still|always] the one #",
            "meant to be #|together|and|with_you|with_each_other|for_each_other|us|i|we|but|so",
            "made for each other",
            "{you_are} my everything|world|person|home|forever|sun",
            "the sun and the moon",
            "best thing that ever happened to me",
            "never be anyone else",
            "{you_are} the only one|person [who|that] [ever|really] understood|gets|got|loved",
            "best part of my life",
            "best thing in my life",
            "only one for me",
            "nobody|no_one will ever love|understand you|me",
        ),
        should_flag=(
            "ur my person, always will be",
            "We were meant to be and I think you know it.",
            "You're the best thing that ever happened to me.",
        ),
        should_pass=(
            "Congrats on the promotion, you're the one who deserved it.",
            "The bakery finally makes the cinnamon buns again, best thing that happened this week.",
            "Have you seen the new Bond film? It's meant to be good.",
        ),
    ),
)
