"""A registry of named stages, so pipelines are configured by name (as spaCy's factories)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .errors import StageNotFound

T = TypeVar("T")

_STAGES: dict[str, Any] = {}


def register(name: str) -> Callable[[T], T]:
    """Class or function decorator: make a stage available as ``name``."""

    def decorate(obj: T) -> T:
        _STAGES[name] = obj
        return obj

    return decorate


def get_stage(name: str) -> Any:
    """The stage registered as ``name``."""
    try:
        return _STAGES[name]
    except KeyError:
        raise StageNotFound(f"no stage named {name!r}; known: {', '.join(sorted(_STAGES))}") from None


def stage_names() -> list[str]:
    """Names of all registered stages."""
    return sorted(_STAGES)
