"""Rules over a sentence's events: events derived from another (a conjoined actor's, a reported
demand, an obligation), a passive outcome folded into its violent act, and games that are no
political events. Each derived event's trace ends with the rule that made it."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ... import syntax
from ...records import Event, RuleStep, stable_id
from .. import sides
from .base import Context, actor_name, coded_event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..matching import Match

#: "The republic needs to reform", "the ministry has to comply": obligations spelt with a verb.
OBLIGATION_VERBS = {"need": "should", "have": "must"}
#: A game's score: "3-0", "112-104" (not years, "1991-1995").
SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")

CONJOINED = "derive.conjoined_actor"
REPORTED_DEMAND = "derive.reported_demand"
OBLIGATION = "derive.reported_obligation"
OUTCOME = "derive.outcome_of_violent_act"
GAME = "sentence.game_is_no_event"


def conjoined_actors(event: Event, match: Match, article_id: str, context: Context) -> list[Event]:
    """ "Ruritania and Freedonia vetoed the resolution" is two vetoes, "attacked Tarn and Vel"
    two attacks (as PETRARCH and ICEWS code them): one event per conjoined coded actor."""
    trigger = match.trigger
    heads = {
        "source": syntax.source_head(trigger, match.passive, trigger.pos_ == "VERB"),
        "target": match.target,
    }
    extra: list[Event] = []
    for side, head in heads.items():
        if head is None:
            continue
        for conj in head.conjuncts:
            if conj.i < head.i:
                continue
            actor = context.actors.actor(conj)
            other = event.target if side == "source" else event.source
            if actor is None or not actor.code or (other is not None and actor.start == other.start):
                continue
            if other is not None and sides.same_actor(actor, other):
                continue
            source = actor if side == "source" else event.source
            target = actor if side == "target" else event.target
            step = RuleStep(
                CONJOINED, f"{actor_name(actor)} is conjoined with the {side}: an event of its own"
            )
            extra.append(
                replace(
                    event,
                    id=stable_id(
                        article_id, event.start, event.cameo, source and source.code, target and target.code
                    ),
                    source=source,
                    target=target,
                    confidence=round(max(0.05, event.confidence + context.settings.weights["conjoined"]), 3),
                    rules=[*event.rules, step],
                )
            )
    return extra


def reported_demand(
    act: Event, trigger: Token, index: int, article_id: str, context: Context
) -> Event | None:
    """ "The ministry said the rebels must free the hostages": the ministry demands (10) that
    the rebels act; with "should", or "wants the rebels to free", it appeals (02). The required
    act itself stays coded, as hypothetical."""
    lexicon = context.lexicon
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    modal = next((c.lower_ for c in clause.children if c.dep_ == "aux"), None)
    wishing = clause.head.lemma_.lower() in lexicon.words["modality.wish_verbs"]
    wish = clause.dep_ in ("ccomp", "xcomp") and wishing
    if wish:
        modal = next(iter(lexicon.appeal_modals))
    elif (
        modal not in lexicon.demand_modals | lexicon.appeal_modals
        or clause.dep_ != "ccomp"
        or clause.head.lemma_.lower() not in lexicon.words["speech.reporting_verbs"]
    ):
        return None
    reporter = syntax.clause_subject(clause.head)
    source = context.find(reporter)
    if source is None or act.source is None or sides.same_actor(source, act.source):
        return None
    appeal = modal in lexicon.appeal_modals
    code = lexicon.demand_code(act.cameo, appeal=appeal)
    info = context.ontology.get(code if code in context.ontology else code[:3])
    kind = "an appeal" if appeal else "a demand"
    why = f"{actor_name(source)} says {actor_name(act.source)} {modal or 'should'} {act.trigger}: {kind}"
    confidence = act.confidence + context.settings.weights["reported_demand"]
    return coded_event(
        article_id,
        index,
        clause.head,
        info,
        source,
        act.source,
        confidence,
        rules=[RuleStep(REPORTED_DEMAND, why)],
    )


def obligation(
    clause: Token, index: int, article_id: str, context: Context, act: str | None = None
) -> Event | None:
    """ "The envoy said the junta must step down", "issued a reminder to the council that it
    must act": a reported obligation is the reporter's demand (10) on the clause's subject, or
    with "should" an appeal (02); the code follows the act required (``act``) where it is coded."""
    lexicon, settings = context.lexicon, context.settings
    speech = clause.head
    if clause.dep_ == "ccomp" and speech.lemma_.lower() in lexicon.words["speech.reporting_verbs"]:
        reporter = syntax.clause_subject(speech)
    elif clause.dep_ in ("acl", "ccomp") and speech.lemma_.lower() in lexicon.words["speech.message_nouns"]:
        reporter = syntax.noun_source(speech)
    else:
        return None
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if any(c.dep_ == "xcomp" for c in clause.children) and not modals:
        modals.add(OBLIGATION_VERBS.get(clause.lemma_.lower(), ""))  # "needs to", "has to"
    appeal = bool(modals & lexicon.appeal_modals)
    if not appeal and not modals & lexicon.demand_modals:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    source, target = context.find(reporter), context.find(subject)
    if source is None or target is None or sides.same_actor(source, target):
        return None
    code = lexicon.demand_code(act, appeal) if act else settings.codes["appeal" if appeal else "demand"]
    info = context.ontology.get(code if code in context.ontology else code[:3])
    w = settings.weights
    confidence = (
        w["obligation"]
        + (w["obligation_coded_source"] if source.code else 0.0)
        + (w["obligation_coded_target"] if target.code else 0.0)
    )
    why = f"{actor_name(source)} says {actor_name(target)} {'should' if appeal else 'must'} act"
    return coded_event(
        article_id, index, speech, info, source, target, confidence, rules=[RuleStep(OBLIGATION, why)]
    )


def fold_outcomes(
    events: list[Event], cues: list[tuple[Event, Token]], article_id: str, context: Context
) -> list[Event]:
    """ "A guard was killed in an ambush on the convoy by insurgents": the passive verb with no
    agent is the outcome of the violent act the noun names. One event: the noun's act, by its
    actor, on the verb's victim."""
    settings = context.settings
    by_token = {token.i: (event, token) for event, token in cues}
    folded: dict[int, Event] = {}
    dropped: set[int] = set()
    for event, token in cues:
        if not settings.applies("violent", event.cameo) or event.source is not None or not _passive(token):
            continue
        means, cue = next(
            (
                by_token[p.i]
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                for p in prep.children
                if p.dep_ == "pobj" and p.i in by_token
            ),
            (None, None),
        )
        if (
            means is None
            or cue is None
            or not settings.applies("violent", means.cameo)
            or means.source is None
        ):
            continue
        why = f'"{event.trigger}" is the outcome of "{means.trigger}" by {actor_name(means.source)}'
        folded[id(event)] = coded_event(
            article_id,
            means.sentence,
            cue,
            context.ontology.get(means.cameo),
            means.source,
            event.target,
            max(event.confidence, means.confidence),
            means.negated,
            means.hypothetical,
            means.pattern,
            [*means.rules, RuleStep(OUTCOME, why)],
        )
        dropped.add(id(means))
    return [folded.get(id(e), e) for e in events if id(e) not in dropped]


def about_sport(sent: Span, context: Context) -> bool:
    """Whether the sentence reports a game: a score ("3-0", "112-104") and a sports noun, or
    two sports nouns ("invaded the pitch to celebrate the title")."""
    nouns = sum(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in context.lexicon.sport_nouns for t in sent)
    return nouns >= 2 or (nouns == 1 and SCORE.search(sent.text) is not None)


def without_games(sent: Span, events: list[Event], context: Context) -> tuple[list[Event], list[Event]]:
    """ "The visitors beat the hosts 3-0": in a sentence about a game, protest, coercion and
    force need an official or armed actor on one side. The events kept and those dropped."""
    settings = context.settings
    forceful = [e for e in events if settings.applies("forceful", e.cameo)]
    if not forceful or not about_sport(sent, context):
        return events, []
    dropped = [e for e in forceful if not (sides.official(e.source) or sides.official(e.target))]
    return [e for e in events if not any(e is d for d in dropped)], dropped


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
