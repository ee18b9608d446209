"""How easy Spanish prose is to read: the Szigriszt-Pazos index read on the INFLESZ scale.

    INFLESZ = 206.835 - 62.3 * (syllables / words) - (words / sentences)

On the INFLESZ scale (Barrio-Cantalejo et al., 2008) 55-65 is "normal" and 65-80 "bastante fácil",
the level of popular newspapers. The guide's explanations aim at 65 or more.

textstat has ``szigriszt_pazos`` too, but it counts syllables with pyphen's hyphenation patterns,
which never split off a single vowel at the start or end of a word ("ahora", "día", "ley"), and it
cuts sentences at every period ("EE. UU.", "8 U.S.C."). It also keeps its language in global
state, which would change the English grade-level test's results. So the guide counts itself:
syllables by the rules of Spanish spelling (vowel nuclei, diphthongs and hiatus), sentences at
., ! and ? followed by a capital letter, except after the abbreviations the data uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STRONG = set("aeoáéó")  # open vowels; two of them side by side are two syllables (hiatus)
_ACCENTED_WEAK = set("íú")  # a written accent on i/u breaks a diphthong: "día", "país"
_WEAK = set("iuü")
_VOWELS = _STRONG | _ACCENTED_WEAK | _WEAK

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)  # letters only; numbers are not words to decode
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*", re.UNICODE)  # words and numbers (1,427 / 287(g) / 8)
# A sentence ends at . ! ? (and closing quotes/parentheses) followed by space and a capital,
# an opening question or exclamation mark, or a quote; or at the end of the text.
_END = re.compile(r"[.!?][\"”»')\]]*(?=\s+[¿¡\"“«(]?[A-ZÁÉÍÓÚÑÜ])")
# Abbreviations after which a period does not end a sentence: a single capital ("U.", "C."),
# "EE." (of "EE. UU."), titles and "p. ej.".
_ABBREVIATION = re.compile(r"(?:\b[A-ZÁÉÍÓÚÑ]|\bEE|\bSr|\bSra|\bDr|\bDra|\bej|\bNo|\bNúm|\bart|\bArt|\bSt)\.$")


def syllables(word: str) -> int:
    """Syllables of one Spanish word, by its vowel nuclei.

    Vowels side by side are one syllable (a diphthong or triphthong: "bien", "ciudad", "Uruguay")
    unless two of them are open vowels ("le-er", "a-é-re-o") or one is an accented i/u ("dí-a",
    "pa-ís"). An "h" counts as a consonant, as in written syllables ("pro-hi-bir", "a-ho-ra").
    "y" is a vowel at the end of a word after a vowel ("ley", "hay": part of the diphthong) or
    alone ("y": 1); before a vowel it is a consonant ("ya", "mayo").
    """
    w = word.lower()
    if w == "y":
        return 1
    if w.endswith("y") and len(w) > 1 and w[-2] in _VOWELS:
        w = w[:-1] + "i"
    count = 0
    previous = ""
    for ch in w:
        if ch not in _VOWELS:
            previous = ""
            continue
        if not previous:
            count += 1
        elif (previous in _STRONG and ch in _STRONG) or ch in _ACCENTED_WEAK or previous in _ACCENTED_WEAK:
            count += 1  # hiatus: a new syllable
        previous = ch
    return max(count, 1)


def sentences(text: str) -> list[str]:
    """The text cut into sentences (see the module's docstring for the rule)."""
    parts: list[str] = []
    start = 0
    for m in _END.finditer(text):
        if _ABBREVIATION.search(text[start : m.start() + 1]):
            continue
        parts.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if _TOKEN.search(p)]


@dataclass(frozen=True)
class Reading:
    words: int  # tokens that are words or numbers (sentence length counts both)
    sentences: int
    syllables: int  # of the words made of letters
    letter_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.letter_words if self.letter_words else 0.0

    @property
    def inflesz(self) -> float:
        """Szigriszt-Pazos perspicuity, 0 (very hard) to 100 (very easy)."""
        return 206.835 - 62.3 * self.syllables_per_word - self.words_per_sentence


def measure(text: str) -> Reading:
    """Count a Spanish text. Numbers count as words of their sentence, not in syllables per word."""
    cut = sentences(text)
    words = sum(len(_TOKEN.findall(s)) for s in cut)
    letter_words = _WORD.findall(text)
    return Reading(
        words=words,
        sentences=len(cut),
        syllables=sum(syllables(w) for w in letter_words),
        letter_words=len(letter_words),
    )


def inflesz(text: str) -> float:
    return measure(text).inflesz
