"""Open data: the guide's data as CSV and JSON files, written at build time (plain Python).

Every file is derived from the validated guide (no file is read here); the tests read them
back and check they give the same records as the YAML. ``python -m sanctuary opendata OUT``
writes them alone.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import dictionary_es, schema
from .guide import Guide
from .reference.snapshots import Kind

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SEP = " | "  # joins several ids or URLs in one CSV cell


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return buf.getvalue()


def _urls(ids: list[str], sources: dict) -> str:
    return SEP.join(sources[i].url for i in ids)


def tables(guide: Guide) -> dict[str, tuple[list[str], list[dict]]]:
    """File name -> (columns, rows)."""
    out: dict[str, tuple[list[str], list[dict]]] = {}
    out["provisions.csv"] = (
        ["code", "section", "slug", "title_en", "title_es", "recommendation_en", "recommendation_es", "instruments"],
        [{"code": p.code, "section": guide.section_of[p.code].id, "slug": p.slug, "title_en": p.title.en,
          "title_es": p.title.es, "recommendation_en": p.recommendation.en, "recommendation_es": p.recommendation.es,
          "instruments": SEP.join(i.value for i in p.instruments)} for p in guide.provisions],
    )
    out["places.csv"] = (
        ["slug", "name_en", "name_es", "state", "kind", "reviewed"],
        [{"slug": p.slug, "name_en": p.name.en, "name_es": p.name.es, "state": p.state, "kind": p.kind.value,
          "reviewed": p.reviewed} for p in guide.places],
    )
    policies, statuses, sources = [], [], []
    for place in guide.places:
        by_id = {s.id: s for s in place.sources}
        for pol in place.policies:
            policies.append({"place": place.slug, "id": pol.id, "title": schema.in_language(pol.title, "en"), "identifier": pol.identifier or "",
                             "kind": pol.kind.value, "adopted": pol.adopted or "", "state": pol.state.value,
                             "summary_en": pol.summary.en, "summary_es": pol.summary.es,
                             "source_urls": _urls(pol.sources, by_id)})
        for prov in guide.provisions:
            st = place.provisions[prov.code]
            statuses.append({"place": place.slug, "code": prov.code, "status": st.status.value, "note_en": st.note.en if st.note else "",
                             "note_es": st.note.es if st.note else "", "policies": SEP.join(st.policies),
                             "section": schema.in_language(st.section, "en"), "quote": st.quote or "",
                             "quote_lang": st.quote_lang.value if st.quote else "",
                             "searched_en": st.searched.what.en if st.searched else "",
                             "searched_es": st.searched.what.es if st.searched else "",
                             "searched_on": st.searched.on if st.searched else "",
                             "source_urls": _urls(st.sources, by_id), "as_of": st.as_of or place.reviewed})
        for s in place.sources:
            sources.append({"owner": f"place:{place.slug}", "id": s.id, "title": s.title, "url": s.url,
                            "publisher": schema.in_language(s.publisher, "en"), "kind": s.kind.value, "date": s.date or "",
                            "unverified": "yes" if s.unverified else ""})
    out["policies.csv"] = (["place", "id", "title", "identifier", "kind", "adopted", "state", "summary_en",
                            "summary_es", "source_urls"], policies)
    out["statuses.csv"] = (["place", "code", "status", "note_en", "note_es", "policies", "section", "quote",
                              "quote_lang", "searched_en", "searched_es", "searched_on", "source_urls", "as_of"], statuses)
    laws = []
    for state in guide.states:
        by_id = {s.id: s for s in state.sources}
        for law in state.laws:
            laws.append({"state": state.code, "id": law.id, "title": schema.in_language(law.title, "en"), "identifier": law.identifier or "",
                         "year": law.year or "", "status": law.status.value, "summary_en": law.summary.en,
                         "summary_es": law.summary.es, "source_urls": _urls(law.sources, by_id)})
        for s in state.sources:
            sources.append({"owner": f"state:{state.code}", "id": s.id, "title": s.title, "url": s.url,
                            "publisher": schema.in_language(s.publisher, "en"), "kind": s.kind.value, "date": s.date or "",
                            "unverified": "yes" if s.unverified else ""})
    out["states.csv"] = (
        ["code", "fips", "name_en", "name_es", "stance", "laws", "reviewed"],
        [{"code": s.code, "fips": s.fips, "name_en": s.name.en, "name_es": s.name.es, "stance": s.stance.value,
          "laws": len(s.laws), "reviewed": s.reviewed} for s in guide.states],
    )
    out["state_laws.csv"] = (["state", "id", "title", "identifier", "year", "status", "summary_en", "summary_es",
                              "source_urls"], laws)
    out["sources.csv"] = (["owner", "id", "title", "url", "publisher", "kind", "date", "unverified"], sources)
    sheet = guide.agreements_layer.snapshot
    columns = ["state", "agency", "agency_type", "county", "model", "signed", "moa_published", "fixes"]
    out[f"ice_287g_{sheet.as_of}.csv"] = (columns + ["county_fips", "scope", "placed_by", "moa_url"], [a.row() for a in guide.agreements])
    out.update(area_tables(guide))
    out[f"doj_list_{guide.doj_layer.snapshot.as_of}.csv"] = (
        ["name", "kind", "state", "state_fips", "county_fips", "guide_places"],
        [{"name": item.name, "kind": item.kind, "state": item.state, "state_fips": item.state_fips,
          "county_fips": item.county_fips, "guide_places": SEP.join(p.slug for p in places)}
         for item, places in guide.doj_matches],
    )
    return out


def area_tables(guide: Guide) -> dict[str, tuple[list[str], list[dict]]]:
    """counties.csv and cities.csv: each county and city page's facts and its 14 statuses, each
    with its basis (researched, derived, not-researched) and rule; facilities.csv. Every row
    carries the dates of the layers it draws on."""
    from .reference.ice287g import MODEL_ORDER

    dates = {
        "census_as_of": "",  # each kind's own Census layer (below)
        "ice_287g_as_of": guide.agreements_layer.snapshot.as_of,
        "detention_as_of": guide.facilities_layer.snapshot.as_of if guide.facilities_layer else "",
        "doj_list_as_of": guide.doj_layer.snapshot.as_of,
    }
    codes = [p.code for p in guide.provisions]
    status_cols = [f"{c}_{part}" for c in codes for part in ("status", "basis", "rule")]
    out = {}
    for kind, name in (("county", "counties.csv"), ("city", "cities.csv")):
        census = guide.reference.current(Kind.census_counties if kind == "county" else Kind.census_cities)
        dates["census_as_of"] = census.snapshot.as_of if census else ""
        rows = []
        for area in guide.all_areas:
            if area.kind != kind:
                continue
            agreements = [a for f in area.counties for a in guide.agreements_in_fips(f)]
            row = {"fips" if kind == "county" else "county_fips": SEP.join(area.counties), "state": area.state,
                   "name_en": area.name.en, "name_es": area.name.es, "population": area.population,
                   "population_year": area.population_year, "page": area.src.removesuffix(".md") + "/",
                   "researched_place": area.place.slug if area.place else "",
                   "agreements": len(agreements),
                   **{f"agreements_{m}": sum(1 for a in agreements if a.model == m) for m in MODEL_ORDER},
                   "detention_facilities": sum(len(guide.facilities_in(f)) for f in area.counties),
                   "doj_listed": "yes" if guide.doj_listing(area) else "", **dates}
            for code, (basis, record) in guide.area_statuses(area).items():
                status = getattr(record, "status", None)
                row[f"{code}_status"] = status.value if status else "not-researched"
                row[f"{code}_basis"] = basis
                row[f"{code}_rule"] = getattr(record, "rule", "")
            rows.append(row)
        first = "fips" if kind == "county" else "county_fips"
        out[name] = ([first, "state", "name_en", "name_es", "population", "population_year", "page", "researched_place",
                      "agreements", *(f"agreements_{m}" for m in MODEL_ORDER), "detention_facilities", "doj_listed",
                      *dates, *status_cols], rows)
    facilities = []
    for placed in guide.reference.facilities:
        f = placed.facility
        facilities.append({"name": f.name, "address": f.address, "city": f.city, "state": f.state, "zip": f.zip, "type": f.type,
                           "average_daily_population": f.adp, "county_fips": placed.county_fips, "scope": placed.scope,
                           "placed_by": placed.how, "detention_as_of": dates["detention_as_of"]})
    out["facilities.csv"] = (["name", "address", "city", "state", "zip", "type", "average_daily_population", "county_fips",
                              "scope", "placed_by", "detention_as_of"], facilities)
    return out


# The label (data/ui.yml) that describes each kind of file on the Open data page.
_LABELS = {"ice_287g": "file_ice_287g", "doj_list": "file_doj_list"}


def files(guide: Guide) -> list[tuple[str, str]]:
    """(file name, ui.yml label key) of every file :func:`write` makes, in the page's order."""
    names = [*tables(guide), "guide.json"]
    out = []
    for name in names:
        stem = name.split(".")[0]
        key = next((label for prefix, label in _LABELS.items() if stem.startswith(prefix)), "file_" + stem)
        out.append((name, key))
    return out


