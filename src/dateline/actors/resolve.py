"""Actor resolution: a noun phrase in the parse -> `ActorRef` with a CAMEO actor code.

Evidence is read from the phrase's head and its modifiers, in the way news names actors:
a named person ("Sergey Lavrov", checked against terms of office on the article's date), an
organisation ("the Taliban"), a country by name, adjective, capital or metonym ("Pakistani",
"Moscow", "the Kremlin"), possessives ("Pakistan's Foreign Minister"), "of" phrases ("the
government of Pakistan"), appositions ("his Russian counterpart Sergey Lavrov") and role words
("foreign minister" -> GOV, "rebels" -> REB). Country + role give the code (PAK + GOV = PAKGOV).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import entity_of
from ..records import ActorRef
from .dictionary import ActorDictionary, Organisation
from .people import Office

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..words import Words

MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
PHRASE_EXCLUDE_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "appos", "dep"})
NAME_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
#: Role codes of non-governmental bodies that, without a country, are CAMEO's NGO sector.
NON_GOVERNMENTAL_ROLES = frozenset({"HRI", "NGO"})
#: Modifiers that are places: their country may replace an ethnic demonym's.
PLACE_DEPS = frozenset({"compound", "amod", "nmod"})
#: Bare head nouns whose role depends on the story: (in a story about the police, elsewhere).
#: "Officers arrested three men" are police officers there, soldiers in a war report; "deputies"
#: are sheriff's deputies there, members of a parliament ("Duma deputies") elsewhere.
STORY_ROLES = {"officer": ("COP", "MIL"), "officers": ("COP", "MIL"), "deputy": ("COP", "LEG")}
#: Prepositions that say where a group is ("protesters in Baghdad", "students across Iran").
PLACE_PREPOSITIONS = frozenset({"in", "throughout", "across", "inside", "within"})


@dataclass(slots=True)
class Evidence:
    """What the words of one phrase say about the actor, before it becomes a code."""

    name: str | None = None
    country: str | None = None
    role: str | None = None
    org: Organisation | None = None
    sectors: list[str] = field(default_factory=list)
    anchor: tuple[int, int] | None = None  # token span that carries the actor
    proper: bool = False

    def merge(self, other: Evidence) -> None:
        """Fill what is missing here from ``other`` (the nearer evidence wins)."""
        self.name = self.name or other.name
        self.country = self.country or other.country
        self.role = self.role or other.role
        self.org = self.org or other.org
        self.proper = self.proper or other.proper
        for sector in other.sectors:
            if sector not in self.sectors:
                self.sectors.append(sector)
        if self.anchor is None:
            self.anchor = other.anchor

    @property
    def empty(self) -> bool:
        return not (self.name or self.country or self.role or self.org or self.proper)

    def code(self) -> str | None:
        """The CAMEO actor code the evidence adds up to."""
        if self.org is not None:
            return self.org.code
        if self.country and self.role and self.role != self.country:
            return self.country + self.role
        return self.country or self.role


class ActorResolver:
    """Resolves noun phrases of a parsed article against the actor dictionary."""

    def __init__(self, dictionary: ActorDictionary, day: str | None = None) -> None:
        self.dictionary = dictionary
        self.day = day
        #: The word classes (police, ethnic and allegiance words), the dictionary's.
        self.words = dictionary.words

    def phrase_bounds(self, head: Token) -> tuple[int, int]:
        """Token span [start, end) of the noun phrase headed by ``head``, without clauses and PPs.

        "of" phrases and appositions stay in ("the government of Pakistan").
        """
        start, end = head.i, head.i + 1
        for child in head.children:
            keep = (
                child.dep_ not in PHRASE_EXCLUDE_DEPS
                or (child.dep_ == "prep" and child.lower_ == "of" and child.i > head.i)
                or (child.dep_ == "appos" and child.i > head.i and _adjacent_appos(head, child))
            )
            if keep:
                start = min(start, child.left_edge.i)
                end = max(end, child.right_edge.i + 1)
        doc = head.doc
        while end - 1 > start and doc[end - 1].is_punct:
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].dep_ == "case"):
            start += 1
        return start, end

    def evidence(self, head: Token, depth: int = 0) -> Evidence:
        """Everything the phrase headed by ``head`` says about its actor."""
        ev = self._token_evidence(head)
        if depth > 3:
            return ev
        named_head = ev.country is not None or ev.org is not None
        head_is_name = ev.name is not None
        ethnic = _is_ethnic(head, self.words) and ev.country is not None and ev.org is None
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and child.i < head.i:
                modifier = self._modifier_evidence(child)
                if named_head:
                    modifier.org = None  # "NATO-member Norway" is Norway
                if ethnic and child.dep_ in PLACE_DEPS and modifier.country and not modifier.org:
                    ev.country = modifier.country  # "Bosnian Serbs" live in Bosnia
                ev.merge(modifier)
        minority = _minority(head, self.words)
        placed = self._place_and_allegiance(head, ev, minority, depth)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "from" and not (ev.country or ev.org or ev.name):
                origin = _pobj(child)  # "observers from the OSCE", "a delegation from China"
                if origin is not None:
                    ev.merge(self.evidence(origin, depth + 1))
        for child in head.children:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
                target = child if child.dep_ == "appos" else _pobj(child)
                if target is not None:
                    sub = self.evidence(target, depth + 1)
                    if child.dep_ == "appos" and sub.name:
                        ev.name = None  # the apposition's name is the more specific one
                    if ethnic and child.dep_ == "prep" and sub.country and not sub.org:
                        ev.country = sub.country  # "the Hungarians of northern Serbia"
                        placed = True
                    ev.merge(sub)
        if minority and not placed and ev.org is None:
            ev.country = None  # "ethnic Albanians": a people, not the state of Albania
        if ev.name and not (ev.country and ev.role):
            office = (
                self.dictionary.person(ev.name, self.day)
                or self._surname_office(ev.name)
                or self._titled_office(ev, head_is_name)
                or self.dictionary.tolerant_person(ev.name, self.day)
            )
            if office is not None:
                ev.name = office.name
                ev.country = ev.country or office.country
                ev.role = ev.role or office.role
        return ev

    def resolve(self, head: Token) -> ActorRef | None:
        """The actor named by the phrase headed by ``head``, or None when it names none."""
        if head.pos_ == "PRON":
            return None  # pronouns are coreference's job
        ev = self.evidence(head)
        if ev.empty:
            return None
        doc = head.doc
        start, end = self.phrase_bounds(head)
        if ev.anchor is not None and not (start <= ev.anchor[0] and ev.anchor[1] <= end):
            start, end = ev.anchor
        if head.pos_ not in ("NOUN", "PROPN") and ev.anchor is not None:
            start, end = ev.anchor
        span = doc[start:end]
        country = ev.org.country if ev.org is not None else ev.country
        code = ev.code()
        if country is None and ev.role in NON_GOVERNMENTAL_ROLES and ev.org is None:
            country = "NGO"  # "a human rights group": CAMEO's NGO sector
            code = "NGO" if ev.role == "NGO" else "NGO" + ev.role
        if country is None and code and len(code) >= 3 and not ev.role:
            country = code[:3]
        sectors = list(ev.sectors)
        if ev.role and ev.role not in sectors and ev.role != country:
            sectors.insert(0, ev.role)
        return ActorRef(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            code=code,
            country=country,
            name=ev.name or (ev.org.name if ev.org is not None else None),
            sectors=sectors,
        )

    def _token_evidence(self, token: Token) -> Evidence:
        ev = Evidence()
        ent = _entity(token)
        candidates: list[Span | Token] = [ent] if ent is not None else []
        candidates.append(token)
        for item in candidates:
            text = _strip_possessive(item.text)
            org = self.dictionary.organisation(text)
            if org is not None:
                ev.org, ev.anchor, ev.proper = org, _bounds(item), True
                ev.sectors = list(org.sectors)
                return ev
            found = self.dictionary.country(text) or self.dictionary.country(token.lemma_)
            if found is not None:
                country, kind = found
                ev.country, ev.anchor = country.iso3, _bounds(item)
                if kind in ("capital", "metonym") and token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
                    ev.role = "GOV"
                if kind == "adjective" and token.tag_ in ("NNPS", "NNS"):
                    ev.role = "CVL"  # "Afghans", "Pakistanis": the people of a country
                return ev
        if (ent is None or ent.label_ not in NAME_LABELS) and _name_like(token):
            name = _strip_possessive(ent.text if ent is not None else token.text)
            office = self.dictionary.person(name, self.day)
            if office is not None and (token.pos_ == "PROPN" or _introduced(office.name, token)):
                ev.name, ev.proper = name, True  # NER missed "Lavrov" (or tagged "Trump" a noun)
                ev.anchor = _bounds(ent) if ent is not None else (token.i, token.i + 1)
                return ev
        if ent is not None and ent.label_ in NAME_LABELS:
            ev.name, ev.anchor, ev.proper = _strip_possessive(ent.text), _bounds(ent), True
            return ev
        if token.pos_ in ("PROPN", "ADJ") or ent is not None:
            for item in candidates:
                region = self.dictionary.regions.lookup(_strip_possessive(item.text))
                if region is not None and not region.group_only:
                    ev.country, ev.anchor = region.country, _bounds(item)
                    if region.people and token.tag_ in ("NNPS", "NNS"):
                        ev.role = "CVL"  # "Chechens": the people of a region
                    return ev
        if ent is not None and ent.label_ in ("GPE", "NORP") and " " not in ent.text.strip():
            misspelt = self.dictionary.tolerant_country(_strip_possessive(ent.text))
            if misspelt is not None:  # "Phillippines", "Afganistan"
                ev.country, ev.anchor = misspelt[0].iso3, _bounds(ent)
                if misspelt[1] == "adjective" and token.tag_ in ("NNPS", "NNS"):
                    ev.role = "CVL"
                return ev
        role = self._role_of(token)
        if role is not None:
            ev.role, ev.anchor = role, (token.i, token.i + 1)
        elif ent is not None and ent.label_ in GROUP_LABELS:
            ev.proper, ev.anchor = True, _bounds(ent)
        elif token.pos_ == "PROPN" and token.text[:1].isupper():
            ev.proper, ev.anchor = True, (token.i, token.i + 1)
        return ev

    def _modifier_evidence(self, child: Token) -> Evidence:
        if child.dep_ in ("compound", "amod") and self._role_of(child) is not None:
            ev = Evidence(role=self._role_of(child))
        else:
            ev = self._token_evidence(child)
        if not (ev.country or ev.org) and child.dep_ in PLACE_DEPS and self._role_of(child.head) is not None:
            region = self.dictionary.regions.lookup(child.text)
            if region is not None and not (ev.name and self.dictionary.person(ev.name, self.day)):
                ev = Evidence(country=region.country, anchor=(child.i, child.i + 1))  # "Karen rebels"
        if ev.role == "CVL":
            ev.role = None  # "Afghan" as a modifier names the country, not its people
        ethnic = _is_ethnic(child, self.words) and ev.country is not None and ev.org is None
        for grandchild in child.children:
            if grandchild.dep_ in MODIFIER_DEPS and grandchild.i < child.i:
                modifier = self._modifier_evidence(grandchild)
                if ethnic and grandchild.dep_ in PLACE_DEPS and modifier.country and not modifier.org:
                    ev.country = modifier.country  # "Bosnian Serb leader"
                ev.merge(modifier)
        return ev

    def _role_of(self, token: Token) -> str | None:
        """Role code of the head word, trying the longest compound phrase first ("foreign minister")."""
        mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        words = [m.lower_ for m in sorted(mods, key=lambda t: t.i)]
        for k in range(len(words) + 1):
            for last in (token.lower_, token.lemma_.lower()):
                role = self.dictionary.role(" ".join([*words[k:], last]))
                if role is not None and not (k == len(words) and last in STORY_ROLES):
                    return role.role
        story_role = STORY_ROLES.get(token.lemma_.lower())
        if story_role is not None and token.dep_ not in ("compound", "amod"):
            return story_role[0] if _police_story(token.doc, self.words) else story_role[1]
        if token.lower_ in self.words["mentions.counterpart_words"]:
            return "GOV"
        return None

    def _place_and_allegiance(self, head: Token, ev: Evidence, minority: bool, depth: int) -> bool:
        """Fill a group's country from where it is ("protesters in Baghdad", "students throughout
        Chile") or whom it serves ("miners affiliated with the Bolivian Workers' Center",
        "gunmen loyal to Yemen's Houthis"). A minority ("ethnic Hungarians in Serbia") takes the
        country it lives in. Returns whether a place gave the country."""
        placed = False
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPOSITIONS:
                continue
            if not (minority or (ev.role and not (ev.country or ev.org))):
                continue
            place = _pobj(child)
            found = self._token_evidence(place) if place is not None else None
            if found is not None and found.country and not found.org:
                ev.country, placed = found.country, True
        if not ev.role or ev.country or ev.org or depth > 2:
            return placed
        allegiance = self.words["peoples.allegiance_words"]
        for child in head.children:
            if child.dep_ in ("amod", "acl") and child.lemma_.lower() in allegiance:
                for prep in child.children:
                    target = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in ("to", "with") else None
                    if target is not None:
                        sub = self.evidence(target, depth + 1)
                        if sub.country or sub.org:
                            ev.country, ev.org = sub.country, sub.org
                            return placed
        return placed

    def _titled_office(self, ev: Evidence, head_is_name: bool) -> Office | None:
        """The person a title and a (perhaps misspelt) name point to: "President Mitterand"."""
        if not (head_is_name and ev.name and ev.role):
            return None
        role = "GOV" if ev.role == "ELI" else ev.role  # "former president X" held a GOV office
        return self.dictionary.titled_person(ev.name, role, self.day)

    def _surname_office(self, name: str) -> Office | None:
        parts = name.split()
        if len(parts) < 2:
            return None
        office = self.dictionary.person(parts[-1], self.day)
        if office is not None and office.name.split()[-1].lower() == parts[-1].lower():
            return office
        return None


def _police_story(doc: Doc, words: Words) -> bool:
    """Whether the article speaks of the police (read once per document)."""
    key = "dateline_police_story"
    if key not in doc.user_data:
        police = words["forces.police_words"]
        doc.user_data[key] = any(t.lower_ in police for t in doc)
    return bool(doc.user_data[key])


def _is_ethnic(token: Token, words: Words) -> bool:
    return token.lower_ in words["peoples.ethnic_demonyms"]


def _minority(head: Token, words: Words) -> bool:
    """Whether the phrase names an ethnic minority: "ethnic" before an ethnic demonym, at the head
    ("three ethnic Serbs") or in a modifier ("ethnic Albanian guerrillas")."""
    for token in (head, *(c for c in head.children if c.i < head.i and c.dep_ in PLACE_DEPS)):
        if not _is_ethnic(token, words):
            continue
        if any(c.lower_ == "ethnic" and c.i < token.i for c in token.children):
            return True
        if token is not head and any(c.lower_ == "ethnic" for c in head.children):
            return True
    return False


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Trump said")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def _introduced(full_name: str, token: Token) -> bool:
    """Whether the story named the person in full before ``token``: a capitalised common noun
    ("Trump", "Rice") is taken for a surname only after its bearer's full name."""
    return full_name.lower() != token.lower_ and full_name in token.doc.text[: token.idx]


def _adjacent_appos(head: Token, child: Token) -> bool:
    return child.left_edge.i - head.i <= 2


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _entity(token: Token) -> Span | None:
    return entity_of(token)


def _bounds(item: Span | Token) -> tuple[int, int]:
    if hasattr(item, "i"):  # a Token
        start, end = item.i, item.i + 1
    else:
        start, end = item.start, item.end
    doc = item.doc
    while end - 1 > start and doc[end - 1].dep_ == "case":
        end -= 1
    return start, end


def _strip_possessive(text: str) -> str:
    """The bare name: without a leading article ("The United States") or a possessive ending."""
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            text = text[len(article) :]
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return text.rstrip("'\u2019\" ")  # marks left by repaired text ("Coast" + 3 marks + "s")
