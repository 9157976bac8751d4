"""Rules that change an act's code from what is around it: how a seizure came about, who
fought whom, whose side a warning is about; and the confidence an event gets."""

from __future__ import annotations

from ... import syntax
from .. import sides
from .base import Context, Draft, actor_name, rule


@rule("code.seizure_by_fighting")
def seizure_by_fighting(draft: Draft, context: Context) -> str | None:
    """ "Retook the village after heavy fighting": territory taken by fighting is combat (the
    fighting is the act), not a seizure without force."""
    lexicon = context.lexicon
    if draft.code not in lexicon.seizure_codes:
        return None
    fight = next(
        (
            pobj
            for prep in draft.trigger.children
            if prep.dep_ == "prep" and prep.lower_ in ("after", "following", "in", "amid", "during")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lexicon.combat_nouns
        ),
        None,
    )
    if fight is None:
        return None
    before, draft.code = draft.code, lexicon.combat_code
    return f'taken by "{fight.text}": combat ({draft.code}), not {before}'


@rule("code.verbal_attack")
def verbal_attack(draft: Draft, context: Context) -> str | None:
    """ "The minister attacked the newspaper in a speech": an attack made in words (in a speech,
    an interview, a post) is criticism (111), not force."""
    trigger, words = draft.trigger, context.lexicon.words
    if not context.settings.applies("violent", draft.code) or trigger.pos_ != "VERB":
        return None
    if trigger.lemma_.lower() not in words["senses.attack_verbs"]:
        return None
    obj = syntax.direct_object(trigger)
    heads = [trigger] if obj is None else [trigger, obj]  # "attacked the plan in a speech"
    mode = next(
        (
            pobj
            for head in heads
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "during", "at", "via", "through")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in words["senses.speech_modes"]
        ),
        None,
    )
    if mode is None:
        return None
    before, draft.code = draft.code, context.settings.codes["verbal_attack"]
    return f'an attack made in words ("{mode.text}"): criticism ({draft.code}), not {before}'


@rule("code.force_between_armed_sides")
def force_between_armed_sides(draft: Draft, context: Context) -> str | None:
    """ "An ambush on an army patrol by rebels": an assault between two armed sides is fighting
    with small arms (190), not an assault on civilians."""
    codes = context.settings.codes
    if draft.code != codes["assault"] or draft.match.words:
        return None
    if not sides.armed_engagement(draft.source, draft.target):
        return None
    draft.code = codes["armed_clash"]
    return f"{actor_name(draft.source)} and {actor_name(draft.target)} are both armed: {draft.code}"


@rule("code.own_side_warning")
def own_side_warning(draft: Draft, context: Context) -> str | None:
    """ "The interior minister warned that the police would not allow more marches": a warning
    that the speaker's own side will act is a threat (13); a warning about what others will do
    stays a statement (012)."""
    lexicon, source, trigger = context.lexicon, draft.source, draft.trigger
    if not context.settings.applies("statement", draft.code):
        return None
    if source is None or not source.country or trigger.lemma_.lower() not in lexicon.threat_verbs:
        return None
    clause = next((c for c in trigger.children if c.dep_ == "ccomp"), None)
    if clause is None or not any(
        c.dep_ == "aux" and c.lower_ in lexicon.intent_auxiliaries for c in clause.children
    ):
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    actor = context.find(subject)
    if actor is None or actor.country not in (source.country, None) or not actor.code:
        return None
    draft.code = context.settings.codes["threat"]
    return f"a warning that the speaker's own side, {actor_name(actor)}, will act: a threat ({draft.code})"


@rule("code.unknown_code_falls_back")
def unknown_code_falls_back(draft: Draft, context: Context) -> str | None:
    """A code the CAMEO tables lack (a rule's shift with no entry) falls back to the pattern's."""
    if draft.code in context.ontology:
        return None
    before, draft.code = draft.code, draft.match.pattern.code
    return f"{before} is not a CAMEO code: back to the pattern's {draft.code}"


def confidence(draft: Draft, context: Context, root: str) -> float:
    """The event's confidence: how specific its pattern is, whether its sides are coded, whether
    it is a verb, negated, hypothetical or a mere statement, and how central its clause is."""
    w = context.settings.weights
    trigger, source, target = draft.trigger, draft.source, draft.target
    score = w["base"] + w["per_pattern_word"] * min(draft.match.pattern.specificity, int(w["pattern_words"]))
    score += w["coded_source"] if source is not None and source.code else 0.0
    score += w["coded_target"] if target is not None and target.code else 0.0
    score += w["verb_trigger"] if trigger.pos_ == "VERB" else 0.0
    score += w["negated"] if draft.negated else 0.0
    score += w["hypothetical"] if draft.hypothetical else 0.0
    score += w["statement"] if context.settings.applies("statement", root) else 0.0
    score += syntax.salience(trigger)
    score += w["per_token"] * (trigger.i - trigger.sent.start)
    return score
