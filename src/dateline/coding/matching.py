"""Matching lexicon patterns against a parsed sentence.

A pattern (see `lexicon`) matches a trigger token when every word it requires depends on the
trigger (or on its object, or on a word already matched, or on what a measure noun counts:
"thousands of refugees"), its part of speech fits, and the target it names is there. The most
specific match of a trigger wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import syntax
from ..records import ActorRef
from . import sides
from .lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE = frozenset({"clause"})


@dataclass(slots=True)
class Match:
    pattern: Pattern
    trigger: Token
    target: Token | None
    passive: bool
    words: list[Token]

    @property
    def score(self) -> int:
        """Specificity of the match: required words, then a target found where the pattern said."""
        found_target = self.target is not None and self.pattern.target_slot
        return (
            2 * len(self.words)
            + (2 if self.pattern.target_prep and self.target is not None else 0)
            + (1 if found_target else 0)
        )


def try_pattern(pattern: Pattern, token: Token) -> Match | None:
    """The match of ``pattern`` on the trigger ``token``, or None: the part of speech fits, the
    object it needs is there, every word it requires is attached, and so is the target it names."""
    if pattern.pos == "v" and token.pos_ != "VERB":
        return None
    if pattern.pos == "n" and token.pos_ not in ("NOUN", "PROPN"):
        return None
    obj = syntax.direct_object(token)
    if pattern.needs_object and obj is None and not any(c.dep_ == "nsubjpass" for c in token.children):
        return None
    matched = _required_words(pattern, token, obj)
    if matched is None:
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (
        token.dep_ == "acl" and token.tag_ == "VBN"
    )
    if pattern.target_prep is not None:
        target = _prepositional_target(pattern.target_prep, token, obj, matched)
        if target is None:
            return None
    elif passive:
        target = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if target is None and token.dep_ == "acl":
            target = token.head
    else:
        target = obj if obj is not None and obj not in matched else None
        if target is None and pattern.target_slot:
            target = next((c for c in token.children if c.dep_ == "dative"), None)
    return Match(pattern, token, target, passive, matched)


def _required_words(pattern: Pattern, token: Token, obj: Token | None) -> list[Token] | None:
    """The tokens the pattern's words match, each attached to the trigger, its object or a word
    already matched (or counted by a measure noun: "thousands of refugees"); None if one is missing."""
    scope = [c for c in (*token.children, *(obj.children if obj is not None else ())) if c.dep_ != "aux"]
    scope.extend(m for m in map(syntax.measured, list(scope)) if m is not None)
    matched: list[Token] = []
    for alternatives in pattern.words:
        if alternatives == CLAUSE:
            clause = next((c for c in token.children if c.dep_ == "ccomp" and c not in matched), None)
            if clause is None:
                return None
            matched.append(clause)
            continue
        hit = next(
            (
                t
                for t in scope
                if t not in matched and (t.lemma_.lower() in alternatives or t.lower_ in alternatives)
            ),
            None,
        )
        if hit is None:
            return None
        matched.append(hit)
        scope.extend(hit.children)
        scope.extend(m for m in map(syntax.measured, hit.children) if m is not None)
    return matched


def _prepositional_target(
    preposition: str, token: Token, obj: Token | None, matched: list[Token]
) -> Token | None:
    """The object of the pattern's preposition, attached to the trigger, its object, a matched
    word, or the light verb of a noun trigger ("held talks with the rebels")."""
    holders = [token, *([obj] if obj is not None else []), *matched]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in syntax.EXPRESSIVE_VERBS | syntax.LIGHT_VERBS:
        holders.append(token.head)  # "expressed condolences to a country", "held talks with a party"
    return next(
        (
            pobj
            for h in holders
            for c in h.children
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == preposition
            for pobj in c.children
            if pobj.dep_ == "pobj" and pobj.ent_type_ not in sides.NON_ACTOR_ENTITIES
        ),
        None,
    )


def object_actor(match: Match, source: ActorRef | None, find_actor: sides.ActorFinder) -> ActorRef | None:
    """The actor inside an object the pattern named: "expelled the French ambassador" -> FRA."""
    obj = syntax.direct_object(match.trigger)
    if obj is None or obj not in match.words:
        return None
    authors = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for p in c.children]
    for candidate in (obj, *(p for p in authors if p.dep_ == "pobj")):  # "rejected calls by Minsk"
        found = find_actor(candidate)
        if found is not None and found.code and (source is None or found.code != source.code):
            return found
    return None


def expresses(match: Match, voiced: set[int]) -> bool:
    """A verb of expression whose object is a verbal act: the object carries the event."""
    if match.trigger.pos_ != "VERB" or match.trigger.lemma_.lower() not in syntax.EXPRESSIVE_VERBS:
        return False
    obj = syntax.direct_object(match.trigger)
    return obj is not None and obj.i in voiced
