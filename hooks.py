"""MkDocs hooks: thin adapters from MkDocs events to the `sanctuary` package, which does the work.

* on_config: load and validate the whole guide (data files and reference snapshots); any error
  stops the build, listing all of them. Apply the edition of ``theme.language`` (sanctuary/editions.py),
  the interface strings the theme needs (data/ui.yml), the downloads manifest, and a build date
  taken from the data when SOURCE_DATE_EPOCH is not set (the same commit builds the same bytes).
* on_files: add one page per provision, per place and per state file (adding a place = adding one
  YAML file).
* on_page_content: the contents at the top of a long page, for small screens (sanctuary/pagetoc.py).
* on_post_build: the steps of sanctuary.steps (open data, link check, CSP, hreflang, ...).
"""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sanctuary import areaview, changes, comparedata, editions, finder, manifest, pagetoc, paths, render, share, steps
from sanctuary.errors import DataErrors
from sanctuary.guide import Guide
from sanctuary.load import load_guide_cached

ROOT = Path(__file__).resolve().parent
# An INFO line, not a warning: `mkdocs build --strict` fails on warnings, and the tests and a
# local `make build` rightly build without SITE_URL.
log = logging.getLogger("mkdocs.plugins.sanctuary")
DOWNLOADS = ROOT / "build" / "downloads"
VENDORED_SHIM = "assets/vendor/iframe-worker/shim.js"
# The interface strings the theme's own templates (overrides/) print, from data/ui.yml.
THEME_LABELS = ("site_name", "site_description", "copyright", "footer_disclaimer", "downloads", "download_offline",
                "download_offline_langs", "download_pdf", "language_switch", "not_found_title", "not_found_text",
                "finder_title")


def _plugin(config: MkDocsConfig, name: str):
    plugin = config.plugins.get(f"material/{name}") or config.plugins.get(name)
    if plugin is None:
        raise PluginError(f"mkdocs.yml: the {name} plugin is missing")
    return plugin


_BUILD: dict[str, Guide] = {}  # the guide of the build under way, loaded once in on_config


def _guide() -> Guide:
    """The guide of this build: loaded (or reloaded, if a data file changed under `mkdocs serve`)
    when the build starts, then the same object for every page. Checking every data file's time
    for each of 6,000 pages had cost a tenth of the build."""
    guide = _BUILD.get("guide")
    return guide if guide is not None else _load()


def _load() -> Guide:
    try:
        _BUILD["guide"] = load_guide_cached(ROOT)
    except DataErrors as exc:
        raise PluginError(f"The data has errors; nothing was built.\n{exc}") from None
    return _BUILD["guide"]


@event_priority(100)  # before the search plugin reads its settings and the offline plugin adds its shim
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    guide = _load()
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(guide.build_epoch))
    edition = editions.edition(config.theme["language"])
    config.site_name = guide.label("site_name", edition.lang)
    config.site_description = guide.label("site_description", edition.lang)
    config.copyright = guide.label("copyright", edition.lang)
    # Python-Markdown's heading permalink tooltip is one setting: give each edition its own.
    config.mdx_configs["toc"]["permalink_title"] = guide.label("permalink_title", edition.lang)
    search = _plugin(config, "search").config
    search.lang = [edition.lang]
    search.separator = edition.search_separator
    search.pipeline = list(edition.search_pipeline) if edition.search_pipeline is not None else None
    root_url = steps.site_root_url(config.site_url, edition.prefix)
    config.site_url = root_url + edition.prefix
    offline = bool(_plugin(config, "offline").config.enabled)
    published = steps.is_published(root_url)
    if not published:
        log.info("sanctuary: SITE_URL is not set, so the %s pages carry no canonical link, og:url or og:image, no "
                 "sitemap is published, robots.txt names none, and the feeds link relatively (all of them need the "
                 "public address, and %s is this machine's). To publish: SITE_URL=https://... mkdocs build",
                 edition.lang, root_url)
    config.extra.update(
        lang=edition.lang, edition=edition.prefix, locale=edition.locale, site_root_url=root_url, offline=offline,
        published=published,
        ui={key: guide.label(key, edition.lang) for key in THEME_LABELS},
        # The language switch goes to the same page in each edition (overrides/partials/alternate.html).
        alternate=[{"name": e.name, "lang": e.lang, "locale": e.locale, "home": guide.label("home_page", e.lang),
                    "offer": guide.label("lang_offer", e.lang), "offer_link": guide.label("lang_offer_link", e.lang),
                    "offer_dismiss": guide.label("lang_offer_dismiss", e.lang),
                    "link": posixpath.relpath(e.prefix or ".", edition.prefix or ".") + "/"}
                   for e in editions.EDITIONS],
        downloads=[] if offline else [d.__dict__ | {"mb": d.megabytes, "date_text": render.format_date(d.date, edition.lang)}
                                      for d in manifest.read(DOWNLOADS)],
    )
    if offline:  # offline search needs the iframe-worker shim under file://; ours is vendored from npm
        config.extra["polyfills"] = [VENDORED_SHIM]
    return config


def _generated_page(config: MkDocsConfig, src: str, title: str, description: str, kind: str, key: str = "",
                    card: bool = False, **meta) -> File:
    """A page made from data: front matter only; on_page_markdown renders its body (the macros
    plugin skips it: compiling 6,000 one-line Jinja templates cost a tenth of the build)."""
    # Titles are HTML in Material's templates (header, navigation, search): escape the data's
    # text here. Descriptions are plain text: the theme escapes them where they land.
    # Place, county and city pages have a report card, printed by guide.js.
    front = {"title": html.escape(title), "description": description, "render_macros": False,
             GENERATED: [kind, key], **meta} | ({"guide_js": True} if card else {})
    content = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
    return File.generated(config, src, content=content)


