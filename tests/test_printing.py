"""The printing step on small pages: chapters joined, bookmarks, page numbers, reproducible bytes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from sanctuary.printing import Chapter, print_edition


@pytest.fixture
def chapters(tmp_path):
    (tmp_path / "long.html").write_text("<html><body><h1>Long</h1>" + "<p>line of text</p>" * 250 + "</body></html>")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "glosario.html").write_text('<html lang="es"><body><h1>Glosario</h1><p>Definición</p></body></html>')
    return tmp_path, [Chapter("Long chapter", "long.html"), Chapter("Glosario y términos", "es/glosario.html")]


def test_chapters_bookmarks_and_page_numbers(browser, chapters, tmp_path):
    folder, chs = chapters
    result = print_edition(folder, chs, tmp_path / "out.pdf", browser=browser, title="Guía", lang="es", epoch=1_764_000_000)
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages > 2
    assert result.starts[0] == 0 and 0 < result.starts[1] == result.pages - 1
    assert [(o.title, reader.get_destination_page_number(o)) for o in reader.outline] == [
        ("Long chapter", 0), ("Glosario y términos", result.starts[1])]
    for number, page in enumerate(reader.pages, start=1):
        assert page.extract_text().split()[-1] == str(number)
    assert reader.metadata["/Title"] == "Guía" and reader.trailer["/Root"]["/Lang"] == "es"
    assert "Definición" in reader.pages[-1].extract_text()


def test_same_inputs_same_bytes(browser, chapters, tmp_path):
    folder, chs = chapters
    one = print_edition(folder, chs, tmp_path / "a.pdf", browser=browser, title="T", lang="en", epoch=1_764_000_000)
    two = print_edition(folder, chs, tmp_path / "b.pdf", browser=browser, title="T", lang="en", epoch=1_764_000_000)
    assert one.path.read_bytes() == two.path.read_bytes()
    three = print_edition(folder, chs, tmp_path / "c.pdf", browser=browser, title="T", lang="en", epoch=1_764_086_400)
    assert three.path.read_bytes() != one.path.read_bytes()  # the date is in it


def test_a_missing_chapter_is_named(browser, chapters, tmp_path):
    folder, chs = chapters
    with pytest.raises(FileNotFoundError, match="nope.html is missing"):
        print_edition(folder, [*chs, Chapter("Nope", "nope.html")], tmp_path / "x.pdf", browser=browser, title="T", lang="en")
