"""neediness: missing them, not coping, dwelling on the past, asking for reassurance."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.rules.base import Rule
from reconnect_gui.core.tone.text import BOUNDARY, Draft

_STEADY = frozenset({"fine", "great", "better", "happier", "well", "ok", "good", "happy"})


def _not_pointed(draft: Draft, hit: Hit) -> bool:
    """ "fine without you" is a pointed remark (anger_blame), not neediness."""
    before = [t for t in draft.terms[max(hit.first - 2, 0) : hit.first] if t != BOUNDARY]
    return not (_STEADY & set(before))


OFTEN = (
    "all_the_time|every_day|every_night|every_single_day|constantly|nonstop|every_minute|"
    "day_and_night|every_morning|all_day"
)
INTENSE = OFTEN + "|so_much|a_lot"

RULES = (
    Rule(
        id="neediness.missing",
        category="neediness",
        severity="warning",
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
            "wish i could see|hold|hug|call|talk_to you",
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
        severity="warning",
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
            "every song|place|street|corner|room ... reminds|feels|makes",
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
        ),
        should_flag=(
            "It's been 52 days. I know because I counted.",
            "I still sleep in your old jumper most nights.",
            "Every song on my playlist reminds me of you now.",
            "Some nights I reread our old messages just to hear you.",
            "It's strange not hearing from you after all that time.",
        ),
        should_pass=(
            "Thinking of you and your family this week, I hope the funeral goes gently.",
            "The oak we planted is taller than the fence now, thought you'd like to know.",
            "Saw a sign for the cheese festival and thought of you, is it still on your list?",
        ),
    ),
    Rule(
        id="neediness.struggling",
        category="neediness",
        severity="warning",
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
        ),
        keep=_not_pointed,
        should_flag=(
            "I can't sleep and I can't focus at work.",
            "honestly i'm not ok",
            "I just need to hear your voice one more time.",
            "Everything feels empty without you.",
            "I cried all the way home from the station.",
        ),
        should_pass=(
            "Work is full on, but I'm sleeping well and running again.",
            "I hope the move wasn't too much, moving is exhausting.",
            "The film made the whole cinema cry, you'd have loved it.",
            "I need you to sign the insurance form when you get a chance.",
        ),
    ),
    Rule(
        id="neediness.reassurance",
        category="neediness",
        severity="warning",
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
        ),
        should_flag=(
            "Do you even think of me anymore?",
            "Did I ever mean anything to you?",
            "Do I ever cross your mind?",
        ),
        should_pass=(
            "Do you still play five-a-side on Thursdays?",
            "Did the new job turn out as good as it sounded?",
        ),
    ),
)
