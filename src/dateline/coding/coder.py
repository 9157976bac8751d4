"""The event coder: dependency parse + pattern lexicon -> CAMEO events with PLOVER types.

For each sentence, every token whose lemma is a trigger in the lexicon is tried against its
patterns (most specific first). The source is the subject of the trigger's clause (inherited
through control verbs, conjunctions and relative clauses; the agent in the passive); the target is
the object or the prepositional object the pattern names. Intent ("plans to", "will"), threats,
negation and hypotheticals are read off the trigger's governors. No pattern, no event: there is
no default code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from ..ontology import CameoCode, Ontology, default_ontology
from ..records import ActorRef, Event, Plover, stable_id
from ..registry import register
from . import syntax
from .lexicon import Lexicon, Pattern, default_lexicon

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
#: Forces a side moves rather than acts on ("deployed 300 troops to Mali").
FORCE_NOUNS = frozenset(
    {
        "troop",
        "troops",
        "soldier",
        "force",
        "forces",
        "personnel",
        "peacekeeper",
        "unit",
        "contingent",
        "battalion",
        "brigade",
        "platoon",
        "division",
        "warship",
        "ship",
        "jet",
        "aircraft",
        "plane",
        "marine",
        "police",
        "policeman",
        "officer",
        "expert",
        "inspector",
        "observer",
        "monitor",
        "team",
        "diplomat",
        "ambassador",
        "envoy",
        "staff",
        "worker",
    }
)
#: Missions that forces join, which stand for where they serve.
MISSION_NOUNS = frozenset({"mission", "operation", "coalition", "deployment"})
MISSION_MODIFIERS = frozenset(
    {"peacekeeping", "peace-keeping", "international", "multinational", "stabilization", "stabilisation"}
)
#: Prepositions of where a moved force goes or leaves.
MOVEMENT_PREPOSITIONS = frozenset({"to", "into", "from", "toward", "towards", "along", "across", "out"})
#: Sectors of official and armed actors (a country alone may be its national team).
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "INS", "SPY", "JUD", "LEG"})
#: Roots of violence (assault, fight, mass violence).
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Sectors of armed actors: state forces, police, rebels, insurgents.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS"})
#: Roots of acts against something: a noun they are done to ("an attack on a patrol") is no act.
OPPOSING_ROOTS = frozenset({"11", "12", "13", "14", "16", "17", "18", "19", "20"})
#: Roots of hostile acts that, announced on a condition, are threats (CAMEO 13's subcodes).
HOSTILE_ACT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
CLAUSE = frozenset({"clause"})
#: Roots of verbal acts that a noun can carry ("support", "condemnation", "demand", "rejection").
VERBAL_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
REPORTING_VERBS = frozenset(
    {
        "say",
        "announce",
        "tell",
        "declare",
        "state",
        "add",
        "confirm",
        "report",
        "insist",
        "reiterate",
        "stress",
        "emphasise",
        "emphasize",
        "conclude",
        "argue",
        "write",
    }
)
#: "Israel wants Germany to pay": wishing that another act is an appeal (02) to it.
WISH_VERBS = frozenset({"want", "wish", "like"})
#: Nouns that carry what someone said: "issued a reminder to Iraq that it must cooperate".
SPEECH_NOUNS = frozenset(
    {"reminder", "warning", "statement", "message", "declaration", "letter", "note", "communique"}
)
#: "Japan needs to reform", "Iraq has to comply": obligations spelt with a verb, not a modal.
OBLIGATION_VERBS = {"need": "should", "have": "must"}
#: Prepositions of place: where an act happened, which for meetings is not who took part.
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
#: Verbs that deny what their clause says: the act in it is alleged, not established.
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "reject", "dispute"})
#: Nouns whose clause reports an act as alleged, not established.
ALLEGATION_NOUNS = frozenset(
    {"charge", "allegation", "claim", "accusation", "report", "rumour", "rumor", "suspicion", "assertion"}
)
#: "defended itself": the source acts on itself, so the act has no other side.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
NON_ACTOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})

ActorFinder = Callable[["Token"], ActorRef | None]


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


@dataclass(slots=True)
class _Match:
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
            if _expresses(match, voiced):
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
        if self._about_sport(sent):  # "the Lakers beat the Celtics 112-104": a game, no assault
            events = [
                e
                for e in events
                if e.root not in FORCEFUL_ROOTS or _official(e.source) or _official(e.target)
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
        """ "A policeman was murdered in an attack on a patrol by rebels": the passive verb with no
        agent is the outcome of the violent act the noun names. One event: the noun's act, by its
        actor, on the verb's victim."""
        assert self.ontology is not None
        by_token = {token.i: event for event, token in cues}
        folded: dict[int, Event] = {}
        dropped: set[int] = set()
        for event, token in cues:
            if event.root not in VIOLENT_ROOTS or event.source is not None or not _passive(token):
                continue
            means = next(
                (
                    by_token[p.i]
                    for prep in token.children
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                    for p in prep.children
                    if p.dep_ == "pobj" and p.i in by_token
                ),
                None,
            )
            if means is None or means.root not in VIOLENT_ROOTS or means.source is None:
                continue
            cue = next(t for e, t in cues if e is means)
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
        if clause.dep_ == "ccomp" and speech.lemma_.lower() in REPORTING_VERBS:
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
        if source is None or target is None or _same_actor(source, target):
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
            modal not in wanted or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS
        ):
            return None
        reporter = syntax.clause_subject(clause.head)
        source = actors.actor(reporter) if reporter is not None else None
        if source is None or act.source is None or _same_actor(source, act.source):
            return None
        code = self.lexicon.demand_code(act.cameo, appeal=modal in self.lexicon.appeal_modals)
        info = self.ontology.get(code if code in self.ontology else code[:3])
        cue = clause.head
        return coded_event(article_id, index, cue, info, source, act.source, act.confidence + 0.2)

    def _match(self, token: Token) -> _Match | None:
        assert self.lexicon is not None
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or token.dep_ in ("compound", "amod"):
            return None
        if token.ent_type_ and token.ent_type_ != "EVENT":
            return None  # "on March 13", "Strike Force Ltd": names and dates are no acts
        patterns = self.lexicon.patterns_for(token.lemma_.lower())
        if not patterns and token.lower_ != token.lemma_.lower():
            patterns = self.lexicon.patterns_for(token.lower_)
        best: _Match | None = None
        for pattern in patterns:  # file order breaks ties
            found = _try_pattern(pattern, token)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def _build(
        self,
        match: _Match,
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
            root in FORCEFUL_ROOTS and target_head is not None and _non_actor(target_head, self.lexicon)
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
        if source_head is not None and not (source and source.code) and _non_actor(source_head, self.lexicon):
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
            source = _state_of_place(trigger, find_actor)
        if target is None:
            target = _object_actor(match, source, find_actor)
        if target is None and code[:2] in CLAUSE_TARGET_ROOTS:
            target = _clause_target(trigger, find_actor)
        joint = code[:2] == "15" and (target is None or not target.country) and self._exercise(match)
        if joint and source_head is not None:
            ally = _coordinated_partner(source_head, source, find_actor, foreign=True)
            if ally is not None:  # "French and Egyptian warships launched war games"
                code, target = self.lexicon.joint_code, ally
        if target is None and code[:2] in SYMMETRIC_ROOTS and source_head is not None:
            ally = _coordinated_partner(source_head, source, find_actor)
            if ally is not None:
                target = ally
            elif source_head.lower_ in PLURAL_REFERENCES:
                group = actors.group(source_head)
                target = group[1] if len(group) == 2 else None
        if (
            target_head is not None
            and match.pattern.target_prep in MOVEMENT_PREPOSITIONS
            and _mission(target_head)
        ):
            where = _place_of(target_head)  # "troops to an international force in Liberia": Liberia
            target = (find_actor(where) if where is not None else None) or target
        if (
            target_head is not None
            and not match.pattern.target_prep
            and _own_force(target_head, source, target)
        ):
            where = _destination(trigger, target_head)  # "deployed 300 troops to Mali": Mali
            if where is not None:
                target = find_actor(where) or actors.phrase(where)
        if target is None and code[:2] in BENEFICIARY_ROOTS:
            target = _beneficiary(trigger, source, find_actor)
        reflexive = target_head is not None and target_head.lower_ in REFLEXIVES
        if target is None and not reflexive:
            target = _first_actor_after(trigger, source, find_actor, source_head, code) or target
        if target is None and target_head is not None and target_head.pos_ in ("NOUN", "PROPN"):
            target = actors.phrase(target_head)  # "captured three cities": a target without a code
        if target is None and target_head is None and source is not None:
            target = self._acted_on(trigger, actors)
        if source is None and target is None:
            return None
        if match.pattern.needs_object and match.pattern.target_prep and not (target and target.country):
            return None  # "returned the statues to Egypt", not "returned the country to civilian rule"
        if code[:2] in FORCEFUL_ROOTS and not (_named(source) or _named(target)):
            return None  # "a tightening hit the sugar market", "a takeover fight": no one acts on anyone
        if source is not None and target is not None and _same_actor(source, target):
            return None
        governors = syntax.governors(trigger)
        negated = _negated(trigger, governors, self.lexicon)
        hypothetical = _hypothetical(trigger, governors, self.lexicon) or _requested(
            trigger, governors, self.lexicon
        )
        refusal = _refusal(governors, self.lexicon)
        stated_refusal = negated and _has_intent(trigger, governors, self.lexicon)  # "will not lift"
        if (refusal is not None or stated_refusal) and self.lexicon.refusal_code(code) is not None:
            code, negated = self.lexicon.refusal_code(code) or code, False  # "refused to meet": 125
        elif any(g.lemma_.lower() in self.lexicon.threat_verbs for g in governors[:1]):
            code = self.lexicon.threat_code(code) or code
        elif hypothetical and self._conditional_threat(trigger, governors, code, source, find_actor):
            code, hypothetical = self.lexicon.threat_code(code) or "130", False
        elif _has_intent(trigger, governors, self.lexicon) and not stated_refusal:
            condition = _condition(trigger, governors)
            posture = bool(governors) and governors[0].lemma_.lower() in self.lexicon.posture_verbs
            if posture and code[:2] in ("18", "19", "20") and condition is None:
                shifted = self.lexicon.posture_code  # "the army prepared to resume shelling"
            elif code[:2] == "16" and condition is None and not _future(trigger, governors, self.lexicon):
                shifted = None  # "announced it would cut aid": a decision reported is the sanction
            elif condition == "unless" or code[:2] >= "14" or (condition == "if" and code[:2] >= "09"):
                shifted = self.lexicon.threat_code(code) or "130"  # "will withdraw unless ...": a threat
            else:  # "would meet the mediator if he ...": a conditional offer is still an offer
                shifted = self.lexicon.intent_code(code)
            code = shifted or code
        if code in self.lexicon.seizure_codes and self._fought_for(trigger):
            code = self.lexicon.combat_code  # "overran the base after a firefight": the fighting is the act
        if code == "180" and not match.words and _armed_engagement(source, target):
            code = "190"  # "an attack on a police patrol by rebels": force between armed sides
        if code[:2] == "01" and self._own_side_warning(trigger, source, find_actor):
            code = "130"  # "the security chief warned that police will no longer tolerate rallies"
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
            article_id, index, trigger, info, source, target, confidence, negated, hypothetical
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

    def _exercise(self, match: _Match) -> bool:
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
        find_actor: ActorFinder,
    ) -> bool:
        """A hostile act its actor says they may take on a condition ("Russia said it could cut
        gas supplies if Kyiv ...", "... unless ...") is a threat (13). Said by anyone else
        ("Ethiopia could attack if talks fail, analysts said") it stays a hypothetical act."""
        assert self.lexicon is not None
        clause = _clause(trigger, governors)
        if not any(c.dep_ == "aux" and c.lower_ in self.lexicon.modals for c in clause.children):
            return False
        condition = _condition(trigger, governors)
        if condition is None or (condition == "if" and code[:2] not in HOSTILE_ACT_ROOTS):
            return False
        if source is None or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
            return False
        reporter = syntax.clause_subject(clause.head)
        speaker = find_actor(reporter) if reporter is not None else None
        return speaker is not None and (
            _same_actor(speaker, source) or bool(speaker.country and speaker.country == source.country)
        )

    def _own_side_warning(self, trigger: Token, source: ActorRef | None, find_actor: ActorFinder) -> bool:
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
    )


