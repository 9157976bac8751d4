"""Actor resolution against the shipped dictionary, on phrases we write."""

from __future__ import annotations

import pytest

from dateline.actors import ActorDictionary, ActorResolver

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolve(pipeline):  # type: ignore[no-untyped-def]
    """Resolve the phrase headed by the token ``head`` of ``text``; published 2018-02-21."""
    resolver = ActorResolver(pipeline.dictionary, day="2018-02-21")

    def run(text: str, head: str):  # type: ignore[no-untyped-def]
        doc = pipeline.nlp(text)
        token = next(t for t in doc if t.text == head)
        return resolver.resolve(token)

    return run


@pytest.mark.parametrize(
    ("text", "head", "code", "name"),
    [
        ("Pakistan's Foreign Minister Khawaja Asif arrived.", "Asif", "PAKGOV", "Khawaja Asif"),
        ("He met his Russian counterpart Sergey Lavrov.", "counterpart", "RUSGOV", "Sergey Lavrov"),
        ("Lavrov said so.", "Lavrov", "RUSGOV", "Sergey Lavrov"),
        ("The Russian Foreign Minister spoke.", "Minister", "RUSGOV", None),
        ("The government of Pakistan objected.", "government", "PAKGOV", None),
        ("Afghan Taliban fighters attacked.", "fighters", "AFGREBTAL", None),
        ("The Taliban attacked.", "Taliban", "AFGREBTAL", None),
        ("Daesh claimed the attack.", "Daesh", "IMGMUSISI", None),
        ("Moscow said no.", "Moscow", "RUSGOV", None),
        ("The Kremlin said no.", "Kremlin", "RUSGOV", None),
        ("Kenyan police arrested them.", "police", "KENCOP", None),
        ("The United Nations objected.", "Nations", "IGOUNO", None),
        ("NATO objected.", "NATO", "IGOWSTNAT", None),
        ("Rebels attacked.", "Rebels", "REB", None),
    ],
)
def test_phrases_resolve(resolve, text: str, head: str, code: str, name: str | None) -> None:  # type: ignore[no-untyped-def]
    actor = resolve(text, head)
    assert actor is not None and actor.code == code, actor
    if name is not None:
        assert actor.name == name
    assert text[actor.start : actor.end] == actor.text


def test_terms_of_office_pick_the_code_of_the_day() -> None:
    book = ActorDictionary.load()
    asif_2018 = book.person("Khawaja Asif", "2018-02-21")
    assert asif_2018 is not None and asif_2018.code == "PAKGOV" and "Foreign" in asif_2018.title


def test_acronyms_match_only_in_capitals() -> None:
    book = ActorDictionary.load()
    assert book.country("US") is not None and book.country("US")[0].iso3 == "USA"  # type: ignore[index]
    assert book.country("us") is None


def test_not_an_actor(resolve) -> None:  # type: ignore[no-untyped-def]
    assert resolve("The weather was fine.", "weather") is None
