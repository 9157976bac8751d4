"""The human-readable output (`dateline code --format table`): 80-column layout, terminal safety."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from dateline.records import ActorRef, ArticleRecord, Event, Location, Plover, Quote, Speaker
from dateline.render import print_tables, terminal_safe

BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def _actor(text: str, code: str | None, name: str | None = None) -> ActorRef:
    return ActorRef(text=text, start=0, end=len(text), code=code, name=name)


def _event(**overrides: object) -> Event:
    values: dict[str, object] = {
        "id": "ev1",
        "sentence": 0,
        "start": 10,
        "end": 15,
        "trigger": "talks",
        "source": _actor("Valdorian envoys", "USAGOV", "Government of the Republic of Valdoria abroad"),
        "target": _actor("Ostmark generals", "RUSMIL", "Ostmark armed forces general staff"),
        "cameo": "036",
        "root": "03",
        "quad": 1,
        "goldstein": 3.4,
        "plover": Plover("CONSULT"),
        "date": "2024-03-12",
        "location": Location("Port Zelden", "USA"),
        "confidence": 0.8,
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


def _record(**overrides: object) -> ArticleRecord:
    values: dict[str, object] = {
        "id": "0123456789abcdef",
        "text": "",
        "title": "Valdoria and Ostmark resume border talks",
        "published": "2024-03-12",
        "dateline": "PORT ZELDEN",
        "events": [
            _event(),
            _event(
                id="ev2",
                trigger="condemned",
                source=_actor(
                    "the assembly", "IGOUNO", "Assembly of the Federated Nations of the Southern Seas"
                ),
                target=_actor("the northern militia of the Kessel hill districts", None),
                cameo="1212",
                root="12",
                quad=3,
                goldstein=-2.0,
                plover=Plover("DISAPPROVE"),
                date="2024-03-11",
                location=None,
                confidence=0.55,
                negated=True,
            ),
            _event(id="ev3", trigger="might meet", hypothetical=True, cameo="0362", date=None),
        ],
        "quotes": [
            Quote(
                Speaker("Mira Castellane", "Mira Castellane"),
                "said",
                "We will keep talking until every crossing is open again and families on both sides "
                "can visit each other without a permit",
                0,
                10,
                True,
            ),
            Quote(None, None, "the ferries would run again on Monday", 20, 40, False),
        ],
    }
    values.update(overrides)
    return ArticleRecord(**values)  # type: ignore[arg-type]


def render(*records: ArticleRecord, terminal: bool = False) -> str:
    if terminal:
        console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="truecolor")
    else:
        console = Console(file=io.StringIO(), width=80, color_system=None, force_terminal=False)
    print_tables(records, console)
    out = console.file.getvalue()
    assert isinstance(out, str)
    return out


def test_lines_fit_80_columns() -> None:
    out = render(_record(), _record(title="x" * 200, error="boom " * 40))
    assert out.strip()
    assert max(len(line) for line in out.splitlines()) <= 80


def test_event_line_keeps_codes_whole() -> None:
    lines = render(_record()).splitlines()
    first = next(line for line in lines if "2024-03-12  036" in line)
    for part in ("2024-03-12", "036", "CONSULT", "USAGOV", "RUSMIL", "talks"):
        assert part in first
    second = next(line for line in lines if "2024-03-11" in line)
    for part in ("1212", "DISAPPROVE", "IGOUNO", "condemned"):
        assert part in second
    assert re.search(r"^  2024-03-12  036\s+CONSULT\s+USAGOV -> RUSMIL\s+talks$", first, re.M)


def test_details_line() -> None:
    out = render(_record())
    flat = " ".join(out.split())
    assert "Government of the Republic of Valdoria abroad -> Ostmark armed forces general staff" in flat
    assert "Goldstein +3.4" in out
    assert "Goldstein -2.0" in out
    assert "Port Zelden" in out
    assert "conf. 0.80" in out
    assert "negated" in out
    assert "hypothetical" in out
    assert "(no date)" in out
    # the details lines are indented under their event
    detail = next(line for line in out.splitlines() if "Goldstein +3.4" in line)
    assert detail.startswith("      ") and not detail.startswith("       ")


def test_heading_and_quotes() -> None:
    out = render(_record())
    lines = out.splitlines()
    assert lines[0] == "Valdoria and Ostmark resume border talks  (2024-03-12, PORT ZELDEN)"
    quote = next(line for line in lines if "Mira Castellane" in line)
    assert "(said, direct)" in quote
    assert quote.endswith('…"')
    assert 'unattributed (indirect): "the ferries would run again on Monday"' in out


def test_heading_falls_back_to_id() -> None:
    out = render(_record(title=None, published=None, dateline=None))
    assert out.splitlines()[0] == "0123456789abcdef  (no date)"


def test_no_events() -> None:
    out = render(_record(events=[], quotes=[]))
    assert "  no events" in out.splitlines()


def test_error_record() -> None:
    out = render(ArticleRecord(id="doc-7", text="", error="could not read\nthe page"))
    assert out.splitlines() == ["doc-7  (no date)", "  error: could not read the page"]


@pytest.mark.parametrize("title", ["Ministers meet [/b] again", "Ceasefire holds [updated]", "[bold]x[/]"])
def test_markup_is_literal(title: str) -> None:
    out = render(_record(title=title))
    assert out.splitlines()[0].startswith(title + "  (")


def test_markup_in_every_field_is_literal() -> None:
    event = _event(trigger="[/]", source=_actor("[red]", "[/i]", "[link=x]"), location=Location("[/b]"))
    record = _record(
        id="[/]",
        title=None,
        published="[b]",
        dateline="[/u]",
        events=[event],
        quotes=[Quote(Speaker("[/s]"), "[i]", "[/]", 0, 1, True)],
    )
    out = render(record)
    for part in ("[/]  ([b], [/u])", "[/i] -> RUSMIL   [/]", "[link=x]", "[/b]", '[/s] ([i], direct): "[/]"'):
        assert part in out


def test_controls_are_removed() -> None:
    nasty = "Bad\x1b[31m news\x07 \x1b]0;pwned\x07for\x00 all\u202e \x9b2Jtoday\x7f\x85"
    out = render(
        _record(
            title=nasty,
            dateline="AT\x1b[2J",
            events=[_event(trigger="met\x1b[1A", source=_actor("x", "USA\u2066GOV"))],
            quotes=[Quote(Speaker("Mira\tCastellane"), "said\r\n", "fine\x1bc", 0, 1, True)],
        ),
        ArticleRecord(id="id\x1b[0m", text="", error="bad\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"),
    )
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert not BIDI & set(out)
    assert out.splitlines()[0] == "Bad news for all today  (2024-03-12, AT)"
    assert "USAGOV -> RUSMIL   met" in out
    assert 'Mira Castellane (said, direct): "fine"' in out
    assert "error: badlink" in out


def test_terminal_output_has_no_escape_from_data() -> None:
    record = _record(title="Hacked \x1b]0;pwned\x07 title\x1b[2J", events=[_event(trigger="\x1b[2J")])
    out = render(record, terminal=True)
    assert "\x1b[" in out  # rich styled it: the console is a terminal
    assert "\x1b]0;pwned" not in out
    assert "]0;pwned" not in out
    assert "\x1b[2J" not in out
    assert "Hacked" in out


def test_terminal_safe_examples() -> None:
    assert terminal_safe("plain [b]text[/b] — ünïcode 東京") == "plain [b]text[/b] — ünïcode 東京"
    assert terminal_safe("a\x1b[1;31mb\x1b[0mc") == "abc"
    assert terminal_safe("a\x1b]0;title\x07b") == "ab"
    assert terminal_safe("a\x1b]0;title\x1b\\b") == "ab"
    assert terminal_safe("a\x1bPdcs\x1b\\b\x1bcc\x1b(Bd") == "abcd"
    assert terminal_safe("one\ntwo\r\nthree\tfour") == "one two three four"
    assert terminal_safe("x\x00\x7f\x80\x9f\u202a\u2069y\x1b") == "xy"


FORBIDDEN = st.sampled_from(
    ["\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\n", "\x00", "\x7f", "\u202e", "\u2067"]
)


@given(st.lists(st.one_of(st.text(), FORBIDDEN, st.just("\x1b[31m"), st.just("\x1b]0;x\x07"))).map("".join))
def test_terminal_safe_leaves_no_controls(text: str) -> None:
    out = terminal_safe(text)
    for char in out:
        assert unicodedata.category(char) not in ("Cc", "Cs"), repr(out)
        assert char not in BIDI
    assert terminal_safe(out) == out


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="".join(BIDI))


@given(st.text(PRINTABLE))
def test_terminal_safe_keeps_printable_text(text: str) -> None:
    assert terminal_safe(text) == text


@given(st.text(max_size=120))
def test_any_title_renders_within_80_columns(title: str) -> None:
    out = render(_record(title=title, dateline=title))
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
