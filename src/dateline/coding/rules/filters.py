"""Rules that find a match is no event: a figurative use, no actor, or one actor on both sides."""

from __future__ import annotations

from ... import syntax
from .. import kinds, sides
from .base import Context, Draft, actor_name, quoted, rule


@rule("filter.figurative_object", drops=True)
def figurative_object(draft: Draft, context: Context) -> str | None:
    """ "Fighting corruption", "attacked the proposal": a conflict or cooperation verb whose
    object is no actor is used figuratively."""
    head, settings, lexicon = draft.target_head, context.settings, context.lexicon
    if head is None:
        return None
    if settings.applies("figurative", draft.code) and head.lemma_.lower() in lexicon.non_targets:
        return f"{quoted(head)} is no actor: the verb is figurative"
    if settings.applies("forceful", draft.code) and sides.non_actor(head, lexicon):
        return f"force against {quoted(head)}, which is no actor"
    return None


@rule("filter.figurative_noun", drops=True)
def figurative_noun(draft: Draft, context: Context) -> str | None:
    """ "A price war", "fought a legal battle": a conflict noun (the trigger, or the object of a
    trigger verb) whose modifier makes it one of markets, courts or words is no use of force."""
    words = context.lexicon.words
    noun = draft.trigger if draft.trigger.pos_ in ("NOUN", "PROPN") else syntax.direct_object(draft.trigger)
    if noun is None or noun.lemma_.lower() not in words["senses.conflict_nouns"]:
        return None
    modifier = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in words["senses.figurative_modifiers"]
        ),
        None,
    )
    return None if modifier is None else f'"{modifier.text} {noun.text}" is no use of force'


@rule("filter.owned_noun_needs_own_actor", drops=True)
def owned_noun_needs_own_actor(draft: Draft, context: Context) -> str | None:
    """ "Lifted sanctions": a noun act that another trigger verb acts on is coded only with an
    actor of its own ("sanctions by the council", "talks between A and B")."""
    if not draft.owned or draft.source_head is not None or draft.match.pattern.target_prep == "between":
        return None
    return f"{quoted(draft.trigger)} is what another act acts on, and has no actor of its own"


@rule("filter.source_is_no_actor", drops=True)
def source_is_no_actor(draft: Draft, context: Context) -> str | None:
    """ "The earthquake hit the coast", "prices hit a record": a force of nature or a market is
    no actor."""
    head = draft.source_head
    if head is None or (draft.source is not None and draft.source.code):
        return None
    if not sides.non_actor(head, context.lexicon):
        return None
    return f"the subject {quoted(head)} is a force of nature or a market, no actor"


@rule("filter.harm_without_perpetrator", drops=True)
def harm_without_perpetrator(draft: Draft, context: Context) -> str | None:
    """ "Six workers were killed when a boiler exploded", "floods hit the valley": harm that
    nobody named did, told (in its sentence or the one before) with a hazard or an accident and
    no weapon or attacker, is a disaster, not violence."""
    if not context.settings.applies("harm", draft.code):
        return None
    words = context.lexicon.words
    if _names_a_doer(draft, words["hazards.harm_causes"]):
        return None
    sentence = draft.trigger.sent
    told = list(sentence)  # with the sentence before: "A tank exploded. Four people were hurt."
    if sentence.start > 0:
        told += list(sentence.doc[sentence.start - 1].sent)
    lemmas = {t.lemma_.lower() for t in told} | {t.lower_ for t in told}
    if lemmas & words["hazards.attack_cues"]:
        return None
    causes = sorted(lemmas & words["hazards.harm_causes"])
    if not causes:
        return None
    return f"harm with no one named who did it, told with {', '.join(repr(c) for c in causes[:3])}"


def _names_a_doer(draft: Draft, causes: frozenset[str]) -> bool:
    """Whether the subject names who did the act: an actor, a name or a pronoun, not a hazard or
    an accident ("the blast", "floods"), what it moved ("falling trees"), a place ("in Kerala")
    or a quantity ("several"). (Only asked of sentences that tell of a hazard or an accident.)"""
    head = draft.source_head
    if head is not None and (head.lemma_.lower() in causes or head.lower_ in causes):
        return False
    if draft.source is not None and draft.source.code:
        return True
    if head is None or head.ent_type_ in _PLACE_ENTITIES:
        return False
    if head.pos_ == "PRON":
        return head.lower_ not in _QUANTITIES
    return head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP")


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_QUANTITIES = frozenset({"several", "many", "some", "dozens", "hundreds", "thousands", "others", "more"})


