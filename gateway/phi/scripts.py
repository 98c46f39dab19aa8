"""A name written twice: in the Latin alphabet and in its own script, one in parentheses.

Interpreters, social workers and families write a name in both alphabets: "Tadesse Alemu
(ታደሰ አለሙ)", "wife Eleni (Ελένη)", "Марко (Marko, 9)". The model and the patterns read Latin
text; a name in Cyrillic, Greek, Ethiopic, Arabic, Hebrew, Devanagari, Hangul or Han script
next to one they found would leak, and so would the Latin gloss of a name found by neither.

Two rules, both on a non-Latin run of one to four words:
- it stands in parentheses right after a name found, or right before a parenthesized one: it is
  that name in its script;
- a capitalized one glossed by a capitalized Latin word in parentheses ("Софія (Sofiia, 4)")
  that is no ordinary or clinical word: both are a name, or both a place when the gloss is one
  ("Харків (Kharkiv)"); a drug glossed this way is an ordinary word and stays.
"""
from __future__ import annotations

from typing import Protocol

import regex
from presidio_analyzer import RecognizerResult

SCORE = 0.6
_WORD = r"(?:(?!\p{Latin})[\p{L}\p{M}])+(?:['’.-](?:(?!\p{Latin})[\p{L}\p{M}])+)*"
_RUN = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
# after a name: "(ታደሰ አለሙ)", "(Ελένη)"
_AFTER = regex.compile(rf"[ \t]*\([ \t]*({_RUN})[ \t]*[,;)]")
# before a name: "Ελένη (" + name
_BEFORE = regex.compile(rf"(?<![\p{{L}}\p{{M}}])({_RUN})[ \t]*\([ \t]*\Z")
# a capitalized run glossed by a capitalized Latin word: "Софія (Sofiia, 4)", "Марко (Marko)"
_GLOSS = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?=\p{{Lu}})({_RUN})[ \t]*\([ \t]*(\p{{Latin}}*\p{{Lu}}[\p{{Latin}}'’-]+)[ \t]*[,;)]")
_NON_LATIN = regex.compile(r"(?!\p{Latin})\p{L}")
_LATIN = regex.compile(r"\p{Latin}")
# scripts written without spaces: a name there is a few characters, a remark many
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")


def _name_shaped(run: str) -> bool:
    """Short enough for a name: "ታደሰ አለሙ", "王秀英"; not "(王先生说他今天好多了)" after "Mr. Wang"."""
    words = run.split()
    longest = 5 if _UNSPACED.search(run) else 15
    return all(len(w) <= longest for w in words)


class Lexicon(Protocol):
    def is_word(self, word: str) -> bool: ...       # ordinary or clinical: no name's gloss
    def is_place(self, value: str) -> bool: ...


def script_names(text: str, results: list[RecognizerResult], words: Lexicon) -> list[RecognizerResult]:
    """`results` plus names written in a second script beside a name (module docstring)."""
    if _NON_LATIN.search(text) is None:
        return results
    taken = [(r.start, r.end) for r in results]
    extra: list[RecognizerResult] = []

    def add(start: int, end: int, kind: str = "PERSON") -> None:
        if not _name_shaped(text[start:end]):
            return
        if not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            extra.append(RecognizerResult(kind, start, end, SCORE,
                                          recognition_metadata={"recognizer_name": "script_names"}))

    for r in results:
        # a transliteration pairs the Latin alphabet with another: "저희 엄마 (백영자)" is "our
        # mom" before her name, both in Hangul
        if r.entity_type != "PERSON" or _LATIN.search(text, r.start, r.end) is None:
            continue
        if (m := _AFTER.match(text, r.end)) is not None:
            add(*m.span(1))
        if (m := _BEFORE.search(text, max(0, r.start - 80), r.start)) is not None:
            add(*m.span(1))
    for m in _GLOSS.finditer(text):
        gloss = m.group(2)
        if not words.is_word(gloss):
            kind = "LOCATION" if words.is_place(gloss) else "PERSON"
            add(*m.span(1), kind)
            add(*m.span(2), kind)
    return results + extra
