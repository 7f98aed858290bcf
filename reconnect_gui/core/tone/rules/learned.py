"""What the learned layer says, per category: one finding id ``<category>.learned`` each,
with its severity, its note and its suggestion, in our own words.

The learned layer (learned.py) speaks only where no phrase rule already named the same
category, so these notes are general to the category, where a rule's note is about its
own phrase. Five categories exist only here, because phrase lists cannot cover them:
contempt, threat, double_text, monitoring and meeting_pressure.

Each note carries examples, like every rule: the tests check them through ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconnect_gui.core.tone.report import KINDS, Severity


@dataclass(frozen=True)
class LearnedNote:
    category: str
    severity: Severity
    message: str
    suggestion: str
    should_flag: tuple[str, ...]
    should_pass: tuple[str, ...]
    kinds: tuple[str, ...] = KINDS
    example_kind: str = "text"

    @property
    def id(self) -> str:
        return f"{self.category}.learned"


NOTES = (
    LearnedNote(
        "contempt",
        Severity.PROBLEM,
        "This reads as scorn: sarcasm, a put-down or a parting shot. Even when it is "
        "true to how you feel, it tells them you're still fighting.",
        "Leave out the sting. If you can't write it without one, it isn't time to write yet.",
        should_flag=(
            "Oh great, so glad your new life is working out so beautifully for you. Really.",
            "You always were a coward, I just didn't see it before.",
        ),
        should_pass=("Glad the new job is working out, you earned it.",),
    ),
    LearnedNote(
        "threat",
        Severity.PROBLEM,
        "This reads as a threat. Whatever you meant, a message like this can frighten "
        "them, and it can have real consequences for you. Please don't send it.",
        "Put the phone down for tonight. If you feel this angry, talk to someone you trust, "
        "or write it in your journal where it stays private.",
        should_flag=(
            "If you don't give me back the money I'll make sure everyone at your work knows "
            "what you did.",
        ),
        should_pass=("I'll leave the spare keys with your neighbour on Friday.",),
    ),
    LearnedNote(
        "double_text",
        Severity.WARNING,
        "This chases an answer to an earlier message. Silence is an answer for now, and "
        "asking again tends to push them further away.",
        "Don't send another message. Give it a few weeks; if you still want to, start "
        "fresh later, with no mention of the silence.",
        should_flag=("Hello?? Are you even reading these?",),
        should_pass=("Hope your exams went well, thinking of you in a good way.",),
    ),
    LearnedNote(
        "monitoring",
        Severity.PROBLEM,
        "This shows that you've been watching their life: their posts, where they go, who "
        "they're with. It tells them you haven't let go.",
        "Leave their social media and their new life out of it. Write about something "
        "that is yours.",
        should_flag=("So who's the girl in all your photos lately?",),
        should_pass=("Congratulations on the new flat, Mira told me, it sounds lovely.",),
    ),
    LearnedNote(
        "meeting_pressure",
        Severity.WARNING,
        "This asks them to talk, call or meet, with no easy way to say no. As a first "
        "message that is a lot to ask.",
        "Say something light from your life first. If you'd like to meet one day, offer it "
        "with a clear way out, like 'no worries if not'.",
        should_flag=("We really need to sit down and have a proper talk, when are you free?",),
        should_pass=(
            "If you ever fancy a coffee some time, I'd like that, and no worries if not.",
        ),
        kinds=("text", "letter"),
    ),
    LearnedNote(
        "begging",
        Severity.PROBLEM,
        "This pleads with them. Pleading rarely brings someone closer; it tends to make "
        "the other person pull back.",
        "Say one light, friendly thing instead, and let them choose whether to answer.",
        should_flag=("I'm on my knees here, just give me one more shot, I'll change.",),
        should_pass=("Hope the new flat is coming together!",),
    ),
    LearnedNote(
        "neediness",
        Severity.WARNING,
        "This shows how much you're hurting or how much you miss them. It's honest, and "
        "it puts the weight of your feelings on them.",
        "Keep this for your journal. In the message, share something light from your life.",
        should_flag=("I can't stop checking my phone hoping it's you.",),
        should_pass=("Saw a dog just like Biscuit at the park today. Hope he's well!",),
    ),
    LearnedNote(
        "love_declaration",
        Severity.PROBLEM,
        "This declares your love. A first message goes better without it.",
        "Leave the feelings out for now; a friendly hello is enough.",
        should_flag=("You're still the only one for me, you always will be.",),
        should_pass=("I'd love to hear how the trip went if you ever feel like sharing.",),
    ),
    LearnedNote(
        "guilt_trip",
        Severity.PROBLEM,
        "This makes them responsible for how you feel.",
        "Tell them about your life without making them the cause of any of it.",
        should_flag=("My mum cries about you every weekend, I hope that makes you proud.",),
        should_pass=("My mum says hi, and she hopes you're doing well.",),
    ),
    LearnedNote(
        "anger_blame",
        Severity.PROBLEM,
        "This blames or reproaches them, even if it's calmly said.",
        "Leave the score-keeping out. A first message is not the place to settle it.",
        should_flag=("You threw away everything we built because you were too selfish to try.",),
        should_pass=("I was upset for a while, but I'm in a good place now.",),
    ),
    LearnedNote(
        "jealousy_prying",
        Severity.PROBLEM,
        "This asks about or hints at their love life.",
        "Leave their love life out of it; ask about something else in their life instead.",
        should_flag=("Is he better for you than I was? Just be honest.",),
        should_pass=("How's the running going? Still doing the Sunday long runs?",),
    ),
    LearnedNote(
        "belongings_pretext",
        Severity.WARNING,
        "This uses their things as a reason to see them.",
        "Offer to post the things or leave them with a friend.",
        should_flag=("Your guitar's still here, come round and grab it, we can have a drink.",),
        should_pass=("Your guitar's still here, shall I drop it at your sister's?",),
    ),
    LearnedNote(
        "over_apology",
        Severity.WARNING,
        "This apologises more than it needs to, or runs you down.",
        "One short, sincere apology is enough, if any.",
        should_flag=("Sorry again, I'm useless, sorry for even bothering you, I'm so sorry.",),
        should_pass=("I'm sorry for how I left things. I hope you're well.",),
    ),
    LearnedNote(
        "drama",
        Severity.WARNING,
        "This reads as an outburst.",
        "Write it calmly, as you would to a friend you haven't seen for a while.",
        should_flag=("I CAN'T DO THIS ANYMORE!!! WHY?!",),
        should_pass=("Hope the gig went well!",),
    ),
    LearnedNote(
        "pressure",
        Severity.PROBLEM,
        "This puts pressure on them: a demand, a deadline or a condition.",
        "Leave them free to answer in their own time, or not at all.",
        should_flag=("Answer me by tonight or don't bother ever answering again.",),
        should_pass=("No need to reply, just wanted to say happy birthday.",),
        kinds=("text", "letter"),
    ),
    LearnedNote(
        "relationship_talk",
        Severity.WARNING,
        "This talks about the two of you, which is early for a first message.",
        "Keep the first message about now: a little news, an easy question.",
        should_flag=("I really think we could make it work if we both tried again.",),
        should_pass=("The marathon training is going well, I'm up to 20 km!",),
    ),
    LearnedNote(
        "low_effort",
        Severity.WARNING,
        "This is only a greeting, with nothing for them to answer.",
        "Add one light thing from your life and an easy question about theirs.",
        should_flag=("heyyy you",),
        should_pass=("Hey! The bakery on Elm Street finally reopened. Hope you're well.",),
    ),
    LearnedNote(
        "intoxicated",
        Severity.WARNING,
        "This sounds like it was written after a few drinks.",
        "Wait until tomorrow and read it again sober.",
        should_flag=("im soooo wasted rn and u r all i can think abt",),
        should_pass=("Had a nice dinner with my sister yesterday, hope you're well.",),
    ),
)

BY_CATEGORY = {note.category: note for note in NOTES}
