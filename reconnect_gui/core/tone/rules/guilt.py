"""guilt_trip: making them responsible for the sender's pain, or for what others feel."""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

SUGGESTION = (
    "Take out the line about how hard it's been, or what others feel about it. Share "
    "something from today that's going okay."
)

RULES = (
    Rule(
        id="guilt_trip.your_doing",
        category="guilt_trip",
        severity="problem",
        message=(
            "This lays your pain at their door, as if it were theirs to fix. Even when it's "
            "true, they'll feel blamed rather than invited."
        ),
        suggestion=SUGGESTION,
        phrases=(
            "because of you|u #",
            "because of all_this|all_of_this|what_you_did|the_breakup|us",
            "on medication|antidepressants|sleeping_pills",
            "in therapy ... since|because",
            "my therapist says|thinks|said",
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
        ),
        should_flag=(
            "I'm on sleeping pills now because of all this, just so you know.",
            "I hope you're happy with how everything turned out.",
            "After everything I gave up for you, a text would have been nice.",
            "If you don't reply I'll take that as a no and never text you again.",
        ),
        should_pass=(
            "I hope you're happy and that the new city is treating you well.",
            "I've been seeing a therapist and it's helped me a lot, I'd recommend it to anyone.",
            "I thought you'd want to know the landlord is finally fixing the boiler.",
        ),
    ),
    Rule(
        id="guilt_trip.others_miss_you",
        category="guilt_trip",
        severity="problem",
        message=(
            "This brings in how others (family, friends, a pet) are taking the breakup. "
            "It reads as pressure through them."
        ),
        suggestion=SUGGESTION,
        phrases=(
            "keep|keeps|kept|still|always asking|asks|ask about|where|after|why [you]",
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
        ),
        should_flag=(
            "Dad keeps asking where you are at Sunday lunch.",
            "The cat still sits by the window waiting for you.",
            "We always said we'd go to Japan together, and now she's going with you.",
        ),
        should_pass=(
            "My sister says hi, she's still laughing about the karaoke night.",
            "Gran asked about you the other day and I realised I never asked about your exams.",
            "The dog is doing great, she's finally learned to sit.",
        ),
    ),
)
