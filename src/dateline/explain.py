"""Why this code? The parse, the actors and how each was resolved, every lexicon pattern tried on
the sentence with whether it matched (and the rule that dropped a match that coded nothing), and
the events that came out, each with the pattern that coded it and the named rules that changed
it (`dateline explain`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .coding.rules import Dropped
from .records import ArticleRecord, Event, PatternRef, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actors.resolve import ActorResolver
    from .pipeline import Pipeline


#: Entity types a trigger may have: none, or an event's name ("the Tet Offensive").
NO_NAME = ("", "EVENT")


@dataclass(slots=True)
class TokenView:
    """One token of the parse."""

    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    entity: str


@dataclass(slots=True)
class ActorView:
    """A phrase resolved to an actor, and how."""

    text: str
    start: int
    end: int
    code: str | None
    name: str | None
    how: str


@dataclass(slots=True)
class Candidate:
    """A lexicon pattern whose trigger word is in the text, and what became of it."""

    token: int
    word: str
    pattern: PatternRef
    matched: bool
    coded: bool
    note: str


@dataclass(slots=True)
class Explanation:
    """Everything `dateline explain` shows for one text."""

    text: str
    published: str | None
    tokens: list[TokenView] = field(default_factory=list)
    actors: list[ActorView] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (`dateline explain --format json`)."""
        return asdict(self)


def explain(text: str, published: str | None = None, pipeline: Pipeline | None = None) -> Explanation:
    """Code ``text`` as one article and explain how each event came about."""
    from . import get_pipeline

    pipeline = (pipeline or get_pipeline()).setup()
    record = pipeline.process(RawDocument(id="explain", text=text, published=published, verbatim=True))
    return explain_record(record, pipeline)


def explain_event(
    path: str, number: int, published: str | None = None, pipeline: Pipeline | None = None
) -> Explanation:
    """Explain the sentence of event ``number`` (from 0) of the first article in ``path``.

    The sentence is explained on its own, so links to earlier sentences (a pronoun's antecedent)
    may resolve differently than in the article.
    """
    from . import get_pipeline
    from .errors import ConfigError
    from .runs import code_paths

    pipeline = (pipeline or get_pipeline()).setup()
    record = next(code_paths([path], pipeline=pipeline), None)
    if record is None or number >= len(record.events):
        count = len(record.events) if record is not None else 0
        raise ConfigError(f"--event {number}: {path} has {count} events (numbered from 0)")
    assert pipeline.nlp is not None
    sentences = list(pipeline.nlp.pipe([record.text])[0].sents)
    sentence = sentences[record.events[number].sentence]
    return explain(sentence.text, published or record.published, pipeline)