def guide_json(guide: Guide) -> dict:
    """Everything, in the schema's own shape (see the data dictionary)."""
    return {
        "title": "Sanctuary Guide data",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "data_date": guide.data_date,
        "reference": [s.model_dump(mode="json") for s in guide.reference.snapshots],
        "sections": [s.model_dump(mode="json") for s in guide.sections],
        "places": [p.model_dump(mode="json") for p in guide.places],
        "states": [s.model_dump(mode="json") for s in guide.states],
        "glossary": guide.glossary.model_dump(mode="json"),
        "federal_lists": guide.federal.model_dump(mode="json"),
    }


# ---------------------------------------------------------------- the dictionary of the files

README = {"en": "README.txt", "es": "LEEME.txt"}  # in the download, beside the files they describe
ZIP_NAME = "sanctuary-guide-data.zip"  # every file and both READMEs, in one download
DATE_COLUMNS = ("reviewed", "as_of", "census_as_of", "ice_287g_as_of", "detention_as_of", "doj_list_as_of")
GUIDE = "guide"  # a file's data comes from the guide's own research (not a reference snapshot)

# Where each file's data comes from: "guide" (the guide's own research) or the kind of each reference
# snapshot it draws on (data/reference/snapshots.yml names its publisher, address, date and licence).
SOURCES: dict[str, tuple[str, ...]] = {
    "provisions": ("guide",),
    "places": ("guide",),
    "policies": ("guide",),
    "statuses": ("guide",),
    "states": ("guide",),
    "state_laws": ("guide",),
    "sources": ("guide",),
    "ice_287g": ("ice-287g-participating", "guide"),
    "counties": ("guide", "census-counties", "ice-287g-participating", "ice-detention-facilities", "doj-list"),
    "cities": ("guide", "census-cities", "ice-287g-participating", "ice-detention-facilities", "doj-list"),
    "facilities": ("ice-detention-facilities", "guide"),
    "doj_list": ("doj-list", "guide"),
    "guide": ("guide", "ice-287g-participating", "ice-detention-facilities", "doj-list", "census-counties", "census-cities"),
}

