"""Language identification: clear foreign text is named, English and short texts pass."""

from __future__ import annotations

import pytest

from dateline.language import LanguageIdentifier


@pytest.fixture(scope="module")
def identify() -> LanguageIdentifier:
    identifier = LanguageIdentifier()
    identifier.setup()
    return identifier


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a annoncé lundi une hausse des salaires des enseignants du primaire.", "fr"),
        ("Die Regierung kündigte am Montag eine Erhöhung der Gehälter für Grundschullehrer an.", "de"),
        ("El gobierno anunció el lunes un aumento de los salarios de los maestros de primaria.", "es"),
        ("Правительство в понедельник объявило о повышении зарплат учителям начальных школ.", "ru"),
    ],
)
def test_foreign_articles_are_named(identify: LanguageIdentifier, text: str, language: str) -> None:
    result = identify(text)
    assert result.language == language and not result.supported


@pytest.mark.parametrize(
    "text",
    [
        "The government announced a rise in primary teachers' pay on Monday.",
        "Rebels shelled Goma.",  # too short to judge: taken as English
        "Paris, Berlin and Madrid signed the accord on Tuesday, officials said.",
    ],
)
def test_english_and_short_texts_are_supported(identify: LanguageIdentifier, text: str) -> None:
    assert identify(text).supported
