"""People or things: whether a common noun no dictionary codes names people.

A noun's word vector is compared with two lists of example nouns (``kinds.people`` and
``kinds.things`` in the words files): the mean cosine similarity of its few nearest examples of
each kind decides. The examples' vectors are stacked once per vocabulary and word lists.
Without word vectors (a pipeline with none, or a noun with none) the answer is "people", so
that nothing is dropped on no evidence.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..words import Words

#: How many of the nearest examples of each kind are averaged.
NEAREST = 3

_MATRICES: dict[tuple[int, int], tuple[Any, Any]] = {}


def names_people(noun: Token, words: Words) -> bool:
    """Whether ``noun`` (a common noun) names people rather than a thing, a topic or a place."""
    import numpy

    vocab = noun.vocab
    if vocab.vectors.shape[0] == 0 or not vocab.has_vector(noun.lower):
        return True
    people, things = _examples(vocab, words)
    if people is None or things is None:
        return True
    vector = numpy.array(vocab.get_vector(noun.lower), dtype="float32")  # a copy: never the model's row
    norm = float(numpy.linalg.norm(vector))
    if norm == 0.0:
        return True
    vector /= norm
    return _nearest(people, vector) >= _nearest(things, vector)


def _nearest(examples: Any, vector: Any) -> float:
    import numpy

    similarities = examples @ vector
    count = min(NEAREST, similarities.shape[0])
    return float(numpy.sort(similarities)[-count:].mean())


def _examples(vocab: Any, words: Words) -> tuple[Any, Any]:
    """The unit vectors of the people and thing examples (None for a kind with no vectors)."""
    key = (id(vocab), id(words))
    if key not in _MATRICES:
        _MATRICES[key] = (_stack(vocab, words["kinds.people"]), _stack(vocab, words["kinds.things"]))
    return _MATRICES[key]


def _stack(vocab: Any, examples: frozenset[str]) -> Any:
    import numpy

    rows = []
    for word in sorted(examples):
        if not vocab.has_vector(word):
            continue
        vector = numpy.array(vocab.get_vector(word), dtype="float32")
        norm = float(numpy.linalg.norm(vector))
        if norm:
            rows.append(vector / norm)
    # The md vectors share rows between similar words: a row counts once, or three place words
    # with one vector would outvote everything near them.
    return numpy.unique(numpy.stack(rows), axis=0) if rows else None
