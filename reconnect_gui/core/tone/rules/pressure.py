"""pressure: demands, deadlines and ultimatums, dates they never agreed to, turning up.

"No pressure at all" on its own is kind; "no pressure, but…" followed by a condition is not.
"""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="pressure.demand",
        category="pressure",
        severity="problem",
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
            "i need|want|deserve [an|some|the] answer|answers|explanation|truth|closure",
            "i need|want|have_to to know why|what|the_truth|where|#",
            "you owe me",
            "i [think_i] deserve an_explanation|answers|the_truth|to_know|that_much|better|"
            "a_conversation|closure|an_answer|a_reply|a_response|respect|more",
            "explain yourself",
            "don't you dare",
            "ignore this|my message|text",
            "tell me why",
            "tell me the truth",
        ),
        should_flag=(
            "Text me back tonight, it's important.",
            "You have to tell me what happened with Sam.",
            "I deserve an explanation, don't you think?",
            "I want answers.",
        ),
        should_pass=(
            "No need to reply, I just wanted to say good luck tomorrow.",
            "Let me know if you'd like the photos, whenever suits.",
            "I'd like to hear how the new job is going, if you feel like it.",
        ),
    ),
    Rule(
        id="pressure.ultimatum",
        category="pressure",
        severity="problem",
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
        ),
        should_flag=(
            "If you don't reply by Monday I'm deleting your number.",
            "This is your last chance to explain.",
            "No pressure, but if I don't hear back I'll assume the worst.",
        ),
        should_pass=(
            "No pressure at all, and totally fine if not.",
            "The parcel should arrive by Friday, I've sent it tracked.",
            "Good luck with the exam, last one before the holidays!",
        ),
    ),
    Rule(
        id="pressure.showing_up",
        category="pressure",
        severity="problem",
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
            "i booked|reserved|got_us",
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
        ),
        should_flag=(
            "I'm outside your flat, can you come down?",
            "I'll come to your office at lunch so we can sort this out.",
            "I've booked a table for Saturday at 7, see you there.",
        ),
        should_pass=(
            "I'll be at Mia's barbecue on Sunday, just so it isn't a surprise.",
            "If you ever fancy a coffee, let me know, and no worries if not.",
            "I'll leave the box with your brother on Saturday.",
        ),
    ),
)
