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
    from pathlib import Path

    from .access import StoreReader
    from .pipeline import Pipeline, PipelineConfig
    from .records import ArticleRecord

_PIPELINES: dict[str, Pipeline] = {}


def get_pipeline(model: str | None = None, config: PipelineConfig | None = None) -> Pipeline:
    """A set-up pipeline for ``config`` (or the default one for ``model``, md by default), built
    once per process and configuration."""
    from .pipeline import Pipeline, PipelineConfig

    config = config or PipelineConfig(model=model)
    key = repr(config)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(config).setup()
    return _PIPELINES[key]


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


def open_store(path: str | Path) -> StoreReader:
    """Open a store written by `dateline run` read-only: ``.events()``, ``.mentions()``,
    ``.articles()``, ``.quotes()``, ``.places()`` as Arrow, pandas or polars (``to=``), filtered by
    ``since``, ``until``, ``country`` and ``root``."""
    from .access import open_store as _open

    return _open(path)


__all__ = ["__version__", "code", "get_pipeline", "open_store"]
