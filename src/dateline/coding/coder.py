"""The event coder: dependency parse + pattern lexicon -> CAMEO events with PLOVER types.

For each sentence, every token whose lemma is a trigger in the lexicon is tried against its
patterns (most specific first). The source is the subject of the trigger's clause (inherited
through control verbs, conjunctions and relative clauses; the agent in the passive); the target is
the object or the prepositional object the pattern names. Intent ("plans to", "will"), threats,
negation and hypotheticals are read off the trigger's governors. No pattern, no event: there is
no default code.

The coder's helpers live beside it: `matching` (patterns against the parse), `sides` (the other
side of an act, official and armed actors), `modality` (intent, threat, refusal, hypotheticals)
and `syntax` (clause structure).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from .. import syntax
from ..ontology import CameoCode, Ontology, default_ontology
from ..records import ActorRef, Event, PatternRef, Plover, stable_id
from ..registry import register
from . import matching, modality, sides
from .lexicon import Lexicon, default_lexicon
from .placement import VIOLENT_ROOTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Roots of protest, coercion and force: news uses their verbs for markets, sport and business
#: ("prices hit", "a takeover fight"), so they need a known actor on one side.
FORCEFUL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
#: Roots where "X and Y met" means X met Y.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
#: Roots whose verbs news also uses figuratively ("fight crime", "support growth").
FIGURATIVE_ROOTS = frozenset({"06", "07", "17", "18", "19", "20"})
#: Roots whose target may be the subject of a that-clause ("urged that Iran stop", "accused Kabul of").
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "12", "13"})
#: Roots whose acts have a beneficiary that may hide inside the object ("help rebuild Syria's army").
BENEFICIARY_ROOTS = frozenset({"03", "07"})
#: A game's score: "3-0", "112-104" (not years, "1991-1995").
SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")
#: Roots of acts against something: a noun they are done to ("an attack on a patrol") is no act.
OPPOSING_ROOTS = frozenset({"11", "12", "13", "14", "16", "17", "18", "19", "20"})
#: Roots of hostile acts that, announced on a condition, are threats (CAMEO 13's subcodes).
HOSTILE_ACT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
#: Roots of verbal acts that a noun can carry ("support", "condemnation", "demand", "rejection").
VERBAL_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
#: "Israel wants Germany to pay": wishing that another act is an appeal (02) to it.
WISH_VERBS = frozenset({"want", "wish", "like"})
#: Nouns that carry what someone said: "issued a reminder to Iraq that it must cooperate".
SPEECH_NOUNS = frozenset(
    {"reminder", "warning", "statement", "message", "declaration", "letter", "note", "communique"}
)
#: "Japan needs to reform", "Iraq has to comply": obligations spelt with a verb, not a modal.
OBLIGATION_VERBS = {"need": "should", "have": "must"}
#: "defended itself": the source acts on itself, so the act has no other side.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})


class ActorContext(Protocol):
    """What the coder needs to know about actors (implemented by `dateline.coref.Coreference`)."""

    def actor(self, token: Token) -> ActorRef | None:
        """The actor of the phrase headed by ``token`` (pronouns resolved)."""

    def group(self, token: Token) -> list[ActorRef]:
        """The actors a plural reference ("they", "the two sides") stands for."""

    def phrase(self, token: Token) -> ActorRef:
        """The noun phrase headed by ``token`` as an uncoded actor (its text and offsets only)."""

    def note_event(self, event: Event, trigger: Token) -> None:
        """Told of every event coded, in text order (later plural references may point to it)."""


PLURAL_REFERENCES = frozenset(
    {"they", "them", "sides", "countries", "nations", "leaders", "ministers", "parties"}
)


@register("coding")
class EventCoder:
    """Codes events in a parsed document. ``find_actor`` maps a phrase head to an actor."""

    name = "coding"

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None) -> None:
        self.lexicon = lexicon
        self.ontology = ontology

    def setup(self) -> None:
        """Load the lexicon and the CAMEO tables."""
        if self.lexicon is None:
            self.lexicon = default_lexicon()
        if self.ontology is None:
            self.ontology = default_ontology()

    def code_doc(self, doc: Doc, article_id: str, actors: ActorContext) -> list[Event]:
        """All events of a document, deduplicated, in text order."""
        if self.lexicon is None or self.ontology is None:
            self.setup()
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, index, article_id, actors))
        return events

    def code_sentence(self, sent: Span, index: int, article_id: str, actors: ActorContext) -> list[Event]:
        """Events whose trigger lies in ``sent``."""
        assert self.lexicon is not None
        matches = [m for m in (self._match(token) for token in sent) if m is not None]
        claimed = {
            t.i
            for m in matches
            if m.trigger.pos_ == "VERB"
            for t in (*m.words, *(c for c in m.trigger.children if c.dep_ == "dobj"))
        }
        voiced = {
            m.trigger.i for m in matches if m.trigger.pos_ != "VERB" and m.pattern.code[:2] in VERBAL_ROOTS
        }
        acted_on = {
            m.target.i
            for m in matches
            if m.target is not None and m.pattern.target_prep and m.pattern.code[:2] in OPPOSING_ROOTS
        }
        events: list[Event] = []
        cues: list[tuple[Event, Token]] = []
        for match in matches:
            if matching.expresses(match, voiced):
                continue  # "pledged its support for", "voiced criticism of": the noun is the act
            if match.trigger.pos_ == "NOUN" and match.trigger.i in acted_on:
                continue  # "an attack on a police patrol", "criticism of the visit": what is acted on
            owned = (
                match.trigger.pos_ != "VERB" and match.trigger.i in claimed and match.trigger.i not in voiced
            )
            event = self._build(match, index, article_id, actors, owned)
            if event is not None:
                actors.note_event(event, match.trigger)
                events.append(event)
                cues.append((event, match.trigger))
                events.extend(_conjunct_events(event, match, article_id, actors))
                demand = self._reported_demand(event, match.trigger, index, article_id, actors)
                if demand is not None:
                    events.append(demand)
        events = self._fold_outcomes(events, cues, index, article_id)
        forceful = any(e.root in FORCEFUL_ROOTS for e in events)
        if forceful and self._about_sport(sent):  # "the Lakers beat the Celtics 112-104": no assault
            events = [
                e
                for e in events
                if e.root not in FORCEFUL_ROOTS or sides.official(e.source) or sides.official(e.target)
            ]
        demanded = {e.start for e in events if e.root in ("02", "10")}
        acts = {e.start: e.cameo for e in events}
        for clause in sent:
            if clause.head.idx not in demanded:
                demand = self._obligation(clause, index, article_id, actors, acts.get(clause.idx))
                if demand is not None:
                    events.append(demand)
        return events

    def _about_sport(self, sent: Span) -> bool:
        """Whether the sentence reports a game: a score ("3-0", "112-104") and a sports noun, or
        two sports nouns ("invaded the pitch to celebrate the title")."""
        assert self.lexicon is not None
        nouns = sum(
            t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.lexicon.sport_nouns for t in sent
        )
        return nouns >= 2 or (nouns == 1 and SCORE.search(sent.text) is not None)

    def _fold_outcomes(
        self, events: list[Event], cues: list[tuple[Event, Token]], index: int, article_id: str
    ) -> list[Event]:
        """ "A guard was killed in an ambush on the convoy by insurgents": the passive verb with no
        agent is the outcome of the violent act the noun names. One event: the noun's act, by its
        actor, on the verb's victim."""
        assert self.ontology is not None
        by_token = {token.i: (event, token) for event, token in cues}
        folded: dict[int, Event] = {}
        dropped: set[int] = set()
        for event, token in cues:
            if event.root not in VIOLENT_ROOTS or event.source is not None or not _passive(token):
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
            if means is None or cue is None or means.root not in VIOLENT_ROOTS or means.source is None:
                continue
            folded[id(event)] = coded_event(
                article_id,
                index,
                cue,
                self.ontology.get(means.cameo),
                means.source,
                event.target,
                max(event.confidence, means.confidence),
                means.negated,
                means.hypothetical,
                means.pattern,
            )
            dropped.add(id(means))
        return [folded.get(id(e), e) for e in events if id(e) not in dropped]

    def _obligation(
        self, clause: Token, index: int, article_id: str, actors: ActorContext, act: str | None = None
    ) -> Event | None:
        """ "Russia said Sudan must act", "told Tokyo that Japan needs to reform", "issued a
        reminder to Iraq that it must cooperate": a reported obligation is the reporter's demand
        (10) on the clause's subject, or with "should" an appeal (02); the code follows the act
        required (``act``, its CAMEO code) where the lexicon codes it."""
        assert self.lexicon is not None and self.ontology is not None
        speech = clause.head
        if clause.dep_ == "ccomp" and speech.lemma_.lower() in modality.REPORTING_VERBS:
            reporter = syntax.clause_subject(speech)
        elif clause.dep_ in ("acl", "ccomp") and speech.lemma_.lower() in SPEECH_NOUNS:
            reporter = syntax.noun_source(speech)
        else:
            return None
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if any(c.dep_ == "xcomp" for c in clause.children) and not modals:
            modals.add(OBLIGATION_VERBS.get(clause.lemma_.lower(), ""))  # "needs to", "has to"
        appeal = bool(modals & self.lexicon.appeal_modals)
        if not appeal and not modals & self.lexicon.demand_modals:
            return None
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        source = actors.actor(reporter) if reporter is not None else None
        target = actors.actor(subject) if subject is not None else None
        if source is None or target is None or sides.same_actor(source, target):
            return None
        code = self.lexicon.demand_code(act, appeal) if act else ("020" if appeal else "100")
        info = self.ontology.get(code if code in self.ontology else code[:3])
        cue = speech
        confidence = 0.6 + (0.15 if source.code else 0.0) + (0.1 if target.code else 0.0)
        return coded_event(article_id, index, cue, info, source, target, confidence)

    def _reported_demand(
        self, act: Event, trigger: Token, index: int, article_id: str, actors: ActorContext
    ) -> Event | None:
        """ "Russia said Sudan must return the helicopter": Russia demands (10) that Sudan act;
        with "should", or "wants Sudan to return", it appeals (02). The required act itself stays
        coded, as hypothetical."""
        assert self.lexicon is not None and self.ontology is not None
        clause = trigger if trigger.pos_ == "VERB" else trigger.head
        modal = next((c.lower_ for c in clause.children if c.dep_ == "aux"), None)
        wanted = self.lexicon.demand_modals | self.lexicon.appeal_modals
        wish = clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in WISH_VERBS
        if wish:
            modal = next(iter(self.lexicon.appeal_modals))  # "wants Germany to pay": an appeal
        elif (
            modal not in wanted
            or clause.dep_ != "ccomp"
            or clause.head.lemma_.lower() not in modality.REPORTING_VERBS
        ):
            return None
        reporter = syntax.clause_subject(clause.head)
        source = actors.actor(reporter) if reporter is not None else None
        if source is None or act.source is None or sides.same_actor(source, act.source):
            return None
        code = self.lexicon.demand_code(act.cameo, appeal=modal in self.lexicon.appeal_modals)
        info = self.ontology.get(code if code in self.ontology else code[:3])
        cue = clause.head
        return coded_event(article_id, index, cue, info, source, act.source, act.confidence + 0.2)

    def _match(self, token: Token) -> matching.Match | None:
        assert self.lexicon is not None
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or token.dep_ in ("compound", "amod"):
            return None
        if token.ent_type_ and token.ent_type_ != "EVENT":
            return None  # "on March 13", "Strike Force Ltd": names and dates are no acts
        patterns = self.lexicon.patterns_for(token.lemma_.lower())
        if not patterns and token.lower_ != token.lemma_.lower():
            patterns = self.lexicon.patterns_for(token.lower_)
        best: matching.Match | None = None
        for pattern in patterns:  # file order breaks ties
            found = matching.try_pattern(pattern, token)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def _build(
        self,
        match: matching.Match,
        index: int,
        article_id: str,
        actors: ActorContext,
        owned: bool = False,
    ) -> Event | None:
        """The event of one match, or None. ``owned``: the trigger is a noun that another trigger
        verb acts on ("lifted sanctions"); it is coded only with actors of its own ("talks between
        Russia and Ukraine")."""
        assert self.lexicon is not None and self.ontology is not None
        find_actor = actors.actor
        trigger = match.trigger
        is_verb = trigger.pos_ == "VERB"
        source_head = syntax.source_head(trigger, match.passive, is_verb, climb=not owned)
        target_head = match.target
        root, lemma = match.pattern.code[:2], target_head.lemma_.lower() if target_head is not None else ""
        if (root in FIGURATIVE_ROOTS and lemma in self.lexicon.non_targets) or (
            root in FORCEFUL_ROOTS and target_head is not None and sides.non_actor(target_head, self.lexicon)
        ):
            return None  # "fighting corruption", "attacked the proposal": not an act against an actor
        if owned and source_head is None and match.pattern.target_prep != "between":
            return None
        if source_head is None and match.pattern.target_prep == "between" and target_head is not None:
            partner = next((c for c in target_head.children if c.dep_ == "conj"), None)
            source_head, target_head = (target_head, partner) if partner is not None else (None, target_head)
        if source_head is not None and target_head is not None and source_head.i == target_head.i:
            target_head = None
        source = find_actor(source_head) if source_head is not None else None
        if (
            source_head is not None
            and not (source and source.code)
            and sides.non_actor(source_head, self.lexicon)
        ):
            return None  # "the earthquake hit Turkey", "prices hit a record", "Wildfires destroyed"
        if (
            source is None
            and source_head is not None
            and source_head.pos_ in ("NOUN", "PROPN")
            and not self.lexicon.patterns_for(source_head.lemma_.lower())
        ):
            source = actors.phrase(source_head)  # "prisoners rioted": people no dictionary lists
        target = find_actor(target_head) if target_head is not None else None
        code = match.pattern.code
        if source is None and match.passive and (code[:2] == "17" or code == "116"):
            source = sides.state_of_place(trigger, find_actor)
        if target is None:
            target = matching.object_actor(match, source, find_actor)
        if target is None and code[:2] in CLAUSE_TARGET_ROOTS:
            target = sides.clause_target(trigger, find_actor)
        joint = code[:2] == "15" and (target is None or not target.country) and self._exercise(match)
        if joint and source_head is not None:
            ally = sides.coordinated_partner(source_head, source, find_actor, foreign=True)
            if ally is not None:  # "French and Egyptian warships launched war games"
                code, target = self.lexicon.joint_code, ally
        if target is None and code[:2] in SYMMETRIC_ROOTS and source_head is not None:
            ally = sides.coordinated_partner(source_head, source, find_actor)
            if ally is not None:
                target = ally
            elif source_head.lower_ in PLURAL_REFERENCES:
                group = actors.group(source_head)
                target = group[1] if len(group) == 2 else None
        if (
            target_head is not None
            and match.pattern.target_prep in sides.MOVEMENT_PREPOSITIONS
            and sides.mission(target_head)
        ):
            where = sides.place_of(target_head)  # "troops to an international force in Liberia": Liberia
            target = (find_actor(where) if where is not None else None) or target
        if (
            target_head is not None
            and not match.pattern.target_prep
            and sides.own_force(target_head, source, target)
        ):
            where = sides.destination(trigger, target_head)  # "deployed 300 troops to Mali": Mali
            if where is not None:
                target = find_actor(where) or actors.phrase(where)
        if target is None and code[:2] in BENEFICIARY_ROOTS:
            target = sides.beneficiary(trigger, source, find_actor)
        reflexive = target_head is not None and target_head.lower_ in REFLEXIVES
        if target is None and not reflexive:
            target = sides.first_actor_after(trigger, source, find_actor, source_head, code) or target
        if target is None and target_head is not None and target_head.pos_ in ("NOUN", "PROPN"):
            target = actors.phrase(target_head)  # "captured three cities": a target without a code
        if target is None and target_head is None and source is not None:
            target = self._acted_on(trigger, actors)
        if source is None and target is None:
            return None
        if match.pattern.needs_object and match.pattern.target_prep and not (target and target.country):
            return None  # "returned the statues to Egypt", not "returned the country to civilian rule"
        if code[:2] in FORCEFUL_ROOTS and not (sides.named(source) or sides.named(target)):
            return None  # "a tightening hit the sugar market", "a takeover fight": no one acts on anyone
        if source is not None and target is not None and sides.same_actor(source, target):
            return None
        governors = syntax.governors(trigger)
        negated = modality.negated(trigger, governors, self.lexicon)
        hypothetical = modality.hypothetical(trigger, governors, self.lexicon) or modality.requested(
            trigger, governors, self.lexicon
        )
        refusal = modality.refusal(governors, self.lexicon)
        stated_refusal = negated and modality.has_intent(trigger, governors, self.lexicon)  # "will not lift"
        if (refusal is not None or stated_refusal) and self.lexicon.refusal_code(code) is not None:
            code, negated = self.lexicon.refusal_code(code) or code, False  # "refused to meet": 125
        elif any(g.lemma_.lower() in self.lexicon.threat_verbs for g in governors[:1]):
            code = self.lexicon.threat_code(code) or code
        elif hypothetical and self._conditional_threat(trigger, governors, code, source, find_actor):
            code, hypothetical = self.lexicon.threat_code(code) or "130", False
        elif modality.has_intent(trigger, governors, self.lexicon) and not stated_refusal:
            condition = modality.condition(trigger, governors)
            posture = bool(governors) and governors[0].lemma_.lower() in self.lexicon.posture_verbs
            if posture and code[:2] in ("18", "19", "20") and condition is None:
                shifted = self.lexicon.posture_code  # "the army prepared to resume shelling"
            elif (
                code[:2] == "16"
                and condition is None
                and not modality.future(trigger, governors, self.lexicon)
            ):
                shifted = None  # "announced it would cut aid": a decision reported is the sanction
            elif (
                condition == "unless"
                or code[:2] in HOSTILE_ACT_ROOTS
                or (condition == "if" and code[:2] >= "09")
            ):
                shifted = self.lexicon.threat_code(code) or "130"  # "will withdraw unless ...": a threat
            else:  # "would meet the mediator if he ...": a conditional offer is still an offer
                shifted = self.lexicon.intent_code(code)
            code = shifted or code
        if code in self.lexicon.seizure_codes and self._fought_for(trigger):
            code = self.lexicon.combat_code  # "overran the base after a firefight": the fighting is the act
        if code == "180" and not match.words and sides.armed_engagement(source, target):
            code = "190"  # "an attack on a police patrol by rebels": force between armed sides
        if code[:2] == "01" and self._own_side_warning(trigger, source, find_actor):
            code = "130"  # "the interior minister warned that troops would not allow more marches"
        if code not in self.ontology:
            code = match.pattern.code
        info = self.ontology.get(code)
        confidence = 0.45 + 0.08 * min(match.pattern.specificity, 3)
        confidence += 0.15 if source is not None and source.code else 0.0
        confidence += 0.1 if target is not None and target.code else 0.0
        confidence += 0.05 if is_verb else 0.0
        confidence -= 0.3 if negated else 0.0
        confidence -= 0.2 if hypothetical else 0.0
        confidence -= 0.25 if info.root == "01" else 0.0
        confidence += syntax.salience(trigger)
        confidence -= 0.002 * (trigger.i - trigger.sent.start)  # news reports the main act first
        return coded_event(
            article_id,
            index,
            trigger,
            info,
            source,
            target,
            confidence,
            negated,
            hypothetical,
            match.pattern.ref,
        )

    def _fought_for(self, trigger: Token) -> bool:
        """Whether a seizure is said to come by fighting ("after fierce fighting", "in an advance")."""
        assert self.lexicon is not None
        return any(
            pobj.lemma_.lower() in self.lexicon.combat_nouns
            for prep in trigger.children
            if prep.dep_ == "prep" and prep.lower_ in ("after", "following", "in", "amid", "during")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )

    def _exercise(self, match: matching.Match) -> bool:
        """Whether the act is a military exercise or patrol (the trigger or its object)."""
        assert self.lexicon is not None
        nouns = self.lexicon.joint_nouns
        obj = syntax.direct_object(match.trigger)
        return match.trigger.lemma_.lower() in nouns or (obj is not None and obj.lemma_.lower() in nouns)

    def _conditional_threat(
        self,
        trigger: Token,
        governors: list[Token],
        code: str,
        source: ActorRef | None,
        find_actor: sides.ActorFinder,
    ) -> bool:
        """A hostile act its actor says they may take on a condition ("Russia said it could cut
        gas supplies if Kyiv ...", "... unless ...") is a threat (13). Said by anyone else
        ("Ethiopia could attack if talks fail, analysts said") it stays a hypothetical act."""
        assert self.lexicon is not None
        clause = modality.clause_of(trigger, governors)
        if not any(c.dep_ == "aux" and c.lower_ in self.lexicon.modals for c in clause.children):
            return False
        condition = modality.condition(trigger, governors)
        if condition is None or (condition == "if" and code[:2] not in HOSTILE_ACT_ROOTS):
            return False
        if (
            source is None
            or clause.dep_ != "ccomp"
            or clause.head.lemma_.lower() not in modality.REPORTING_VERBS
        ):
            return False
        reporter = syntax.clause_subject(clause.head)
        speaker = find_actor(reporter) if reporter is not None else None
        return speaker is not None and (
            sides.same_actor(speaker, source) or bool(speaker.country and speaker.country == source.country)
        )

    def _own_side_warning(
        self, trigger: Token, source: ActorRef | None, find_actor: sides.ActorFinder
    ) -> bool:
        """A warning that the speaker's own side will act ("warned that police will ...") is a
        threat (13); a warning about what others will do stays a statement of pessimism (012)."""
        assert self.lexicon is not None
        if source is None or not source.country or trigger.lemma_.lower() not in self.lexicon.threat_verbs:
            return False
        clause = next((c for c in trigger.children if c.dep_ == "ccomp"), None)
        if clause is None or not any(
            c.dep_ == "aux" and c.lower_ in self.lexicon.intent_auxiliaries for c in clause.children
        ):
            return False
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        actor = find_actor(subject) if subject is not None else None
        return actor is not None and actor.country in (source.country, None) and bool(actor.code)

    def _acted_on(self, trigger: Token, actors: ActorContext) -> ActorRef | None:
        """What an act without an actor target is done to, when the pattern named the object:
        "boycotted the vote", "lifted the state of emergency". An object that is itself an act
        ("held talks", "staged a protest") is the event, not its target."""
        assert self.lexicon is not None
        obj = syntax.direct_object(trigger)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or self.lexicon.patterns_for(obj.lemma_.lower()):
            return None
        return actors.phrase(obj)


