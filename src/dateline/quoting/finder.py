"""Quotes with their speakers: direct quotes by their marks (`direct`), tweets and posts by their
embed signatures (`social`), indirect speech by its syntax (`indirect`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import ActorRef, Quote, Speaker
from ..words import Words
from .direct import direct_quotes
from .document import QuoteDocument
from .indirect import indirect_quotes
from .social import SocialPost, find_social_posts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ActorFinder = Callable[["Token"], ActorRef | None]


def find_quotes(doc: Doc, find_actor: ActorFinder, words: Words | None = None) -> list[Quote]:
    """All quotes of ``doc`` in text order (``words``: the word classes, the shipped ones by default)."""
    d = QuoteDocument(doc, find_actor, words)
    posts = find_social_posts(d.text)
    for post in posts:
        d.block(post.start, post.end)
    quotes = []
    for q in direct_quotes(d):
        start, end = q.span.start, q.span.end
        while end > start + 1 and d.text[end - 1] in ",;: ":
            end -= 1  # '"We will win," he said': the comma belongs to the attribution
        quotes.append(Quote(q.speaker, q.cue, d.text[start:end], start, end, direct=True))
    for post in posts:
        author = _author(d, post)
        inside = [q for q in quotes if q.start < post.end and post.start < q.end]
        for quote in inside:  # words quoted in the post are the author's
            if quote.speaker is None:
                quote.speaker, quote.cue = author, post.kind
        covered = sum(min(q.end, post.end) - max(q.start, post.start) for q in inside)
        if covered < (post.end - post.start) / 2:
            content = d.text[post.start : post.end]
            quotes.append(Quote(author, post.kind, content, post.start, post.end, direct=True))
    quotes.extend(indirect_quotes(d))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _author(d: QuoteDocument, post: SocialPost) -> Speaker:
    end = post.name_start + len(post.name)
    tokens = d.tokens(post.name_start, end)
    actor = None
    if tokens:
        head = next((t for t in tokens if not tokens[0].i <= t.head.i <= tokens[-1].i), tokens[-1])
        actor = d.find_actor(head)
    return Speaker(
        text=post.name,
        name=actor.name if actor is not None and actor.name else post.name,
        code=actor.code if actor is not None else None,
        start=post.name_start,
        end=end,
    )


def addressee(doc: Doc, quote: Quote, find_actor: ActorFinder) -> ActorRef | None:
    """Whom a direct quote is addressed to: the object of its cue "told" ("he told the delegation")."""
    if quote.cue is None:
        return None
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
    end = first[-1].i + 1
    if end < len(doc):
        sents[doc[end].sent.start] = doc[end].sent
    for sent in sents.values():
        for verb in sent:
            if verb.lemma_ == "tell" and verb.text == quote.cue and not quote.start <= verb.idx < quote.end:
                obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
                return find_actor(obj) if obj is not None else None
    return None
