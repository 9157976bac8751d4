"""Cost of length: the same text coded as many short articles and as one long one, in one process.

usage: python benchmarks/long_article.py [CORPUS.jsonl] [--copies N] [--model md|sm]

Prints seconds for (a) the corpus's stories coded one article each and (b) the same stories joined
into one article (repeated ``--copies`` times, and as many separate articles for (a)), and the
ratio b/a. A pipeline whose cost grows linearly with length stays near 1; one that walks the
whole document for every mention grows with the square of the length. Long texts are parsed in
segments (`PipelineConfig.segment_chars`), so spaCy's own cost stays linear.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.pipeline import Pipeline, PipelineConfig
from dateline.records import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as lines:
        stories = [json.loads(line)["text"] for line in lines if line.strip()] * args.copies
    pipeline = Pipeline(PipelineConfig(model=args.model)).setup()
    pipeline.process(RawDocument(id="warm-up", text=stories[0], verbatim=True))

    started = time.perf_counter()
    short = list(
        pipeline.process_many(RawDocument(id=str(i), text=t, verbatim=True) for i, t in enumerate(stories))
    )
    separate = time.perf_counter() - started
    joined = "\n".join(stories)
    started = time.perf_counter()
    long = pipeline.process(RawDocument(id="joined", text=joined, verbatim=True))
    together = time.perf_counter() - started
    assert long.error is None and all(r.error is None for r in short)
    print(f"characters: {len(joined):,} in {len(stories)} stories")
    print(f"(a) {len(stories)} articles: {separate:.1f} s, {sum(len(r.events) for r in short)} events")
    print(f"(b) one article: {together:.1f} s, {len(long.events)} events")
    print(f"ratio b/a: {together / separate:.2f}")


if __name__ == "__main__":
    main()
