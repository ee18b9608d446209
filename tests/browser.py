"""Helpers for the browser tests: which pages to check. The local server is sanctuary.serve."""

from __future__ import annotations

import os
from pathlib import Path

from sanctuary.serve import serve  # noqa: F401  (used by conftest)

EVERY_PAGE = os.environ.get("SANCTUARY_EVERY_PAGE") == "1"
# Generated pages (one per data file or provision) are checked on a fixed sample that covers every
# template and every kind of place, in both languages; `make test-all` checks every page.
GENERATED = ("places/", "states/", "counties/", "cities/")
# The fourteen provision pages (<section>/<provision>/, one template): one of each section.
SECTIONS = ("criminal-justice/", "immigration-enforcement/", "inclusive-community/")
SAMPLE = (
    "criminal-justice/no-private-prisons/",  # model texts, collapsed
    "immigration-enforcement/no-ice-in-jails-courts/",  # jails, courts and probation: a long list of adopters
    "inclusive-community/speak-out/",
    "cities/ca/long-beach/",  # a sample city of the 2016 guide, researched
    "counties/ca/los-angeles/",  # a researched county
    "cities/ca/san-francisco/",  # a researched city-county
    "places/california/",  # a state as a place
    "counties/ca/alameda/",  # a county not yet researched
    "cities/ca/san-diego/",  # a city not yet researched
    "counties/hi/kalawao/",  # the smallest county-equivalent
    "states/ca/",  # a state with a protective floor
    "states/tx/",  # a state that bans local protections
    "states/wy/",  # a state with neither
)


def all_pages(site: Path) -> list[str]:
    out = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


def pages_to_check(site: Path) -> list[str]:
    """Every hand-written page and the fixed sample of generated ones, in both languages
    (every page with SANCTUARY_EVERY_PAGE=1, as `make test-all` sets)."""
    pages = all_pages(site)
    if EVERY_PAGE:
        return pages
    chosen = []
    for rel in pages:
        path = rel.removeprefix("es/")
        generated = (path.startswith(GENERATED) and path not in ("places/", "states/")) or \
            (path.startswith(SECTIONS) and path not in SECTIONS)  # a provision's page, not its section's
        if not generated or path in SAMPLE:
            chosen.append(rel)
    missing = [p for p in SAMPLE for prefix in ("", "es/") if prefix + p not in chosen]
    assert not missing, f"the browser sample names pages that were not built: {missing}"
    return chosen
