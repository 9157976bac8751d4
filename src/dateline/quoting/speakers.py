"""Who speaks: the speaker phrase of a reporting verb, and its resolution to a named actor.

The speaker's own words are kept in ``text`` (``he``, ``a Foreign Ministry statement``, ``who``)
and what they refer to in ``name`` (the full name found by coreference, the organisation behind
a statement, the antecedent of a relative pronoun).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..dates import WEEKDAYS
from ..records import ActorRef, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..words import Words

ActorFinder = Callable[["Token"], ActorRef | None]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Clauses whose missing subject is the subject of the clause they hang from ("..., saying").
_INHERITING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "ccomp", "dep")
#: Objects that are never speakers in an inverted clause ("said Monday", "said in a statement").
_NOT_SPEAKERS = frozenset(WEEKDAYS)
MAX_PHRASE_TOKENS = 40


def speaker_head(verb: Token, words: Words, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The head word of whoever utters ``verb``, following participles and relative clauses.

    ``words``: the word classes (statement and audience nouns, inverting verbs). ``quoted`` holds
    the indices of the quote's own tokens: a subject the parser found inside the quote is not the
    speaker, the noun beside the verb outside it is.
    """
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        subject = next((c for c in subjects if c.i not in quoted), None)
        if subject is not None:
            return subject
        if subjects and node is verb:
            return _beside(verb, quoted)
        as_phrase = next(
            (c for c in node.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < node.i), None
        )
        if as_phrase is not None:  # "as Maria Olsen put it", parsed with Olsen as the object of "as"
            obj = next((c for c in as_phrase.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i not in quoted:
                return obj
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None and node.tag_ == "VBN":
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head  # "a statement saying ...", "she released a statement saying ..."
            if noun.dep_ in ("dobj", "dative") and (
                noun.lemma_.lower() in words["speech.statement_nouns"] or _audience(noun, words)
            ):
                issuer = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
                if issuer is not None and issuer.i not in quoted:
                    return issuer
            return noun
        if node.dep_ in _INHERITING_DEPS and node.head is not node and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "Merkel closed her speech by saying ..."
            continue
        if node is verb and verb.lemma_.lower() in words["speech.inverting_verbs"]:
            return _inverted_subject(verb)
        break
    return None


def _audience(noun: Token, words: Words) -> bool:
    """People addressed, not speaking: "emailed supporters saying ..."."""
    return noun.lemma_.lower() in words["speech.audience_nouns"] or noun.ent_type_ == "PERSON"


def _beside(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The noun next to the verb outside the quote: '"...," Earnest told reporters'."""
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.i in quoted or child.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if child.ent_type_ in ("DATE", "TIME") or (
            child.dep_ in ("dobj", "dative", "pobj") and child.i > verb.i
        ):
            continue
        return child
    return _inverted_subject(verb)


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after the verb: '"...," said Judiciary ranking Republican Anna Brooks'."""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # "said the law was unfair": what follows is what was said
    head = noun_after(verb)
    if head is None or head.lower_ in _NOT_SPEAKERS or (head.dep_ in SUBJECT_DEPS and head.head is not verb):
        return None
    if verb.lemma_.lower() in ("tell", "ask") and head.ent_type_ != "PERSON":
        return None  # "told reporters" names the hearer
    return head


def noun_after(verb: Token) -> Token | None:
    """The head of the noun phrase right after ``verb``, read from the words, not the parse
    (the parser often loses inverted speakers): the last name of a person in it, else its last noun."""
    run: list[Token] = []
    for t in verb.doc[verb.i + 1 : verb.sent.end]:
        if (
            t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
            or t.tag_ == "POS"
            or (t.is_punct and t.text == ".")
        ):
            if t.ent_type_ in ("DATE", "TIME") and not run:
                return None  # "said Monday"
            run.append(t)
            continue
        break
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    persons = [t for t in nouns if t.ent_type_ == "PERSON"]
    if persons:
        return persons[-1]
    return nouns[-1] if nouns else None


def phrase(head: Token, blocked: Sequence[tuple[int, int]]) -> Span:
    """The phrase headed by ``head``, cut short of any quote in ``blocked``."""
    left, right = head.left_edge.i, head.right_edge.i
    doc = head.doc
    for start, end in blocked:
        for i in range(head.i + 1, right + 1):
            if start <= doc[i].idx < end:
                right = i - 1
                break
        for i in range(head.i - 1, left - 1, -1):
            if start <= doc[i].idx < end:
                left = i + 1
                break
    if right - left + 1 > MAX_PHRASE_TOKENS:
        left, right = max(left, head.i - MAX_PHRASE_TOKENS // 2), min(right, head.i + MAX_PHRASE_TOKENS // 2)
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "case")):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    return doc[left : right + 1]


def make_speaker(
    head: Token, find_actor: ActorFinder, words: Words, blocked: Sequence[tuple[int, int]] = ()
) -> Speaker:
    """The speaker record for the phrase headed by ``head``."""
    own = phrase(head, blocked)
    referent = head
    if head.lower_ in words["pronouns.relative"] and head.head.dep_ == "relcl":
        referent = head.head.head  # "Paul Grady, an aide who told his colleagues"
    actor = find_actor(referent)
    name = actor.name if actor is not None else None
    lemma = referent.lemma_.lower()
    if name is None and (lemma in words["speech.statement_nouns"] or lemma in words["speech.spokes_nouns"]):
        name = _author(referent, find_actor, words)
    if name is None and referent is not head:
        name = phrase(referent, blocked).text
    if actor is not None and actor.name is None and name is None and head.pos_ == "PRON":
        name = actor.text if actor.text.lower() != head.lower_ else None
    return Speaker(
        text=own.text,
        name=name,
        code=actor.code if actor is not None else None,
        start=own.start_char,
        end=own.end_char,
    )


def _author(head: Token, find_actor: ActorFinder, words: Words) -> str | None:
    """Who issued a statement: "Trump's tweet" -> Trump, "a Foreign Ministry statement" -> the ministry."""
    for child in head.children:
        if child.dep_ == "poss":
            actor = find_actor(child)
            if actor is not None and actor.name:
                return actor.name
            return _strip_possessive(child.doc[child.left_edge.i : child.i + 1].text)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in words["speech.statement_nouns"]:
                actor = find_actor(obj)
                if actor is not None and actor.name:
                    return actor.name
                return obj.doc[obj.left_edge.i : obj.i + 1].text
    before = [
        t for t in head.subtree if t.i < head.i and t.dep_ not in ("det", "poss", "case") and not t.is_punct
    ]
    if before and any(t.pos_ == "PROPN" for t in before):
        return " ".join(t.text for t in before)
    return None


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)].strip()
    return text.strip()
