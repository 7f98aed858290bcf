"""anger_blame: reproach, sarcasm, assigning fault (even calmly), an unasked forgiveness."""

from __future__ import annotations

from reconnect_gui.core.tone.phrases import Hit
from reconnect_gui.core.tone.report import Severity
from reconnect_gui.core.tone.rules.base import Rule, nearby, words_before
from reconnect_gui.core.tone.text import BOUNDARY, Draft, word_set

# Words that call a person names: "you're such a liar", "ur so selfish".
TRAITS = (
    "selfish|cold|cruel|heartless|immature|childish|spineless|gutless|arrogant|fake|"
    "two-faced|self-centred|self-centered|self-absorbed|manipulative|dishonest|pathetic|"
    "narcissistic|ungrateful|vile|disgusting|nasty"
)
NAMES = "liar|cheat|cheater|coward|fraud|hypocrite|narcissist|snake|jerk|idiot"
# What someone does when they leave a partner in the lurch.
LEFT = (
    "left|ended|cheated|lied|checked_out|gave_up|walked_away|walked_out|broke|chose|"
    "pulled_away|stopped_trying|ruined|messed_up|wanted_out|moved_on|ran|ghosted|quit"
)
# Phrases that blame only with a word earlier in their sentence: "you walked off like
# nothing happened" (not "the cat acted like nothing happened"), "you ran the moment
# things got hard" (not "I'm here when things get hard").
LIKE_NOTHING_HAPPENED = "like|as_if|as_though nothing [ever] happened"
WHEN_IT_GOT_HARD = (
    "the_moment|when|as_soon_as|whenever|the_minute|the_second things|it|life get|gets|got "
    "hard|tough|difficult|real|serious|complicated"
)
# Sarcasm unless the message congratulates: "must be nice to finally have a garden,
# congratulations!" is sincere.
MUST_BE_NICE = "must be nice|easy|great|lovely to"
_GLAD = word_set("congratulations congrats congratulate")
_NEEDS = {
    LIKE_NOTHING_HAPPENED: word_set("you"),
    WHEN_IT_GOT_HARD: word_set(
        """
        run ran running disappear disappeared disappearing bail bailed bailing quit quitting
        leave leaving left walk walked walking check checked checking bolt bolted vanish
        vanished ghost ghosted
        """
    ),
}


def _not_denied(draft: Draft, hit: Hit) -> bool:
    """Drops what only looks like blame: "not your fault" and "I'd never say you ruined it"
    (denied); "I didn't even notice", "I ruined everything" (about the writer); sarcasm
    next to a congratulation (MUST_BE_NICE); a phrase without the word it needs (_NEEDS)."""
    if hit.pattern == MUST_BE_NICE and _GLAD.intersection(nearby(draft, hit)):
        return False
    needed = _NEEDS.get(hit.pattern)
    if needed is not None and not needed & words_before(draft, hit):
        return False
    about_them = {"you", "your"}.intersection(draft.terms[hit.first : hit.last + 1])
    if not about_them and hit.first > 0 and draft.terms[hit.first - 1] in ("i", "we"):
        return False
    for i in range(hit.first - 1, max(hit.first - 3, -1), -1):
        term = draft.terms[i]
        if term == BOUNDARY:
            return True
        if term in ("not", "never"):
            return False
    return True


