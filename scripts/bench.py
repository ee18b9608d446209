"""`make bench`: build scaling against a plain Material baseline, the full `make build` at each size
(offline zip, printable PDFs), page weight, Lighthouse and browser timings. Prints a table and
writes build/bench.json. A benchmark, not a test: it measures and reports each budget as met or
missed.

    .venv/bin/python scripts/bench.py [--sizes 100,1000,3000] [--no-lighthouse] [--out build/bench.json]

Every run works on copies of the project in a temporary folder: the real data (20 places), and for
each size the real data plus that many synthetic places (valid files with realistic text in both
languages). Each copy is built as `make build` builds it: the offline edition of both languages,
the zip, the PDFs, then the online editions (whose time is the scaling figure).
"""

from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import os
import posixpath
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from sanctuary import editions, finder, manifest, paths, render, share, steps
from sanctuary import load as load_module
from sanctuary.load import load_guide, load_guide_cached
from sanctuary.serve import COMPRESSIBLE, serve

ROOT = Path(__file__).resolve().parent.parent

PY = sys.executable
PORT = 8765  # the bench serves every site here, gzip-compressed like a real static host
# The builds run as `make build` runs them: every county page online, none offline (sanctuary/load.py).
for _name in ("OFFLINE", "SANCTUARY_AREAS"):
    os.environ.pop(_name, None)
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
BUDGETS = {
    "build_ratio": 1.3,
    "place_html_kb_at_3000": 25,
    "home_gzip_kb": 120,
    "search_index_gzip_kb": 150,
    "lighthouse_min": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
    "filter_ms": 100,
    "zip_mb": 12,
    "page_gzip_kb": 250,
}
PROJECT_FILES = ["docs", "overrides", "sanctuary", "hooks.py", "macros.py", "mkdocs.yml", "mkdocs.es.yml"]
CONFIGS = {"en": "mkdocs.yml", "es": "mkdocs.es.yml"}
SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6  # what sanctuary/serve.py (and a typical static host) sends

# ---------------------------------------------------------------- synthetic data

WORDS = ("the city council police department jail county sheriff policy ordinance limits cooperation with "
         "federal immigration enforcement and requires a judicial warrant before any transfer of people in "
         "custody while residents report crimes without fear").split()
PALABRAS = ("el concejo municipal la policía cárcel condado sheriff política ordenanza limita la cooperación con "
            "el control migratorio federal y exige una orden judicial antes de cualquier traslado de personas "
            "detenidas mientras los residentes denuncian delitos sin miedo").split()


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def text(rng: random.Random, sentences: int) -> dict:
    return {"en": " ".join(sentence(rng, WORDS, 14) for _ in range(sentences)),
            "es": " ".join(sentence(rng, PALABRAS, 15) for _ in range(sentences))}


def synthetic_place(i: int, state, county: str, codes: list[str], rng: random.Random) -> dict:
    # Named "Synthetic County NNNN", so no synthetic place is taken for a Census county's page:
    # each keeps its own page at places/<slug>/ (what a researched place that is no county is).
    slug = f"synthetic-{i:04d}"
    sources = [{"id": f"s{j}", "title": f"Ordinance {i}-{j}", "url": f"https://example.gov/{slug}/{j}",
                "publisher": "Example County", "kind": "official", "date": f"20{10 + j}-0{1 + j % 9}-1{j % 9}"}
               for j in range(4)]
    policies = [{"id": f"p{j}", "title": f"Example Policy {j}", "identifier": f"Ord. {i}-{j}", "kind": "ordinance",
                 "adopted": f"201{j}-05-0{1 + j}", "adopted_by": {"en": "County Board", "es": "Junta del Condado"},
                 "state": "in-force", "summary": text(rng, 2), "sources": [f"s{j}"]} for j in range(4)]
    statuses = {}
    for k, code in enumerate(codes):
        status = rng.choice(["yes", "partial", "no", "unknown", "unknown"])
        entry = {"status": status, "note": text(rng, 1)}
        if status != "unknown":
            entry["policies"] = [f"p{k % 4}"]
            entry["sources"] = [f"s{k % 4}"]
        statuses[code] = entry
    return {
        "slug": slug, "name": {"en": f"Synthetic County {i:04d}", "es": f"Condado Sintético {i:04d}"},
        "state": state.code, "kind": "county", "counties": [county], "overview": text(rng, 4),
        "reviewed": "2026-11-28", "sources": sources, "policies": policies, "provisions": statuses,
        "timeline": [{"date": f"20{15 + j}-03-01", "text": text(rng, 1), "sources": [f"s{j % 4}"]} for j in range(5)],
    }


