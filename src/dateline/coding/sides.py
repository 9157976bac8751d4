"""The two sides of a coded act: who else an act names, whose forces move where, and which
actors count as official, armed or no actors at all.

The coder takes the source from the trigger's subject and the target from the object or the
preposition its pattern names; these helpers cover what that misses: the first actor the
trigger's complements name, beneficiaries inside objects, partners named together ("French and
Egyptian warships"), the state behind an unattributed arrest, the destination of moved forces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import syntax
from ..records import ActorRef
from ..words import Words, default_words
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions of where a moved force goes or leaves.
MOVEMENT_PREPOSITIONS = frozenset({"to", "into", "from", "toward", "towards", "along", "across", "out"})
#: Sectors of official and armed actors (a country alone may be its national team).
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "INS", "SPY", "JUD", "LEG"})
#: Sectors of armed actors: state forces, police, rebels, insurgents.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS"})
#: Prepositions of place: where an act happened, which for meetings is not who took part.
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
#: Entity labels of phrases that are never actors (dates, numbers, money).
NON_ACTOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})

ActorFinder = Callable[["Token"], ActorRef | None]


def coordinated_partner(
    head: Token, source: ActorRef | None, find_actor: ActorFinder, foreign: bool = False
) -> ActorRef | None:
    """The second of two actors named together as one side: "Russia and China met" (a
    coordinated head) or "Greek and Cypriot frigates" (coordinated modifiers, which must name
    another country than the source's, as must any partner with ``foreign``)."""
    partner = next((c for c in head.children if c.dep_ == "conj"), None)
    if partner is not None and not foreign:
        return find_actor(partner)
    if source is None or not source.country:
        return None
    candidates = [partner] if partner is not None else []
    for modifier in head.children:
        if modifier.dep_ in ("amod", "compound") and modifier.i < head.i:
            candidates.extend(c for c in modifier.children if c.dep_ == "conj")
    for candidate in candidates:
        other = find_actor(candidate)
        if other is not None and other.country and other.country != source.country:
            return other
    return None


def armed_engagement(source: ActorRef | None, target: ActorRef | None) -> bool:
    """An attack on armed forces or police, or by a state's armed forces, is conventional
    military force (CAMEO 190), not the unconventional violence (180) of an attack on civilians."""
    if target is not None and ARMED_SECTORS & set(target.sectors or ()):
        return True
    return source is not None and bool(source.country) and "MIL" in (source.sectors or ())


def non_actor(token: Token, lexicon: Lexicon) -> bool:
    """Whether the noun names nature, markets or an abstraction (plural and capitalised forms too:
    the parser leaves "Wildfires" at the head of a sentence unlemmatised)."""
    words = {token.lemma_.lower(), token.lower_}
    words |= {w[:-1] for w in words if w.endswith("s")}
    return bool(words & lexicon.non_actors)


def own_force(
    obj: Token, source: ActorRef | None, target: ActorRef | None, words: Words | None = None
) -> bool:
    """Whether the object (not a prepositional target: "surrendered to the police") is the
    source's own forces ("withdrew its troops", "sent 300 soldiers"), which the act moves, not
    acts on. ``words``: the word classes (``forces.*``), the shipped ones by default."""
    if obj.lemma_.lower() not in (words if words is not None else default_words())["forces.force_nouns"]:
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return True
    return target is None or not target.country or (source is not None and source.country == target.country)


def destination(trigger: Token, obj: Token, words: Words | None = None) -> Token | None:
    """Where forces are moved to or from: the object of "to", "into", "from" ... on the verb or
    its object. ``words``: the word classes (``forces.*``), the shipped ones by default."""
    words = words if words is not None else default_words()
    forces = words["forces.force_nouns"]
    for holder in (trigger, obj):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in MOVEMENT_PREPOSITIONS:
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if place is not None and (place.lemma_.lower() in forces or mission(place, words)):
                    return place_of(place) or place  # "to the UN mission in South Sudan"
                if place is not None:
                    return place
    return None


def mission(noun: Token, words: Words | None = None) -> bool:
    """A mission forces join ("the UN mission", "an international peacekeeping force").
    ``words``: the word classes (``forces.*``), the shipped ones by default."""
    words = words if words is not None else default_words()
    lemma = noun.lemma_.lower()
    modifiers = words["forces.mission_modifiers"]
    return lemma in words["forces.mission_nouns"] or (
        lemma == "force" and any(c.lower_ in modifiers for c in noun.children if c.i < noun.i)
    )


def place_of(noun: Token) -> Token | None:
    in_ = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return next((c for c in in_.children if c.dep_ == "pobj"), None) if in_ is not None else None


def official(actor: ActorRef | None) -> bool:
    """Whether ``actor`` is a government, armed or police actor (not just a country's team)."""
    return actor is not None and bool(OFFICIAL_SECTORS & set(actor.sectors))


def named(actor: ActorRef | None) -> bool:
    """Whether ``actor`` is someone the dictionaries know: a coded actor or a named person."""
    return actor is not None and bool(actor.code or actor.name)


def beneficiary(trigger: Token, source: ActorRef | None, find_actor: ActorFinder) -> ActorRef | None:
    """Who gains from aid or cooperation left without a "to" phrase: "assistance in strengthening
    the potential of your country" benefits the owner named inside the object."""
    obj = syntax.direct_object(trigger)
    if obj is None:
        return None
    frontier = [
        obj,
        *(
            c
            for c in trigger.children
            if (c.dep_ == "prep" and c.lower_ in ("in", "for")) or c.dep_ in ("advcl", "xcomp")
        ),
    ]
    depth = 0
    while frontier and depth < 8:
        following: list[Token] = []
        for node in frontier:
            for child in node.children:
                if on_behalf(child):
                    continue
                if child.dep_ in ("poss", "pobj", "prep", "pcomp", "dobj", "acl", "relcl", "xcomp", "advcl"):
                    if child.dep_ in ("poss", "pobj"):
                        found = find_actor(child)
                        if found is not None and (source is None or found.code != source.code):
                            return found
                    following.append(child)
        frontier, depth = following, depth + 1
    return None


#: Dependencies through which the other side of an act is reached from its trigger.
COMPLEMENT_DEPS = frozenset(
    {
        "dobj",
        "dative",
        "prep",
        "pobj",
        "pcomp",
        "xcomp",
        "ccomp",
        "acl",
        "poss",
        "amod",
        "compound",
        "nmod",
        "appos",
        "conj",
        "nsubj",
        "nsubjpass",
        "attr",
        "oprd",
        "agent",
    }
)


def first_actor_after(
    trigger: Token,
    source: ActorRef | None,
    find_actor: ActorFinder,
    source_head: Token | None = None,
    venues: bool = True,
) -> ActorRef | None:
    """The first coded actor that the trigger's complements name, in text order: "restored ties
    with Gondor", "agreed to provide aid for Romania", "demanded an apology from Ankara",
    "rejected proposed Serbian amendments". News puts the other side of an act after its verb; the
    source's own phrase, times, and clauses that are not complements (relative, adverbial,
    coordinated acts) are not searched. ``venues``: whether a place after "in" or "at" may be
    the other side (not for a meeting, whose venue is no party to it)."""
    excluded: set[int] = set()
    if source_head is not None:
        excluded.update(t.i for t in source_head.subtree)
    candidates: list[Token] = []
    frontier = [c for c in trigger.children if c.i > trigger.i and complement(c, trigger, venues)]
    depth = 0
    while frontier and depth < 8:
        following: list[Token] = []
        for node in frontier:
            if node.i in excluded or node.ent_type_ in NON_ACTOR_ENTITIES:
                continue
            if node.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and node.i > trigger.i:
                candidates.append(node)
            following.extend(c for c in node.children if complement(c, node, venues))
        frontier, depth = following, depth + 1
    unplaced: ActorRef | None = None
    for node in sorted(candidates, key=lambda t: t.i):
        found = find_actor(node)
        if found is None or not found.code or (source is not None and found.code == source.code):
            continue
        if found.country:
            return found
        if unplaced is None and node.dep_ not in ("amod", "compound"):
            unplaced = found  # "use military force against South Korea": a named side comes first
    return unplaced


def on_behalf(child: Token) -> bool:
    """ "on behalf of the government" names the source's principal, not the other side."""
    return child.dep_ == "prep" and any(c.lemma_.lower() == "behalf" for c in child.children)


def complement(child: Token, head: Token, venues: bool = True) -> bool:
    """Whether ``child`` continues the complement of ``head`` (see `first_actor_after`);
    ``venues=False`` leaves out where it happened ("talks in Geneva" are not with Switzerland)."""
    if not venues and child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS:
        return False
    if child.dep_ == "advcl":  # "marched to demand a recount by the commission": a purpose clause
        return syntax.purpose_clause(child)
    if child.dep_ == "conj":
        return head.pos_ not in ("VERB", "AUX")  # "Romania and Poland", not a second act
    if on_behalf(child):
        return False
    if child.dep_ in ("nsubj", "nsubjpass"):
        return head.dep_ in ("ccomp", "xcomp")
    return child.dep_ in COMPLEMENT_DEPS


def state_of_place(trigger: Token, find_actor: ActorFinder) -> ActorRef | None:
    """The state that arrests, detains or convicts where no agent is named: "was arrested in
    Lebanon" is an act of the Lebanese authorities (how wire copy reports state coercion)."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = find_actor(place) if place is not None else None
            if found is not None and found.country and found.code == found.country:
                return replace(found, code=found.country + "GOV", sectors=["GOV"])
    return None


def clause_target(trigger: Token, find_actor: ActorFinder) -> ActorRef | None:
    """The subject of a that-clause is who is asked or accused: "demanded that Kabul hand over"."""
    clause = next(
        (c for c in trigger.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None
    )
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return find_actor(subject) if subject is not None else None


def same_actor(source: ActorRef, target: ActorRef) -> bool:
    """Whether two sides are one actor: the same code and no two different names, unless the
    phrases name wholly different parts of it ("Uttar Pradesh Chief Minister" and "West Bengal's
    government" are both INDGOV, and not the same)."""
    if source.code and target.code:
        if source.code != target.code or (source.name and target.name and source.name != target.name):
            return False
        ours, theirs = _proper_words(source.text), _proper_words(target.text)
        return not (ours and theirs) or bool(ours & theirs)
    return source.text.lower() == target.text.lower()


def _proper_words(text: str) -> set[str]:
    """The capitalised words of a phrase after its first word ("West", "Bengal", "TMC")."""
    words = [w.strip("'’s(),.") for w in text.split()[1:]]
    return {w for w in words if len(w) > 1 and w[0].isupper()}
