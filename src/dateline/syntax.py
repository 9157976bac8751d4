"""Syntax helpers shared by the coder, coreference and quotes: who is the subject of a clause,
what a noun trigger's actor is, which verbs govern a complement."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})

OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "persuade",
        "force",
        "tell",
        "order",
        "invite",
        "press",
        "encourage",
        "allow",
        "help",
        "compel",
        "request",
        "pressure",
        "push",
    }
)

#: Verbs of expression: with a verbal act as object ("pledged support", "voiced criticism",
#: "issued a demand") the object is the act and the verb lends it its subject.
EXPRESSIVE_VERBS = frozenset(
    {
        "express",
        "voice",
        "reaffirm",
        "reiterate",
        "renew",
        "convey",
        "extend",
        "pledge",
        "offer",
        "announce",
        "declare",
        "state",
        "lend",
        "register",
        "lodge",
        "issue",
        "repeat",
        "signal",
        "affirm",
        "underline",
        "stress",
        "emphasize",
        "emphasise",
    }
)

#: Verbs that lend their subject to a noun trigger: "held talks with", "is on a visit to".
LIGHT_VERBS = frozenset(
    {
        "stag",  # the md model lemmatises "staged" as "stag"
        "commit",
        "perpetrate",
        "stage",
        "hold",
        "have",
        "conduct",
        "pay",
        "make",
        "launch",
        "carry",
        "begin",
        "start",
        "continue",
        "resume",
        "mount",
        "be",
        "attend",
        "give",
        "provide",
        "send",
        "deliver",
        "offer",
        "extend",
        "announce",
        "follow",
        "after",
        "take",
        "join",
        "lead",
        "sign",
        "reach",
        "issue",
        "impose",
        "conclude",
        "open",
        "end",
        "wrap",
        "kick",
        "step",
        "intensify",
        "escalate",
        "order",
        "undertake",
        "hit",
        "receive",
        "express",
        # aspect: the subject does what the object names ("sped up the evacuation")
        "speed",
        "accelerate",
        "complete",
        "finish",
        "expand",
        "initiate",
        "organize",
        "organise",
        "perform",
        "pursue",
    }
)

ACTOR_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

#: "visited Moscow for talks with Putin", "during a visit to": the verb's subject takes part.
PARTICIPANT_PREPOSITIONS = frozenset({"for", "during", "after", "before", "following", "at", "ahead"})


def direct_object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "dobj"), None)


def source_head(trigger: Token, passive: bool, is_verb: bool, climb: bool = True) -> Token | None:
    """The head of the source phrase; ``climb=False`` keeps a noun to its own modifiers."""
    if passive:
        agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if is_verb:
        return clause_subject(trigger)
    return noun_source(trigger, climb)


def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``'s clause, inherited from governors where English leaves it out."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:  # the parser sometimes hangs the subject on the auxiliary ("Vietnam is")
        subject = next(
            (
                s
                for a in verb.children
                if a.dep_ in ("aux", "auxpass")
                for s in a.children
                if s.dep_ in SUBJECT_DEPS
            ),
            None,
        )
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "xcomp":
        if head.lemma_ in OBJECT_CONTROL:
            obj = direct_object(head)
            if obj is not None:
                return obj
        return clause_subject(head, depth + 1)
    if verb.dep_ in ("acomp", "attr") or (verb.pos_ == "ADJ" and verb.dep_ != "amod"):
        return clause_subject(head, depth + 1)  # "is ready to talk", "is willing to send"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        accused = direct_object(head.head)
        if accused is not None:  # "accused Kigali of backing rebels": Kigali backs them
            return accused
    if verb.dep_ == "conj":
        return clause_subject(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        return head
    if purpose_clause(verb):
        return clause_subject(head, depth + 1)  # "reopened the port to let grain through": a purpose
    if verb.dep_ in ("advcl", "pcomp", "prep") and verb.tag_ in ("VBG", "VBN"):
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
        return clause_subject(head, depth + 1)
    return None


#: Nouns that count or measure acts: "ten days of war games", "a wave of strikes".
MEASURE_NOUNS = frozenset(
    {
        "day",
        "week",
        "month",
        "year",
        "hour",
        "series",
        "wave",
        "round",
        "spate",
        "string",
        "number",
        "couple",
        "set",
        "bout",
        "flurry",
        "barrage",
        "volley",
        "campaign",
        "program",
        "programme",
        "cycle",
        "session",
        "lot",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "score",
        "group",
        "handful",
    }
)


def measured(token: Token) -> Token | None:
    """What a measure noun counts: "refugees" in "thousands of refugees", "talks" in "a round of
    talks"; None for any other token."""
    if token.lemma_.lower() not in MEASURE_NOUNS:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None


