"""Renderer tests on the small fixture: key fragments, escaping, links and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctuary import paths, render
from sanctuary.load import load_guide

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def guide():
    return load_guide(FIXTURE)


def ctx(guide, lang="en", page="index.md", dir_urls=True):
    return render.Ctx(guide, lang, paths.Links(page, dir_urls))


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        ("2017-03-20", "en", "March 20, 2017"),
        ("2017-03-20", "es", "20 de marzo de 2017"),
        ("2017-03", "en", "March 2017"),
        ("2017-03", "es", "marzo de 2017"),
        ("2017", "es", "2017"),
        (None, "en", ""),
    ],
)
def test_format_date(value, lang, expected):
    assert render.format_date(value, lang) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*bold* _it_ [x](y) `c`", r"\*bold\* \_it\_ \[x\](y) \`c\`"),
        ("a | b # c", r"a \| b \# c"),
        ("line\nbreak", "line break"),
    ],
)
def test_md_escape(raw, expected):
    assert str(render.md_escape(raw)) == expected


def test_place_page_escapes_data_and_links_everything(guide):
    out = render.place_page(ctx(guide, page="places/testville.md"), "testville")
    assert "<script>" not in out
    assert out.startswith("# &lt;script&gt;alert(1)&lt;/script&gt; Testville\n")
    assert "&lt;i&gt;html&lt;/i&gt;" in out  # overview escaped in HTML
    # provision row: anchor, link to the provision's page, badge with text, policy link, source, as-of
    assert '<tr id="second-provision">' in out
    assert '<a href="../../justice/second-provision/">Second provision</a>' in out
    assert '<span class="sg-status sg-status--yes">Yes</span>' in out
    assert '<a id="ref-policy-values-1" href="#policy-values">Testville Values Act</a>' in out
    assert 'href="#source-ord"' in out
    assert '<time datetime="2026-10-01">October 1, 2026</time>' in out
    # unknown status shows no sources and no as-of claim
    assert '<tr id="first-provision">' in out
    # policy, timeline, federal list, sources
    assert '<article class="sg-policy" id="policy-values">' in out
    assert "In force, amended" in out and "Amended in 2025." in out
    assert '<ol class="sg-timeline">' in out
    assert '<a href="../../method/#list-doj-2025-08-05">DOJ list</a>' in out
    assert '<li id="source-ord"><a href="https://testville.example.gov/ord-1" rel="noopener noreferrer">' in out
    # the sources collapsed under their count
    assert '<details class="sg-sources-box" data-search-exclude="1">\n<summary>Sources (1)</summary>' in out


def test_every_reference_has_an_id_and_its_note_links_back_to_it(guide):
    """As footnotes: the reader who followed "[1]" or a policy's title can go back to where they were."""
    import re

    out = render.place_page(ctx(guide, page="places/testville.md"), "testville")
    refs = re.findall(r'<a (?:class="sg-cite" )?id="(ref-[^"]+)" href="#([^"]+)"', out)
    assert refs == [("ref-policy-values-1", "policy-values"), ("ref-source-ord-1", "source-ord"), ("ref-source-ord-2", "source-ord"),
                    ("ref-source-ord-3", "source-ord"), ("ref-source-ord-4", "source-ord")]
    # the source, cited four times, links back to each (a b c d); the policy, named once, with one arrow
    source = out.split('<li id="source-ord">')[1].split("</li>")[0]
    assert re.findall(r'<a class="sg-backref" href="#([^"]+)">(\w)<', source) == [(f"ref-source-ord-{k}", m) for k, m in zip(range(1, 5), "abcd")]
    assert '<span class="sg-visually-hidden">: back to reference 2 of 4</span>' in source
    policy = out.split('<article class="sg-policy" id="policy-values">')[1].split("</article>")[0]
    assert ('<a class="sg-backref" href="#ref-policy-values-1"><span aria-hidden="true">&#x21A9;&#xFE0E;</span>'
            '<span class="sg-visually-hidden">Back to the text</span></a>') in policy
    es = render.place_page(ctx(guide, "es", page="places/testville.md"), "testville")
    assert "<summary>Fuentes (1)</summary>" in es and "Volver al texto" in es and "volver a la referencia 2 de 4" in es


