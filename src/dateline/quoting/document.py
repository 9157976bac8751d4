"""A parsed document with the lookups the quote rules share (paragraphs, tokens by offset)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import ActorRef, Speaker
from ..words import Words, default_words
from .gender import Genders, pronoun_gender
from .marks import QuoteSpan, find_quote_spans, paragraphs
from .speakers import make_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ActorFinder = Callable[["Token"], ActorRef | None]
#: How far back (in characters) a pronoun speaker's antecedent is looked for.
ANTECEDENT_WINDOW = 1500


class QuoteDocument:
    """One parsed document with the lookups the quote rules need."""

    def __init__(self, doc: Doc, find_actor: ActorFinder, words: Words | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.find_actor = find_actor
        #: The word classes the quote rules read (``speech.*``, pronouns, gender words).
        self.words = words if words is not None else default_words()
        self.paragraphs = paragraphs(self.text)
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self._token_starts = [t.idx for t in doc]
        self.spans: list[QuoteSpan] = [
            s for s in find_quote_spans(self.text) if any(c.isalpha() for c in self.text[s.start : s.end])
        ]
        #: Character ranges of words that are someone's own (quotes, tweets): no indirect speech there.
        self.blocked: list[tuple[int, int]] = []
        self._mask = bytearray(len(self.text))
        for span in self.spans:
            self.block(span.open, span.outer_end)
        self._genders: Genders | None = None
        #: PERSON entities in text order, read once (`Doc.ents` rebuilds its list on every access).
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]

    def paragraph_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def first_token_from(self, offset: int) -> Token | None:
        i = bisect.bisect_left(self._token_starts, offset)
        return self.doc[i] if i < len(self.doc) else None

    def tokens(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return [self.doc[i] for i in range(lo, hi)]

    def block(self, start: int, end: int) -> None:
        """Mark [start, end) as someone's own words."""
        self.blocked.append((start, end))
        self._mask[start:end] = b"\x01" * (end - start)

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quote (or a tweet)."""
        return 0 <= offset < len(self._mask) and self._mask[offset] == 1

    def speaker(self, head: Token) -> Speaker:
        """The speaker whose phrase ``head`` heads; "he"/"she" agree in gender with their person."""
        speaker = make_speaker(head, self.find_actor, self.words, self.blocked)
        gender = pronoun_gender(head.text, self.words) if head.lower_ in ("he", "she") else None
        if (gender is not None and self.genders.of(speaker.name) not in (None, gender)) or (
            gender is not None and speaker.name is None
        ):
            found = self._antecedent(head, gender)
            if found is not None:
                speaker.name, speaker.code = found
        elif head.pos_ == "PROPN" and (speaker.name is None or " " not in speaker.name):
            full = self._full_name(head)  # "Stumpf said": the "John Stumpf" named earlier
            if full is not None:
                speaker.name = full
        return speaker

    def _full_name(self, surname: Token) -> str | None:
        for ent in reversed([e for e in self.persons if e.end <= surname.i]):
            if len(ent) > 1 and ent[-1].text == surname.text:
                actor = self.find_actor(ent.root)
                return actor.name if actor is not None and actor.name else ent.text
        return None

    @property
    def genders(self) -> Genders:
        if self._genders is None:
            self._genders = Genders(self.doc, self.words)
        return self._genders

    def _antecedent(self, pronoun: Token, gender: str) -> tuple[str, str | None] | None:
        """The last person named before ``pronoun`` (within a few sentences) of its gender, else
        the last one whose gender the article does not tell."""
        horizon = max(pronoun.sent.start_char - ANTECEDENT_WINDOW, 0)
        fallback: tuple[str, str | None] | None = None
        for ent in reversed([e for e in self.persons if e.end <= pronoun.i]):
            if ent.start_char < horizon:
                break
            if self.quoted(ent.start_char):
                continue
            ent_gender = self.genders.of(ent.text)
            if ent_gender not in (None, gender):
                continue
            actor = self.find_actor(ent.root)
            name = actor.name if actor is not None and actor.name else ent.text
            found = (name, actor.code if actor is not None else None)
            if ent_gender == gender:
                return found
            if fallback is None:
                fallback = found
        return fallback
