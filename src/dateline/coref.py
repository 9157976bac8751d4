"""Rule-based coreference on the spaCy parse: pronouns, nominal mentions and bare surnames.

Every noun phrase that resolves to an actor is remembered with its position. Later mentions are
linked back by the rules news writing follows:

* a bare surname ("Cheema") or a title + surname ("Minister Asif") is the earlier full name;
* a role description ("the Russian Foreign Minister") is the earlier named person with that code;
* "he"/"she" is the most recent person, preferring subjects of the current and previous sentences;
* "they", "the two sides", "both countries" are the most recent pair of actors named together;
* inside a direct quote, "we"/"our" is the speaker's side and "you"/"your" the addressee's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actors.resolve import ActorResolver
from .records import ActorRef, Event
from .syntax import clause_subject
from .words import Words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

INDIVIDUAL_ROLES = frozenset(
    {"GOV", "MIL", "JUD", "OPP", "LEG", "REB", "INS", "SPY", "MED", "BUS", "CVL", "EDU"}
)
MENTION_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "appos",
        "poss",
        "dative",
        "attr",
        "conj",
        "ROOT",
        "npadvmod",
        "agent",
        "compound",
    }
)


@dataclass(slots=True)
class Mention:
    """An actor mention remembered for later links."""

    token: int
    sentence: int
    actor: ActorRef
    person: bool
    subject: bool


@dataclass(slots=True)
class QuoteFrame:
    """A direct quote's character span and who is speaking to whom, for first/second person."""

    start: int
    end: int
    speaker: ActorRef | None
    addressee: ActorRef | None


