"""Throughput of the whole pipeline against spaCy parsing alone, in the same process.

usage: python benchmarks/throughput.py [CORPUS.jsonl] [--limit N] [--model md|sm]

Prints articles per second for (a) the baseline: the spaCy pipeline alone (``nlp.pipe`` on the
same texts), and (b) dateline end to end (extraction, parsing, actors, coreference, quotes,
events, places, dates), and the ratio b/a: the share of parsing speed dateline keeps. The corpus
defaults to ../shared/corpora/voa.jsonl, else the bundled examples.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.ingest import iter_documents
from dateline.pipeline import Pipeline, PipelineConfig
from dateline.records import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=45)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    source = [corpus] if corpus.exists() else [ROOT / "examples"]
    docs = [d for d in iter_documents(source) if isinstance(d, RawDocument)][: args.limit]
    pipeline = Pipeline(PipelineConfig(model=args.model)).setup()
    assert pipeline.nlp is not None
    extract = next(stage for stage in pipeline.stages() if stage.name == "extract")
    texts = [extract.extractor(d).text for d in docs]  # type: ignore[attr-defined]
    pipeline.nlp.pipe(texts[:2])  # warm-up

    started = time.perf_counter()
    pipeline.nlp.pipe(texts)
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    records = list(pipeline.process_many(docs))
    full = time.perf_counter() - started

    words = sum(len(t.split()) for t in texts)
    result = {
        "corpus": str(source[0]),
        "articles": len(docs),
        "words": words,
        "spacy_only_articles_per_s": round(len(docs) / baseline, 2),
        "dateline_articles_per_s": round(len(docs) / full, 2),
        "ms_per_article": round(1000 * full / len(docs), 1),
        "ratio_dateline_to_spacy": round(baseline / full, 3),
        "events": sum(len(r.events) for r in records),
        "failures": sum(r.error is not None for r in records),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
