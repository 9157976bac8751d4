"""Geocoding: the stage (`Geocoder`), the gazetteer (`Gazetteer`) and toponym resolution in
context (`Resolver`)."""

from .gazetteer import Entry, Gazetteer
from .geocoder import Geocoder
from .resolver import Mention, Resolver

__all__ = ["Entry", "Gazetteer", "Geocoder", "Mention", "Resolver"]
