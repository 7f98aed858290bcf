"""anger_blame: reproach, sarcasm, assigning fault (even calmly), an unasked forgiveness."""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="anger_blame.blame",
        category="anger_blame",
        severity="problem",
        message=(
            "This holds them responsible for what went wrong. Even in calm words, blame "
            "tends to start an argument, not a conversation."
        ),
        suggestion=(
            "If something needs saying, it can wait for a real conversation they choose. "
            "For now, leave the past where it is and say something kind about today."
        ),
        phrases=(
            "your|ur fault",
            "all your fault",
            "you ruined|destroyed|wrecked|threw_away|abandoned|betrayed|lied|cheated|manipulated",
            "you broke my|me|us|it|everything|our|your_promise|every",
            "you used me",
            "you hurt me",
            "how badly you hurt",
            "you never [once|even|really|ever] asked|listened|cared|tried|apologised|apologized|"
            "said|called|showed|made|gave|took|let|wanted|admitted|supported|came|helped|"
            "understood|noticed|thought|told|even|once|really|had_time",
            "you always put|made|had|chose|came|cared|made_it",
            "you chose",
            "you walked away",
            "you could|should have been|at_least|just|told|tried|said|called|listened",
            "you should've|shouldn't_have",
            "you could|can at least",
            "throw|threw|throwing away <num> years|everything|what_we_had|us",
            "as you made me",
            "you made me miserable|cry|suffer",
            "make|makes|made|making me feel like_nothing|like_i'm_nothing|worthless|small|stupid|"
            "crazy|invisible|unwanted|used",
            "you could_not|did_not|would_not|can_not|couldn't|didn't|wouldn't|can't even",
            "you couldn't|could_not be honest",
            "not once",
            "came|comes from|down_to your|you|the_fact",
            "problems came|were|started ... your|you",
            "the problem was you|your|always",
            "it was all|always you|your",
            "i forgive you",
            "i've|i_have forgiven you",
            "everything you did",
            "that's|it's|this_is on you",
            "take some|any|responsibility",
            "grow up",
            "you owe me",
            "apologise|apologize|apology to me",
            "waiting on|for that|an|your apology",
            "never apologised|apologized|said_sorry",
            "didn't even apologise|apologize|say_sorry",
            "toxic",
            "coward|cowardly",
            "you {you_are} so|being|too selfish|cold|cruel|heartless|immature|childish",
            "your selfishness|ego|temper|drinking|lies|lying|cheating|jealousy",
            "how dare you",
            "you don't get to",
            "pretend i never|nothing",
            "you messed|screwed|fucked|blew it|up|everything",
            "everyone thinks|knows|says you",
            "the nerve",
            "and you know it",
            "you know it isn't|is_not|'s_not|wasn't|'s_true",
            "tell yourself whatever",
            "i was the one who",
            "hope you get|are_getting|find|'re_getting help",
            "i hate that|how|when you",
            "i hate you",
            "did to me",
            "what you've been saying",
            "i'm not angry [anymore] [i'm] just",
            "i'm just surprised",
        ),
        should_flag=(
            "You never once asked how I was when Dad was in hospital.",
            "honestly the breakup was ur fault and everyone knows it",
            "I forgive you for the way you left. Hope you're well.",
            "It all came down to your temper, really.",
        ),
        should_pass=(
            "You always said I'd end up loving jazz, and you were right.",
            "I was angry at first, but I'm not anymore, and I hope you're well.",
            "You never know with the trains around here, hope you got home fine.",
            "Thanks for being so kind when we split the furniture.",
        ),
    ),
    Rule(
        id="anger_blame.sarcasm",
        category="anger_blame",
        severity="problem",
        message=("This reads as sarcasm. In writing it comes across sharper than you may mean it."),
        suggestion="Say the plain, kind version, or leave the line out.",
        phrases=(
            "must be nice #",
            "must be nice to [just] move_on|forget|walk_away|not_care|switch_off|be_you|have_no",
            "good for you i guess|i_suppose|then|honestly",
            "good for you #",
            "hope it was worth it",
            "thanks for nothing",
            "thanks|thank_you for ruining|wasting|breaking|ignoring|leaving|ghosting",
            "real mature|classy",
            "how convenient",
            "congrats|congratulations i guess|i_suppose",
            "so that's it",
            "fine|great|better|happier without you",
            "nice of you to",
            "must be so nice",
        ),
        should_flag=(
            "Must be nice to just forget three years.",
            "Congrats I guess. Didn't take you long.",
            "I'm doing way better without you, just so you know.",
        ),
        should_pass=(
            "It must be nice to finally have a garden, congratulations on the house!",
            "Good for you on finishing the marathon, that's a huge deal.",
        ),
    ),
    Rule(
        id="anger_blame.reproach",
        category="anger_blame",
        severity="problem",
        message=(
            "This reproaches them for not answering, or for how things ended. They'll hear "
            "the hurt as an accusation."
        ),
        suggestion=(
            "If you write at all, write as if there were no score to settle: short, calm, and "
            "about something neutral."
        ),
        phrases=(
            "are|r you seriously",
            "why are|would you doing|do this|that to me",
            "doing this to me",
            "how could you",
            "seriously not going to",
            "ignoring me",
            "why won't|don't|can't you answer|reply|talk|respond|text|call",
            "why did you [just] disappear|ignore|block",
            "just disappear",
            "blocked me",
            "deleted|burned|binned|threw_out all|every our|your "
            "photos|pictures|letters|things|stuff",
            "deleted|burned|binned|threw_out our|your photos|pictures|letters",
            "ghosted|ghosting me",
            "not even a|one phone_call|call|text|goodbye|explanation|word|reply",
            "after <num> years #",
            "the way you ended|left",
            "you just walked|left|disappeared",
        ),
        should_flag=(
            "So you're just ignoring me now?",
            "Why don't you answer your phone anymore?",
            "Five years and not even a goodbye.",
        ),
        should_pass=(
            "Hope the new phone works better than the old one did!",
            "After five years in that flat, moving must feel strange. Hope it's going well.",
        ),
    ),
)
