"""What changed: the dated events of the guide, newest first, for the "What changed" page and the
Atom feeds (plain Python).

Two kinds of event: the dated steps in the researched places' own timelines (a policy adopted or
revised, a lawsuit, a ruling), each with its sources; and what changed between ICE's two newest
287(g) sheets, county by county (a county's first agreement, a county whose agreements all ended).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from .guide import Guide
from .reference.snapshots import Kind


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    kind: str  # place-event | first-287g | ended-287g
    page: str  # page source it concerns
    anchor: str | None
    name: str  # the place it concerns, in the language
    text: str  # what happened, in the language (plain text)
    sources: tuple[tuple[str, str, str], ...]  # (title, url, the title's language)
    key: str  # stable id (for the feed)
    state: str = ""  # postal code of the place it concerns


def _words(date: str, lang: str) -> str:
    """A sheet's date as the pages write dates ("18 de febrero de 2026")."""
    from .render import format_date  # render imports this module

    return format_date(date, lang)


def _sortable(date: str) -> str:
    return (date + "-00-00")[:10] if len(date) < 10 else date


def changes(guide: Guide, lang: str) -> list[Change]:
    out: list[Change] = []
    for place in guide.places:
        by_id = {s.id: s for s in place.sources}
        for i, ev in enumerate(place.timeline):
            out.append(Change(ev.date, "place-event", guide.page_of_place(place.slug), "timeline", place.name(lang), ev.text(lang),
                              tuple((by_id[s].title, by_id[s].url, by_id[s].lang.value) for s in ev.sources), f"place:{place.slug}:{i}", place.state))
    sheets = guide.reference.of_kind(Kind.ice_287g_participating)
    if len(sheets) >= 2:
        new, old = sheets[0], sheets[1]
        source = ((new.snapshot.title, new.snapshot.url, "en"),)  # ICE's sheet
        counties_new = {a.county_fips for a in new.records if a.county_fips}
        counties_old = {a.county_fips for a in old.records if a.county_fips}
        for fips in sorted(counties_new - counties_old):
            area = guide.area_of_county(fips)
            if area is None:
                continue
            rows = sorted((a for a in new.records if a.county_fips == fips), key=lambda a: a.signed or "9999")
            first = rows[0]
            models = ", ".join(sorted({guide.label("g287_model_" + a.model, lang) for a in rows}))
            text = guide.label("change_first_287g", lang).format(n=len(rows), agency=first.agency, models=models,
                                                                as_of=_words(new.snapshot.as_of, lang))
            out.append(Change(first.signed or new.snapshot.as_of, "first-287g", area.src, "ice-287g", area.name(lang), text,
                              source, f"287g-first:{fips}:{new.snapshot.as_of}", area.state))
        for fips in sorted(counties_old - counties_new):
            area = guide.area_of_county(fips)
            if area is None:
                continue
            text = guide.label("change_ended_287g", lang).format(old=_words(old.snapshot.as_of, lang),
                                                                new=_words(new.snapshot.as_of, lang))
            out.append(Change(new.snapshot.as_of, "ended-287g", area.src, "ice-287g", area.name(lang), text, source,
                              f"287g-ended:{fips}:{new.snapshot.as_of}", area.state))
    out.sort(key=lambda c: (_sortable(c.date), c.key), reverse=True)
    return out


FEEDS = "feeds"
# Material's script fetches a sitemap.xml beside every <link rel="alternate"> in a page (to map the
# page between languages). The feed link is one, so the feeds live in their own folder with an empty
# sitemap there: otherwise every page would fetch the site's whole sitemap (1.5 MB at every county).
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'


def feed_path(state: str | None = None) -> str:
    """Where a feed lives in an edition: the whole guide's, or one state's."""
    return f"{FEEDS}/{state.lower() if state else 'guide'}.xml"


def atom(guide: Guide, lang: str, root_url: str | None, prefix: str, page_url, limit: int = 100, state: str | None = None) -> str:
    """An Atom 1.0 feed of the newest changes, of the whole guide or of one state (valid XML, every
    text escaped). ``root_url``: the site's public address; None when the build has none (no
    SITE_URL): the links are then relative to the feed (readers resolve them against its own
    address) and the ids, which Atom wants absolute, are name-based UUIDs, so no feed names this
    machine."""
    from xml.sax.saxutils import escape, quoteattr

    if root_url is None:
        base = "../" * feed_path(state).count("/")

        def ident(key: str) -> str:
            return uuid.uuid5(uuid.NAMESPACE_URL, f"sanctuary-guide:{prefix}{key}").urn
    else:
        base = root_url + prefix

        def ident(key: str) -> str:
            return base + key
    items = [c for c in changes(guide, lang) if state is None or c.state == state][:limit]
    updated = guide.data_date + "T12:00:00Z"
    title = guide.label("changes_feed_title", lang)
    if state:
        title += " · " + guide.state_by_code[state].name(lang)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
             f"<title>{escape(title)}</title>", f"<id>{escape(ident(feed_path(state)))}</id>",
             f'<link rel="self" href={quoteattr(base + feed_path(state))}/>', f'<link rel="alternate" href={quoteattr(base)}/>',
             f"<updated>{updated}</updated>", f"<author><name>{escape(guide.label('site_name', lang))}</name></author>"]
    for c in items:
        link = base + page_url(c.page) + (f"#{c.anchor}" if c.anchor else "")
        day = _sortable(c.date).replace("-00", "-01")
        # A source's title as published, marked with its language when it is not the feed's.
        sources = "".join(f"<li><a href={quoteattr(url)}{'' if tl == lang else ' lang=' + quoteattr(tl)}>{escape(t)}</a></li>"
                          for t, url, tl in c.sources)
        content = f"<p>{escape(c.text)}</p>" + (f"<ul>{sources}</ul>" if sources else "")
        lines += ["<entry>", f"<title>{escape(c.name + ': ' + c.text[:90])}</title>", f"<id>{escape(ident('#' + c.key))}</id>",
                  f'<link rel="alternate" href={quoteattr(link)}/>', f"<updated>{day}T12:00:00Z</updated>",
                  f'<content type="html">{escape(content)}</content>', "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
