"""Text cleaning before parsing: format characters out, NFC, and offsets mapped back exactly."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dateline.cleaning import DIRTY, clean_text


def test_dirty_class_covers_every_format_control_and_separator_character() -> None:
    missing = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cf", "Cc", "Zl", "Zp")
        and chr(c) not in "\t\n\r"
        and not DIRTY.match(chr(c))
    ]
    assert missing == []


def test_invisible_characters_go_controls_become_spaces_and_text_is_composed() -> None:
    source = "\ufeffThe U\u200bN envoy\u200e met Fe\u0301lix\x07 in Quito\u2028today."
    cleaned = clean_text(source)
    assert cleaned.text == "The UN envoy met F\u00e9lix  in Quito\ntoday."


def test_c1_controls_left_by_double_decoding_do_not_split_words() -> None:
    assert (
        clean_text("Minister Ren\u00c3\u0083\u00c2\u00a9 Dupont").text
        == "Minister Ren\u00c3\u00c2\u00a9 Dupont"
    )


def test_clean_text_is_returned_as_is() -> None:
    cleaned = clean_text("Nothing to clean here.\nA second line.\tTabbed.")
    assert cleaned.origins is None and cleaned.text == "Nothing to clean here.\nA second line.\tTabbed."


def test_spans_map_back_to_the_source() -> None:
    source = "Talks in Ni\u200bger and Be\u0301nin ended."
    cleaned = clean_text(source)
    for word in ("Niger", "B\u00e9nin", "ended"):
        start = cleaned.text.index(word)
        begin, end = cleaned.original(start, start + len(word), source)
        assert clean_text(source[begin:end]).text == word


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_every_cleaned_span_maps_inside_the_source(source: str) -> None:
    cleaned = clean_text(source)
    assert not DIRTY.search(cleaned.text)
    for start in range(len(cleaned.text) + 1):
        for end in range(start, min(len(cleaned.text), start + 5) + 1):
            begin, finish = cleaned.original(start, end, source)
            assert 0 <= begin <= finish <= len(source)
