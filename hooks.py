"""MkDocs hooks: the only glue besides macros.py. Logic lives in the `sanctuary` package.

* on_config: load and validate every data file; any error stops the build, listing all of them.
* on_files: add one page per place file (adding a place = adding one YAML file).
* on_post_build: check every internal link and anchor in the built site.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from sanctuary import paths, render  # noqa: E402
from sanctuary.linkcheck import check_site  # noqa: E402
from sanctuary.load import DataErrors, load_guide_cached  # noqa: E402


def _lang(config) -> str:
    return config["extra"]["lang"]


def on_config(config):
    try:
        load_guide_cached(ROOT)
    except DataErrors as exc:
        raise PluginError(f"The data has errors; nothing was built.\n{exc}") from None
    return config


def on_files(files: Files, config) -> Files:
    guide = load_guide_cached(ROOT)
    lang = _lang(config)
    for place in guide.places:
        src = paths.place_page(place.slug)
        ctx = render.Ctx(guide, lang, paths.Links(src, config["use_directory_urls"]))
        # MkDocs' theme templates do not autoescape: escape data before it reaches <title> and <meta>.
        front = {
            "title": html.escape(place.name(lang)),
            "description": html.escape(render.place_description(ctx, place.slug)),
        }
        content = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n\n"
        content += f'{{{{ place_page("{place.slug}") }}}}\n'
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} exists, but place pages are generated from data/places/: delete it")
        files.append(File.generated(config, src, content=content))
    return files


def on_post_build(config) -> None:
    # The Spanish edition is built into site/es/ after the English one; each checks its own pages.
    base_path = urlsplit(config["site_url"] or "/").path
    problems = check_site(config["site_dir"], skip_prefixes=tuple(config["extra"].get("linkcheck_skip", [])), base_path=base_path)
    if problems:
        raise PluginError("Broken internal links:\n" + "\n".join(problems))
