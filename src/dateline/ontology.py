"""The CAMEO event ontology: codes, names, Goldstein values, quad classes and the PLOVER crosswalk.

The facts live in the shipped ``data/cameo.tsv`` (built by ``scripts/build_cameo_table.py``).
Use :func:`default_ontology` for a cached, shared instance::

    >>> default_ontology().get("042").plover_mode
    'visit'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.resources import read_tsv, split_list

__all__ = [
    "PLOVER_TYPES",
    "QUAD_CLASSES",
    "CameoCode",
    "Ontology",
    "UnknownCameoCode",
    "default_ontology",
    "pentaclass",
    "quad_class",
]

#: The 16 PLOVER event types, cooperative ones first.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "ACCUSE",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Names of the CAMEO quad classes.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

#: Phoenix pentaclass of each root that is not 0, 1 or 2 by range (0: 01-02, 1: 03-05, 2: 06-08).
_PENTACLASS_HIGH: dict[int, int] = {9: 3, 10: 3, 11: 3, 12: 3, 13: 3, 16: 3, 14: 4, 15: 4}


def _root_number(root: str) -> int:
    """Validate a two-digit CAMEO root ("01".."20") and return it as an int."""
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise ValueError(f"not a CAMEO root code (expected '01'..'20'): {root!r}")
    return int(root)


def quad_class(root: str) -> int:
    """CAMEO quad class of a root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    n = _root_number(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


def pentaclass(root: str) -> int:
    """Phoenix pentaclass of a root: 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, else 4."""
    n = _root_number(root)
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    return _PENTACLASS_HIGH.get(n, 4)


class UnknownCameoCode(KeyError):
    """Raised when a code is not in the CAMEO ontology."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return (
            f"unknown CAMEO code {self.code!r}: expected a root '01'..'20' or a 3- or 4-digit code "
            "with leading zeros kept, as a string (e.g. '042', '0311')"
        )


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein value, quad class and PLOVER mapping.

    ``plover_event`` is ``None`` for the 01x public statements, which PLOVER does not code.
    """

    code: str
    name: str
    goldstein: float
    quad: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        """The two-digit root code ("042" -> "04")."""
        return self.code[:2]

    @property
    def pentaclass(self) -> int:
        """Phoenix pentaclass (0-4) of the root."""
        return pentaclass(self.root)

    @property
    def is_root(self) -> bool:
        """Whether this is one of the 20 root codes."""
        return len(self.code) == 2


class Ontology:
    """The full set of CAMEO codes, looked up by code string."""

    def __init__(self, codes: list[CameoCode]) -> None:
        self._codes: dict[str, CameoCode] = {}
        for entry in codes:
            if entry.code in self._codes:
                raise ValueError(f"duplicate CAMEO code {entry.code!r}")
            self._codes[entry.code] = entry

    @classmethod
    def load(cls) -> Ontology:
        """Read the shipped ``cameo.tsv``."""
        codes = [
            CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad=int(row["quad"]),
                plover_event=row["plover_event"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=tuple(split_list(row["plover_context"])),
            )
            for row in read_tsv("cameo.tsv")
        ]
        return cls(codes)

    def get(self, code: str) -> CameoCode:
        """Return the entry for ``code``; raise :class:`UnknownCameoCode` if there is none."""
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownCameoCode(code) from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def roots(self) -> list[CameoCode]:
        """The 20 root codes, "01" to "20" in order."""
        return sorted((entry for entry in self._codes.values() if entry.is_root), key=lambda e: e.code)


@functools.lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The shipped ontology, loaded once and shared."""
    return Ontology.load()