def explain_record(record: ArticleRecord, pipeline: Pipeline) -> Explanation:
    """The explanation of an already coded record (its text is parsed again)."""
    from .actors.resolve import ActorResolver
    from .coref import Coreference

    result = Explanation(record.text, record.published, events=list(record.events), error=record.error)
    if record.error or pipeline.nlp is None or pipeline.dictionary is None:
        return result
    doc = pipeline.nlp.pipe([record.text])[0]
    resolver = ActorResolver(pipeline.dictionary, day=record.published)
    coref = Coreference(doc, resolver)
    result.tokens = [TokenView(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]
    result.actors = _actors(doc, coref, resolver)
    dropped: list[Dropped] = []
    if pipeline.coder is not None:  # code again, collecting the matches the rules dropped
        pipeline.coder.code_doc(doc, record.id, coref, dropped)
    result.candidates = _candidates(doc, record.events, dropped, pipeline)
    return result


def _actors(doc: Doc, coref: Any, resolver: ActorResolver) -> list[ActorView]:
    found: list[ActorView] = []
    for mention in coref.mentions:
        actor = mention.actor
        if not (actor.code or actor.name):
            continue
        found.append(
            ActorView(
                actor.text, actor.start, actor.end, actor.code, actor.name, _how(doc[mention.token], resolver)
            )
        )
    for token in doc:
        if token.pos_ != "PRON":
            continue
        actor = coref.actor(token)
        if actor is not None and actor.code:
            found.append(
                ActorView(
                    token.text,
                    token.idx,
                    token.idx + len(token.text),
                    actor.code,
                    actor.name,
                    f"coreference: the pronoun refers to {actor.name or actor.text}",
                )
            )
    return sorted(found, key=lambda a: a.start)


def _how(head: Token, resolver: ActorResolver) -> str:
    """Which dictionary entries the phrase's words matched."""
    evidence = resolver.evidence(head)
    parts = []
    if evidence.org is not None:
        parts.append(f"organisation {evidence.org.name!r} ({evidence.org.code})")
    if evidence.name:
        parts.append(f"person {evidence.name!r}")
    if evidence.country:
        parts.append(f"country {evidence.country}")
    if evidence.role:
        parts.append(f"role {evidence.role}")
    if not parts:
        return "a phrase no dictionary entry matches; completed from earlier mentions"
    return "dictionary: " + ", ".join(parts)


def _candidates(doc: Doc, events: list[Event], dropped: list[Dropped], pipeline: Pipeline) -> list[Candidate]:
    from .coding import matching

    coder = pipeline.coder  # None when the pipeline codes with PETRARCH dictionaries
    lexicon = coder.lexicon if coder is not None else None
    if lexicon is None:
        return []
    coded = {(e.start, e.pattern.id) for e in events if e.pattern is not None}
    why_not = {(d.start, d.pattern.id): d.step for d in dropped if d.pattern is not None}
    found: list[Candidate] = []
    for token in doc:
        for pattern in lexicon.patterns_for(token.lemma_.lower()):
            ref = pattern.ref
            match = matching.try_pattern(pattern, token)
            was_coded = (token.idx, ref.id) in coded
            if was_coded:
                note = "matched and coded"
            elif (token.idx, ref.id) in why_not:
                step = why_not[(token.idx, ref.id)]
                note = f"matched, dropped by {step.rule}: {step.reason}"
            elif match is not None and (token.dep_ in ("compound", "amod") or token.ent_type_ not in NO_NAME):
                note = "matched, not coded: the word is part of a name or a modifier here"
            elif match is not None:
                note = "matched, not coded: a more specific pattern of the same word won"
            elif pattern.pos == "v" and token.pos_ != "VERB":
                note = f"not a verb here ({token.pos_})"
            elif pattern.pos == "n" and token.pos_ not in ("NOUN", "PROPN"):
                note = f"not a noun here ({token.pos_})"
            else:
                note = "the words or the object it requires are not attached to the trigger"
            found.append(Candidate(token.i, token.text, ref, match is not None, was_coded, note))
    return found


def print_explanation(explanation: Explanation, console: Any = None) -> None:
    """The explanation as text: parse, actors, patterns tried, events."""
    from rich.console import Console
    from rich.text import Text

    from .render import terminal_safe

    out = console or Console()

    def line(*parts: tuple[str, str]) -> None:
        text = Text()
        for content, style in parts:
            text.append(terminal_safe(content), style=style)
        out.print(text)

    line(("text: ", "bold"), (explanation.text, ""))
    if explanation.error:
        line(("error: ", "red"), (explanation.error, ""))
        return
    line(("parse", "bold"))
    for t in explanation.tokens:
        entity = f"  {t.entity}" if t.entity else ""
        line((f"  {t.i:>3} {t.text:<14} {t.lemma:<12} {t.pos:<6} {t.dep:<10} -> {t.head}{entity}", ""))
    line(("actors", "bold"))
    for a in explanation.actors:
        who = f"{a.code or '-'}" + (f" ({a.name})" if a.name else "")
        line((f"  {a.text!r} ", ""), (who, "green"), (f"  {a.how}", "dim"))
    line(("patterns tried (those that matched; --format json lists every one)", "bold"))
    by_token: dict[int, list[Candidate]] = {}
    for c in explanation.candidates:
        by_token.setdefault(c.token, []).append(c)
    for candidates in by_token.values():
        for c in (c for c in candidates if c.matched):
            line((f"  {c.word} ", "bold" if c.coded else ""), (c.pattern.text, ""), (f"  {c.note}", "dim"))
        missed = sum(not c.matched for c in candidates)
        if missed:
            line((f"  {candidates[0].word}: {missed} other patterns did not match", "dim"))
    line(("events", "bold"))
    for e in explanation.events:
        source = e.source.code or e.source.text if e.source else "-"
        target = e.target.code or e.target.text if e.target else "-"
        flags = " negated" if e.negated else " hypothetical" if e.hypothetical else ""
        line(
            (f"  {e.cameo} {e.plover.event or '-'}  ", "bold"),
            (f"{source} -> {target}", "green"),
            (f"  {e.trigger!r}  confidence {e.confidence:.2f}{flags}", ""),
        )
        if e.pattern is not None:
            line((f"      pattern {e.pattern.id}: {e.pattern.text}", "dim"))
        else:
            line(("      no pattern: derived by a rule from another event", "dim"))
        for step in e.rules:
            line(("      rule ", "dim"), (step.rule, "cyan"), (f": {step.reason}", "dim"))
