"""Actors: the dictionary (countries, organisations, people, roles) and phrase resolution."""

from .dictionary import ActorDictionary, Country, Office, Organisation, Role
from .resolve import ActorResolver

__all__ = ["ActorDictionary", "ActorResolver", "Country", "Office", "Organisation", "Role"]
