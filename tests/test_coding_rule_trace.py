"""Every named rule of the coder, shown firing on a sentence of our own: the event's trace (or,
for a rule that finds a match is no event, `dateline explain`'s note) names it.

The examples are written for the phenomenon each rule decides, not taken from any gold set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.coding.rules import (
    EVENT_RULES,
    Context,
    Draft,
    RuleSettings,
    default_settings,
    derived,
    parties,
    recode,
)
from dateline.errors import ConfigError
from dateline.explain import explain
from dateline.ontology import default_ontology

pytestmark = pytest.mark.slow

#: rule -> a sentence on which it fires.
EXAMPLES = {
    "filter.figurative_object": "The ministry vowed to fight corruption in the ports.",
    "filter.figurative_noun": "A price war between Korean and Taiwanese chipmakers cut profits.",
    "filter.owned_noun_needs_own_actor": "Doctors delivered aid to the flooded villages on Sunday.",
    "filter.noun_mentioned_not_reported": "Chile signed the treaty despite threats of sanctions from Argentina.",
    "filter.habit": "Moldovan officials routinely criticise Tiraspol's customs posts.",
    "filter.partner_is_a_party": "Latvia negotiated the tariff schedule in Brussels last week.",
    "sides.between_names_both": "Talks between Ankara and Athens began on Monday.",
    "filter.source_is_no_actor": "The earthquake hit southern Turkey on Monday.",
    "filter.harm_without_perpetrator": "Nine miners were killed when a gas pocket exploded in Zonguldak.",
    "sides.source_from": "The threat from Belarus alarmed Lithuanian officials.",
    "sides.uncoded_people_act": "Beekeepers protested against the Polish government.",
    "sides.state_acts_where_it_happens": "Three activists were detained in Belarus on Saturday.",
    "sides.actor_inside_object": "Bolivia expelled the Peruvian ambassador on Tuesday.",
    "sides.clause_subject_is_target": "Germany urged that Serbia recognize Kosovo.",
    "code.joint_exercise": "Indian and Japanese warships began naval exercises in the Bay of Bengal.",
    "sides.symmetric_partner": "Ecuador and Colombia held talks in Quito.",
    "code.verbal_attack": "The Kenyan senator attacked the railway contract in a radio interview.",
    "sides.mission_place_is_target": "Bangladesh deployed soldiers to the UN mission in Congo.",
    "sides.forces_moved_are_not_target": "Austria sent troops to the peacekeeping force in Bosnia.",
    "sides.beneficiary": "Qatar provided assistance in rebuilding Gaza's hospitals.",
    "sides.author_of_the_object": "The Bolivian senate passed a resolution on water rights. Chile rejected the resolution.",
    "sides.first_actor_after": "Peru refused to meet the Bolivian foreign minister.",
    "sides.uncoded_target": "Rebels captured three towns in the north.",
    "sides.acted_on": "Serbia lifted the state of emergency.",
    "filter.no_actor": "A bitter fight broke out over the merger.",
    "filter.return_needs_country_target": "The general returned the country to civilian rule.",
    "filter.force_needs_named_side": "Fans attacked the referee after the final whistle.",
    "filter.same_actor_both_sides": "Mexico's president met the president of Mexico.",
    "modality.negated": "Iran did not attack Israel.",
    "modality.hypothetical": "Iran could attack Israel, analysts said.",
    "modality.requested_act_is_not_done": "Germany urged that Serbia recognize Kosovo.",
    "modality.refusal_is_rejection": "Peru refused to meet the Bolivian foreign minister.",
    "modality.threat_verb": "Argentina threatened to impose sanctions on Paraguay.",
    "modality.conditional_threat": "Venezuela said it could cut oil supplies to Guyana if Georgetown expanded drilling.",
    "modality.readiness_is_posture": "Armenian forces prepared to attack Azerbaijani positions.",
    "modality.decision_is_the_sanction": "Sweden announced it would cut aid to Uganda.",
    "modality.conditional_intent_is_threat": "Turkey will attack Kurdish militants in Syria.",
    "modality.intent_to_act": "Poland plans to send aid to Ukraine.",
    "code.seizure_by_fighting": "Rebels seized the town of Tarn after fierce fighting.",
    "code.force_between_armed_sides": "Rebels attacked an army patrol near Goma.",
    "code.own_side_warning": "Serbia's interior minister warned that police will not allow more protests.",
    derived.CONJOINED: "Russia and China vetoed the resolution.",
    derived.REPORTED_DEMAND: "The Uruguayan government said Brazil must withdraw its troops from the border.",
    derived.OBLIGATION: "Germany said Hungary must act.",
    derived.OUTCOME: "A soldier was killed in an ambush by rebels.",
    derived.GAME: "Brazilian fans attacked Argentine supporters after the 3-0 match.",
    "sentence.noun_carries_the_act": "Spain voiced support for Morocco's plan.",
    "sentence.acted_on_is_no_act": "Lawyers protested against the arrest of the opposition leader.",
}
#: Rules that need a situation the parser seldom builds: tested on a draft set up by hand below.
BY_HAND = {"sides.one_phrase_is_one_side", "code.unknown_code_falls_back"}
SENTENCE_RULES = {
    derived.CONJOINED,
    derived.REPORTED_DEMAND,
    derived.OBLIGATION,
    derived.OUTCOME,
    derived.GAME,
    "sentence.noun_carries_the_act",
    "sentence.acted_on_is_no_act",
}


def test_every_rule_that_can_fire_has_an_example() -> None:
    named = {r.name for r in EVENT_RULES if not r.silent} | SENTENCE_RULES
    assert set(EXAMPLES) | BY_HAND == named


def test_rules_are_named_by_family_documented_and_unique() -> None:
    names = [r.name for r in EVENT_RULES]
    assert len(names) == len(set(names))
    families = {"filter", "sides", "modality", "code"}
    for step in EVENT_RULES:
        family, _, what = step.name.partition(".")
        assert family in families and what.isidentifier(), step.name
        assert step.doc, f"{step.name} has no docstring"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_trace_names_the_rule_that_fired(name: str, pipeline: Any) -> None:
    result = explain(EXAMPLES[name], published="2024-05-10", pipeline=pipeline)
    fired = {step.rule for event in result.events for step in event.rules}
    dropped = {c.note.split(":")[0].removeprefix("matched, dropped by ") for c in result.candidates}
    assert name in fired | dropped, (fired, dropped)
    for event in result.events:
        for step in event.rules:
            assert step.reason and "\n" not in step.reason and len(step.reason) < 200


def _draft(pipeline: Any, text: str, lemma: str) -> tuple[Draft, Context]:
    from dateline.actors import ActorResolver
    from dateline.coref import Coreference

    pipeline.setup()
    doc = pipeline.nlp.pipe([text])[0]
    coder = pipeline.coder
    match = next(m for m in (coder._match(t) for t in doc) if m is not None and m.trigger.lemma_ == lemma)
    context = coder.context(Coreference(doc, ActorResolver(pipeline.dictionary)))
    subject = next(t for t in match.trigger.children if t.dep_ == "nsubj")
    return Draft(match, match.pattern.code, subject, match.target), context


def test_one_phrase_is_not_both_sides(pipeline: Any) -> None:
    draft, context = _draft(pipeline, "Kenya criticized Uganda.", "criticize")
    draft.target_head = draft.source_head  # as when a parse attaches the subject twice
    assert parties.one_phrase_is_one_side(draft, context) is not None
    assert draft.target_head is None


def test_a_code_the_tables_lack_falls_back_to_the_patterns(pipeline: Any) -> None:
    draft, context = _draft(pipeline, "Kenya criticized Uganda.", "criticize")
    draft.code = "1999"
    assert recode.unknown_code_falls_back(draft, context) is not None
    assert draft.code == draft.match.pattern.code and draft.code in default_ontology()


def test_settings_name_cameo_codes_and_every_weight_the_rules_read() -> None:
    settings, ontology = default_settings(), default_ontology()
    roots = {entry.code for entry in ontology.roots()}
    for group, prefixes in settings.roots.items():
        assert prefixes, group
        assert all(p[:2] in roots and (len(p) == 2 or p in ontology) for p in prefixes), group
    for name, code in settings.codes.items():
        assert code in ontology or (name == "conditional_threat_from" and code in roots), name
    assert all(-1 < w < 1 or name == "pattern_words" for name, w in settings.weights.items())


def test_a_users_rules_toml_overrides_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text('[codes]\narmed_clash = "193"\n[confidence]\nbase = 0.4\n')
    settings = RuleSettings.load([tmp_path])
    assert settings.codes["armed_clash"] == "193" and settings.weights["base"] == 0.4
    assert settings.codes["threat"] == default_settings().codes["threat"]  # the rest is ours
    (tmp_path / "rules.toml").write_text("[roots\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        RuleSettings.load([tmp_path])
    (tmp_path / "rules.toml").write_text("[weights]\nbase = 1\n")
    with pytest.raises(ConfigError, match="unknown table"):
        RuleSettings.load([tmp_path])


def test_a_users_rules_toml_reaches_the_coder(tmp_path: Path) -> None:
    from dateline.pipeline import Pipeline, PipelineConfig
    from dateline.records import RawDocument

    (tmp_path / "rules.toml").write_text('[codes]\narmed_clash = "193"\n')
    pipeline = Pipeline(PipelineConfig(data_dirs=(str(tmp_path),)))
    record = pipeline.process(RawDocument(id="r", text=EXAMPLES["code.force_between_armed_sides"]))
    assert [e.cameo for e in record.events] == ["193"]
    assert record.events[0].rules[-1].rule == "code.force_between_armed_sides"
