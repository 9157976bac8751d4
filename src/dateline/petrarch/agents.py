"""PETRARCH/Phoenix agents dictionaries -> our `roles.tsv` rows.

A line is ``PHRASE {PLURAL} [~CODE]``: ``~CODE`` is appended to the actor's code (ARN + GOVFRM =
ARNGOVFRM), ``CODE~`` put before it (NGO~ + ARN = NGOARN). ``{}`` means no plural, ``{X}`` an
irregular one; otherwise the regular English plural of the last word is generated.
``!NAME! = A, B`` defines a substitution set: ``CONGRESS!PERSON!`` stands for CONGRESSMAN,
CONGRESSMEN, ... each taken as it is (no plural of its own).

Our role row: phrase (lower case, words joined by spaces), role = the whole agent code (our
resolver appends it to the country, as PETRARCH does), sectors = its three-letter segments after
the first, plural. A prefix agent (``NGO~``) becomes a role too: our resolver can only append,
so it is counted as approximated.
"""

from __future__ import annotations

import re

from .reader import MARKER, SUBSTITUTION, Tally, brackets, phrase_words, substitute

_PLURAL = re.compile(r"\{([^}]*)\}")


def parse_agents(lines: list[str], tally: Tally) -> list[dict[str, str]]:
    """Role rows for an agents file (lines already free of comments)."""
    sets: dict[str, list[str]] = {}
    rows: list[dict[str, str]] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        found = SUBSTITUTION.match(stripped)
        if found:
            sets[found.group(1).upper()] = [p.strip() for p in found.group(2).split(",") if p.strip()]
            continue
        rest, blocks = brackets(stripped)
        if not blocks:
            tally.skipped["no_code"] += 1
            continue
        code_text = blocks[0].replace(" ", "").upper()
        if code_text.startswith("~"):
            code = code_text[1:]
        elif code_text.endswith("~"):
            code = code_text[:-1]
            tally.approximated["prefix_agent_as_suffix"] += 1
        else:
            tally.skipped["bad_code"] += 1
            continue
        if not re.fullmatch(r"[A-Z0-9]{3,}", code):
            tally.skipped["bad_code"] += 1
            continue
        plural_match = _PLURAL.search(rest)
        phrase_text = _PLURAL.sub(" ", rest).strip()
        markers = MARKER.findall(phrase_text)
        if markers:
            expanded = _expand(phrase_text, sets)
            if expanded is None:
                tally.skipped["undefined_substitution"] += 1
                continue
            for phrase in expanded:
                rows.append(_row(phrase, code, ""))
            tally.imported["roles"] += 1
            tally.imported["substituted_phrases"] += len(expanded)
            continue
        phrase = " ".join(phrase_words(phrase_text)).lower()
        if not phrase:
            tally.skipped["bad_line"] += 1
            continue
        if plural_match is None:
            plural = regular_plural(phrase)
        else:
            plural = " ".join(phrase_words(plural_match.group(1))).lower()
        rows.append(_row(phrase, code, plural))
        tally.imported["roles"] += 1
    return rows


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str] | None:
    variants = substitute(phrase, sets)
    return None if variants is None else [" ".join(phrase_words(v)).lower() for v in variants]


def _row(phrase: str, code: str, plural: str) -> dict[str, str]:
    segments = [code[i : i + 3] for i in range(3, len(code), 3)]
    return {"phrase": phrase, "role": code, "sectors": "|".join(segments), "plural": plural, "notes": ""}


def regular_plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word ("foreign minister" -> "... ministers")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last
