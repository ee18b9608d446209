"""Counts in the interface: every label that shows a count has a singular and a plural form
(data/ui.yml: key_one, key_other), picked by Ctx.tn(key, n) and by the same rule in the scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sanctuary import paths, render

ROOT = Path(__file__).resolve().parent.parent

# key, the values besides n, then for en and es the text for n = 0, 1, 2.
CASES = [
    ("adopters_others", {}, (
        "0 other places in this guide do not have it, or we found no source.",
        "One other place in this guide does not have it, or we found no source.",
        "2 other places in this guide do not have it, or we found no source.",
    ), (
        "Otros 0 lugares de esta guía no la tienen, o no encontramos fuentes.",
        "Otro lugar de esta guía no la tiene, o no encontramos fuentes.",
        "Otros 2 lugares de esta guía no la tienen, o no encontramos fuentes.",
    )),
    ("places_caption", {}, (
        "The 0 places in this guide, with how many provisions have each status",
        "The one place in this guide, with how many provisions have each status",
        "The 2 places in this guide, with how many provisions have each status",
    ), (
        "Los 0 lugares de esta guía y cuántas de sus medidas están en cada situación",
        "El único lugar de esta guía y cuántas de sus medidas están en cada situación",
        "Los 2 lugares de esta guía y cuántas de sus medidas están en cada situación",
    )),
    ("states_caption", {"stance": "S"}, ("S: 0 states", "S: 1 state", "S: 2 states"), ("S: 0 estados", "S: 1 estado", "S: 2 estados")),
    ("state_description", {"name": "Ohio", "stance": "S"}, (
        "Ohio: S. The state laws on local cooperation with federal immigration enforcement (0), with their status and sources.",
        "Ohio: S. The state law on local cooperation with federal immigration enforcement, with its status and sources.",
        "Ohio: S. The state laws on local cooperation with federal immigration enforcement (2), with their status and sources.",
    ), (
        "Ohio: S. Las leyes estatales sobre la cooperación local con el control migratorio federal (0), con su situación y sus fuentes.",
        "Ohio: S. La ley estatal sobre la cooperación local con el control migratorio federal, con su situación y sus fuentes.",
        "Ohio: S. Las leyes estatales sobre la cooperación local con el control migratorio federal (2), con su situación y sus fuentes.",
    )),
    ("filter_count", {"total": 9}, ("Showing 0 of 9 rows.", "Showing 1 of 9 rows.", "Showing 2 of 9 rows."),
     ("Se muestran 0 de 9 filas.", "Se muestra 1 de 9 filas.", "Se muestran 2 de 9 filas.")),
    ("g287_caption", {"date": "D"}, (
        "All 0 agreements, as of D (ICE). Select a column heading to sort.",
        "The only agreement, as of D (ICE). Select a column heading to sort.",
        "All 2 agreements, as of D (ICE). Select a column heading to sort.",
    ), (
        "Los 0 acuerdos, al D (ICE). Elija el título de una columna para ordenar.",
        "El único acuerdo, al D (ICE). Elija el título de una columna para ordenar.",
        "Los 2 acuerdos, al D (ICE). Elija el título de una columna para ordenar.",
    )),
    ("g287_statewide", {}, (
        "0 agreements of state agencies or other agencies in the state may also act here.",
        "1 agreement of a state agency or another agency in the state may also act here.",
        "2 agreements of state agencies or other agencies in the state may also act here.",
    ), (
        "0 acuerdos de agencias estatales u otras agencias del estado también pueden actuar aquí.",
        "1 acuerdo de una agencia estatal u otra agencia del estado también puede actuar aquí.",
        "2 acuerdos de agencias estatales u otras agencias del estado también pueden actuar aquí.",
    )),
    ("g287_statewide_here", {}, (
        "0 agreements of state agencies also cover this place.",
        "1 agreement of a state agency also covers this place.",
        "2 agreements of state agencies also cover this place.",
    ), (
        "0 acuerdos de agencias estatales también cubren este lugar.",
        "1 acuerdo de una agencia estatal también cubre este lugar.",
        "2 acuerdos de agencias estatales también cubren este lugar.",
    )),
    ("check_summary", {"total": 14}, (
        "0 of 14 protections are in place.", "1 of 14 protections is in place.", "2 of 14 protections are in place.",
    ), (
        "0 de 14 protecciones están vigentes.", "1 de 14 protecciones está vigente.", "2 de 14 protecciones están vigentes.",
    )),
    ("check_adopters", {}, ("0 places in this guide have it", "1 place in this guide has it", "2 places in this guide have it"),
     ("0 lugares de esta guía la tienen", "1 lugar de esta guía la tiene", "2 lugares de esta guía la tienen")),
    ("doj_caption", {}, (
        "The 0 jurisdictions on the DOJ list of August 5, 2025, and where this guide shows what their own policies say",
        "The one jurisdiction on the DOJ list of August 5, 2025, and where this guide shows what its own policies say",
        "The 2 jurisdictions on the DOJ list of August 5, 2025, and where this guide shows what their own policies say",
    ), (
        "Las 0 jurisdicciones de la lista del DOJ del 5 de agosto de 2025, y dónde muestra esta guía lo que dicen sus propias políticas",
        "La única jurisdicción de la lista del DOJ del 5 de agosto de 2025, y dónde muestra esta guía lo que dicen sus propias políticas",
        "Las 2 jurisdicciones de la lista del DOJ del 5 de agosto de 2025, y dónde muestra esta guía lo que dicen sus propias políticas",
    )),
    ("matrix_count", {}, ("0 places match.", "1 place matches.", "2 places match."),
     ("0 lugares coinciden.", "1 lugar coincide.", "2 lugares coinciden.")),
    ("facility_adp", {}, ("On average 0 people held each day.", "On average 1 person held each day.", "On average 2 people held each day."),
     ("En promedio, 0 personas detenidas cada día.", "En promedio, 1 persona detenida cada día.", "En promedio, 2 personas detenidas cada día.")),
    ("state_counties_caption", {"date": "D"}, (
        "The state's 0 counties, each with its 287(g) agreements on ICE's list of D",
        "The state's one county or county-equivalent, with its 287(g) agreements on ICE's list of D",
        "The state's 2 counties, each with its 287(g) agreements on ICE's list of D",
    ), (
        "Los 0 condados del estado, cada uno con sus acuerdos 287(g) en la lista de ICE del D",
        "El único condado (o equivalente) del estado, con sus acuerdos 287(g) en la lista de ICE del D",
        "Los 2 condados del estado, cada uno con sus acuerdos 287(g) en la lista de ICE del D",
    )),
    ("finder_count", {}, ("0 places found", "1 place found", "2 places found"),
     ("0 lugares encontrados", "1 lugar encontrado", "2 lugares encontrados")),
    ("compare_chosen", {}, ("0 places chosen.", "1 place chosen.", "2 places chosen."),
     ("0 lugares elegidos.", "1 lugar elegido.", "2 lugares elegidos.")),
    ("compare_missing", {}, (
        "0 places in this address are not in the guide.", "1 place in this address is not in the guide.",
        "2 places in this address are not in the guide.",
    ), (
        "0 lugares de esta dirección no están en la guía.", "1 lugar de esta dirección no está en la guía.",
        "2 lugares de esta dirección no están en la guía.",
    )),
]

ROWS = [
    pytest.param(key, lang, n, values, texts[n], id=f"{key}-{lang}-{n}")
    for key, values, en, es in CASES
    for lang, texts in (("en", en), ("es", es))
    for n in (0, 1, 2)
]


@pytest.mark.parametrize("key, lang, n, values, expected", ROWS)
def test_a_count_label_agrees_with_its_number(guide, key, lang, n, values, expected):
    ctx = render.Ctx(guide, lang, paths.Links("index.md", True))
    assert ctx.tn(key, n, **values) == expected


def test_large_counts_are_written_as_numbers_of_the_language(guide):
    assert render.Ctx(guide, "en", paths.Links("index.md", True)).tn("finder_count", 2510) == "2,510 places found"
    assert render.Ctx(guide, "es", paths.Links("index.md", True)).tn("finder_count", 2510) == "2\u00a0510 lugares encontrados"


# Labels with {n} that are not a count of things, or only ever show a large count: one form.
NOT_COUNTS = {
    "population": "a number of people as a figure ('población 1 234'), never 1",
    "finder_more": "the finder's fixed limit (30)",
    "and_more": "'y {n} más' has no noun to agree",
    "change_first_287g": "'{n} en total' has no noun to agree",
    "county_map_count": "a label and a figure ('acuerdos 287(g): 1'), read as a field",
    "card_sources_all": "shown only when a page lists more sources than the card's four",
    "provision_adopters_count": "a label and a figure ('...parcialmente: 1'), read as a field",
    "sources_count": "a label and a figure in brackets ('Fuentes (1)'), read as a field",
    "note_back_n": "a position ('referencia 1 de 3'): {n} is never 1 (one reference has note_back)",
}


def test_every_label_with_a_count_has_both_forms():
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    counted = {k for k, v in ui.items() if "{n}" in v["en"] + v["es"]}
    plain = {k for k in counted if not k.endswith(("_one", "_other"))}
    assert plain == set(NOT_COUNTS)
    bases = {k.removesuffix("_one") for k in ui if k.endswith("_one")}
    assert bases == {k.removesuffix("_other") for k in counted if k.endswith("_other")}
    assert bases == {key for key, *_ in CASES}  # every plural label is in the table above


def test_templates_and_scripts_use_both_forms():
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "sanctuary" / "templates").glob("*.j2"))
    bases = {key for key, *_ in CASES}
    for base in bases:  # no template reaches for one form by itself, outside a data attribute pair
        for form in ("_one", "_other"):
            for m in re.finditer(rf"c\.t\('{base}{form}'\)", templates):
                before = re.search(r'(data-[\w-]+)="\{\{ $', templates[max(0, m.start() - 80) : m.start()])
                assert before and before.group(1).endswith(form.replace("_", "-")), (base, form)
        assert f'c.t("{base}")' not in templates and f"c.t('{base}')" not in templates
    scripts = "".join((ROOT / "overrides" / "assets" / f).read_text(encoding="utf-8") for f in ("guide.js", "finder.js"))
    assert '=== 1 ? "-one" : "-other"' in scripts and '=== 1 ? "data-count-one" : "data-count-other"' in scripts
    assert 'getAttribute("data-template")' not in scripts and "dataset.template" not in scripts