def make_project(dest: Path, synthetic: int) -> Path:
    """A copy of the project: the real data (its 20 places) plus `synthetic` synthetic places.
    The real places stay, so every size prints the same guide (the sample places are chapters of
    the PDF) and the only difference between sizes is the number of places."""
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(ROOT / "data", dest / "data")
    if not synthetic:
        return dest
    import yaml

    guide = load_guide(ROOT, frozenset())
    codes = [p.code for p in guide.provisions]
    counties: dict[str, set[str]] = {}
    for fips, shape in guide.reference.county_shapes.items():
        counties.setdefault(fips[:2], set()).add(shape.name.lower())
    rng = random.Random(synthetic)
    for i in range(synthetic):
        state = guide.states[i % len(guide.states)]
        names = sorted(counties[state.fips])
        county = names[(i // len(guide.states)) % len(names)].title()
        data = synthetic_place(i, state, county, codes, rng)
        (dest / "data" / "places" / f"{data['slug']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


# ---------------------------------------------------------------- the plain Material baseline


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _MacrosEnv:
    """Just enough of mkdocs-macros' `env` for the project's macros.py to register its macros."""

    def __init__(self, lang: str):
        self.conf = {"extra": {"lang": lang}, "use_directory_urls": True}
        self.page = None
        self.macros: dict = {}

    def macro(self, fn):
        self.macros[fn.__name__] = fn
        return fn

    def at(self, src: str) -> _MacrosEnv:
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src))
        return self

    def expand(self, markdown: str, src: str) -> str:
        """Each `{{ call }}` replaced with the macro's output, as mkdocs-macros does."""
        self.at(src)
        return re.sub(r"\{\{\s*(.*?)\s*\}\}", lambda m: str(eval(m.group(1), {"__builtins__": {}}, self.macros)), markdown)


def _generated(title: str, description: str, body: str, **meta) -> str:
    """A generated page as hooks.py makes it (its front matter), with its body already rendered."""
    front = {"title": html.escape(title), "description": description, **meta}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n\n" + body + "\n"


def baseline_config(project: Path, lang: str, guide, labels: tuple[str, ...]) -> dict:
    """The project's configuration for one edition without its macros and hooks, with what the
    hooks would have set written in: names and footer (data/ui.yml), search settings
    (sanctuary/editions.py), extra.* for the theme's templates (overrides/), the downloads."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / CONFIGS[lang], "rb") as fh:
        cfg = yaml_load(fh)  # INHERIT and !ENV resolved, as MkDocs reads it
    edition = editions.edition(lang)
    search = {"lang": [lang], "separator": edition.search_separator}
    if edition.search_pipeline is not None:
        search["pipeline"] = list(edition.search_pipeline)
    plugins = []
    for p in cfg["plugins"]:
        name = p if isinstance(p, str) else next(iter(p))
        if name in ("macros",):
            continue
        plugins.append({"search": search} if name in ("search", "material/search") else p)
    cfg["plugins"] = plugins
    cfg.pop("hooks", None)
    cfg["site_name"] = guide.label("site_name", lang)
    cfg["site_description"] = guide.label("site_description", lang)
    cfg["copyright"] = guide.label("copyright", lang)
    root_url = steps.site_root_url(cfg.get("site_url"), edition.prefix)
    cfg["site_url"] = root_url + edition.prefix
    cfg.setdefault("extra", {}).update(
        lang=lang, edition=edition.prefix, locale=edition.locale, site_root_url=root_url, offline=False,
        published=steps.is_published(root_url), ui={key: guide.label(key, lang) for key in labels},
        alternate=[{"name": e.name, "lang": e.lang, "locale": e.locale,
                    "link": posixpath.relpath(e.prefix or ".", edition.prefix or ".") + "/"} for e in editions.EDITIONS],
        downloads=[d.__dict__ | {"mb": d.megabytes, "date_text": render.format_date(d.date, lang)}
                   for d in manifest.read(project / "build" / "downloads")],
    )
    return cfg


def make_baseline(dest: Path, project: Path) -> Path:
    """A plain Material site with the same pages and the same text as the project's online build:
    every page's Markdown rendered once from the project's data (the hand-written pages with their
    macros expanded; the generated place, county, city and state pages; the moved-page stubs and the
    finder's scripts), written as static files, with the project's theme overrides. No macros, no
    hooks, no data layer, no post-build steps."""
    import yaml

    guide = load_guide_cached(project)  # the project copy's data, every county page (as online); macros.py shares it
    macros = _module(project / "macros.py", f"bench_macros_{abs(hash(str(project)))}")
    labels = _module(project / "hooks.py", f"bench_hooks_{abs(hash(str(project)))}").THEME_LABELS
    for lang, cfg_name in CONFIGS.items():
        docs = dest / "docs" / lang
        shutil.copytree(project / "docs" / lang, docs)
        env = _MacrosEnv(lang)
        macros.define_env(env)
        for md in docs.rglob("*.md"):
            src = md.relative_to(docs).as_posix()
            md.write_text(env.expand(md.read_text(encoding="utf-8"), src), encoding="utf-8")

        def write(src: str, content: str, docs=docs) -> None:
            (docs / src).parent.mkdir(parents=True, exist_ok=True)
            (docs / src).write_text(content, encoding="utf-8")

        for prov in guide.provisions:
            src = guide.page_of_provision(prov.code)
            ctx = render.Ctx(guide, lang, paths.Links(src))
            write(src, _generated(render.provision_title(ctx, prov.code), render.provision_description(ctx, prov.code),
                                  render.provision_page(ctx, prov.code), search={"boost": 2},
                                  share_image=share.image_path(prov.slug), share_image_alt=share.provision_card(guide, lang, prov.code).text))
        for place in guide.places:
            if guide.area_of_place(place.slug) is not None:  # its old address: a stub that sends the reader on
                old = paths.place_page(place.slug)
                write(paths.page_url(old).rstrip("/") + "/index.html", render.moved_place_page(guide, lang, place.slug, paths.Links(old).to(guide.page_of_place(place.slug))))
                continue
            src = paths.place_page(place.slug)
            ctx = render.Ctx(guide, lang, paths.Links(src))
            write(src, _generated(place.name(lang), render.place_description(ctx, place.slug), render.place_page(ctx, place.slug),
                                  finder=True))
        for area in guide.areas:
            ctx = render.Ctx(guide, lang, paths.Links(area.src))
            write(area.src, _generated(render.area_title(ctx, area.key), render.area_description(ctx, area.key),
                                       render.area_page(ctx, area.key), finder=True))
        for state in guide.states:
            src = paths.state_page(state.code)
            ctx = render.Ctx(guide, lang, paths.Links(src))
            write(src, _generated(state.name(lang), render.state_description(ctx, state.code), render.state_page(ctx, state.code),
                                  finder=True))
        for path, script in finder.scripts(guide, lang, True).items():
            write(path, script)
        (dest / cfg_name).write_text(yaml.safe_dump(baseline_config(project, lang, guide, labels), allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    shutil.copytree(project / "overrides", dest / "overrides")
    load_module._CACHE.pop(str(project.resolve()), None)  # one copy's guide at a time in memory
    return dest


# ---------------------------------------------------------------- running builds


class StepFailed(RuntimeError):
    pass


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Wall time and peak memory of one child process; raises StepFailed with its error output."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise StepFailed(f"{' '.join(cmd)} failed in {cwd} (exit {proc.returncode}):\n{err.read().decode(errors='replace')[-3000:]}")
    return {"seconds": round(wall, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def mkdocs(lang: str, out: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", CONFIGS[lang], "-d", str(out)]


def build_both(project: Path, out: Path) -> dict:
    """The online editions (as the end of `make build`): time summed, the larger peak memory."""
    en = timed(mkdocs("en", out), project)
    es = timed(mkdocs("es", out / "es"), project)
    return {"seconds": round(en["seconds"] + es["seconds"], 2), "peak_mb": max(en["peak_mb"], es["peak_mb"])}


def pdf_unavailable(project: Path) -> str | None:
    """Why the printable PDF cannot be made here (None when it can)."""
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "Chromium is not installed (make test installs it)"
    if not (project / "sanctuary" / "printing.py").is_file():
        return "sanctuary/printing.py is not there yet"
    probe = subprocess.run([PY, "-c", "import sanctuary.printable, pypdf"], cwd=project, env=ENV, capture_output=True, text=True)
    if probe.returncode != 0:
        return "the PDF code does not import: " + (probe.stderr.strip().splitlines() or ["?"])[-1]
    return None


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def full_build(project: Path, site: Path, label: str) -> dict:
    """`make build` on a project copy: offline editions, zip, PDFs, then the online editions into
    `site` (the footer offers the downloads, as on the real site). Each step is timed; a failed
    step is recorded and the run goes on where `make build` would (a missing PDF only warns there)."""
    build = project / "build"
    offline, downloads = build / "offline", build / "downloads"
    shutil.rmtree(build, ignore_errors=True)
    offline_env = dict(ENV, OFFLINE="true")
    cli = [PY, "-m", "sanctuary"]
    run: dict = {"steps": {}, "failed": None, "pdf_skipped": None}

    def step(name: str, cmd: list[str], env: dict | None = None) -> bool:
        print(f"    {label}: {name}...", flush=True)
        try:
            run["steps"][name] = timed(cmd, project, env)
            return True
        except StepFailed as exc:
            run["failed"] = run["failed"] or name
            run.setdefault("errors", {})[name] = str(exc)[-2000:]
            print(f"    {label}: {name} FAILED\n{exc}", flush=True)
            return False

    start = time.perf_counter()
    ok = step("offline en", mkdocs("en", offline), offline_env) and step("offline es", mkdocs("es", offline / "es"), offline_env)
    if ok:
        step("zip", [*cli, "zip", str(offline), str(downloads), "--root", str(project)])
        why = pdf_unavailable(project)
        if why:
            run["pdf_skipped"] = why
            print(f"    {label}: PDF step SKIPPED: {why}", flush=True)
        else:
            step("pdf", [*cli, "pdf", str(offline), str(downloads), "--root", str(project)])
        step("online en", mkdocs("en", site)) and step("online es", mkdocs("es", site / "es"))
    run["seconds"] = round(time.perf_counter() - start, 1)
    run["finished"] = run["failed"] is None
    online = [run["steps"].get(f"online {lang}") for lang in CONFIGS]
    if all(online):
        run["online"] = {"seconds": round(sum(s["seconds"] for s in online), 2), "peak_mb": max(s["peak_mb"] for s in online)}
    items = {(d.kind, d.lang): d for d in manifest.read(downloads)} if (downloads / paths.MANIFEST).is_file() else {}
    if ("zip", None) in items:
        run["zip_mb"] = round(items[("zip", None)].bytes / 1e6, 2)
    run["pdf_pages"] = {lang: pdf_pages(downloads / d.name) for (kind, lang), d in items.items() if kind == "pdf"}
    run["pdf_mb"] = {lang: round(d.bytes / 1e6, 2) for (kind, lang), d in items.items() if kind == "pdf"}
    return run


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_index(site: Path) -> dict:
    """Each edition's search index: raw and gzip (as served) KB."""
    out = {}
    for e in editions.EDITIONS:
        f = site / e.prefix / SEARCH_INDEX
        if f.is_file():
            raw = f.read_bytes()
            out[e.lang] = {"kb": round(len(raw) / 1000, 1), "gzip_kb": round(len(gzip.compress(raw, GZIP_LEVEL)) / 1000, 1)}
    return out


def scaling(sizes: list[int], work: Path, real_pdf: dict) -> tuple[list[dict], list[dict]]:
    """For each size: the full build of the real data plus that many synthetic places, then the
    plain Material baseline of the same pages. Returns (scaling rows, full-build rows)."""
    rows, full = [], []
    for n in sizes:
        print(f"  {n} synthetic places: full build, then the plain Material baseline...", flush=True)
        project = make_project(work / f"project-{n}", n)
        site = work / f"site-{n}"
        run = full_build(project, site, f"{n} places")
        full.append(full_row(n, run, real_pdf))
        if "online" not in run:
            print(f"    {n} places: no online build, so no scaling figures", flush=True)
            continue
        base = build_both(make_baseline(work / f"baseline-{n}", project), work / f"baseline-site-{n}")
        place_pages = list((site / "places").glob("synthetic-*/index.html"))
        rows.append({
            "synthetic_places": n, "places": _place_count(project),
            "seconds": run["online"]["seconds"], "peak_mb": run["online"]["peak_mb"],
            "baseline_seconds": base["seconds"], "ratio": round(run["online"]["seconds"] / base["seconds"], 2),
            "site_mb": round(dir_bytes(site) / 1e6, 1),
            "place_html_kb": round(sum(p.stat().st_size for p in place_pages) / len(place_pages) / 1000, 1) if place_pages else None,
            "search_index": search_index(site),
        })
        print("   ", rows[-1], flush=True)
    return rows, full


def _place_count(project: Path) -> int:
    return len(list((project / "data" / "places").glob("*.yml")))


def full_row(n: int, run: dict, real_pdf: dict | None) -> dict:
    """One line of the full-build table: did it finish, how long, the zip, the PDF pages (and
    whether they equal the real data's: the printed guide must not grow with the places)."""
    row = {"synthetic_places": n, **{k: v for k, v in run.items() if k != "errors"}}
    if run.get("errors"):
        row["errors"] = run["errors"]
    if real_pdf is not None and run["pdf_pages"]:
        row["pdf_pages_equal_real"] = run["pdf_pages"] == real_pdf
    return row


# ---------------------------------------------------------------- measuring pages


def chrome_kb(site: Path) -> dict | None:
    """A place page's HTML split into Material's frame (header, navigation, search, footer, head)
    and the page's own content, averaged over the synthetic place pages."""
    pages = sorted((site / "places").glob("synthetic-*/index.html"))[:200]
    if not pages:
        return None
    total = content = 0
    for p in pages:
        page = p.read_text(encoding="utf-8")
        start, end = page.index('<div class="md-content"'), page.index("<footer")
        total += len(page.encode())
        content += len(page[start:end].encode())
    n = len(pages)
    return {"page_kb": round(total / n / 1000, 1), "content_kb": round(content / n / 1000, 1),
            "frame_kb": round((total - content) / n / 1000, 1)}


def measured_pages(guide) -> dict[str, str]:
    """The pages measured (name -> address under the site): the home page, a section, its longest
    provision's page, a researched place (Long Beach, now its city page), the compare matrix, the
    most populous county page with no researched place, and the same in Spanish."""
    place = paths.page_url(guide.page_of_place("long-beach"))
    counties = [a for a in guide.areas if a.kind == "county" and a.place is None]
    provision = paths.page_url(guide.page_of_provision("IE5"))
    pages = {"home": "", "section": "immigration-enforcement/", "provision": provision, "place": place, "compare": "compare/",
             "states (map)": "states/", "Texas (county map)": paths.page_url(paths.state_page("TX"))}
    if counties:
        pages["county"] = paths.page_url(max(counties, key=lambda a: a.population).src)
    pages.update({"home (es)": "es/", "place (es)": "es/" + place})
    return pages


def real_pages(site: Path, run: dict, researched: set[str]) -> dict:
    """The real data's site as a whole: how many pages, the HTML of the county and city pages
    (mean and largest; the budget is for the generated ones, the pages of the places nobody has
    researched; a researched place's page, ``researched`` by source path without ".md", is its
    research and is reported apart), and the largest pages by gzip size (the budget: no page over
    250 KB with what it loads; the page itself is most of it, the shared assets are measured by
    page_weight)."""
    htmls = [p for p in site.rglob("*.html")]
    def parts(p: Path) -> tuple[str, ...]:
        rel = p.relative_to(site).parts
        return rel[1:] if rel[0] == "es" else rel

    areas = [p for p in htmls if parts(p)[0] in ("counties", "cities")]
    is_researched = {p: "/".join(parts(p)[:-1]) in researched for p in areas}
    area_kb = [p.stat().st_size / 1000 for p in areas if not is_researched[p]]
    place_kb = [p.stat().st_size / 1000 for p in areas if is_researched[p]]
    sized = sorted(((len(gzip.compress(p.read_bytes(), GZIP_LEVEL)) / 1000, p.relative_to(site).as_posix()) for p in htmls), reverse=True)
    return {"pages": len(htmls), "area_pages": len(areas), "researched_area_pages": len(place_kb),
            "area_html_kb_mean": round(sum(area_kb) / len(area_kb), 1) if area_kb else None,
            "area_html_kb_max": round(max(area_kb), 1) if area_kb else None,
            "researched_html_kb_mean": round(sum(place_kb) / len(place_kb), 1) if place_kb else None,
            "researched_html_kb_max": round(max(place_kb), 1) if place_kb else None,
            "online_seconds": run["online"]["seconds"], "zip_mb": run.get("zip_mb"),
            "largest": [[round(kb, 1), rel] for kb, rel in sized[:8]]}


def _transferred(site: Path, base: str, urls) -> dict[str, int]:
    """What the compressed server sends for each address (gzip for text, as-is otherwise), by path."""
    out = {}
    for u in dict.fromkeys(urls):
        path = u.removeprefix(base).split("?")[0].split("#")[0]
        f = site / path
        if f.is_dir() or path == "" or path.endswith("/"):
            f = f / "index.html"
        if f.is_file():
            data = f.read_bytes()
            out[path or "/"] = len(gzip.compress(data, GZIP_LEVEL)) if f.suffix in COMPRESSIBLE else len(data)
    return out


def _settle(page) -> None:
    """Wait until the page has stopped loading: Material's bundle starts requests of its own once
    it runs (its search worker, sitemap.xml), which on a busy machine can come after a first quiet
    moment on the network."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")


def page_weight(site: Path, pages: dict[str, str], search_open: tuple[str, ...] = ("home", "home (es)")) -> dict:
    """Bytes (gzip) of each page and every same-origin file it loads with no interaction, from a
    real browser load; whether the search index was among them (it should not be: it is fetched
    when a reader opens search); for the pages in `search_open`, what opening search adds; and
    each search index on its own."""
    from playwright.sync_api import sync_playwright

    from sanctuary.chromium import CHROMIUM_ARGS, chromium_path

    out: dict = {}
    with serve(site, PORT, compress=True) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, rel in pages.items():
            page = browser.new_page()
            seen: list[str] = []
            page.on("request", lambda r, seen=seen: seen.append(r.url))
            page.goto(url + rel, wait_until="load")
            _settle(page)
            loaded = list(seen)
            files = _transferred(site, url, loaded)
            out[name] = {"gzip_kb": round(sum(files.values()) / 1000, 1), "requests": len(set(loaded)),
                         "search_index_loaded": any(SEARCH_INDEX in u for u in loaded), "files": files}
            if name in search_open:
                page.locator("input.md-search__input").click()
                _settle(page)
                more = _transferred(site, url, [u for u in seen[len(loaded):] if u not in loaded])
                out[name]["search_open"] = {"gzip_kb": round(sum(more.values()) / 1000, 1), "requests": len(more), "files": more}
            page.close()
        browser.close()
    out["search index"] = search_index(site)
    return out


def lighthouse(site: Path, tools: Path, pages: dict[str, str]) -> dict:
    """npm lighthouse 12.2.3 with Debian's Chromium, mobile settings (its default)."""
    from sanctuary.chromium import chromium_path

    if not (tools / "node_modules" / ".bin" / "lighthouse").exists():
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(tools), "lighthouse@12.2.3"], check=True)
    results = {}
    english = {k: v for k, v in pages.items() if not k.endswith("(es)")}
    with serve(site, PORT, compress=True) as url:
        for lang, pre in (("en", ""), ("es", "es/")):
            for name, rel in english.items():
                report = tools / f"lh-{lang}-{name}.json"
                subprocess.run([str(tools / "node_modules" / ".bin" / "lighthouse"), url + pre + rel, "--quiet",
                                "--output=json", f"--output-path={report}",
                                "--only-categories=performance,accessibility,best-practices,seo",
                                "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"],
                               check=True, env=dict(ENV, CHROME_PATH=chromium_path()))
                data = json.loads(report.read_text())
                results[f"{name} ({lang})"] = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
                print("   ", name, lang, results[f"{name} ({lang})"], flush=True)
    return results


