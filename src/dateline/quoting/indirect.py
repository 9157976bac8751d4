"""Indirect speech: a reporting verb with a clausal complement outside any direct quote
("Lavrov insisted that ...", "..., sources said"), "according to X", and nouns of saying with a
clause ("Trump's claim that ..."). A report is kept only when its speaker is found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Quote
from .document import QuoteDocument
from .speakers import speaker_head

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Fewest words of an indirect quote's content.
MIN_INDIRECT_WORDS = 3


def indirect_quotes(d: QuoteDocument) -> list[Quote]:
    """Reported speech and belief outside the direct quotes, with speakers."""
    quotes: list[Quote] = []
    speech_verbs, cognition_verbs = d.words["speech.verbs"], d.words["speech.cognition_verbs"]
    speech_nouns = d.words["speech.nouns"]
    for token in d.doc:
        if d.quoted(token.idx):
            continue
        found: tuple[int, int, Token, str] | None = None
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            found = _according_to(d, token)
        elif token.pos_ == "VERB" and (lemma in speech_verbs or lemma in cognition_verbs):
            found = _reported_clause(d, token)
        elif token.pos_ == "NOUN" and lemma in speech_nouns:
            found = _noun_clause(d, token)
        if found is None:
            continue
        start, end, head, cue = found
        p_start, p_end = d.paragraphs[d.paragraph_of(token.idx)]
        start, end = _strip(d.text, max(start, p_start), min(end, p_end))  # parses run over headings
        if any(start < e and s < end for s, e in d.blocked) or d.quoted(head.idx):
            continue
        content = d.text[start:end]
        if len(content.split()) < MIN_INDIRECT_WORDS:
            continue
        quotes.append(
            Quote(speaker=d.speaker(head), cue=cue, content=content, start=start, end=end, direct=False)
        )
    return quotes


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _clause_bounds(d: QuoteDocument, clause: Token) -> tuple[int, int]:
    left, right = clause.left_edge, clause.right_edge
    doc = d.doc
    while left.i < right.i and (left.dep_ == "mark" or left.is_punct):
        left = doc[left.i + 1]
    while right.i > left.i and right.is_punct and right.text not in ("”", '"', ")"):
        right = doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _reported_clause(d: QuoteDocument, verb: Token) -> tuple[int, int, Token, str] | None:
    lemma = verb.lemma_.lower()
    speech_verbs = d.words["speech.verbs"]
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None and lemma in speech_verbs and lemma not in d.words["speech.clause_only_verbs"]:
        clause = _tail_clause(verb)
        if clause is not None:
            head = speaker_head(verb, d.words)
            if head is None:
                return None
            sent = verb.sent
            start, end = _sentence_part(sent, sent.start, verb.left_edge.i)
            return (start, end, head, verb.text) if end > start else None
        if _parenthetical(verb):
            head = speaker_head(verb, d.words)
            if head is None:
                return None
            start, end = _sentence_part(verb.sent, verb.sent.start, verb.sent.end)
            return (start, end, head, verb.text) if end > start else None
    if clause is None:
        return None
    cognition = lemma in d.words["speech.cognition_verbs"]
    if cognition and not any(c.dep_ == "mark" for c in clause.children) and clause.i < verb.i:
        return None  # "..., I think." is a hedge, not a report
    head = speaker_head(verb, d.words)
    if head is None or (head.pos_ == "PRON" and head.lower_ in ("i", "we", "you") and d.quoted(verb.idx)):
        return None
    if head.lower_ in ("it", "there") and lemma not in speech_verbs:
        return None
    start, end = _clause_bounds(d, clause)
    return start, end, head, verb.text


def _tail_clause(verb: Token) -> Token | None:
    """'..., The Post has learned.': a reporting clause tacked onto the end of the sentence."""
    if verb.dep_ not in ("parataxis", "ccomp", "conj", "advcl") or verb.head.i > verb.i:
        return None
    left = verb.left_edge
    if left.i == 0 or left.doc[left.i - 1].text not in (",", "\u2014", "--"):
        return None
    if verb.right_edge.i < verb.sent.end - 2:
        return None
    return verb.head


def _parenthetical(verb: Token) -> bool:
    """'The captain, they said, told them to stay put.': a reporting clause set off by commas mid-sentence."""
    if verb.dep_ == "ROOT" or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return False
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    if doc[left].text != ",":
        left -= 1
    if doc[right].text != ",":
        right += 1
    if left <= verb.sent.start or right >= verb.sent.end - 1:
        return False
    return doc[left].text == "," and doc[right].text == "," and right - left < 14


def _sentence_part(sent: Span, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end) of the document, trimmed of punctuation."""
    doc = sent.doc
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start:
        return 0, 0
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _according_to(d: QuoteDocument, token: Token) -> tuple[int, int, Token, str] | None:
    head = speaker_head(token, d.words)
    if head is None:
        return None
    sent = token.sent
    left, right = token.left_edge.i, token.right_edge.i + 1
    if left - sent.start >= sent.end - right:
        start, end = _sentence_part(sent, sent.start, left)
    else:
        start, end = _sentence_part(sent, right, sent.end)
    return (start, end, head, "according to") if end > start else None


def _noun_clause(d: QuoteDocument, noun: Token) -> tuple[int, int, Token, str] | None:
    """ "Trump's claim that ...", "a statement saying ...": the clause of a noun of saying."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                break
    if owner is None:
        return None
    start, end = _clause_bounds(d, clause)
    return start, end, owner, noun.text
