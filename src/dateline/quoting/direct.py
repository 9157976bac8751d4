"""Direct quotes: the speaker of each quoted stretch, found the way a reader finds it.

1. a reporting verb outside the marks that governs the quoted words or sits right beside them
   ("...," he told the delegation; Asif said: "..."; "...," said Hannah Okafor), or any verb in
   the attribution slot right after a quote ending in a comma ("...?" the host pressed);
2. "according to X" in the same sentence;
3. a signature after a dash (“...” ― Julie Diaz), or a short name and a colon opening the
   paragraph (headlines, transcripts: 'Times editorial: "Fix the roads first."');
4. a colon after a clause about a person ("The senator later conceded: ...");
5. for a quoted phrase inside a sentence, the subject of the verb it depends on
   (Macron called the anniversary "a reminder of ...");
6. otherwise the quote continues the previous quote of its paragraph, or, when it opens a
   paragraph, the last quote of the paragraph before, or the speaker the paragraph before
   announced with a colon, or the person the sentence before is about ("Okafor agreed. "...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import Speaker
from .document import QuoteDocument
from .lexicon import SIGNATURE_DASHES
from .marks import QuoteSpan
from .speakers import noun_after, speaker_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..words import Words

#: How far (in words, punctuation not counted) a reporting verb may sit from the quote it cues
#: when it does not govern it in the parse.
MAX_CUE_DISTANCE = 8
#: The attribution slot: a reporting verb this close to the quote is its cue ("..., he said").
SLOT_DISTANCE = 4
_LABEL = re.compile(r"(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}):\s+(?=\S)")
_SIGNATURE = re.compile(r"[^\S\n]*[\u2015\u2014\u2013~-]+[^\S\n]*(?P<name>[A-Z][^\n\u201c\u201d\"|]{1,80})")


@dataclass(slots=True)
class DirectQuote:
    """A quoted stretch and, once attributed, its cue and speaker."""

    span: QuoteSpan
    paragraph: int
    cue: str | None = None
    speaker: Speaker | None = None


def direct_quotes(d: QuoteDocument) -> list[DirectQuote]:
    """Every quoted stretch of the document with its cue and speaker (None when not found)."""
    found: list[DirectQuote] = []
    for span in d.spans:
        quote = DirectQuote(span, d.paragraph_of(span.open))
        labelled = _transcript_label(d, span)
        if labelled is not None:
            quote.span, quote.speaker = labelled
            quote.cue = ":"
            found.append(quote)
            continue
        _attribute(d, quote)
        if quote.speaker is None:
            _continue_previous(d, quote, found)
        found.append(quote)
    return found


def _transcript_label(d: QuoteDocument, span: QuoteSpan) -> tuple[QuoteSpan, Speaker] | None:
    """'"PENCE: Well, look, ..."': a transcript turn names its speaker before a colon."""
    match = _LABEL.match(d.text, span.start, span.end)
    if match is None:
        return None
    name = match.group("name")
    tokens = d.tokens(span.start, span.start + len(name))
    if not (name.isupper() and len(name) > 2) and not all(t.ent_type_ == "PERSON" for t in tokens):
        return None
    actor = d.find_actor(tokens[-1]) if tokens else None
    speaker = Speaker(
        text=name,
        name=actor.name if actor is not None else None,
        code=actor.code if actor is not None else None,
        start=span.start,
        end=span.start + len(name),
    )
    return replace(span, start=match.end()), speaker


def _frame(d: QuoteDocument, span: QuoteSpan) -> tuple[list[Token], list[Token], list[Token]]:
    """Tokens of the quote, and the tokens outside it before and after, in its sentence(s)."""
    inside = d.tokens(span.open, span.outer_end)
    first = d.token_at(span.open)
    last = inside[-1] if inside else first
    if first is None or last is None:
        return inside, [], []
    start, end = first.sent.start_char, last.sent.end_char
    following = d.first_token_from(span.outer_end)
    if span.close is not None and following is not None:
        end = max(end, following.sent.end_char)  # '?" Graham asked.' parsed as its own sentence
    paragraph = d.paragraphs[d.paragraph_of(span.open)]
    start, end = max(start, paragraph[0]), min(end, paragraph[1])
    before = [t for t in d.tokens(start, span.open) if not d.quoted(t.idx)]
    after_tokens = [t for t in d.tokens(span.outer_end, end) if not d.quoted(t.idx)]
    return inside, before, after_tokens


def _is_cue(token: Token, words: Words) -> bool:
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if lemma == "put":  # "as Cornyn put it: ..."
        return any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
    return lemma in words["speech.verbs"] and token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"


def _words_between(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _attribute(d: QuoteDocument, quote: DirectQuote) -> None:
    span = quote.span
    inside, before, after = _frame(d, span)
    quoted = frozenset(t.i for t in inside)
    candidates = [t for t in before + after if _is_cue(t, d.words)]
    anchors = inside[:1] + _roots(inside)
    governing = [v for v in candidates if any(v.i in {a.i for a in t.ancestors} for t in anchors)]
    distance = {v.i: _distance(v, before, after, quoted, d.words) for v in candidates}
    slot = [v for v in candidates if distance[v.i] <= SLOT_DISTANCE]
    near = [v for v in candidates if distance[v.i] <= MAX_CUE_DISTANCE]
    pools = ([v for v in governing if v in near], slot, governing, near, _manner_verb(d, span, after))
    for pool in pools:
        for verb in sorted(pool, key=lambda v: distance.get(v.i, 0)):
            head = speaker_head(verb, d.words, quoted)
            if head is None or head.i in quoted or d.quoted(head.idx):
                head = _slot_speaker(verb, after, quoted)
            if head is not None and not d.quoted(head.idx):
                quote.cue = "according to" if verb.lower_ == "according" else verb.text
                quote.speaker = d.speaker(head)
                return
    signature = _signature(d, span)
    if signature is not None:
        quote.cue, quote.speaker = signature
        return
    prefix = _name_prefix(d, span)
    if prefix is not None:
        quote.cue, quote.speaker = ":", prefix
        return
    if before and before[-1].text == ":":
        introducer = _colon_speaker(d, before)
        if introducer is not None:
            quote.cue, quote.speaker = ":", d.speaker(introducer)
            return
    embedded = _embedding_clause(d, inside, before)
    if embedded is not None:
        verb, head = embedded
        quote.cue, quote.speaker = verb.text, d.speaker(head)


def _manner_verb(d: QuoteDocument, span: QuoteSpan, after: list[Token]) -> list[Token]:
    """'"...?" Hannity pressed.': the verb in the attribution slot right after a quote that ends
    with a comma, question or exclamation mark is its cue, whatever the verb."""
    content = d.text[span.start : span.end].rstrip()
    if span.close is None or not content or content[-1] not in ",?!\u2014-\u2026":
        return []
    speech_verbs = d.words["speech.verbs"]
    for t in [t for t in after if not t.is_punct][:4]:
        if t.lemma_.lower() in speech_verbs or t.lower_ in speech_verbs:
            return [t]  # also when mistagged: '"...," Viguerie notes.'
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return [] if t.lemma_ == "be" else [t]
    return []


def _slot_speaker(verb: Token, after: list[Token], quoted: frozenset[int]) -> Token | None:
    """The speaker in the attribution slot when the parse lost it: '"...," LeVell assured',
    '"...?" asked the boy'."""
    if verb not in after:
        return None
    slot = [t for t in after if t.i < verb.i and not t.is_punct]
    if not slot:  # inversion: the speaker follows the verb ('"...?" asked the boy')
        head = noun_after(verb)
        return head if head is not None and head.i not in quoted else None
    if len(slot) > 6 or any(t.pos_ == "VERB" for t in slot):
        return None
    nominal = [t for t in slot if t.pos_ in ("PROPN", "NOUN", "PRON") or t.text[:1].isupper()]
    return nominal[-1] if nominal else None


def _name_prefix(d: QuoteDocument, span: QuoteSpan) -> Speaker | None:
    """'Times editorial: "Fix the roads first."', 'Rep. Ana Ruiz (D-N.M.): "..."': a short name and a
    colon opening the paragraph (headlines, transcripts, Q&A) name who says what follows."""
    start = d.paragraphs[d.paragraph_of(span.open)][0]
    colon = d.text.find(":", start, span.open)
    if colon == -1:
        return None
    prefix = d.text[start:colon].strip()
    words = prefix.split()
    if not 1 <= len(words) <= 6 or not prefix[:1].isupper() or prefix[-1] in ".!?":
        return None
    tokens = d.tokens(start, colon)
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in tokens):
        return None
    head = next((t for t in reversed(tokens) if t.pos_ in ("PROPN", "NOUN")), tokens[-1])
    actor = d.find_actor(head)
    end = start + len(d.text[start:colon].rstrip())
    return Speaker(
        text=d.text[start:end],
        name=actor.name if actor is not None else None,
        code=actor.code if actor is not None else None,
        start=start,
        end=end,
    )


def _colon_speaker(d: QuoteDocument, before: list[Token]) -> Token | None:
    """'The senator later conceded the point: "..."': whoever the clause before the
    colon is about, when that is a person or a body (a named one, or a pronoun)."""
    last = before[-2] if len(before) > 1 else None
    if last is None:
        return None
    if last.ent_type_ == "PERSON":
        while last.dep_ == "compound" and last.head.i > last.i and last.head.ent_type_ == "PERSON":
            last = last.head
        return last
    root = last.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or d.quoted(subject.idx):
        return None
    if subject.lower_ in ("he", "she", "they", "we", "i") or subject.ent_type_ in ("PERSON", "ORG", "NORP"):
        return subject
    return subject if d.find_actor(subject) is not None else None


def _roots(inside: list[Token]) -> list[Token]:
    ids = {t.i for t in inside}
    return [t for t in inside if t.head.i not in ids or t.head is t]


def _distance(
    verb: Token, before: list[Token], after: list[Token], quoted: frozenset[int], words: Words
) -> int:
    """Words between the verb and the quote, not counting the speaker's own phrase."""
    if before and verb.i <= before[-1].i:
        between = [t for t in before if t.i > verb.i]
    else:
        between = [t for t in after if t.i < verb.i]
    subject = speaker_head(verb, words, quoted)
    if subject is not None:
        left, right = subject.left_edge.i, subject.right_edge.i
        between = [t for t in between if not left <= t.i <= right]
    return _words_between(between)


