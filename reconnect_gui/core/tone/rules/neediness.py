"""neediness: missing them, not coping, dwelling on the past, asking for reassurance."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule
from reconnect_gui.core.tone.text import BOUNDARY, Draft

_STEADY = frozenset({"fine", "great", "better", "happier", "well", "ok", "good", "happy"})


def _not_pointed(draft: Draft, hit: Hit) -> bool:
    """ "fine without you" is a pointed remark (anger_blame), not neediness; "not doing
    great without you" is neediness again."""
    before = list(draft.terms[max(hit.first - 4, 0) : hit.first])
    if BOUNDARY in before:  # only the words of its own sentence
        before = before[len(before) - before[::-1].index(BOUNDARY) :]
    if not _STEADY & set(before[-2:]):
        return True
    return bool({"not", "never"} & set(before))


OFTEN = (
    "all_the_time|every_day|every_night|every_single_day|constantly|nonstop|every_minute|"
    "day_and_night|every_morning|all_day"
)
INTENSE = OFTEN + "|so_much|a_lot"

RULES = (
    Rule(
        id="neediness.missing",
        category="neediness",
        severity=Severity.WARNING,
        message=(
            "This tells them how much you miss them. It's honest, and in a first message it "
            "hands them your feelings to carry."
        ),
        suggestion=(
            "Keep missing them for your journal. Here, share something that's going well "
            "for you and ask about their world."
        ),
        phrases=(
            "i [really|still|just|so|do|kind_of|sort_of|honestly] miss|missing "
            "you|us|talking|having|hearing|seeing|being|waking|our|everything|your|him|her",
            "miss you|u so|sm|terribly|like_crazy|every_day|more|too|x|xx",
            "# miss you|u #",
            "[been] missing you",
            "wish you were here|still_here|with_me|around",
            "wish i could [just|still] see|hold|hug|call|talk_to|kiss|be_with you",
        ),
        should_flag=(
            "i miss ur laugh so much",
            "Been missing you lately, that's all.",
            "Wish you were here for the fireworks tonight.",
            "imy",
        ),
        should_pass=(
            "I'll miss the bakery on the corner when I move.",
            "Sorry I missed your call yesterday, here's the info on the gas bill.",
            "Hope the trip went well, Gran said you almost missed the train!",
        ),
    ),
    Rule(
        id="neediness.dwelling",
        category="neediness",
        severity=Severity.WARNING,
        message=(
            "This shows you're still living around them: the counting, the reminders, the "
            "things kept in place. They'll read it as a sign you're not ready for an easy "
            "hello."
        ),
        suggestion=(
            "Choose one light, present-day detail instead, and keep the rest for your journal."
        ),
        phrases=(
            "can't stop thinking|crying|missing|replaying|looking",
            f"think|thinking|thought about|of you|u|us {INTENSE}",
            f"think|thinking|thought about it|everything|that|that_day {OFTEN}",
            "been thinking about you|u",
            "thinking about you|u #",
            "everything|everywhere|it_all reminds|remind me of you|us",
            "every song|place|street|corner|room ... reminds|feels|makes|about|sounds",
            "reach|reaching|reached for you",
            "wake|waking|woke up reaching|thinking_about_you|thinking_of_you|next_to_you|"
            "without_you|missing_you|looking_for_you",
            "<num> days since",
            "been <num> days",
            "i counted|i've_counted|i_have_counted|counting_the_days",
            "crossed ... off",
            "days since you",
            "two mugs|cups|toothbrushes|plates|pillows",
            "my|your side of the bed",
            "still sleep|sleeping|wear|wearing in|on|with your",
            "reread|rereading|reading_through our|your old",
            "our old messages|texts|photos|chats|letters",
            "look|looking|looked at our|your [old] photos|pictures|messages|texts|pics",
            "stare|staring|stared at your|our photo|picture|pic|face",
            "look|looking at your|our photo|picture|pic|face",
            "wear|wearing|sleep_in|sleeping_in it|them to_bed|to_sleep|every_night|every_day|"
            "all_the_time",
            "part|piece of me is|went|left|died missing|gone|with|dead|empty|#",
            "before i remember",
            "i keep|can't_stop replaying|reliving|rereading|going_over|checking|thinking_about",
            "every [single] day since",
            "haven't|have_not had the heart",
            "can't bring myself to",
            "for a second i forget",
            "our song",
            "first person i [want|wanted] [to] tell|call|text",
            "it all came back",
            "how much ... meant|means to me",
            "i know i shouldn't|should_not be texting|writing|messaging|doing_this|contacting",
            "i told myself i wouldn't",
            "not hearing from you",
            "not talking to you #",
            "i'll [always] wait for you",
            "however long it takes",
            "i'll always be here|there|waiting",
            "i'm not going anywhere",
            "not a day|night|morning|minute|moment|hour goes|passes [by]",
            "a day|night doesn't|does_not go|pass [by]",
            "first|last thing i think|hear",
            "{you_are} the first|last thing|person i_think|i_see|i_want|on_my_mind",
            "saved|still_have|listen_to|listening_to|listened_to|replay|replaying|keep your|our|"
            "old voicemail|voicemails|voice_note|voice_notes|voice_messages|videos",
            "drove|drive|driving|walked|walk|walking|went|go|going past|by your street|house|"
            "place|flat|work|office|building|window",
            "feel|be close|closer|near to you",
            "nothing is|has|feels [been] the_same|right",
            "not been|the|felt the same since|without",
            "hope|hoping|wish|wishing|pray|praying it's|it_is|it_was|it_will_be|it'll_be you",
            "every time my|the phone buzzes|rings|goes|lights_up|pings|vibrates",
            "dream|dreams|dreamt|dreamed|dreaming about|of you|us",
            "wear|wearing|sleep_in|sleeping_in|sleep_with|sleeping_with|smell|smelling|spray|"
            "spraying|hug|hugging your|ur perfume|aftershave|cologne|scent|pillow",
            "wear|wearing|sleep_in|sleeping_in|sleep_with|sleeping_with|hug|hugging your {item}",
            "just to feel_close|smell_you|feel_you|hear_your_voice|see_your_face",
            "hoping to bump|run into you",
            "watch|watched|watching|rewatch|rewatched|rewatching|scroll_through|scrolled_through|"
            "scrolling_through|listen_to|listened_to|listening_to|go_through|went_through|"
            "going_through our|your videos|photos|pictures|pics|messages|texts|chats|voice_notes|"
            "voicemails|songs|playlist",
            "still|always|keep|keeps look|looking|search|searching for you|your_face|your_car",
            "[me] [still|really|ever] think|thought|thinking about|of me|us #|sometimes|at_all|"
            "still|ever",
            "tell me you [still] think|miss|love|care|want|remember",
            "check|checking|checked|look_at|looking_at|stalk|stalking your profile|insta|"
            "instagram|page|stories|status|last_seen|location|socials|facebook|spotify",
            "hope|hoping|wish|wishing|pray|praying you'll|you_will|you'd|you_would|you text|call|"
            "message|reach_out|get_in_touch|come_back|miss_me|think_of_me",
            "i [still|really|honestly|constantly|always] think|keep_thinking about you|u|us",
            "keep|kept|keeping|saved|can't_delete|haven't_deleted|couldn't_delete your|our "
            "number|texts|messages|voicemails|letters|photos|pictures|chats|cards|notes",
            "lock_screen|lockscreen|wallpaper|screensaver|home_screen ... our|your|you",
        ),
        should_flag=(
            "It's been 52 days. I know because I counted.",
            "I still sleep in your old jumper most nights.",
            "Every song on my playlist reminds me of you now.",
            "Some nights I reread our old messages just to hear you.",
            "It's strange not hearing from you after all that time.",
            "Not a day goes by that I don't think about you.",
        ),
        should_pass=(
            "Thinking of you and your family this week, I hope the funeral goes gently.",
            "The oak we planted is taller than the fence now, thought you'd like to know.",
            "Saw a sign for the cheese festival and thought of you, is it still on your list?",
            "I keep meaning to try that recipe you sent me ages ago.",
        ),
    ),
    Rule(
        id="neediness.struggling",
        category="neediness",
        severity=Severity.WARNING,
        message=(
            "This tells them you're struggling since the breakup. Your pain is real; a first "
            "message just isn't where it can be looked after."
        ),
        suggestion=(
            "Bring this to a friend, your journal or someone you trust. When you do write, "
            "write from a steadier day."
        ),
        phrases=(
            "can't|couldn't eat|sleep|breathe|focus|function|cope|concentrate|think_straight|"
            "get_out_of_bed|go_on|move_on",
            "haven't|have_not been able to eat|sleep|focus|function|stop|work|breathe|cope",
            "barely eat|eating|sleep|sleeping|slept|ate",
            "i'm|been|really|so struggling",
            "struggling without|since",
            "i'm not ok|fine|alright|coping",
            "i'm a mess|wreck",
            "falling apart",
            "heartbroken",
            "my heart is|feels broken|breaking|in_pieces",
            "it hurts|hurt so|too much",
            "it hurts #",
            "so lonely",
            "so|all|completely|feel alone",
            "spent ... alone #",
            "feels|feel empty",
            "everything is empty",
            "nothing feels right|the_same|real|okay",
            "half a person",
            "not|never|can't|couldn't|won't get over you",
            "i'm not over you",
            "who i am without you",
            "without you",
            "i [still|really|just] need you #",
            "i [still|really|just] need you back|so|here|now|right_now|in_my_life",
            "need to see|hear|hold you",
            "hear your voice",
            "cried|crying for|all|myself|every",
            "can't stop crying",
            "still cry|crying",
            "cry|crying every|myself|all",
            "trying not to cry",
            "in tears",
            "can't|couldn't|can_not|could_not even|really|barely eat|sleep|breathe|focus|function|"
            "cope|get_out_of_bed|get_up|go_on",
            "barely|hardly get_out_of_bed|function|cope|leave_the_house|get_up|get_through",
            "i [still|really|just|so] [really] need|needed to hear_from|hold|be_with you",
            "i'm|i_am|i've_been|been|i_have_been|i_was|i_feel_like a [total|complete|bit_of_a|"
            "absolute|mess|wreck] mess|wreck|shell",
            "not [been|feeling|felt] myself|the_same",
            "it [still] hurts|hurt|aches|stings so|like|every|too|more|#",
            "lost|nothing|broken|empty|incomplete|alone without you",
            "can not|can't imagine|picture|see my life|a_future|myself without you",
            "can not|could_not let_go|let_you_go|get_over_it|get_over_this|stop_loving_you",
            "barely|hardly left|leave|leaving the flat|house|bed|room|sofa|couch",
        ),
        keep=_not_pointed,
        should_flag=(
            "I can't sleep and I can't focus at work.",
            "honestly i'm not ok",
            "I just need to hear your voice one more time.",
            "Everything feels empty without you.",
            "I cried all the way home from the station.",
            "I'm not doing great without you, if I'm honest.",
        ),
        should_pass=(
            "Work is full on, but I'm sleeping well and running again.",
            "I hope the move wasn't too much, moving is exhausting.",
            "The film made the whole cinema cry, you'd have loved it.",
            "I need you to sign the insurance form when you get a chance.",
            "I'm doing great, the new routine really helps.",
        ),
    ),
    Rule(
        id="neediness.reassurance",
        category="neediness",
        severity=Severity.WARNING,
        message=(
            "This asks them how they feel about you. It's a hard question to answer kindly, "
            "so it often goes unanswered."
        ),
        suggestion="Ask about something in their life instead: easy, light and about them.",
        phrases=(
            "do|did you [ever|still|even] think about|of me",
            "do you [ever|still|even] miss me|us",
            "don't you [ever] miss me|us|think",
            "do you still care|love_me",
            "do you regret",
            "was i not|never enough",
            "did i [ever] mean anything|nothing",
            "did you ever love me",
            "are you over me",
            "was any of it real",
            "do i [ever] cross your mind",
            "ever cross your mind",
            "you still care|love|miss|want|think_about|think_of me|us|a_little|at_all|#|"
            "about_me|about_us|for_me",
            "any part|piece|bit of you",
            "you [ever|still|even] miss|missed me|us",
        ),
        should_flag=(
            "Do you even think of me anymore?",
            "Did I ever mean anything to you?",
            "Do I ever cross your mind?",
            "Is there any part of you that misses me?",
        ),
        should_pass=(
            "Do you still play five-a-side on Thursdays?",
            "Did the new job turn out as good as it sounded?",
            "Do you still want the blue chair, or shall I sell it?",
        ),
    ),
)
