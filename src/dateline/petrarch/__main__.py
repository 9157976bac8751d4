"""``python -m dateline.petrarch mechanics``: the PETRARCH mechanics suite, as JSON on stdout.

``python -m dateline.petrarch import FILE... --out DIR`` is `dateline dictionaries import-petrarch`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_DIR = Path("../shared/gold/petrarch")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.petrarch")
    commands = parser.add_subparsers(dest="command", required=True)
    mech = commands.add_parser(
        "mechanics", help="code PETR.UnitTest.records.xml with the validation dictionaries"
    )
    mech.add_argument("--dicts", type=Path, default=DEFAULT_DIR, help="directory with PETR.Validate.*.txt")
    mech.add_argument(
        "--records", type=Path, help="unit-test records (default: DICTS/PETR.UnitTest.records.xml)"
    )
    mech.add_argument("--model", help="spaCy model (md, sm, or a name/path)")
    mech.add_argument("--details", type=Path, help="also write every record's expected and coded events here")
    mech.add_argument(
        "--coder",
        choices=("petrarch", "dateline", "both"),
        default="both",
        help="the PETRARCH-compatible engine, our coder on the imported dictionaries, or both "
        "(default: the engine's figures, with our coder's summary under 'dateline_coder')",
    )
    imp = commands.add_parser("import", help="convert PETRARCH dictionaries into DIR")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "import":
        from .importer import import_files

        print(json.dumps(import_files(args.files, args.out), indent=2))
        return 0
    records = args.records or args.dicts / "PETR.UnitTest.records.xml"
    if not records.is_file():
        print(f"error: {records} not found (give --dicts or --records)", file=sys.stderr)
        return 2
    from .mechanics import run_mechanics

    result = run_mechanics(
        records, args.dicts, model=args.model, coder=args.coder.replace("both", "petrarch")
    )
    details = result.pop("records")
    if args.coder == "both":
        ours = run_mechanics(records, args.dicts, model=args.model, coder="dateline")
        result["dateline_coder"] = {
            k: v for k, v in ours.items() if k not in ("records", "by_category", "import")
        }
    if args.details is not None:
        args.details.write_text(json.dumps(details, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
