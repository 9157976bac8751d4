"""PETRARCH/Phoenix agents dictionaries: read once (`read_agents`) for the importer, which turns
the entries into our `roles.tsv` rows (`parse_agents`), and for the engine, which indexes them by
phrase (`dateline.petrarch.dictionary`).

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
from dataclasses import dataclass

from .reader import MARKER, SUBSTITUTION, Tally, brackets, parse_code, phrase_words, substitute

_PLURAL = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent code and its side: appended to the actor code (``~GOV``) or put before it."""

    code: str
    prefix: bool = False


@dataclass(slots=True)
class AgentEntry:
    """One agents line as read: its phrases (words as written; several when ``!SET!`` markers
    expand), their plural (words; none for ``{}`` and for substituted phrases; None: the regular
    plural, see `regular_plural`) and the agent."""

    phrases: list[list[str]]
    plural: list[str] | None
    agent: Agent
    substituted: bool = False


def read_agents(lines: list[str], tally: Tally) -> list[AgentEntry]:
    """The entries of an agents file (lines already free of comments); what is left out is
    counted in ``tally``."""
    sets: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
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
        agent = _agent(blocks[0])
        if agent is None:
            tally.skipped["bad_code"] += 1
            continue
        plural_match = _PLURAL.search(rest)
        phrase_text = _PLURAL.sub(" ", rest).strip()
        if MARKER.search(phrase_text):
            variants = substitute(phrase_text, sets)
            if variants is None:
                tally.skipped["undefined_substitution"] += 1
                continue
            entries.append(AgentEntry([phrase_words(v) for v in variants], [], agent, substituted=True))
            continue
        words = phrase_words(phrase_text)
        if not words:
            tally.skipped["bad_line"] += 1
            continue
        plural = None if plural_match is None else phrase_words(plural_match.group(1))
        entries.append(AgentEntry([words], plural, agent))
    return entries


def _agent(block: str) -> Agent | None:
    text = block.replace(" ", "").upper()
    code = parse_code(text.strip("~"))
    if "~" not in text or code is None:
        return None
    return Agent(code, prefix=text.endswith("~") and not text.startswith("~"))


def parse_agents(lines: list[str], tally: Tally) -> list[dict[str, str]]:
    """Role rows for an agents file (lines already free of comments)."""
    rows: list[dict[str, str]] = []
    for entry in read_agents(lines, tally):
        if entry.agent.prefix:
            tally.approximated["prefix_agent_as_suffix"] += 1
        phrases = [" ".join(words).lower() for words in entry.phrases]
        plural = regular_plural(phrases[0]) if entry.plural is None else " ".join(entry.plural).lower()
        rows.extend(_row(phrase, entry.agent.code, plural) for phrase in phrases)
        tally.imported["roles"] += 1
        if entry.substituted:
            tally.imported["substituted_phrases"] += len(phrases)
    return rows


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
