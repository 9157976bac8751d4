"""A registry of named stages, so pipelines are configured by name (as spaCy's factories).

The stages register themselves when `dateline.stages` is imported; `get_stage` and `stage_names`
import it first, so they always see every stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ConfigError, StageNotFound

if TYPE_CHECKING:
    from .stages import Stage

T = TypeVar("T")

_STAGES: dict[str, Any] = {}


def register(name: str) -> Callable[[T], T]:
    """Class or function decorator: make a stage available as ``name``."""

    def decorate(obj: T) -> T:
        known = _STAGES.get(name)
        if known is not None and _qualified(known) != _qualified(obj):
            raise ConfigError(f"two stages are named {name!r}: {_qualified(known)} and {_qualified(obj)}")
        _STAGES[name] = obj
        return obj

    return decorate


def get_stage(name: str) -> type[Stage]:
    """The stage class registered as ``name``; raises `StageNotFound` (naming the known ones)."""
    _load()
    try:
        stage: type[Stage] = _STAGES[name]
    except KeyError:
        raise StageNotFound(f"no stage named {name!r}; known: {', '.join(sorted(_STAGES))}") from None
    return stage


def stage_names() -> list[str]:
    """Names of all registered stages."""
    _load()
    return sorted(_STAGES)


def _load() -> None:
    from . import stages  # noqa: F401  (importing it registers the stages)


def _qualified(obj: object) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"