RULES = (
    Rule(
        id="anger_blame.blame",
        category="anger_blame",
        severity=Severity.PROBLEM,
        message=(
            "This holds them responsible for what went wrong. Even in calm words, blame "
            "tends to start an argument, not a conversation."
        ),
        suggestion=(
            "If something needs saying, it can wait for a real conversation they choose. "
            "For now, leave the past where it is and say something kind about today."
        ),
        phrases=(
            "your|ur fault",
            "all your fault",
            "you ruined|destroyed|wrecked|threw_away|abandoned|betrayed|lied|cheated|manipulated",
            "you [just|basically|completely|totally|literally|really] checked_out|gave_up|"
            "walked_out|bailed|ghosted|abandoned|ditched|dumped_me|blindsided|strung_me_along|"
            "led_me_on|humiliated|embarrassed|disrespected|ignored|neglected|gaslit|gaslighted|"
            "belittled|mocked|let_me_down|lied_to|walked_all_over|took_me_for_granted|"
            "took_advantage|pushed_me_away|shut_me_out",
            "leave|left|leaving me to deal|clean_up|pick_up|handle|sort|pay|cope|explain",
            "back in my face",
            "damage|harm you did|caused|'ve_done|have_done",
            "you told everyone|people|our_friends|all_our_friends|your_friends|your_family "
            "i|that_i|lies|about_me",
            "cleaning_up_after|picking_up_after|dealing_with|putting_up_with|put_up_with|"
            "dealt_with|cleaned_up_after|clean_up_after your mess|mistakes|drama|problems|"
            "baggage|crap|moods|temper|lies|excuses|nonsense|bullshit|shit",
            "you knew exactly|full_well|perfectly_well|what_you_were_doing",
            "like|play|playing|played the|a victim|martyr",
            "you [always|just|constantly|basically|completely|totally|really|ever] twisted|"
            "criticised|criticized|belittled|dismissed|controlled|judged|interrupted|undermined|"
            "blamed|insulted|smothered|neglected|ignored|twist|criticise|criticize|belittle|"
            "dismiss|control|judge|interrupt|undermine|blame|insult me|my|everything|us",
            "all you [ever] did|do|cared_about|wanted|thought_about",
            "being|was|am|i'm your punching_bag|doormat|backup|second_choice|last_resort|option|"
            "emotional_support",
            "and|but you [still|just] did_not|never|have_not|could_not|would_not|can_not "
            "#|did|bother|care|listen|try|call|show|once|change|come|even|ever",
            "worse than you did|ever_did",
            "you_are|your proud|happy|pleased of|with yourself #",
            "you said|called_me|told_me|made_me_feel|kept_saying|always_said i_was|i'm|i_am "
            "overreacting|crazy|too_much|dramatic|sensitive|paranoid|the_problem|jealous|"
            "insecure|needy|hysterical",
            "ruin+|wreck+|destroy+ my life|me|everything|us|my_confidence|my_trust",
            "you broke my|me|us|it|everything|our|your_promise|every",
            "you used me",
            "you hurt me",
            "how badly you hurt",
            "you never [once|even|really|ever] asked|listened|cared|tried|apologised|apologized|"
            "said|called|showed|made|gave|took|let|wanted|admitted|supported|came|helped|"
            "understood|noticed|thought|told|even|once|really|had_time",
            "you always put|made|had|chose|came|cared|made_it",
            "you chose",
            "you walked away",
            "you could|should have been honest|kinder|nicer|there|upfront|straight|clearer|fair|"
            "decent|truthful|braver|more|less|a_bit|a_little|at_least",
            "you could|should have at_least|just|told|tried|said|called|listened|asked|texted|"
            "warned|explained|talked|cared|let_me|stayed|stood_up|checked",
            "you should have|should_not_have|shouldn't_have told|said|asked|called|tried|listened|"
            "known|cared|warned|let|stayed|left|lied|treated|cheated|been_honest|done_that",
            "you could|can at least",
            "throw|threw|throwing away <num> years|everything|what_we_had|us",
            "as you made me",
            "you made me miserable|cry|suffer",
            "make|makes|made|making me feel like_nothing|like_i'm_nothing|worthless|small|stupid|"
            "crazy|invisible|unwanted|used",
            "you [always|never|just] made|make me feel like|as_if|as_though i_was|i_am|i_did|"
            "i_had|nothing|dirt|garbage|rubbish|an_idiot|a_fool|a_burden|a_joke|an_option",
            "made|make|making me the bad guy|villain|bad_one|problem|crazy_one",
            "treat|treated|treating me like garbage|trash|dirt|crap|shit|rubbish|nothing|an_option|"
            "a_doormat|a_child|an_idiot|a_stranger|a_joke",
            "you treated|treat me badly|horribly|terribly|so_badly|awfully|poorly|like",
            "the way you treated|treat|spoke_to|talked_to|used|dumped|dropped|ghosted me",
            "you could_not|did_not|would_not|can_not|couldn't|didn't|wouldn't|can't even",
            "did_not|could_not|would_not|never even ask|bother|say|tell|care|try|notice|text|call|"
            "check|apologise|apologize|say_goodbye|say_sorry|reply|acknowledge|look_back",
            "you couldn't|could_not be honest",
            "not once",
            "came|comes from|down_to your|you|the_fact",
            "problems came|were|started ... your|you",
            "the problem was you|your|always",
            "it was all|always you|your",
            "fell_apart|ended|failed|went_wrong|broke_down|died because you|of_you|of_your",
            "because you could_not|couldn't|would_not|wouldn't|never|refused|cheated|lied|chose|"
            "gave_up|checked_out|stopped",
            "because of you i|we lost|had_to|gave_up|missed|quit|stopped|can_not|could_not|never",
            "i forgive you",
            "never|can_not|won't|will_not forgive you",
            "i've|i_have forgiven you",
            "everything you did",
            "that's|it's|this_is on you",
            "take some|any|responsibility",
            "grow up",
            "you owe me",
            "apologise|apologize|apology to me",
            "waiting on|for that|an|your apology",
            "never apologised|apologized|said_sorry",
            "didn't even apologise|apologize|say_sorry",
            "toxic",
            "coward|cowardly",
            f"you_are|you_were [so|being|too|really|just|always|such|the_most] {TRAITS}",
            f"your so|such|being|too {TRAITS}",
            f"you_are|you_were|your such|a|an|nothing_but|the_biggest ... {NAMES}",
            "your selfishness|ego|temper|drinking|lies|lying|cheating|jealousy",
            "how dare you",
            "you don't get to",
            "you had|have no right",
            "who gave you the right",
            "you [just] get|got to walk_away|move_on|forget|pretend|start_over|carry_on",
            LIKE_NOTHING_HAPPENED,
            "you should|ought_to be|feel ashamed|embarrassed",
            "shame on you",
            "i know|knew exactly what you did|were_doing|'re_doing|are_doing|'ve_done|have_done",
            "so|now|then|# live with it|that|your_choice|the_consequences",
            "you made your bed",
            "blame|blaming|blamed me|everything_on_me like|for_everything|as_always|again",
            "you gave|give me nothing|nothing_back|nothing_in_return",
            "i gave you everything|my_all|my_best_years",
            "did|do|does|doing|done that|this|it to me",
            "can not|still_can't|still_can_not believe you did|would|could|'d|lied|left|said|"
            "took|just|actually|cheated|chose|went|told",
            WHEN_IT_GOT_HARD,
            f"you were|are the one who|that [just] {LEFT}",
            "you're|you_are|you_were the reason it|we|this|things|everything|our",
            "pretend i never|nothing",
            "don't|do_not pretend|act_like|act_as_if you",
            "made|make|making a fool of me",
            "made|make|making me look stupid|like_an_idiot|like_a_fool|bad|crazy",
            "wasted|waste|wasting ... on you",
            "wasted|waste|wasting <num> years|my_time|my_life|my_twenties|my_best_years",
            "you only [ever|really] cared|care|thought|think|worried about|of",
            "you were|are never|not there|around for_me|when",
            "never there for me",
            "what kind|sort of person|man|woman does|would|ends|leaves|treats|says|breaks|cheats|"
            "lies|just",
            "end|ends|ended|ending|break_up|breaks_up|broke_up things|it|up over|by text|a_text|"
            "email|whatsapp|message",
            "you [obviously|clearly|just] do_not|did_not|never care|cared about_me|that|how|"
            "what_happens|#",
            "you messed|screwed|fucked|blew it|up|everything",
            "everyone thinks|knows|says you",
            "the nerve",
            "and you know it",
            "you know it isn't|is_not|'s_not|wasn't|'s_true",
            "tell yourself whatever",
            "i was the one who",
            "hope you get|are_getting|find|'re_getting help",
            "i hate that|how|when you",
            "i hate you",
            "did to me",
            "what you've been saying",
            "i'm not angry [anymore] [i'm] just",
            "i'm just surprised",
        ),
        keep=_not_denied,
        should_flag=(
            "You never once asked how I was when Dad was in hospital.",
            "honestly the breakup was ur fault and everyone knows it",
            "I forgive you for the way you left. Hope you're well.",
            "It all came down to your temper, really.",
            "You made me feel like I was going crazy for two years.",
            "You let me carry everything and then played the victim.",
        ),
        should_pass=(
            "You always said I'd end up loving jazz, and you were right.",
            "I was angry at first, but I'm not anymore, and I hope you're well.",
            "You never know with the trains around here, hope you got home fine.",
            "Thanks for being so kind when we split the furniture.",
            "Not your fault at all, but the landlord kept the deposit.",
            "You should have seen the dog's face when it snowed!",
        ),
    ),
    Rule(
        id="anger_blame.sarcasm",
        category="anger_blame",
        severity=Severity.PROBLEM,
        message=("This reads as sarcasm. In writing it comes across sharper than you may mean it."),
        suggestion="Say the plain, kind version, or leave the line out.",
        phrases=(
            "must be nice #",
            MUST_BE_NICE,
            "good for you i guess|i_suppose|then|honestly",
            "good for you #",
            "hope it was worth it",
            "thanks for nothing",
            "thanks|thank_you for ruining|wasting|breaking|ignoring|leaving|ghosting",
            "real mature|classy",
            "how convenient",
            "congrats|congratulations i guess|i_suppose",
            "so that's it",
            "fine|great|better|happier without you",
            "nice of you to",
            "must be so nice",
            "must [have] be|been [so|really|pretty|very] easy|convenient for you",
            "easy|easier|nice for you to forget|move_on|walk_away|replace|ignore|pretend|drop|"
            "switch_off|throw|just_leave|just_forget",
            "clearly|obviously|apparently ... wasn't|was_not|weren't|were_not|not|never good "
            "enough|enough|worth",
            "funny|rich|ironic how|that you",
            "of all people",
            "typical you|of_you",
            "thanks|thank_you a_lot|so_much|very_much|again for ruining|wasting|breaking|ignoring|"
            "ghosting|nothing|lying|cheating",
            "living your best life",
            "classy|real_classy|very_mature|so_mature #",
        ),
        keep=_not_denied,
        should_flag=(
            "Must be nice to just forget three years.",
            "Congrats I guess. Didn't take you long.",
            "I'm doing way better without you, just so you know.",
            "Must have been so easy for you to forget me.",
        ),
        should_pass=(
            "It must be nice to finally have a garden, congratulations on the house!",
            "Good for you on finishing the marathon, that's a huge deal.",
            "Funny story: the cat learned to open the fridge.",
        ),
    ),
    Rule(
        id="anger_blame.reproach",
        category="anger_blame",
        severity=Severity.PROBLEM,
        message=(
            "This reproaches them for not answering, or for how things ended. They'll hear "
            "the hurt as an accusation."
        ),
        suggestion=(
            "If you write at all, write as if there were no score to settle: short, calm, and "
            "about something neutral."
        ),
        phrases=(
            "are|r you seriously",
            "why are|would you doing|do this|that to me",
            "doing this to me",
            "how could you",
            "seriously not going to",
            "ignoring me",
            "why won't|don't|can't you answer|reply|talk|respond|text|call",
            "why did you [just] disappear|ignore|block",
            "just disappear",
            "blocked me",
            "deleted|burned|binned|threw_out all|every our|your "
            "photos|pictures|letters|things|stuff",
            "deleted|burned|binned|threw_out our|your photos|pictures|letters",
            "ghosted|ghosting me",
            "not even a|one phone_call|call|text|goodbye|explanation|word|reply",
            "after <num> years #",
            "the way you ended|left",
            "you just walked|left|disappeared",
        ),
        should_flag=(
            "So you're just ignoring me now?",
            "Why don't you answer your phone anymore?",
            "Five years and not even a goodbye.",
        ),
        should_pass=(
            "Hope the new phone works better than the old one did!",
            "After five years in that flat, moving must feel strange. Hope it's going well.",
        ),
    ),
)
