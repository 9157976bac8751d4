"""The machinery of the coder's named rules: the event being built (`Draft`), what a rule may
consult (`Context`), the settings read from ``rules.toml``, and the loop that applies rules in
order and keeps the trace of those that changed something.

A rule is a function ``(draft, context) -> reason | None``, named with `rule`: it returns a
one-line reason when it changed the draft (or, for a rule made with ``drops=True``, when the
draft is no event), and None when it does not apply. Steps that always apply (finding the
subject's actor) return None too: the trace lists only the decisions that changed an event.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ...errors import ConfigError
from ...records import ActorRef, Event, PatternRef, Plover, RuleStep, stable_id
from ...resources import data_path

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...ontology import CameoCode, Ontology
    from ..lexicon import Lexicon
    from ..matching import Match

SETTINGS_FILE = "rules.toml"


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


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """Which CAMEO roots each rule applies to, the codes rules give, and the confidence weights."""

    roots: Mapping[str, tuple[str, ...]]
    codes: Mapping[str, str]
    weights: Mapping[str, float]

    def applies(self, group: str, code: str) -> bool:
        """Whether ``code`` falls under one of the roots (or code prefixes) of ``group``."""
        return any(code.startswith(prefix) for prefix in self.roots[group])

    @classmethod
    def load(cls, data_dirs: Sequence[str | Path] = (), shipped: bool = True) -> RuleSettings:
        """The shipped ``rules.toml`` with each user directory's ``rules.toml`` merged over it,
        table by table and key by key (a user's value wins; the first directory wins over later ones)."""
        tables: dict[str, dict[str, Any]] = {"roots": {}, "codes": {}, "confidence": {}}
        layers = [Path(d) / SETTINGS_FILE for d in reversed(list(data_dirs))]
        if shipped:
            layers.insert(0, data_path(SETTINGS_FILE))
        for path in layers:
            if not path.exists():
                continue
            try:
                with path.open("rb") as handle:
                    data = tomllib.load(handle)
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from None
            for table, values in data.items():
                if table not in tables or not isinstance(values, dict):
                    known = ", ".join(f"[{t}]" for t in tables)
                    raise ConfigError(f"{path}: unknown table [{table}]; the known tables are {known}")
                tables[table].update(values)
        try:
            return cls(
                roots={k: tuple(str(c) for c in v) for k, v in tables["roots"].items()},
                codes={k: str(v) for k, v in tables["codes"].items()},
                weights={k: float(v) for k, v in tables["confidence"].items()},
            )
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{SETTINGS_FILE}: a value has the wrong type ({exc})") from None


@lru_cache(maxsize=1)
def default_settings() -> RuleSettings:
    """The settings shipped with the package (read once per process)."""
    return RuleSettings.load()


@dataclass(slots=True)
class Mood:
    """What the trigger's governors say about the act: read once, consulted by the modality rules."""

    intent: bool = False
    condition: str | None = None
    refusal: Token | None = None
    #: "will not lift": a negated statement of intent, i.e. a refusal.
    stated_refusal: bool = False
    #: A modality rule has decided the code; later ones no longer apply.
    settled: bool = False


@dataclass(slots=True)
class Draft:
    """An event being built from one pattern match: its heads, sides, code and modality."""

    match: Match
    code: str
    source_head: Token | None
    target_head: Token | None
    #: The trigger is a noun another trigger verb acts on ("lifted sanctions").
    owned: bool = False
    source: ActorRef | None = None
    target: ActorRef | None = None
    negated: bool = False
    hypothetical: bool = False
    governors: list[Token] = field(default_factory=list)
    mood: Mood = field(default_factory=Mood)
    trace: list[RuleStep] = field(default_factory=list)
    #: The rule that found this is no event, and why.
    dropped_by: RuleStep | None = None

    @property
    def trigger(self) -> Token:
        """The token the pattern matched."""
        return self.match.trigger


@dataclass(frozen=True, slots=True)
class Context:
    """What rules consult: the lexicon, the CAMEO tables, the settings and the article's actors."""

    lexicon: Lexicon
    ontology: Ontology
    settings: RuleSettings
    actors: ActorContext

    def find(self, token: Token | None) -> ActorRef | None:
        """The actor of the phrase headed by ``token``, if any."""
        return self.actors.actor(token) if token is not None else None


Apply = Callable[[Draft, Context], str | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named step of the coder. ``drops``: a reason means the draft is no event; ``silent``:
    a step that always applies (finding the subject's actor) and so never gives a reason."""

    name: str
    apply: Apply
    drops: bool = False
    silent: bool = False

    def __call__(self, draft: Draft, context: Context) -> str | None:
        return self.apply(draft, context)

    @property
    def doc(self) -> str:
        """The first line of the rule's docstring."""
        return (self.apply.__doc__ or "").strip().splitlines()[0] if self.apply.__doc__ else ""


def rule(name: str, *, drops: bool = False, silent: bool = False) -> Callable[[Apply], Rule]:
    """Decorator: make ``function`` the rule ``name`` (``family.what_it_decides``)."""

    def make(function: Apply) -> Rule:
        return Rule(name, function, drops, silent)

    return make


def run(rules: Sequence[Rule], draft: Draft, context: Context) -> Draft:
    """Apply ``rules`` in order; stop at the first rule that drops the draft."""
    for step in rules:
        reason = step(draft, context)
        if reason is None:
            continue
        if step.drops:
            draft.dropped_by = RuleStep(step.name, reason)
            break
        draft.trace.append(RuleStep(step.name, reason))
    return draft


def quoted(token: Token | None) -> str:
    """A token's text in quotes, for reasons."""
    return f'"{token.text}"' if token is not None else "none"


def actor_name(actor: ActorRef | None) -> str:
    """An actor for reasons: its text and code."""
    if actor is None:
        return "none"
    return f'"{actor.text}" ({actor.code})' if actor.code else f'"{actor.text}"'


@dataclass(frozen=True, slots=True)
class Dropped:
    """A pattern match that a rule found is no event (for `dateline explain`)."""

    start: int
    word: str
    pattern: PatternRef | None
    step: RuleStep


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
    rules: Sequence[RuleStep] = (),
) -> Event:
    """The event record of code ``info`` with its evidence: the cue token's offsets in sentence
    ``index``, its two sides, its confidence (kept within 0.05-0.99) and the rules that made it."""
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
        rules=list(rules),
    )
