"""How the app speaks of the ex: by the name and pronouns the person gave, else "they".

The plan keeps a name and pronouns exactly as typed ("she/her", "He/Him", "xe/xem/xyr",
or nothing). ``ex_words`` turns them into the few forms a sentence needs, so every screen
that speaks of the ex says it the same way. Pure: no Qt, no clock.

Choices, so the words stay right whatever was typed:

- The name leads a sentence where one was given ("Sam got in touch"); pronouns carry the
  rest ("I checked her profiles"). Without either, "they" and "them", as before.
- Known sets ("she/her", "he/him", "they/them", and "she/they"-style pairs, read by their
  first word) have all three forms. A set of our own with three parts ("xe/xem/xyr")
  gives all three; with two parts the possessive is the name's ("Sam's"), or "their".
- Verbs agree: "they haven't" but "she hasn't" and "Sam hasn't" (``ExWords.verb``).
"""

from __future__ import annotations

from dataclasses import dataclass

# subject, object, possessive
_KNOWN = {
    "she": ("she", "her", "her"),
    "he": ("he", "him", "his"),
    "they": ("they", "them", "their"),
}
_THEY = _KNOWN["they"]
# "her/she" or "him" typed first still reads as the set it names.
_BY_ANY_FORM = {form: forms for forms in _KNOWN.values() for form in forms}


@dataclass(frozen=True)
class ExWords:
    """The ex in a sentence: ``subject`` ("she"), ``object`` ("her"), ``possessive`` ("her"),
    and ``name`` ("" when none was given)."""

    name: str = ""
    subject: str = "they"
    object: str = "them"
    possessive: str = "their"

    @property
    def plural_verbs(self) -> bool:
        """True when a verb after the pronoun takes its plural form ("they are")."""
        return self.subject.lower() == "they"

    @property
    def who(self) -> str:
        """The ex at the start of a sentence: their name, else the pronoun, capitalised."""
        return self.name or self.subject[:1].upper() + self.subject[1:]

    def verb(self, singular: str, plural: str, *, after_name: bool = True) -> str:
        """The verb form that agrees with ``who`` (``after_name``) or with the pronoun."""
        if after_name and self.name:
            return singular
        return plural if self.plural_verbs else singular

    def fill(self, template: str) -> str:
        """``template`` with {who}, {they}, {them} and {their} put in."""
        return template.format(
            who=self.who, they=self.subject, them=self.object, their=self.possessive
        )


def ex_words(name: str = "", pronouns: str = "") -> ExWords:
    """The forms for the name and pronouns a plan holds (either may be empty)."""
    name = " ".join(name.split())
    parts = [p.strip().lower() for p in pronouns.replace("\\", "/").split("/") if p.strip()]
    first = parts[0] if parts else ""
    if first in _BY_ANY_FORM:
        subject, obj, possessive = _BY_ANY_FORM[first]
    elif first in ("", "any", "all", "any pronouns"):
        subject, obj, possessive = _THEY
    elif len(parts) >= 3:
        subject, obj, possessive = parts[0], parts[1], parts[2]
    else:
        subject = parts[0]
        obj = parts[1] if len(parts) > 1 else parts[0]
        possessive = f"{name}’s" if name else "their"
    return ExWords(name=name, subject=subject, object=obj, possessive=possessive)