# The columns a county page's row and a city page's row describe alike (counties.csv, cities.csv).
_AREA_NAMING = {
    "state": "The state's postal code.",
    "name_en": "Its name in English, as the Census gives it.",
    "name_es": "Its name in Spanish.",
    "population": "Its population (Census estimate).",
    "population_year": "The year of that estimate.",
    "page": "Its page in the guide, from the site's address.",
    "researched_place": "The id of the researched place it is (places.csv), if any.",
}

# What each column of each file holds (English; the Spanish: dictionary_es.COLUMNS, keyed "file.column"),
# by the file's name without its date and extension. {code} stands for each provision code (CJ1 ... IC3),
# {model} for each 287(g) model. The build stops when a column written is not described here, one
# described is not written, or one has no Spanish (:func:`undescribed`).
COLUMNS: dict[str, dict[str, str]] = {
    "provisions": {
        "code": "The provision's code: CJ (criminal justice), IE (immigration enforcement), IC (inclusive community) and its number.",
        "section": "The id of the guide's section the provision is in.",
        "slug": "The provision's id in its page's address (criminal-justice/no-private-prisons/).",
        "title_en": "Its short title in English.",
        "title_es": "Its short title in Spanish.",
        "recommendation_en": "What the 2016 guide recommends, in English.",
        "recommendation_es": "What the 2016 guide recommends, in Spanish.",
        "instruments": "How places adopt it (state-law, ordinance, executive-order...), separated by ' | '.",
    },
    "places": {
        "slug": "The place's id (its data file is data/places/<slug>.yml).",
        "name_en": "Its name in English.",
        "name_es": "Its name in Spanish.",
        "state": "The state's two-letter postal code.",
        "kind": "city, county, city-county or state.",
        "reviewed": "The day the whole file was last checked against its sources (YYYY-MM-DD).",
    },
    "policies": {
        "place": "The place's id (places.csv).",
        "id": "The policy's id, unique in its place.",
        "title": "Its official title, in its original language.",
        "identifier": "Its official number (code chapter, ordinance, case number), if any.",
        "kind": "What it is: ordinance, resolution, executive-order, police-policy, state-law, court-order...",
        "adopted": "When it was adopted or took effect, as precise as known (YYYY-MM-DD, YYYY-MM or YYYY).",
        "state": "Where it stands as of the place's review date: in-force, amended, weakened, challenged, blocked, repealed, expired, historical or unknown.",
        "summary_en": "What it does, in our own words, in English.",
        "summary_es": "What it does, in our own words, in Spanish.",
        "source_urls": "The addresses of its sources, separated by ' | '.",
    },
    "statuses": {
        "place": "The place's id (places.csv).",
        "code": "The provision's code (provisions.csv).",
        "status": "yes, partial, no, unknown (someone searched and found nothing either way) or not-researched.",
        "note_en": "Why this status, in English.",
        "note_es": "Why this status, in Spanish.",
        "policies": "The ids of the policies that provide it (policies.csv), separated by ' | '.",
        "section": "The section of the document that settles it.",
        "quote": "At most 25 words from that section, in the document's language.",
        "quote_lang": "The language of the quote (en or es).",
        "searched_en": "For unknown: what was searched, in English.",
        "searched_es": "For unknown: what was searched, in Spanish.",
        "searched_on": "For unknown: the day of the search.",
        "source_urls": "The addresses of the sources that back it, separated by ' | '.",
        "as_of": "The day the status was checked (YYYY-MM-DD).",
    },
    "states": {
        "code": "The state's two-letter postal code.",
        "fips": "The state's two-digit FIPS code.",
        "name_en": "Its name in English.",
        "name_es": "Its name in Spanish.",
        "stance": "What state law does for local protections: protective-floor (a state law that protects), preemption (it forbids or overrides them) or neither.",
        "laws": "How many state laws the guide lists for it (state_laws.csv).",
        "reviewed": "The day the state's file was last checked (YYYY-MM-DD).",
    },
    "state_laws": {
        "state": "The state's postal code.",
        "id": "The law's id, unique in its state.",
        "title": "Its official or common title, in its original language.",
        "identifier": "Its bill, act or code number, if any.",
        "year": "The year it was enacted, if confirmed.",
        "status": "in-force, partly-blocked, blocked or repealed.",
        "summary_en": "What it does, in our own words, in English.",
        "summary_es": "What it does, in our own words, in Spanish.",
        "source_urls": "The addresses of its sources, separated by ' | '.",
    },
    "sources": {
        "owner": "Whose source it is: place:<id> or state:<code>.",
        "id": "The source's id, unique in its file.",
        "title": "Its title as published, in its original language.",
        "url": "Its address, on the original publisher where possible.",
        "publisher": "Who published it.",
        "kind": "official, legislature, court, news, advocacy, research or aggregator.",
        "date": "Its publication date, as precise as known.",
        "unverified": "yes when no primary source confirmed what it is cited for.",
    },
    "ice_287g": {
        "state": "The agency's state, as ICE lists it.",
        "agency": "The agency that signed the agreement, as ICE names it.",
        "agency_type": "county, municipality or state-agency.",
        "county": "The county as ICE writes it (cleaned).",
        "model": "The agreement's model: jail-enforcement, task-force or warrant-service-officer.",
        "signed": "The day it was signed (YYYY-MM-DD), if ICE gives it.",
        "moa_published": "True when ICE publishes the signed agreement (its MOA), False otherwise.",
        "fixes": "What the guide corrected in ICE's row, in English (separated by '; ').",
        "county_fips": "The five-digit FIPS code of the county the guide placed it in (empty for a statewide agency).",
        "scope": "Where it acts: county, statewide, regional or territory.",
        "placed_by": "The rule that placed it in its county (county-name, agency-town, state-agency...; the method page explains each).",
        "moa_url": "The address of the signed agreement on ice.gov, if published.",
    },
    "counties": {
        "fips": "The county's five-digit FIPS code.",
        **_AREA_NAMING,
        "agreements": "How many 287(g) agreements agencies in it have (ice_287g file).",
        "agreements_{model}": "How many of them are of that model.",
        "detention_facilities": "How many ICE detention facilities are in it (facilities.csv).",
        "doj_listed": "yes when the DOJ list names it.",
        "census_as_of": "The date of the Census estimates.",
        "ice_287g_as_of": "The date of ICE's 287(g) list.",
        "detention_as_of": "The date of ICE's detention statistics.",
        "doj_list_as_of": "The date of the DOJ list.",
        "{code}_status": "The provision's status: yes, partial, no, unknown or not-researched.",
        "{code}_basis": "What the status rests on: researched (a researcher read the place's own policies), derived (a federal or state record settles it, by a named rule) or not-researched.",
        "{code}_rule": "For a derived status, the rule that derived it (the method page explains each).",
    },
    "cities": {
        "county_fips": "The five-digit FIPS codes of the counties the city lies in, separated by ' | '.",
        **_AREA_NAMING,
        "agreements": "How many 287(g) agreements agencies in its counties have (ice_287g file).",
        "agreements_{model}": "How many of them are of that model.",
        "detention_facilities": "How many ICE detention facilities are in its counties (facilities.csv).",
        "doj_listed": "yes when the DOJ list names it.",
        "census_as_of": "The date of the Census city estimates.",
        "ice_287g_as_of": "The date of ICE's 287(g) list.",
        "detention_as_of": "The date of ICE's detention statistics.",
        "doj_list_as_of": "The date of the DOJ list.",
        "{code}_status": "The provision's status: yes, partial, no, unknown or not-researched.",
        "{code}_basis": "What the status rests on: researched, derived (from a federal or state record, by a named rule) or not-researched.",
        "{code}_rule": "For a derived status, the rule that derived it (the method page explains each).",
    },
    "facilities": {
        "name": "The facility's name, as ICE writes it.",
        "address": "Its street address.",
        "city": "Its city.",
        "state": "Its state's postal code.",
        "zip": "Its ZIP code.",
        "type": "ICE's type code for the facility (IGSA, USMS IGA, CDF, SPC...).",
        "average_daily_population": "The average number of people ICE held there each day in the fiscal year so far.",
        "county_fips": "The five-digit FIPS code of the county the guide placed it in.",
        "scope": "county, territory or outside (outside the 50 states and DC).",
        "placed_by": "How the guide placed it: town, coordinates, address, state or explicit.",
        "detention_as_of": "The date of ICE's detention statistics.",
    },
    "doj_list": {
        "name": "The jurisdiction as the DOJ names it.",
        "kind": "state, county or city (the District of Columbia is listed as a state).",
        "state": "The state's postal code.",
        "state_fips": "The state's two-digit FIPS code.",
        "county_fips": "For a listed county, its five-digit FIPS code; empty for a state or a city.",
        "guide_places": "The ids of the guide's researched places it names (places.csv), separated by ' | '.",
    },
}


