"""Validate the data files and snapshots and print every error as ``file:line: field.path: message``.

    python -m sanctuary check                     # all files; exit 1 on any error
    python -m sanctuary check data/places/x.yml   # report only errors in these files
"""

from __future__ import annotations

import sys
from pathlib import Path

from .load import DataErrors, load_guide


def run(root: Path, files: list[str]) -> int:
    only = {Path(f).as_posix().removeprefix("./") for f in files}
    try:
        guide = load_guide(root)
    except DataErrors as exc:
        errors = [e for e in exc.errors if not only or e.file in only]
        if errors:
            print(DataErrors(errors), file=sys.stderr)
            return 1
        print(f"ok: no errors in {', '.join(sorted(only))} (other files have errors)")
        return 0
    print(
        f"ok: {len(guide.sections)} sections, {len(guide.provisions)} provisions, {len(guide.places)} places, "
        f"{len(guide.states)} states, {len(guide.glossary.terms)} glossary terms, {len(guide.federal.lists)} federal lists, "
        f"{len(guide.reference.snapshots)} reference snapshots"
    )
    return 0


if __name__ == "__main__":
    from .__main__ import main

    sys.exit(main(["check", *sys.argv[1:]]))