def _signature(d: QuoteDocument, span: QuoteSpan) -> tuple[str, Speaker] | None:
    """“...” ― Name: the name after a dash that follows the closing mark."""
    if span.close is None:
        return None
    match = _SIGNATURE.match(d.text, span.close)
    if match is None or d.text[span.close : match.start("name")].strip()[:1] not in SIGNATURE_DASHES:
        return None
    start = match.start("name")
    name = match.group("name").rstrip(" .,;")
    end = start + len(name)
    if len(name.split()) > 8:
        return None
    tokens = d.tokens(start, end)
    actor = None
    if tokens:  # the name's head: the token whose parent lies outside the name
        head = next((t for t in tokens if not tokens[0].i <= t.head.i <= tokens[-1].i), tokens[-1])
        actor = d.find_actor(head)
    dash = d.text[span.close : start].strip()
    return dash, Speaker(
        text=name,
        name=actor.name if actor is not None else None,
        code=actor.code if actor is not None else None,
        start=start,
        end=end,
    )


def _embedding_clause(
    d: QuoteDocument, inside: list[Token], before: list[Token]
) -> tuple[Token, Token] | None:
    """A quoted phrase inside a clause is the clause subject's words: Trump attacked "the ..."."""
    if not before or not inside:
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in before):
        return None
    inside_ids = {t.i for t in inside}
    for root in _roots(inside):
        node = root.head
        while node.i in inside_ids and node.head is not node:
            node = node.head
        for _ in range(6):
            if node.i in inside_ids:
                break
            if node.pos_ in ("VERB", "AUX"):
                head = speaker_head(node, d.words)
                if head is not None and head.i not in inside_ids and not d.quoted(head.idx):
                    if node.lemma_.lower() in d.words["speech.cognition_verbs"] or (
                        head.pos_ == "PRON" and head.lower_ == "it"
                    ):
                        return None
                    return node, head
                return None
            if node.head is node:
                break
            node = node.head
    return None