def browser_timings(site: Path, label: str) -> dict:
    """Opening search (the index is fetched then) until it is ready; the first result after the
    last keystroke; the compare matrix's filter."""
    from playwright.sync_api import sync_playwright

    from sanctuary.chromium import CHROMIUM_ARGS, chromium_path

    out = {}
    with serve(site, PORT, compress=True) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        _settle(page)
        meta = page.evaluate("() => document.querySelector('.md-search-result__meta').textContent.trim()")
        start = time.perf_counter()
        page.locator("input.md-search__input").click()
        page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t", arg=meta, timeout=120_000)
        out["search_ready_ms"] = round((time.perf_counter() - start) * 1000)
        page.keyboard.type("detaine", delay=20)
        start = time.perf_counter()
        page.keyboard.type("r")
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        out["first_search_result_ms"] = round((time.perf_counter() - start) * 1000)
        page.goto(url + "compare/", wait_until="load")
        _settle(page)
        ms = page.evaluate("""() => {
            const has = document.querySelector('#matrix-has'), q = document.querySelector('#matrix-q');
            const runs = [];
            for (const [value, text] of [['5', ''], ['', '00'], ['9', '1']]) {
              has.value = value; q.value = text;
              const t = performance.now(); window.sgMatrixFilter(); runs.push(performance.now() - t);
            }
            return Math.max(...runs);
        }""")
        out["compare_filter_ms"] = round(ms, 1)
        browser.close()
    print("   ", label, out, flush=True)
    return out