GENERATED = "sg_generated"  # front matter of a page made from data: [renderer, its argument]
RENDERERS = {
    "place": render.place_page, "area": render.area_page, "state": render.state_page,
    "provision": render.provision_page, "area_view": lambda ctx, _key: render.area_view(ctx),
}


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """The body of a page made from data, rendered straight from the guide."""
    generated = page.meta.get(GENERATED)
    if not generated:
        return markdown
    kind, key = generated
    ctx = render.page_ctx(_guide(), config.extra, page.file.src_uri, config.use_directory_urls)
    return RENDERERS[kind](ctx, key)


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Links to the page's headings at its top, shown on small screens (Material's own contents
    are in a sidebar they hide)."""
    return pagetoc.insert(html, pagetoc.entries(page.toc), _guide().label("toc_title", config.extra["lang"]))


def _moved_page(config: MkDocsConfig, slug: str, target_src: str) -> File:
    """The old address of a researched place that is now its county or city page: a small page
    that sends the reader on (links shared before keep working; search engines are told so)."""
    old = paths.place_page(slug)
    here = paths.Links(old, config.use_directory_urls)
    url = here.to(target_src)
    if config.use_directory_urls:  # the stub is places/<slug>/index.html: links resolve from it
        path = paths.page_url(old).rstrip("/") + "/index.html"
    else:
        path = paths.page_url(old, False)
    return File.generated(config, path, content=render.moved_place_page(_guide(), config.extra["lang"], slug, url))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One page per provision, per place file and per state file; adding one is adding one YAML file."""
    guide = _guide()
    lang = config.extra["lang"]
    offline = config.extra["offline"]
    pages = []
    for prov in guide.provisions:  # boosted in search like their section pages (docs/<lang>/<section>.md)
        src = guide.page_of_provision(prov.code)
        ctx = render.Ctx(guide, lang, paths.Links(src, config.use_directory_urls))
        card = share.provision_card(guide, lang, prov.code)  # its own share image (docs/<lang>/assets/share/)
        pages.append(_generated_page(config, src, render.provision_title(ctx, prov.code), render.provision_description(ctx, prov.code),
                                     "provision", prov.code, search={"boost": 2},
                                     share_image=share.image_path(prov.slug), share_image_alt=card.text))
    for place in guide.places:
        if guide.area_of_place(place.slug) is not None:
            files.append(_moved_page(config, place.slug, guide.page_of_place(place.slug)))
            continue
        src = paths.place_page(place.slug)
        ctx = render.Ctx(guide, lang, paths.Links(src, config.use_directory_urls))
        pages.append(_generated_page(config, src, place.name(lang), render.place_description(ctx, place.slug), "place", place.slug,
                                     card=True, finder=True))
    for area in guide.areas:
        if offline and area.place is None:
            continue  # shown by the offline view (below)
        ctx = render.Ctx(guide, lang, paths.Links(area.src, config.use_directory_urls))
        pages.append(_generated_page(config, area.src, render.area_title(ctx, area.key), render.area_description(ctx, area.key),
                                     "area", area.key, card=True, finder=True))
    for state in guide.states:
        src = paths.state_page(state.code)
        ctx = render.Ctx(guide, lang, paths.Links(src, config.use_directory_urls))
        pages.append(_generated_page(config, src, state.name(lang), render.state_description(ctx, state.code), "state", state.code,
                                     finder=True))
    if config.extra["offline"]:  # share images are for link previews: the offline edition has no use for them
        for file in [f for f in files if f.src_uri.startswith(share.FOLDER + "/")]:
            files.remove(file)

    def page_url(src: str) -> str:
        return paths.page_url(src, config.use_directory_urls)

    root_url = config.extra["site_root_url"] if config.extra["published"] else None  # no SITE_URL: relative links
    for state in (None, *(s.code for s in guide.states)):  # the whole guide's feed, and one per state
        feed = changes.atom(guide, lang, root_url, config.extra["edition"], page_url, state=state)
        files.append(File.generated(config, changes.feed_path(state), content=feed))
    files.append(File.generated(config, f"{changes.FEEDS}/sitemap.xml", content=changes.EMPTY_SITEMAP))
    for path, script in finder.scripts(guide, lang, config.use_directory_urls, offline=offline).items():
        files.append(File.generated(config, path, content=script))
    for path, script in comparedata.scripts(guide, lang, config.use_directory_urls, offline, render.AREA_LETTER).items():
        files.append(File.generated(config, path, content=script))
    if offline and any(a.place is None for a in guide.areas):
        pages.append(_generated_page(config, paths.AREA_VIEW, guide.label("areaview_title", lang),
                                     guide.label("areaview_description", lang), "area_view"))
        for path, script in areaview.scripts(guide, lang).items():
            files.append(File.generated(config, path, content=script))
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{config.docs_dir}/{page.src_uri} exists, but this page is generated from data/: delete it")
        files.append(page)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    try:
        steps.post_build(_guide(), Path(config.site_dir), config.extra["lang"], root_url=config.extra["site_root_url"],
                         offline=config.extra["offline"], downloads=DOWNLOADS)
    except steps.StepError as exc:
        raise PluginError(str(exc)) from None
