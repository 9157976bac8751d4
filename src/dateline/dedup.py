"""Near-duplicate articles: wire copies that differ by a headline, a byline or a trailing line.

Each stored article keeps a MinHash signature (`NUM_PERM` permutations) of its word 5-shingles;
an LSH index (datasketch's ``MinHashLSH``) over them finds the stored articles a new one may copy.
A new article whose estimated Jaccard similarity to a stored one is at least `THRESHOLD` is a
copy: the store keeps it as an alias of that article (its id, url and similarity), not as a second
article, and the events of the original count it as one more article.

0.8 on 5-shingles: a 400-word story with a changed headline and a line of boilerplate added keeps
a similarity of about 0.9, while two stories on the same event written separately share few
5-word runs (well under 0.5). Texts shorter than five words are compared word by word.
"""

from __future__ import annotations

import re
from typing import Any

#: MinHash permutations: the similarity estimate's standard error is about 1/sqrt(NUM_PERM).
NUM_PERM = 128
#: Estimated Jaccard similarity of 5-shingles from which an article is a copy of another.
THRESHOLD = 0.8
SHINGLE = 5
#: datasketch's hashing scheme (64-bit values; stored signatures are read back with the same one).
SCHEME = "affine64"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    """The text's word ``SHINGLE``-grams, lowercased (its words, for a shorter text)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text`` (`NUM_PERM` unsigned 64-bit values)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return [int(v) for v in minhash.hashvalues]


class NearDuplicates:
    """The LSH index of a store's signatures; `find` the stored article a text copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, values: list[int]) -> None:
        """Index a stored article's signature."""
        if article_id in self._signatures:
            self._lsh.remove(article_id)
        minhash = _minhash(values)
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash

    def remove(self, article_id: str) -> None:
        """Forget an article (its text was replaced)."""
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def find(self, values: list[int], exclude: str | None = None) -> tuple[str, float] | None:
        """The indexed article most similar to ``values`` at or above the threshold, with its
        estimated similarity (the smallest id among equals, so the answer is stable)."""
        minhash = _minhash(values)
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(minhash):
            if candidate == exclude:
                continue
            similarity = float(minhash.jaccard(self._signatures[candidate]))
            if similarity < self.threshold:
                continue
            if best is None or (-similarity, candidate) < (-best[1], best[0]):
                best = (candidate, similarity)
        return best


def _minhash(values: list[int]) -> Any:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)
