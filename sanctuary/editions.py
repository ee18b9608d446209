"""The language editions of the guide, declared once (plain Python).

Every edition has the same pages under its own prefix. ``mkdocs.es.yml`` inherits ``mkdocs.yml``
and changes only its folders and ``theme.language``; the hooks derive everything else here
(search settings, the language switch, ``og:locale``, names) from that language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    lang: str  # BCP 47 language code, also theme.language
    prefix: str  # path of the edition under the published site ("" or "es/")
    locale: str  # og:locale
    name: str  # the language's name in itself, for the language switch
    # Material's search settings for this language (lunr): how words are split, and the
    # pipeline (Spanish needs the stemmer, which Material's default drops: ciudades ~ ciudad).
    search_separator: str
    search_pipeline: tuple[str, ...] | None = None


EDITIONS = (
    Edition(
        lang="en", prefix="", locale="en_US", name="English",
        # Material's default for English, plus "&lt;/&gt;" so escaped markup is split like text.
        search_separator=r'[\s\-,:!=\[\]()"/]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;',
    ),
    Edition(
        lang="es", prefix="es/", locale="es_US", name="Español",
        search_separator=r'[\s\-,:!=\[\]()"/]+|\.(?!\d)|&[lg]t;',
        search_pipeline=("trimmer", "stopWordFilter", "stemmer"),
    ),
)
BY_LANG = {e.lang: e for e in EDITIONS}
DEFAULT = EDITIONS[0]


def edition(lang: str) -> Edition:
    try:
        return BY_LANG[lang]
    except KeyError:
        raise KeyError(f"no edition for language {lang!r}; known: {', '.join(BY_LANG)}") from None


def others(lang: str) -> tuple[Edition, ...]:
    return tuple(e for e in EDITIONS if e.lang != lang)