def _agent_after_target(noun: Token) -> Token | None:
    """The by-phrase the parser hangs on the noun's target: in "an ambush on a convoy by
    militiamen" the militiamen attack, they do not belong to the convoy."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against", "upon"):
            continue
        for target in prep.children:
            for by in target.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    return next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


def noun_source(noun: Token, climb: bool = True) -> Token | None:
    """The actor of a noun trigger: its possessor or by-phrase, else the subject of a light verb."""
    if noun.pos_ == "ADJ" and noun.dep_ == "acomp":
        return clause_subject(noun.head)  # "Sudan is responsible for the killings"
    while (
        noun.dep_ == "conj"
        and noun.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "poss" for c in noun.children)
    ):
        noun = noun.head  # "its firm refusal and sharp criticism of": one actor for both
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    agent = _agent_after_target(noun)
    if agent is not None:
        return agent
    for child in noun.children:
        if (
            child.dep_ in ("amod", "compound", "nmod")
            and child.i < noun.i
            and child.ent_type_ in ACTOR_ENTITY_LABELS
        ):
            return child
    if not climb:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_NOUNS:
        noun = noun.head.head  # "launched ten days of war games", "held a new round of talks"
    verb: Token | None = None
    if noun.dep_ in ("dobj", "oprd") or (noun.dep_ == "pobj" and noun.head.pos_ == "VERB"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head  # "is on a visit to", "held a meeting in"
    if verb is None:
        return None
    participant = noun.dep_ == "pobj" and noun.head.lower_ in PARTICIPANT_PREPOSITIONS
    lends = verb.lemma_.lower() in LIGHT_VERBS or verb.lemma_.lower() in EXPRESSIVE_VERBS
    if not lends and verb.dep_ not in ("prep", "advcl", "pcomp") and not participant:
        return None
    return clause_subject(verb)


def purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose ("visited Seoul to discuss trade"): its act shares the subject,
    modality and negation of the verb it hangs off."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governors(trigger: Token) -> list[Token]:
    """Verbs governing the trigger as open complements, nearest first ("plan to continue giving")."""
    chain: list[Token] = []
    node = trigger
    if node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.dep_ in ("xcomp", "pcomp"):
        node = node.head
    for _ in range(4):
        if node.dep_ == "xcomp" or (node.dep_ == "pcomp" and node.tag_ == "VBG") or purpose_clause(node):
            node = node.head
            if node.pos_ == "ADP":  # "capable of fighting": the preposition hangs off the adjective
                node = node.head
            chain.append(node)
        else:
            break
    return chain


def salience(trigger: Token) -> float:
    """Main-clause acts outrank acts mentioned in passing (relative clauses, noun phrases)."""
    if any(a.dep_ == "relcl" for a in trigger.ancestors):
        return -0.15  # "monitors, who watch over the truce": background to the main act
    node, hops = trigger, 0
    while node.dep_ in ("xcomp", "conj", "ccomp", "aux") and hops < 3:
        node, hops = node.head, hops + 1
    if node.dep_ == "ROOT":
        return 0.1
    if node.dep_ in ("relcl", "acl", "advcl", "pcomp", "pobj", "amod"):
        return -0.1
    return 0.0
