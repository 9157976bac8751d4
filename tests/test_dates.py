"""Event dates: relative expressions against the publication date (pure functions), then whole
sentences coded end to end (slow), where the clause decides whether "Friday" is past or coming.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Coder, show
from dateline.dates import WEEKDAYS, _parse_iso, resolve
from dateline.records import ArticleRecord

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
        ("in 2009", date(2009, 1, 1), "year"),
        ("2016", date(2016, 1, 1), "year"),
    ],
)
def test_resolve(expression: str, expected: date, precision: str) -> None:
    assert resolve(expression, WEDNESDAY) == (expected, precision)


def test_unknown_expression() -> None:
    assert resolve("four days", WEDNESDAY) is None


def test_days_that_do_not_exist_resolve_to_nothing() -> None:
    assert resolve("February 29", date(2024, 2, 20)) is None  # 2024-02-29 is ahead; 2023 had none
    assert resolve("February 30", WEDNESDAY, forward=True) is None


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(
        ["Monday", "Sunday", "yesterday", "last week", "last month", "March 30", "earlier this month"]
    ),
)
def test_never_after_publication(base: date, expression: str) -> None:
    resolved = resolve(expression, base)
    assert resolved is None or resolved[0] <= base


# --- Clauses that look forward: "will meet on Friday", "plans to visit next month" ---------------


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("Friday", date(2018, 2, 23), "day"),
        ("on Monday", date(2018, 2, 26), "day"),
        ("Wednesday", date(2018, 2, 28), "day"),  # the same weekday is a week ahead...
        ("this Wednesday", date(2018, 2, 21), "day"),  # ...unless "this"
        ("tomorrow", date(2018, 2, 22), "day"),
        ("next week", date(2018, 2, 26), "week"),
        ("later this week", date(2018, 2, 19), "week"),
        ("next month", date(2018, 3, 1), "month"),
        ("later this month", date(2018, 2, 1), "month"),
        ("next year", date(2019, 1, 1), "year"),
        ("September", date(2018, 9, 1), "month"),
        ("on September 5", date(2018, 9, 5), "day"),
        ("in January", date(2019, 1, 1), "month"),  # already past this year: next year's
        ("February", date(2018, 2, 1), "month"),  # the publication month itself
        ("3 March 2017", date(2017, 3, 3), "day"),  # an explicit year is taken as written
        ("last week", date(2018, 2, 12), "week"),  # the expression's own "last" wins
        ("yesterday", date(2018, 2, 20), "day"),
    ],
)
def test_resolve_forward(expression: str, expected: date, precision: str) -> None:
    assert resolve(expression, WEDNESDAY, forward=True) == (expected, precision)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("next Monday", date(2018, 2, 26)),
        ("tomorrow", date(2018, 2, 22)),
        ("next month", date(2018, 3, 1)),
        ("the coming year", date(2019, 1, 1)),
    ],
)
def test_expression_alone_can_look_forward(expression: str, expected: date) -> None:
    resolved = resolve(expression, WEDNESDAY)
    assert resolved is not None and resolved[0] == expected


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(WEEKDAYS),
)
def test_forward_weekday_is_within_the_coming_week(base: date, weekday: str) -> None:
    resolved = resolve(weekday.title(), base, forward=True)
    assert resolved is not None and 1 <= (resolved[0] - base).days <= 7
    assert resolved[0].weekday() == WEEKDAYS.index(weekday)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(["January", "May", "September", "December 31", "February 29"]),
)
def test_forward_month_is_within_the_coming_year(base: date, expression: str) -> None:
    resolved = resolve(expression, base, forward=True)
    if resolved is None:  # February 29 of a year without one
        assert expression == "February 29"
        return
    assert base.replace(day=1) <= resolved[0] < date(base.year + 1, base.month, 1)


# --- Publication dates known only to the month or the year ----------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12", (date(2024, 3, 12), "day")),
        ("2024-03-12T08:30:00Z", (date(2024, 3, 12), "day")),
        ("2024-03", (date(2024, 3, 1), "month")),
        ("2024", (date(2024, 1, 1), "year")),
        ("2024-13", None),
        ("spring", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_publication_date(value: str | None, expected: tuple[date, str] | None) -> None:
    assert _parse_iso(value) == expected


MARCH_2018 = date(2018, 3, 1)  # published "2018-03"
YEAR_2018 = date(2018, 1, 1)  # published "2018"


@pytest.mark.parametrize(
    ("expression", "base", "known", "forward", "expected"),
    [
        ("Tuesday", MARCH_2018, "month", False, None),  # needs the day
        ("yesterday", MARCH_2018, "month", False, None),
        ("last week", YEAR_2018, "year", False, None),
        ("Friday", YEAR_2018, "year", True, None),
        ("last month", MARCH_2018, "month", False, (date(2018, 2, 1), "month")),
        ("last month", YEAR_2018, "year", False, None),
        ("March 20", MARCH_2018, "month", False, (date(2018, 3, 20), "day")),  # within the month
        ("April", MARCH_2018, "month", False, (date(2017, 4, 1), "month")),
        ("April", MARCH_2018, "month", True, (date(2018, 4, 1), "month")),
        ("September", YEAR_2018, "year", False, None),  # which year's September?
        ("3 March 2017", YEAR_2018, "year", False, (date(2017, 3, 3), "day")),
        ("5 June 2018", YEAR_2018, "year", False, (date(2018, 6, 5), "day")),
        ("last year", YEAR_2018, "year", False, (date(2017, 1, 1), "year")),
        ("next year", YEAR_2018, "year", True, (date(2019, 1, 1), "year")),
    ],
)
def test_resolve_with_reduced_precision(
    expression: str, base: date, known: str, forward: bool, expected: tuple[date, str] | None
) -> None:
    assert resolve(expression, base, forward=forward, known=known) == expected


# --- End to end: the clause decides which way an expression points --------------------------------

TUESDAY = "2024-03-12"


def dated(record: ArticleRecord, trigger: str) -> tuple[str | None, str | None]:
    """(date, precision) of the record's event with this trigger."""
    found = [e for e in record.events if e.trigger == trigger]
    assert found, f"no event {trigger!r} in {show(record.events)}"
    return found[0].date, found[0].date_precision


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Germany will hold talks with France in Berlin on Friday.", "hold", ("2024-03-15", "day")),
        ("Russia is going to sign a trade deal with China on Thursday.", "sign", ("2024-03-14", "day")),
        ("The two leaders will meet in Cairo on Tuesday.", "meet", ("2024-03-19", "day")),
        (
            "The minister of Japan is expected to arrive in Accra on Thursday.",
            "arrive",
            ("2024-03-14", "day"),
        ),
        ("The president of Kenya plans to visit Uganda next month.", "visit", ("2024-04-01", "month")),
        ("Germany is set to sign a treaty with Poland on September 5.", "sign", ("2024-09-05", "day")),
        ("The talks between Egypt and Sudan are scheduled for Friday.", "talks", ("2024-03-15", "day")),
        ("Germany and France will meet at the upcoming summit on Friday.", "summit", ("2024-03-15", "day")),
    ],
)
def test_future_clause_looks_forward(code: Coder, text: str, trigger: str, expected: tuple[str, str]) -> None:
    assert dated(code(text, published=TUESDAY), trigger) == expected


