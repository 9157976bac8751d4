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

    from ..words import Words

MALE = "male"
FEMALE = "female"


def gendered(words: Words, kind: str) -> dict[str, str]:
    """The ``kind`` of words ("titles": "mr", "mrs"; "roles": "spokeswoman") by the gender they mark."""
    return {
        **dict.fromkeys(words[f"gender.male_{kind}"], MALE),
        **dict.fromkeys(words[f"gender.female_{kind}"], FEMALE),
    }


def pronoun_gender(word: str, words: Words) -> str | None:
    """MALE for he/him/his, FEMALE for she/her/hers (``pronouns.male``, ``.female``), None otherwise."""
    lower = word.lower()
    if lower in words["pronouns.male"]:
        return MALE
    if lower in words["pronouns.female"]:
        return FEMALE
    return None


class Genders:
    """Votes for the gender of each surname named in ``doc``."""

    def __init__(self, doc: Doc, words: Words) -> None:
        self._votes: dict[str, Counter[str]] = {}
        self._words = words
        self._titles, self._roles = gendered(words, "titles"), gendered(words, "roles")
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

    def _evidence(self, ent: Span, alone: bool) -> list[str]:
        votes = []
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in self._titles:
            votes.append(self._titles[before.lower_])
        for token in (*ent, *ent.root.children):
            if token.lower_ in self._titles and token.i < ent.end:
                votes.append(self._titles[token.lower_])
            if token.dep_ == "appos" and token.lower_ in self._roles:
                votes.append(self._roles[token.lower_])
        if alone:  # "Clinton said her plan ...": the first personal pronoun after a lone name
            for token in doc[ent.end : ent.sent.end]:
                gender = pronoun_gender(token.text, self._words)
                if gender is not None:
                    votes.append(gender)
                    break
        return votes


def _key(name: str) -> str:
    words = [w for w in name.replace("\u2019s", "").replace("'s", "").split() if w[:1].isalpha()]
    return words[-1].lower() if words else ""
