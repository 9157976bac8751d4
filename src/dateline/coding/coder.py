"""The event coder: dependency parse + pattern lexicon -> CAMEO events with PLOVER types.

For each sentence, every token whose lemma is a trigger in the lexicon is tried against its
patterns (most specific first). The source is the subject of the trigger's clause (inherited
through control verbs, conjunctions and relative clauses; the agent in the passive); the target is
the object or the prepositional object the pattern names. Intent ("plans to", "will"), threats,
negation and hypotheticals are read off the trigger's governors. No pattern, no event: there is
no default code.

What happens after a match is a list of named rules (`dateline.coding.rules`): each finds a
side, drops a match that is no event, reads the modality or corrects the code, and each event
keeps the trace of the rules that changed it. The rules' helpers live beside the coder:
`matching` (patterns against the parse), `sides` (the other side of an act, official and armed
actors) and `modality` (intent, threat, refusal, hypotheticals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import syntax
from ..ontology import Ontology, default_ontology
from ..records import Event, RuleStep
from . import matching
from .lexicon import Lexicon, default_lexicon
from .rules import (
    EVENT_RULES,
    ActorContext,
    Context,
    Draft,
    Dropped,
    Rule,
    RuleSettings,
    default_settings,
    derived,
    run,
)
from .rules import coded_event as coded_event
from .rules.recode import confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class EventCoder:
    """Codes events in a parsed document: lexicon patterns matched on the parse, then the named
    rules of `dateline.coding.rules` in order."""

    name = "coding"

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
        settings: RuleSettings | None = None,
        rules: tuple[Rule, ...] = EVENT_RULES,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.settings = settings
        self.rules = rules

    def setup(self) -> None:
        """Load the lexicon, the CAMEO tables and the rules' settings."""
        if self.lexicon is None:
            self.lexicon = default_lexicon()
        if self.ontology is None:
            self.ontology = default_ontology()
        if self.settings is None:
            self.settings = default_settings()

    def context(self, actors: ActorContext) -> Context:
        """What the rules consult while coding one article."""
        if self.lexicon is None or self.ontology is None or self.settings is None:
            self.setup()
        assert self.lexicon is not None and self.ontology is not None and self.settings is not None
        return Context(self.lexicon, self.ontology, self.settings, actors)

    def code_doc(
        self, doc: Doc, article_id: str, actors: ActorContext, dropped: list[Dropped] | None = None
    ) -> list[Event]:
        """All events of a document, in text order. ``dropped`` collects the matches that a
        rule found to be no event (for `dateline explain`)."""
        context = self.context(actors)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, index, article_id, context, dropped))
        return events

    def code_sentence(
        self, sent: Span, index: int, article_id: str, context: Context, dropped: list[Dropped] | None = None
    ) -> list[Event]:
        """Events whose trigger lies in ``sent``."""
        matches = [m for m in (self._match(token) for token in sent) if m is not None]
        events: list[Event] = []
        cues: list[tuple[Event, Token]] = []
        for match, owned, skipped in _candidates(matches, context):
            if skipped is not None:
                _note(dropped, match, RuleStep(*skipped))
                continue
            event = self._build(match, index, article_id, context, owned, dropped)
            if event is None:
                continue
            context.actors.note_event(event, match.trigger)
            events.append(event)
            cues.append((event, match.trigger))
            events.extend(derived.conjoined_actors(event, match, article_id, context))
            demand = derived.reported_demand(event, match.trigger, index, article_id, context)
            if demand is not None:
                events.append(demand)
        events = derived.fold_outcomes(events, cues, article_id, context)
        events, games = derived.without_games(sent, events, context)
        if dropped is not None:
            step = RuleStep(derived.GAME, "a sentence about a game: force needs an official or armed actor")
            dropped.extend(Dropped(game.start, game.trigger, game.pattern, step) for game in games)
        return events + self._obligations(sent, events, index, article_id, context)

    def _obligations(
        self, sent: Span, events: list[Event], index: int, article_id: str, context: Context
    ) -> list[Event]:
        """The reported obligations of ``sent`` that no demand or appeal already codes."""
        demanded = {e.start for e in events if context.settings.applies("demand", e.cameo)}
        acts = {e.start: e.cameo for e in events}
        found = []
        for clause in sent:
            if clause.head.idx not in demanded:
                demand = derived.obligation(clause, index, article_id, context, acts.get(clause.idx))
                if demand is not None:
                    found.append(demand)
        return found

    def _match(self, token: Token) -> matching.Match | None:
        """The best pattern match of a trigger token, if any."""
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
        context: Context,
        owned: bool = False,
        dropped: list[Dropped] | None = None,
    ) -> Event | None:
        """The event of one match after the rules, or None. ``owned``: the trigger is a noun
        that another trigger verb acts on ("lifted sanctions")."""
        trigger = match.trigger
        source_head = syntax.source_head(trigger, match.passive, trigger.pos_ == "VERB", climb=not owned)
        draft = Draft(match, match.pattern.code, source_head, match.target, owned=owned)
        run(self.rules, draft, context)
        if draft.dropped_by is not None:
            _note(dropped, match, draft.dropped_by)
            return None
        info = context.ontology.get(draft.code)
        return coded_event(
            article_id,
            index,
            trigger,
            info,
            draft.source,
            draft.target,
            confidence(draft, context, info.root),
            draft.negated,
            draft.hypothetical,
            match.pattern.ref,
            draft.trace,
        )


def _candidates(
    matches: list[matching.Match], context: Context
) -> list[tuple[matching.Match, bool, tuple[str, str] | None]]:
    """Each match with whether its noun trigger is owned by a verb trigger ("lifted sanctions"),
    and why it is skipped, if it is: a noun that only carries another act ("voiced support for",
    "an attack on a patrol")."""
    settings = context.settings
    claimed = {
        t.i
        for m in matches
        if m.trigger.pos_ == "VERB"
        for t in (*m.words, *(c for c in m.trigger.children if c.dep_ == "dobj"))
    }
    voiced = {
        m.trigger.i
        for m in matches
        if m.trigger.pos_ != "VERB" and settings.applies("verbal", m.pattern.code)
    }
    acted_on = {
        m.target.i
        for m in matches
        if m.target is not None and m.pattern.target_prep and settings.applies("opposing", m.pattern.code)
    }
    out: list[tuple[matching.Match, bool, tuple[str, str] | None]] = []
    for match in matches:
        trigger = match.trigger
        skipped: tuple[str, str] | None = None
        if matching.expresses(match, voiced):
            skipped = ("sentence.noun_carries_the_act", f'the noun after "{trigger.text}" is the act')
        elif trigger.pos_ == "NOUN" and trigger.i in acted_on:
            skipped = ("sentence.acted_on_is_no_act", f'"{trigger.text}" is what another act is done to')
        owned = trigger.pos_ != "VERB" and trigger.i in claimed and trigger.i not in voiced
        out.append((match, owned, skipped))
    return out


def _note(dropped: list[Dropped] | None, match: matching.Match, step: RuleStep) -> None:
    if dropped is not None:
        trigger = match.trigger
        dropped.append(Dropped(trigger.idx, trigger.text, match.pattern.ref, step))


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