def file_key(name: str) -> str:
    """A file's key in :data:`COLUMNS` and :data:`SOURCES`: its name without its date and extension."""
    return re.sub(r"_\d{4}-\d{2}-\d{2}$", "", name.split(".")[0])


def _expand(key: str, guide: Guide) -> list[str]:
    from .reference.ice287g import MODEL_ORDER

    if "{code}" in key:
        return [key.replace("{code}", p.code) for p in guide.provisions]
    if "{model}" in key:
        return [key.replace("{model}", m) for m in MODEL_ORDER]
    return [key]


@dataclass
class Column:
    name: str  # as in the file, or a pattern with {code} / {model}
    text: schema.Text
    shown: str = ""  # the columns it stands for, as a reader sees them ("CJ1_status … IC3_status")


@dataclass
class SourceInfo:
    """Where a file's data comes from: the guide's research, or one reference snapshot."""

    publisher: str
    title: str
    url: str
    as_of: str
    licence: schema.Text
    guide: bool = False


@dataclass
class FileInfo:
    name: str  # the file's name in the download
    label: str  # the key of the ui.yml label that says what it holds
    sources: list[SourceInfo]
    columns: list[Column]
    dated: list[str]  # its columns that date each row


def column_text(key: str, column: str) -> schema.Text:
    """What a column holds, in both languages (the Spanish: sanctuary/dictionary_es.py)."""
    return schema.Text(en=COLUMNS[key][column], es=dictionary_es.COLUMNS[f"{key}.{column}"])


