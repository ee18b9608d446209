"""`make bench`: build scaling against a plain Material baseline, page weight, Lighthouse and
browser timings. Prints a table and writes build/bench.json. A benchmark, not a test: it
measures and reports each budget as met or missed.

    .venv/bin/python scripts/bench.py [--sizes 100,1000,3000] [--no-lighthouse] [--out build/bench.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sanctuary import paths, render
from sanctuary.load import load_guide

ROOT = Path(__file__).resolve().parent.parent

PY = sys.executable
PORT = 8765  # the bench serves every site here, gzip-compressed like a real static host
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
BUDGETS = {
    "build_ratio": 1.3,
    "place_html_kb_at_3000": 25,
    "home_gzip_kb": 120,
    "lighthouse_min": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
    "filter_ms": 100,
}
PROJECT_FILES = ["docs", "overrides", "sanctuary", "hooks.py", "macros.py", "mkdocs.yml", "mkdocs.es.yml"]

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


def make_project(dest: Path, places: int) -> Path:
    """A copy of the project whose data holds `places` synthetic places (and no real ones)."""
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(ROOT / "data", dest / "data", ignore=shutil.ignore_patterns("places"))
    (dest / "data" / "places").mkdir()
    guide = load_guide(ROOT)
    codes = [p.code for p in guide.provisions]
    counties: dict[str, set[str]] = {}
    for fips, shape in guide.reference.county_shapes.items():
        counties.setdefault(fips[:2], set()).add(shape.name.lower())
    rng = random.Random(places)
    import yaml
    for i in range(places):
        state = guide.states[i % len(guide.states)]
        county = sorted(counties[state.fips])[(i // len(guide.states)) % len(counties[state.fips])].title()
        data = synthetic_place(i, state, county, codes, rng)
        (dest / "data" / "places" / f"{data['slug']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def make_baseline(dest: Path, project: Path) -> Path:
    """A plain Material site with the same pages and the same text: the real build's Markdown,
    rendered once, written as static files. No macros, no hooks, no data layer."""
    guide = load_guide(project)  # the project copy's data
    for lang, cfg in (("en", "mkdocs.yml"), ("es", "mkdocs.es.yml")):
        docs = dest / "docs" / lang
        shutil.copytree(project / "docs" / lang, docs)
        for md in docs.rglob("*.md"):  # replace each macro call with its output
            md.write_text(_expand(md.read_text(encoding="utf-8"), guide, lang, md.relative_to(docs).as_posix()), encoding="utf-8")
        for place in guide.places:
            src = paths.place_page(place.slug)
            ctx = render.Ctx(guide, lang, paths.Links(src))
            (docs / src).write_text(f"---\ntitle: {json.dumps(place.name(lang))}\n---\n\n" + render.place_page(ctx, place.slug), encoding="utf-8")
        for state in guide.states:
            src = paths.state_page(state.code)
            ctx = render.Ctx(guide, lang, paths.Links(src))
            (docs / src).write_text(f"---\ntitle: {json.dumps(state.name(lang))}\n---\n\n" + render.state_page(ctx, state.code), encoding="utf-8")
        config = (project / cfg).read_text(encoding="utf-8")
        config = config.replace("  - macros:\n      module_name: macros\n      on_error_fail: true\n      on_undefined: strict\n", "")
        config = config.replace("hooks:\n  - hooks.py\n", "")
        config = config.replace("custom_dir: overrides", "custom_dir: overrides")
        (dest / cfg).write_text(config, encoding="utf-8")
    shutil.copytree(project / "overrides", dest / "overrides")
    return dest


def _expand(markdown: str, guide, lang: str, src: str) -> str:
    import re
    ctx = render.Ctx(guide, lang, paths.Links(src))
    calls = {
        "not_legal_advice()": lambda: render.notice(ctx), "status_legend()": lambda: render.status_legend(ctx),
        "sections_overview()": lambda: render.sections_overview(ctx), "places_index()": lambda: render.places_index(ctx),
        "sample_places()": lambda: render.places_index(ctx, sample_only=True), "compare_matrix()": lambda: render.compare_matrix(ctx),
        "all_sources()": lambda: render.all_sources(ctx), "glossary()": lambda: render.glossary(ctx),
        "federal_lists()": lambda: render.federal_lists(ctx), "states_index()": lambda: render.states_index(ctx),
        "us_map()": lambda: render.us_map(ctx), "ice_287g()": lambda: render.ice287g_page(ctx),
        "doj_list()": lambda: render.doj_list(ctx), "checklist()": lambda: render.checklist(ctx),
        "data_dictionary()": lambda: render.data_dictionary(ctx), "open_data()": lambda: render.open_data(ctx),
        "last_reviewed()": lambda: guide.last_reviewed,
    }

    def one(m):
        call = m.group(1).strip()
        if call.startswith("section_page("):
            return render.section_page(ctx, call.split('"')[1])
        return calls[call]()
    return re.sub(r"\{\{\s*(.*?)\s*\}\}", one, markdown)


# ---------------------------------------------------------------- measuring


def timed(cmd: list[str], cwd: Path) -> dict:
    """Wall time and peak memory of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{err[-3000:]}")
    return {"seconds": round(wall, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def build_both(project: Path, out: Path) -> dict:
    en = timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(out)], project)
    es = timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.es.yml", "-d", str(out / "es")], project)
    return {"seconds": round(en["seconds"] + es["seconds"], 2), "peak_mb": max(en["peak_mb"], es["peak_mb"])}


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def scaling(sizes: list[int], work: Path) -> list[dict]:
    rows = []
    for n in sizes:
        print(f"  building {n} places (project, then plain Material baseline)...", flush=True)
        project = make_project(work / f"project-{n}", n)
        real = build_both(project, work / f"site-{n}")
        baseline_project = make_baseline(work / f"baseline-{n}", project)
        base = build_both(baseline_project, work / f"baseline-site-{n}")
        place_pages = list((work / f"site-{n}" / "places").glob("synthetic-*/index.html"))
        rows.append({
            "places": n, "seconds": real["seconds"], "peak_mb": real["peak_mb"],
            "baseline_seconds": base["seconds"], "ratio": round(real["seconds"] / base["seconds"], 2),
            "site_mb": round(dir_bytes(work / f"site-{n}") / 1e6, 1),
            "place_html_kb": round(sum(p.stat().st_size for p in place_pages) / len(place_pages) / 1000, 1),
            "search_index_kb": {lang: round((work / f"site-{n}" / pre / "search" / "search_index.json").stat().st_size / 1000)
                                for lang, pre in (("en", ""), ("es", "es"))},
        })
        print("   ", rows[-1], flush=True)
    return rows


