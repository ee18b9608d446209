"""axe-core on the built pages of both editions (every hand-written page and a sample of generated
ones; every page under `make test-all`), WCAG 2.0/2.1/2.2 A and AA rules.

Exclusions, each with its reason:
- none at present. Add one only with a comment saying why it cannot be fixed in our overrides.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import pages_to_check

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.node
def test_axe_finds_no_violation_on_any_page(browser, site, base_url):
    assert AXE.is_file(), "run `make test`: it installs axe-core from npm"
    context = browser.new_context(bypass_csp=True)  # our CSP (rightly) refuses the injected axe script
    page = context.new_page()
    found = {}
    pages = pages_to_check(site)
    assert any(p.startswith("es/") for p in pages) and any(not p.startswith("es/") for p in pages)
    for rel in pages:
        page.goto(base_url + rel, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS
        )
        for v in result["violations"]:
            targets = [n["target"] for n in v["nodes"][:3]]
            found.setdefault(f"{v['id']}: {v['help']}", []).append(f"{rel} {json.dumps(targets)}")
    context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)[:6000]
