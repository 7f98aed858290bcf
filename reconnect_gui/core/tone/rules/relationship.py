"""relationship_talk: getting back together, going over what went wrong, "us".

"We" about handling the breakup well ("we both handled the move kindly") is fine.
"""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, negated, sentence_terms
from reconnect_gui.core.tone.text import Draft, word_set

# Phrases that only mean "us" when nothing else in the sentence is being tried again:
# "give it another go?" is about us, "another go at the driving test" is not.
TRY_AGAIN = (
    "try|tried|trying again",
    "another|one_more|one_last|a_second try|go|shot",
    "try|trying|give_it|give_us one_more|one_last|another time",
    "start over|again|fresh",
    "make it|this|us|things|it_all work",
)
_US = word_set("we us our ours ourselves you your")
_OTHERS = word_set(
    """
    team band group gang crew club cast squad class they them their he she his her
    parents mum mom dad sister brother friends couple cousin
    """
)
_PRONOUNS = word_set("it this things us that")
_ABOUT_A_THING = word_set("at with on in of for")
_LOOKING_BACK_KINDLY = word_set(
    "taught teach learned learnt grateful thankful thank thanks happiness wish glad"
)


def _about_us(draft: Draft, hit: Hit) -> bool:
    """Is this about the two of them, not about other people or another thing? Not a
    grateful look back either ("our relationship taught me a lot")."""
    terms = set(sentence_terms(draft, hit))
    if hit.pattern == "our relationship" and terms & _LOOKING_BACK_KINDLY:
        return False
    if hit.pattern in TRY_AGAIN:
        after = draft.terms[hit.last + 1] if hit.last + 1 < len(draft.terms) else "#"
        before = draft.terms[hit.first - 1] if hit.first else "#"
        if after in _ABOUT_A_THING or not (terms & _US or before in _PRONOUNS):
            return False
    return bool(terms & _US) or not terms & _OTHERS


_UNDERSTOOD = word_set("understand understood get see accept know realise realize")
_QUESTIONS = word_set("why where when how what")
_FULLY = word_set("now finally totally fully completely better really")


def _still_asking(draft: Draft, hit: Hit) -> bool:
    """ "I understand why things ended" accepts it; "I'd like to understand why", "I don't
    get why" and "talk about why" still go over it."""
    if draft.terms[hit.first] not in _QUESTIONS or hit.first < 2:
        return True
    verb = hit.first - 1
    if draft.terms[verb] in _FULLY:  # "I understand now why", "I totally get why"
        verb -= 1
    if verb < 1 or draft.terms[verb] not in _UNDERSTOOD:
        return True
    return negated(draft, Hit(hit.key, hit.pattern, verb, hit.last)) or (
        draft.terms[verb - 1] == "to"
    )