@rule("filter.noun_mentioned_not_reported", drops=True)
def noun_mentioned_not_reported(draft: Draft, context: Context) -> str | None:
    """ "Called for talks", "despite threats of sanctions", "amid pressure from Moscow": a noun act
    inside a phrase of purpose, concession, description or background is mentioned, not reported
    as done.
    (Nouns after prepositions of time, "during the talks", "after the attack", are kept.)"""
    trigger = draft.trigger
    if trigger.pos_ == "VERB" or trigger.dep_ != "pobj":
        return None
    preposition, words = trigger.head.lower_, context.lexicon.words
    background = preposition in words["modality.background_prepositions"]
    if background and context.settings.applies("violent", draft.code):
        return None  # "amid clashes": violence alongside the act happens too
    if not background and preposition not in words["modality.non_occurrence_prepositions"]:
        return None
    if syntax.measured(trigger.head.head) is not None:  # "began a new round of talks": counted acts
        return None
    return f'"{preposition} {trigger.text}": the act is mentioned, not reported as done'


@rule("filter.habit", drops=True)
def habit(draft: Draft, context: Context) -> str | None:
    """ "Routinely denies", "often hold drills": an act under an adverb of frequency is a habit,
    not an act done on a day. (Except violence: "guards routinely beat detainees" reports abuse.)"""
    if context.settings.applies("violent", draft.code):
        return None
    adverbs = context.lexicon.words["modality.habit_adverbs"]
    for verb in (draft.trigger, *syntax.governors(draft.trigger)):
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in adverbs:
                return f"{quoted(child)} {verb.text}: a habit, not an act done on a day"
    return None


@rule("filter.no_actor", drops=True)
def no_actor(draft: Draft, context: Context) -> str | None:
    """An act with neither a source nor a target is no event."""
    if draft.source is not None or draft.target is not None:
        return None
    return "no source and no target"


@rule("filter.partner_is_a_party", drops=True)
def partner_is_a_party(draft: Draft, context: Context) -> str | None:
    """ "Negotiated the loan terms", "received permission", "arrived in a suburb": a meeting,
    cooperation or aid (CAMEO 04-07) is between parties; one whose other side is a thing, a
    place or a common noun no dictionary codes is no event. (A name no dictionary knows is a
    party: "signed a deal with Orvex", and so are people: "gave grants to homeowners".)"""
    target = draft.target
    if target is None or sides.named(target) or not context.settings.applies("partnership", draft.code):
        return None
    span = draft.trigger.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or span.root.pos_ == "PROPN" or span.root.ent_type_ in _PARTY_ENTITIES:
        return None
    if kinds.names_people(span.root, context.lexicon.words):  # "aid to households"
        return None
    return f"the other side, {quoted(span.root)}, is no party to a meeting, cooperation or aid"


_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


@rule("filter.return_needs_country_target", drops=True)
def return_needs_country_target(draft: Draft, context: Context) -> str | None:
    """A pattern with a required object and a preposition ("return OBJECT to TARGET") needs a
    state as target: "returned the statues to Egypt", not "returned the country to civilian rule"."""
    pattern = draft.match.pattern
    if not (pattern.needs_object and pattern.target_prep):
        return None
    if draft.target is not None and draft.target.country:
        return None
    return (
        f"the pattern needs a state after {pattern.target_prep!r}; the target is {actor_name(draft.target)}"
    )


@rule("filter.force_needs_named_side", drops=True)
def force_needs_named_side(draft: Draft, context: Context) -> str | None:
    """ "A tightening hit the sugar market", "a takeover fight": protest, coercion and force need
    a named actor on one side."""
    if not context.settings.applies("forceful", draft.code):
        return None
    if sides.named(draft.source) or sides.named(draft.target):
        return None
    return "protest, coercion or force with no named actor on either side"


@rule("filter.same_actor_both_sides", drops=True)
def same_actor_both_sides(draft: Draft, context: Context) -> str | None:
    """An actor does not act on itself."""
    if draft.source is None or draft.target is None or not sides.same_actor(draft.source, draft.target):
        return None
    return f"{actor_name(draft.source)} and {actor_name(draft.target)} are the same actor"
