"""Finding people in office by the names news gives them.

Names are compared in a normal form (`name_key`): no accents, case, dots, hyphens or
apostrophes, and without the Arabic article ("Omar El Bashir" = "Omar al-Bashir"). Beyond exact
names and aliases, two tolerant look-ups are offered, each guarded against false matches:

- `PeopleIndex.titled`: a surname that follows a title ("President Mitterand"), matched exactly or
  within a small spelling distance against the surnames of people who held an office of that
  kind; the given names, where both sides have them, must agree.
- `PeopleIndex.tolerant`: a full name of two or more words, matched within a very small spelling
  distance ("Juvenal Habyariman" -> "Juvenal Habyarimana").

In both, the best candidate must be unique: several people at about the same distance give no
match, unless they all map to the same country and role ("President Kabila" is COD GOV either way).
Candidates are searched in buckets keyed by the surname's first letter, built once at load time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

#: Arabic article forms written before a name ("al-Bashir", "El Bashir", "ad-Din").
PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "az", "ar"})
#: Least similarity (0-100) of a surname after a title to a known surname.
TITLED_CUTOFF = 88.0
#: Least similarity (0-100) of a full name to a known full name.
FULL_CUTOFF = 92.0
#: Candidates within this many points of the best one count as equally good.
TIE_MARGIN = 3.0
#: Shortest surname (in letters) tried tolerantly; shorter ones must match exactly.
MIN_FUZZY_SURNAME = 5
#: Shortest full name (in letters and spaces) tried tolerantly.
MIN_FUZZY_FULL = 10
#: Title roles whose office holders are searched: a "President X" is looked for among GOV offices.
TITLE_ROLES = frozenset({"GOV", "MIL", "REB", "OPP", "LEG", "PTY"})

_DROP = re.compile(r"['\u2019`\u02bc]")
_SPACE = re.compile(r"[.\-\u2010\u2011\u2013_,]")


@dataclass(frozen=True, slots=True)
class Office:
    """One term of office of a named person (ISO date prefixes; end None = still in office)."""

    name: str
    country: str
    role: str
    title: str
    start: str
    end: str | None

    @property
    def code(self) -> str:
        """CAMEO actor code of the office holder, e.g. RUSGOV."""
        return self.country + self.role

    def covers(self, day: str | None) -> bool:
        """Whether the term includes ``day`` (ISO); unknown days are covered by every term."""
        if not day:
            return True
        return self.start[: len(day)] <= day and (self.end is None or day[: len(self.end)] <= self.end)


def name_key(name: str) -> str:
    """The look-up form of a person's name: ``"Omar El-Bashir"`` -> ``"omar bashir"``."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _SPACE.sub(" ", _DROP.sub("", name.lower()))
    words = text.split()
    kept = [w for w in words if w not in PARTICLES]
    return " ".join(kept or words)


def choose(offices: Iterable[Office], day: str | None) -> Office | None:
    """The office meant on ``day`` among ``offices`` of one or more people.

    Offices covering the day are preferred (else all are kept). Several people are a match only
    when they agree on country and role; then (as for one person) a government office and the
    latest term win.
    """
    pool = list(offices)
    if not pool:
        return None
    current = [o for o in pool if o.covers(day)] or pool
    if len({o.name for o in current}) > 1 and len({(o.country, o.role) for o in current}) > 1:
        return None
    return max(current, key=lambda o: (o.role == "GOV", o.start))


@dataclass(slots=True)
class PeopleIndex:
    """Offices by normalised full name and by surname, with first-letter buckets for fuzzy search."""

    by_key: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    by_surname: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    surname_buckets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    full_buckets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, office: Office, names: Iterable[str]) -> None:
        """Index one office under the person's name and aliases."""
        for name in names:
            key = name_key(name)
            if not key:
                continue
            if office not in self.by_key[key]:
                self.by_key[key].append(office)
            surname = key.split()[-1]
            if office not in self.by_surname[surname]:
                self.by_surname[surname].append(office)

    def freeze(self) -> None:
        """Build the fuzzy-search buckets once every office is added."""
        self.surname_buckets.clear()
        self.full_buckets.clear()
        for surname in self.by_surname:
            if len(surname) >= MIN_FUZZY_SURNAME - 1:
                self.surname_buckets[surname[0]].append(surname)
        for key in self.by_key:
            if " " in key:
                self.full_buckets[key.split()[-1][0]].append(key)

    def exact(self, name: str, day: str | None = None) -> Office | None:
        """The office of the person with this (normalised) name or alias."""
        return choose(self.by_key.get(name_key(name), ()), day)

    def titled(self, name: str, role: str, day: str | None = None) -> Office | None:
        """The office of a person named after a title of role ``role`` ("President Mitterand").

        ``name`` is the name as written (surname last). Known surnames of people with an office of
        that role are matched exactly, then within `TITLED_CUTOFF`; given names must agree.
        """
        if role not in TITLE_ROLES:
            return None
        words = name_key(name).split()
        if not words:
            return None
        surname, given = words[-1], words[:-1]
        candidates = self._of_role(self.by_surname.get(surname, ()), role)
        if not candidates and len(surname) >= MIN_FUZZY_SURNAME:
            bucket = self.surname_buckets.get(surname[0], [])
            found = process.extract(surname, bucket, scorer=fuzz.ratio, score_cutoff=TITLED_CUTOFF, limit=5)
            if found:
                best = found[0][1]
                for match, score, _ in found:
                    if score >= best - TIE_MARGIN:
                        candidates.extend(self._of_role(self.by_surname[match], role))
        candidates = [o for o in candidates if _given_names_agree(given, o.name)]
        return choose(candidates, day)

    def tolerant(self, name: str, day: str | None = None) -> Office | None:
        """The office of a person whose full name is spelt almost as a known one."""
        key = name_key(name)
        if " " not in key or len(key) < MIN_FUZZY_FULL:
            return None
        bucket = self.full_buckets.get(key.split()[-1][0], [])
        found = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=FULL_CUTOFF, limit=5)
        if not found:
            return None
        best = found[0][1]
        offices = [o for match, score, _ in found if score >= best - TIE_MARGIN for o in self.by_key[match]]
        return choose(offices, day)

    @staticmethod
    def _of_role(offices: Iterable[Office], role: str) -> list[Office]:
        return [o for o in offices if o.role == role]


def _given_names_agree(given: list[str], full_name: str) -> bool:
    """Whether the given names written ("Francois") fit the person's ("François Mitterrand").

    Nothing written, or an initial that matches, agrees; otherwise the words must be alike.
    """
    if not given:
        return True
    theirs = name_key(full_name).split()[:-1]
    if not theirs:
        return True
    mine = " ".join(given)
    if all(len(w) == 1 for w in given):
        return given[0] == theirs[0][0]
    return fuzz.token_set_ratio(mine, " ".join(theirs)) >= 75.0
