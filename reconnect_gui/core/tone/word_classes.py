"""Word classes for the learned layer: our own lists of words that share a job in a message
(an insult, a blame absolute, a threat, chasing a reply…), so the model can learn what the
*class* does and apply it to a word no writer of the corpus happened to use.

features.py turns them into features: ``c:CLASS`` where a term (or two terms in a row) of
the class occurs, ``c:you+CLASS`` where "you"/"your" comes just before a word of one of
the classes in ``AIMED`` (an insult aimed at them, "you always", "you ruined"), ``c:i+CLASS``
where "I"/"my" does (``SELF``), ``c:curt`` for a sentence of one sarcastic or cold word
("Fine.", "Wow.", "Cool."), and ``c:apology+`` for a second apology in one message. Each
feature carries the span of the words that made it, so a finding still underlines them.

The words are terms as text.py reads them: lowercased, chat spellings spelled out
("u" → you), contractions opened ("you're" → you are). Written for Reconnect, not taken
from any published lexicon. A word may sit in several classes; the model weighs each
class per category, so a word that is harmless in one kind of message costs little.
"""

from __future__ import annotations

from reconnect_gui.core.tone.text import word_set

CLASSES: dict[str, frozenset[str]] = {
    # Names for the person, or for what they did, that look down on them.
    "insult": word_set(
        """
        pathetic selfish liar liars lying coward cowardly spineless gutless heartless
        disgusting gross vile toxic psycho psychopath sociopath narcissist narcissistic
        manipulative manipulator loser losers idiot idiotic stupid dumb moron fool foolish
        clown joke pitiful immature childish delusional crazy insane unhinged deranged
        hypocrite hypocritical cheater cheat snake fake fraud phony trash garbage rubbish
        worthless useless lazy jerk prick dick asshole arsehole bitch bastard creep creepy
        shallow petty cruel evil twisted disgrace scum sleazy slimy entitled arrogant
        ungrateful spoiled spoilt laughable clueless nasty horrible awful disgusted
        embarrassing embarrassment ridiculous unbelievable unreal cringe cringey
        sad sick weak weirdo freak pig rat traitor backstabber user users abuser
        abusive gaslighter gaslighting nincompoop cretin dimwit halfwit imbecile
        buffoon doormat parasite leech vulture worm viper pig-headed selfishness
        """
    ),
    # How the sender feels, when it is bad.
    "negative": word_set(
        """
        hurt hurts hurting pain painful miserable misery awful terrible horrible hate
        hated hating hates sad sadness upset angry mad furious livid devastated
        destroyed ruined broken heartbroken wrecked crushed betrayed humiliated ashamed
        shame cry crying cried tears sobbing lonely alone empty lost hopeless abandoned
        rejected used wasted waste mess disaster nightmare worst bad sick tired
        exhausted suffer suffering suffered damage damaged scared afraid anxious panic
        numb bitter resent resentment unfair wrong cruel agony torture torn shattered
        gutted sick miserable dying dead hell grief grieving depressed depression
        """
    ),
    # Always-and-never: a whole history in one word.
    "absolute": word_set(
        """
        always never ever everything nothing everyone nobody everybody constantly
        forever completely totally entire whole every single
        """
    ),
    # Turning the volume up.
    "intense": word_set(
        """
        so really literally actually seriously honestly truly absolutely totally
        completely fucking fuckin freaking frickin bloody damn damned super extremely
        utterly insanely genuinely deadass lowkey highkey
        """
    ),
    "swear": word_set(
        """
        fuck fucking fucked fucker shit shitty crap crappy bullshit damn hell piss
        pissed wtf ffs omfg stfu gtfo smh bs
        """
    ),
    # What they did, as a charge against them (strongest after "you").
    "blame": word_set(
        """
        ruined destroyed broke lied cheated left abandoned betrayed chose hurt used
        wasted threw dumped ignored humiliated embarrassed manipulated played blamed
        ghosted gaslit lie lying cheat ruin destroy wreck wrecked blindsided disrespected
        mocked failed refused walked ran replaced replace fault blame selfish promised
        """
    ),
    # Consequences promised to them.
    "threat": word_set(
        """
        regret regrets consequences revenge payback karma expose exposing screenshots
        screenshot lawyer lawyers police cops court sue suing warned warning watch
        destroy ruin hunt burn smash leak leaked humiliate everyone boss employer
        finished careful videos
        """
    ),
    # Making them owe the sender.
    "guilt": word_set(
        """
        owe owed deserve deserved deserves sacrificed sacrifice sacrifices guilt guilty
        responsible fault blame because thanks happy least gave conscience
        """
    ),
    # Chasing a reply that has not come.
    "chase": word_set(
        """
        answer answering answered answers reply replying replied replies respond
        responding responded response ignore ignoring ignored ghost ghosting ghosted
        silence silent unread delivered hello hellooo helloo anyone busy texted
        messaged back read seen
        """
    ),
    # Their life online and who is in it.
    "watching": word_set(
        """
        instagram insta ig facebook fb tiktok snapchat snap twitter linkedin story
        stories post posted posting posts pic pics picture pictures photo photos selfie
        selfies profile followed follow following unfollow unfollowed unfollowing liked
        online active tagged tag comment commented bio spotted stalking stalk
        """
    ),
    # A new person in their life.
    "rival": word_set(
        """
        girlfriend boyfriend gf bf dating date dated rebound replaced replacement fling
        hookup hooking sleeping seeing someone new she he her him guy girl
        """
    ),
    # Asking for contact: talk, call, meet.
    "contact": word_set(
        """
        talk talking call calling phone facetime meet meeting coffee tonight tomorrow
        drink dinner lunch chat conversation see visit come over weekend
        """
    ),
    "plead": word_set(
        """
        please beg begging begged plead pleading chance chances mercy desperate
        desperately anything just need
        """
    ),
    # Not "wish": "I wish you well" is the kindest way to close.
    "longing": word_set(
        """
        miss missing missed lonely alone sleep think thinking dream dreamt dreamed empty
        need needed needing without remember memories
        """
    ),
    "love": word_set("love loved loving adore soulmate forever heart hearts darling babe baby"),
    "apology": word_set(
        """
        sorry apologise apologize apologies apology apologising apologizing forgive
        forgiveness pardon regret
        """
    ),
    "us": word_set(
        """
        us we our relationship together again fix reconcile work try start over
        """
    ),
    # Cold or mocking asides.
    "sneer": word_set(
        """
        wow whatever clearly obviously apparently guess sure nice cool great congrats
        congratulations lol lmao funny typical classic figures cute shocker surprise
        surprised shocked imagine bravo
        """
    ),
    "drunk": word_set(
        """
        drunk tipsy wasted high hammered smashed drinking drinks wine beer beers shots
        vodka tequila stoned blazed sober
        """
    ),
    # Demands and deadlines on feelings.
    "demand": word_set(
        """
        must now immediately tonight deadline explanation explain demand owe better
        need needs closure answers
        """
    ),
}

