"""The notes of one page and the references to them, as footnotes have them: a reference ("[3]" to
a source, a policy's title in a table row) has an id, and the note it leads to links back to every
reference to it, so a reader who followed one can go back to where they were.

    notes = Notes(place.sources)       # numbered 1, 2, 3... in the page's order
    n, source = notes["ord"]           # the number a reference shows
    ref = notes.ref("source-ord")      # "ref-source-ord-1": the id of this reference
    notes.backrefs("source-ord")       # [("ref-source-ord-1", "a"), ...]: the note's links back

A note is named by the id of its element on the page ("source-<id>", "policy-<id>"). A page's
template writes its references before its notes (the notes come last), so when a note is written
every reference to it is known. One ``Notes`` per rendered page.
"""

from __future__ import annotations

from collections.abc import Iterable
from string import ascii_lowercase

from . import schema


def mark(k: int) -> str:
    """The mark of the k-th link back (0-based), as footnotes letter them: a, b, ..., z, 27, 28..."""
    return ascii_lowercase[k] if k < len(ascii_lowercase) else str(k + 1)


class Notes:
    def __init__(self, sources: Iterable[schema.Source] = ()) -> None:
        self._sources = {s.id: (i + 1, s) for i, s in enumerate(sources)}
        self._refs: dict[str, list[str]] = {}

    def __getitem__(self, source_id: str) -> tuple[int, schema.Source]:
        """A source's number on this page, and the source."""
        return self._sources[source_id]

    def __len__(self) -> int:
        return len(self._sources)

    def ref(self, note: str) -> str:
        """A new reference to ``note`` (the id of its element): the id the reference gets."""
        refs = self._refs.setdefault(note, [])
        refs.append(f"ref-{note}-{len(refs) + 1}")
        return refs[-1]

    def backrefs(self, note: str) -> list[tuple[str, str]]:
        """Every reference to ``note`` so far, in page order: (its id, its mark: "" when it is the only one)."""
        refs = self._refs.get(note, [])
        if len(refs) == 1:
            return [(refs[0], "")]
        return [(ref, mark(k)) for k, ref in enumerate(refs)]
