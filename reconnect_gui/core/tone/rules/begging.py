"""begging: pleading for contact, for another chance, or bargaining to be taken back."""

from __future__ import annotations

from reconnect_gui.core.tone.rules.base import Rule

RULES = (
    Rule(
        id="begging.plea",
        category="begging",
        severity="problem",
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
            "please don't leave|go|ignore|shut|block|hate|forget|push|give_up|do_this",
            "please let me explain|see|talk|make|prove|show|try|fix|in|come|back",
            "please tell me why|what|you|if|the_truth #",
            "please tell me #",
            "# please #",
            "me please #",
            "i'm|am begging",
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
            "# just once",
            "just this once",
            "i'm [just] asking you to|for",
            "not asking for much|a_lot|anything_else",
            "won't|will_never bother you again|ever_again",
        ),
        should_flag=(
            "please please just pick up, I need to hear your voice",
            "Please. I'm begging you, give me a minute of your time.",
            "pls just talk to me",
            "Don't shut me out, not after everything.",
            "Hear me out, even for five minutes.",
        ),
        should_pass=(
            "Please give my love to your parents when you see them.",
            "Could you please send the lease papers to my new address?",
            "Please don't feel you have to reply. I just wanted to say congratulations.",
            "Let me know if the key doesn't turn up and I'll check again.",
        ),
    ),
    Rule(
        id="begging.another_chance",
        category="begging",
        severity="problem",
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
        ),
        should_flag=(
            "I know I hurt you but I deserve a second chance.",
            "just give me one last chance to prove it",
            "Could you take me back if I show you I've grown?",
        ),
        should_pass=(
            "Fingers crossed the second interview goes well, you've got every chance.",
            "Any chance you still have the number for the plumber we used?",
        ),
    ),
    Rule(
        id="begging.bargain",
        category="begging",
        severity="problem",
        message=(
            "This offers a deal to win them back. Promises like these read as pressure, "
            "however sincerely you mean them."
        ),
        suggestion=(
            "Let any change show in how you write: calm, brief, and about something other "
            "than the two of you."
        ),
        phrases=(
            "i'll|i_will|i_would|i'd do anything|whatever",
            "whatever it takes",
            "i'll|i_will|i_promise_i'll|i_promise_i_will change",
            "i'll|i_will|i_can|i_promise_to be better|do_better|be_different",
            "anything you want|need #",
            "i promise i'll|i_will|i_won't|i_will_never",
        ),
        should_flag=(
            "I'll do anything to fix it, just tell me what.",
            "I can be better for you, I promise I'll never do that again.",
            "whatever it takes, I'm in",
        ),
        should_pass=(
            "I'm doing much better these days, thanks to a lot of long walks.",
            "If you need anything for the move, Sam has a van.",
        ),
    ),
)
