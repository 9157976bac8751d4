"""How local news names its places, for the resolver.

- A town or county inside a longer name, or before a noun, is that place when the word after it
  says so (``places.locals``): "a Winona man", "Roselle police", "the Hamilton City Council".
- A name ending in a county's generic word (``places.counties``) is a county wherever it stands:
  "the Mercer County Jail", "Caddo Parish deputies".
- A story opens with its town in capitals before a dash: "HAMILTON -- The ...", "ELKINS, W.Va. -".
- A politician's home follows the party letter: "Rep. Jane Doe, D-Ames".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..words import Words

#: Tokens that close a dateline ("HAMILTON -- The ...").
DASHES = frozenset({"-", "--", "—", "–", "---", ":"})


def followed_by_local(doc: Doc, end: int, words: Words) -> bool:
    """Whether the token at ``end`` (just after a name) makes the name a local place."""
    if end >= len(doc):
        return False
    token = doc[end]
    return token.lower_ in words["places.locals"] and not token.is_sent_start


def names_county(span: Span, words: Words) -> bool:
    """Whether ``span`` ends in a county's generic word ("Mercer County")."""
    return len(span) > 1 and span[-1].lower_ in words["places.counties"] and span[0].text[:1].isupper()


def dateline_spans(doc: Doc) -> list[Span]:
    """The capitalised town opening a story or a paragraph before a dash or a comma and a state:
    "HAMILTON -- The ...", "ELKINS, W.Va. - ..." (the town only)."""
    out: list[Span] = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end and (doc[i].is_space or doc[i].text in ("(", '"')):
            i += 1
        j = i
        while j < sent.end and j - i < 4 and (_capitals(doc[j].text) or _inner_hyphen(doc, j)):
            j += 1
        if j == i or j >= len(doc):
            continue
        after = doc[j].text
        if after in DASHES or (after == "," and _dash_within(doc, j + 1, 4)):
            out.append(doc[i:j])
    return out


def party_home(text: str, words: Words) -> int:
    """Characters to skip in ``text`` to reach the home of "D-Ames" (0 when it is no such label)."""
    head, dash, rest = text.partition("-")
    if dash and head.lower() in words["places.parties"] and rest[:1].isupper():
        return len(head) + 1
    return 0


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """ "WINSTON-SALEM": a hyphen inside a name, with no space either side."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _dash_within(doc: Doc, start: int, limit: int) -> bool:
    """A dash within ``limit`` tokens of ``start`` with only a state's name before it."""
    for k in range(start, min(len(doc), start + limit)):
        if doc[k].text in DASHES or doc[k].text == "(":
            return k > start
        if not (doc[k].text[:1].isupper() or doc[k].text == "."):
            return False
    return False
