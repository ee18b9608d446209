"""Macros for the guide's pages: registration only. Each macro renders one block of a page
from the validated data (see the `sanctuary` package); pages call one macro per block.

The language comes from `extra.lang` in the MkDocs configuration (one build per language).
"""

from __future__ import annotations

from pathlib import Path

from sanctuary import opendata, render
from sanctuary.load import load_guide_cached

ROOT = Path(__file__).resolve().parent


def define_env(env) -> None:
    # Loaded once per build (define_env runs at each build's start, also under `mkdocs serve`);
    # hooks.py has already validated the same data, so this is a cache hit.
    guide = load_guide_cached(ROOT)


    def ctx() -> render.Ctx:
        return render.page_ctx(guide, env.conf["extra"], env.page.file.src_uri, env.conf["use_directory_urls"])

    @env.macro
    def not_legal_advice() -> str:
        """The 'not legal advice / local policy does not stop federal agents' note."""
        return render.notice(ctx())

    @env.macro
    def status_legend() -> str:
        """What yes, partial, no and unknown mean."""
        return render.status_legend(ctx())

    @env.macro
    def sections_overview() -> str:
        """The three sections at a glance, each provision linked."""
        return render.sections_overview(ctx())

    @env.macro
    def section_page(section_id: str) -> str:
        """A section page from data/sections/<section_id>.yml: the overview of its provisions."""
        return render.section_page(ctx(), section_id)

    @env.macro
    def download_box() -> str:
        """The offline download, as a button with its size and how to open it."""
        extra = env.conf["extra"]
        return render.download_box(ctx(), extra.get("downloads") or [], bool(extra.get("offline")))

    @env.macro
    def consistency_rules() -> str:
        """The rules that keep statuses comparable, each enforced by `make check`."""
        return render.consistency_rules(ctx())

    @env.macro
    def states_index() -> str:
        """All states grouped by the stance of their law, with their laws and places."""
        return render.states_index(ctx())

    @env.macro
    def places_index() -> str:
        """Table of the places with their counts by status (long lists are cut; state pages list all)."""
        return render.places_index(ctx())

    @env.macro
    def sample_places() -> str:
        """Table of the 2016 guide's sample places (data: `sample: true`)."""
        return render.places_index(ctx(), sample_only=True)

    @env.macro
    def compare_matrix() -> str:
        """Places × provisions matrix."""
        return render.compare_matrix(ctx())

    @env.macro
    def all_sources() -> str:
        """Every source, grouped by section and place."""
        return render.all_sources(ctx())

    @env.macro
    def glossary() -> str:
        """The glossary from data/glossary.yml."""
        return render.glossary(ctx())

    @env.macro
    def federal_lists() -> str:
        """The federal 'sanctuary' lists, each with the places in our data it names."""
        return render.federal_lists(ctx())

    @env.macro
    def us_map() -> str:
        """SVG map of the states by stance, the guide's places and counties with 287(g) agreements."""
        return render.us_map(ctx())

    @env.macro
    def ice_287g() -> str:
        """ICE's 287(g) agreements (the newest sheet), by state and in a sortable, filterable table."""
        return render.ice287g_page(ctx())

    @env.macro
    def what_changed() -> str:
        """The newest changes: place timelines and 287(g) sheets compared, newest first."""
        return render.what_changed(ctx())

    @env.macro
    def find_your_place() -> str:
        """The "find your place" box (town, city, county or state; offline, no request)."""
        return render.finder(ctx())

    @env.macro
    def derivation_rules() -> str:
        """Every rule that derives a status from a record, with its id and meaning."""
        return render.derivation_rules(ctx())

    @env.macro
    def g287_as_of() -> str:
        """The date of ICE's 287(g) sheet the guide shows, in words."""
        return render.g287_as_of(ctx())

    @env.macro
    def g287_notice() -> str:
        """The warning that the 287(g) list is dated and the program has grown since."""
        return render.g287_notice(ctx())

    @env.macro
    def doj_list() -> str:
        """The DOJ list, each entry next to the guide's page for it."""
        return render.doj_list(ctx())

    @env.macro
    def checklist() -> str:
        """'Check your city': an offline, shareable checklist of the 14 provisions."""
        return render.checklist(ctx())

    @env.macro
    def data_dictionary() -> str:
        """Every data file's fields, generated from the schema."""
        return render.data_dictionary(ctx())

    @env.macro
    def open_data() -> str:
        """Links to the CSV and JSON downloads made by the build, each with its sources, dates and columns."""
        return render.open_data(ctx(), opendata.file_infos(guide))

    @env.macro
    def last_reviewed() -> str:
        """The most recent review date of any place, formatted for the page language."""
        return render.last_reviewed(ctx())
