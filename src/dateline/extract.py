"""Extraction: `RawDocument` -> `Article` (clean body, title, date, dateline, captions).

HTML goes through trafilatura. Plain text scraped from a page is cleaned by rules written from how
news sites lay out a page: the headline first (often repeated), photo captions with a credit,
"Updated <date>" stamps, social-button lines, then the body opening with a dateline ("ISLAMABAD:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .cleaning import clean_text
from .errors import EmptyArticle, NoArticle
from .records import Article, RawDocument
from .words import Words, default_words

_STAMP = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first published|modified)(?:\s+on)?\s*[:\-]?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\((?:photo|image|picture|file photo|file|credit)\b[^)]*\)"
    r"|\b(?:photo|image|picture)\s*(?:courtesy|credit|by)?\s*:"
    r"|\((?:AFP|AP|Reuters|EPA|Getty Images|Xinhua|Anadolu)(?:[/ ][^)]*)?\)\s*$)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?P<region>,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?P<when>,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?P<agency>\([^)]{1,40}\))?\s*(?::|\s[-\u2013\u2014]+)\s+"
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by)\s+[A-Z]", re.IGNORECASE)


@dataclass(slots=True)
class _Page:
    title: str | None
    published: str | None
    captions: list[str]
    body_lines: list[str]


class Extractor:
    """Turns raw documents into articles. Stateless; `setup()` exists for the stage interface."""

    name = "extract"

    def __init__(self, words: Words | None = None) -> None:
        #: The word classes (``pages.social_words``), ours unless given.
        self.words = words if words is not None else default_words()

    def setup(self) -> None:
        """Nothing heavy to load: trafilatura imports lazily on the first HTML page."""

    def __call__(self, doc: RawDocument) -> Article:
        """Extract one document; raises `EmptyArticle` (nothing there) or `NoArticle` (no prose)."""
        if doc.verbatim and doc.text is not None:
            return _verbatim(doc)
        raw = doc.text if doc.text is not None else doc.html or ""
        if not raw.strip():
            raise EmptyArticle(f"{doc.id}: the input is empty")
        raw = clean_text(raw).text
        social = self.words["pages.social_words"]
        if doc.html is not None and doc.text is None:
            page = _from_html(raw, social)
        else:
            page = _from_scraped_text(raw, doc.title, social)
        body_lines = page.body_lines
        dateline = None
        if body_lines:
            dateline, first = split_dateline(body_lines[0])
            body_lines = [first, *body_lines[1:]] if first else body_lines[1:]
        text = "\n".join(line for line in body_lines if line)
        if not text.strip():
            raise NoArticle(f"{doc.id}: no body text after extraction")
        if doc.text is None and not _has_prose(text):
            raise NoArticle(f"{doc.id}: no article body, only {_preview(text)!r}")
        return Article(
            id=doc.id,
            text=text,
            title=doc.title or page.title,
            published=normalise_date(doc.published) or page.published or normalise_date(doc.fetched),
            dateline=dateline,
            url=doc.url,
            captions=page.captions,
        )


def _verbatim(doc: RawDocument) -> Article:
    """An article whose text is the caller's: cleaned for parsing, offsets mapped back later."""
    source = doc.text or ""
    if not source.strip():
        raise EmptyArticle(f"{doc.id}: the text is empty")
    cleaned = clean_text(source)
    text = cleaned.text
    if not text.strip():
        raise EmptyArticle(f"{doc.id}: the text holds only invisible characters")
    first = text.lstrip().split("\n", 1)[0]
    return Article(
        id=doc.id,
        text=text,
        title=doc.title,
        published=normalise_date(doc.published) or normalise_date(doc.fetched),
        dateline=split_dateline(first)[0],
        url=doc.url,
        source_text=source if cleaned.origins is not None else None,
        origins=cleaned.origins,
    )


#: An HTML page with an article has prose: a line of this many words (or letters, for scripts
#: written without spaces) ending a sentence, or this many words (letters) in all. Navigation,
#: login forms and error pages have neither.
_PROSE_LINE_WORDS, _PROSE_LINE_LETTERS = 6, 30
_PROSE_WORDS, _PROSE_LETTERS = 40, 200
_SENTENCE_END = re.compile(r"[.!?\"\u201d'\u3002\uff01\uff1f]\s*$")


def _has_prose(text: str) -> bool:
    lines = text.split("\n")
    if sum(len(line.split()) for line in lines) >= _PROSE_WORDS:
        return True
    if sum(c.isalpha() for c in text) >= _PROSE_LETTERS:
        return True
    return any(
        _SENTENCE_END.search(line)
        and (len(line.split()) >= _PROSE_LINE_WORDS or sum(c.isalpha() for c in line) >= _PROSE_LINE_LETTERS)
        for line in lines
    )


