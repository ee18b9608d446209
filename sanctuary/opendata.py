"""Open data: the guide's data as CSV and JSON files, written at build time (plain Python).

Every file is derived from the validated guide (no file is read here); the tests read them
back and check they give the same records as the YAML. ``python -m sanctuary opendata OUT``
writes them alone.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import schema
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
        "census_as_of": guide.reference.current(Kind.census_counties).snapshot.as_of,
        "ice_287g_as_of": guide.agreements_layer.snapshot.as_of,
        "detention_as_of": guide.facilities_layer.snapshot.as_of if guide.facilities_layer else "",
        "doj_list_as_of": guide.doj_layer.snapshot.as_of,
    }
    codes = [p.code for p in guide.provisions]
    status_cols = [f"{c}_{part}" for c in codes for part in ("status", "basis", "rule")]
    out = {}
    for kind, name in (("county", "counties.csv"), ("city", "cities.csv")):
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


def write(guide: Guide, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (columns, rows) in tables(guide).items():
        path = out_dir / name
        path.write_text(_csv(rows, columns), encoding="utf-8")
        written.append(path)
    path = out_dir / "guide.json"
    path.write_text(json.dumps(guide_json(guide), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    written.append(path)
    return written