def chrome_kb(site: Path) -> dict:
    """A place page's HTML split into Material's frame (header, navigation, search, footer, head)
    and the page's own content, averaged over the synthetic place pages."""
    pages = list((site / "places").glob("synthetic-*/index.html"))[:200]
    total = content = 0
    for p in pages:
        text = p.read_text(encoding="utf-8")
        start, end = text.index('<div class="md-content"'), text.index("<footer")
        total += len(text.encode())
        content += len(text[start:end].encode())
    n = len(pages)
    return {"page_kb": round(total / n / 1000, 1), "content_kb": round(content / n / 1000, 1),
            "frame_kb": round((total - content) / n / 1000, 1)}


PAGES = {"home": "", "section": "immigration-enforcement/", "place": "places/long-beach/", "compare": "compare/",
         "home (es)": "es/", "place (es)": "es/places/long-beach/"}


def page_weight(site: Path, pages: dict | None = None) -> dict:
    """Bytes (gzip) of each page and every same-origin file it loads, from a real browser load."""
    from playwright.sync_api import sync_playwright

    from sanctuary.chromium import CHROMIUM_ARGS, chromium_path
    from sanctuary.serve import serve

    pages = pages or PAGES
    out = {}
    with serve(site, PORT, compress=True) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, rel in pages.items():
            page = browser.new_page()
            seen: list[str] = []
            page.on("request", lambda r, seen=seen: seen.append(r.url))
            page.goto(url + rel, wait_until="networkidle")
            total = 0
            for u in dict.fromkeys(seen):
                path = u.removeprefix(url).split("?")[0].split("#")[0]
                f = site / path
                if f.is_dir() or path == "" or path.endswith("/"):
                    f = f / "index.html"
                if f.is_file():  # what the compressed server sends: gzip for text, as-is otherwise
                    data = f.read_bytes()
                    total += len(gzip.compress(data, 6)) if f.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml") else len(data)
            out[name] = {"gzip_kb": round(total / 1000, 1), "requests": len(set(seen))}
            page.close()
        browser.close()
    for lang, pre in (("en", ""), ("es", "es/")):
        if not (site / pre / "search" / "search_index.json").is_file():
            continue
        raw = (site / pre / "search" / "search_index.json").read_bytes()
        out[f"search index ({lang})"] = {"kb": round(len(raw) / 1000), "gzip_kb": round(len(gzip.compress(raw, 9)) / 1000, 1)}
    return out