class Coreference:
    """Links mentions of one document; ``actor(token)`` is what the other stages call."""

    def __init__(self, doc: Doc, resolver: ActorResolver, words: Words | None = None) -> None:
        self.doc = doc
        self.resolver = resolver
        #: Word classes (pronouns, group nouns, reporter verbs): the dictionary's unless given.
        self.words = words if words is not None else resolver.dictionary.words
        self._person_pronouns = self.words["pronouns.person"]
        self._group_pronouns = self.words["pronouns.group"]
        self._first_plural = self.words["pronouns.first_person_plural"]
        self._first_singular = self.words["pronouns.first_person_singular"]
        self._institutions = self.words["mentions.institution_words"]
        self.mentions: list[Mention] = []
        self._mention_at: dict[int, Mention] = {}
        self.frames: list[QuoteFrame] = []
        self.dyads: list[tuple[int, str, ActorRef, ActorRef]] = []
        self._sentence_of: dict[int, int] = {}
        for index, sent in enumerate(doc.sents):
            for token in sent:
                self._sentence_of[token.i] = index
        self._scan()

    def _scan(self) -> None:
        for token in self.doc:
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ not in MENTION_DEPS:
                continue
            if token.dep_ == "compound" and token.head.pos_ == "PROPN":
                continue
            ref = self._link_named(token)
            if ref is None:
                continue
            is_person = self._is_person(token)
            mention = Mention(
                token.i, self._sentence_of[token.i], ref, is_person, token.dep_ in ("nsubj", "nsubjpass")
            )
            self.mentions.append(mention)
            self._mention_at.setdefault(token.i, mention)

    def _is_person(self, token: Token) -> bool:
        """A named person, or one person described by role ("Iran's Supreme Leader")."""
        if token.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" for c in token.subtree):
            return True
        return (
            token.tag_ in ("NN", "NNP")
            and token.lemma_.lower() not in self._institutions
            and self.resolver.dictionary.role(token.lemma_) is not None
            and self.resolver.dictionary.role(token.lemma_.lower()) is not None
        )

    def _link_named(self, token: Token) -> ActorRef | None:
        """Resolve a noun phrase and complete it from earlier mentions (surname, role)."""
        ref = self.resolver.resolve(token)
        if ref is None:
            return None
        if ref.name and " " not in ref.name and token.ent_type_ == "PERSON":
            for mention in reversed(self.mentions):
                name = mention.actor.name or ""
                if mention.person and name.split()[-1:] == [ref.name] and mention.token < token.i:
                    return replace(
                        ref,
                        name=name,
                        code=ref.code or mention.actor.code,
                        country=ref.country or mention.actor.country,
                        sectors=ref.sectors or mention.actor.sectors,
                    )
        if (
            ref.name is None
            and ref.code
            and len(ref.code) > 3
            and token.tag_ == "NN"
            and token.lemma_.lower() not in self._institutions
        ):
            for mention in reversed(self.mentions):
                if mention.person and mention.actor.code == ref.code and mention.token < token.i:
                    return replace(ref, name=mention.actor.name)
        return ref

    def add_quote_frame(
        self, start: int, end: int, speaker: ActorRef | None, addressee: ActorRef | None
    ) -> None:
        """Record a direct quote so first and second person inside it can be resolved."""
        self.frames.append(QuoteFrame(start, end, speaker, addressee))

    def actor(self, token: Token) -> ActorRef | None:
        """The actor of the phrase headed by ``token``, following coreference links."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in self._person_pronouns or lower in self._group_pronouns:
            return self._pronoun(token)
        two = any(c.lower_ in ("two", "both") for c in token.children)
        if lower in self.words["mentions.group_nouns"] and two:
            group = self.group(token)
            return _at(group[0], token) if group else None
        mention = self._mention_at.get(token.i)
        return mention.actor if mention is not None else self._link_named(token)

    def phrase(self, token: Token) -> ActorRef:
        """The noun phrase headed by ``token`` as an uncoded actor (its text and offsets only)."""
        start, end = self.resolver.phrase_bounds(token)
        span = self.doc[start:end]
        return ActorRef(text=span.text, start=span.start_char, end=span.end_char)

    def note_event(self, event: Event, trigger: Token) -> None:
        """Remember the two sides of a cooperative event; "the two sides" may refer to them later."""
        source, target = event.source, event.target
        if (
            source is not None
            and target is not None
            and source.country
            and target.country
            and source.country != target.country
            and event.root in ("03", "04", "05", "06")
        ):
            self.dyads.append((trigger.i, event.root, source, target))

    def group(self, token: Token) -> list[ActorRef]:
        """The actors a plural expression ("they", "the two sides") refers to.

        The sides of the latest meeting or talks come first (news says "the two sides" after
        reporting talks), then the latest cooperative pair, then two countries named together.
        """
        dyads = [d for d in self.dyads if d[0] < token.i]
        for wanted in ("04", None):
            for _, root, source, target in reversed(dyads):
                if wanted is None or root == wanted:
                    return [source, target]
        before = [m for m in self.mentions if m.token < token.i and m.actor.code]
        for mention in reversed(before):
            partners = [
                m
                for m in before
                if m.sentence == mention.sentence
                and m.token != mention.token
                and m.actor.country
                and m.actor.country != mention.actor.country
            ]
            if partners:
                return [mention.actor, partners[-1].actor]
        return []

    def _pronoun(self, token: Token) -> ActorRef | None:
        lower = token.lower_
        frame = next((f for f in self.frames if f.start <= token.idx < f.end), None)
        if frame is not None and (lower in self._first_plural or lower in self._first_singular):
            plural = lower in self._first_plural
            return _as_side(frame.speaker, token) if plural else _at(frame.speaker, token)
        if frame is not None and lower in self.words["pronouns.second_person"]:
            return _at(frame.addressee, token)
        reporter = self._reporter(token)
        if reporter is not None:
            return _at(reporter, token)
        excluded = self._co_argument(token)
        if lower in self._person_pronouns:
            return _at(self._antecedent(token, person=True, excluded=excluded), token)
        if lower in self._group_pronouns:
            group = self.group(token)
            return _at(group[0], token) if group else None
        if lower in ("it", "its"):
            return _at(self._antecedent(token, person=False, excluded=excluded), token)
        return None

    def _reporter(self, token: Token) -> ActorRef | None:
        """ "Uganda said it had paid", "the miners said they will end": the subject pronoun of
        reported speech is the reporter, when person and number agree."""
        clause = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in self.words["speech.reporter_verbs"]:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        actor = self.actor(subject)
        if actor is None:
            return None
        lower, person = token.lower_, self._is_person(subject)
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        agrees = (
            (lower in ("he", "she") and person)
            or (lower == "they" and (plural or not person))
            or (lower == "it" and not person and not plural)
        )
        return actor if agrees else None

    def _co_argument(self, token: Token) -> str | None:
        """The code of the subject of the pronoun's own clause: an object pronoun never refers to
        it ("Rwanda accused it of ..." - "it" is not Rwanda; "himself" would be)."""
        if token.dep_ not in ("dobj", "dative", "pobj") or token.lower_.endswith("self"):
            return None
        verb = token.head if token.dep_ != "pobj" else token.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = clause_subject(verb)
        if subject is None or subject.i == token.i or subject.pos_ == "PRON":
            return None
        actor = self.actor(subject)
        return actor.code if actor is not None else None

    def _antecedent(self, token: Token, person: bool, excluded: str | None = None) -> ActorRef | None:
        sentence = self._sentence_of.get(token.i, 0)
        candidates = [
            m
            for m in self.mentions
            if m.token < token.i
            and m.person == person
            and sentence - m.sentence <= 3
            and (excluded is None or m.actor.code != excluded)
        ]
        if not person:
            candidates = [m for m in candidates if m.actor.code and sentence - m.sentence <= 1]
        if not candidates:
            return None
        subjects = [m for m in candidates if m.subject]
        return (subjects or candidates)[-1].actor


def _at(actor: ActorRef | None, token: Token) -> ActorRef | None:
    """The antecedent's identity, anchored at the pronoun's own text and offsets."""
    if actor is None:
        return None
    return replace(
        actor,
        text=token.text,
        start=token.idx,
        end=token.idx + len(token.text),
        name=actor.name or actor.text,  # who "it"/"he" is, for readers and scorers alike
        sectors=list(actor.sectors),
    )


def _as_side(actor: ActorRef | None, token: Token) -> ActorRef | None:
    """ "We" in a minister's quote is the minister's side: the same code, without the person's name."""
    ref = _at(actor, token)
    if ref is None:
        return None
    return replace(ref, name=None)
