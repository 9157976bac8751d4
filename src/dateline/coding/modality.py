"""Modality of a coded act: whether it was done, is intended, threatened, refused, asked for,
denied or only imagined.

Read off the words that govern the trigger (its open-complement chain, see `syntax.governors`)
and its clause: auxiliaries ("will", "may"), conditions ("if", "unless"), negation, reporting and
denial verbs, allegation nouns and purpose clauses. The coder turns these into CAMEO's intent
(03), threat (13) and rejection (12) codes or flags the event negated or hypothetical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import syntax
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .rules.base import RuleSettings


def clause_of(trigger: Token, governors: list[Token]) -> Token:
    """The verb whose clause holds the act, where its modality is marked: the outermost
    governor, the light verb of a noun act ("Israel may launch strikes"), or the trigger."""
    if governors:
        return governors[-1]
    head = trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and head.lemma_.lower() in syntax.LIGHT_VERBS:
        return head
    return trigger


def has_intent(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    if any(g.lemma_.lower() in lexicon.intent_verbs for g in governors):
        return True
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in lexicon.intent_verbs
    ):
        return trigger.head.lemma_.lower() not in ("offer", "pledge", "promise", "undertake", "commit")
    clause = clause_of(trigger, governors)
    if reported_future(clause, lexicon) and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in clause.children
    ):
        return True
    return any(
        c.dep_ == "aux" and c.lower_ in lexicon.intent_auxiliaries
        for c in (*clause.children, *trigger.children)
    )


def negated(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    for node in dict.fromkeys((trigger, *governors, clause_of(trigger, governors))):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.dep_ == "acomp" and any(c.dep_ == "neg" for c in node.head.children):
            return True  # "are not capable of fighting"
    return any(g.lemma_.lower() in lexicon.negation_verbs for g in governors)


def condition(trigger: Token, governors: list[Token]) -> str | None:
    """The condition an act is announced on: "unless" (do it unless you comply: a threat) or
    "if" (a threat for hostile acts, a conditional offer for cooperative ones), or None."""
    clause = clause_of(trigger, governors)
    for node in (trigger, clause):
        for c in node.children:
            if c.dep_ == "advcl":
                mark = next(
                    (m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None
                )
                if mark is not None:
                    return mark
    return None


def future(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A plain future ("he will withdraw the inspectors"), which CAMEO reads as not yet done."""
    clause = clause_of(trigger, governors)
    return any(
        c.dep_ == "aux" and c.lower_ in lexicon.intent_auxiliaries
        for c in (*clause.children, *trigger.children)
    )


def _addressed(verb: Token) -> bool:
    """Whether the verb names whom it asks: "urged both sides to", "called on Iran to"."""
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children)


def requested(trigger: Token, governors: list[Token], lexicon: Lexicon, settings: RuleSettings) -> bool:
    """An act someone demands, urges or alleges ("pressed the bloc to back", "demanded that X be
    taken", "accused Chad of arming the rebels") is not established: the demand or accusation is.
    Which verbs appeal, demand, threaten or accuse is read from their first lexicon pattern's root
    (``settings.roots``: ``demand``, ``ultimatum``, ``accusation``)."""

    def first_sense(lemma: str, group: str) -> bool:
        patterns = lexicon.patterns_for(lemma)
        return bool(patterns) and settings.applies(group, patterns[0].code)

    def any_sense(lemma: str, group: str) -> bool:
        return any(settings.applies(group, p.code) for p in lexicon.patterns_for(lemma))

    addressed = bool(governors) and trigger.dep_ == "xcomp" and _addressed(governors[0])
    if addressed and first_sense(governors[0].lemma_.lower(), "demand"):  # "called on both to sign"
        return True
    for node in (trigger, *governors):
        demand = syntax.direct_object(node.head) if syntax.purpose_clause(node) else None
        if demand is not None and any_sense(demand.lemma_.lower(), "ultimatum"):
            return True  # "gave Kenya a deadline to reopen the border": asked, not done
    clause = clause_of(trigger, governors)
    if (
        clause.dep_ in ("acl", "ccomp")
        and clause.head.pos_ == "NOUN"
        and clause.head.lemma_.lower() in lexicon.words["speech.allegation_nouns"]
    ):
        return True  # "denied claims that Kigali is arming the militia"
    if clause.dep_ == "pcomp" and clause.head.lower_ in ("of", "for"):  # "accused Chad of arming"
        return any_sense(clause.head.head.lemma_.lower(), "accusation")
    if clause.dep_ not in ("ccomp", "xcomp"):
        return False
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.words["speech.denial_verbs"]:
        return True  # "denied that it was arming the rebels"
    return any_sense(clause.head.lemma_.lower(), "demand")


def refusal(governors: list[Token], lexicon: Lexicon) -> Token | None:
    """The governing verb that refuses the act ("refused to meet", "failed to reach"), if any."""
    return next((g for g in governors[:1] if g.lemma_.lower() in lexicon.refusal_verbs), None)


def reported_future(node: Token, lexicon: Lexicon) -> bool:
    """ "said it would send troops": "would" is the future of reported speech, not a condition."""
    return (
        node.dep_ == "ccomp"
        and node.head.lemma_.lower() in lexicon.words["speech.reporting_verbs"]
        and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children)
    )


def hypothetical(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    for node in dict.fromkeys((trigger, *governors, clause_of(trigger, governors))):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lexicon.modals:
                if child.lower_ in ("would", "'d") and reported_future(node, lexicon):
                    continue
                return True
            if child.dep_ == "mark" and child.lower_ in lexicon.hypothetical_markers:
                return True
    clause = clause_of(trigger, governors)
    if (
        clause.dep_ == "acl"
        and clause.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ):
        return True  # "Moscow's will to agree", "a bid to seize the town": not done (yet)
    return any(  # "if the US goes ahead with the deployment": a noun inside a condition
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lexicon.hypothetical_markers for m in clause.children)
        for clause in trigger.ancestors
    )
