"""Event coding: CAMEO codes from dependency patterns over the parse.

`coder` builds events (`EventCoder`), `matching` tries the lexicon's patterns (`lexicon`) against a
trigger, `sides` finds the source and target, `modality` marks what did not happen (intent,
threat, refusal, hypotheticals), `placement` gives unplaced actors a country, and `syntax` holds
the parse helpers they share.
"""

from .coder import EventCoder, deduplicate
from .lexicon import Lexicon
from .placement import ActorPlacement

__all__ = ["ActorPlacement", "EventCoder", "Lexicon", "deduplicate"]
