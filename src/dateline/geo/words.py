"""NER labels and gazetteer kinds for finding toponyms. The words around place names are word
classes: ``places.*`` in ``data/words/places.toml`` (see `dateline.words`)."""

from __future__ import annotations

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"})
WIDE = frozenset({"continent", "region", "island", "sea", "ocean", "country"})
