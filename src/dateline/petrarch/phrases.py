"""A sentence as the PETRARCH engine sees it: words, actor/agent mentions, noun-phrase codes.

Words are the upper-case words of spaCy's tokens (``split_words``), so dictionary phrases match
the text whatever the tokenizer did with hyphens and underscores. At each word the longest actor
phrase is tried, then the longest agent phrase (as PETRARCH does); a match is a `Mention`.

The codes of a noun phrase follow PETRARCH's noun-phrase rules, read off the dependency parse:

* a phrase is its head, its modifiers (compounds, adjectives, possessors, determiners,
  appositions) and, as separate conjuncts, the heads it is conjoined with ("Gondor and
  Osgiliath" is two actors);
* a conjunct's actor is the first actor named in it (plus actors conjoined inside it: "Eriadori
  and Calenardhon leaders"); a null-coded actor (``[---]``, or a date restriction that gives no
  code) means "no actor here";
* with no actor of its own, a conjunct takes the actors of its prepositional phrases ("the
  ambassadors *of Arnor*", "soldiers *from Gondor*"), and a conjunct with agents but no actor
  takes the actors of the other conjuncts ("Danish media and *government*");
* each agent is appended to the actor code (``~GOV``: GON + GOV = GONGOV) unless the code holds
  it already, or put in front (``NGO~``); agents alone give an agent code (PETRARCH's ``---GOV``,
  here ``GOV``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..records import ActorRef
from .actors import ActorEntry
from .agents import Agent
from .dictionary import Dictionaries, split_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependents that belong to a noun phrase's own words (not its conjuncts, clauses or PPs).
CORE_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "flat", "appos", "quantmod", "predet"}
)
#: Dependencies climbed from a word to the head of its noun phrase.
CLIMB_DEPS = CORE_DEPS | {"conj"}
NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET"})


@dataclass(slots=True, eq=False)
class Mention:
    """A dictionary phrase found in the sentence: words [start, end), doc token indexes."""

    start: int
    end: int
    tokens: tuple[int, ...]
    codes: tuple[str, ...] = ()
    agent: Agent | None = None

    @property
    def coded(self) -> bool:
        """Whether the mention names an actor or an agent (a null-coded actor does not)."""
        return bool(self.codes) or self.agent is not None


@dataclass(slots=True)
class Coded:
    """One actor code of a noun phrase and the conjunct that carries it."""

    code: str
    head: Token
    tokens: tuple[int, ...]
    actor: str = ""  # the actor code before agents were added ("" for agents alone)


class SentenceView:
    """Words, mentions and noun chunks of one sentence, for pattern matching and actor codes."""

    def __init__(self, sent: Span, dicts: Dictionaries, day: date | None) -> None:
        self.sent = sent
        self.doc = sent.doc
        self.words: list[str] = []
        self.token_of: list[int] = []
        self.first_word: dict[int, int] = {}
        self.last_word: dict[int, int] = {}
        for token in sent:
            for word in split_words(token.text):
                self.first_word.setdefault(token.i, len(self.words))
                self.last_word[token.i] = len(self.words)
                self.words.append(word)
                self.token_of.append(token.i)
        self.mention_at: list[Mention | None] = [None] * len(self.words)
        self.mention_of_token: dict[int, Mention] = {}
        self._find_mentions(dicts, day)
        self.chunk_at: list[tuple[int, int] | None] = [None] * len(self.words)
        for chunk in sent.noun_chunks:
            words = [p for t in chunk for p in self.positions(t.i)]
            if words:
                for p in words:
                    self.chunk_at[p] = (min(words), max(words))
        self._codes: dict[int, list[Coded]] = {}

    def positions(self, token_i: int) -> range:
        """The word positions of a token (empty for whitespace tokens)."""
        if token_i not in self.first_word:
            return range(0)
        return range(self.first_word[token_i], self.last_word[token_i] + 1)

    def _find_mentions(self, dicts: Dictionaries, day: date | None) -> None:
        position = 0
        while position < len(self.words):
            found = dicts.actors.longest(self.words, position)
            mention: Mention | None = None
            if found is not None:
                length, entry = found
                assert isinstance(entry, ActorEntry)
                mention = self._mention(position, length, codes=entry.codes_on(day))
            else:
                agent = dicts.agents.longest(self.words, position)
                if agent is not None:
                    length, payload = agent
                    assert isinstance(payload, Agent)
                    mention = self._mention(position, length, agent=payload)
            if mention is None:
                position += 1
                continue
            for p in range(mention.start, mention.end):
                self.mention_at[p] = mention
            for t in mention.tokens:
                self.mention_of_token.setdefault(t, mention)
            position = mention.end

    def _mention(
        self, start: int, length: int, codes: tuple[str, ...] = (), agent: Agent | None = None
    ) -> Mention:
        tokens = tuple(dict.fromkeys(self.token_of[start : start + length]))
        return Mention(start, start + length, tokens, codes, agent)

    # --- noun phrases ------------------------------------------------------------------------

    def np_head(self, token: Token) -> Token:
        """The head of the noun phrase a word belongs to (modifiers and conjuncts climbed)."""
        seen = 0
        while (
            token.dep_ in CLIMB_DEPS and token.head.i != token.i and token.head.pos_ in NOUNISH and seen < 12
        ):
            token, seen = token.head, seen + 1
        return token

    def core(self, head: Token) -> list[Token]:
        """A conjunct's own words: the head and its modifiers' subtrees, in text order."""
        words = [head]
        for child in head.children:
            if child.dep_ in CORE_DEPS:
                words.extend(child.subtree)
        return sorted(words, key=lambda t: t.i)

    def codes(self, token: Token) -> list[Coded]:
        """The actor codes of the noun phrase ``token`` belongs to, one per conjunct and actor."""
        head = self.np_head(token)
        if head.i not in self._codes:
            self._codes[head.i] = []  # guards against cycles through prepositional phrases
            self._codes[head.i] = self._np_codes(head)
        return self._codes[head.i]

    def _np_codes(self, head: Token) -> list[Coded]:
        conjuncts = [head, *(c for c in head.conjuncts if c.i > head.i)]
        parts: list[tuple[Token, tuple[int, ...], list[str] | None, list[Agent]]] = []
        for conjunct in conjuncts:
            core = self.core(conjunct)
            # a mention belongs to the conjunct whose words it starts in ("the Prince of Dol Amroth")
            inside = {t.i for t in core}
            found = (self.mention_of_token.get(t.i) for t in core)
            mentions = [m for m in dict.fromkeys(found) if m is not None and m.tokens[0] in inside]
            agents = [m.agent for m in mentions if m.agent is not None]
            actors = [m for m in mentions if m.agent is None]
            codes: list[str] | None = None
            if actors:
                first = actors[0]
                chosen = [first, *(m for m in actors[1:] if self.doc[m.tokens[0]].dep_ in ("conj", "appos"))]
                codes = [c for m in chosen for c in m.codes]  # [] = null-coded: no actor here
            else:
                codes = self._pp_codes(conjunct) or None
            parts.append((conjunct, tuple(t.i for t in core), codes, agents))
        shared = next((c for _, _, c, _ in parts if c), None)
        out: list[Coded] = []
        for conjunct, tokens, codes, agents in parts:
            if codes is None and agents and shared:
                codes = shared
            if codes:
                out.extend(Coded(compose(c, agents), conjunct, tokens, c) for c in dict.fromkeys(codes))
            elif codes is None and agents:
                out.append(Coded(compose("", agents), conjunct, tokens))
        return out

    def _pp_codes(self, head: Token) -> list[str]:
        for child in head.children:
            if child.dep_ != "prep":
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    codes = [c.code for c in self.codes(pobj)]
                    if codes:
                        return codes
        return []

    def actor_ref(self, coded: Coded) -> ActorRef:
        """Our record of one coded conjunct (text and offsets of its words)."""
        first, last = self.doc[min(coded.tokens)], self.doc[max(coded.tokens)]
        code = coded.code
        country = coded.actor[:3] if len(coded.actor) >= 3 else None
        rest = code.replace(coded.actor, "", 1) if coded.actor else code
        segments = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        return ActorRef(
            text=self.doc.text[first.idx : last.idx + len(last.text)],
            start=first.idx,
            end=last.idx + len(last.text),
            code=code,
            country=country,
            sectors=[s for s in segments if len(s) == 3],
        )


def compose(actor: str, agents: list[Agent]) -> str:
    """An actor code with its agents: prefixes first, suffixes appended unless the code holds them
    already, compared by three-letter segments (GMWGOV holds GOV, not WGO)."""
    code = actor
    for agent in agents:
        if agent.prefix:
            if not code.startswith(agent.code):
                code = agent.code + code
        elif not _holds(code, agent.code):
            code += agent.code
    return code


def _holds(code: str, part: str) -> bool:
    segments = [code[i : i + 3] for i in range(0, len(code), 3)]
    wanted = [part[i : i + 3] for i in range(0, len(part), 3)]
    n = len(wanted)
    return any(segments[i : i + n] == wanted for i in range(len(segments) - n + 1))
