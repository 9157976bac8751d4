"""Placing actors the dictionary cannot place, from the country their sentence is about.

Wire copy names local actors without saying whose they are: "Prosecutor Marta Quiroga charged
11 customs officers", "leaders of the Unity bloc called off the march in Tbilisi". When an
event side has no country and its sentence names exactly one country (through actors or
places), that side is taken to belong to it, as event datasets code local actors. Sentences
that name two or more countries are left alone: there is no safe guess. A sentence that names
none is set in the article's country: its dateline's, or the only one the article names.
Violence without a named perpetrator is coded to unidentified attackers (``UAF``) of the
country where it happened."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import ActorRef, Event, Place
from .rules.base import RuleSettings, default_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Codes in the country slot that are not countries (CAMEO's international and transnational
#: actors): they say nothing about where a sentence is set.
NON_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "UNO", "NGM", "IMG", "UIS", "UAF"})


class ActorPlacement:
    """Gives unplaced event sides the one country their sentence names (see the module doc).
    ``settings``: which roots are violence whose perpetrator news often cannot name (``violent``)
    and which are acts done by saying (``spoken``), ours by default."""

    name = "placement"

    def __init__(self, settings: RuleSettings | None = None) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Read the rules' settings, if none were given."""
        if self.settings is None:
            self.settings = default_settings()

    def __call__(
        self, doc: Doc, events: list[Event], places: Iterable[Place], home: str | None = None
    ) -> list[Event]:
        """``events`` with unplaced sides placed, where their sentence allows it. ``home``: the
        country of the article's dateline, if it has one."""
        by_sentence: dict[int, set[str]] = {}
        mentions: dict[tuple[int, str], Place] = {}
        starts = [s.start_char for s in doc.sents]
        for place in places:
            if not place.country:
                continue
            sentence = _sentence_of(starts, place.start)
            mentions.setdefault((sentence, place.country), place)
            if len(place.country) == 3:
                by_sentence.setdefault(sentence, set()).add(place.country)
        for event in events:
            for actor in (event.source, event.target):
                if actor is not None and _is_country(actor.country):
                    by_sentence.setdefault(event.sentence, set()).add(actor.country or "")
        home = _home(home, by_sentence)
        if self.settings is None:
            self.setup()
        settings = self.settings
        assert settings is not None
        placed = []
        for event in events:
            countries = by_sentence.get(event.sentence) or ({home} if home else set())
            if event.source is None and settings.applies("violent", event.cameo):
                event = replace(event, source=_unidentified(event, countries, mentions))
            if len(countries) != 1:
                placed.append(event)
                continue
            (country,) = countries
            verbal = settings.applies("spoken", event.cameo)  # what a statement is about is not the speaker's
            source = _placed(event.source, country, event.target if verbal else None)
            target = _placed(event.target, country, event.source if verbal else None)
            if source is not None and target is not None and source.code and source.code == target.code:
                source, target = event.source, event.target  # placing both as one actor says nothing
            placed.append(replace(event, source=source, target=target))
        return placed


def _home(dateline: str | None, by_sentence: dict[int, set[str]]) -> str | None:
    """The country an article is set in: its dateline's, else the only country it names at all.
    A sentence that names none ("the senator said ...", "police arrested ten men") is set there."""
    if _is_country(dateline):
        return dateline
    named = set().union(*by_sentence.values()) if by_sentence else set()
    return next(iter(named)) if len(named) == 1 else None


def _unidentified(
    event: Event, countries: set[str], mentions: dict[tuple[int, str], Place]
) -> ActorRef | None:
    """Violence nobody is named for ("a roadside bomb near Samarra killed ...") is coded, as event
    datasets do, to unidentified attackers of the country where it happened."""
    country = event.location.country if event.location is not None else None
    if not _is_country(country):
        country = next(iter(countries)) if len(countries) == 1 else None
    place = mentions.get((event.sentence, country or ""))
    if country is None or place is None:
        return None
    if event.target is not None and event.target.code == country + "UAF":
        return None  # "strikes on militant hideouts in Iran": the targets are not their own attackers
    return ActorRef(
        text=place.text,
        start=place.start,
        end=place.end,
        code=country + "UAF",
        country=country,
        sectors=["UAF"],
    )


def _placed(actor: ActorRef | None, country: str, other: ActorRef | None = None) -> ActorRef | None:
    """``actor`` in ``country`` ("boycotted the referendum" in a story about one country is
    that country's referendum)."""
    if actor is None or actor.country:
        return actor
    if not (actor.code or actor.name):
        if other is not None and other.country == country:
            return actor  # "Japan condemned the statement": not Japan's own statement
        return replace(actor, country=country)  # a phrase ("the vote") gains a place, not a code
    return replace(actor, country=country, code=country + (actor.code or ""))


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and code not in NON_COUNTRIES


def _sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence that starts at or before ``offset`` (the first one for none)."""
    return max(0, bisect_right(starts, offset) - 1)
