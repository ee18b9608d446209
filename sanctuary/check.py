"""Validate the data files and print every error as ``file:line: field.path: message``.

    python -m sanctuary.check                 # all files; exit 1 on any error
    python -m sanctuary.check data/places/x.yml ...   # report only errors in these files
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import DataErrors, load_guide

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sanctuary.check", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="only report errors in these files (paths relative to --root)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    only = {Path(f).as_posix().removeprefix("./") for f in args.files}
    try:
        guide = load_guide(args.root)
    except DataErrors as exc:
        errors = [e for e in exc.errors if not only or e.file in only]
        if errors:
            print(DataErrors(errors), file=sys.stderr)
            return 1
        print(f"ok: no errors in {', '.join(sorted(only))} (other files have errors)")
        return 0
    print(
        f"ok: {len(guide.sections)} sections, {len(guide.provisions)} provisions, {len(guide.places)} places, "
        f"{len(guide.glossary.terms)} glossary terms, {len(guide.federal.lists)} federal lists"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