def _preview(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")


def split_dateline(line: str) -> tuple[str | None, str]:
    """Split "ISLAMABAD: Pakistan and ..." into ("ISLAMABAD", "Pakistan and ...")."""
    match = _DATELINE.match(line)
    if not match or len(match.group("place")) < 3:
        return None, line
    return match.group("place").strip(), line[match.end() :].lstrip()


def normalise_date(value: str | None) -> str | None:
    """An ISO date from a date string in any common English form, else None.

    A full date gives YYYY-MM-DD; a value that names only a year or a month keeps that precision
    ("2024" -> "2024", "March 2024" -> "2024-03"), so that nothing downstream takes it for a day.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    partial = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if partial:
        return value
    import dateparser  # heavy import: only when a non-ISO date needs parsing

    parsed = dateparser.parse(
        value, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    if isinstance(parsed, datetime):
        return parsed.date().isoformat()
    month = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["month", "year"]})
    return month.strftime("%Y-%m") if isinstance(month, datetime) else None


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _is_social(line: str, social: frozenset[str]) -> bool:
    """A share-button or menu line: one of the ``social`` words or phrases, or up to four words."""
    words = _norm(line)
    if not words or words in social:
        return True
    tokens = words.split()
    return len(tokens) <= 4 and all(t in social for t in tokens)


def _is_body_like(line: str) -> bool:
    return len(line.split()) >= 12 and bool(re.search(r"[.!?\"\u201d]\s*$", line))


def _is_headline(line: str) -> bool:
    """A short line that does not end a sentence: a headline, kicker or section name."""
    return len(line) <= 250 and not _is_body_like(line) and not re.search(r"[.!?:\"\u201d]\s*$", line)


def _from_scraped_text(text: str, known_title: str | None, social: frozenset[str]) -> _Page:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    title = known_title
    if title is None and len(lines) >= 2 and _is_headline(lines[0]):
        title = lines[0]
    has_body = any(_is_body_like(line) for line in lines)
    title_key = _norm(title) if title else None
    published: str | None = None
    captions: list[str] = []
    body: list[str] = []
    in_header = True
    for line in lines:
        if title_key and _norm(line) == title_key:
            continue
        stamp = _STAMP.match(line)
        if stamp and len(line.split()) <= 10:
            published = published or normalise_date(stamp.group("date"))
            continue
        if _is_social(line, social) or (in_header and _BYLINE.match(line) and len(line.split()) <= 8):
            continue
        if _CREDIT.search(line) and (in_header or len(line) < 400):
            captions.append(line)
            continue
        if in_header and has_body and _is_headline(line) and split_dateline(line)[0] is None:
            continue  # kicker, section name or byline above the body
        in_header = False
        body.append(line)
    return _Page(title, published, captions, body)


def _from_html(html: str, social: frozenset[str]) -> _Page:
    import trafilatura
    from lxml import html as lxml_html

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=_METADATA_DATES,
    )
    body = ""
    title = published = None
    if extracted is not None:
        body = getattr(extracted, "text", None) or ""
        title = getattr(extracted, "title", None)
        published = getattr(extracted, "date", None)
    if not body.strip():
        body = trafilatura.extract(html, favor_recall=True) or ""
    captions: list[str] = []
    try:
        tree = lxml_html.fromstring(html)
        captions = [" ".join(c.text_content().split()) for c in tree.iter("figcaption")]
    except (ValueError, lxml_html.etree.ParserError):
        pass
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    caption_keys = {_norm(c) for c in captions}
    lines = [ln for ln in lines if _norm(ln) not in caption_keys and not _is_social(ln, social)]
    if title and lines and _norm(lines[0]) == _norm(title):
        lines = lines[1:]
    published = published or _date_in_page(html)
    return _Page(title, normalise_date(published) if published else None, [c for c in captions if c], lines)


#: Page dates from metadata only (meta tags, <time>, JSON-LD, the URL): htmldate's extensive search
#: also reads a "© 2024" footer, which it turns into 2024-01-01, a day nobody published anything.
_METADATA_DATES = {"extensive_search": False, "original_date": True}
_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-\u2013]\s*)?(\d{4})", re.IGNORECASE)


def _date_in_page(html: str) -> str | None:
    """A date found in the page's text by htmldate's extensive search, unless it is a copyright year."""
    from htmldate import find_date

    found = find_date(html, extensive_search=True, original_date=True)
    if not found:
        return None
    years = set(_COPYRIGHT.findall(html))
    if found[4:] == "-01-01" and found[:4] in years:
        return None
    return str(found)
