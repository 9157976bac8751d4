"""`dateline.open_store`: a store's tables as Arrow, pandas or polars, filtered, read-only."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import dateline
from dateline.errors import ConfigError, StoreError
from dateline.store import Store
from test_dataset import _article


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write(
            [
                _article("a", "Ruritania shelled Zenda.", url="https://one.example/a"),
                _article("b", "Zenda was shelled again.", url="https://two.example/b"),
                _article("c", "An air strike hit Zenda.", cameo="195", date="2021-07-01"),
            ]
        )
    return path


def test_tables_come_as_arrow_pandas_or_polars(db: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    with dateline.open_store(db) as store:
        arrow = store.events()
        assert arrow.num_rows == 2 and sorted(arrow.column("num_mentions").to_pylist()) == [1, 2]
        assert len(store.mentions(to="pandas")) == 3
        assert store.articles(to="polars").height == 3
        assert store.quotes().num_rows == 0 and store.places().num_rows == 0


def test_filters_are_keyword_arguments(db: Path) -> None:
    with dateline.open_store(db) as store:
        assert sorted(store.events(root="19").column("cameo").to_pylist()) == ["190", "195"]
        assert store.events(since="2021-06-15").column("cameo").to_pylist() == ["195"]
        assert store.events(country="FRD").num_rows == 2 and store.events(country="USA").num_rows == 0
        assert store.mentions(root=["19"]).num_rows == 3


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.events(colour="red"), "unknown filter"),
        (lambda s: s.events(since="yesterday"), "ISO date"),
        (lambda s: s.events(root="1; DROP TABLE events"), "CAMEO root"),
        (lambda s: s.events(to="excel"), "to="),
    ],
)
def test_bad_arguments_are_config_errors(db: Path, call, message: str) -> None:  # type: ignore[no-untyped-def]
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with dateline.open_store(db) as store, pytest.raises(ConfigError, match=message):
        call(store)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_no_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        dateline.open_store(tmp_path / "absent.duckdb")
