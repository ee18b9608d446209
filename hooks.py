"""MkDocs hooks: the only glue besides macros.py. Logic lives in the `sanctuary` package.

* on_config: load and validate every data file; any error stops the build, listing all of them.
* on_files: add one page per place file (adding a place = adding one YAML file).
* on_post_build: check every internal link and anchor in the built site.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from sanctuary import csp, opendata, paths, render, sitemap  # noqa: E402
from sanctuary.linkcheck import check_site  # noqa: E402
from sanctuary.load import DataErrors, load_guide_cached  # noqa: E402


def _lang(config) -> str:
    return config["extra"]["lang"]


DOWNLOADS = ROOT / "build" / "downloads"
VENDORED_SHIM = "assets/vendor/iframe-worker/shim.js"


@event_priority(100)  # before Material's offline plugin, which would otherwise add a CDN copy of the shim
def on_config(config):
    try:
        load_guide_cached(ROOT)
    except DataErrors as exc:
        raise PluginError(f"The data has errors; nothing was built.\n{exc}") from None
    # One public address (SITE_URL) for the whole site; each edition lives under its own path.
    root_url = (config["site_url"] or "/").rstrip("/") + "/"
    edition = config["extra"]["edition"]
    if edition and root_url.endswith("/" + edition):
        root_url = root_url[: -len(edition)]
    config["extra"]["site_root_url"] = root_url
    config["site_url"] = root_url + edition
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    offline = bool(plugin and plugin.config.enabled)
    config["extra"]["offline"] = offline
    if offline:
        # Offline search needs the iframe-worker shim under file://; ours is vendored from npm.
        config["extra"]["polyfills"] = [VENDORED_SHIM]
        config["extra"]["downloads"] = []
    else:
        config["extra"]["downloads"] = _downloads(edition)
    return config


def _downloads(edition: str) -> list[dict]:
    """The offline zip and the PDFs made by `make build` before the online build, if present."""
    out = []
    for path in sorted(DOWNLOADS.glob("*")) if DOWNLOADS.is_dir() else []:
        if path.name.startswith("."):
            continue
        lang = "es" if path.stem.endswith("-es") else "en" if path.stem.endswith("-en") else None
        out.append({
            "name": path.name,
            "lang": lang,
            "kind": path.suffix.lstrip("."),
            "mb": f"{path.stat().st_size / 1_000_000:.1f}",
            "date": dt.date.fromtimestamp(path.stat().st_mtime).isoformat(),
        })
    return out


def _generated_page(config, src: str, title: str, description: str, call: str) -> File:
    # MkDocs' theme templates do not autoescape: escape data before it reaches <title> and <meta>.
    front = {"title": html.escape(title), "description": html.escape(description)}
    content = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n\n"
    return File.generated(config, src, content=content + "{{ " + call + " }}\n")


def on_files(files: Files, config) -> Files:
    """One page per place file and per state file; adding one is adding one YAML file."""
    guide = load_guide_cached(ROOT)
    lang = _lang(config)
    pages = []
    for place in guide.places:
        src = paths.place_page(place.slug)
        ctx = render.Ctx(guide, lang, paths.Links(src, config["use_directory_urls"]))
        pages.append(_generated_page(config, src, place.name(lang), render.place_description(ctx, place.slug), f'place_page("{place.slug}")'))
    for state in guide.states:
        src = paths.state_page(state.code)
        ctx = render.Ctx(guide, lang, paths.Links(src, config["use_directory_urls"]))
        pages.append(_generated_page(config, src, state.name(lang), render.state_description(ctx, state.code), f'state_page("{state.code}")'))
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{config['docs_dir']}/{page.src_uri} exists, but this page is generated from data/: delete it")
        files.append(page)
    return files


def on_post_build(config) -> None:
    edition = config["extra"]["edition"]
    site_dir = Path(config["site_dir"])
    top = site_dir.parents[edition.count("/") - 1] if edition else site_dir
    if edition == "es/":
        fold_spanish_search(site_dir)
    if not edition:
        # Open data (CSV, JSON) for both editions, at the top of the site, online and offline.
        opendata.write(load_guide_cached(ROOT), site_dir / "downloads" / "data", dt.date.today().isoformat())
        root_url = config["extra"]["site_root_url"]
        sitemaps = "".join(f"Sitemap: {root_url}{e}sitemap.xml\n" for e in config["extra"]["editions"])
        (site_dir / "robots.txt").write_text("User-agent: *\nAllow: /\n" + sitemaps, encoding="utf-8")
    if config["extra"]["downloads"] and not edition:
        target = site_dir / "downloads"
        target.mkdir(exist_ok=True)
        for item in config["extra"]["downloads"]:
            shutil.copy2(DOWNLOADS / item["name"], target / item["name"])
    # The English edition is built first: its links into other editions are checked by the
    # later builds and by the tests, which check the whole site.
    others = tuple(e for e in config["extra"]["editions"] if e and e != edition)
    problems = check_site(
        top,
        only_prefix=edition,
        ignore_targets=others if not edition else (),
        base_path=urlsplit(config["extra"]["site_root_url"]).path,
    )
    if problems:
        raise PluginError("Broken internal links:\n" + "\n".join(problems))
    if not config["extra"]["offline"]:
        # Online only: under file:// browsers give pages no usable origin for 'self'.
        csp.add_to_site(site_dir)
        editions = {alt["lang"]: path for alt, path in zip(config["extra"]["alternate"], config["extra"]["editions"])}
        sitemap.add_alternates(site_dir / "sitemap.xml", config["extra"]["site_root_url"], editions, edition)


_FOLD_MARK = "/* sanctuary-guide: accent folding */"
_FOLD_JS = _FOLD_MARK + r"""
(function (lunr) {
  // Spanish search matches with or without accents: fold diacritics before the Spanish
  // stemmer, at indexing and at query time alike ('informacion' finds 'información').
  // Material types a trailing "*" on the last word (search as you type); stem the word
  // without it, then put it back, so plural and accented forms still meet.
  var stem = lunr.es.stemmer;
  var fold = function (token) {
    var star = false;
    token.update(function (s) {
      if (s.slice(-1) === "*") { star = true; s = s.slice(0, -1); }
      return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    });
    var out = stem(token);
    return star ? out.update(function (s) { return s + "*"; }) : out;
  };
  lunr.Pipeline.registerFunction(fold, "stemmer-es-folded");
  lunr.es.stemmer = fold;
  // lunr skips the search pipeline for a term with a wildcard, so 'ciudades*' would never be
  // stemmed to meet 'ciudad'. Let trailing-wildcard terms through the (folding) stemmer.
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var clause = parser.currentClause;
    var next = parseTerm(parser);
    if (clause.term && /[^*]\*$/.test(clause.term)) { clause.usePipeline = true; }
    return next;
  };
})(this.lunr || self.lunr);
"""


def fold_spanish_search(site_dir: Path) -> None:
    """Append accent folding to Material's Spanish lunr support in the built site."""
    path = site_dir / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js"
    if not path.is_file():
        raise PluginError(f"{path} not found: Material's Spanish search support moved; update hooks.py")
    text = path.read_text(encoding="utf-8")
    if _FOLD_MARK not in text:
        path.write_text(text + "\n" + _FOLD_JS, encoding="utf-8")
