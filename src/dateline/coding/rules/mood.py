"""Rules that read the act's modality off the verbs that govern its trigger: negated, hypothetical
or requested; refused (CAMEO 12), threatened (13), or intended (03, 13, 15).

The code-changing rules are exclusive and tried in order: the first that applies settles the
code (`Mood.settled`), as a reader takes "refused to" before "threatened to" before "will".
"""

from __future__ import annotations

from ... import syntax
from .. import modality, sides
from .base import Context, Draft, quoted, rule


@rule("modality.read", silent=True)
def read(draft: Draft, context: Context) -> str | None:
    """The trigger's governing verbs ("plans to", "refused to") and what they say."""
    trigger, lexicon = draft.trigger, context.lexicon
    draft.governors = syntax.governors(trigger)
    draft.mood.intent = modality.has_intent(trigger, draft.governors, lexicon)
    draft.mood.refusal = modality.refusal(draft.governors, lexicon)
    draft.mood.condition = modality.condition(trigger, draft.governors)
    return None


@rule("modality.negated")
def negated(draft: Draft, context: Context) -> str | None:
    """ "Did not attack", "no talks", "refused to meet": the act did not happen."""
    if not modality.negated(draft.trigger, draft.governors, context.lexicon):
        return None
    draft.negated = True
    return "a negation or a verb of refusal governs the act"


@rule("modality.hypothetical")
def hypothetical(draft: Draft, context: Context) -> str | None:
    """ "Could strike", "if talks fail", "a bid to seize the town": the act may happen, it has not."""
    if not modality.hypothetical(draft.trigger, draft.governors, context.lexicon):
        return None
    draft.hypothetical = True
    return "a modal verb, a condition or a purpose governs the act"


@rule("modality.requested_act_is_not_done")
def requested_act_is_not_done(draft: Draft, context: Context) -> str | None:
    """ "Called on the parties to sign", "accused the army of shelling": an act that an appeal, a
    demand or an accusation asks for or alleges is not established; the appeal is."""
    if draft.hypothetical:
        return None
    if not modality.requested(draft.trigger, draft.governors, context.lexicon, context.settings):
        return None
    draft.hypothetical = True
    return "an appeal, a demand or an accusation asks for it or alleges it"


@rule("modality.refusal_is_rejection")
def refusal_is_rejection(draft: Draft, context: Context) -> str | None:
    """ "Refused to meet", "will not lift the sanctions": refusing a cooperative act is a
    rejection (CAMEO 12), an act in its own right, not a negated act."""
    mood = draft.mood
    mood.stated_refusal = draft.negated and mood.intent
    if mood.refusal is None and not mood.stated_refusal:
        return None
    code = context.lexicon.refusal_code(draft.code)
    if code is None:
        return None
    before = draft.code
    draft.code, draft.negated, mood.settled = code, False, True
    how = f"the verb {quoted(mood.refusal)}" if mood.refusal is not None else "a negated intent"
    return f"{how} refuses {before}: a rejection ({code})"


@rule("modality.threat_verb")
def threat_verb(draft: Draft, context: Context) -> str | None:
    """ "Threatened to impose sanctions", "warned it would strike": a threat (CAMEO 13)."""
    governor = draft.governors[0] if draft.governors else None
    if draft.mood.settled or governor is None or governor.lemma_.lower() not in context.lexicon.threat_verbs:
        return None
    draft.mood.settled = True
    code = context.lexicon.threat_code(draft.code)
    if code is None or code == draft.code:
        return None
    before, draft.code = draft.code, code
    return f"{quoted(governor)} makes {before} a threat ({code})"


@rule("modality.conditional_threat")
def conditional_threat(draft: Draft, context: Context) -> str | None:
    """ "The minister said his country could cut gas supplies if ...": a hostile act its own side
    says it may take on a condition is a threat (13). Said by anyone else ("... could attack if
    talks fail, analysts said") it stays a hypothetical act."""
    if draft.mood.settled or not draft.hypothetical or not _own_conditional(draft, context):
        return None
    before = draft.code
    draft.code = context.lexicon.threat_code(before) or context.settings.codes["threat"]
    draft.hypothetical, draft.mood.settled = False, True
    return (
        f"its own side announces {before} on a condition ({draft.mood.condition!r}): a threat ({draft.code})"
    )


