"""dateline: raw news in, political event data out.

>>> import dateline
>>> record = dateline.code("Russia's foreign minister met his Pakistani counterpart in Moscow.",
...                        published="2018-02-20")   # doctest: +SKIP
>>> [(e.source.code, e.cameo, e.target.code) for e in record.events]   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .records import ArticleRecord

_PIPELINES: dict[str | None, Pipeline] = {}


def get_pipeline(model: str | None = None) -> Pipeline:
    """A set-up pipeline for ``model`` (md by default), built once per process."""
    from .pipeline import Pipeline, PipelineConfig

    if model not in _PIPELINES:
        _PIPELINES[model] = Pipeline(PipelineConfig(model=model)).setup()
    return _PIPELINES[model]


def code(
    text: str | None = None,
    *,
    html: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str = "article",
    model: str | None = None,
) -> ArticleRecord:
    """Code one article given as plain text or HTML; returns its `ArticleRecord`."""
    from .records import RawDocument

    doc = RawDocument(id=id, text=text, html=html, title=title, published=published, url=url)
    return get_pipeline(model).process(doc)


__all__ = ["__version__", "code", "get_pipeline"]
