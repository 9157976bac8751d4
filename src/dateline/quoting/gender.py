"""Grammatical gender of the people an article names, read from the article itself.

"he" in "..., he said" is the last man named, not the last person: news marks gender with titles
("Mr. Obama", "Mrs. Clinton"), gendered role words ("the spokeswoman", "his wife") and the
pronouns that follow a name in its own sentence ("Clinton said her plan ..."). Each is a vote for
the person's surname; a surname whose votes disagree has no gender.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MALE = "male"
FEMALE = "female"
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_MALE_TITLES = ("mr", "mr.", "sir", "lord", "king", "prince", "father", "brother")
_FEMALE_TITLES = ("mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "dame")
_TITLES = {**dict.fromkeys(_MALE_TITLES, MALE), **dict.fromkeys(_FEMALE_TITLES, FEMALE)}
_MALE_ROLES = (
    "spokesman", "congressman", "businessman", "chairman", "father", "husband", "son", "brother",
    "uncle", "nephew", "man", "boy", "king", "prince", "grandfather", "grandson", "widower",
    "actor", "councilman", "assemblyman", "sportsman",
)  # fmt: skip
_FEMALE_ROLES = (
    "spokeswoman", "congresswoman", "businesswoman", "chairwoman", "mother", "wife", "daughter",
    "sister", "aunt", "niece", "woman", "girl", "queen", "princess", "grandmother",
    "granddaughter", "widow", "actress", "councilwoman", "assemblywoman", "sportswoman",
)  # fmt: skip
_ROLE_WORDS = {**dict.fromkeys(_MALE_ROLES, MALE), **dict.fromkeys(_FEMALE_ROLES, FEMALE)}


def pronoun_gender(word: str) -> str | None:
    """MALE for he/him/his, FEMALE for she/her/hers, None otherwise."""
    lower = word.lower()
    if lower in MALE_PRONOUNS:
        return MALE
    if lower in FEMALE_PRONOUNS:
        return FEMALE
    return None


class Genders:
    """Votes for the gender of each surname named in ``doc``."""

    def __init__(self, doc: Doc) -> None:
        self._votes: dict[str, Counter[str]] = {}
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        per_sentence = Counter(e.sent.start for e in persons)
        for ent in persons:
            for vote in self._evidence(ent, alone=per_sentence[ent.sent.start] == 1):
                self._votes.setdefault(_key(ent.text), Counter())[vote] += 1

    def of(self, name: str | None) -> str | None:
        """The gender of the person ``name`` (full name or surname), None when unknown or mixed."""
        votes = self._votes.get(_key(name or ""))
        if not votes or len(votes) > 1:
            return None
        return next(iter(votes))

    @staticmethod
    def _evidence(ent: Span, alone: bool) -> list[str]:
        votes = []
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in _TITLES:
            votes.append(_TITLES[before.lower_])
        for token in (*ent, *ent.root.children):
            if token.lower_ in _TITLES and token.i < ent.end:
                votes.append(_TITLES[token.lower_])
            if token.dep_ == "appos" and token.lower_ in _ROLE_WORDS:
                votes.append(_ROLE_WORDS[token.lower_])
        if alone:  # "Clinton said her plan ...": the first personal pronoun after a lone name
            for token in doc[ent.end : ent.sent.end]:
                gender = pronoun_gender(token.text)
                if gender is not None:
                    votes.append(gender)
                    break
        return votes


def _key(name: str) -> str:
    words = [w for w in name.replace("\u2019s", "").replace("'s", "").split() if w[:1].isalpha()]
    return words[-1].lower() if words else ""
