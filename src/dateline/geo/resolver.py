"""Toponym mentions in a parsed article and their resolution in context.

Mentions come from the NER (GPE, LOC, FAC; ORG, PERSON and NORP spans only when the gazetteer
knows them well), from place names inside organisation names ("the Kenya Red Cross") and from
proper nouns the NER missed that name a country or subdivision, and from the ways local news
names its towns and counties (`dateline.geo.local`: "the Mercer County Jail", "a Winona man",
"HAMILTON --", "D-Ames"). Each mention's candidates are scored by their prior (kind, population)
plus the article's context (`dateline.geo.context`): the countries it is about (weighted by how
often they are named, the mention's own evidence left out), the subdivisions it names and, in a
second pass, those its other places were put in, the dateline, and "Town, State" pairs.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors.dictionary import ActorDictionary
from .context import (
    WORLD_CITY,
    Admin,
    chosen_admins,
    evidence,
    lists,
    obscure_namesake,
    stated_subdivisions,
    town_subdivisions,
)
from .gazetteer import Entry, Gazetteer, key
from .local import dateline_spans, followed_by_local, names_county, party_home
from .words import OTHER_LABELS, PLACE_LABELS, WIDE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..words import Words

FOCUS_BONUS = 2.5
ADMIN_BONUS = 1.5
PAIR_BONUS = 6.0
CAPITAL_BONUS = 3.0
SAME_NAME_BONUS = 2.5
HINT_BONUS = 4.0
LIST_BONUS = 2.0
ALTERNATE_PENALTY = 1.0


@dataclass(slots=True)
class Mention:
    """A stretch of text that may name a place, with the places it may name."""

    text: str
    start: int
    end: int
    strength: str  # place (NER place label), other (other NER label), part (inside an ORG), loose
    candidates: list[Entry]
    label: str = ""
    capital_of: str | None = None
    locative: bool = False
    hint: str | None = None
    choice: Entry | None = None
    score: float = 0.0
    within: list[Entry] = field(default_factory=list)
    #: the words around it make it a town or county of local news ("Roselle police")
    local: bool = False


class Resolver:
    """Finds and resolves the toponyms of one article."""

    def __init__(self, gazetteer: Gazetteer, dictionary: ActorDictionary) -> None:
        self.gazetteer = gazetteer
        self.dictionary = dictionary
        #: The word classes (``places.*``: directions, locatives, ...), the dictionary's.
        self.words = dictionary.words
        #: The states and counties the article being resolved names itself.
        self._stated: set[Admin] = set()

    # --- candidates ------------------------------------------------------------------------------

    def candidates(self, text: str) -> tuple[list[Entry], str | None]:
        """(places ``text`` may name, ISO3 when it is a country's capital); [] for demonyms."""
        name = text.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        generic = self.words["places.generic"]
        if not name or not name[0].isupper() or (" " not in name and key(name) in generic):
            return [], None
        if _acronym(name):  # "FAO", "U.N.": only countries ("DRC") and abbreviations ("NSW")
            found = self.dictionary.country(name)
            if found is not None and found[1] == "name":
                point = self.gazetteer.country(found[0].iso3)
                return ([point] if point is not None else []), None
            return [e for e in self.gazetteer.lookup(name) if e.kind == "admin1"], None
        found = self.dictionary.country(name)
        entries = self.gazetteer.lookup(name)
        if found is None:
            return entries, None
        country, how = found
        if how == "adjective" or how == "metonym":
            return [], None
        if how == "capital":
            return entries, country.iso3
        same = [e for e in entries if e.kind == "admin1" and e.country == country.iso3]
        if same and key(name) != key(country.name):  # "England": the subdivision, not the UK
            return same, None
        point = self.gazetteer.country(country.iso3)
        acronym = name.replace(".", "").isupper()
        others = [
            e for e in entries if not acronym and e.kind in ("admin1", "admin2") and e.country != country.iso3
        ]  # "Georgia": the country or the US state
        return ([point] if point is not None else []) + others, None

    # --- mentions --------------------------------------------------------------------------------

    def mentions(self, doc: Doc) -> list[Mention]:
        """Candidate toponyms in text order, non-overlapping."""
        found: list[Mention] = []
        taken: set[int] = set()
        place_keys: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                place_keys.add(key(ent.text))
        for ent in doc.ents:
            ent = _extend(ent)
            skip = party_home(ent.text, self.words) if ent.label_ in OTHER_LABELS else 0
            if skip:  # "D-Ames"
                home = self._mention(ent.text[skip:], ent.start_char + skip, ent.end_char, "place")
                if home is not None:
                    home.local = True
                    found.append(home)
            elif ent.label_ in PLACE_LABELS or (ent.label_ in OTHER_LABELS and key(ent.text) in place_keys):
                found.extend(self._place_span(ent, "place"))
            elif ent.label_ in OTHER_LABELS:
                if ent.label_ == "NORP" and ent.root.tag_ in ("JJ", "NNPS"):
                    continue
                if self.dictionary.organisation(ent.text) is not None:
                    continue  # "Xinhua", "Reuters"
                whole = self._mention(ent.text, ent.start_char, ent.end_char, "other")
                if whole is not None:
                    whole.label = ent.label_
                    whole.local = followed_by_local(doc, ent.end, self.words)
                    found.append(whole)
                elif ent.label_ == "ORG" and len(ent) > 1:
                    found.extend(self._parts(ent))
                elif len(ent) > 1:  # "Mercer County Fair Queen", "Hamilton Municipal Court"
                    found.extend(m for m in self._parts(ent) if m.local)
            else:
                continue
            taken.update(range(ent.start, ent.end))
        found = self._datelines(doc, found, taken)
        for m in found:
            m.locative = _locative(doc, m, found, self.words)
            m.hint = _hint(doc, m, self.words)
        found.extend(self._loose(doc, taken))
        found.sort(key=lambda m: m.start)
        return found

    def _mention(self, text: str, start: int, end: int, strength: str) -> Mention | None:
        lead = text.lower()
        if lead.startswith("the "):
            text, start = text[4:], start + 4
        if text.endswith(("'s", "’s")):
            text, end = text[:-2], end - 2
        candidates, capital = self.candidates(text)
        if not candidates:
            return None
        return Mention(text, start, end, strength, candidates, capital_of=capital)

    def _place_span(self, ent: Span, strength: str) -> list[Mention]:
        whole = self._mention(ent.text, ent.start_char, ent.end_char, strength)
        if whole is not None:
            return [whole]
        tokens = [t for t in ent if not (t.is_punct and t.text not in (".", "'"))]
        if any(t.text == "," for t in ent):  # "Pandi, Bulacan" tagged as one place
            parts: list[Mention] = []
            start = ent.start
            for t in [*ent, None]:
                if t is None or t.text == ",":
                    end = t.i if t is not None else ent.end
                    if end > start:
                        span = ent.doc[start:end]
                        m = self._mention(span.text, span.start_char, span.end_char, strength)
                        if m is not None:
                            parts.append(m)
                    start = end + 1
            if parts:
                return parts
        directions = self.words["places.directions"]
        if tokens and tokens[0].lower_ in directions and len(ent) > 1:  # "northern Kenya"
            span = ent.doc[tokens[0].i + 1 : ent.end]
            m = self._mention(span.text, span.start_char, span.end_char, strength)
            if m is not None:
                return [m]
        if len(ent) > 1 and ent[-1].lower_ in self.words["places.features"]:  # "Swat Valley": the district
            span = ent.doc[ent.start : ent.end - 1]
            m = self._mention(span.text, span.start_char, span.end_char, strength)
            if m is not None:
                m.candidates = [e for e in m.candidates if e.kind != "city"]
                if m.candidates:
                    m.start, m.end, m.text = ent.start_char, ent.end_char, ent.text
                    return [m]
        if tokens and tokens[-1].i < ent.end - 1:  # "Elkins -": trailing punctuation
            span = ent.doc[ent.start : tokens[-1].i + 1]
            m = self._mention(span.text, span.start_char, span.end_char, strength)
            if m is not None:
                return [m]
        parts = self._parts(ent, "part")
        return [m for m in parts if m.local or any(e.kind != "city" for e in m.candidates)]

    def _parts(self, ent: Span, strength: str = "part") -> list[Mention]:
        """Longest known place names inside a longer name ("U.S. Food and Drug Administration")."""
        out: list[Mention] = []
        connectors = self.words["places.connectors"]
        i = ent.start
        lead = i + 1 if ent[0].lower_ == "the" else i  # "the Mercer Police Department": its head
        while i < ent.end:
            best: Mention | None = None
            for j in range(min(ent.end, i + 5), i, -1):
                span = ent.doc[i:j]
                if not span[0].text[:1].isupper() or not span[-1].text[:1].isupper():
                    continue
                if i > ent.start and ent.doc[i - 1].lower_ in connectors:
                    continue
                if j < ent.end and ent.doc[j].lower_ in connectors:
                    continue
                m = self._mention(span.text, span.start_char, span.end_char, strength)
                if m is not None and self._local(m, span, head=i == lead):
                    best = m
                    break
                if m is not None and any(_part_worthy(e) for e in m.candidates):
                    m.candidates = [e for e in m.candidates if _part_worthy(e)]
                    best = m
                    break
            if best is not None:
                out.append(best)
                i = ent.doc.char_span(best.start, best.end, alignment_mode="expand").end  # type: ignore[union-attr]
            else:
                i += 1
        return out

    def _loose(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Proper nouns outside any entity that name a country or a subdivision ("DRC")."""
        out: list[Mention] = []
        i = 0
        n = len(doc)
        while i < n:
            token = doc[i]
            if i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
                i += 1
                continue
            j = i
            while j < n and j not in taken and doc[j].pos_ == "PROPN" and j - i < 4:
                j += 1
            span = doc[i:j]
            m = self._mention(span.text, span.start_char, span.end_char, "loose")
            if m is not None and self._local(m, span):
                out.append(m)
            elif m is not None:
                m.candidates = [e for e in m.candidates if e.kind in WIDE or e.kind == "admin1"]
                if m.candidates:
                    out.append(m)
            else:  # "Mercer County Sheriff": the county at its head
                for k in range(j - 1, i, -1):
                    head = doc[i:k]
                    m = self._mention(head.text, head.start_char, head.end_char, "loose")
                    if m is not None and self._local(m, head):
                        out.append(m)
                        break
            i = j
        return out

    def _local(self, m: Mention, span: Span, head: bool = True) -> bool:
        """Mark ``m`` (the name ``span``) local when a county's word or, for the ``head`` of a
        longer name, the word after it makes it a town or county of local news; keeps its
        counties or its towns."""
        if names_county(span, self.words):
            counties = [e for e in m.candidates if e.kind == "admin2"]
            if counties:
                m.candidates, m.local = counties, True
        elif head and followed_by_local(span.doc, span.end, self.words):
            towns = [e for e in m.candidates if e.kind in ("city", "admin2") and e.key in ("", key(m.text))]
            if towns:
                m.candidates, m.local = towns, True
        return m.local

    def _datelines(self, doc: Doc, found: list[Mention], taken: set[int]) -> list[Mention]:
        """Add (or make places of) the towns in capitals that open a story ("HAMILTON --")."""
        for span in dateline_spans(doc):
            same = [m for m in found if m.start < span.end_char and span.start_char < m.end]
            if same:
                for m in same:
                    if m.start == span.start_char and m.end == span.end_char:
                        m.strength, m.local = "place", True
                continue
            town = self._mention(span.text, span.start_char, span.end_char, "place")
            if town is not None:
                town.local = True
                found.append(town)
                taken.update(range(span.start, span.end))
        return found

    # --- resolution ------------------------------------------------------------------------------

    def resolve(self, mentions: list[Mention], doc_text: str, dateline: list[Entry] | None = None) -> None:
        """Choose each mention's place in the light of the others (sets ``choice``)."""
        own: list[Counter[str]] = []
        countries: Counter[str] = Counter()
        self._stated = stated_subdivisions(mentions)
        #: per name, the subdivisions its candidates clearly point to, later those it was put in
        named: dict[str, Counter[Admin]] = {}
        for m in mentions:
            c, a = evidence(m)
            own.append(c)
            countries.update(c)
            for admin in a:  # a name repeated counts once
                named.setdefault(key(m.text), Counter())[admin] = 1
        admins: Counter[Admin] = sum(named.values(), Counter())
        anchor: Counter[Admin] = Counter()
        for entry in dateline or []:
            if entry.country:
                countries[entry.country] += 3
            if entry.kind == "admin1":
                anchor[(entry.country, entry.admin1)] += 3
        admins.update(anchor)
        self._pairs(mentions, doc_text)
        neighbours = lists(mentions, doc_text)
        for step in range(2):  # the second pass sees the neighbours' first choices
            if step:
                self._stated |= town_subdivisions(mentions)
                named = chosen_admins(mentions)
                admins = sum(named.values(), Counter(anchor))
            for m, c, near in zip(mentions, own, neighbours, strict=True):
                focus = countries - c
                mine = named.get(key(m.text))
                around = admins - mine if mine else admins
                top = max(focus.values(), default=0)
                kinds = {(n.choice.kind, n.choice.country) for n in near if n.choice is not None}
                m.choice, m.score = self._best(m, focus, top, around, kinds)

    def _best(
        self,
        m: Mention,
        focus: Counter[str],
        top: int,
        around: Counter[Admin],
        kinds: set[tuple[str, str | None]],
    ) -> tuple[Entry | None, float]:
        best: Entry | None = None
        best_score = -1e9
        states = {e.country for e in m.candidates if e.kind == "admin1"}
        k = key(m.text)
        famous = {e.country for e in m.candidates if e.kind == "city" and e.population >= WORLD_CITY}
        for e in m.within or m.candidates:
            score = e.prior
            if obscure_namesake(e, famous, self._stated) and not m.local:
                if score > best_score:  # "Geneva" in a New York story: the world's, unless "N.Y." is named
                    best, best_score = e, score
                continue
            if e.country and top and e.kind not in WIDE:
                score += FOCUS_BONUS * focus[e.country] / top
            if e.admin1 and around[(e.country, e.admin1)]:
                score += ADMIN_BONUS
            plain = m.hint != "admin" and ("admin1", e.country) not in kinds
            if e.kind == "city" and e.country in states and plain:
                score += SAME_NAME_BONUS  # "New York", "Sao Paulo": the city, not its state
            if e.kind == "admin1" and m.hint == "admin":
                score += HINT_BONUS  # "New York state", "the state of Washington"
            if (e.kind, e.country) in kinds or (
                e.kind == "country" and any(k == "country" for k, _ in kinds)
            ):
                score += LIST_BONUS  # "Arizona, California, Georgia and ...": states like their neighbours
            if m.capital_of and e.capital and e.country == m.capital_of and plain:
                # "Washington" in a US story is the capital; "Paris" among Texan towns may not be
                score += CAPITAL_BONUS if focus[e.country] or not top else CAPITAL_BONUS / 3
            if m.within:
                score += PAIR_BONUS
            if e.kind == "city" and e.key != k:
                score -= ALTERNATE_PENALTY  # matched one of its alternate names only
            if score > best_score:
                best, best_score = e, score
        return best, best_score

    def _pairs(self, mentions: list[Mention], text: str) -> None:
        """ "Paris, Texas" and "Paris (Texas)": keep the Parises inside the place that follows."""
        for m, n in itertools.pairwise(mentions):
            gap = text[m.end : n.start]
            if gap.strip() not in (",", "(") or len(gap) > 3 or any(e.kind in WIDE for e in m.candidates):
                continue
            outer = [e for e in n.candidates if e.kind in ("country", "admin1", "admin2")]
            inside = [
                e
                for e in m.candidates
                if any(
                    e is not o
                    and e.country == o.country
                    and (o.kind == "country" or (e.admin1 is not None and e.admin1 == o.admin1))
                    for o in outer
                )
            ]
            if inside:
                m.within = inside
                n.within = [
                    o
                    for o in outer
                    if any(
                        e.country == o.country and (o.kind == "country" or e.admin1 == o.admin1)
                        for e in inside
                    )
                ]


def accept(m: Mention, focus: set[str]) -> bool:
    """Whether a resolved mention is output: NER places always; others when the gazetteer is sure."""
    e = m.choice
    if e is None:
        return False
    if m.strength == "place":
        return True
    if m.local:
        return e.kind != "city" or e.key == key(m.text)
    if e.kind == "city" and e.key != key(m.text):
        return False  # outside NER places, a city must be named by its main name ("Drug" is no Durg)
    if m.strength != "other" and (e.kind in WIDE or e.kind == "admin1"):
        return True
    if m.within:
        return True
    if m.strength == "part":
        return e.kind == "city" and e.population >= 100_000
    if m.strength == "other":
        if m.locative or m.hint == "admin" or e.kind in ("country", "continent"):
            return True
        if m.label == "PERSON":
            return False
        if e.kind == "admin1":
            return key(m.text) == key(e.name)
        return e.kind == "city" and e.country in focus and e.population >= 100_000
    return False


def _acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (len(letters) <= 5 or "." in name)


def _hint(doc: Doc, m: Mention, words: Words) -> str | None:
    """ "admin" when the words around a name make it a state or province."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    if span.end < len(doc) and doc[span.end].lower_ in words["places.admin_hints"]:
        return "admin"
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in ("state", "province")
    ):
        return "admin"
    return None


def _extend(ent: Span) -> Span:
    """ "Guinea" + "-Bissau": the NER sometimes stops at a hyphen."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not doc[ent.end].whitespace_:
        nxt = doc[ent.end + 1]
        if nxt.text[:1].isupper():
            span = doc[ent.start : ent.end + 2]
            return doc.char_span(span.start_char, span.end_char, label=ent.label_) or ent
    return ent


def _locative(doc: Doc, m: Mention, mentions: list[Mention], words: Words) -> bool:
    """ "in Malakal", "Darfur and Malakal": the words around a mention say it is a place."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in words["places.locatives"]:
        if before.lower_ in ("to", "from", "toward", "towards"):  # "a letter to Rubio", "according to"
            return m.label != "PERSON" and not (span.start >= 2 and doc[span.start - 2].lower_ == "according")
        return True
    if before.lower_ in ("and", "or", ",") and span.start >= 2:
        prev = doc[span.start - 2]
        return prev.ent_type_ in PLACE_LABELS or any(
            o.end == prev.idx + len(prev) and o.strength == "place" for o in mentions
        )
    return False


def _part_worthy(e: Entry) -> bool:
    return e.kind in WIDE or e.kind == "admin1" or (e.kind == "city" and e.population >= 100_000)
