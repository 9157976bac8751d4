"""PETRARCH/Phoenix dictionaries in dateline: an importer and a mechanics suite.

`import_files` (CLI: ``dateline dictionaries import-petrarch FILE... --out DIR``) reads PETRARCH
actor, agent and verb dictionaries, detects each file's kind from its content, and writes our
formats into DIR, ready for ``PipelineConfig(data_dirs=(DIR,))`` (layered over our dictionaries)
or with ``shipped_data=False`` (alone). It never copies a dictionary into this repository.

How PETRARCH maps onto our files (details in each module's docstring):

=========================  ================================================================
PETRARCH                   dateline
=========================  ================================================================
actor, 3-character code    ``actors/countries.tsv`` (iso3 = code; synonyms are aliases), so
(``ARNOR [ARN]``)          that agents compose with it as PETRARCH's do (ARN + GOV)
actor, longer code         ``actors/organisations.tsv`` (country = first three letters,
(``HAMAS [PSEREBHMS]``)    sectors = following 3-letter segments, kind from them)
actor with date            ``actors/people.tsv``: one row per period in which one code holds,
restrictions               country + role = the code, start/end ISO (empty = open)
agent ``ROLE [~GOV]``      ``actors/roles.tsv`` (role = the whole agent code, e.g. GOVFRM;
                           plurals generated, ``{}`` none, ``!SET!`` substitutions expanded)
verb block and patterns    ``verbs.tsv``: trigger = verb lemma (``:v``), other words are
                           required dependents, ``+`` after a preposition = ``PREP TARGET``,
                           synsets = ``a|b`` alternatives
=========================  ================================================================

What our formats cannot say is counted, per file and reason, in the JSON summary ("skipped" for
entries left out, "approximated" for entries imported with a loss), never dropped silently.

`PetrarchEngine` (``PipelineConfig(coder="petrarch", data_dirs=(DIR,))``) is the other way to use
PETRARCH dictionaries: it reads them as they are and codes with PETRARCH's mechanics (verb
patterns with ``*`` ``+`` ``$`` ``%`` ``^`` and synsets, ``[A:B]`` and null codes, agents,
compound and date-restricted actors, discards) over our spaCy parse, into our `Event` records;
event codes are carried verbatim (see `dateline.petrarch.engine`).

`run_mechanics` (``python -m dateline.petrarch mechanics [--coder petrarch|dateline|both]``) codes
PETRARCH's unit-test sentences with its validation dictionaries and counts the expected codings
reproduced, by the engine and by our coder on the imported dictionaries.
"""

from .engine import PetrarchEngine
from .importer import detect_kind, import_files
from .mechanics import run_mechanics

__all__ = ["PetrarchEngine", "detect_kind", "import_files", "run_mechanics"]