def test_place_page_in_spanish(guide):
    out = render.place_page(ctx(guide, "es", page="places/testville.md"), "testville")
    assert "Villaprueba" in out
    assert "Medida por medida" in out
    assert '<span class="sg-status sg-status--yes">Sí</span>' in out
    assert "1 de octubre de 2026" in out


def test_links_follow_use_directory_urls(guide):
    out = render.place_page(ctx(guide, page="places/testville.md", dir_urls=False), "testville")
    assert '<a href="../justice/second-provision.html">' in out


def test_section_page_is_an_overview_linking_each_provision_page(guide):
    out = render.section_page(ctx(guide, page="justice.md"), "justice")
    # each summary keeps the id of the provision's slug (old links land on it) and links to its page
    assert "## First provision {: #first-provision }" in out
    assert "## Second provision {: #second-provision }" in out
    assert "Intro with &lt;b&gt;markup&lt;/b&gt; &amp; *stars*." in out
    first = out.split("## First provision")[1].split("## Second provision")[0]
    assert "Do the first thing." in first
    assert '<p class="sg-more"><a href="first-provision/">Read the whole provision' in first
    assert '<span class="sg-visually-hidden">: First provision</span></a>' in first
    assert "Places in this guide that have it, fully or in part: 0." in first
    second = out.split("## Second provision")[1]
    assert '<a href="second-provision/">' in second
    assert "Places in this guide that have it, fully or in part: 1." in second
    # the detail is on the provision pages, not here
    assert "Why it matters" not in out and "Because of a study." not in out
    assert "places/testville" not in out
    # the section's sources, all of them (the limits name some that no reason cites)
    assert '<li id="source-study">' in out and '<li id="source-ruling">' in out


def test_section_page_links_follow_use_directory_urls(guide):
    out = render.section_page(ctx(guide, page="justice.md", dir_urls=False), "justice")
    assert '<a href="justice/first-provision.html">' in out


def test_provision_page_holds_the_detail(guide):
    out = render.provision_page(ctx(guide, page="justice/second-provision.md"), "IE1")
    assert out.startswith("# Second provision\n")
    assert '<div class="sg-provision" data-code="IE1">' in out
    assert '<a href="../">1. Justice</a>' in out  # its section's overview
    assert "Do the second thing." in out and "It means that." in out
    for part in ("meaning", "why", "how", "limits", "places"):
        assert f"{{: #second-provision-{part}" in out, part
    assert "Courts limit it." in out
    assert '<span class="sg-tag">State law</span>' in out
    # adopters: Testville has IE1 = yes, linked to its row for this provision
    assert '<a href="../../places/testville/#second-provision">' in out
    assert '<span class="sg-status sg-status--yes">Yes</span>' in out
    # the sources it cites, numbered on this page; the section's page lists the rest
    assert '<a class="sg-cite" id="ref-source-study-1" href="#source-study" aria-label="Source 1: Example Institute">[1]</a>' in out
    assert '<li id="source-study">' in out and "source-ruling" not in out
    # cited by a reason and by a model text: the source links back to both
    assert '<a class="sg-backref" href="#ref-source-study-1">a<' in out and '<a class="sg-backref" href="#ref-source-study-2">b<' in out
    # each model text collapsed under its title, where and when
    assert ('<details class="sg-model"><summary><strong>Testville Model Act</strong> (Testville, <time datetime="2019">2019</time>)'
            '</summary>\n<p>It says the second thing. <a class="sg-cite" id="ref-source-study-2"') in out
    assert '<a href="../#sources">Sources: Justice</a>' in out
    # the section's other provisions, this one marked as the current one
    assert '<li><a href="../first-provision/">First provision</a></li>' in out
    assert '<strong aria-current="page">Second provision</strong>' in out


