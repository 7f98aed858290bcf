"""relationship_talk: getting back together, going over what went wrong, "us".

"We" about handling the breakup well ("we both handled the move kindly") is fine.
"""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="relationship_talk.getting_back",
        category="relationship_talk",
        severity="warning",
        message=(
            "This raises getting back together. That's a conversation for much later, if "
            "ever, and raising it now can close the door on a simple hello."
        ),
        suggestion=(
            "Leave the two of you out of it for now. A friendly message about everyday life "
            "is what keeps a later conversation possible."
        ),
        phrases=(
            "back together",
            "together again",
            "be|being together",
            "try|tried|trying again",
            "another|one_more|one_last|a_second try|go|shot",
            "give us|it|this another|a_chance|a_try|a_go",
            "us another try|go|chance",
            "make it|this|us|things|it_all work",
            "work things|it|this out",
            "fix this|us|things|it|what_we_had|the_relationship|what_went_wrong",
            "we can|could fix",
            "make it|things|this right",
            "start over|again|fresh",
            "just come home|back",
            "come back to me",
            "chance for|of us",
            "future together",
            "our future",
            "now's|now_is our time",
            "bad timing",
            "go back to how|the_way things|we were|it_was",
            "how we used to be",
            "the way we were",
            "be friends or",
            "where we stand",
            "where this is going",
            "i've|i_have changed",
            "i'm|i_am not the same person",
            "i'm|i_am a different person",
            "we could be [really|so] happy",
            "we gave up too early|soon|easily",
            "what we had",
            "the real|old us",
            "version of us",
            "{you_are} making a mistake",
            "we should go back|get_back|try",
            "our relationship",
            "next time around",
            "our old|usual|favourite|favorite spot|place|table|bench|restaurant",
            "our first date|kiss|trip|anniversary",
            "the night|day we met",
            "like old times",
            "deep down ... you know|feel",
        ),
        should_flag=(
            "Do you ever think we could make it work again?",
            "I've changed a lot since March, you'd be surprised.",
            "I feel like we gave up too soon.",
            "Maybe we could start over, slowly this time.",
        ),
        should_pass=(
            "I think we both handled the move kindly, and I'm grateful for that.",
            "The bike shop fixed my brakes, finally.",
            "Hope work is good. I started a pottery class and my first bowl is a disaster.",
        ),
    ),
    Rule(
        id="relationship_talk.post_mortem",
        category="relationship_talk",
        severity="warning",
        message=(
            "This asks to go over the relationship: what went wrong, or why it ended. That "
            "talk is heavy for a first message, and they may not be ready for it."
        ),
        suggestion=(
            "Keep this for your journal, or for a conversation they choose to have later. "
            "Start with something light instead."
        ),
        phrases=(
            "what went wrong",
            "what changed #",
            "we were [so|really] happy|good_together|great_together|perfect",
            "give|gave|giving up on us|what_we_had",
            "where it all|we went wrong",
            "what happened to|between us",
            "know|understand|tell_me what happened",
            "why we ended|broke_up|split|fell_apart|kept_fighting|fought|stopped|didn't",
            "why did you [really|just] leave|end|go|break_up|walk_away|stop",
            "don't|never [really] understand why",
            "need to understand",
            "talk about us|what_happened|the_relationship|everything",
            "talk it|things|everything through",
            "talk properly",
            "proper talk|conversation|goodbye",
            "say goodbye properly",
            "have the conversation",
            "clear the air",
            "we need to talk",
            "we should talk",
            "closure",
            "attachment style|styles",
            "communication problem",
        ),
        should_flag=(
            "I still don't understand why we broke up, honestly.",
            "Can we talk about what happened between us?",
            "I think we should talk. There's a lot I never said.",
        ),
        should_pass=(
            "I understand why you ended things, and I think you were right.",
            "I've been thinking about how things ended and I'm sorry for my part.",
            "Would love to talk about the book club pick sometime.",
        ),
    ),
)
