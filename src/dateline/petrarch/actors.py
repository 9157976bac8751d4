"""PETRARCH/Phoenix actor dictionaries: read once (`parse_actors`) for the importer, which turns
the entries into our countries, organisations and people rows, and for the engine, which indexes
them by phrase (`dateline.petrarch.dictionary`).

An entry is a primary phrase, ``+`` synonyms and codes: ``[CODE]`` on the phrase's line or on an
indented line is the default; ``[CODE <date]``, ``[CODE >date]`` and ``[CODE date-date]`` hold
for a period (limits included; the first restriction that holds wins, the default fills the rest).
``[A/B]`` is two actors (the engine codes both, the importer keeps A); null codes (``---``) hold
their words and period but name no actor.

The importer's rows:

* An entry with only a default code of three characters is a primary CAMEO actor (a country, a
  state in the toy dictionaries, or an international code such as UNO): a `countries.tsv` row, so
  that agents compose with it ("Gondor's government" -> GONGOV). Entries sharing a code merge.
* An entry with only a longer default code is an `organisations.tsv` row (country = the first
  three letters, sectors = the following three-letter segments); entries sharing a code merge
  into one row (the first name, the others aliases).
* An entry with date restrictions becomes `people.tsv` rows, one per period in which one code
  holds (country = first three letters, role = the rest; start/end ISO dates, empty = open).
* Null codes give no row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .reader import (
    FIRST_DAY,
    LAST_DAY,
    NULL_CODES,
    Tally,
    brackets,
    name_variants,
    parse_code,
    parse_period,
    phrase_words,
)

_KINDS = {
    "IGO": "igo",
    "NGO": "ngo",
    "NGM": "ngo",
    "IMG": "armed_group",
    "REB": "armed_group",
    "INS": "armed_group",
    "UAF": "armed_group",
    "SEP": "armed_group",
    "MED": "media",
    "BUS": "company",
    "MNC": "company",
    "PTY": "party",
    "GOV": "government_body",
    "MIL": "government_body",
}


@dataclass(slots=True)
class Restriction:
    """The codes of one ``[...]`` block and the period they hold (ordinal days, limits included);
    no codes = null-coded."""

    codes: tuple[str, ...]
    first: int = FIRST_DAY
    last: int = LAST_DAY

    @property
    def code(self) -> str | None:
        """The first code (the one the importer keeps), None when null-coded."""
        return self.codes[0] if self.codes else None


@dataclass(slots=True)
class ActorEntry:
    """One dictionary entry as read: its phrases (words as written; the headword first, empty
    when it has none), default and restrictions."""

    phrases: list[list[str]]
    default: Restriction | None = None
    restrictions: list[Restriction] = field(default_factory=list)

    def codes_on(self, day: date | None) -> tuple[str, ...]:
        """The codes that hold on ``day`` (the default when no date); () = null-coded."""
        if day is not None:
            ordinal = day.toordinal()
            for item in self.restrictions:
                if item.first <= ordinal <= item.last:
                    return item.codes
        return self.default.codes if self.default is not None else ()


def parse_actors(lines: list[str], tally: Tally) -> list[ActorEntry]:
    """The entries of an actor file (lines already free of comments); what is left out is
    counted in ``tally``."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        rest, blocks = brackets(stripped)
        if stripped.startswith("+"):
            if current is None:
                tally.skipped["synonym_without_entry"] += 1
                continue
            words = phrase_words(rest[1:])
            if words:
                current.phrases.append(words)
        elif not stripped.startswith("["):
            words = phrase_words(rest)
            if not words:
                tally.skipped["bad_line"] += 1  # its synonyms and codes are its own, not the last entry's
            current = ActorEntry([words])
            entries.append(current)
        elif current is None:
            tally.skipped["code_without_entry"] += 1
            continue
        for block in blocks:
            assert current is not None
            _add_block(current, block, tally)
    return entries


