"""Quotes: quotation-mark styles (no model), then each attribution pattern on hand-written news
sentences (spaCy model). The PolNeAR dev score is pinned by the quality gate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.quoting import find_quote_spans
from dateline.quoting.social import find_social_posts
from dateline.records import ArticleRecord, Quote

Code = Callable[..., ArticleRecord]


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# --- quotation marks (no model) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win the vote” on Monday.", ["we will win the vote"]),
        ('He said "we will win the vote" on Monday.', ["we will win the vote"]),
        ("He said ‘we will win the vote’ on Monday.", ["we will win the vote"]),
        ("He said 'we will win the vote' on Monday.", ["we will win the vote"]),
        ("Il a dit « nous gagnerons le vote » lundi.", ["nous gagnerons le vote"]),
        ("Er sagte »wir gewinnen die Wahl« am Montag.", ["wir gewinnen die Wahl"]),
        ("Er sagte „wir gewinnen die Wahl“ am Montag.", ["wir gewinnen die Wahl"]),
        ("Raising the tariff ''was never the plan,'' she said.", ["was never the plan,"]),
    ],
    ids=[
        "curly",
        "straight",
        "curly-single",
        "straight-single",
        "guillemets",
        "reversed-guillemets",
        "german",
        "doubled-apostrophes",
    ],
)
def test_every_quotation_mark_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Clinton’s aides don't think the players’ union or O'Brien's group will back the ’90s plan."
    assert contents(text) == []


def test_single_quotes_inside_double_quotes_stay_in_the_outer_quote() -> None:
    assert contents("He called it “the ‘best’ deal ever” yesterday.") == ["the ‘best’ deal ever"]


def test_a_quote_left_open_at_the_end_of_a_paragraph_runs_to_its_end() -> None:
    text = "“We will keep going,\n“and we will win,” she said."
    spans = find_quote_spans(text)
    assert [(text[s.start : s.end], s.close is None) for s in spans] == [
        ("We will keep going,", True),
        ("and we will win,", False),
    ]


def test_a_mistyped_closing_mark_opening_a_paragraph_opens_the_quote() -> None:
    assert contents("”The bridge will reopen in May.” ― Tomas Lindqvist") == [
        "The bridge will reopen in May."
    ]


def test_tweet_and_post_embeds() -> None:
    text = (
        "The failing paper is at it again. Sad! pic.twitter.com/abc123\n"
        "— Donald J. Trump (@realDonaldTrump) September 12, 2016\n\n"
        "So proud of everyone who marched today\n"
        "A post shared by Katy Perry (@katyperry) on Jan 21, 2017 at 2:30pm PST"
    )
    posts = find_social_posts(text)
    assert [(text[p.start : p.end], p.name, p.kind) for p in posts] == [
        ("The failing paper is at it again. Sad!", "Donald J. Trump", "tweeted"),
        ("So proud of everyone who marched today", "Katy Perry", "posted"),
    ]


# --- attribution (model) ---------------------------------------------------------------------


def speaker_of(record: ArticleRecord, fragment: str) -> tuple[str | None, str | None, bool]:
    """(speaker text, speaker name, direct) of the quote whose content contains ``fragment``."""
    quote = next((q for q in record.quotes if fragment in q.content), None)
    assert quote is not None, f"no quote contains {fragment!r}: {[q.content for q in record.quotes]}"
    _offsets_hold(record, quote)
    speaker = quote.speaker
    return (speaker.text if speaker else None, speaker.name if speaker else None, quote.direct)


def _offsets_hold(record: ArticleRecord, quote: Quote) -> None:
    assert record.text[quote.start : quote.end] == quote.content
    if quote.speaker is not None and quote.speaker.start is not None:
        assert record.text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("open_", "close"),
    [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»")],
    ids=["curly", "straight", "curly-single", "straight-single", "guillemets"],
)
def test_speaker_after_the_quote_in_every_style(code: Code, open_: str, close: str) -> None:
    record = code(f"{open_}We will not accept this deal,{close} Prime Minister Imran Khan said on Monday.")
    text, name, direct = speaker_of(record, "We will not accept this deal")
    assert direct and name is not None and "Khan" in name
    assert text is not None and "Imran Khan" in text
    quote = record.quotes[0]
    assert record.text[quote.start - 1] == open_  # the content span leaves the marks out


@pytest.mark.slow
def test_speaker_before_the_quote_with_a_colon(code: Code) -> None:
    record = code(
        "Pakistan’s Foreign Minister Khawaja Asif said: “There was unanimity of views on the threat.”"
    )
    text, name, direct = speaker_of(record, "unanimity of views")
    assert direct and name == "Khawaja Asif" and text is not None and "Khawaja Asif" in text


@pytest.mark.slow
def test_inverted_speaker(code: Code) -> None:
    record = code(
        '"The levee will not hold," said Hannah Okafor, a hydrologist at the Delft Institute for '
        "Water Studies."
    )
    text, name, _ = speaker_of(record, "The levee will not hold")
    assert name == "Hannah Okafor" and text is not None and "hydrologist" in text


@pytest.mark.slow
def test_split_quote_has_one_speaker(code: Code) -> None:
    record = code("“The talks were useful,” Lavrov said, “and we will meet again in Moscow next month.”")
    first, second = (speaker_of(record, f)[1] for f in ("talks were useful", "meet again in Moscow"))
    assert first == second and first is not None and "Lavrov" in first


@pytest.mark.slow
def test_paragraph_continuing_a_quote_keeps_its_speaker(code: Code) -> None:
    record = code(
        "“Russia believes these movements may spread,” analyst Qamar Cheema said.\n\n"
        "“That is the reason Russia is enhancing ties with the Taliban.”"
    )
    assert speaker_of(record, "That is the reason")[1] == "Qamar Cheema"


@pytest.mark.slow
def test_quote_after_a_colon_paragraph(code: Code) -> None:
    record = code(
        "Senator Elizabeth Warren questioned the bank's chairman on Tuesday. She told him:\n\n"
        "“Step down today. Return every bonus you were paid.”"
    )
    text, name, _ = speaker_of(record, "Step down today")
    assert text == "She" and name == "Elizabeth Warren"


@pytest.mark.slow
def test_pronoun_speaker_resolves_to_the_earlier_named_person(code: Code) -> None:
    record = code(
        "Russian Foreign Minister Sergey Lavrov met the Pakistani foreign minister in Moscow on Tuesday.\n"
        "“We are planning to continue giving practical assistance,” he told the Pakistani delegation.",
        published="2018-02-21",
    )
    text, name, direct = speaker_of(record, "practical assistance")
    assert direct and text == "he" and name == "Sergey Lavrov"


@pytest.mark.slow
def test_pronoun_speaker_agrees_in_gender(code: Code) -> None:
    record = code(
        "Hillary Clinton met Bernie Sanders in Philadelphia on Monday. Clinton said her plan was better.\n\n"
        "“We will win this fight together,” he said.\n\n"
        "“I agree with him,” she said."
    )
    assert speaker_of(record, "win this fight")[:2] == ("he", "Bernie Sanders")
    assert speaker_of(record, "I agree with him")[:2] == ("she", "Hillary Clinton")


@pytest.mark.slow
def test_surname_speaker_resolves_to_the_full_name(code: Code) -> None:
    record = code(
        "Analyst Qamar Cheema spoke to reporters in Islamabad.\n"
        "“Russia is worried about the region,” Cheema said."
    )
    assert speaker_of(record, "worried about the region")[1] == "Qamar Cheema"


@pytest.mark.slow
def test_indirect_speech(code: Code) -> None:
    record = code(
        "During talks, Lavrov insisted that combating terrorism is a priority area of cooperation.\n"
        "Analyst Qamar Cheema told Arab News that Russia is negotiating with the Afghan Taliban."
    )
    text, name, direct = speaker_of(record, "priority area of cooperation")
    assert not direct and text == "Lavrov"
    text, name, direct = speaker_of(record, "negotiating with the Afghan Taliban")
    assert not direct and name == "Qamar Cheema"


@pytest.mark.slow
def test_speech_reported_after_the_clause(code: Code) -> None:
    record = code("The convoy was diverted to avoid the crowds near the square, a police spokesman said.")
    text, _, direct = speaker_of(record, "The convoy was diverted")
    assert not direct and text == "a police spokesman"


@pytest.mark.slow
def test_according_to(code: Code) -> None:
    record = code("Russia is negotiating with the Taliban, according to the Pakistani Foreign Ministry.")
    text, _, direct = speaker_of(record, "Russia is negotiating with the Taliban")
    assert not direct and text == "the Pakistani Foreign Ministry"


@pytest.mark.slow
def test_organisation_statement(code: Code) -> None:
    record = code(
        "“He conveyed Russia’s continued support for Pakistan’s counterterrorism capabilities,” "
        "a Pakistan Foreign Ministry statement said."
    )
    quote = next(q for q in record.quotes if "continued support" in q.content)
    assert quote.speaker is not None and quote.speaker.name == "Pakistan Foreign Ministry"
    assert quote.speaker.code == "PAKGOV"


@pytest.mark.slow
def test_tweet(code: Code) -> None:
    record = code(
        "Asif tweeted on Wednesday that his meeting with Lavrov was “very fruitful” for both countries."
    )
    _, name, direct = speaker_of(record, "very fruitful")
    assert direct and name is not None and "Asif" in name


@pytest.mark.slow
def test_embedded_tweet_through_the_pipeline(code: Code) -> None:
    record = code(
        "The president answered within minutes.\n"
        "The failing paper is at it again. Sad! pic.twitter.com/abc123\n"
        "— Donald J. Trump (@realDonaldTrump) September 12, 2017",
        published="2017-09-12",
    )
    quote = next(q for q in record.quotes if "at it again" in q.content)
    assert quote.direct and quote.cue == "tweeted"
    assert quote.speaker is not None and quote.speaker.text == "Donald J. Trump"


@pytest.mark.slow
def test_signature_after_a_dash(code: Code) -> None:
    record = code("“Nobody on our street believes the promises any more.” ― Marisol Quintero")
    assert speaker_of(record, "believes the promises")[0] == "Marisol Quintero"


@pytest.mark.slow
def test_quoted_phrase_inside_a_clause_is_the_subjects(code: Code) -> None:
    record = code(
        "President Macron called the anniversary “a reminder of what neighbours can build together.”"
    )
    _, name, direct = speaker_of(record, "a reminder of what neighbours")
    assert direct and name == "Emmanuel Macron"


@pytest.mark.slow
def test_transcript_turns(code: Code) -> None:
    record = code(
        "The exchange ran as follows:\n\n"
        '"HOST: Let’s open tonight with the latest from the campaign trail."\n\n'
        '"GOVERNOR: Well, listen, my opponent has spent all week attacking our farmers."'
    )
    assert speaker_of(record, "open tonight with the latest")[0] == "HOST"
    quote = next(q for q in record.quotes if "my opponent" in q.content)
    assert quote.speaker is not None and quote.speaker.text == "GOVERNOR"
    assert quote.content.startswith("Well, listen")  # the label is not part of what was said


@pytest.mark.slow
def test_headline_name_and_colon(code: Code) -> None:
    record = code(
        "Murkowski: the Senate must 'stop treating the budget as a campaign prop'\n\nMore text here."
    )
    assert speaker_of(record, "stop treating the budget")[0] == "Murkowski"
