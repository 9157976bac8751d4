"""The event coder's named rules, in the order they apply to a pattern match.

A match gives a trigger, a code and the heads of its two sides. The rules then find the sides'
actors, drop what is no event, read the act's modality, and correct the code. Each rule is a small
function in one of the modules below; `EVENT_RULES` is the order, and `dateline explain` prints
the rules that changed an event (its ``rules`` field) and the one that dropped a match.
"""

from __future__ import annotations

from . import filters, mood, parties, recode
from .base import (
    ActorContext,
    Context,
    Draft,
    Dropped,
    Rule,
    RuleSettings,
    coded_event,
    default_settings,
    rule,
    run,
)

EVENT_RULES: tuple[Rule, ...] = (
    # what the act is done to, before anything else: a figurative object is no event
    filters.figurative_object,
    filters.figurative_noun,
    filters.owned_noun_needs_own_actor,
    filters.noun_mentioned_not_reported,
    filters.habit,
    # the two sides
    parties.between_names_both,
    parties.one_phrase_is_one_side,
    parties.source_actor,
    parties.source_from,
    filters.source_is_no_actor,
    filters.harm_without_perpetrator,
    parties.uncoded_people_act,
    parties.target_actor,
    parties.state_acts_where_it_happens,
    parties.actor_inside_object,
    parties.clause_subject_is_target,
    parties.joint_exercise,
    parties.symmetric_partner,
    parties.mission_place_is_target,
    parties.forces_moved_are_not_target,
    parties.beneficiary,
    parties.author_of_the_object,
    parties.first_actor_after,
    parties.uncoded_target,
    parties.acted_on,
    # is it an event?
    filters.no_actor,
    filters.return_needs_country_target,
    filters.force_needs_named_side,
    filters.same_actor_both_sides,
    # modality: the first code-changing rule that applies settles the code
    mood.read,
    mood.negated,
    mood.hypothetical,
    mood.requested_act_is_not_done,
    mood.refusal_is_rejection,
    mood.threat_verb,
    mood.conditional_threat,
    mood.readiness_is_posture,
    mood.decision_is_the_sanction,
    mood.conditional_intent_is_threat,
    mood.intent_to_act,
    # an act between parties, as modality left it (an offer of aid is an intent, not aid)
    filters.partner_is_a_party,
    # the code, from what is around the act
    recode.seizure_by_fighting,
    recode.verbal_attack,
    recode.force_between_armed_sides,
    recode.own_side_warning,
    recode.unknown_code_falls_back,
)

__all__ = [
    "EVENT_RULES",
    "ActorContext",
    "Context",
    "Draft",
    "Dropped",
    "Rule",
    "RuleSettings",
    "coded_event",
    "default_settings",
    "rule",
    "run",
]