def test_provision_page_with_no_adopters_and_in_spanish(guide):
    out = render.provision_page(ctx(guide, page="justice/first-provision.md"), "CJ1")
    assert "No place in this guide has this provision" in out
    es = render.provision_page(ctx(guide, "es", page="justice/first-provision.md"), "CJ1")
    assert es.startswith("# Primera medida\n") and "Haga lo primero." in es and "Por un estudio." in es
    assert '<a href="../">1. Justicia</a>' in es


def test_provision_title_and_description_are_plain_text_from_the_data(guide):
    c = ctx(guide, page="justice/first-provision.md")
    assert render.provision_title(c, "CJ1") == "First provision"
    assert render.provision_description(c, "CJ1") == "Do the first thing."
    assert render.provision_description(ctx(guide, "es"), "IE1") == "Haga lo segundo."
    assert guide.page_of_provision("IE1") == "justice/second-provision.md"


def test_provision_page_unknown_code_fails_loudly(guide):
    with pytest.raises(KeyError, match="no provision 'XX9'; known: CJ1, IE1"):
        render.provision_page(ctx(guide), "XX9")


def test_section_page_unknown_id_fails_loudly(guide):
    with pytest.raises(KeyError, match="no section 'nope'"):
        render.section_page(ctx(guide), "nope")


def test_compare_matrix_has_every_cell(guide):
    out = render.compare_matrix(ctx(guide, page="compare.md"))
    assert out.count('<td class="sg-cell') == len(guide.places) * len(guide.provisions)
    assert '<th scope="col"><a href="../justice/first-provision/"' in out
    assert "<caption" in out
    assert 'sg-cell--unknown"><a href="../places/testville/#first-provision"' in out


def test_place_description_is_generated(guide):
    text = render.place_description(ctx(guide, page="places/testville.md"), "testville")
    assert text.startswith("What <script>alert(1)</script> Testville has done")  # escaped later, in the meta tag
    assert "1 of 2 provisions in place and 0 in part" in text


def test_status_legend_and_notice(guide):
    legend = render.status_legend(ctx(guide))
    for word in ("Yes", "Partial", "No", "Unknown"):
        assert f'">{word}</span>' in legend
    assert "does not mean the place lacks" in legend
    assert "not legal advice" in render.notice(ctx(guide))


def test_fixture_labels_are_the_real_ones():
    real = Path(__file__).parent.parent / "data" / "ui.yml"
    assert (FIXTURE / "data" / "ui.yml").read_text() == real.read_text(), "copy data/ui.yml to tests/fixtures/mini/data/"


def test_download_box_offers_the_zip_with_its_size_and_how_to_open_it(guide):
    zip_item = {"kind": "zip", "name": "sanctuary-guide-offline.zip", "mb": 4.6, "date_text": "18 de febrero de 2026", "lang": None}
    out = render.download_box(ctx(guide, lang="es"), [zip_item, {"kind": "pdf", "lang": "es", "name": "x.pdf"}], offline=False)
    assert 'class="md-button md-button--primary" href="../downloads/sanctuary-guide-offline.zip" download' in out
    assert "Descargar la guía (ZIP, 4.6 MB)" in out and "18 de febrero de 2026" in out
    assert [li.count("start.html") for li in out.split("<li>")[1:]] == [1, 0, 1]  # Android, iPhone (PDF instead), computer
    assert "Android:" in out and "iPhone:" in out and "Computadora:" in out
    offline = render.download_box(ctx(guide, lang="es"), [], offline=True)
    assert "md-button" not in offline and "está leyendo la guía descargada" in offline
    assert "make build" in render.download_box(ctx(guide), [], offline=False)


def test_offline_start_page_offers_both_languages(guide):
    out = render.offline_start(guide)
    assert '<a class="lang" href="es/index.html" hreflang="es" lang="es">Español' in out
    assert '<a class="lang" href="index.html" hreflang="en" lang="en">English' in out
    assert "<script" not in out and "http" not in out.replace('name="viewport"', "")