def _add_block(entry: ActorEntry, block: str, tally: Tally) -> None:
    parts = block.split()
    if not parts:
        tally.skipped["empty_code"] += 1
        return
    written = parts[0].upper().split("/")
    if len(written) > 1:
        tally.approximated["several_actors_first_kept"] += 1  # by the importer; the engine codes all
    codes: list[str] = []
    for raw in written:
        if raw in NULL_CODES:
            continue
        code = parse_code(raw)
        if code is None:
            tally.skipped["bad_code"] += 1
            return
        codes.append(code)
    when = "".join(parts[1:])
    if not when:
        if entry.default is None:
            entry.default = Restriction(tuple(codes))
        return
    period = parse_period(when)
    if period is None:
        tally.skipped["bad_date_restriction"] += 1
        return
    entry.restrictions.append(Restriction(tuple(codes), *period))


def periods(entry: ActorEntry) -> list[Restriction]:
    """Disjoint periods, each with the codes PETRARCH gives then (first restriction wins, the
    default fills the gaps), in date order; null-coded periods are left out."""
    taken: list[tuple[int, int]] = []
    out: list[Restriction] = []
    for item in entry.restrictions:
        for first, last in _subtract((item.first, item.last), taken):
            if item.codes:
                out.append(Restriction(item.codes, first, last))
        taken.append((item.first, item.last))
    if entry.default is not None and entry.default.codes:
        for first, last in _subtract((FIRST_DAY, LAST_DAY), taken):
            out.append(Restriction(entry.default.codes, first, last))
    return sorted(out, key=lambda r: r.first)


def _subtract(span: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [span]
    for t_first, t_last in taken:
        following: list[tuple[int, int]] = []
        for first, last in pieces:
            if t_last < first or t_first > last:
                following.append((first, last))
                continue
            if first < t_first:
                following.append((first, t_first - 1))
            if t_last < last:
                following.append((t_last + 1, last))
        pieces = following
    return pieces


@dataclass(slots=True)
class ActorRows:
    """Rows for our actor files, keyed so that entries sharing a code merge."""

    countries: dict[str, dict[str, str]] = field(default_factory=dict)
    organisations: dict[str, dict[str, str]] = field(default_factory=dict)
    people: list[dict[str, str]] = field(default_factory=list)


def convert_actors(entries: list[ActorEntry], rows: ActorRows, tally: Tally) -> None:
    """Add the rows for ``entries`` to ``rows`` (see the module docstring for the mapping)."""
    for entry in entries:
        if not entry.phrases[0]:
            continue  # a headword without words, counted when read
        names = [v for words in entry.phrases for v in name_variants(words)]
        name, aliases = names[0], names[1:]
        if entry.restrictions:
            spans = periods(entry)
            if not spans:
                tally.skipped["null_code"] += 1
                continue
            for span in spans:
                rows.people.append(
                    {
                        "name": name,
                        "aliases": "|".join(aliases),
                        "country": span.code[:3] if span.code else "",
                        "role": span.code[3:] if span.code else "",
                        "title": "",
                        "start": _iso(span.first, FIRST_DAY),
                        "end": _iso(span.last, LAST_DAY),
                    }
                )
            tally.imported["people"] += 1
            tally.imported["people_periods"] += len(spans)
            continue
        code = entry.default.code if entry.default is not None else None
        if code is None:
            tally.skipped["null_code" if entry.default is not None else "no_code"] += 1
            continue
        if len(code) == 3:
            _merge(rows.countries, code, name, aliases, {"iso3": code})
            tally.imported["countries"] += 1
        else:
            segments = [code[i : i + 3] for i in range(3, len(code), 3)]
            extra = {
                "code": code,
                "country": code[:3],
                "sectors": "|".join(segments),
                "kind": next((_KINDS[s] for s in (code[:3], *segments) if s in _KINDS), "actor"),
            }
            _merge(rows.organisations, code, name, aliases, extra)
            tally.imported["organisations"] += 1


def _merge(
    table: dict[str, dict[str, str]], code: str, name: str, aliases: list[str], extra: dict[str, str]
) -> None:
    row = table.get(code)
    if row is None:
        table[code] = {**extra, "name": name, "aliases": "|".join(a for a in aliases if a != name)}
        return
    known = {row["name"], *row["aliases"].split("|")}
    added = [a for a in (name, *aliases) if a and a not in known]
    row["aliases"] = "|".join(a for a in (*row["aliases"].split("|"), *added) if a)


def _iso(day: int, open_end: int) -> str:
    return "" if day == open_end else date.fromordinal(day).isoformat()
