"""Quotes: direct quotations in any quotation-mark style and indirect speech, with speakers.

Direct quotes are found by their marks; the speaker is the subject of the speech verb outside the
marks in the same sentence (``"...," he told the delegation``), or of the speech verb that governs
the quoted words (``Asif tweeted that his meeting was "very fruitful"``). A paragraph that is all
quote continues the previous speaker. Indirect speech is a speech verb with a clausal complement
("Lavrov insisted that ..."), or "according to X".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .records import ActorRef, Quote, Speaker
from .registry import register

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "insist",
        "state",
        "note",
        "stress",
        "tweet",
        "write",
        "declare",
        "announce",
        "warn",
        "explain",
        "reply",
        "respond",
        "argue",
        "claim",
        "comment",
        "emphasize",
        "emphasise",
        "continue",
        "assert",
        "affirm",
        "reiterate",
        "maintain",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "post",
        "remark",
        "observe",
        "point",
        "suggest",
        "predict",
        "vow",
        "pledge",
        "promise",
        "urge",
        "caution",
        "allege",
        "contend",
        "recall",
        "describe",
        "underline",
        "underscore",
        "report",
        "believe",
        "think",
        "conclude",
        "disclose",
        "reveal",
        "signal",
        "indicate",
        "concede",
        "agree",
        "quote",
        "testify",
        "complain",
        "demand",
        "ask",
        "question",
        "threaten",
        "hint",
        "brief",
    }
)
STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "communique",
        "release",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "tweet",
        "post",
        "readout",
    }
)
_QUOTE = re.compile(
    r"\u201c(?P<a>[^\u201c\u201d]{2,}?)\u201d"
    r"|(?<![\w])\"(?P<b>[^\"]{2,}?)\""
    r"|\u00ab(?P<c>[^\u00ab\u00bb]{2,}?)\u00bb"
    r"|(?<![\w])\u2018(?P<d>[^\u2018\u2019]{2,}?)\u2019(?![\w])"
)

ActorFinder = Callable[["Token"], ActorRef | None]


@register("quotes")
class QuoteFinder:
    """Finds quotes in a parsed document; ``find_actor`` resolves speakers (with coreference)."""

    name = "quotes"

    def setup(self) -> None:
        """Nothing to load."""

    def __call__(self, doc: Doc, find_actor: ActorFinder) -> list[Quote]:
        """All quotes of ``doc`` in text order."""
        quotes: list[Quote] = []
        direct_spans: list[tuple[int, int]] = []
        previous: Quote | None = None
        for match in _QUOTE.finditer(doc.text):
            group = next(g for g in "abcd" if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            content = doc.text[start:end].strip()
            if len(content.split()) < 2:
                continue  # a scare-quoted word is not a quotation
            direct_spans.append((match.start(), match.end()))
            cue_token, speaker_head = _direct_cue(doc, match.start(), match.end())
            cue = cue_token.text if cue_token is not None else None
            speaker = _speaker(speaker_head, find_actor)
            if speaker is None and previous is not None and _continues(doc.text, previous.end, match.start()):
                speaker, cue = previous.speaker, previous.cue
            quote = Quote(
                speaker=speaker,
                cue=cue,
                content=content,
                start=start,
                end=end,
                direct=True,
            )
            quotes.append(quote)
            previous = quote
        for sent in doc.sents:
            quotes.extend(_indirect(sent, direct_spans, find_actor))
        quotes.sort(key=lambda q: q.start)
        return quotes


def addressee(doc: Doc, quote: Quote, find_actor: ActorFinder) -> ActorRef | None:
    """Whom a direct quote is addressed to: the object of "told" in its sentence, if any."""
    for token in doc.char_span(quote.start, quote.end, alignment_mode="expand") or []:
        sent = token.sent
        for verb in sent:
            if verb.lemma_ == "tell" and not quote.start <= verb.idx < quote.end:
                obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
                return find_actor(obj) if obj is not None else None
        break
    return None


def _direct_cue(doc: Doc, start: int, end: int) -> tuple[Token | None, Token | None]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    sents = {t.sent.start: t.sent for t in (span[0], span[-1])}
    outside: list[Token] = []
    for sent in sents.values():
        outside.extend(
            t
            for t in sent
            if not start <= t.idx < end and t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
        )
    inside_root = span.root
    for verb in outside:  # the speech verb that governs the quoted words
        if any(a.i == verb.i for a in inside_root.ancestors):
            return verb, _subject(verb)
    if outside:
        nearest = min(outside, key=lambda v: min(abs(v.idx - end), abs(v.idx - start)))
        return nearest, _subject(nearest)
    for sent in sents.values():  # "..., a Foreign Ministry statement said" without a parse link
        for token in sent:
            if token.lower_ == "according" and not start <= token.idx < end:
                to = next((c for c in token.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                return token, obj
    return None, None


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    node = verb
    while subject is None and node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def _speaker(head: Token | None, find_actor: ActorFinder) -> Speaker | None:
    if head is None:
        return None
    actor = find_actor(head)
    if actor is None and head.lemma_.lower() in STATEMENT_NOUNS:
        for child in head.children:  # "a Foreign Ministry statement": the ministry speaks
            if child.dep_ in ("compound", "poss"):
                actor = find_actor(child)

                break
    if actor is None:
        left, right = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        return Speaker(text=head.doc.text[left:right], start=left, end=right)
    name = actor.name
    if name is None and head.lemma_.lower() in STATEMENT_NOUNS:
        name = _organisation_name(head)
    return Speaker(text=actor.text, name=name, code=actor.code, start=actor.start, end=actor.end)


def _organisation_name(head: Token) -> str | None:
    words = [t for t in head.subtree if t.i < head.i and t.dep_ != "det" and not t.is_punct]
    return " ".join(t.text for t in words) or None


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a quote opens the paragraph right after the paragraph of the previous quote."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return text.count("\n", previous_end, start) == 1


def _indirect(sent: Span, direct_spans: list[tuple[int, int]], find_actor: ActorFinder) -> list[Quote]:
    quotes: list[Quote] = []
    for verb in sent:
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        if any(s <= verb.idx < e for s, e in direct_spans):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            continue
        left = clause.left_edge
        if left.dep_ == "mark":
            left = left.doc[left.i + 1]
        start, end = left.idx, clause.right_edge.idx + len(clause.right_edge.text)
        if any(s <= start < e or start <= s < end for s, e in direct_spans):
            continue
        content = sent.doc.text[start:end].strip()
        if len(content.split()) < 3:
            continue
        quotes.append(
            Quote(
                speaker=_speaker(_subject(verb), find_actor),
                cue=verb.text,
                content=content,
                start=start,
                end=end,
                direct=False,
            )
        )
    return quotes
