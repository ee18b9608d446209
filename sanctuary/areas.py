"""Counties and the largest cities as pages: their names in each language, slugs, and which
researched place (if any) is each one (plain Python).

Every county and county-equivalent has a page at ``counties/<st>/<slug>/``, every one of the 100
largest cities at ``cities/<st>/<slug>/``. A county that is one and the same as a city of the list
(a consolidated city-county such as San Francisco, an independent city such as Baltimore) has the
city's page only. A researched place file of a county or such a city *is* that page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import schema
from .reference.census import City, County

COUNTY = "county"
CITY = "city"

# How Census ends a county-equivalent's name, and how Spanish names it ("Condado de Harris").
_SUFFIXES = (
    ("City and Borough", "Ciudad y borough de {}"),
    ("Census Area", "Área censal de {}"),
    ("Planning Region", "Región de planificación de {}"),
    ("Municipality", "Municipio de {}"),
    ("Borough", "Borough de {}"),
    ("County", "Condado de {}"),
    ("Parish", "Parroquia de {}"),
    ("city", "Ciudad de {}"),
)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def county_slug(name: str) -> str:
    """'Harris County' -> 'harris'; 'Baltimore city' -> 'baltimore-city' (Baltimore County is 'baltimore')."""
    for suffix, _ in _SUFFIXES:
        if name.endswith(" " + suffix) and suffix != "city":
            return slugify(name[: -len(suffix) - 1])
    return slugify(name)


def county_name(name: str, lang: str) -> str:
    """The county's name in the page's language."""
    if lang == "es":
        for suffix, pattern in _SUFFIXES:
            if name.endswith(" " + suffix):
                return pattern.format(name[: -len(suffix) - 1])
    return name


@dataclass(frozen=True)
class Area:
    """A county page or a city page."""

    kind: str  # county | city
    state: str  # postal code
    slug: str
    name: schema.Text
    population: int
    population_year: int
    counties: tuple[str, ...]  # county FIPS: the county itself, or the city's counties (principal first)
    city: City | None = None
    county: County | None = None
    place: schema.Place | None = field(default=None, compare=False)  # the researched place it is, if any

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.state}:{self.slug}"

    @property
    def src(self) -> str:
        return f"{'counties' if self.kind == COUNTY else 'cities'}/{self.state.lower()}/{self.slug}.md"


def _fold(text: str) -> str:
    return slugify(text)


def build(counties: list[County], cities: list[City], places: list[schema.Place], fips_to_state: dict[str, str]) -> list[Area]:
    """Every county page and city page, each matched to the researched place it is (by state,
    kind and name; a place's ``census_name`` when its name differs)."""
    by_name: dict[tuple[str, str, str], schema.Place] = {}
    for p in places:
        key_name = _fold(p.census_name or p.name.en)
        if p.kind is schema.PlaceKind.county:
            by_name[(COUNTY, p.state, key_name)] = p
        elif p.kind in (schema.PlaceKind.city, schema.PlaceKind.city_county):
            by_name[(CITY, p.state, key_name)] = p
    out: list[Area] = []
    one_county_cities = {c.county_fips[0]: c for c in cities if c.kind != "city" and len(c.county_fips) == 1}
    for c in cities:
        place = by_name.get((CITY, c.state, _fold(c.name)))
        # A researched city's Spanish name is the guide's ("San José", "Nueva Orleans") where the
        # place is named as the Census names the city; else the Census name, in both languages.
        es = place.name.es if place is not None and place.name.en == c.name else c.name
        out.append(Area(CITY, c.state, slugify(c.name), schema.Text(en=c.name, es=es), c.pop_2024, 2024, c.county_fips,
                        city=c, place=place))
    for county in counties:
        state = fips_to_state.get(county.state_fips)
        if state is None or county.fips in one_county_cities:
            continue
        out.append(Area(COUNTY, state, county_slug(county.name),
                        schema.Text(en=county.name, es=county_name(county.name, "es")), county.pop_2025, 2025, (county.fips,),
                        county=county, place=by_name.get((COUNTY, state, _fold(county.name)))))
    return out
