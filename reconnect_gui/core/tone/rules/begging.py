"""begging: pleading for contact, for another chance, or bargaining to be taken back."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, sentence_terms
from reconnect_gui.core.tone.text import Draft, word_set

BEGGING = "i'm|am begging"
DO_ANYTHING = (
    "i'll|i_will|i_would|i'd [literally|absolutely|honestly|seriously] do anything|whatever"
)
_SOMEONE_ELSE = word_set("my his her their the a an them him")
_PERSONAL = word_set("i me my we us our you your")
_WHAT_A_PLEA_ASKS = word_set("chance shot go try second last")


def _term(draft: Draft, index: int) -> str:
    return draft.terms[index] if 0 <= index < len(draft.terms) else "#"


def _pleading(draft: Draft, hit: Hit) -> bool:
    """ "I'm begging you" pleads; "I'm begging my boss for Fridays off" is a story."""
    return not (hit.pattern == BEGGING and _term(draft, hit.last + 1) in _SOMEONE_ELSE)


def _personal(draft: Draft, hit: Hit) -> bool:
    """A chance for "me" or "us", not "another chance to see the northern lights"."""
    return bool(_PERSONAL & set(sentence_terms(draft, hit)))


def _not_a_wish(draft: Draft, hit: Hit) -> bool:
    """ "I'd do anything for a sunny weekend" is a wish, not a bargain."""
    if hit.pattern != DO_ANYTHING or _term(draft, hit.last + 1) != "for":
        return True
    thing = _term(draft, hit.last + 2)
    return thing not in ("a", "an", "some", "the") or _term(draft, hit.last + 3) in (
        _WHAT_A_PLEA_ASKS
    )


RULES = (
    Rule(
        id="begging.plea",
        category="begging",
        severity=Severity.PROBLEM,
        message=(
            "This pleads with them. Pleading puts the weight of your feelings on them, and "
            "it usually makes a reply harder, not easier."
        ),
        suggestion=(
            "Leave the plea out. A calm line about your life and a light question about "
            "theirs gives them something easy to answer."
        ),
        phrases=(
            "please please",
            "# please i|we|you",
            "i [just] want|need to talk|explain #",
            "i just want|need to talk|see_you|hear_your_voice|explain",
            "give me <num> minutes|seconds",
            "please [just] talk|speak to me",
            "please [just] call|text|answer|reply|respond|message|ring me|back",
            "please [just] reply|respond|answer|write_back|get_back_to_me",
            "please [just] come back|home|over",
            "please [just] forgive|believe|hear|see me",
            "please just",
            "please don't leave|go|ignore|shut|block|hate|forget|push|give_up|do_this|let|end|"
            "make|throw|walk",
            "please let me explain|see|talk|make|prove|show|try|fix|in|come|back",
            "please tell me why|what|you|if|the_truth #",
            "please tell me #",
            "# please #",
            "me please #",
            BEGGING,
            "i beg you|u",
            "begging you",
            "on my knees",
            "just talk to me",
            "don't shut me out",
            "don't leave me",
            "don't give up on us|me|this",
            "don't shut the door",
            "let me explain",
            "hear me out",
            "even [just] once|five_minutes|a_minute|ten_minutes|for_a_minute",
            "just once #",
            "just this once",
            "i'm [just] asking you to|for",
            "not asking for much|a_lot|anything_else",
            "won't|will_never bother you again|ever_again",
            "i'm|i_am [just|only|simply] asking you|u #|just|please|one|once|again|nicely|"
            "one_more_time|one_last_time",
            "plead|pleading|pleaded|implore|imploring with|you",
            "just one|one_more|one_last coffee|drink|conversation|call|chat|talk|minute|hour|"
            "night|dinner|walk|meeting|hug|kiss",
            "that's|that_is all i ask|want|need|'m_asking|am_asking",
            "just let me see|talk|speak|hold|hug|call|meet|explain|make_it|fix|prove|try|come|be|"
            "in|back",
            "once more #",
            "one more|last time #",
            "mean the_world|everything|so_much ... if|to_hear|to_see",
            "have|get|win|got you back",
            "reconsider|rethink|think_again|change_your_mind|think_it_over #",
            "please reconsider|rethink",
            "# [just|please] say you'll|you_will|you'd|you_would|yes|you_forgive|you_still|"
            "you_miss|you_love|it's_not_over",
            "make it up to you",
            "won't|will_not|never ask [you] for anything|more|much|again",
            "find it in your heart",
            "for old times|time's|time sake",
            "just meet|see|talk_to|call me once|one_more_time|one_last_time",
            "can not lose you|us",
        ),
        keep=_pleading,
        should_flag=(
            "please please just pick up, I need to hear your voice",
            "Please. I'm begging you, give me a minute of your time.",
            "pls just talk to me",
            "Don't shut me out, not after everything.",
            "Hear me out, even for five minutes.",
            "Just let me see you once more.",
        ),
        should_pass=(
            "Please give my love to your parents when you see them.",
            "Could you please send the lease papers to my new address?",
            "Please don't feel you have to reply. I just wanted to say congratulations.",
            "Let me know if the key doesn't turn up and I'll check again.",
            "I'm begging my boss for Fridays off, wish me luck haha.",
            "Just once I'd like the trains to run on time.",
        ),
    ),
    Rule(
        id="begging.another_chance",
        category="begging",
        severity=Severity.PROBLEM,
        message=(
            "This asks them to take you back. A first message works better when it asks "
            "nothing of them."
        ),
        suggestion=(
            "Try sharing something light from your life and a question about theirs; whether "
            "there's more to say can be their choice, later."
        ),
        phrases=(
            "one_more|another|one_last|a_second|a_last|a_new|a_fresh chance",
            "give me|us|this|it a chance",
            "give me a chance to",
            "take me back",
            "give|gave me|us [just] a|one chance|opportunity",
            "give|gave me|us [just] one_more|another|one_last|a_second|a_last|a_fresh|a_new "
            "chance|shot|go|try|opportunity",
        ),
        keep=_personal,
        should_flag=(
            "I know I hurt you but I deserve a second chance.",
            "just give me one last chance to prove it",
            "Could you take me back if I show you I've grown?",
            "Could you find it in your heart to give me another go?",
        ),
        should_pass=(
            "Fingers crossed the second interview goes well, you've got every chance.",
            "Any chance you still have the number for the plumber we used?",
            "Another chance to see the northern lights this week, apparently.",
        ),
    ),
    Rule(
        id="begging.bargain",
        category="begging",
        severity=Severity.PROBLEM,
        message=(
            "This offers a deal to win them back. Promises like these read as pressure, "
            "however sincerely you mean them."
        ),
        suggestion=(
            "Let any change show in how you write: calm, brief, and about something other "
            "than the two of you."
        ),
        phrases=(
            DO_ANYTHING,
            "whatever it takes",
            "i'll|i_will|i_promise_i'll|i_promise_i_will change",
            "i'll|i_will|i_can|i_promise_to be better|do_better|be_different",
            "anything you want|need #",
            "i promise|swear [to_god|on_my_life|on_everything] i'll|i_will|i_won't|i_will_never|"
            "i_am|i'm|it'll|it_will|things_will",
            "be|do [so_much|much|a_lot] different|better|differently this|next time",
            "whatever|anything you want|need|say|ask [from_me|of_me] i'll|i_will|i_can|i_would|i'd",
        ),
        keep=_not_a_wish,
        should_flag=(
            "I'll do anything to fix it, just tell me what.",
            "I can be better for you, I promise I'll never do that again.",
            "whatever it takes, I'm in",
            "I swear I'll be different this time.",
        ),
        should_pass=(
            "I'm doing much better these days, thanks to a lot of long walks.",
            "If you need anything for the move, Sam has a van.",
            "I'd do anything for a sunny weekend right now.",
        ),
    ),
)
