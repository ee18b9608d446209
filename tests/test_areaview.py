"""The offline view's data: each state's shared lines written once, each county its own lines
(sanctuary/areaview.py pack/unpack). What the view shows in a browser is tested in test_offline.py."""

from __future__ import annotations

import pytest

from sanctuary import areaview


@pytest.mark.parametrize("fragments", [
    {"a": "<h1>A</h1>\n<p>the same long line</p>\n<p>own a</p>", "b": "<h1>B</h1>\n<p>the same long line</p>\n<p>own b</p>"},
    {"a": "", "b": "\n\n", "c": "3\n7"},  # empty lines, and lines that look like numbers, stay text
    {"only": "<p>one county: nothing to share</p>\n<p>one county: nothing to share</p>"},
])
def test_pack_gives_every_fragment_back_exactly(fragments):
    shared, packed = areaview.pack(fragments)
    assert {key: areaview.unpack(shared, parts) for key, parts in packed.items()} == fragments
    assert all(isinstance(p, str) for parts in packed.values() for p in parts if not isinstance(p, int))


def test_pack_writes_a_shared_line_once_and_only_shared_lines():
    line = "<tr><td>Not yet researched</td></tr>"
    shared, packed = areaview.pack({"a": f"<h1>A</h1>\n{line}", "b": f"<h1>B</h1>\n{line}", "c": "<h1>C</h1>"})
    assert shared == [line]
    assert packed == {"a": ["<h1>A</h1>", 0], "b": ["<h1>B</h1>", 0], "c": ["<h1>C</h1>"]}


def test_every_county_of_a_small_state_unpacks_to_its_fragment(guide):
    from sanctuary import paths, render

    ctx = render.Ctx(guide, "en", paths.Links(paths.AREA_VIEW, use_directory_urls=False), offline=True)
    delaware = {paths.area_route(a): areaview.fragment(ctx, a)[1] for a in guide.areas if a.place is None and a.state == "DE"}
    shared, packed = areaview.pack(delaware)
    assert len(delaware) >= 3 and len(shared) > 20
    assert sum(isinstance(p, int) for parts in packed.values() for p in parts) > len(delaware) * 20
    assert all(areaview.unpack(shared, packed[route]) == html for route, html in delaware.items())