def _continue_previous(d: QuoteDocument, quote: DirectQuote, found: list[DirectQuote]) -> None:
    """No cue of its own: the quote goes on with the speaker of the quote before it, or of the
    sentence that announced it."""
    previous = found[-1] if found else None
    start = d.paragraphs[quote.paragraph][0]
    opens_paragraph = not d.text[start : quote.span.open].strip()
    if previous is not None and previous.speaker is not None:
        same_paragraph = previous.paragraph == quote.paragraph
        follows = previous.paragraph == quote.paragraph - 1 and opens_paragraph
        if same_paragraph or follows:
            quote.speaker, quote.cue = previous.speaker, previous.cue
            return
    if opens_paragraph and quote.paragraph > 0:
        p_start, p_end = d.paragraphs[quote.paragraph - 1]
        if d.text[p_start:p_end].rstrip().endswith(":"):
            announced = _announcer(d, p_start, p_end)
            if announced is not None:
                quote.cue, quote.speaker = announced
                return
    announced = _previous_sentence_speaker(d, quote)
    if announced is not None:
        quote.cue, quote.speaker = announced


def _previous_sentence_speaker(d: QuoteDocument, quote: DirectQuote) -> tuple[str, Speaker] | None:
    """'Professor Lena Okafor disagreed. "The voters have not decided ..."': a quote that
    opens a sentence right after one about a person, in the same paragraph, is that person's."""
    first = d.token_at(quote.span.open)
    if first is None or first.sent.start == 0:
        return None
    sent = first.sent
    if any(
        not d.quoted(t.idx) and not t.is_punct and not t.is_space for t in sent if t.idx < quote.span.open
    ):
        return None
    previous = d.doc[sent.start - 1].sent
    p_start = d.paragraphs[quote.paragraph][0]
    if previous.start_char < p_start or any(d.quoted(t.idx) for t in previous):
        return None
    root = previous.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she"):
        return root.text, d.speaker(subject)
    return None


def _announcer(d: QuoteDocument, start: int, end: int) -> tuple[str, Speaker] | None:
    """The speaker of a paragraph that ends with a colon: "The governor issued the following statement:"."""
    tokens = d.tokens(start, end)
    if not tokens:
        return None
    sent = tokens[-1].sent
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and start <= t.idx < end]
    verbs.sort(key=lambda v: (not _is_cue(v, d.words), v.dep_ != "ROOT"))
    for verb in verbs:
        head = speaker_head(verb, d.words)
        if head is not None:
            return verb.text, d.speaker(head)
    return None
