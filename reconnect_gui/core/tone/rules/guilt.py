"""guilt_trip: making them responsible for the sender's pain, or for what others feel."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, sentence_terms
from reconnect_gui.core.tone.text import BOUNDARY, Draft, word_set

BECAUSE_OF_YOU = "because of you|u"
# Someone else's tears or a bad night are a guilt trip only next to "you": "my dad was so
# upset when I told him, he liked you", not "my sister was upset about her exam".
KIN_UPSET = (
    "{kin} ... disappointed|heartbroken|devastated|gutted|crushed|upset|hurt|cries|cried|"
    "crying|tears|in_tears|sobbing"
)
WHILE_I = (
    "while i|some_of_us ... falling|crying|struggling|stuck|alone|suffering|barely|can_not|"
    "picking|drowning|sitting_here|lying|in_bed|here_alone"
)
_NEED_YOU = frozenset({KIN_UPSET, WHILE_I})
_YOU = word_set("you your yours")
_THANKS = word_set("thank thanks grateful glad proud love loved amazing")


def _blames_them(draft: Draft, hit: Hit) -> bool:
    """ "Because of you I tried climbing. Thank you!" is gratitude, not a guilt trip; and
    the phrases in _NEED_YOU need "you" in their sentence."""
    if hit.pattern in _NEED_YOU:
        return bool(_YOU.intersection(sentence_terms(draft, hit)))
    if hit.pattern != BECAUSE_OF_YOU:
        return True
    end, sentences = hit.last, 0
    while end + 1 < len(draft.terms) and sentences < 2:  # this sentence and the next
        end += 1
        sentences += draft.terms[end] == BOUNDARY
    return not _THANKS & set(draft.terms[hit.first : end + 1])


# A pet off its food is a guilt trip only when it's put down to them: "the dog won't eat
# since you left", not "hope the puppy isn't eating your shoes".
PET_UNSETTLED = "{pet} ... not eat|eaten|eating|sleep|settle|play|stop|been_the_same"
_SINCE = word_set("since without left gone misses missing")

# Phrases that are about someone else only when someone else is named: "the kids ask why
# you…", "the dog still waits at the door", not "I wanted to ask if you…".
ABOUT_OTHERS = (
    "ask|asks|asked|asking|wonder|wonders|wondering ... why|where|when|whether|if you|your",
    "ask|asks|asked|asking|cries|cried|crying|looks|looking for|after you",
    "ask|asks|asked|asking about|after|for you every|all_the_time|constantly|daily|nonstop|"
    "again|still|non-stop",
    PET_UNSETTLED,
    "cries|crying|whines|whining|waits|waiting|sits|sitting|sleeps|sleeping|howls|barks at|by "
    "the|your door|window|spot|side",
    "still|always|keeps|keep ... window|door|for_you|your_side|your_spot|your_chair|your_bed|"
    "your_coat|your_car",
)
_OTHERS = word_set(
    """
    mum mom mother dad father parents family sister brother nan gran grandma grandmother
    grandpa aunt auntie uncle cousin friends kids children son daughter everyone everybody
    people dog cat puppy pup kitten bunny rabbit hamster parrot he she they nephew niece
    grandad granddad
    """
)


def _someone_else(draft: Draft, hit: Hit) -> bool:
    """The phrases in ABOUT_OTHERS count only when someone else (family, friends, a pet) is
    named in their sentence, just before them."""
    if hit.pattern not in ABOUT_OTHERS:
        return True
    if hit.pattern == PET_UNSETTLED and not _SINCE.intersection(sentence_terms(draft, hit)):
        return False
    around = draft.terms[max(hit.first - 12, 0) : hit.last + 1]
    return bool(_OTHERS & set(around)) and bool(_OTHERS & set(sentence_terms(draft, hit)))


SUGGESTION = (
    "Take out the line about how hard it's been, or what others feel about it. Share "
    "something from today that's going okay."
)

RULES = (
    Rule(
        id="guilt_trip.your_doing",
        category="guilt_trip",
        severity=Severity.PROBLEM,
        message=(
            "This lays your pain at their door, as if it were theirs to fix. Even when it's "
            "true, they'll feel blamed rather than invited."
        ),
        suggestion=SUGGESTION,
        phrases=(
            "because of you|u #",
            BECAUSE_OF_YOU,
            "because of all_this|all_of_this|what_you_did|the_breakup|us",
            "on medication|antidepressants|sleeping_pills",
            "in therapy ... since|because",
            "my therapist|doctor|gp|counsellor|counselor|psychiatrist says|thinks|said|told_me",
            "since|after you left|went ... had_to|lost|stopped",
            "because|cause|cos i am|have|do|can not #",
            "some of us #",
            "i|me deserved|deserve [so_much] better #|than",
            "but|not_that you would_not|wouldn't|do_not|don't|did_not|didn't|never know|care|"
            "notice|ask #|that|it|about_that",
            "what you put me through",
            "if you [ever|really|actually|even] loved|cared_about|cared_for|respected me",
            "if you [ever|really|actually|even] cared|care at_all|#|about_me|even_a_little",
            "replied|answered|called|texted|written|rung by now",
            "back on the wine|booze|drink|bottle|pills|cigarettes",
            "what the relationship did",
            "what you did to me",
            "do you know|have_any_idea|have_no_idea how that|it|much|hard felt|feels|hurt|was",
            "you have no idea how|what",
            "do you even care|know",
            "hope {you_are} happy #",
            "hope {you_are} happy now|with",
            "to make you feel bad|guilty|sorry",
            "not blaming you",
            "i just think you should know",
            "thought you should know",
            "you decided i don't deserve",
            "didn't think i deserved",
            "deserved to know",
            "after everything i did|gave|sacrificed|gave_up",
            "i gave up ... for you",
            "i did everything",
            "some of us are still",
            "wouldn't|won't kill you",
            "assume you hate me",
            "take that as your answer|a_no",
            "won't|will_not|never contact|text|message you again|ever_again",
            "you'll|you_will never hear from me",
            "it's sad you|that_you",
            "how lucky they are|you_are|you_were",
            "i certainly did",
            "i've|i_have been [so|very|really] patient",
            "not that you care|'d_care|cared|would_care|give_a|even_care|ever_cared",
            "knowing what you did|'ve_done|have_done|did_to",
            "how do|can you sleep|live_with_yourself",
            "antidepressants|anti-depressants|sleeping_pills|sleeping_tablets|anxiety_meds|"
            "anxiety_medication",
            "put|started me on medication|meds|tablets|pills|antidepressants|sleeping_pills",
            "panic|anxiety attack|attacks",
            "a [really|very|pretty] dark place",
            "cries|cried|crying|sobbed|sobbing|upset|heartbroken|devastated|gutted|disappointed "
            "about|over|because_of you|us|what_you|the_breakup",
            KIN_UPSET,
            "not stopped|stop asking|talking|crying|going_on about|after|for you",
            "would|could have been nice|good|great|decent|kind|lovely|polite #|if_you|of_you|"
            "to_hear_from_you|to_get_a",
            "i|me [just|even] wasn't|was_not|am_not|not worth",
            "not worth a|your|even|a_single call|phone_call|text|reply|message|goodbye|"
            "explanation|minute",
            "pick|picking|picked up the pieces",
            WHILE_I,
            "how much|badly|deeply you hurt|broke|damaged|destroyed|cost",
            "still paying|paying_off|paying_for ... you|your",
            "nobody|no_one else would|will|could|'d [have|ever] put_up_with|love|want|care|stay",
            "all|everything|what i did|'ve_done|have_done|gave|sacrificed|put_up_with for you",
            "the least you could|can do",
            "what you did|'ve_done|have_done to me|us|this_family|our_family|the_kids|my_family|"
            "them|everyone",
            "after|because_of|since|over what you did|'ve_done|have_done|said|put_me_through",
            "done to me|us|my_family|the_kids",
            "weight|a_stone|kilos|pounds since|after|because you|we|the_breakup|us|it_ended",
            "signed off work|sick|with",
            "off work|sick with|because_of stress|anxiety|depression",
        ),
        keep=_blames_them,
        should_flag=(
            "I'm on sleeping pills now because of all this, just so you know.",
            "I hope you're happy with how everything turned out.",
            "After everything I gave up for you, a text would have been nice.",
            "If you don't reply I'll take that as a no and never text you again.",
            "I had to move back in with my parents because of you.",
        ),
        should_pass=(
            "I hope you're happy and that the new city is treating you well.",
            "I've been seeing a therapist and it's helped me a lot, I'd recommend it to anyone.",
            "I thought you'd want to know the landlord is finally fixing the boiler.",
            "Because of you I finally tried climbing. Thank you!",
        ),
    ),
    Rule(
        id="guilt_trip.others_miss_you",
        category="guilt_trip",
        severity=Severity.PROBLEM,
        message=(
            "This brings in how others (family, friends, a pet) are taking the breakup. "
            "It reads as pressure through them."
        ),
        suggestion=SUGGESTION,
        phrases=(
            "keep|keeps|kept|still|always asking|asks|ask about|where|after|why|what|if|whether|"
            "how",
            "everyone|everybody|people ... asks|ask|asked|asking where|about|after|why you",
            "everyone|everybody|people keeps|kept|keep asking",
            "don't|didn't know what to tell|say her|him|them|the_kids|everyone|people|#",
            "still|keeps|always waits|waiting|looks|looking|sits|sitting|cries|crying|searches "
            "for|by ... you|the_door",
            "{pet} misses|missed you",
            "waiting|waits|looking|looks|searching for you|u every|#|to_come_home|at_the_door",
            "misses you so|terribly|every|like_crazy|#",
            "so fond of you",
            "loved you like",
            "we always said|talked_about|planned we'd|we_would",
            "was|were supposed to be us|ours|me",
            "should have been us|me",
            *ABOUT_OTHERS,
            "he|she|they|everyone|the_kids [really|all|always] liked|loved|adored you",
        ),
        keep=_someone_else,
        should_flag=(
            "Dad keeps asking where you are at Sunday lunch.",
            "The cat still sits by the window waiting for you.",
            "We always said we'd go to Japan together, and now she's going with you.",
            "The kids ask every night why you don't come anymore.",
        ),
        should_pass=(
            "My sister says hi, she's still laughing about the karaoke night.",
            "Gran asked about you the other day and I realised I never asked about your exams.",
            "The dog is doing great, she's finally learned to sit.",
            "I wanted to ask if you still have the plumber's number.",
            "Hope the new puppy isn't eating all your shoes.",
        ),
    ),
)
