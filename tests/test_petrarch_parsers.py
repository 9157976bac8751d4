"""One reader per PETRARCH dictionary format, shared by the importer and the engine."""

from __future__ import annotations

from pathlib import Path

from dateline.petrarch.actors import ActorRows, convert_actors, parse_actors
from dateline.petrarch.agents import Agent, parse_agents, read_agents
from dateline.petrarch.dictionary import load
from dateline.petrarch.reader import Tally, strip_comments
from dateline.petrarch.verbs import parse_verbs


def lines(text: str) -> list[str]:
    return strip_comments(text.splitlines())


def test_the_engine_indexes_the_entries_the_importer_converts(tmp_path: Path) -> None:
    text = "ARNOR [ARN]\n+NORTH_KINGDOM\nLORIEN [ELR/GAL]\n__ [GON]\n+MINAS_TIRITH\n"
    path = tmp_path / "toy.actors.txt"
    path.write_text(text, encoding="utf-8")
    tally = Tally("actors")
    entries = parse_actors(lines(text), tally)
    assert [e.phrases[0] for e in entries] == [["ARNOR"], ["LORIEN"], []]
    assert entries[1].default is not None and entries[1].default.codes == ("ELR", "GAL")
    assert entries[1].default.code == "ELR" and tally.skipped["bad_line"] == 1

    dicts = load([path])
    north = dicts.actors.longest(["NORTH", "KINGDOM"], 0)
    assert north is not None and north[1] == entries[0]
    minas = dicts.actors.longest(["MINAS", "TIRITH"], 0)
    assert minas is not None and minas[1].codes_on(None) == ("GON",)  # type: ignore[attr-defined]
    assert dicts.skipped == {"actor_bad_line": 1}

    rows = ActorRows()
    convert_actors(entries, rows, Tally("actors"))
    assert set(rows.countries) == {"ARN", "ELR"}  # the importer keeps the first of [A/B]
    assert rows.countries["ARN"]["aliases"] == "North Kingdom"
    assert rows.countries["ELR"]["aliases"] == ""  # Minas Tirith is the wordless headword's, not Lorien's


def test_agents_read_once_for_roles_and_the_engine(tmp_path: Path) -> None:
    text = "MINISTER [~GOV]\nCHARITY [NGO~]\nPOLICE {} [~COP]\nCHIEF {CHIEVES} [~LED]\nTHIEF [GOV]\n"
    path = tmp_path / "toy.agents.txt"
    path.write_text(text, encoding="utf-8")
    tally = Tally("agents")
    entries = read_agents(lines(text), tally)
    assert [e.agent for e in entries] == [Agent("GOV"), Agent("NGO", True), Agent("COP"), Agent("LED")]
    assert [e.plural for e in entries] == [None, None, [], ["CHIEVES"]]
    assert tally.skipped["bad_code"] == 1

    roles = {r["phrase"]: r["plural"] for r in parse_agents(lines(text), Tally("agents"))}
    assert roles == {"minister": "ministers", "charity": "charities", "police": "", "chief": "chieves"}
    dicts = load([path])
    assert dicts.agents.longest(["CHARITIES"], 0) == (1, Agent("NGO", prefix=True))
    assert dicts.agents.longest(["CHIEVES"], 0) == (1, Agent("LED"))
    assert dicts.skipped == {"agent_bad_code": 1}


def test_verbs_read_once_for_rows_and_the_engine(tmp_path: Path) -> None:
    text = "&GOODS_\n+GOLD\n\n--- GIVE [070] ---\nGIVE {GAVE GIVEN}\n+HAND_OVER\n- * &GOODS [071]\n"
    path = tmp_path / "toy.verbs.txt"
    path.write_text(text, encoding="utf-8")
    blocks, synsets = parse_verbs(lines(text), Tally("verbs"))
    give, hand = blocks[0].verbs
    assert (give.word, give.irregular, give.lemma) == ("GIVE", ["GAVE", "GIVEN"], "give")
    assert (hand.word, hand.after, hand.extra) == ("HAND", ["OVER"], ["over"])
    assert synsets["GOODS"] == ["GOLD"] and synsets["GOODS"].plurals == [False]

    dicts = load([path])
    assert dicts.blocks == blocks
    assert dicts.forms["GAVE"] == [(0, 0)] and dicts.forms["HANDED"] == [(0, 1)]
    assert dicts.synsets["GOODS"] == [("GOLD",)]  # a label ending in _: no plurals
