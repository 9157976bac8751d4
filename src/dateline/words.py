"""Word classes: the lists of words the rules read (speech verbs, pronouns, force nouns, ...).

Each family of classes is one TOML file, ``data/words/<family>.toml``, each class a list under
its name (``reporting_verbs = ["say", "tell", ...]``); code asks for ``"<family>.<class>"``:
``words["speech.reporting_verbs"]``. An item of a list is

* ``word``: the word is in the class (lowercase: the rules compare lowercased text and lemmas;
  a few classes hold phrases, e.g. ``"copy link"``);
* ``@name``: every word of class ``name`` of the same family (``@family.name`` for another's)
  is in the class too, so a word has one home and the classes built on it follow it;
* ``-word``, ``-@name``: the word (the included class) is not, whatever a file below said;
* ``-*``: forget what the files below said about the class; the items after it replace them.

A user's ``<data_dir>/words/<family>.toml`` has the same shape and is read over ours (the first
directory of ``data_dirs`` last, so it wins): ``reporting_verbs = ["whisper", "-write"]`` adds a
reporting verb and removes one. A removal applies after the includes are expanded, so removing a
word from a class removes it from every class that includes it. A family or class we do not ship
is an error, not ignored: the rules would never read it. The pipeline reads ours under a user's
even with ``shipped_data=False``, which drops our dictionaries, not the English the rules read.

The lexicon (`dateline.coding.lexicon.Lexicon.words`) and the actor dictionary
(`dateline.actors.ActorDictionary.words`) carry the classes of their data directories to the
stages; `default_words` is ours alone.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .errors import ConfigError, DataFileError, DatelineError
from .resources import DATA_PACKAGE

WORDS_DIR = "words"
_HINT = (
    'A words file maps class names to lists of words: reporting_verbs = ["whisper", "-write"] '
    "(see the header of the shipped file of that family)"
)


@dataclass(slots=True)
class _Layered:
    """One class while the files are read: its own words, included classes and removals."""

    words: set[str] = field(default_factory=set)
    includes: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


class Words(Mapping[str, frozenset[str]]):
    """The word classes, by ``"<family>.<class>"`` name (immutable once loaded)."""

    __slots__ = ("_classes",)

    def __init__(self, classes: Mapping[str, frozenset[str]]) -> None:
        self._classes = MappingProxyType(dict(classes))

    @classmethod
    def load(cls, data_dirs: Sequence[str | Path] = (), shipped: bool = True) -> Words:
        """The shipped classes with a user's ``words/*.toml`` in ``data_dirs`` read over them.

        ``shipped=False`` starts every class empty (the classes still are the shipped ones).
        """
        ours = _shipped_classes()
        layers = {f"{family}.{name}": _Layered() for family, classes in ours.items() for name in classes}
        if shipped:
            for family, classes in ours.items():
                _apply(f"data/{WORDS_DIR}/{family}.toml", family, classes, layers, DataFileError)
        for directory in reversed(list(data_dirs)):
            for path in sorted((Path(directory) / WORDS_DIR).glob("*.toml")):
                _apply(str(path), path.stem, _read(path, ConfigError), layers, ConfigError)
        resolved: dict[str, frozenset[str]] = {}
        for name in layers:
            _resolve(name, layers, resolved, ())
        return cls(resolved)

    def __getitem__(self, name: str) -> frozenset[str]:
        try:
            return self._classes[name]
        except KeyError:
            raise ConfigError(f"no word class {name!r}", _did_you_mean(name, self._classes)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)

    def __repr__(self) -> str:
        return f"Words({len(self)} classes)"

    def __reduce__(self) -> tuple[type[Words], tuple[dict[str, frozenset[str]]]]:
        return type(self), (dict(self._classes),)


@cache
def default_words() -> Words:
    """The shipped word classes (read once per process)."""
    return Words.load()


@cache
def _shipped_classes() -> dict[str, dict[str, list[str]]]:
    """The items of every shipped class, by family and class name (never mutated)."""
    folder = Path(str(resources.files(DATA_PACKAGE).joinpath(WORDS_DIR)))
    return {path.stem: _read(path, DataFileError) for path in sorted(folder.glob("*.toml"))}


def _read(path: Path, error: type[DatelineError]) -> dict[str, list[str]]:
    """The classes of one words file, checked for shape."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise error(f"{path}: cannot read it as TOML: {exc}", _HINT) from None
    for name, items in data.items():
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise error(f"{path}: {name} must be a list of words, not {items!r}", _HINT)
        for item in items:
            if item == "-*":
                continue
            word = item.removeprefix("-").removeprefix("@")
            if not word or word == "*" or word != word.lower() or word != " ".join(word.split()):
                raise error(
                    f"{path}: {name}: {item!r} is not a word",
                    'Write each item as a lowercase word (or phrase, single spaces), e.g. "whisper"',
                )
    return data


def _apply(
    where: str,
    family: str,
    classes: Mapping[str, list[str]],
    layers: dict[str, _Layered],
    error: type[DatelineError],
) -> None:
    """Read one file's classes over the classes read so far; its items apply in order."""
    for name, items in classes.items():
        full = f"{family}.{name}"
        if full not in layers:
            raise error(f"{where}: no word class {full!r}", _did_you_mean(full, layers))
        layer = layers[full]
        for item in items:
            removing, word = item.startswith("-"), item.removeprefix("-")
            if word == "*":
                layers[full] = layer = _Layered()
            elif word.startswith("@"):
                target = word[1:] if "." in word else f"{family}.{word[1:]}"
                if target not in layers:
                    hint = _did_you_mean(target, layers)
                    raise error(f"{where}: {name} includes {item!r}: no such class", hint)
                if removing:
                    layer.includes.discard(target)
                else:
                    layer.includes.add(target)
            else:
                (layer.removed if removing else layer.words).add(word)
                (layer.words if removing else layer.removed).discard(word)


def _resolve(
    name: str, layers: dict[str, _Layered], resolved: dict[str, frozenset[str]], path: tuple[str, ...]
) -> frozenset[str]:
    """The words of class ``name``: its own and its included classes', less its removals."""
    if name in resolved:
        return resolved[name]
    if name in path:
        cycle = " -> ".join((*path[path.index(name) :], name))
        raise ConfigError(f"word classes include each other in a circle: {cycle}", "Remove an @ include")
    layer = layers[name]
    words = set(layer.words)
    for included in sorted(layer.includes):
        words |= _resolve(included, layers, resolved, (*path, name))
    resolved[name] = frozenset(words - layer.removed)
    return resolved[name]


def _did_you_mean(name: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3)
    if close:
        return f"Did you mean {' or '.join(repr(c) for c in close)}? Classes are named FAMILY.CLASS"
    families = sorted({k.split(".")[0] for k in known})
    return f"Classes are named FAMILY.CLASS; the families are {', '.join(families)}"
