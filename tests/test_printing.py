"""Tests for the printing step on small pages: joined chapters, bookmarks, page numbers, links, same bytes."""
from __future__ import annotations

import time

import pytest
from pypdf import PdfReader

from sanctuary.printing import Chapter, page_label, print_edition

EPOCH = 1_764_000_000


@pytest.fixture
def edition(tmp_path):
    d = tmp_path / "edition"
    (d / "es").mkdir(parents=True)
    (d / "intro.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intro</title></head><body>'
        '<h1>Introduction</h1><p><a href="long.html">to long</a> <a href="es/glosario.html#ice">to ICE</a> '
        '<a href="es/glosario.html#nowhere">glossary</a> <a href="elsewhere.html">not printed</a> <a href="https://example.org/">web</a></p></body></html>', "utf-8")
    (d / "long.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>'
        '<h1>Long chapter</h1><p><a href="#end">jump</a></p>'
        + "<p>A line of text in a long chapter.</p>" * 220 + '<h2 id="end">End</h2></body></html>', "utf-8")
    (d / "es" / "glosario.html").write_text(
        '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Glosario</title></head><body>'
        '<h1>Glosario</h1><p><a href="#ice">ICE</a> Definición de términos.</p><div style="height:12in"></div>'
        '<h2 id="ice">ICE</h2><p>Inmigración.</p></body></html>', "utf-8")
    chapters = [Chapter("Introduction", "intro.html"), Chapter("Justicia penal", "long.html"),
                Chapter("Glosario y términos", "es/glosario.html")]
    return d, chapters


def pages_alone(browser, d, ch, tmp_path):
    return print_edition(d, [ch], tmp_path / f"alone-{ch.path.replace('/', '_')}.pdf", browser=browser,
                         title="t", lang="en", epoch=EPOCH).pages


def test_join_bookmarks_numbers_metadata(browser, edition, tmp_path):
    d, chapters = edition
    res = print_edition(d, chapters, tmp_path / "out" / "guide.pdf", browser=browser, title="Guía Santuario",
                        lang="es", epoch=EPOCH)
    alone = [pages_alone(browser, d, ch, tmp_path) for ch in chapters]
    assert alone[1] >= 3 and alone[2] >= 2  # the long chapter spans several pages
    r = PdfReader(res.path)
    assert len(r.pages) == res.pages == sum(alone)
    assert res.starts == (0, alone[0], alone[0] + alone[1])
    assert [(o.title, r.get_destination_page_number(o)) for o in r.outline] == [
        (ch.title, s) for ch, s in zip(chapters, res.starts, strict=True)]
    texts = [p.extract_text() for p in r.pages]
    for n, text in enumerate(texts, start=1):
        assert page_label(n, res.pages) in text
    assert page_label(1, res.pages) == f"1 / {res.pages}"
    assert "Definición" in texts[res.starts[2]] and "Long chapter" in texts[res.starts[1]]
    assert r.metadata["/Title"] == "Guía Santuario"
    assert r.metadata["/CreationDate"] == r.metadata["/ModDate"] == "D:20251124160000+00'00'"
    assert r.trailer["/Root"]["/Lang"] == "es"
    assert all(abs(float(p.mediabox.width) - 612) < 1 and abs(float(p.mediabox.height) - 792) < 1 for p in r.pages)


def test_links_become_internal(browser, edition, tmp_path):
    d, chapters = edition
    res = print_edition(d, chapters, tmp_path / "g.pdf", browser=browser, title="T", lang="en", epoch=EPOCH)
    r = PdfReader(res.path)
    raw = res.path.read_bytes()
    assert b"file:" not in raw and str(d).encode() not in raw
    links = {}
    for i, page in enumerate(r.pages):
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if "/Dest" in a:
                links.setdefault(i, []).append(r.get_page_number(a["/Dest"][0].get_object()))
            else:
                links.setdefault(i, []).append(a["/A"]["/URI"])
    # intro: to the long chapter's start, to the glossary's #ice (not its first page), the web link kept
    assert links[0][0] == res.starts[1]
    assert links[0][1] > res.starts[2]
    assert links[0][2] == res.starts[2]  # an id Chromium made no destination for: the chapter's start
    assert links[0][3:] == ["https://example.org/"]  # the link to a page not printed is gone
    # the long chapter's #end lies on its last page
    assert links[res.starts[1]] == [res.starts[2] - 1]
    assert links[res.starts[2]] == [res.starts[2] + 1]  # the glossary's own #ice, on its 2nd page


def test_same_inputs_same_bytes(browser, edition, tmp_path):
    d, chapters = edition
    one = print_edition(d, chapters, tmp_path / "1.pdf", browser=browser, title="T", lang="en", epoch=EPOCH)
    time.sleep(1.1)  # Chromium stamps its own print time, to the second: it must not reach the output
    two = print_edition(d, chapters, tmp_path / "2.pdf", browser=browser, title="T", lang="en", epoch=EPOCH)
    assert one.path.read_bytes() == two.path.read_bytes()
    ids = PdfReader(one.path).trailer["/ID"]
    assert ids[0] == ids[1] and len(ids[0].original_bytes) == 16
    three = print_edition(d, chapters, tmp_path / "3.pdf", browser=browser, title="T", lang="en", epoch=EPOCH + 86_400)
    assert three.path.read_bytes() != one.path.read_bytes()
    assert PdfReader(three.path).trailer["/ID"][0] != ids[0]


def test_a4(browser, edition, tmp_path):
    d, chapters = edition
    res = print_edition(d, chapters[:1], tmp_path / "a4.pdf", browser=browser, title="T", lang="en", paper="A4", epoch=EPOCH)
    box = PdfReader(res.path).pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2


def test_missing_chapter_and_bad_paper(browser, edition, tmp_path):
    d, chapters = edition
    out = tmp_path / "x.pdf"
    with pytest.raises(FileNotFoundError, match="nope.html"):
        print_edition(d, [*chapters, Chapter("Nope", "nope.html")], out, browser=browser, title="T", lang="en")
    with pytest.raises(ValueError, match="paper"):
        print_edition(d, chapters, out, browser=browser, title="T", lang="en", paper="Legal")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edition"]  # nothing left behind
