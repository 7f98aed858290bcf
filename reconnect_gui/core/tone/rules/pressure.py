"""pressure: demands, deadlines and ultimatums, dates they never agreed to, turning up.

"No pressure at all" on its own is kind; "no pressure, but…" followed by a condition is not.
"""

from __future__ import annotations

from itertools import pairwise

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import (
    WORDS_TO_THEM,
    Rule,
    nearby,
    negated,
    sentence_terms,
    words_before,
)
from reconnect_gui.core.tone.text import Draft, word_set

# Words that show a message is about meeting up.
_MEETING = word_set(
    """
    meet meeting coffee drink drinks dinner lunch brunch see free works suits better come
    call talk catch date
    """
)
# Word pairs that give them an easy way out: "no worries if not", "no pressure at all".
_EASY_OUT = frozenset(
    {
        ("no", "pressure"),
        ("no", "worries"),
        ("no", "rush"),
        ("if", "not"),
        ("totally", "fine"),
        ("completely", "fine"),
        ("no", "problem"),
        ("whenever", "suits"),
        ("whenever", "works"),
        ("whatever", "suits"),
        ("whatever", "works"),
        ("up", "to"),
        ("fine", "if"),
        ("no", "obligation"),
    }
)


# Phrases that press only after a word asking for a reply earlier in the sentence:
# "call me the moment you land", "let me know by Friday" (not "it arrives by Friday").
ONCE_YOU = (
    "when|as_soon_as|the_moment|the_second|the_minute|once|whenever you see|get|read|wake|"
    "land|finish|are_home|get_home"
)
BY_WHEN = (
    "by|before|within tonight|tomorrow|<day>|midnight|noon|the_end|the_weekend|the_hour|"
    "an_hour|<num>"
)
_REPLY = word_set(
    """
    answer reply respond call text ring message write back know tell decide decision word
    hear phone
    """
)
_NEEDS_A_REQUEST = frozenset({ONCE_YOU, BY_WHEN})
_PRACTICAL_SUBJECT = word_set("about regarding re")


def _asked(draft: Draft, hit: Hit) -> bool:
    """ "Don't feel you need to reply" is the opposite of a demand, and "by Friday" is a
    deadline only when something is asked for before it."""
    if hit.pattern in _NEEDS_A_REQUEST:
        before = words_before(draft, hit, reach=12)
        # "let me know about the school trip by Friday" asks about a practical matter.
        return bool(_REPLY & before) and not _PRACTICAL_SUBJECT & before
    return not (draft.terms[hit.first] == "you" and negated(draft, hit))


def _easy_out(draft: Draft, hit: Hit) -> bool:
    """An easy way out near the hit: "no worries if not"."""
    return any(pair in _EASY_OUT for pair in pairwise(nearby(draft, hit)))


# A meeting set for a day or a time: "dinner Friday at 7", "let's get coffee tomorrow".
MEET = (
    "dinner|drinks|a_drink|coffee|a_coffee|lunch|brunch|meet|meet_up|come_over|come_round|"
    "pick_you_up|a_walk|a_date"
)
MEET_ON_A_DAY = (f"{MEET} ... {{weekday}}", f"{MEET} ... at <num>", f"{{weekday}} ... {MEET}")
DAY_OR_DAY = "{weekday} or|or_maybe|and {weekday}"
_TOGETHER = word_set("we us let you me")
_PAST = word_set("had went was were did last")
_HEADS_UP = word_set("awkward surprise heads")


def _set_for_them(draft: Draft, hit: Hit) -> bool:
    """A day set for meeting them, or a choice of days to meet, is pressure unless the
    message gives an easy way out. Not "we had dinner on Friday" (the past)."""
    if hit.pattern == DAY_OR_DAY:
        return bool(_MEETING & set(sentence_terms(draft, hit))) and not _easy_out(draft, hit)
    if hit.pattern in MEET_ON_A_DAY:
        terms = set(sentence_terms(draft, hit))
        if "'s" in draft.terms[max(hit.first - 3, 0) : hit.first] or _HEADS_UP & terms:
            return False  # "I'll be at Dom's birthday drinks, so it's not awkward"
        return bool(_TOGETHER & terms) and not _PAST & terms and not _easy_out(draft, hit)
    return True


