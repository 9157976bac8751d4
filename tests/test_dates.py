"""Event dates: relative expressions against the publication date (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.dates import resolve

WEDNESDAY = date(2018, 2, 21)


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("Tuesday", date(2018, 2, 20), "day"),
        ("on Monday", date(2018, 2, 19), "day"),
        ("Wednesday", date(2018, 2, 21), "day"),
        ("last Wednesday", date(2018, 2, 14), "day"),
        ("Thursday", date(2018, 2, 15), "day"),
        ("yesterday", date(2018, 2, 20), "day"),
        ("today", date(2018, 2, 21), "day"),
        ("last week", date(2018, 2, 12), "week"),
        ("earlier this month", date(2018, 2, 1), "month"),
        ("last month", date(2018, 1, 1), "month"),
        ("February 3", date(2018, 2, 3), "day"),
        ("3 March 2017", date(2017, 3, 3), "day"),
        ("December 12", date(2017, 12, 12), "day"),
        ("last year", date(2017, 1, 1), "year"),
    ],
)
def test_resolve(expression: str, expected: date, precision: str) -> None:
    assert resolve(expression, WEDNESDAY) == (expected, precision)


def test_unknown_expression() -> None:
    assert resolve("four days", WEDNESDAY) is None


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(
        ["Monday", "Sunday", "yesterday", "last week", "last month", "March 30", "earlier this month"]
    ),
)
def test_never_after_publication(base: date, expression: str) -> None:
    resolved = resolve(expression, base)
    assert resolved is None or resolved[0] <= base
