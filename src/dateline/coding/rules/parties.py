"""Rules that find an event's two sides: who acts (the source) and on whom (the target).

The source starts as the actor of the trigger's subject and the target as the actor of the
object or prepositional object the pattern names. These rules fill a side the parse leaves empty
and correct one the parse gets wrong ("sent engineers to Chad": the engineers are the source's own,
Chad is the target).
"""

from __future__ import annotations

from ... import syntax
from .. import authorship, matching, sides
from .base import Context, Draft, actor_name, quoted, rule


@rule("sides.between_names_both")
def between_names_both(draft: Draft, context: Context) -> str | None:
    """ "Talks between Ankara and Athens": with no subject, the two actors after "between" are
    the source and the target."""
    if draft.source_head is not None or draft.match.pattern.target_prep != "between":
        return None
    if draft.target_head is None:
        return None
    partner = next((c for c in draft.target_head.children if c.dep_ == "conj"), None)
    if partner is None:
        return None
    draft.source_head, draft.target_head = draft.target_head, partner
    return f'"between {draft.source_head.text} and {partner.text}" names both sides'


@rule("sides.one_phrase_is_one_side")
def one_phrase_is_one_side(draft: Draft, context: Context) -> str | None:
    """A phrase that is the subject cannot also be the target."""
    if draft.source_head is None or draft.target_head is None:
        return None
    if draft.source_head.i != draft.target_head.i:
        return None
    draft.target_head = None
    return f"{quoted(draft.source_head)} is the source, so not the target too"


@rule("sides.source_actor", silent=True)
def source_actor(draft: Draft, context: Context) -> str | None:
    """The source is the actor of the subject (inherited through control verbs and conjunctions)."""
    draft.source = context.find(draft.source_head)
    return None


@rule("sides.source_from")
def source_from(draft: Draft, context: Context) -> str | None:
    """ "The threat from China", "pressure from Moscow", "aid from Japan": a noun act with no
    actor of its own is done by the actor its "from" names (not for acts that move someone away
    from a place: "the withdrawal from Syria", "release from prison")."""
    trigger = draft.trigger
    if draft.source is not None or trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    if not context.settings.applies("from_source", draft.code):
        return None
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        found = context.find(obj)
        if found is not None:
            draft.source = found
            if obj is draft.target_head:
                draft.target_head = None
            return f'"{trigger.text} from ..." names who does it: {actor_name(found)}'
    return None


@rule("sides.uncoded_people_act")
def uncoded_people_act(draft: Draft, context: Context) -> str | None:
    """ "Prisoners rioted", "doctors delivered aid": people no dictionary lists still act; the
    source is their phrase, without a code (unless the noun is itself an act)."""
    head = draft.source_head
    if draft.source is not None or head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if context.lexicon.patterns_for(head.lemma_.lower()):
        return None
    draft.source = context.actors.phrase(head)
    return f"the subject {quoted(head)} is people no dictionary lists: an uncoded source"


@rule("sides.target_actor", silent=True)
def target_actor(draft: Draft, context: Context) -> str | None:
    """The target is the actor of the object (or prepositional object) the pattern names."""
    draft.target = context.find(draft.target_head)
    return None


@rule("sides.state_acts_where_it_happens")
def state_acts_where_it_happens(draft: Draft, context: Context) -> str | None:
    """ "Was arrested in the capital", "was convicted": a passive act of the authorities with no
    agent is the act of the state of the place it happens in."""
    if draft.source is not None or not draft.match.passive:
        return None
    if not context.settings.applies("passive_state_source", draft.code):
        return None
    draft.source = sides.state_of_place(draft.trigger, context.actors.actor)
    if draft.source is None:
        return None
    return (
        f"a passive act of the authorities with no agent: the state of the place, {actor_name(draft.source)}"
    )


@rule("sides.actor_inside_object")
def actor_inside_object(draft: Draft, context: Context) -> str | None:
    """ "Expelled the Ruritanian ambassador": the actor inside the object the pattern names."""
    if draft.target is not None:
        return None
    draft.target = matching.object_actor(draft.match, draft.source, context.actors.actor)
    return None if draft.target is None else f"the object names the target, {actor_name(draft.target)}"


@rule("sides.clause_subject_is_target")
def clause_subject_is_target(draft: Draft, context: Context) -> str | None:
    """ "Urged that the junta step down", "accused the rebels of ...": the target of a demand or
    an accusation may be the subject of its clause."""
    if draft.target is not None or not context.settings.applies("clause_target", draft.code):
        return None
    draft.target = sides.clause_target(draft.trigger, context.actors.actor)
    return None if draft.target is None else f"the subject of the clause, {actor_name(draft.target)}"


@rule("code.joint_exercise")
def joint_exercise(draft: Draft, context: Context) -> str | None:
    """ "Freedonian and Sylvanian warships began drills": an exercise held by two countries'
    forces named together is military cooperation (062) with the second, not a show of force."""
    settings = context.settings
    if not settings.applies("show_of_force", draft.code) or draft.source_head is None:
        return None
    if (draft.target is not None and draft.target.country) or not _exercise(draft, context):
        return None
    ally = sides.coordinated_partner(draft.source_head, draft.source, context.actors.actor, foreign=True)
    if ally is None:
        return None
    draft.code, draft.target = context.lexicon.joint_code, ally
    return f"an exercise with a foreign partner's forces, {actor_name(ally)}: joint ({draft.code})"


