"""The matching rules the gold definitions share: word overlap, span overlap, distance, pentaclass.

Each is a small pure function, so the scorers read like the definitions in the gold README.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

#: A JSON object as read from a gold or predictions file.
Json = Mapping[str, Any]

#: Words left out when comparing actor and speaker names ("the", "of", possessive "s").
STOPWORDS = frozenset({"the", "a", "an", "of", "s"})
_WORD = re.compile(r"[a-z0-9]+")

#: Mean diameter of the Earth used by the great-circle distance, in kilometres.
EARTH_DIAMETER_KM = 12742.0

#: Phoenix pentaclass of each CAMEO root: 0 = statements and appeals (01-02), 1 = verbal
#: cooperation (03-05), 2 = material cooperation (06-08), 3 = verbal conflict (09-13, 16),
#: 4 = material conflict (14, 15, 17-20).
PENTACLASS: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


def words(text: str | None) -> frozenset[str]:
    """The lower-cased alphanumeric words of ``text``, without :data:`STOPWORDS`."""
    return frozenset(_WORD.findall((text or "").lower())) - STOPWORDS


def word_overlap(a: str | None, b: str | None) -> float:
    """Shared words as a share of the shorter text's words (0.0 when either has none)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def shares_half(a: str | None, b: str | None) -> bool:
    """True when ``a`` and ``b`` share at least half the words of the shorter one."""
    return word_overlap(a, b) >= 0.5


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when ``[a_start, a_end)`` and ``[b_start, b_end)`` overlap by half the shorter span."""
    shared = min(a_end, b_end) - max(a_start, b_start)
    return shared > 0 and shared >= 0.5 * min(a_end - a_start, b_end - b_start)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points, in kilometres."""
    rad = math.radians
    h = (
        math.sin(rad(lat2 - lat1) / 2) ** 2
        + math.cos(rad(lat1)) * math.cos(rad(lat2)) * math.sin(rad(lon2 - lon1) / 2) ** 2
    )
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))


def pentaclass(root: str | None) -> int | None:
    """The Phoenix pentaclass (0-4) of a two-digit CAMEO root, None for no or an unknown root."""
    return PENTACLASS.get(root or "")


def ratio(part: int, whole: int) -> float:
    """``part / whole``, with 0.0 for an empty whole (every metric's convention)."""
    return part / max(whole, 1)
