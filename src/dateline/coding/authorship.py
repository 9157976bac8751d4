"""Who made the thing an act is done to: "rejected the resolution", "criticised the veto".

A reaction (a rejection, a criticism, support) is aimed at whoever made the proposal, the ruling
or the decision it reacts to. News names that maker inside the phrase ("the council's
resolution", "decisions by the envoy", "a resolution in the Senate") or earlier in the story
("the Senate passed a resolution ... Islamabad rejected the resolution", "Moscow vetoed the
draft ... Paris criticised the veto"). These functions find it; the rule that uses them is
`sides.author_of_the_object`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import ActorRef

Find = Callable[["Token"], "ActorRef | None"]

#: Prepositions that introduce the maker of a thing: "decisions by the envoy", "a plan from
#: Cairo", "a resolution in the Senate" (a body's own act), "the proposal of the mediators".
MAKER_PREPOSITIONS = frozenset({"by", "from", "in", "of"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: How far back in a story a definite "the resolution" is looked up (tokens).
LOOK_BACK = 600


def author(thing: Token, find: Find, before: int | None = None) -> tuple[ActorRef, Token] | None:
    """The actor who made ``thing`` (a noun like "resolution") and the token naming it: in its
    own phrase, else at the last earlier mention of the same word in the story (a noun with its
    maker, or the verb of the act: "vetoed"). ``before``: look back from this token index."""
    found = _in_phrase(thing, find)
    if found is not None:
        return found, thing
    lemma = thing.lemma_.lower()
    start = thing.i if before is None else min(before, thing.i)
    doc = thing.doc
    for i in range(start - 1, max(-1, start - 1 - LOOK_BACK), -1):
        earlier = doc[i]
        if earlier.lemma_.lower() != lemma:
            continue
        maker = _maker_of_mention(earlier, find)
        if maker is not None:
            return maker, earlier
    return None


def _in_phrase(thing: Token, find: Find) -> ActorRef | None:
    """The maker named inside the thing's phrase: a possessor, a modifier or a prepositional
    phrase of making ("by", "from", "in", "of")."""
    for child in thing.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = find(child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in MAKER_PREPOSITIONS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None or (child.lower_ == "in" and obj.ent_type_ in _PLACES):
                continue  # "requests in Malta": where, not who
            found = find(obj)
            if found is not None:
                return found
    return None


def _maker_of_mention(mention: Token, find: Find) -> ActorRef | None:
    """Who made the thing at an earlier mention: the subject of the verb "vetoed", the maker in
    the noun's phrase, or the subject of the verb that made it ("the Senate passed a resolution")."""
    if mention.pos_ == "VERB":
        subject = syntax.clause_subject(mention)
        return find(subject) if subject is not None else None
    found = _in_phrase(mention, find)
    if found is not None:
        return found
    if mention.dep_ == "dobj" and mention.head.pos_ == "VERB":
        subject = syntax.clause_subject(mention.head)
        return find(subject) if subject is not None else None
    return None
