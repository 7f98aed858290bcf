"""belongings_pretext: returning their things used as a reason to meet, talk or eat together.

Plain logistics are fine ("I'll post it", "I left it with your sister"). The rule speaks
only when a mention of their things (or of handing them over) and a social cue ("come
over", "grab a drink", "and talk", "in person") sit within two sentences of each other.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Cue, Rule, Scan, Span, hit_sentence, merge

NEAR = 2  # sentences apart

THINGS = Cue(
    "belongings.things",
    (
        "your [old|grey|gray|black|blue|red|green|white|favourite|favorite|spare|good] {item}",
        "you left|forgot your|something|a|some|the",
        "still have your|some_of_your",
        "of your things|stuff|clothes|books",
        "still here #",
        "pick it|them|those up",
        "come get|grab|collect it|them|those|your",
        "coming back for it|them",
        "give it|them|those to you|back",
        "drop it|them off|by|round|over",
        "bring it|them round|over|by",
        "things are packed",
        "still got|have|'ve_got|holding|keeping your|some_of_your|a_few_of_your|the_rest_of_your",
        "i've|i_have|i_have_got|i've_got got|your|some_of_your|a_few_of_your|the_rest_of_your",
        "is|are still here|in_my|at_mine|at_my|with_me|in_the_flat|on_my|under_my",
        "the {item} you left|forgot",
        "you left|forgot here|behind|at_mine|at_my_place",
        "take|taking it|them|those home|back|away|with_you",
        "give|giving|hand|handing|return|returning it|them|those|your_things|your_stuff back|over",
        "give|giving|hand|handing|return|returning you your",
        "bring|bringing it|them along|with_me",
        "collect|collecting|swap|swapping stuff|things|your",
        "come and get|grab|collect|pick_up it|them|those|your",
        "return|returning|give_back|hand_back|hand_over|bring|bringing|drop_off|drop_round|"
        "pass_on|give_you|get_you your",
    ),
)
SOCIAL = Cue(
    "belongings.social",
    (
        "in person",
        "come over|by|round",
        "swing by",
        "stop by",
        "pop by|over|round",
        "drop by your",
        "for a|an|some coffee|tea|cuppa|drink|bite|dinner|glass|catch-up",
        "grab|have a|some coffee|drink|tea|bite|dinner|glass",
        "i'll|i'd|i_could|i_can cook|make_dinner|make_you",
        "make dinner",
        "we could|can get|grab|have",
        "get|grab|have dinner|lunch|a_drink|drinks|a_coffee|coffee|a_bite",
        "like before",
        "meet for|up",
        "we can|could meet",
        "stay for",
        "like old times",
        "we could|can talk|catch_up|chat",
        "and talk",
        "talk for a bit",
        "clear the air",
        "proper talk",
        "talk properly",
        "while i'm there",
        "good to see you",
        "see you then",
        "stuff|things|something|some_things i want|need|'d_like to say|tell|talk",
        "sort through it together",
        "coming back for",
        "hang|hanging|chill out",
        "catch up",
        "make|cook lunch|dinner|breakfast|brunch|something|you_something",
        "face to face",
        "over [a|some] coffee|tea|dinner|lunch|drink|drinks|meal|cuppa|glass|pint|beer|brunch|"
        "wine|a_walk",
        "meet|meeting|meetup|meet_up for|up|at|in|me_at|you_at|somewhere|halfway",
        "for|over a|an|some pint|beer|wine|lunch|meal|walk|chat|catch-up|catch_up",
        "drinks|dinner|lunch|coffee|a_drink|a_pint on me",
        "drinks|a_pint|pints|a_glass_of_wine",
        "to|for|at|over dinner|lunch|drinks|coffee|brunch|breakfast|the_pub",
        "if you're|you_are free",
        "make|cook|get us|you some_food|food|something|dinner|lunch|breakfast",
        "meet me|you",
        "coffee|dinner|drinks|lunch|brunch on|this|next {weekday}",
        "come see|and_see|round_and_see",
        "dinner|lunch|drinks|brunch|coffee at mine|my_place|my_flat|ours",
        "dinner|drinks|brunch|a_drink|a_coffee|a_pint|a_cuppa sometime|soon|together|this_week|"
        "one_night|one_evening",
        "pop in",
        "we could|can go|do|hang|spend|play",
        "one last|more game|time|night|drink|dinner",
        "back|over myself|personally",
        "feel right to post|send|courier",
        "rather not post|send|courier|leave",
    ),
)


def _pretexts(scan: Scan) -> Iterable[Span]:
    things = sorted(hit_sentence(scan.draft, h) for h in scan.hits.get(THINGS.key, ()))
    if not things:
        return []
    spans = []
    for hit in scan.hits.get(SOCIAL.key, ()):
        sentence = hit_sentence(scan.draft, hit)
        nearest = bisect_left(things, sentence - NEAR)
        if nearest < len(things) and things[nearest] <= sentence + NEAR:
            spans.append(hit.span(scan.draft))
    return merge(spans)


CUES = (THINGS, SOCIAL)

RULES = (
    Rule(
        id="belongings_pretext.meet_to_return",
        category="belongings_pretext",
        severity=Severity.WARNING,
        message=(
            "This turns returning their things into a reason to meet or talk. They'll likely "
            "see through it, and it can undo the distance you've kept."
        ),
        suggestion=(
            "Keep the handover plain: offer to post it or to leave it with a friend, and "
            "leave meeting up out of it."
        ),
        find=_pretexts,
        should_flag=(
            "Your jacket is still on my hook. Come by for a drink and grab it?",
            "I've got the rest of your books. I'd rather hand them over in person, over dinner.",
            "found ur old guitar, swing by tonight and we can catch up",
            "I have a bag of your stuff, maybe over coffee this week?",
        ),
        should_pass=(
            "Your jacket is still on my hook, I'll post it to your mum's this week.",
            "I left your books with Priya, she's in on Saturday if that's easier.",
            "Hope the new job is good! If you ever fancy a coffee, I'd like that.",
            "Shall I post your headphones or leave them with Sam?",
        ),
    ),
)