def licence_text(licence: str) -> schema.Text:
    """A snapshot's licence, as snapshots.yml words it, in both languages."""
    return schema.Text(en=licence, es=dictionary_es.LICENCES[licence])


def columns_of(guide: Guide) -> dict[str, list[str]]:
    """Each file's columns (guide.json has none)."""
    return {name: columns for name, (columns, _rows) in tables(guide).items()} | {"guide.json": []}


def undescribed(guide: Guide, written: dict[str, list[str]] | None = None) -> list[str]:
    """What the files and their dictionary disagree on (the build stops on any): a file or a
    column written but not described in :data:`COLUMNS` or :data:`SOURCES`, one described but
    not written, a description without its Spanish (dictionary_es.COLUMNS) or Spanish that names
    no column, a source's licence without its Spanish (dictionary_es.LICENCES)."""
    problems = []
    written = written or columns_of(guide)
    keys = {file_key(name): name for name in written}
    for key, name in keys.items():
        if key not in SOURCES:
            problems.append(f"{name}: no sources in opendata.SOURCES (key {key!r})")
        if key not in COLUMNS:
            if written[name]:
                problems.append(f"{name}: its columns are not described in opendata.COLUMNS (key {key!r})")
            continue
        described = {col for k in COLUMNS[key] for col in _expand(k, guide)}
        problems += [f"{name}: column {c!r} is not described in opendata.COLUMNS" for c in written[name] if c not in described]
        problems += [f"{name}: opendata.COLUMNS describes a column {c!r} the file does not have"
                     for c in sorted(described - set(written[name]))]
    problems += [f"opendata.COLUMNS describes {key!r}, which the open data does not have" for key in COLUMNS if key not in keys]
    problems += [f"opendata.SOURCES names {key!r}, which the open data does not have" for key in SOURCES if key not in keys]
    spanish = {f"{key}.{col}" for key, cols in COLUMNS.items() for col in cols}
    problems += [f"no Spanish for {k}: add it to dictionary_es.COLUMNS" for k in sorted(spanish - set(dictionary_es.COLUMNS))]
    problems += [f"dictionary_es.COLUMNS has {k}, which opendata.COLUMNS does not describe"
                 for k in sorted(set(dictionary_es.COLUMNS) - spanish)]
    for key in SOURCES:
        for kind in SOURCES[key]:
            if kind == GUIDE:
                continue
            layer = guide.reference.current(Kind(kind))
            if layer is not None and layer.snapshot.licence not in dictionary_es.LICENCES:
                problems.append(f"no Spanish for the licence {layer.snapshot.licence!r}: add it to dictionary_es.LICENCES")
    return sorted(set(problems), key=problems.index)


