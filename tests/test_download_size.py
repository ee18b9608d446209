"""What the site and the offline zip leave out because no reader's browser asks for it
(sanctuary/package.py LEFT_OUT, sanctuary/steps.py drop_unused_lunr). That the pages still work
without them is tested by the offline and search tests in a browser (no failed request)."""

from __future__ import annotations

import zipfile

import pytest

from sanctuary import package, steps


@pytest.mark.parametrize("name, out", [
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", True),
    ("es/assets/stylesheets/main.57a0d79d.min.css.map", True),
    ("search/search_index.json", True),
    ("es/search/search_index.json", True),
    ("assets/share-es.png", True),
    ("es/assets/share/no-private-prisons.png", True),
    ("search/search_index.js", False),  # the index the offline edition reads
    ("assets/images/favicon.png", False),
    ("downloads/data/guide.json", False),  # open data with a .json name stays
    ("es/index.html", False),
])
def test_the_zip_leaves_out_only_what_no_page_reads(name, out):
    assert package.left_out(name) is out


def test_unused_search_languages_are_removed_and_the_used_ones_kept(tmp_path):
    lunr = tmp_path / steps.LUNR
    (lunr / "min").mkdir(parents=True)
    names = ["wordcut.js", "tinyseg.js", "min/lunr.es.min.js", "min/lunr.fr.min.js", "min/lunr.multi.min.js",
             "min/lunr.stemmer.support.min.js", "min/lunr.ja.min.js"]
    for name in names:
        (lunr / name).write_text("x")
    gone = steps.drop_unused_lunr(tmp_path, ["es"])
    assert gone == ["min/lunr.fr.min.js", "min/lunr.ja.min.js", "tinyseg.js", "wordcut.js"]
    left = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*.js"))
    assert left == ["min/lunr.es.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"]


def test_a_moved_search_language_folder_stops_the_build(tmp_path):
    with pytest.raises(steps.StepError, match="search languages moved"):
        steps.drop_unused_lunr(tmp_path, ["en"])


@pytest.mark.slow
def test_the_zip_holds_none_of_what_it_leaves_out(offline):
    with zipfile.ZipFile(offline["zip"]) as zf:
        names = [n.split("/", 1)[1] for n in zf.namelist()]
    assert not [n for n in names if package.left_out(n)]
    assert "search/search_index.js" in names and "es/search/search_index.js" in names
    for prefix, lang in (("", "en"), ("es/", "es")):
        lunr = sorted(n for n in names if n.startswith(prefix + steps.LUNR + "/"))
        assert lunr == sorted(prefix + steps.LUNR + "/" + f for f in
                              {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js", f"min/lunr.{lang}.min.js"}
                              if lang != "en" or "lunr.en" not in f), lunr
