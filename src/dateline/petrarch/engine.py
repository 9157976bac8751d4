"""The PETRARCH-compatible coding engine: PETRARCH dictionaries applied with PETRARCH's mechanics
to our spaCy parse of the text (``PipelineConfig(coder="petrarch")``).

Users with curated PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) keep them:
``PipelineConfig(coder="petrarch", data_dirs=(DIR,))`` reads every ``*.txt`` dictionary in DIR
(kind detected from the content; a discards list is named ``*discard*``) and codes events the way
PETRARCH does, into our ordinary `Event` records. For each verb of a sentence (a token the parser
tags as a verb, matched by its forms: the dictionary word, its irregular forms in ``{...}`` and
the regular -S/-ED/-ING forms; multi-word verbs such as ``WIRE_+TAP`` need their other words
next to it):

1. the patterns of the verb's blocks are tried longest first (`dateline.petrarch.patterns`);
   the first that matches gives the code, else the verb's own code, else the block's code. The
   null code ``[---]`` codes nothing (a ``[---]`` pattern blocks the verb's default code), and an
   entry whose code is not a code (``[+++]``, ``[xxy]``) is ignored, as PETRARCH does;
2. the source is the actor the pattern bound to ``$``, else the subject of the verb's clause
   (inherited through conjoined and infinitive verbs, resolved for pronouns; the ``by`` agent
   of a passive, whose subject is then the target), else the nearest actor before the verb;
3. the target is the actor bound to ``+``, else the first actor after the verb in its phrase;
4. one event per source conjunct and target conjunct (`dateline.petrarch.phrases`); ``[A:B]``
   adds the reverse event B; ``%`` (a compound actor) codes its members with each other, and so
   does a two-way code whose source is compound when there is no target;
5. with ``require_dyad`` (PETRARCH's default, ours too) an event needs a source and a target;
   without it, one coded side is enough;
6. a sentence holding a discard phrase is not coded (``+phrase``: the whole document is not).

Event codes are carried verbatim: a curated dictionary may use WEIS or its own codes. Codes in
our CAMEO ontology get its Goldstein value, quad class and PLOVER type; others get root = their
first two characters, quad 0, Goldstein 0.0 and no PLOVER type (``cameo_only=True`` drops them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..ontology import Ontology, default_ontology
from ..records import ActorRef, Event, Plover, stable_id
from .dictionary import Dictionaries, load
from .patterns import Binding, Matcher, Pattern, compile_pattern, valid_code
from .phrases import Coded, SentenceView
from .verbs import VerbBlock

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Links along which a verb without a subject of its own takes its governor's subject.
INHERIT = frozenset({"xcomp", "conj", "pcomp", "prep", "acomp"})  # "is about to restore"
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "its", "him", "her", "them", "i"})


@dataclass(slots=True)
class _Candidate:
    block_index: int
    block: VerbBlock
    verb_index: int
    first: int  # first and last word of the verb (with the words of a multi-word verb)
    last: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1


class PetrarchEngine:
    """Codes events with PETRARCH dictionaries and mechanics over a spaCy parse."""

    name = "petrarch"

    def __init__(
        self,
        paths: Sequence[str | Path] = (),
        *,
        require_dyad: bool = True,
        cameo_only: bool = False,
        ontology: Ontology | None = None,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.require_dyad = require_dyad
        self.cameo_only = cameo_only
        self.ontology = ontology
        self.dicts: Dictionaries | None = None
        self._patterns: dict[int, list[Pattern]] = {}

    @classmethod
    def from_dirs(
        cls, dirs: Iterable[str | Path], *, require_dyad: bool = True, cameo_only: bool = False
    ) -> PetrarchEngine:
        """An engine reading every ``*.txt`` dictionary in ``dirs`` (sorted by name)."""
        paths = [p for d in dirs for p in sorted(Path(d).glob("*.txt"))]
        return cls(paths, require_dyad=require_dyad, cameo_only=cameo_only)

    def setup(self) -> None:
        """Read the dictionaries and compile the patterns (once)."""
        if self.dicts is not None:
            return
        if self.ontology is None:
            self.ontology = default_ontology()
        self.dicts = load(self.paths)
        for index, block in enumerate(self.dicts.blocks):
            compiled = []
            for order, (text, code) in enumerate(block.patterns):
                pattern = compile_pattern(text, code, (index, order)) if valid_code(code) else None
                if pattern is None:
                    self.dicts.skip("pattern_unusable")
                    continue
                compiled.append(pattern)
            self._patterns[index] = compiled

    def code_doc(self, doc: Doc, article_id: str, published: str | None = None) -> list[Event]:
        """All events of a parsed document (``published``, ISO, picks date-restricted codes)."""
        self.setup()
        assert self.dicts is not None
        day = _day(published)
        views = [SentenceView(sent, self.dicts, day) for sent in doc.sents]
        if any(self._discarded(v, story=True) for v in views):
            return []
        events: list[Event] = []
        for index, view in enumerate(views):
            if not self._discarded(view, story=False):
                events.extend(self.code_sentence(view, index, article_id))
        return events

    def _discarded(self, view: SentenceView, story: bool) -> bool:
        assert self.dicts is not None
        words = view.words
        for phrase, story_level in self.dicts.discards:
            if story_level != story:
                continue
            n = len(phrase)
            if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
                return True
        return False

    def code_sentence(self, view: SentenceView, index: int, article_id: str) -> list[Event]:
        """Events of one sentence, one verb at a time."""
        matcher = Matcher(view, self.dicts or Dictionaries())
        events: list[Event] = []
        for token in view.sent:
            if not (token.tag_.startswith("VB") or token.pos_ == "VERB"):
                continue
            candidates = self._candidates(view, token)
            if candidates:
                events.extend(self._code_verb(view, matcher, token, candidates, index, article_id))
        return events

    def _candidates(self, view: SentenceView, token: Token) -> list[_Candidate]:
        assert self.dicts is not None
        positions = view.positions(token.i)
        if not positions:
            return []
        word = "".join(view.words[p] for p in positions)
        out = []
        for block_index, verb_index in self.dicts.forms.get(word, ()):
            block = self.dicts.blocks[block_index]
            verb = block.verbs[verb_index]
            first, last = positions[0] - len(verb.before), positions[-1] + len(verb.after)
            if first < 0 or last >= len(view.words):
                continue
            if view.words[first : positions[0]] != verb.before:
                continue
            if view.words[positions[-1] + 1 : last + 1] != verb.after:
                continue
            out.append(_Candidate(block_index, block, verb_index, first, last))
        return sorted(out, key=lambda c: -c.size)

    def _code_verb(
        self,
        view: SentenceView,
        matcher: Matcher,
        token: Token,
        candidates: list[_Candidate],
        index: int,
        article_id: str,
    ) -> list[Event]:
        # the verb's phrase: the subtrees of its words ("wire tap": "wire" heads the object)
        span = {view.token_of[p] for c in candidates[:1] for p in range(c.first, c.last + 1)}
        scope = {t.i for i in span | {token.i} for t in view.doc[i].subtree}
        subtree_end = max(p for i in scope for p in view.positions(i)) + 1
        tried: list[tuple[Pattern, _Candidate]] = []
        seen: set[int] = set()
        for candidate in candidates:
            if candidate.block_index not in seen:
                seen.add(candidate.block_index)
                tried.extend((p, candidate) for p in self._patterns.get(candidate.block_index, ()))
        tried.sort(key=lambda item: (-item[0].size, item[0].order))
        binding: Binding | None = None
        code: str | None = None
        for pattern, candidate in tried:
            end = max(subtree_end, candidate.last + 1)
            binding = matcher.match(pattern, candidate.first, candidate.last, end)
            if binding is not None:
                code = pattern.code
                break
        if binding is None:
            binding = Binding()
            best = candidates[0]
            own = best.block.verbs[best.verb_index].code
            code = own if own is not None else best.block.code
        if code is None or not valid_code(code):
            return []
        forward, _, backward = code.partition(":")
        forward = "" if forward == "---" else forward
        backward = "" if backward == "---" else backward
        if not forward and not backward:
            return []
        sources, targets, mutual = self._actors(view, token, binding, subtree_end, scope)
        if not mutual and not targets and len(sources) > 1 and forward and backward:
            mutual = sources  # "Gondor and Osgiliath renewed ties" [064:064]: with each other
        pairs: list[tuple[Coded | None, Coded | None, str]] = []
        if mutual:
            for a in mutual:
                pairs.extend((a, b, forward or backward) for b in mutual if b.code != a.code)
        else:
            maybe_sources: list[Coded | None] = [*sources] or [None]
            maybe_targets: list[Coded | None] = [*targets] or [None]
            for source in maybe_sources:
                for target in maybe_targets:
                    if forward:
                        pairs.append((source, target, forward))
                    if backward and target is not None:
                        pairs.append((target, source, backward))
        events = []
        for source, target, event_code in pairs:
            if source is not None and target is not None and source.code == target.code:
                continue
            one_sided = source is None or target is None
            if one_sided and (self.require_dyad or (source is None and target is None)):
                continue
            event = self._event(view, token, source, target, event_code, index, article_id)
            if event is not None:
                events.append(event)
        return events

    def _actors(
        self, view: SentenceView, token: Token, binding: Binding, subtree_end: int, scope: set[int]
    ) -> tuple[list[Coded], list[Coded], list[Coded]]:
        """(sources, targets, members of a compound actor acting on each other)."""
        doc = view.doc
        compound = view.codes(doc[binding.compound.tokens[0]]) if binding.compound else []
        if compound and binding.compound_after and binding.target is None:
            targets = compound
            compound = []
        else:
            targets = view.codes(doc[binding.target.tokens[0]]) if binding.target else []
        if compound:
            sources = compound
        elif binding.source is not None:
            sources = view.codes(doc[binding.source.tokens[0]])
        else:
            subject, passive_target = self._subject(view, token)
            sources = view.codes(subject) if subject is not None else []
            if passive_target is not None and not targets:
                targets = view.codes(passive_target)
        taken = {t for c in targets for t in c.tokens}
        if sources and taken & {t for c in sources for t in c.tokens}:
            governor = self._governor(token)
            subject = self._subject(view, governor)[0] if governor is not None else None
            sources = view.codes(subject) if subject is not None else []
        if not sources:
            sources = self._nearest_before(view, token, taken)
        if compound and not targets:
            return sources, [], compound  # "% HAVE *": the members act on each other
        if not targets:
            used = {t for c in sources for t in c.tokens}
            targets = self._first_after(view, token, subtree_end, used, scope)
        return sources, targets, []

    def _subject(self, view: SentenceView, token: Token) -> tuple[Token | None, Token | None]:
        """(source head, target head of a passive) of the verb's clause."""
        node = token
        for _ in range(8):
            children = list(node.children)
            agent = next(
                (p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
            )
            subject = next((c for c in children if c.dep_ in SUBJECTS), None)
            if agent is not None:
                return agent, subject
            if subject is not None:
                if subject.lower_ in RELATIVE and node.dep_ == "relcl":
                    return node.head, None
                if subject.lower_ in PRONOUNS:
                    governor = self._governor(node)
                    resolved = self._subject(view, governor)[0] if governor is not None else None
                    if resolved is not None and view.codes(resolved):
                        return resolved, None
                return subject, None
            if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBG"):
                return node.head, None
            if node.dep_ not in INHERIT or node.head.i == node.i:
                return None, None
            node = node.head
        return None, None

    @staticmethod
    def _governor(token: Token) -> Token | None:
        """The nearest verb above ``token``."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        return None

    def _nearest_before(self, view: SentenceView, token: Token, taken: set[int]) -> list[Coded]:
        """The nearest actor before the verb, when its clause names none (PETRARCH's fallback)."""
        for p in range(view.first_word.get(token.i, 0) - 1, -1, -1):
            mention = view.mention_at[p]
            if mention is not None and mention.coded and not taken & set(mention.tokens):
                return view.codes(view.doc[mention.tokens[0]])
        return []

    def _first_after(
        self, view: SentenceView, token: Token, end: int, used: set[int], inside: set[int]
    ) -> list[Coded]:
        """The first actor after the verb, inside the verb's phrase (``inside``: its tokens)."""
        for p in range(view.last_word.get(token.i, 0) + 1, end):
            mention = view.mention_at[p]
            if mention is None or not mention.coded or used & set(mention.tokens):
                continue
            if mention.tokens[0] in inside:
                codes = [c for c in view.codes(view.doc[mention.tokens[0]]) if not used & set(c.tokens)]
                if codes:
                    return codes
        return []

    def _event(
        self,
        view: SentenceView,
        token: Token,
        source: Coded | None,
        target: Coded | None,
        code: str,
        index: int,
        article_id: str,
    ) -> Event | None:
        assert self.ontology is not None
        if code in self.ontology:
            info = self.ontology.get(code)
            root, quad, goldstein = info.root, info.quad, info.goldstein
            plover = Plover(info.plover_event, info.plover_mode, list(info.plover_context))
        elif self.cameo_only:
            return None
        else:
            root, quad, goldstein, plover = code[:2], 0, 0.0, Plover(None)
        source_ref = view.actor_ref(source) if source is not None else None
        target_ref = view.actor_ref(target) if target is not None else None
        negated = any(c.dep_ == "neg" for c in token.children)
        return Event(
            id=stable_id(article_id, token.idx, code, _code(source_ref), _code(target_ref)),
            sentence=index,
            start=token.idx,
            end=token.idx + len(token.text),
            trigger=token.text,
            source=source_ref,
            target=target_ref,
            cameo=code,
            root=root,
            quad=quad,
            goldstein=goldstein,
            plover=plover,
            confidence=0.7 if source_ref is not None and target_ref is not None else 0.5,
            negated=negated,
        )


def _code(actor: ActorRef | None) -> str | None:
    return actor.code if actor is not None else None


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
