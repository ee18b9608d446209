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

from .guide import Guide

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
            policies.append({"place": place.slug, "id": pol.id, "title": pol.title, "identifier": pol.identifier or "",
                             "kind": pol.kind.value, "adopted": pol.adopted or "", "state": pol.state.value,
                             "summary_en": pol.summary.en, "summary_es": pol.summary.es,
                             "source_urls": _urls(pol.sources, by_id)})
        for prov in guide.provisions:
            st = place.provisions[prov.code]
            statuses.append({"place": place.slug, "code": prov.code, "status": st.status.value, "note_en": st.note.en,
                             "note_es": st.note.es, "policies": SEP.join(st.policies),
                             "source_urls": _urls(st.sources, by_id), "as_of": st.as_of or place.reviewed})
        for s in place.sources:
            sources.append({"owner": f"place:{place.slug}", "id": s.id, "title": s.title, "url": s.url,
                            "publisher": s.publisher, "kind": s.kind.value, "date": s.date or "",
                            "unverified": "yes" if s.unverified else ""})
    out["policies.csv"] = (["place", "id", "title", "identifier", "kind", "adopted", "state", "summary_en",
                            "summary_es", "source_urls"], policies)
    out["statuses.csv"] = (["place", "code", "status", "note_en", "note_es", "policies", "source_urls", "as_of"], statuses)
    laws = []
    for state in guide.states:
        by_id = {s.id: s for s in state.sources}
        for law in state.laws:
            laws.append({"state": state.code, "id": law.id, "title": law.title, "identifier": law.identifier or "",
                         "year": law.year or "", "status": law.status.value, "summary_en": law.summary.en,
                         "summary_es": law.summary.es, "source_urls": _urls(law.sources, by_id)})
        for s in state.sources:
            sources.append({"owner": f"state:{state.code}", "id": s.id, "title": s.title, "url": s.url,
                            "publisher": s.publisher, "kind": s.kind.value, "date": s.date or "",
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
    out[f"ice_287g_{sheet.as_of}.csv"] = (columns, [a.row() for a in guide.agreements])
    out[f"doj_list_{guide.doj_layer.snapshot.as_of}.csv"] = (
        ["name", "kind", "state", "state_fips", "county_fips", "guide_places"],
        [{"name": item.name, "kind": item.kind, "state": item.state, "state_fips": item.state_fips,
          "county_fips": item.county_fips, "guide_places": SEP.join(p.slug for p in places)}
         for item, places in guide.doj_matches],
    )
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