def file_infos(guide: Guide, root_url: str | None = None, written: dict[str, list[str]] | None = None) -> list[FileInfo]:
    """Each file of the download, in the page's order: what it holds, its sources (publisher,
    address, as-of date, licence) and its columns, from :data:`SOURCES` and :data:`COLUMNS`."""
    ours = schema.Text(en=f"{LICENCE} ({LICENCE_URL})", es=f"{LICENCE} ({LICENCE_URL})")
    written = written or columns_of(guide)
    out = []
    for name, label in files(guide):
        key = file_key(name)
        sources = []
        for kind in SOURCES[key]:
            if kind == GUIDE:
                sources.append(SourceInfo(guide.label("site_name", "en"), "", root_url + "open-data/" if root_url else "",
                                          guide.data_date, ours, guide=True))
                continue
            layer = guide.reference.current(Kind(kind))
            if layer is None:
                continue
            snap = layer.snapshot
            sources.append(SourceInfo(snap.publisher, snap.title, snap.url, snap.as_of,
                                      licence_text(snap.licence)))
        columns = []
        for col in COLUMNS.get(key, {}):
            names = _expand(col, guide)
            shown = names[0] if len(names) == 1 else (f"{names[0]} … {names[-1]}" if "{code}" in col else ", ".join(names))
            columns.append(Column(col, column_text(key, col), shown))
        out.append(FileInfo(name, label, sources, columns,
                            [c for c in written[name] if c in DATE_COLUMNS]))
    return out


