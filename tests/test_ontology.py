"""Tests for the shipped CAMEO ontology (``dateline.ontology`` and ``data/cameo.tsv``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.ontology import (
    PLOVER_TYPES,
    QUAD_CLASSES,
    CameoCode,
    Ontology,
    UnknownCameoCode,
    default_ontology,
    pentaclass,
    quad_class,
)
from dateline.resources import data_path

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO_ROOT / ".." / "shared" / "gold" / "reference"
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_cameo_table.py"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return default_ontology()


def test_counts(onto: Ontology) -> None:
    assert len(onto) == 312
    assert len(list(onto)) == 312
    assert [r.code for r in onto.roots()] == [f"{n:02d}" for n in range(1, 21)]


def test_default_ontology_is_cached() -> None:
    assert default_ontology() is default_ontology()


def test_every_code_is_well_formed(onto: Ontology) -> None:
    for entry in onto:
        assert entry.code.isdigit() and len(entry.code) in (2, 3, 4), entry
        assert entry.root in onto, entry
        assert entry.code.startswith(entry.root)
        assert entry.name and entry.name == entry.name.strip() and entry.name[0].isupper(), entry
        assert -10.0 <= entry.goldstein <= 10.0, entry
        assert entry.quad in QUAD_CLASSES, entry
        assert entry.quad == quad_class(entry.root), entry
        if len(entry.code) == 4:
            assert entry.code[:3] in onto, entry


def test_plover_events(onto: Ontology) -> None:
    for entry in onto:
        if entry.root == "01":
            assert entry.plover_event is None and entry.plover_mode is None and not entry.plover_context
        else:
            assert entry.plover_event in PLOVER_TYPES, entry
        assert all(c and "|" not in c and ";" not in c for c in entry.plover_context), entry


def test_appeals_mirror_demands(onto: Ontology) -> None:
    for entry in onto:
        if entry.root == "02" and not entry.is_root:
            demand = onto.get("10" + entry.code[2:])
            assert entry.plover_event == "REQUEST"
            assert entry.plover_context == demand.plover_context, entry


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad", "event", "mode", "context"),
    [
        ("051", "Praise or endorse", 3.4, 1, "SUPPORT", None, ("diplomatic",)),
        ("042", "Make a visit", 1.9, 1, "CONSULT", "visit", ()),
        ("190", "Use conventional military force", -10.0, 4, "ASSAULT", None, ("military",)),
        ("0311", "Express intent to cooperate economically", 5.2, 1, "AGREE", None, ("economic",)),
        ("1121", "Accuse of crime, corruption", -2.0, 3, "ACCUSE", "allege", ("crime", "corruption")),
        ("020", "Make an appeal or request", 3.0, 1, "REQUEST", None, ()),
        ("0231", "Appeal for economic aid", 3.4, 1, "REQUEST", "assist", ("economic",)),
        ("010", "Make statement", 0.0, 1, None, None, ()),
        ("01", "Make public statement", 0.0, 1, None, None, ()),
        ("08", "Yield", 5.0, 2, "CONCEDE", None, ()),
        ("175", "Use tactics of violent repression", -9.0, 4, "ASSAULT", "pro_autocracy", ("military",)),
    ],
)
def test_spot_facts(
    onto: Ontology,
    code: str,
    name: str,
    goldstein: float,
    quad: int,
    event: str | None,
    mode: str | None,
    context: tuple[str, ...],
) -> None:
    assert onto.get(code) == CameoCode(code, name, goldstein, quad, event, mode, context)


def test_unknown_code(onto: Ontology) -> None:
    for bad in ("42", "999", "0420", "", "51"):
        assert bad not in onto
        with pytest.raises(UnknownCameoCode, match="unknown CAMEO code") as info:
            onto.get(bad)
        assert isinstance(info.value, KeyError)
    assert 51 not in onto
    assert [] not in onto


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        ("01", 0),
        ("02", 0),
        ("03", 1),
        ("05", 1),
        ("06", 2),
        ("08", 2),
        ("09", 3),
        ("13", 3),
        ("14", 4),
        ("15", 4),
        ("16", 3),
        ("17", 4),
        ("20", 4),
    ],
)
def test_pentaclass(root: str, expected: int) -> None:
    assert pentaclass(root) == expected


def test_pentaclass_property(onto: Ontology) -> None:
    assert onto.get("0231").pentaclass == 0
    assert onto.get("1622").pentaclass == 3
    assert onto.get("145").pentaclass == 4


def test_quad_class() -> None:
    assert [quad_class(f"{n:02d}") for n in range(1, 21)] == [1] * 5 + [2] * 4 + [3] * 5 + [4] * 6
    assert QUAD_CLASSES[1] == "verbal cooperation" and QUAD_CLASSES[4] == "material conflict"
    for bad in ("1", "00", "21", "042", "ab"):
        with pytest.raises(ValueError):
            quad_class(bad)
        with pytest.raises(ValueError):
            pentaclass(bad)


def test_plover_types() -> None:
    assert len(PLOVER_TYPES) == 16 == len(set(PLOVER_TYPES))


@pytest.mark.skipif(not REFERENCE_DIR.is_dir(), reason=f"reference files not available at {REFERENCE_DIR}")
def test_build_script_reproduces_table(tmp_path: Path) -> None:
    out = tmp_path / "cameo.tsv"
    subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), str(REFERENCE_DIR), "--output", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == data_path("cameo.tsv").read_bytes()
