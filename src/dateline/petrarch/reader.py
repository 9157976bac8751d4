"""What every PETRARCH dictionary shares: comments, ``[CODE restriction]`` blocks, dates, phrases.

PETRARCH files are flat text. Comments are ``<!-- ... -->`` (possibly over several lines),
``#`` to the end of the line (except inside ``[...]``, where ``[###]`` is a code) and, from
KEDS/TABARI, ``;`` to the end of the line. Words of a phrase are joined by ``_`` (consecutive) or
by spaces; a trailing ``_`` means "the whole word, not a stem".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: Codes PETRARCH uses for "no actor / no event" (and TABARI's discard code).
NULL_CODES = frozenset({"---", "###", "+++"})
_CODE = re.compile(r"^[A-Z0-9]{3,}$")
_BRACKET = re.compile(r"\[([^\]]*)\]")
#: Words kept in lower case inside a title-cased name ("Prince of Dol Amroth").
_LOWER_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "da", "del", "des"})


@dataclass(slots=True)
class Tally:
    """Counts of what one file gave: entries imported and skipped, by reason."""

    kind: str
    imported: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    approximated: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "imported": dict(sorted(self.imported.items())),
            "skipped": dict(sorted(self.skipped.items())),
            "approximated": dict(sorted(self.approximated.items())),
        }


def read_lines(path: Path) -> list[str]:
    """The file's lines without comments (trailing whitespace removed, leading kept: a tab matters)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return strip_comments(text.splitlines())


def strip_comments(lines: list[str]) -> list[str]:
    """Lines with ``<!-- -->``, ``#`` and ``;`` comments removed; blank lines stay (they end a
    synset), lines that held only a comment go."""
    out: list[str] = []
    in_block = False
    for raw in lines:
        line = raw
        kept = ""
        while line:
            if in_block:
                end = line.find("-->")
                if end < 0:
                    line = ""
                    break
                line, in_block = line[end + 3 :], False
                continue
            start = line.find("<!")
            if start < 0:
                kept += line
                break
            kept += line[:start]
            line, in_block = line[start + 2 :], True
        line = _cut_line_comment(kept).rstrip()
        if line or not raw.strip():
            out.append(line)  # a line that held only a comment is dropped, a blank line stays
    return out


def _cut_line_comment(line: str) -> str:
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return line[:index]
    return line


def brackets(line: str) -> tuple[str, list[str]]:
    """(the line without its ``[...]`` blocks, the contents of those blocks in order)."""
    found = _BRACKET.findall(line)
    return _BRACKET.sub(" ", line), [f.strip() for f in found]


def parse_code(text: str) -> str | None:
    """A CAMEO actor code in canonical form (upper case), or None when it is not one."""
    code = text.strip().upper()
    return code if _CODE.match(code) else None


def parse_date(text: str) -> date | None:
    """``YYYYMMDD`` or ``YYMMDD`` (00-30 are 20YY, else 19YY, as KEDS/TABARI/PETRARCH); None if bad."""
    digits = text.strip()
    if not digits.isdigit():
        return None
    if len(digits) <= 7:
        if len(digits) != 6:
            return None
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 30 else 1900 + year}{digits[2:]}"
    if len(digits) != 8:
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


#: Ordinal days that bound an open-ended date restriction.
FIRST_DAY = date.min.toordinal()
LAST_DAY = date.max.toordinal()
#: ``!SET! = A, B``: a substitution set of an agents file, and a marker that uses one.
SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
MARKER = re.compile(r"!(\w+)!")


def parse_period(when: str) -> tuple[int, int] | None:
    """The ordinal days (limits included) of a date restriction: ``<DATE``, ``>DATE`` or
    ``DATE-DATE``; None when it is malformed."""
    if when[0] in "<>":
        day = parse_date(when[1:])
        if day is None:
            return None
        return (FIRST_DAY, day.toordinal()) if when[0] == "<" else (day.toordinal(), LAST_DAY)
    first, sep, last = when.partition("-")
    start, end = parse_date(first), parse_date(last)
    if not sep or start is None or end is None or end < start:
        return None
    return start.toordinal(), end.toordinal()


def substitute(phrase: str, sets: dict[str, list[str]]) -> list[str] | None:
    """Every phrase that ``!SET!`` markers in ``phrase`` stand for (None: a set is undefined)."""
    results = [phrase]
    for marker in dict.fromkeys(MARKER.findall(phrase)):
        members = sets.get(marker.upper())
        if members is None:
            return None
        results = [r.replace(f"!{marker}!", m) for r in results for m in members]
    return results


def phrase_words(phrase: str) -> list[str]:
    """The words of a PETRARCH phrase: split on spaces and ``_``, trailing ``_`` dropped."""
    return [w for w in re.split(r"[\s_]+", phrase.strip()) if w]


def display_name(words: list[str]) -> str:
    """A name as news prints it, from PETRARCH's upper-case words: "MINAS_TIRITH" -> "Minas Tirith".

    Words with a dot or a digit and words of one or two letters stay in capitals ("U.N.", "G77",
    "UN"); small function words after the first stay in lower case ("Prince of Dol Amroth").
    """
    out: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        letters = [c for c in word if c.isalpha()]
        if index > 0 and lower in _LOWER_WORDS:
            out.append(lower)
        elif any(c.isdigit() or c == "." for c in word) or len(letters) <= 2 or word.startswith("("):
            out.append(word.upper())
        else:
            out.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(out)


def _capitalise(part: str) -> str:
    for index, char in enumerate(part):
        if char.isalpha():
            return part[:index] + char.upper() + part[index + 1 :].lower()
    return part.lower()


def name_variants(words: list[str]) -> list[str]:
    """The spellings of one phrase worth listing: the display form, the form without a leading
    "the" and, for hyphenated words, the form with only the first part capitalised ("Barad-dur").
    The entity ruler matches exact text, which matters for names of several words; one-word names
    are looked up by their lower-cased text whatever their case."""
    if not words:
        return []
    variants = [display_name(words)]
    if len(words) > 1 and words[0].lower() == "the":
        variants.append(display_name(words[1:]))
    for variant in list(variants):
        if "-" in variant:
            variants.append(" ".join(_first_part_capital(w) for w in variant.split()))
    return list(dict.fromkeys(variants))


def _first_part_capital(word: str) -> str:
    head, *rest = word.split("-")
    return "-".join([head, *(part.lower() for part in rest)])
