"""Fixed Spanish terms: find the variants the glossary says to avoid (``avoid`` of a glossary term).

Pure functions: the tests run them on the Spanish text of every data file and interface string,
and on every page of the built Spanish edition. See :class:`sanctuary.schema.Avoid` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import schema

_LETTER = r"[^\W\d_]"
_GAP = r"(?:\s+\S+){0,4}?\s+"  # " … ": up to four words in between


def pattern(variant: str) -> re.Pattern[str]:
    """A variant as a regular expression: whole words, any case, ``*`` and `` … `` as documented."""
    pieces = []
    for i, part in enumerate(re.split(r"\s*…\s*", variant.strip())):
        words = [re.escape(w).replace(r"\*", _LETTER + "*") for w in part.split()]
        pieces.append((_GAP if i else "") + r"\s+".join(words))
    return re.compile(r"(?<!\w)" + "".join(pieces) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    term: str  # the glossary term id
    variant: str
    regex: re.Pattern[str]
    allowed: tuple[re.Pattern[str], ...]
    why: str


@dataclass(frozen=True)
class Hit:
    term: str
    variant: str
    found: str
    context: str
    why: str

    def __str__(self) -> str:
        return f"{self.found!r} (avoid for {self.term!r}: {self.why}) in: …{self.context}…"


def rules(glossary: schema.Glossary) -> list[Rule]:
    out = []
    for term in glossary.terms:
        if term.avoid is None:
            continue
        allowed = tuple(pattern(a.phrase) for a in term.avoid.allow)
        for variant in term.avoid.es:
            out.append(Rule(term.id, variant, pattern(variant), allowed, term.avoid.why))
    return out


def _masked(text: str, allowed: Iterable[re.Pattern[str]]) -> str:
    for regex in allowed:
        text = regex.sub(lambda m: "·" * len(m.group(0)), text)  # same length: positions stay
    return text


def find(text: str, rule_list: Iterable[Rule]) -> Iterator[Hit]:
    """Every avoided variant in ``text`` that is not inside one of its term's allowed phrases."""
    text = " ".join(text.split())
    for rule in rule_list:
        for m in rule.regex.finditer(_masked(text, rule.allowed)):
            start, end = max(0, m.start() - 60), m.end() + 60
            yield Hit(rule.term, rule.variant, text[m.start() : m.end()], text[start:end], rule.why)
