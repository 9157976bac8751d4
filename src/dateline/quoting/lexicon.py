"""The characters news uses to attribute speech. The words (reporting verbs, statement nouns,
source words) are word classes: ``speech.*`` in ``data/words/speech.toml`` (see `dateline.words`),
shared with the coder and coreference.
"""

from __future__ import annotations

#: A dash before a name after a quote signs it: “...” ― Julie Diaz.
SIGNATURE_DASHES = frozenset("\u2015\u2014\u2013-~")
