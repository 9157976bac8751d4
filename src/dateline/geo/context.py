"""The article's context for resolving its places: what each mention clearly says about the
countries and subdivisions it is about, lists of places, and the subdivisions its places were put
in (a state named anywhere, or a town or county placed in one, steers the others into it)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .gazetteer import key
from .words import WIDE

if TYPE_CHECKING:
    from .gazetteer import Entry
    from .resolver import Mention

#: (ISO3, admin1 code): a first-level subdivision.
Admin = tuple[str | None, str | None]
#: A city this big is known by its name the world over ("Geneva", "Paris", "Hyderabad").
WORLD_CITY = 100_000
#: Towns under this are the gazetteer's small ones (``towns.tsv``).
SMALL_TOWN = 15_000


def evidence(m: Mention) -> tuple[Counter[str], Counter[Admin]]:
    """What a mention says about the article's countries and subdivisions, when it is clear."""
    countries: Counter[str] = Counter()
    admins: Counter[Admin] = Counter()
    if not m.candidates or m.strength == "part":
        return countries, admins
    ranked = sorted(m.candidates, key=lambda e: -e.prior)
    top = ranked[0]
    gap = len(ranked) > 1 and top.prior - ranked[1].prior >= 2
    clear = len({e.country for e in ranked}) == 1 or gap
    if m.capital_of:
        countries[m.capital_of] += 1
    elif clear and top.country:
        countries[top.country] += 1
        if top.admin1 and (gap or len({(e.country, e.admin1) for e in ranked}) == 1):
            admins[(top.country, top.admin1)] += 1
    return countries, admins


def lists(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """For each mention, its neighbours in a list ("Texas, Ohio and New York")."""
    near: list[list[Mention]] = [[] for _ in mentions]
    for i in range(len(mentions) - 1):
        gap = text[mentions[i].end : mentions[i + 1].start].strip()
        if gap in (",", "and", ", and", "or", ", or", "&"):
            near[i].append(mentions[i + 1])
            near[i + 1].append(mentions[i])
    return near


def chosen_admins(mentions: list[Mention]) -> dict[str, Counter[Admin]]:
    """The subdivisions the article's places were placed in, by name: a state named anywhere
    ("Georgia") or a town or county placed in one steers the article's other names into it."""
    out: dict[str, Counter[Admin]] = {}
    for m in mentions:
        e = m.choice
        if e is None or not e.admin1 or e.kind in WIDE or (m.strength == "part" and not m.local):
            continue
        out.setdefault(key(m.text), Counter())[(e.country, e.admin1)] = 2 if e.kind == "admin1" else 1
    return out


def stated_subdivisions(mentions: list[Mention]) -> set[Admin]:
    """The states and counties the text names itself ("Texas", "N.Y.", "Elko County")."""
    return {
        (e.country, e.admin1)
        for m in mentions
        for e in m.candidates or ()
        if e.kind in ("admin1", "admin2") and (e.key == key(m.text) or m.local)
    }


def town_subdivisions(mentions: list[Mention]) -> set[Admin]:
    """The states of the towns the article was placed in (not its big cities: a "NEW YORK"
    dateline on a story about the UN says nothing about which Geneva it means)."""
    return {
        (e.country, e.admin1)
        for m in mentions
        if (e := m.choice) is not None and e.kind in ("city", "admin2") and e.population < WORLD_CITY
    }


def obscure_namesake(e: Entry, famous: set[str | None], stated: set[Admin]) -> bool:
    """Whether ``e`` is a small town sharing its name with a world city of another country and
    the text names neither its state nor a town in it: a "NEW YORK" dateline must not turn
    "Geneva" into Geneva, New York (while "Bozeman ... Belgrade" is Belgrade, Montana)."""
    if e.kind != "city" or e.population >= SMALL_TOWN or not (famous - {e.country}):
        return False
    return (e.country, e.admin1) not in stated
