"""Geocoding: the gazetteer (`Gazetteer`) and toponym resolution in context (`Resolver`)."""

from .gazetteer import Entry, Gazetteer
from .resolver import Mention, Resolver

__all__ = ["Entry", "Gazetteer", "Mention", "Resolver"]