# ---------------------------------------------------------------- the run


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the guide (see the README's Performance section).")
    parser.add_argument("--sizes", default="100,1000,3000", help="numbers of synthetic places added to the real data")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    results: dict = {"budgets": BUDGETS}
    with tempfile.TemporaryDirectory(prefix="sg-bench-") as tmp:
        work = Path(tmp)
        ENV["SITE_URL"] = os.environ["SITE_URL"] = f"http://127.0.0.1:{PORT}/"  # built for the address it is served at
        print("Real data: full build (as make build)...", flush=True)
        project = make_project(work / "project-0", 0)
        real_site = work / "site-0"
        run = full_build(project, real_site, "real data")
        real_pdf = run["pdf_pages"] or None
        results["full_build"] = [full_row(0, run, None)]
        if "online" not in run:
            raise SystemExit("The real data's online build failed: nothing more to measure.\n" + json.dumps(run.get("errors"), indent=1))
        guide = load_guide_cached(project)
        pages = measured_pages(guide)
        results["real_pages"] = real_pages(real_site, run, {a.src.removesuffix(".md") for a in guide.all_areas if a.place is not None})
        print("Real data: the plain Material baseline of the same pages...", flush=True)
        base = build_both(make_baseline(work / "baseline-0", project), work / "baseline-site-0")
        results["real_pages"].update(baseline_seconds=base["seconds"], ratio=round(run["online"]["seconds"] / base["seconds"], 2))
        print("   ", {k: v for k, v in results["real_pages"].items() if k != "largest"}, flush=True)
        results["page_weight"] = page_weight(real_site, pages)
        results["timings"] = {"real data": browser_timings(real_site, "real data")}
        if not args.no_lighthouse:
            print("Lighthouse (mobile)...", flush=True)
            results["lighthouse"] = lighthouse(real_site, ROOT / "build" / "bench-tools", pages)
        print("Build scaling...", flush=True)
        results["scaling"], full = scaling(sizes, work, real_pdf)
        results["full_build"] += full
        if results["scaling"]:
            largest = max(row["synthetic_places"] for row in results["scaling"])
            results["timings"][f"{largest} places"] = browser_timings(work / f"site-{largest}", f"{largest} places")
            # What the platform alone costs: the plain Material baseline's pages (same text, no data layer).
            smallest = min(row["synthetic_places"] for row in results["scaling"])
            results["baseline_page_weight"] = page_weight(work / f"baseline-site-{smallest}",
                                                          {"home": "", "section": "immigration-enforcement/"}, ())
            results["material_chrome_kb"] = chrome_kb(work / f"site-{largest}")
    results["verdicts"] = verdicts(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print_table(results)
    print(f"\nWritten to {args.out}")
    return 0


def verdicts(r: dict) -> dict:
    """Each budget: True (met), False (missed) or None (not measured in this run)."""
    v: dict = {}
    if r["scaling"]:
        v["build time within 1.3x baseline at every size"] = all(row["ratio"] <= BUDGETS["build_ratio"] for row in r["scaling"])
        at_max = max(r["scaling"], key=lambda row: row["synthetic_places"])
        v[f"place page <= 25 KB HTML at {at_max['synthetic_places']} synthetic places"] = (
            at_max["place_html_kb"] <= BUDGETS["place_html_kb_at_3000"] if at_max["place_html_kb"] is not None else None)
    real = r.get("real_pages")
    if real:
        v[f"build time within 1.3x baseline at the real page count ({real['pages']} pages)"] = real["ratio"] <= BUDGETS["build_ratio"]
        if real["area_html_kb_mean"] is not None:
            v["county and city pages nobody has researched <= 25 KB HTML (mean)"] = real["area_html_kb_mean"] <= BUDGETS["place_html_kb_at_3000"]
            v["county and city pages nobody has researched <= 25 KB HTML (largest)"] = real["area_html_kb_max"] <= BUDGETS["place_html_kb_at_3000"]
        if real.get("zip_mb") is not None:
            v["offline zip <= 12 MB with every county and city"] = real["zip_mb"] <= BUDGETS["zip_mb"]
    w = r["page_weight"]
    v["no measured page over 250 KB gzip with everything it loads"] = all(
        x["gzip_kb"] <= BUDGETS["page_gzip_kb"] for name, x in w.items() if name != "search index")
    for name in ("home", "home (es)"):
        if name in w:
            v[f"{name} <= 120 KB gzip with everything it loads"] = w[name]["gzip_kb"] <= BUDGETS["home_gzip_kb"]
    v["no page loads the search index before search is opened"] = not any(
        x.get("search_index_loaded") for name, x in w.items() if name != "search index")
    for lang, idx in w["search index"].items():
        v[f"search index ({lang}) <= 150 KB gzip, real data"] = idx["gzip_kb"] <= BUDGETS["search_index_gzip_kb"]
    if r["scaling"]:
        at_max = max(r["scaling"], key=lambda row: row["synthetic_places"])
        for lang, idx in at_max["search_index"].items():
            v[f"search index ({lang}) <= 150 KB gzip at {at_max['synthetic_places']} synthetic places"] = (
                idx["gzip_kb"] <= BUDGETS["search_index_gzip_kb"])
    if "lighthouse" in r:
        v["Lighthouse: 100 a11y/best practices/SEO, >= 98 performance"] = all(
            scores.get(k, 0) >= m for scores in r["lighthouse"].values() for k, m in BUDGETS["lighthouse_min"].items())
    v["compare filter < 100 ms at every size"] = all(t["compare_filter_ms"] < BUDGETS["filter_ms"] for t in r["timings"].values())
    v["full build (make build) finishes at every size"] = all(row["finished"] for row in r["full_build"])
    for row in r["full_build"][1:]:
        v[f"printed guide bounded: PDF pages at {row['synthetic_places']} synthetic places = real data"] = row.get("pdf_pages_equal_real")
    return v


def _kb_pair(index: dict, key: str) -> str:
    return " / ".join(str(index[lang][key]) if lang in index else "-" for lang in CONFIGS)


def print_table(r: dict) -> None:
    print("\nBuild scaling: online build of both languages, real data + N synthetic places, vs plain Material (same pages)")
    print(f"{'N':>6} {'places':>6} {'build s':>8} {'baseline s':>10} {'ratio':>6} {'peak MB':>8} {'site MB':>8} {'place KB':>9} "
          f"{'index KB en/es':>15} {'gzip KB en/es':>14}")
    for row in r["scaling"]:
        print(f"{row['synthetic_places']:>6} {row['places']:>6} {row['seconds']:>8} {row['baseline_seconds']:>10} {row['ratio']:>6} "
              f"{row['peak_mb']:>8} {row['site_mb']:>8} {row['place_html_kb'] or '-':>9} "
              f"{_kb_pair(row['search_index'], 'kb'):>15} {_kb_pair(row['search_index'], 'gzip_kb'):>14}")
    real = r.get("real_pages")
    if real:
        print(f"\nReal data: {real['pages']} pages ({real['area_pages']} county and city pages); online build of both languages "
              f"{real['online_seconds']} s vs plain Material {real['baseline_seconds']} s (ratio {real['ratio']}); county and city "
              f"pages nobody has researched {real['area_html_kb_mean']} KB HTML on average, {real['area_html_kb_max']} KB the largest "
              f"(the {real['researched_area_pages']} researched ones {real['researched_html_kb_mean']} KB on average, "
              f"{real['researched_html_kb_max']} KB the largest); zip {real['zip_mb']} MB")
        print("  largest pages (KB gzip, the page alone): " + ", ".join(f"{rel} {kb}" for kb, rel in real["largest"]))
    print("\nFull build (as make build: offline en+es, zip, PDF, online en+es)")
    print(f"{'N':>6} {'finished':<22} {'time s':>7} {'online s':>8} {'zip MB':>7} {'PDF pages en/es':>16}  same PDF pages as real data")
    for row in r["full_build"]:
        status = "yes" if row["finished"] else f"no ({row['failed']} failed)"
        if row.get("pdf_skipped"):
            status += ", no PDF"
        pdf = " / ".join(str(row["pdf_pages"].get(lang, "-")) for lang in CONFIGS) if row["pdf_pages"] else "-"
        same = {True: "yes", False: "NO", None: "-"}[row.get("pdf_pages_equal_real")] if row["synthetic_places"] else "(the reference)"
        print(f"{row['synthetic_places']:>6} {status:<22} {row['seconds']:>7} {row.get('online', {}).get('seconds', '-'):>8} "
              f"{row.get('zip_mb', '-'):>7} {pdf:>16}  {same}")
    skipped = {row["pdf_skipped"] for row in r["full_build"] if row.get("pdf_skipped")}
    for why in skipped:
        print(f"  PDF step skipped: {why}")
    print("\nPage weight, real data (gzip, with everything the page loads before any interaction)")
    for name, w in r["page_weight"].items():
        if name == "search index":
            continue
        line = f"  {name:<18} {w['gzip_kb']:>7} KB  ({w['requests']} requests{', SEARCH INDEX LOADED' if w['search_index_loaded'] else ''})"
        if "search_open" in w:
            line += f"; opening search adds {w['search_open']['gzip_kb']} KB ({w['search_open']['requests']} requests)"
        print(line)
    home = r["page_weight"].get("home")
    if home:
        print("  the home page's loads (KB gzip): " + ", ".join(f"{p} {b / 1000:.1f}" for p, b in sorted(home["files"].items(), key=lambda x: -x[1])))
    for name, w in r.get("baseline_page_weight", {}).items():
        if name != "search index":
            print(f"  plain Material {name:<7} {w['gzip_kb']:>4} KB  ({w['requests']} requests)")
    idx = r["page_weight"]["search index"]
    print(f"  search index en / es: {_kb_pair(idx, 'gzip_kb')} KB gzip (raw {_kb_pair(idx, 'kb')} KB), fetched when search is opened")
    if r.get("material_chrome_kb"):
        c = r["material_chrome_kb"]
        print(f"\nPlace page HTML at {max(x['synthetic_places'] for x in r['scaling'])} synthetic places: {c['page_kb']} KB = "
              f"{c['frame_kb']} KB Material frame + {c['content_kb']} KB content")
    if "lighthouse" in r:
        print("\nLighthouse (mobile): performance / accessibility / best practices / SEO")
        for name, s in r["lighthouse"].items():
            print(f"  {name:<18} {s.get('performance')} / {s.get('accessibility')} / {s.get('best-practices')} / {s.get('seo')}")
    print("\nBrowser timings")
    for name, t in r["timings"].items():
        print(f"  {name:<12} search ready {t['search_ready_ms']} ms after opening; first result {t['first_search_result_ms']} ms "
              f"after the last keystroke; compare filter {t['compare_filter_ms']} ms")
    print("\nBudgets")
    for name, ok in r["verdicts"].items():
        print(f"  {({True: 'met ', False: 'MISS', None: 'n/a '})[ok]}  {name}")


if __name__ == "__main__":
    sys.exit(main())