def _own_conditional(draft: Draft, context: Context) -> bool:
    """Whether the source's own side says, with a modal, it will act on a condition."""
    lexicon, settings = context.lexicon, context.settings
    clause = modality.clause_of(draft.trigger, draft.governors)
    if not any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in clause.children):
        return False
    condition = draft.mood.condition
    if condition is None or (condition == "if" and not settings.applies("hostile", draft.code)):
        return False
    source = draft.source
    reporting = lexicon.words["speech.reporting_verbs"]
    reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporting
    if source is None or not reported:
        return False
    reporter = syntax.clause_subject(clause.head)
    speaker = context.find(reporter)
    return speaker is not None and (
        sides.same_actor(speaker, source) or bool(speaker.country and speaker.country == source.country)
    )


def _intends(draft: Draft) -> bool:
    """Whether a stated intent (not a refusal) is still to settle the code."""
    return not draft.mood.settled and draft.mood.intent and not draft.mood.stated_refusal


@rule("modality.readiness_is_posture")
def readiness_is_posture(draft: Draft, context: Context) -> str | None:
    """ "The army got ready to resume its barrage": getting ready to use force is military posture
    (CAMEO 15), not a verbal threat."""
    if not _intends(draft) or draft.mood.condition is not None:
        return None
    governor = draft.governors[0] if draft.governors else None
    if governor is None or governor.lemma_.lower() not in context.lexicon.posture_verbs:
        return None
    if not context.settings.applies("posture", draft.code):
        return None
    before = draft.code
    draft.code, draft.mood.settled = context.lexicon.posture_code, True
    return f"{quoted(governor)} to use force ({before}) is posture ({draft.code})"


@rule("modality.decision_is_the_sanction")
def decision_is_the_sanction(draft: Draft, context: Context) -> str | None:
    """ "Announced it would cut aid": a sanction reported as decided is the sanction, not an
    intent (unless it is a plain future or announced on a condition)."""
    if not _intends(draft) or draft.mood.condition is not None:
        return None
    if not context.settings.applies("sanction", draft.code):
        return None
    if modality.future(draft.trigger, draft.governors, context.lexicon):
        return None
    draft.mood.settled = True
    return f"a sanction reported as decided: {draft.code} itself, not an intent"


@rule("modality.conditional_intent_is_threat")
def conditional_intent_is_threat(draft: Draft, context: Context) -> str | None:
    """ "Will withdraw unless ...", "will strike": a hostile act announced, or any act from root
    09 on announced on a condition, is a threat (13)."""
    if not _intends(draft):
        return None
    settings, condition = context.settings, draft.mood.condition
    from_root = settings.codes["conditional_threat_from"]
    if not (
        condition == "unless"
        or settings.applies("hostile", draft.code)
        or (condition == "if" and draft.code[:2] >= from_root)
    ):
        return None
    before = draft.code
    draft.code = context.lexicon.threat_code(before) or settings.codes["threat"]
    draft.mood.settled = True
    why = f"announced on the condition {condition!r}" if condition else "a hostile act announced"
    return f"{why}: {before} is a threat ({draft.code})"


@rule("modality.intent_to_act")
def intent_to_act(draft: Draft, context: Context) -> str | None:
    """ "Plans to send aid", "will visit", "would join the talks if ...": an act announced is
    an intent to do it (CAMEO 03); a conditional offer is still an offer."""
    if not _intends(draft):
        return None
    draft.mood.settled = True
    code = context.lexicon.intent_code(draft.code)
    if code == draft.code:
        return None
    before, draft.code = draft.code, code
    return f"announced, not done: intent to {before} ({code})"
