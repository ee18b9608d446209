"""List the plain-string publishers and sections that read as words of ours (they must be {en, es}).

    .venv/bin/python scripts/words_of_ours.py                 # list them
    .venv/bin/python scripts/words_of_ours.py --apply es.tsv  # rewrite them

Prints file, field and text for each, the same list tests/test_spanish_only.py fails on, so a
researcher can rewrite them before the test runs the whole guide. With ``--apply``, every plain
``publisher:`` or ``section:`` line whose text is the English of a pair becomes ``{en, es}``; the
pairs come from the TSV file (English, a tab, Spanish; one a line) and from the {en, es} publishers
and sections already in data/, so a text translated once is translated everywhere.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from sanctuary import langcheck, load  # noqa: E402

LINE = re.compile(r"^(?P<lead>\s*(?:- )?(?:publisher|section): )(?P<value>.+?)\s*$")


def known_pairs(root: Path) -> dict[str, str]:
    """English -> Spanish of every {en, es} publisher and section already written in data/."""
    pairs: dict[str, str] = {}
    for path in sorted((root / "data").glob("**/*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = LINE.match(line)
            if m and m["value"].startswith("{"):
                value = yaml.safe_load(m["value"])
                if isinstance(value, dict) and {"en", "es"} <= value.keys():
                    pairs.setdefault(value["en"], value["es"])
    return pairs


def apply(root: Path, tsv: Path) -> int:
    pairs = known_pairs(root)
    for row in tsv.read_text(encoding="utf-8").splitlines():
        if row.strip():
            en, es = row.split("\t")
            pairs[en.strip()] = es.strip()
    changed = 0
    for path in sorted((root / "data").glob("**/*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        out = []
        for line in lines:
            m = LINE.match(line.rstrip("\n"))
            if m and not m["value"].startswith(("{", "[", ">", "|")):
                text = yaml.safe_load(m["value"])
                if isinstance(text, str) and text in pairs:
                    line = f'{m["lead"]}{{en: {json.dumps(text, ensure_ascii=False)}, es: {json.dumps(pairs[text], ensure_ascii=False)}}}\n'
                    changed += 1
            out.append(line)
        path.write_text("".join(out), encoding="utf-8")
    print(f"{changed} lines rewritten", file=sys.stderr)
    return 0



def main(root: str = ".") -> int:
    found = langcheck.plain_words_of_ours(load.load_guide(root))
    for where, text in found:
        print(f"{where}: {text}")
    print(f"{len(found)} to rewrite as {{en, es}}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--apply"]:
        sys.exit(apply(Path(args[2] if len(args) > 2 else "."), Path(args[1])))
    sys.exit(main(*args))