RULES = (
    Rule(
        id="relationship_talk.getting_back",
        category="relationship_talk",
        severity=Severity.WARNING,
        message=(
            "This raises getting back together. That's a conversation for much later, if "
            "ever, and raising it now can close the door on a simple hello."
        ),
        suggestion=(
            "Leave the two of you out of it for now. A friendly message about everyday life "
            "is what keeps a later conversation possible."
        ),
        phrases=(
            *TRY_AGAIN,
            "back together",
            "together again",
            "be|being together",
            "give us|it|this another|a_chance|a_try|a_go",
            "us another try|go|chance",
            "work things|it|this out",
            "fix this|us|things|it|what_we_had|the_relationship|what_went_wrong",
            "we can|could fix",
            "make it|things|this right",
            "just come home|back",
            "come back to me",
            "chance for|of|at|with us",
            "future for|with us",
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
            "rushed|rush|rushing ending|into_ending|the_breakup|the_split|the_end|breaking_up|"
            "the_decision",
            "we|you ended|ended_it|ended_things|gave_up|gave_up_on_us|walked_away|broke_up|split|"
            "quit|called_it_off|threw_it_away|threw_us_away [too|so|way_too] quickly|soon|fast|"
            "early|easily|suddenly|hastily|in_a_rush|in_a_hurry|in_such_a_rush",
            "i ended_it|ended_things|ended_us|let_you_go|walked_away|gave_up_on_us "
            "[too|so|way_too] quickly|soon|fast|early|easily|suddenly|hastily|in_a_rush|"
            "in_a_hurry|in_such_a_rush",
            "we|i|you threw|throw|'re_throwing|are_throwing it|this|us|everything|what_we_had away",
            "throw|threw|throwing away what we|all_we|everything_we",
            "we are|'re|were not|never [really] over|done|finished|through #",
            "are we [really|truly|actually|completely|officially] over|done|finished|through",
            "is|was it|this|that really|actually|truly|completely|officially over",
            "just|only|still on a break",
            "are we on a break",
            "and see where it|this|things goes|go|leads|takes",
            "friends first",
            "wrong|bad|terrible|awful timing",
            "wrong time for us",
            "right person|one wrong time",
            "what if we|i had|would|hadn't|had_not|never|tried|stayed|talked|waited",
            "if only we|i had|would|hadn't|had_not|could|tried",
            "couples counselling|counseling|therapy",
            "counselling|counseling|therapy together",
            "back to each other|one_another",
            "our way back",
            "find|found|finding each other again",
            "give|gave|giving us|what_we_had|this_relationship|our_relationship|things_between_us "
            "... chance|try|go|shot",
            "give|gave|giving it|this a fair|real|proper|honest|decent chance|try|go|shot",
            "we [could|can|would|will|should] do|handle it|things|this differently|better|right",
            "this time it|things will|would|could be different",
            "be different this|next time",
            "ready for us|a_relationship|this_again|another_go|us_again",
            "right|perfect|made|meant|good|great|so_good for each other",
            "we had|shared something|a_connection|a_bond special|real|good|rare|beautiful|amazing|"
            "great",
            "what we built|shared|created|could_be|could_have_been|had_together|built_together",
            "is|was the door [completely|totally|really|fully|still|ever] closed|shut|open",
            "close|closed|closing|shut|shutting the door on us|me|this|what_we_had|everything",
            "any|a_little|some|still|is_there hope for us|#|left_for_us",
            "broke_up|split|ended|end|ending|ended_it|ended_things|ended_us|over|finished ... for "
            "the right|wrong reason|reasons",
            "we could|should|can|might go|get on_a_date|out_again|out_together|on_another_date|"
            "on_a_proper_date",
            "owe it to ourselves|us|each_other|what_we_had|the_kids",
            "we|us|this|it deserve|deserves another|a_second|one_more|a_real|a_fair chance|go|try|"
            "shot|look",
            "you and me|i could|should|belong|work|make|again|together|forever",
            "the two of us|both_of_us could|should|were|are|belong|again|together|forever",
            # What might have been, and what could be again.
            "if we had|would|hadn't|had_not|could_have|stayed|tried|waited|talked|kept",
            "we could|might|would|should have made_it|worked_it_out|lasted|been_happy|"
            "stayed_together|fixed_it|tried_harder|had_it_all|been_something|been_great|"
            "been_good",
            "we were ... too young|stubborn|proud|immature|alike|different",
            "be something|us|together|friends again",
            "us again",
            "unsaid",
            "i want|need us to",
            "i wish we could|would|had|hadn't|had_not|were",
            "believe|faith|hope in us|what_we_had|we",
            "it|things|we|this would|could|might|will be different now|this_time|if_we|"
            "between_us|#",
            "we made a mistake|the_wrong_choice|the_wrong_call|the_wrong_decision",
            "mistake ending|breaking_up|letting_you_go|splitting_up|to_end",
            "we [just|only] needed|need a_break|space",
            "timing [just|never|really] was_not|is_not|was|is right|wrong|off|bad",
            "i [still|really|just] want|need|wanted|needed to be with you|together",
        ),
        keep=_about_us,
        should_flag=(
            "Do you ever think we could make it work again?",
            "I've changed a lot since March, you'd be surprised.",
            "I feel like we gave up too soon.",
            "Maybe we could start over, slowly this time.",
            "Maybe we rushed ending things.",
            "I still think we were right for each other.",
        ),
        should_pass=(
            "I think we both handled the move kindly, and I'm grateful for that.",
            "Our relationship taught me a lot, and I'm grateful for it.",
            "The bike shop fixed my brakes, finally.",
            "Hope work is good. I started a pottery class and my first bowl is a disaster.",
            "I tried again with the sourdough and it finally rose!",
            "The old quiz team is getting back together on Friday.",
        ),
    ),
    Rule(
        id="relationship_talk.post_mortem",
        category="relationship_talk",
        severity=Severity.WARNING,
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
            "where|when|why|how it|we|things|everything|it_all ... went|started_going|go|going|"
            "goes wrong",
            "why it|things|we|this|us ended|end|fell_apart|did_not_work|stopped_working|"
            "had_to_end|finished|broke_down",
            "why you ended|ended_it|ended_things|left|broke_up_with_me|dumped_me|walked_away|"
            "gave_up|stopped_loving|fell_out_of_love|changed_your_mind",
        ),
        keep=_still_asking,
        should_flag=(
            "I still don't understand why we broke up, honestly.",
            "Can we talk about what happened between us?",
            "I think we should talk. There's a lot I never said.",
        ),
        should_pass=(
            "I understand why you ended things, and I think you were right.",
            "I understand why things ended the way they did, and I wish you well.",
            "I've been thinking about how things ended and I'm sorry for my part.",
            "Would love to talk about the book club pick sometime.",
        ),
    ),
)
