"""Near-duplicate detection on a corpus: time, memory and pairs found, against exact-hash
duplicate detection of the same texts in the same process.

usage: python benchmarks/near_duplicates.py [CORPUS.jsonl] [--limit N]

For every text (in corpus order) it computes the MinHash signature (`dateline.dedup.signature`),
asks the LSH index for a stored article it copies (`NearDuplicates.find`) and indexes it when it
is new, as `Store.write` does. Prints texts/s for that and for the baseline (the whitespace-
normalised SHA-1 of each text, as the store hashes content), their ratio, the near-duplicate
pairs found (and how many of them are exact copies), and the process's peak resident memory.
The corpus defaults to ../shared/corpora/reuters21578.jsonl (all 19,043 stories).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from dateline import dedup
from dateline.store import content_hash

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0, help="first N texts only (0: all)")
    args = parser.parse_args()
    texts: list[tuple[str, str]] = []
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append((str(record["id"]), record.get("text") or ""))
            if args.limit and len(texts) >= args.limit:
                break
    start = time.perf_counter()
    seen: dict[str, str] = {}
    exact = 0
    for doc_id, text in texts:
        digest = content_hash(text)
        exact += digest in seen
        seen.setdefault(digest, doc_id)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    index = dedup.NearDuplicates()
    pairs: list[tuple[str, str, float]] = []
    for doc_id, text in texts:
        values = dedup.signature(text)
        found = index.find(values)
        if found is not None:
            pairs.append((doc_id, found[0], found[1]))
        else:
            index.add(doc_id, values)
    near = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"texts: {n}")
    print(f"exact-hash baseline: {baseline:.2f} s ({n / baseline:,.0f} texts/s), {exact} exact copies")
    rate = f"{near:.2f} s ({n / near:,.0f} texts/s)"
    print(f"near duplicates (MinHash LSH, threshold {dedup.THRESHOLD}): {rate}")
    print(f"ratio near/exact time: {near / baseline:.1f}")
    print(f"pairs found: {len(pairs)} ({sum(1 for _, _, s in pairs if s >= 0.999)} with similarity 1.0)")
    print(f"peak RSS: {peak:,.0f} MiB")
    for copy, original, similarity in pairs[:5]:
        print(f"  e.g. {copy} copies {original} ({similarity:.2f})")


if __name__ == "__main__":
    main()