def _coordinated_partner(
    head: Token, source: ActorRef | None, find_actor: ActorFinder, foreign: bool = False
) -> ActorRef | None:
    """The second of two actors named together as one side: "Russia and China met" (a
    coordinated head) or "French and Egyptian warships" (coordinated modifiers, which must name
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


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _armed_engagement(source: ActorRef | None, target: ActorRef | None) -> bool:
    """An attack on armed forces or police, or by a state's armed forces, is conventional
    military force (CAMEO 190), not the unconventional violence (180) of an attack on civilians."""
    if target is not None and ARMED_SECTORS & set(target.sectors or ()):
        return True
    return source is not None and bool(source.country) and "MIL" in (source.sectors or ())


def _non_actor(token: Token, lexicon: Lexicon) -> bool:
    """Whether the noun names nature, markets or an abstraction (plural and capitalised forms too:
    the parser leaves "Wildfires" at the head of a sentence unlemmatised)."""
    words = {token.lemma_.lower(), token.lower_}
    words |= {w[:-1] for w in words if w.endswith("s")}
    return bool(words & lexicon.non_actors)


def _own_force(obj: Token, source: ActorRef | None, target: ActorRef | None) -> bool:
    """Whether the object (not a prepositional target: "surrendered to the police") is the
    source's own forces ("withdrew its troops", "sent 300 soldiers"), which the act moves, not
    acts on."""
    if obj.lemma_.lower() not in FORCE_NOUNS:
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return True
    return target is None or not target.country or (source is not None and source.country == target.country)


def _destination(trigger: Token, obj: Token) -> Token | None:
    """Where forces are moved to or from: the object of "to", "into", "from" ... on the verb or
    its object."""
    for holder in (trigger, obj):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in MOVEMENT_PREPOSITIONS:
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if place is not None and (place.lemma_.lower() in FORCE_NOUNS or _mission(place)):
                    return _place_of(place) or place  # "to the UN peacekeeping mission in Mali"
                if place is not None:
                    return place
    return None


def _mission(noun: Token) -> bool:
    """A mission forces join ("the UN mission", "an international peacekeeping force")."""
    lemma = noun.lemma_.lower()
    return lemma in MISSION_NOUNS or (
        lemma == "force" and any(c.lower_ in MISSION_MODIFIERS for c in noun.children if c.i < noun.i)
    )


def _place_of(noun: Token) -> Token | None:
    in_ = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return next((c for c in in_.children if c.dep_ == "pobj"), None) if in_ is not None else None


def _official(actor: ActorRef | None) -> bool:
    """Whether ``actor`` is a government, armed or police actor (not just a country's team)."""
    return actor is not None and bool(OFFICIAL_SECTORS & set(actor.sectors))


def _named(actor: ActorRef | None) -> bool:
    """Whether ``actor`` is someone the dictionaries know: a coded actor or a named person."""
    return actor is not None and bool(actor.code or actor.name)


def _try_pattern(pattern: Pattern, token: Token) -> _Match | None:
    if pattern.pos == "v" and token.pos_ != "VERB":
        return None
    if pattern.pos == "n" and token.pos_ not in ("NOUN", "PROPN"):
        return None
    obj = syntax.direct_object(token)
    if pattern.needs_object and obj is None and not any(c.dep_ == "nsubjpass" for c in token.children):
        return None
    scope = [*token.children, *(obj.children if obj is not None else ())]
    scope.extend(m for m in map(syntax.measured, list(scope)) if m is not None)  # "thousands of refugees"
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
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (
        token.dep_ == "acl" and token.tag_ == "VBN"
    )
    target: Token | None = None
    if pattern.target_prep is not None:
        holders = [token, *([obj] if obj is not None else []), *matched]
        if token.dep_ == "dobj" and token.head.lemma_.lower() in syntax.EXPRESSIVE_VERBS | syntax.LIGHT_VERBS:
            holders.append(token.head)  # "expressed condolences to Nepal", "held talks with Iran"
        target = next(
            (
                pobj
                for h in holders
                for c in h.children
                if c.dep_ in ("prep", "agent", "dative") and c.lower_ == pattern.target_prep
                for pobj in c.children
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in NON_ACTOR_ENTITIES
            ),
            None,
        )
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
    return _Match(pattern, token, target, passive, matched)


def _beneficiary(trigger: Token, source: ActorRef | None, find_actor: ActorFinder) -> ActorRef | None:
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
                if _on_behalf(child):
                    continue
                if child.dep_ in ("poss", "pobj", "prep", "pcomp", "dobj", "acl", "relcl", "xcomp", "advcl"):
                    if child.dep_ in ("poss", "pobj"):
                        found = find_actor(child)
                        if found is not None and (source is None or found.code != source.code):
                            return found
                    following.append(child)
        frontier, depth = following, depth + 1
    return None


def _conjunct_events(event: Event, match: _Match, article_id: str, actors: ActorContext) -> list[Event]:
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
            if other is not None and _same_actor(actor, other):
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


def _first_actor_after(
    trigger: Token,
    source: ActorRef | None,
    find_actor: ActorFinder,
    source_head: Token | None = None,
    code: str = "",
) -> ActorRef | None:
    """The first coded actor that the trigger's complements name, in text order: "restored ties
    with Gondor", "agreed to provide aid for Romania", "demanded an admission by Moscow",
    "rejected proposed Israeli changes". News puts the other side of an act after its verb; the
    source's own phrase, times, and clauses that are not complements (relative, adverbial,
    coordinated acts) are not searched."""
    excluded: set[int] = set()
    if source_head is not None:
        excluded.update(t.i for t in source_head.subtree)
    candidates: list[Token] = []
    venues = code[:2] != "04"  # a meeting's venue is not a party to it
    frontier = [c for c in trigger.children if c.i > trigger.i and _complement(c, trigger, venues)]
    depth = 0
    while frontier and depth < 8:
        following: list[Token] = []
        for node in frontier:
            if node.i in excluded or node.ent_type_ in NON_ACTOR_ENTITIES:
                continue
            if node.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and node.i > trigger.i:
                candidates.append(node)
            following.extend(c for c in node.children if _complement(c, node, venues))
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


def _on_behalf(child: Token) -> bool:
    """ "on behalf of the government" names the source's principal, not the other side."""
    return child.dep_ == "prep" and any(c.lemma_.lower() == "behalf" for c in child.children)


def _complement(child: Token, head: Token, venues: bool = True) -> bool:
    """Whether ``child`` continues the complement of ``head`` (see `_first_actor_after`);
    ``venues=False`` leaves out where it happened ("talks in Geneva" are not with Switzerland)."""
    if not venues and child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS:
        return False
    if child.dep_ == "advcl":  # "staged protests to demand reforms by Suharto": a purpose clause
        return syntax.purpose_clause(child)
    if child.dep_ == "conj":
        return head.pos_ not in ("VERB", "AUX")  # "Romania and Poland", not a second act
    if _on_behalf(child):
        return False
    if child.dep_ in ("nsubj", "nsubjpass"):
        return head.dep_ in ("ccomp", "xcomp")
    return child.dep_ in COMPLEMENT_DEPS


def _state_of_place(trigger: Token, find_actor: ActorFinder) -> ActorRef | None:
    """The state that arrests, detains or convicts where no agent is named: "was arrested in
    Lebanon" is an act of the Lebanese authorities (how wire copy reports state coercion)."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = find_actor(place) if place is not None else None
            if found is not None and found.country and found.code == found.country:
                return replace(found, code=found.country + "GOV", sectors=["GOV"])
    return None


def _object_actor(match: _Match, source: ActorRef | None, find_actor: ActorFinder) -> ActorRef | None:
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


def _clause_target(trigger: Token, find_actor: ActorFinder) -> ActorRef | None:
    """The subject of a that-clause is who is asked or accused: "demanded that Kabul hand over"."""
    clause = next(
        (c for c in trigger.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None
    )
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return find_actor(subject) if subject is not None else None


def _clause(trigger: Token, governors: list[Token]) -> Token:
    """The verb whose clause holds the act, where its modality is marked: the outermost
    governor, the light verb of a noun act ("Israel may launch strikes"), or the trigger."""
    if governors:
        return governors[-1]
    head = trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and head.lemma_.lower() in syntax.LIGHT_VERBS:
        return head
    return trigger


def _has_intent(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    if any(g.lemma_.lower() in lexicon.intent_verbs for g in governors):
        return True
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in lexicon.intent_verbs
    ):
        return trigger.head.lemma_.lower() not in ("offer", "pledge", "promise", "undertake", "commit")
    clause = _clause(trigger, governors)
    if _reported_future(clause) and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in clause.children
    ):
        return True
    return any(
        c.dep_ == "aux" and c.lower_ in lexicon.intent_auxiliaries
        for c in (*clause.children, *trigger.children)
    )


def _negated(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    for node in dict.fromkeys((trigger, *governors, _clause(trigger, governors))):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.dep_ == "acomp" and any(c.dep_ == "neg" for c in node.head.children):
            return True  # "are not capable of fighting"
    return any(g.lemma_.lower() in lexicon.negation_verbs for g in governors)


def _expresses(match: _Match, voiced: set[int]) -> bool:
    """A verb of expression whose object is a verbal act: the object carries the event."""
    if match.trigger.pos_ != "VERB" or match.trigger.lemma_.lower() not in syntax.EXPRESSIVE_VERBS:
        return False
    obj = syntax.direct_object(match.trigger)
    return obj is not None and obj.i in voiced


def _condition(trigger: Token, governors: list[Token]) -> str | None:
    """The condition an act is announced on: "unless" (do it unless you comply: a threat) or
    "if" (a threat for hostile acts, a conditional offer for cooperative ones), or None."""
    clause = _clause(trigger, governors)
    for node in (trigger, clause):
        for c in node.children:
            if c.dep_ == "advcl":
                mark = next(
                    (m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None
                )
                if mark is not None:
                    return mark
    return None


def _future(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A plain future ("he will withdraw the inspectors"), which CAMEO reads as not yet done."""
    clause = _clause(trigger, governors)
    return any(
        c.dep_ == "aux" and c.lower_ in lexicon.intent_auxiliaries
        for c in (*clause.children, *trigger.children)
    )


def _requested(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """An act someone demands, urges or alleges ("urged the EU to support", "demanded that X be
    taken", "accused Niger of supplying arms") is not established: the demand or accusation is."""
    for node in (trigger, *governors):
        demand = syntax.direct_object(node.head) if syntax.purpose_clause(node) else None
        if demand is not None and any(
            p.code[:2] in ("02", "10", "13") for p in lexicon.patterns_for(demand.lemma_.lower())
        ):
            return True  # "issued an ultimatum to Sudan to normalize relations": asked, not done
    clause = _clause(trigger, governors)
    if (
        clause.dep_ in ("acl", "ccomp")
        and clause.head.pos_ == "NOUN"
        and clause.head.lemma_.lower() in ALLEGATION_NOUNS
    ):
        return True  # "denied charges that Monrovia is committing genocide"
    if clause.dep_ == "pcomp" and clause.head.lower_ in ("of", "for"):  # "accused Niger of supplying"
        accuser = clause.head.head
        return any(p.code[:2] == "11" for p in lexicon.patterns_for(accuser.lemma_.lower()))
    if clause.dep_ not in ("ccomp", "xcomp"):
        return False
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in DENIAL_VERBS:
        return True  # "denied that it was arming the rebels"
    return any(p.code[:2] in ("02", "10") for p in lexicon.patterns_for(clause.head.lemma_.lower()))


def _refusal(governors: list[Token], lexicon: Lexicon) -> Token | None:
    """The governing verb that refuses the act ("refused to meet", "failed to reach"), if any."""
    return next((g for g in governors[:1] if g.lemma_.lower() in lexicon.refusal_verbs), None)


def _reported_future(node: Token) -> bool:
    """ "said it would send troops": "would" is the future of reported speech, not a condition."""
    return (
        node.dep_ == "ccomp"
        and node.head.lemma_.lower() in REPORTING_VERBS
        and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children)
    )


def _hypothetical(trigger: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    for node in dict.fromkeys((trigger, *governors, _clause(trigger, governors))):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lexicon.modals:
                if child.lower_ in ("would", "'d") and _reported_future(node):
                    continue
                return True
            if child.dep_ == "mark" and child.lower_ in lexicon.hypothetical_markers:
                return True
    clause = _clause(trigger, governors)
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


def _same_actor(source: ActorRef, target: ActorRef) -> bool:
    if source.code and target.code:
        return source.code == target.code and (
            source.name == target.name or not (source.name and target.name)
        )
    return source.text.lower() == target.text.lower()


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