def readme(guide: Guide, lang: str, root_url: str | None = None, written: dict[str, list[str]] | None = None) -> str:
    """README.txt (English) or LEEME.txt (Spanish): each file of the download with its sources,
    their addresses, as-of dates and licences, and its columns, as plain text."""
    import textwrap

    from .render import format_date

    def t(key: str, **values) -> str:
        text = guide.label(key, lang)
        for k, v in values.items():
            text = text.replace("{" + k + "}", str(v))
        return text

    def para(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, 78, initial_indent=indent, subsequent_indent=indent, break_long_words=False,
                             break_on_hyphens=False) or [indent]

    title = t("readme_title")
    lines = [title, "=" * len(title), ""]
    lines += para(t("readme_other", file=README["es" if lang == "en" else "en"]))
    lines += [""] + para(t("readme_intro", date=format_date(guide.data_date, lang)))
    if root_url:
        lines += para(t("readme_address", url=root_url + ("es/" if lang == "es" else "") + "open-data/"))
    lines += [""] + para(t("readme_separator"))
    lines += [""] + para(t("readme_licence", licence=f"{LICENCE} ({LICENCE_URL})"))
    for info in file_infos(guide, root_url, written):
        lines += ["", info.name, "-" * len(info.name)]
        what = guide.label(info.label, lang)
        lines += para(what[0].upper() + what[1:] + ".")
        for src in info.sources:
            if src.guide:
                lines += para(t("readme_source_guide", date=format_date(src.as_of, lang)), "  ")
            else:
                lines += para(t("readme_source", publisher=src.publisher, title=src.title, url=src.url,
                                date=format_date(src.as_of, lang), licence=src.licence(lang)), "  ")
        if info.dated:
            lines += para(t("readme_dated", columns=", ".join(info.dated)), "  ")
        if info.columns:
            lines += ["", "  " + t("readme_columns")]
            for col in info.columns:  # each column's name, then what it holds, indented under it
                lines.append(f"    {col.shown}")
                lines += para(col.text(lang), " " * 8)
    return "\n".join(lines) + "\n"


def write(guide: Guide, out_dir: Path, root_url: str | None = None, bundle: bool = True) -> list[Path]:
    """Every file, both READMEs and (``bundle``) the zip of them all, reproducible: stamped with
    the data's date. The offline edition has no zip of its own: its download already holds these
    files and their READMEs. ``root_url``: the site's public address, named in the READMEs."""
    from . import package

    made = tables(guide)
    written = {name: columns for name, (columns, _rows) in made.items()} | {"guide.json": []}
    problems = undescribed(guide, written)
    if problems:
        raise ValueError("The open data and its dictionary disagree:\n" + "\n".join(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    contents: dict[str, str] = {name: _csv(rows, columns) for name, (columns, rows) in made.items()}
    contents["guide.json"] = json.dumps(guide_json(guide), ensure_ascii=False, separators=(",", ":"))
    for lang, name in README.items():
        contents[name] = readme(guide, lang, root_url, written)
    paths = []
    for name, text in contents.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if not bundle:
        return paths
    members = [(name, text.encode("utf-8")) for name, text in sorted(contents.items(), key=lambda kv: kv[0] not in README.values())]
    paths.append(package.write_zip(out_dir / ZIP_NAME, members, guide.data_date, top="sanctuary-guide-data"))
    return paths
