"""Word lists for finding toponyms: NER labels, kinds, and the words around place names."""

from __future__ import annotations

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"})
WIDE = frozenset({"continent", "region", "island", "sea", "ocean", "country"})
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "mainland",
        "rural",
    }
)
LOCATIVES = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "across",
        "throughout",
        "around",
        "towards",
        "toward",
    }
)
#: Single words that are names of some place but mostly mean something else in a longer name.
GENERIC = DIRECTIONS | frozenset(
    {
        "bay",
        "beach",
        "center",
        "centre",
        "metro",
        "olympic",
        "lakes",
        "north-west",
        "south-west",
        "north-east",
        "south-east",
        "capital",
        "city",
        "coast",
        "county",
        "creek",
        "delta",
        "district",
        "federal",
        "gulf",
        "island",
        "islands",
        "lake",
        "mount",
        "national",
        "new",
        "park",
        "plateau",
        "province",
        "region",
        "republic",
        "river",
        "saint",
        "san",
        "santa",
        "state",
        "union",
        "united",
        "valley",
    }
)
#: Last words of names of features named after a place ("Swat Valley", "Kashmir Valley").
FEATURES = frozenset(
    {
        "valley",
        "basin",
        "region",
        "area",
        "province",
        "state",
        "district",
        "county",
        "territory",
        "governorate",
        "prefecture",
        "peninsula",
        "border",
        "borders",
    }
)
CONNECTORS = frozenset({"de", "del", "do", "da", "di", "du", "des", "la", "le", "el", "dos", "das"})
#: Weights: how much the article's countries and subdivisions move a choice.
#: Words after a name that make it a state or province ("New York state", "Ohio Governor").
ADMIN_HINTS = frozenset({"state", "province", "governor", "statewide", "state-wide", "legislature"})