RULES = (
    Rule(
        id="pressure.demand",
        category="pressure",
        severity=Severity.PROBLEM,
        message=(
            "This asks for something right away: a call, an answer, an explanation. A first "
            "message goes better when it leaves them free to reply in their own time, or not."
        ),
        suggestion=(
            "Drop the demand. If you'd like to hear from them, say so lightly and give them "
            'an easy way out, like "no pressure at all".'
        ),
        phrases=(
            "call|text|answer|ring|message me tonight|now|right_now|asap|today|immediately|back",
            "call|text|answer|ring|message me as soon as|the_moment|when_you_get_this",
            "as soon as you get|see|read this",
            "# call|text|answer me #",
            "you have_to|need_to|'ve_got_to|better|must call|text|ring|answer|tell|meet|see|"
            "message me",
            "you have_to|need_to|'ve_got_to|must reply|respond|explain|talk_to_me|pick_up",
            "answer me",
            "just answer|reply|respond",
            "pick up [the_phone|your_phone] #",
            "i need|want|deserve [an|some|the|your] answer|answers|explanation|truth|closure|"
            "decision|reply",
            "i need|want|have_to to know why|what|the_truth|where|#",
            "you owe me",
            "i [think_i] deserve an_explanation|answers|the_truth|to_know|that_much|better|"
            "a_conversation|closure|an_answer|a_reply|a_response|respect|more",
            "explain yourself",
            "don't you dare",
            "ignore this|my message|text",
            "tell me why",
            "tell me the truth",
            "i need_to|have_to|must|really_need_to see you",
            "call|text|answer|ring|message|phone|get_back_to|reply_to|write_to me right_after|"
            "straight_after|first_thing",
            "get back to me today|tonight|now|asap|right_away|straight_away|immediately",
            ONCE_YOU,
            "it's|it_is a simple|straight yes_or_no|question",
            "simple|straight yes or no",
            "just tell me #|why|what_happened|the_truth|yes|straight|honestly|what_i_did|one_thing",
            "i expect|'m_expecting|am_expecting [a|an|your|some|to] reply|answer|call|response|"
            "text|explanation|hear|apology|answers|you_to",
            "answer|pick_up your phone|calls|texts|messages|the_phone",
            "can not|won't_be_able_to avoid|ignore|hide_from|run_from|dodge me|this|it forever|"
            "for_ever|much_longer",
            "can not|can't keep avoiding|ignoring|dodging|hiding_from me",
        ),
        keep=_asked,
        kinds=WORDS_TO_THEM,  # in logistics a practical deadline is fine
        should_flag=(
            "Text me back tonight, it's important.",
            "You have to tell me what happened with Sam.",
            "I deserve an explanation, don't you think?",
            "I want answers.",
            "Ring me the second you get home.",
        ),
        should_pass=(
            "No need to reply, I just wanted to say good luck tomorrow.",
            "Let me know if you'd like the photos, whenever suits.",
            "I'd like to hear how the new job is going, if you feel like it.",
            "Please don't feel you need to reply, I just wanted to say congrats.",
        ),
    ),
    Rule(
        id="pressure.ultimatum",
        category="pressure",
        severity=Severity.PROBLEM,
        message=(
            'This sets a deadline or an "or else". Ultimatums push people away, even when '
            "they come from hurt."
        ),
        suggestion=(
            "Take out the condition and the date. If you need to stop waiting, that's a "
            "decision for you, not a message to them."
        ),
        phrases=(
            "or i'm|i_will|i'll done|finished|gone|leaving|moving_on|giving_up|blocking",
            "or else",
            "or what #",
            "last chance",
            "decide now|tonight|today",
            "you need to decide",
            "answer|reply|respond|decide|hear_back|hear_from_you|call|text ... by <day>",
            "answer|reply|respond|decide|hear_back|hear_from_you|call|text ... by the end",
            "if i don't hear [back|from_you]",
            "if you don't answer|reply|respond|call|text|write",
            "i'll|i_will take that|your_silence as",
            "not waiting [around] forever",
            "i won't|will_not|can't wait forever|much_longer|around",
            "whether you like it or not",
            "no pressure but",
            BY_WHEN,
            "you have|'ve_got|have_got|got until|till|til",
            "until|till|til ... to decide|answer|reply|respond|make_up_your_mind|get_back|"
            "let_me_know|call|text|tell_me",
            "until|till|til you [finally|actually] answer|reply|respond|pick_up|talk_to_me|"
            "call_me|text_me|agree|see_me|meet_me|say_yes|open_the_door|listen|let_me|give_me|"
            "explain|show_up|turn_up|come_out|come_down|talk|decide|forgive_me|speak_to_me",
            "or i'm|i_am|i'll|i_will [just] calling|call|coming|come|turning_up|showing_up|"
            "telling|tell|assume|block|delete|drive|message",
            "no excuses|ifs_or_buts",
            "i'll|i_will|i'm_going_to keep texting|calling|messaging|ringing|trying|asking|"
            "coming|writing",
            "not leaving|going_anywhere|going|moving|budging|giving_up until|till|unless",
            "give|giving|gave you until|till|til",
            "whether you like|want ... or not",
            "like it or not",
            "don't|do_not make me come|call|turn_up|show_up|do_this|come_over|come_round",
            "don't|do_not be late",
            "i'll|i_will|i'm|i_am|i'm_going_to be|wait|waiting ... after|outside|at|by your shift|"
            "class|work|office|lecture|practice|gym|house|flat|place|school|door",
        ),
        keep=_asked,
        kinds=WORDS_TO_THEM,  # in logistics a practical deadline is fine
        should_flag=(
            "If you don't reply by Monday I'm deleting your number.",
            "This is your last chance to explain.",
            "No pressure, but if I don't hear back I'll assume the worst.",
            "Let me know by tonight, I can't keep waiting.",
        ),
        should_pass=(
            "No pressure at all, and totally fine if not.",
            "The parcel should arrive by Friday, I've sent it tracked.",
            "Good luck with the exam, last one before the holidays!",
            "The landlord needs the meter reading by Friday, I've sent it already.",
        ),
    ),
    Rule(
        id="pressure.showing_up",
        category="pressure",
        severity=Severity.PROBLEM,
        message=(
            "This sets a time or place they haven't agreed to, or turns up where they are. "
            "That takes the choice away from them."
        ),
        suggestion=(
            "If you'd like to meet, offer it as an open invitation that's easy to decline, "
            "and let them choose the when and where."
        ),
        phrases=(
            "i'm|i'll_be|i_will_be|i'll_wait|i'm_waiting|i'm_standing|i'm_sitting outside",
            "outside your place|house|flat|building|work|office|door|apartment|window|gym",
            "i'll|i_will|i'm_going_to|i'm|i'll_come|i'm_coming be|come|go|drop|turn_up|show_up "
            "at|to|by|round your place|house|flat|building|work|office|door|apartment|parents",
            "i'm|i_am coming to|round your",
            "drop by your place|house|flat|work|office",
            "see you then|there #",
            "booked|reserved a table",
            "i'll|i_will be there either_way|anyway|regardless|no_matter_what",
            "i'll|i_will|i'm_going_to call|ring you on|at|tonight|tomorrow|<day>",
            "i'll be waiting",
            "when your train|flight|plane|bus|coach gets_in|lands|arrives|comes_in",
            "i'll meet you at|off|outside",
            "can|could we meet|meet_up|see_each_other|get_together this|tonight|tomorrow|<day>",
            "meet me at|tonight|tomorrow|once|for|this|<day>",
            "if you [just] meet me",
            "come down|outside for|#",
            "# come down|outside",
            "downstairs|nearby|around_the_corner|round_the_corner|across_the_road from|near|to|by "
            "your place|house|flat|building|work|office|apartment",
            "i'll|i_will|i'm_going_to|i'm|i_am|i'll_come|i'm_coming|come|go|drop|turn_up|show_up "
            "by|round|to your {kin}",
            "i'm|i_am|i'll|i_will|i'm_going_to coming|come|swing|swinging round|over|by #|tonight|"
            "tomorrow|later|after|at|to_yours|yours|your|to_see_you|so_we|and_we|<day>",
            "i'll|i_will come to you|yours",
            "i'll|i_will|i'm|i_am|i'm_going_to wait|waiting|be_waiting ... "
            "outside|at_your|by_your|for_you_at|for_you_outside|after_your|until_you",
            "i'm|i'll|i_will|i_am|i'm_going_to picking|pick|collect|collecting you [up] from|at|"
            "after|outside|up",
            "we can|could|'ll|will talk|chat|sort_it|sort_this|sort_things|sort_it_out|catch_up "
            "then|there|after|afterwards|in_person|face_to_face",
            "we're|we_are|we_will|we'll|we_need_to|we_have_to|we_must meeting|meet|see_each_other|"
            "talk_face_to_face ... this|tonight|tomorrow|<day>|in_person|face_to_face|properly",
            "when can|could|shall|should we meet|see_each_other|get_together|meet_up|catch_up|"
            "grab_a|get_a_drink|get_coffee|have_dinner|go_out",
            "pick|choose|name a day|time|date",
            DAY_OR_DAY,
            *MEET_ON_A_DAY,
            "meet me there|here|outside|by|in|after|later",
            "# [just] be at|outside|waiting",
            "when|what_time i can|could|should come_over|come_round|see_you|meet_you|pick_you_up",
            "book+|reserve+ [us] [a|the] table|tickets|seats|room",
            "bought|got us tickets|seats|a_table",
            "tickets|a_table|seats|a_room for us|both_of_us|the_two_of_us|two",
            "you're|you_are coming #|with_me",
        ),
        keep=_set_for_them,
        should_flag=(
            "I'm outside your flat, can you come down?",
            "I'll come to your office at lunch so we can sort this out.",
            "I've booked a table for Saturday at 7, see you there.",
            "Tuesday or Wednesday for coffee? Let me know which.",
            "I'm coming round tomorrow after work.",
        ),
        should_pass=(
            "I'll be at Mia's barbecue on Sunday, just so it isn't a surprise.",
            "If you ever fancy a coffee, let me know, and no worries if not.",
            "I'll leave the box with your brother on Saturday.",
            "Fancy a coffee Saturday or Sunday? No worries at all if not.",
            "I booked a trip to Iceland finally! Hope you're well.",
        ),
    ),
)