@pytest.mark.slow
def test_agreed_to_meet_again_in_a_month_is_the_coming_month(code: Coder) -> None:
    record = code(
        "Egypt and Sudan met in Cairo on Friday and agreed to meet again in September.", published=TUESDAY
    )
    assert dated(record, "met") == ("2024-03-08", "day")  # the meeting reported: last Friday
    assert dated(record, "meet") == ("2024-09-01", "month")  # the one agreed on: this September


@pytest.mark.slow
def test_past_clause_with_a_weekday_still_goes_back(code: Coder) -> None:
    record = code("Police arrested dozens of protesters in Nairobi on Friday.", published=TUESDAY)
    assert dated(record, "arrested") == ("2024-03-08", "day")


@pytest.mark.slow
def test_announcement_date_does_not_date_the_announced_act(code: Coder) -> None:
    record = code(
        "Officials said on Monday that Germany will hold talks with France on Friday.", published=TUESDAY
    )
    assert dated(record, "hold") == ("2024-03-15", "day")


@pytest.mark.slow
def test_year_only_publication_date(code: Coder) -> None:
    future = code("Germany will hold talks with France in Berlin on Friday.", published="2024")
    assert dated(future, "hold") == ("2024-01-01", "year")
    past = code("Police arrested dozens of protesters in Nairobi on Friday.", published="2024")
    assert dated(past, "arrested") == ("2024-01-01", "year")
    written = code("Germany signed a trade agreement with France on 5 March 2024 in Paris.", published="2024")
    assert dated(written, "signed") == ("2024-03-05", "day")


def test_a_year_alone_is_never_after_publication() -> None:
    assert resolve("in 2031", WEDNESDAY) is None
    assert resolve("in 2031", WEDNESDAY, forward=True) == (date(2031, 1, 1), "year")


@pytest.mark.slow
def test_a_past_act_told_as_background_has_its_own_year(code: Coder) -> None:
    """ "The 2011 kidnapping of ...", "an attack in 2016": background acts keep their year."""
    record = code("The 2011 kidnapping of nine engineers by rebels in Darfur still haunts Sudan.")
    dates = {(e.trigger, e.date, e.date_precision) for e in record.events}
    assert ("kidnapping", "2011-01-01", "year") in dates, show(record.events)
    record = code("Rebels attacked a convoy near Goma in 2016, the army said on Monday.")
    attacked = [e for e in record.events if e.trigger == "attacked"]
    assert attacked and (attacked[0].date, attacked[0].date_precision) == ("2016-01-01", "year"), show(
        record.events
    )
