"""The pipeline's stages: each a registered class built complete by ``from_config`` and run on
the per-article `ArticleState` (see `dateline.registry` and `PipelineConfig.stages`).

`base` holds the protocol, the state and the shared resources; `document` the stages before and
of the parse; `analysis` the stages after it.
"""

from __future__ import annotations

from .analysis import Actors, Coding, Dates, Locate, Petrarch, Placement, Places, Quotes
from .base import PARTS, ArticleState, BatchStage, SharedResources, Stage
from .document import Extract, Language, Length, Parse

__all__ = [
    "PARTS",
    "Actors",
    "ArticleState",
    "BatchStage",
    "Coding",
    "Dates",
    "Extract",
    "Language",
    "Length",
    "Locate",
    "Parse",
    "Petrarch",
    "Placement",
    "Places",
    "Quotes",
    "SharedResources",
    "Stage",
]
