"""Mangled quote marks are restored for the parser at the same length (offsets stay valid)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.nlp import readable

BAD = "\ufffd\ufffd\ufffd"


def test_apostrophes_and_quotes_are_restored() -> None:
    text = f"Moscow{BAD}s will and {BAD}Enough{BAD} rallies; they don{BAD}t care."
    fixed = readable(text)
    assert fixed.startswith("Moscow's''")
    assert '"' * 3 + "Enough" + '"' * 3 in fixed
    assert "don't''" in fixed


def test_clean_text_is_untouched() -> None:
    text = "Russia’s foreign minister said “no”."
    assert readable(text) is text


@given(st.text(alphabet=st.sampled_from(["a", "s", "t", " ", "\ufffd", "."]), max_size=60))
def test_length_is_kept(text: str) -> None:
    assert len(readable(text)) == len(text)