# Two terms in a row that do a class's job.
PAIRS: dict[str, frozenset[str]] = {
    "threat": frozenset(
        {
            "what happens",
            "be sorry",
            "pay for",
            "find out",
            "your boss",
            "your mum",
            "your mom",
            "your parents",
            "your family",
            "your wife",
            "your husband",
            "or else",
            "watch out",
            "make sure",
            "everyone will",
            "so we",
            "be careful",
            "just so",
        }
    ),
    "guilt": frozenset(
        {
            "after everything",
            "because of",
            "thanks to",
            "happy now",
            "the least",
            "how could",
            "you owe",
            "gave up",
            "all i",
            "for you",
        }
    ),
    "chase": frozenset(
        {
            "on read",
            "get my",
            "got my",
            "my text",
            "my texts",
            "my message",
            "my messages",
            "my calls",
            "text back",
            "write back",
            "call back",
            "still waiting",
            "too busy",
        }
    ),
    "sneer": frozenset(
        {
            "good for",
            "must be",
            "nice life",
            "have fun",
            "enjoy your",
            "thanks for",
            "so much",
            "oh well",
            "cool cool",
            "of course",
            "no wonder",
            "real mature",
            "well done",
            "are welcome",
            "no thanks",
            "oh wait",
        }
    ),
    "rival": frozenset(
        {
            "hope she",
            "hope he",
            "new girl",
            "new guy",
            "new man",
            "new woman",
            "new boyfriend",
            "new girlfriend",
            "new partner",
        }
    ),
    "us": frozenset(
        {"get back", "try again", "work on", "second chance", "start over", "make it", "we were"}
    ),
    "contact": frozenset({"come over", "we need", "can we", "could we", "let us", "meet up"}),
    "plead": frozenset({"one more", "one last", "i need", "give me"}),
}

# After "you"/"your": aimed at them, or at what they do.
AIMED = ("insult", "absolute", "blame", "swear", "threat", "chase", "watching")
# After "I"/"my": about the sender.
SELF = ("negative", "longing", "apology", "plead", "love", "drunk")
SECOND_PERSON = word_set("you your yours yourself")
FIRST_PERSON = word_set("i my me myself")
REACH = 3  # the most terms between the pronoun and the word it points at
# A sentence of just one of these words reads as cold or mocking.
CURT = word_set(
    """
    fine wow cool whatever k kk ok okay sure great noted right nice lovely perfect bye
    wonderful amazing brilliant classic typical figures unbelievable unreal incredible
    congrats congratulations thanks cheers enjoy noted seriously really
    """
)

# Term -> the classes it belongs to; pair -> its classes.
CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _words in CLASSES.items():
    for _word in _words:
        CLASS_OF[_word] = (*CLASS_OF.get(_word, ()), _name)
PAIR_OF: dict[str, tuple[str, ...]] = {}
for _name, _pairs in PAIRS.items():
    for _pair in _pairs:
        PAIR_OF[_pair] = (*PAIR_OF.get(_pair, ()), _name)
FIRST_OF_PAIR = frozenset(pair.split()[0] for pair in PAIR_OF)
