"""Where the research stands, in the figures the research issue asks for. Anyone can run it:

    .venv/bin/python scripts/research_counts.py            # a plain-text report
    .venv/bin/python scripts/research_counts.py --markdown # the same, as the README's tables

It reads the validated guide (the same loader as the site), so a file that does not pass
`make check` stops it. Targets: every one of the 100 largest cities researched, no
`not-researched` status left among them or the guide's places, at most 15% of their
immigration-enforcement statuses `unknown`, and at least 60% of distinct source URLs on the
original publisher (a government, legislature or court, or the agency itself).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = {"official", "legislature", "court"}  # source kinds on the original publisher
SHORTENERS = {"bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "is.gd", "rebrand.ly", "lnkd.in", "tiny.cc"}
STATUSES = ("yes", "partial", "no", "unknown", "not-researched")
TARGET_IE_UNKNOWN = 0.15
TARGET_ORIGINAL = 0.60


def counts(guide) -> dict:
    cities = [a for a in guide.all_areas if a.kind == "city"]
    researched_cities = [a.place for a in cities if a.place is not None]
    def tally(places) -> Counter:
        return Counter(st.status.value for p in places for st in p.provisions.values())

    ie = [st for p in researched_cities for code, st in p.provisions.items() if code.startswith("IE")]
    ie_unknown = sum(1 for st in ie if st.status.value == "unknown")
    sources = [(s, f"place:{p.slug}") for p in guide.places for s in p.sources]
    sources += [(s, f"state:{st.code}") for st in guide.states for s in st.sources]
    sources += [(s, f"section:{sec.id}") for sec in guide.sections for s in sec.sources]
    sources += [(s, "glossary") for s in guide.glossary.sources] + [(s, "federal") for s in guide.federal.sources]
    by_url: dict[str, set[str]] = {}
    for s, _ in sources:
        by_url.setdefault(s.url, set()).add(s.kind.value)
    original = sum(1 for kinds in by_url.values() if kinds & ORIGINAL)
    shorteners = sorted(u for u in by_url if urlsplit(u).netloc.lower().removeprefix("www.") in SHORTENERS)
    settled = [st for p in guide.places for st in p.provisions.values() if st.status.value in ("yes", "partial", "no")]
    return {
        "cities_total": len(cities),
        "cities_researched": len(researched_cities),
        "cities_statuses": dict(tally(researched_cities)),
        "cities_ie_statuses": len(ie),
        "cities_ie_unknown": ie_unknown,
        "places": len(guide.places),
        "places_statuses": dict(tally(guide.places)),
        "settled_with_quote": sum(1 for st in settled if st.quote),
        "settled": len(settled),
        "urls": len(by_url),
        "urls_original": original,
        "urls_by_kind": dict(Counter(k for kinds in by_url.values() for k in kinds)),
        "urls_unverified": len({s.url for s, _ in sources if s.unverified}),
        "shorteners": shorteners,
    }


def report(c: dict, markdown: bool) -> str:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.0f}%" if b else "-"

    def row(cells) -> str:
        if markdown:
            return "| " + " | ".join(str(x) for x in cells) + " |"
        return "  ".join(f"{x!s:>14}" for x in cells)

    lines = []
    head = ["", *STATUSES, "total"]
    lines.append(row(head))
    if markdown:
        lines.append("|" + "---|" * len(head))
    for label, key in (("100 largest cities (researched)", "cities_statuses"), ("all places in the guide", "places_statuses")):
        t = c[key]
        lines.append(row([label, *(t.get(s, 0) for s in STATUSES), sum(t.values())]))
    ie_share = c["cities_ie_unknown"] / c["cities_ie_statuses"] if c["cities_ie_statuses"] else 0
    original_share = c["urls_original"] / c["urls"] if c["urls"] else 0
    checks = [
        ("100 largest cities researched", f"{c['cities_researched']} of {c['cities_total']}", c["cities_researched"] == c["cities_total"]),
        ("their immigration-enforcement statuses unknown (target <= 15%)",
         f"{c['cities_ie_unknown']} of {c['cities_ie_statuses']} ({pct(c['cities_ie_unknown'], c['cities_ie_statuses'])})",
         ie_share <= TARGET_IE_UNKNOWN),
        ("not-researched statuses left in the guide (target 0)", c["places_statuses"].get("not-researched", 0),
         c["places_statuses"].get("not-researched", 0) == 0),
        ("yes/partial/no statuses that quote their rule", f"{c['settled_with_quote']} of {c['settled']} "
         f"({pct(c['settled_with_quote'], c['settled'])})", None),
        ("distinct source URLs on the original publisher (target >= 60%)",
         f"{c['urls_original']} of {c['urls']} ({pct(c['urls_original'], c['urls'])})", original_share >= TARGET_ORIGINAL),
        ("source URLs marked unverified", c["urls_unverified"], None),
        ("URL shorteners (target 0)", len(c["shorteners"]), not c["shorteners"]),
    ]
    lines.append("")
    if markdown:
        lines += ["| measure | figure | target met |", "|---|---|---|"]
    for name, figure, ok in checks:
        mark = {True: "yes", False: "no", None: "-"}[ok]
        lines.append(f"| {name} | {figure} | {mark} |" if markdown else f"  {name}: {figure}  [{mark}]")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(c["urls_by_kind"].items(), key=lambda kv: -kv[1]))
    lines += ["", f"Source URLs by kind: {kinds}."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    from sanctuary.errors import DataErrors
    from sanctuary.load import load_guide

    try:
        guide = load_guide(args.root)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    print(report(counts(guide), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