def coded_event(
    article_id: str,
    index: int,
    cue: Token,
    info: CameoCode,
    source: ActorRef | None,
    target: ActorRef | None,
    confidence: float,
    negated: bool = False,
    hypothetical: bool = False,
    pattern: PatternRef | None = None,
) -> Event:
    """The event record of code ``info`` with its evidence: the cue token's offsets in sentence
    ``index``, its two sides and its confidence (kept within 0.05-0.99)."""
    return Event(
        id=stable_id(article_id, cue.idx, info.code, source and source.code, target and target.code),
        sentence=index,
        start=cue.idx,
        end=cue.idx + len(cue.text),
        trigger=cue.text,
        source=source,
        target=target,
        cameo=info.code,
        root=info.root,
        quad=info.quad,
        goldstein=info.goldstein,
        plover=Plover(info.plover_event, info.plover_mode, list(info.plover_context)),
        confidence=round(max(0.05, min(0.99, confidence)), 3),
        negated=negated,
        hypothetical=hypothetical,
        pattern=pattern,
    )


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _conjunct_events(
    event: Event, match: matching.Match, article_id: str, actors: ActorContext
) -> list[Event]:
    """One event per conjoined actor: "Russia and China vetoed the resolution" is two vetoes,
    "attacked Kabul and Kandahar" two attacks (as PETRARCH and ICEWS code them)."""
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
            actor = actors.actor(conj)
            other = event.target if side == "source" else event.source
            if actor is None or not actor.code or (other is not None and actor.start == other.start):
                continue
            if other is not None and sides.same_actor(actor, other):
                continue
            source = actor if side == "source" else event.source
            target = actor if side == "target" else event.target
            extra.append(
                replace(
                    event,
                    id=stable_id(
                        article_id, event.start, event.cameo, source and source.code, target and target.code
                    ),
                    source=source,
                    target=target,
                    confidence=round(max(0.05, event.confidence - 0.01), 3),
                )
            )
    return extra


def deduplicate(events: list[Event]) -> list[Event]:
    """One event per (code, source, target, date, modality): repeated reports of the same act in
    one article are one event (the most confident report), in text order."""
    best: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (
            event.cameo,
            event.source.code or event.source.text if event.source else None,
            event.target.code or event.target.text if event.target else None,
            event.date,
            event.negated,
            event.hypothetical,
        )
        kept = best.get(key)
        if kept is None or event.confidence > kept.confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: e.start)
