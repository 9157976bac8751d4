"""Embedded tweets and posts: what a scraped page keeps of a social-media embed.

A tweet embedded in an article comes out of the page as its text followed by a signature line,
``— Donald J. Trump (@realDonaldTrump) September 12, 2016``; Instagram and Facebook embeds end
with ``A post shared by Name (@handle) on <date>``. The text before the signature (on the same
line, else the paragraph above) is the author's own words: a direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_TWEET = re.compile(
    r"(?:^|[^\S\n])[\u2014\u2013\u2015-]{1,2}[^\S\n]*(?P<name>[^\n()@\u2014\u2013]{1,60}?)[^\S\n]*"
    r"\(@(?P<handle>\w{1,15})\)[^\S\n]*(?:on[^\S\n]+)?(?:" + _MONTHS + r")[^\S\n]+\d{1,2},?[^\S\n]+\d{4}",
    re.MULTILINE,
)
_POST = re.compile(
    r"(?:^|[^\S\n])An? (?:post|photo|video) shared by (?P<name>[^\n()@]{1,60}?)[^\S\n]*"
    r"\(@(?P<handle>[\w.]{1,30})\)",
    re.MULTILINE,
)
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|@\w+|#\w+)\s*)+$")


@dataclass(frozen=True, slots=True)
class SocialPost:
    """A tweet or post: its text and its author's name as the embed signs it."""

    start: int
    end: int
    name: str
    name_start: int
    handle: str
    kind: str  # "tweeted" or "posted"


def find_social_posts(text: str) -> list[SocialPost]:
    """Tweets and posts embedded in ``text``, in text order."""
    posts: list[SocialPost] = []
    for pattern, kind in ((_TWEET, "tweeted"), (_POST, "posted")):
        for match in pattern.finditer(text):
            signature = match.start() + (1 if text[match.start()].isspace() else 0)
            span = _content_before(text, signature)
            if span is None:
                continue
            name = match.group("name").strip()
            posts.append(SocialPost(span[0], span[1], name, match.start("name"), match.group("handle"), kind))
    posts.sort(key=lambda p: p.start)
    return posts


def _content_before(text: str, signature: int) -> tuple[int, int] | None:
    """The words a signature signs: its own line up to it, else the paragraph above."""
    line_start = text.rfind("\n", 0, signature) + 1
    start, end = line_start, signature
    if not text[start:end].strip():
        end = line_start
        while end > 0 and text[end - 1] == "\n":
            end -= 1
        if end == 0:
            return None
        start = text.rfind("\n", 0, end) + 1
    chunk = text[start:end]
    trimmed = _TRAILING_LINKS.sub("", chunk)
    end = start + len(trimmed.rstrip())
    while start < end and text[start].isspace():
        start += 1
    if len(text[start:end].split()) < 2:
        return None
    return start, end
