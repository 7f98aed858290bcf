"""jealousy_prying: asking about, or hinting at, their love life and who they see."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, hit_sentence, nearby, sentence_terms
from reconnect_gui.core.tone.text import BOUNDARY, Draft, word_set

MESSAGE = (
    "This asks about (or hints at) their love life. However lightly it's put, it reads as "
    "checking up on them."
)
SUGGESTION = (
    "Leave their new life to them. If you'd like to show you're okay, share something about yours."
)
# Words about someone's love life. They pry in a question ("new boyfriend?", "how's your
# love life?") or a hint ("heard you're engaged"), not in a congratulation.
PARTNER_WORDS = (
    "boyfriend|girlfriend|bf|gf|fiance|fiancee|fiancé|fiancée|husband|wife|missus|hubby|"
    "engaged|dating|hookup|hooking_up|love_life|dating_life|sex_life|someone_new|somebody_new|"
    "new_man|new_woman|new_guy|new_girl|new_bloke|a_thing|an_item|rebound|in_love|other_half|"
    "plus_one|lucky_guy|lucky_girl|new_squeeze|couple|cute_couple|power_couple|married|"
    "married_life|marriage"
)
MOVING_IN = "move|moving|moved in with him|her|them|<name>|someone|your_new"
WITH_THEM = "with him|her"  # only in a question: "are you going on holiday with him?"
_PRYING = frozenset({PARTNER_WORDS, MOVING_IN, WITH_THEM})
_HINTS = word_set(
    """
    heard saw seen noticed apparently rumour rumor spotted guess hear word posting posted
    posts pics photos stories insta instagram feed profile lately
    """
)
_YOU = word_set("you your yours yourself")
_KIN = word_set(
    """
    mum mom dad mother father sister brother cousin friend friends aunt uncle nan gran
    grandma boss colleague son daughter 's
    """
)
_GLAD = word_set("congratulations congrats congratulate")


def _sentence_start(draft: Draft, index: int) -> int:
    while index > 0 and draft.terms[index - 1] != BOUNDARY:
        index -= 1
    return index


def _pries(draft: Draft, hit: Hit) -> bool:
    """The words in _PRYING pry in a question, or in a hint about them ("heard you're
    engaged"); not when they are someone else's ("your sister's boyfriend") or next to a
    congratulation. The other phrases pry wherever they are."""
    if hit.pattern not in _PRYING:
        return True
    if _GLAD.intersection(nearby(draft, hit)):
        return False
    if _KIN.intersection(draft.terms[max(hit.first - 3, 0) : hit.first]):
        return False
    if hit_sentence(draft, hit) in draft.questions:  # a question is put to them
        return True
    sentence = set(sentence_terms(draft, hit))
    start = _sentence_start(draft, hit.first)
    previous = set(draft.terms[_sentence_start(draft, max(start - 1, 0)) : start])
    return bool(_HINTS & sentence) and bool(_YOU & (sentence | previous))


RULES = (
    Rule(
        id="jealousy_prying.love_life",
        category="jealousy_prying",
        severity=Severity.PROBLEM,
        message=MESSAGE,
        suggestion=SUGGESTION,
        phrases=(
            "saw|seen|spotted|noticed you ... with",
            "take|took|bring|brought|taking|bringing her|him to our",
            "is|was she|he the one",
            "are|r you [still] seeing|dating|with|sleeping_with|hooking_up_with|in_love_with "
            "someone|anyone|her|him|them|<name>",
            "seeing someone|anyone",
            "are|r you [still|even|already] dating|single",
            "is it|this|that|things serious #|with|between|now|yet",
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
            # Who they are with now, asked or hinted at.
            "you two|both|guys ... official|exclusive|a_thing|an_item|a_couple|together_now",
            "you_are|your|you_were|are_you|still single|taken [again|yet|now|#]",
            "single again|yet",
            "snapped you up",
            "off|back_on the market",
            "your [new] boyfriend|girlfriend|bf|gf|husband|wife|fiance|fiancee|date|missus|"
            "other_half|partner now|#",
            "does|did|is|would your [new] boyfriend|girlfriend|bf|gf|partner|other_half|man|"
            "woman|missus|fella know|mind|care|like",
            "the|your new man|woman|boyfriend|girlfriend|bf|gf|partner|squeeze|fella|beau|lady|"
            "flame|fling|love|lover|crush|bloke|other_half",
            "new man|woman|boyfriend|girlfriend|bf|gf|partner|fella|squeeze in your life",
            "brought|bring|bringing|took|take|taking someone|somebody|a_date|a_plus_one|a_girl|"
            "a_guy|a_woman|a_man|your_new to|along|home|with_you",
            "brought|bring|bringing|took|take|taking him|her|them home|to_meet|to_your_mum|"
            "to_your_mum's|to_your_parents|to_your_parents'|to_your_family|to_your_mom",
            "tagged|tagging|tags with|alongside|next_to ... guy|girl|woman|man|person|bloke|dude|"
            "lady|someone",
            "guy|girl|woman|man|bloke|dude|lady ... your stories|story|photos|pics|pictures|posts|"
            "feed|page|profile|snaps|insta|instagram",
            "in|on every|all ... your photos|pics|pictures|posts|stories|feed",
            "commenting|comments|commented|liking|likes|liked on ... your posts|photos|pics|"
            "pictures|stuff|everything|stories",
            "liked|likes|liking|like|follow|followed|following|commented_on|commenting_on "
            "her|his picture|photo|post|pic|pics|photos|posts|stuff|instagram|page",
            "who were|was you with",
            "who was|is with you",
            "who did you go with",
            "he|she|they is|are|'s treating|treats|treat|good_to|good_for|kind_to you",
            "better than me|i_did|i_ever_did|i_was|i_could",
            "is|was she|he [much|so_much|a_lot] prettier|hotter|nicer|funnier|smarter|younger|"
            "richer|better-looking|sexier|fitter|cooler|better than",
            "she|he is|was|'s [much|so_much|a_lot] prettier|hotter|nicer|funnier|smarter|younger|"
            "richer|better-looking|sexier|fitter|cooler|better than",
            "because of her|him #",
            "already|still|were|was seeing|dating|texting|talking_to|sleeping_with him|her|someone|"
            "<name>",
            "seeing|with|talking_to|texting|sleeping_with him|her|someone|<name> when|while we",
            "make|makes you laugh|smile|happy like i|the_way_i",
            "does|did|do|will he|she|they|<name> make|treat|love|understand|get|know you",
            "you and <name> ... cosy|cozy|close|loved-up|cute|happy|together|friendly|an_item|"
            "a_thing",
            "cosy|cozy|close|loved-up|cuddled_up|snuggled_up|all_over_each_other ... with "
            "him|her|<name>|that_guy|that_girl|someone",
            "is|was he|she|it_him|it_her|<name> the reason|why",
            "start|started|starting|begin|began|been seeing|dating|going_out_with|sleeping_with|"
            "hooking_up_with|talking_to|with her|him|someone|somebody|<name>",
            "have|did|if|whether you [have|already] met|found|meet|find someone|somebody|anyone",
            "met|meet|meeting|found someone|somebody new|special|else",
            "is|there's there|there_is [a|any] someone|somebody|anyone|anybody special|new|else",
            "anyone|anybody|someone|somebody special [in_your_life]",
            PARTNER_WORDS,
            MOVING_IN,
            WITH_THEM,
            "who is|'s|was|are taking|bringing|dating|seeing|kissing|sleeping_with you",
            "he|she|they stay|stays|staying|stayed over|the_night|at_yours",
            "you [are|'re|were] happier|happy|better_off with him|her|<name>",
            "does|did|would|will he|she|they know|care|mind about_us|about_me|you're_texting|"
            "you_are_texting|we",
        ),
        keep=_pries,
        should_flag=(
            "So who's the guy in all your stories lately?",
            "Are you dating anyone?",
            "Heard you were at the gig with someone, hope it was fun.",
            "Moved on pretty quickly, didn't you.",
            "Saw you at the pub on Friday. New boyfriend?",
            "So how's the love life these days? 😉",
        ),
        should_pass=(
            "Congratulations on the engagement, I'm really happy for you both.",
            "I heard you've met someone and I'm glad you're happy.",
            "Who is playing at the festival this year, do you know?",
            "How did your sister's boyfriend get on at the marathon?",
            "My cousin is dating a drummer now, which feels very on brand.",
        ),
    ),
)
