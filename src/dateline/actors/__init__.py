"""Actors: the dictionary (countries, organisations, people, roles) and phrase resolution."""

from .dictionary import ActorDictionary, Country, Organisation, Role
from .people import Office
from .resolve import ActorResolver

__all__ = ["ActorDictionary", "ActorResolver", "Country", "Office", "Organisation", "Role"]
