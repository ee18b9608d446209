"""The contents of a long page at its top, for small screens: links to the page's headings.

Material shows a page's table of contents in a sidebar that it hides below 60em (960 px), and
in the navigation drawer only for pages in the navigation, which place, county, state and provision
pages are not. So every page with at least MIN_ENTRIES second-level headings gets a short list of
links to them right after its title (and its `sg-meta` lines: what kind of page, when reviewed);
guide.css shows it on small screens only and never in print. It is plain HTML in the page, so the
offline edition has it too.

    html = pagetoc.insert(html, pagetoc.entries(page.toc), "On this page")
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

MIN_ENTRIES = 3
TOC_ID = "sg-toc-title"

# The page's title, then any `sg-meta` paragraphs right after it (the contents go below those).
_HEAD = re.compile(r'<h1\b[^>]*>.*?</h1>\s*(?:<p class="sg-meta\b[^"]*"[^>]*>.*?</p>\s*)*', re.DOTALL)


def entries(toc: Iterable) -> list[tuple[str, str]]:
    """The second-level headings of a page's table of contents (MkDocs' ``page.toc``: items with
    ``id``, ``title`` as HTML, ``level`` and ``children``), as (id, title HTML), in page order."""
    out: list[tuple[str, str]] = []

    def walk(items) -> None:
        for item in items:
            if item.level == 2:
                out.append((item.id, item.title))
            elif item.level < 2:
                walk(item.children)

    walk(toc)
    return out


def nav(items: list[tuple[str, str]], label: str) -> str:
    """The contents as HTML: a labelled navigation landmark with one link per heading."""
    links = "".join(f'<li><a href="#{Markup.escape(i)}">{Markup(title)}</a></li>' for i, title in items)
    return (f'<nav class="sg-toc" aria-labelledby="{TOC_ID}" data-search-exclude="1">'
            f'<p class="sg-toc__title" id="{TOC_ID}">{Markup.escape(label)}</p><ol>{links}</ol></nav>\n')


def insert(html: str, items: list[tuple[str, str]], label: str) -> str:
    """``html`` with the contents after its title (or at its start when it has no <h1>), when the
    page has at least MIN_ENTRIES headings to list; else ``html`` unchanged."""
    if len(items) < MIN_ENTRIES:
        return html
    head = _HEAD.search(html)
    at = head.end() if head else 0
    return html[:at] + nav(items, label) + html[at:]
