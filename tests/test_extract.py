"""Extraction: scraped page text and HTML into clean articles."""

from __future__ import annotations

import pytest

from dateline.errors import EmptyArticle, NoArticle
from dateline.extract import Extractor, _has_prose, normalise_date, split_dateline
from dateline.records import RawDocument

SCRAPED = """Ministers agree to reopen the border

Ministers agree to reopen the border
Interior Minister Jane Doe, right, greets her counterpart in Lusaka. (Photo: Staff)
Updated 4 May 2021
Share
Follow

LUSAKA: Zambia and Malawi agreed on Monday to reopen their shared border after months of closure.
The two ministers met for three hours and signed a protocol on customs checks, officials said.
"""


def extract(text: str, **kw: str) -> object:
    return Extractor()(RawDocument(id="t", text=text, **kw))


def test_scraped_page_is_cleaned() -> None:
    article = Extractor()(RawDocument(id="t", text=SCRAPED))
    assert article.title == "Ministers agree to reopen the border"
    assert article.published == "2021-05-04"
    assert article.dateline == "LUSAKA"
    assert article.text.startswith("Zambia and Malawi agreed on Monday")
    assert article.captions == [
        "Interior Minister Jane Doe, right, greets her counterpart in Lusaka. (Photo: Staff)"
    ]
    for line in article.text.splitlines():
        assert line not in {"Share", "Follow", "Ministers agree to reopen the border"}
    assert "Updated 4 May 2021" not in article.text


def test_given_metadata_wins() -> None:
    article = Extractor()(RawDocument(id="t", text=SCRAPED, title="Given", published="May 5, 2021"))
    assert article.title == "Given"
    assert article.published == "2021-05-05"


@pytest.mark.parametrize(
    ("line", "place", "rest"),
    [
        ("ISLAMABAD: Pakistan said.", "ISLAMABAD", "Pakistan said."),
        ("GENEVA, March 3 (Reuters) - Talks began.", "GENEVA", "Talks began."),
        ("WASHINGTON (AP) \u2014 The Senate voted.", "WASHINGTON", "The Senate voted."),
        ("NEW DELHI: India and China met.", "NEW DELHI", "India and China met."),
        ("The UN said on Monday.", None, "The UN said on Monday."),
        ("US - China talks resume.", None, "US - China talks resume."),
    ],
)
def test_split_dateline(line: str, place: str | None, rest: str) -> None:
    assert split_dateline(line) == (place, rest)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-02-21T10:00:00Z", "2018-02-21"),
        ("21 February 2018", "2018-02-21"),
        ("Feb 21, 2018", "2018-02-21"),
        ("", None),
        ("not a date", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_html_page_through_trafilatura() -> None:
    html = """<html><head><title>Rebels seize town | Example News</title>
    <meta property="article:published_time" content="2023-07-02T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Rebels seize town</h1>
    <figure><img src="x.jpg"><figcaption>Fighters on the road to the town.</figcaption></figure>
    <p>GOMA: Rebels seized the town of Kitchanga on Saturday after two days of fighting with the army,
    residents and officials said, in the latest advance of the insurgency in the east.</p>
    <p>The army said it had withdrawn its troops to protect civilians and would retake the town soon.</p>
    </article><footer>Copyright Example News. Follow us on Twitter.</footer></body></html>"""
    article = Extractor()(RawDocument(id="h", html=html))
    assert article.published == "2023-07-02"
    assert article.title is not None and "Rebels seize town" in article.title
    assert article.dateline == "GOMA"
    assert article.text.startswith("Rebels seized the town of Kitchanga")
    assert "Copyright" not in article.text
    assert article.captions == ["Fighters on the road to the town."]


def test_empty_page_is_a_typed_error() -> None:
    with pytest.raises(EmptyArticle):
        Extractor()(RawDocument(id="e", text="Share\nFollow\n"))


def test_jsonl_text_is_kept_verbatim() -> None:
    text = "Ministers meet\n\nGENEVA (Wire) - Talks began on Monday, officials said.\n"
    article = Extractor()(RawDocument(id="j", text=text, verbatim=True, published="2024-03-04"))
    assert article.text == text  # offsets into the caller's text stay valid
    assert article.published == "2024-03-04"
    assert article.title is None and article.dateline is None


def test_verbatim_dateline_is_read_not_cut() -> None:
    text = "GENEVA, March 3 (Wire) - Talks began on Monday."
    article = Extractor()(RawDocument(id="j", text=text, verbatim=True))
    assert (article.dateline, article.text) == ("GENEVA", text)


def test_a_page_without_an_article_body_is_no_article() -> None:

    page = (
        "<html><head><title>Account</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        "<form><input name='u'><button>Sign in</button></form><footer>&copy; 2023 Example</footer></body></html>"
    )
    with pytest.raises(NoArticle):
        Extractor()(RawDocument(id="login", html=page))


def test_a_copyright_year_is_no_publication_date() -> None:

    body = "".join(
        f"<p>{s}</p>"
        for s in (
            "The harbour board of Port Elin voted on Thursday to close the old ferry pier for repairs.",
            "Ferry services will move to the north quay until the work is finished, the board said.",
        )
    )
    page = f"<html><head><title>Pier closes</title></head><body><article>{body}</article>"
    page += "<footer>Copyright &copy; 2023 Example Media</footer></body></html>"
    article = Extractor()(RawDocument(id="pier", html=page))
    assert article.published is None and "north quay" in article.text
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2023-05-04">')
    assert Extractor()(RawDocument(id="pier", html=dated)).published == "2023-05-04"


def test_prose_in_a_script_without_spaces_is_an_article() -> None:
    assert _has_prose(
        "\u5e02\u8b70\u4f1a\u306f\u6728\u66dc\u65e5\u3001\u65b0\u3057\u3044\u6a4b\u306e\u5efa\u8a2d\u8a08\u753b\u3092\u627f\u8a8d\u3057\u305f\u3002"
        * 2
    )
    assert not _has_prose("Home News\nSign in")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024", "2024"),
        ("2024-03", "2024-03"),
        ("March 2024", "2024-03"),
        ("3 March 2024", "2024-03-03"),
        ("© 2024", None),
    ],
)
def test_dates_keep_their_precision(value: str, iso: str | None) -> None:
    assert normalise_date(value) == iso