def lighthouse(site: Path, tools: Path) -> dict:
    """npm lighthouse 12.2.3 with Debian's Chromium, mobile settings (its default)."""
    from sanctuary.chromium import chromium_path
    from sanctuary.serve import serve

    if not (tools / "node_modules" / ".bin" / "lighthouse").exists():
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(tools), "lighthouse@12.2.3"], check=True)
    results = {}
    pages = {"home": "", "section": "immigration-enforcement/", "place": "places/long-beach/", "compare": "compare/"}
    with serve(site, PORT, compress=True) as url:
        for lang, pre in (("en", ""), ("es", "es/")):
            for name, rel in pages.items():
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
    from playwright.sync_api import sync_playwright

    from sanctuary.chromium import CHROMIUM_ARGS, chromium_path
    from sanctuary.serve import serve

    out = {}
    with serve(site, PORT, compress=True) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("detaine", delay=20)
        start = time.perf_counter()
        page.keyboard.type("r")
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        out["first_search_result_ms"] = round((time.perf_counter() - start) * 1000)
        page.goto(url + "compare/", wait_until="networkidle")
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict = {"budgets": BUDGETS}
    with tempfile.TemporaryDirectory(prefix="sg-bench-") as tmp:
        work = Path(tmp)
        print("Real data: building the site...", flush=True)
        real_site = work / "real-site"
        shutil.copytree(ROOT, work / "real", ignore=shutil.ignore_patterns(".venv", "site", "build", ".git", "node_modules", "__pycache__"))
        ENV["SITE_URL"] = f"http://127.0.0.1:{PORT}/"  # built for the address it is served at
        build_both(work / "real", real_site)
        results["page_weight"] = page_weight(real_site)
        results["timings"] = {"real data": browser_timings(real_site, "real data")}
        if not args.no_lighthouse:
            print("Lighthouse (mobile)...", flush=True)
            results["lighthouse"] = lighthouse(real_site, ROOT / "build" / "bench-tools")
        print("Build scaling...", flush=True)
        results["scaling"] = scaling(sizes, work)
        largest = max(sizes)
        results["timings"][f"{largest} places"] = browser_timings(work / f"site-{largest}", f"{largest} places")
        # What the platform alone costs: the plain Material baseline's pages (same text, no data layer)
        smallest = min(sizes)
        results["baseline_page_weight"] = page_weight(work / f"baseline-site-{smallest}", {"home": "", "section": "immigration-enforcement/"})
        results["material_chrome_kb"] = chrome_kb(work / f"site-{largest}")
    results["verdicts"] = verdicts(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print_table(results)
    print(f"\nWritten to {args.out}")
    return 0


def verdicts(r: dict) -> dict:
    v = {}
    v["build time within 1.3x baseline at every size"] = all(row["ratio"] <= BUDGETS["build_ratio"] for row in r["scaling"])
    at_max = max(r["scaling"], key=lambda row: row["places"])
    v[f"place page <= 25 KB HTML at {at_max['places']} places"] = at_max["place_html_kb"] <= BUDGETS["place_html_kb_at_3000"]
    v["home page <= 120 KB gzip with everything it loads"] = r["page_weight"]["home"]["gzip_kb"] <= BUDGETS["home_gzip_kb"]
    if "lighthouse" in r:
        v["Lighthouse: 100 a11y/best practices/SEO, >= 98 performance"] = all(
            scores.get(k, 0) >= m for scores in r["lighthouse"].values() for k, m in BUDGETS["lighthouse_min"].items())
    v["compare filter < 100 ms at every size"] = all(t["compare_filter_ms"] < BUDGETS["filter_ms"] for t in r["timings"].values())
    return v


def print_table(r: dict) -> None:
    print("\nBuild scaling (both languages)")
    print(f"{'places':>7} {'build s':>8} {'baseline s':>10} {'ratio':>6} {'peak MB':>8} {'site MB':>8} {'place KB':>9} {'search KB en/es':>16}")
    for row in r["scaling"]:
        print(f"{row['places']:>7} {row['seconds']:>8} {row['baseline_seconds']:>10} {row['ratio']:>6} {row['peak_mb']:>8} "
              f"{row['site_mb']:>8} {row['place_html_kb']:>9} {row['search_index_kb']['en']:>8}/{row['search_index_kb']['es']}")
    print("\nPage weight (gzip, with everything loaded)")
    for name, w in r["page_weight"].items():
        print(f"  {name:<22} {w['gzip_kb']:>7} KB" + (f"  ({w['requests']} requests)" if "requests" in w else f"  (raw {w['kb']} KB)"))
    if "baseline_page_weight" in r:
        for name, w in r["baseline_page_weight"].items():
            if "requests" in w:
                print(f"  plain Material {name:<7} {w['gzip_kb']:>7} KB  ({w['requests']} requests)")
    if "material_chrome_kb" in r:
        c = r["material_chrome_kb"]
        print(f"\nPlace page HTML at {max(x['places'] for x in r['scaling'])} places: {c['page_kb']} KB = "
              f"{c['frame_kb']} KB Material frame + {c['content_kb']} KB content")
    if "lighthouse" in r:
        print("\nLighthouse (mobile): performance / accessibility / best practices / SEO")
        for name, s in r["lighthouse"].items():
            print(f"  {name:<18} {s.get('performance')} / {s.get('accessibility')} / {s.get('best-practices')} / {s.get('seo')}")
    print("\nBrowser timings")
    for name, t in r["timings"].items():
        print(f"  {name:<12} first search result {t['first_search_result_ms']} ms; compare filter {t['compare_filter_ms']} ms")
    print("\nBudgets")
    for name, ok in r["verdicts"].items():
        print(f"  {'met ' if ok else 'MISS'}  {name}")


if __name__ == "__main__":
    sys.exit(main())
