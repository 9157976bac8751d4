"""Actor resolution against the shipped dictionary, on phrases we write."""

from __future__ import annotations

import pytest

from dateline.actors import ActorDictionary, ActorResolver
from dateline.actors.people import name_key

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


@pytest.mark.parametrize(
    ("text", "head", "code", "name"),
    [
        ("Darfur rebels seized two aid trucks near Nyala.", "rebels", "SDNREB", None),
        ("Hundreds of Chechen refugees camped outside the ministry.", "refugees", "RUSREF", None),
        ("The Bosnian Serbs boycotted the census.", "Serbs", "BIHCVL", None),
        ("Karen rebels attacked the base.", "rebels", "MMRREB", None),
        ("The government of Balochistan province closed the schools.", "government", "PAKGOV", None),
        (
            "The Phillippines military and communist guerrillas observed the truce.",
            "military",
            "PHLMIL",
            None,
        ),
        (
            "President Francois Mitterand addressed the assembly.",
            "Mitterand",
            "FRAGOV",
            "Francois Mitterrand",
        ),
        (
            "President Abdelaziz Bouteflikka opened the trade fair.",
            "Bouteflikka",
            "DZAGOV",
            "Abdelaziz Bouteflika",
        ),
        ("President Omar El Bashir toured the flooded districts.", "Bashir", "SDNGOV", "Omar al-Bashir"),
        ("Former president Carlos Menem flew to Madrid.", "Menem", "ARGELI", "Carlos Menem"),
    ],
)
def test_regions_peoples_and_misspelt_names(
    resolve, text: str, head: str, code: str, name: str | None
) -> None:  # type: ignore[no-untyped-def]
    actor = resolve(text, head)
    assert actor is not None and actor.code == code, actor
    if name is not None:
        assert actor.name == name
    assert text[actor.start : actor.end] == actor.text


def test_a_titled_unknown_person_gets_no_country(resolve) -> None:  # type: ignore[no-untyped-def]
    actor = resolve("Judge Ines Saldivar summoned the witnesses.", "Saldivar")
    assert actor is not None and actor.code == "JUD" and actor.country is None


def test_a_surname_the_tagger_took_for_a_noun_is_the_person_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    resolver = ActorResolver(pipeline.dictionary, day="2018-02-21")
    doc = pipeline.nlp("President Donald Trump spoke on Monday. Trump denied the report on Tuesday.")
    later = [t for t in doc if t.text == "Trump"][-1]
    actor = resolver.resolve(later)
    assert actor is not None and actor.code == "USAGOV" and actor.name == "Donald Trump"


def test_a_capitalised_noun_is_no_surname_without_the_full_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    resolver = ActorResolver(pipeline.dictionary, day="2018-02-21")
    doc = pipeline.nlp("Trump cards were dealt in the final round.")
    actor = resolver.resolve(doc[0])
    assert actor is None or actor.name is None


# --- look-ups without the parser -----------------------------------------------------------


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


def test_name_key_normalises_articles_accents_and_punctuation() -> None:
    assert name_key("Omar El-Bashir") == "omar bashir"
    assert name_key("François Mitterrand") == "francois mitterrand"
    assert name_key("F.W. de Klerk") == name_key("F. W. de Klerk")
    assert name_key("Yar'Adua") == "yaradua"


def test_person_by_normal_form(book: ActorDictionary) -> None:
    office = book.person("Omar El Bashir")
    assert office is not None and office.code == "SDNGOV"


def test_titled_surname_tolerates_small_misspellings(book: ActorDictionary) -> None:
    office = book.titled_person("Francois Mitterand", "GOV")
    assert office is not None and office.code == "FRAGOV"
    gbagbo = book.titled_person("Laurent Gbago", "GOV")
    assert gbagbo is not None and gbagbo.code == "CIVGOV"


def test_titled_surname_guards(book: ActorDictionary) -> None:
    # given names that disagree: not the known Mitterrand
    assert book.titled_person("Jacques Mitterand", "GOV") is None
    # the title must be of the office's kind, and judges are not searched
    assert book.titled_person("Francois Mitterand", "JUD") is None
    # short surnames must match exactly
    assert book.titled_person("Moy", "GOV") is None
    # a far spelling is no match
    assert book.titled_person("Mitterberg", "GOV") is None


def test_shared_surname_needs_one_country(book: ActorDictionary) -> None:
    # Laurent-Desire and Joseph Kabila: different people, one country and role
    office = book.titled_person("Kabila", "GOV")
    assert office is not None and office.code == "CODGOV"
    # Kim: presidents of both Koreas
    assert book.titled_person("Kim", "GOV") is None


def test_tolerant_full_name(book: ActorDictionary) -> None:
    office = book.tolerant_person("Juvenal Habyariman")
    assert office is not None and office.code == "RWAGOV"
    assert book.tolerant_person("Juan Habyariman Lopez") is None
    assert book.tolerant_person("Bob Smith") is None


def test_tolerant_country(book: ActorDictionary) -> None:
    found = book.tolerant_country("Afganistan")
    assert found is not None and found[0].iso3 == "AFG"
    assert book.tolerant_country("Columbian") is None  # too far from "Colombian"
    assert book.tolerant_country("Niger") is None  # too short to guess


def test_regions(book: ActorDictionary) -> None:
    assert book.region("Darfur") == "SDN"
    assert book.region("Chechens") == "RUS"
    assert book.region("Sindh Province") == "PAK"
    assert book.region("West Darfur State") == "SDN"
    assert book.region("Texas") == "USA"
    assert book.region("Punjab") is None  # India and Pakistan
    assert book.region("Central") is None  # a generic word
    assert book.region("Vladimir") is None  # a personal name first
    assert book.region("Portland") is None  # a Jamaican parish, but news means the American cities
    assert book.region("Cordoba") is None  # an Argentine province and a Spanish city of 300,000
    karen = book.regions.lookup("Karen")
    assert karen is not None and karen.group_only


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Ethnic Hungarians in northern Serbia voted in large numbers.", "Hungarians", "SRBCVL"),
        ("The Hungarians of northern Serbia marked the anniversary.", "Hungarians", "SRBCVL"),
        ("As many as 300 ethnic Albanians rallied in the square on Friday.", "Albanians", "CVL"),
        (
            "About 20,000 workers belonging to a Serbian miners' union walked off the job.",
            "workers",
            "SRBLAB",
        ),
        ("Thousands of students throughout Chile boycotted their lectures.", "students", "CHLEDU"),
        ("UNITA's armed wing released the hostages.", "wing", "AGOREBUNT"),
        ("Sen. Ted Cruz criticized the spending bill.", "Cruz", "LEG"),  # a title before a name
        ("Gen. Mark Milley spoke to reporters.", "Milley", "MIL"),
    ],
)
def test_minorities_places_and_patrons(resolve, text: str, head: str, code: str) -> None:  # type: ignore[no-untyped-def]
    actor = resolve(text, head)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("IGOUNO", "United Nations"),
        ("PAK", "Pakistan"),
        ("USAGOV", "United States government"),
        ("XQZ", None),
    ],
)
def test_a_code_is_described_from_the_tables(code: str, name: str | None) -> None:
    assert ActorDictionary.load().describe(code) == name