def _exercise(draft: Draft, context: Context) -> bool:
    """Whether the act is a military exercise or patrol (the trigger or its object)."""
    nouns = context.lexicon.joint_nouns
    obj = syntax.direct_object(draft.trigger)
    return draft.trigger.lemma_.lower() in nouns or (obj is not None and obj.lemma_.lower() in nouns)


@rule("sides.symmetric_partner")
def symmetric_partner(draft: Draft, context: Context) -> str | None:
    """ "Ankara and Athens met", "the two sides agreed": in an act with two equal sides, the
    partner named with the source (or the other of the two a plural stands for) is the target."""
    head = draft.source_head
    if draft.target is not None or head is None or not context.settings.applies("symmetric", draft.code):
        return None
    ally = sides.coordinated_partner(head, draft.source, context.actors.actor)
    if ally is not None:
        draft.target = ally
        return f"named with the source: {actor_name(ally)}"
    if head.lower_ not in context.lexicon.words["mentions.plural_references"]:
        return None
    group = context.actors.group(head)
    if len(group) != 2:
        return None
    draft.target = group[1]
    return f"{quoted(head)} stands for two sides: the other is {actor_name(group[1])}"


@rule("sides.mission_place_is_target")
def mission_place_is_target(draft: Draft, context: Context) -> str | None:
    """ "Sent troops to a stabilisation force in Haiti": the target is the place of the mission."""
    head = draft.target_head
    if head is None or draft.match.pattern.target_prep not in sides.MOVEMENT_PREPOSITIONS:
        return None
    if not sides.mission(head, context.lexicon.words):
        return None
    where = sides.place_of(head)
    found = context.find(where)
    if found is None:
        return None
    draft.target = found
    return f"{quoted(head)} is a mission: the target is its place, {actor_name(found)}"


@rule("sides.forces_moved_are_not_target")
def forces_moved_are_not_target(draft: Draft, context: Context) -> str | None:
    """ "Sent 120 engineers to Chad": the forces moved are the source's own; the target is
    where they go."""
    head = draft.target_head
    if head is None or draft.match.pattern.target_prep:
        return None
    words = context.lexicon.words
    if not sides.own_force(head, draft.source, draft.target, words):
        return None
    where = sides.destination(draft.trigger, head, words)
    if where is None:
        return None
    draft.target = context.find(where) or context.actors.phrase(where)
    return (
        f"{quoted(head)} are the source's own forces: the target is where they go, {actor_name(draft.target)}"
    )


@rule("sides.beneficiary")
def beneficiary(draft: Draft, context: Context) -> str | None:
    """ "Offered to help rebuild the country's army": the beneficiary of help or cooperation."""
    if draft.target is not None or not context.settings.applies("beneficiary", draft.code):
        return None
    draft.target = sides.beneficiary(draft.trigger, draft.source, context.actors.actor)
    return None if draft.target is None else f"the beneficiary of the act, {actor_name(draft.target)}"


@rule("sides.first_actor_after")
def first_actor_after(draft: Draft, context: Context) -> str | None:
    """With no target in the parse, the first actor after the trigger in its clause (not after a
    reflexive object: "defended itself" has no other side)."""
    head = draft.target_head
    reflexive = head is not None and head.lower_ in context.lexicon.words["pronouns.reflexive"]
    if draft.target is not None or reflexive:  # "defended itself": the act has no other side
        return None
    venues = not context.settings.applies("meeting", draft.code)  # a meeting's venue is no party to it
    found = sides.first_actor_after(
        draft.trigger, draft.source, context.actors.actor, draft.source_head, venues
    )
    if found is None:
        return None
    draft.target = found
    return f"the first actor after the trigger, {actor_name(found)}"


@rule("sides.author_of_the_object")
def author_of_the_object(draft: Draft, context: Context) -> str | None:
    """ "Rejected the resolution", "criticised the veto": a reaction to a thing someone made
    (a word of ``mentions.made_things``) is aimed at its maker, named in the phrase or at an
    earlier mention in the story."""
    if draft.target is not None or not context.settings.applies("reaction", draft.code):
        return None
    thing = draft.target_head or syntax.direct_object(draft.trigger)
    if thing is None or thing.lemma_.lower() not in context.lexicon.words["mentions.made_things"]:
        return None
    found = authorship.author(thing, context.actors.actor)
    if found is None:
        return None
    maker, mention = found
    if draft.source is not None and maker.code and maker.code == draft.source.code:
        return None  # "withdrew its proposal": one's own thing is no other side
    draft.target = maker
    where = "in its phrase" if mention is thing else f'at "{mention.text}" before'
    return f"{quoted(thing)} was made by {actor_name(maker)} ({where})"


@rule("sides.uncoded_target")
def uncoded_target(draft: Draft, context: Context) -> str | None:
    """ "Captured three towns": a target no dictionary codes is kept as its phrase."""
    head = draft.target_head
    if draft.target is not None or head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    draft.target = context.actors.phrase(head)
    return f"{quoted(head)}: a target without a code"


@rule("sides.acted_on")
def acted_on(draft: Draft, context: Context) -> str | None:
    """ "Boycotted the vote", "lifted the curfew": what an act without an actor target is done
    to. An object that is itself an act ("held talks") is the event, not its target."""
    if draft.target is not None or draft.target_head is not None or draft.source is None:
        return None
    obj = syntax.direct_object(draft.trigger)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    if context.lexicon.patterns_for(obj.lemma_.lower()):
        return None
    draft.target = context.actors.phrase(obj)
    return f"done to {quoted(obj)}"
