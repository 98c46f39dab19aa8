"""Given names and surnames the NER model missed, found by a list of names.

    Skin champ today: Quaxley.          sitter 0700-1500 then Olufunke.

The model reads a name by its context; in a table's cell, a roster or a bare line it sometimes
has none and misses a name it finds in a sentence. A word of the shipped name list
(lexicon/person-names.txt.gz: Faker's per-locale lists and the US census names, built by
`python -m gateway.phi.training.names`) is reported as a name when it is no ordinary or clinical
word and not in lexicon/not-names.txt (eponyms and makers: "Parkinson", "Abbott"); see
`NerFilter.is_listed_name`. A town's name may be one: it is an identifier too. Where:

- capitalized, where the text writes capitals normally or not at all;
- in capitals of five letters or more, where the text writes capitals normally ("OWUSUWAA"): in
  an all-caps note, or as a short capital word, a listed name is too often an abbreviation
  ("MAE", "ROS", "AMA");
- two listed words together in capitals, in any text ("Pt: XIUYING LIAO /");
- in lower case ("please tamika period", "call the son for fenstermacher"), of five letters or
  more and no rare word or word one letter off an ordinary or clinical one (a misspelling).

Never a word joined to another by a hyphen ("Mallory-Weiss", "Brandt-Daroff": a sign or a
manoeuvre; hyphenated surnames are the model's), nor one an eponym's noun, a sign's finding or a
score follows ("Quaxley's disease", "Quaxley sign", "Murphy neg", "Aldrete 9").

A guess, like the model's: it does not confirm the name for the rest of the document
(gateway/phi/propagate.py), and scores below the patterns so that a pattern's kind wins where
they overlap.
"""
from __future__ import annotations

from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.nerfilter import EPONYM_NEXT, capitals
from gateway.phi.recognizers.columns import finding

NAME = "name_list"
_TITLE = regex.compile(r"(?<![\p{L}\d'’-])\p{Lu}\p{Ll}{2,}(?![\p{L}\d-])")
_CAPS = regex.compile(r"(?<![\p{L}\d'’-])\p{Lu}{5,}(?![\p{L}\d-])")
_LETTERS = regex.compile(r"\p{L}{3,}")
# two listed words together in capitals, in any text ("Pt: XIUYING LIAO /", "QUINONES, IVONNE")
_CAPS_WORD = regex.compile(r"(?<![\p{L}\d'’-])\p{Lu}{3,}(?![\p{L}\d'’-])")
_PAIR_GAP = regex.compile(r",?[ \t]+")
_LOWER = regex.compile(r"(?<![\p{L}\d'’-])\p{Ll}{5,}(?![\p{L}\d-])")
# what makes a name an eponym besides the model's list (nerfilter.EPONYM_NEXT): a sign, a test, a
# scale ("Murphy sign", "Wells score"); a possessive before an aside ("Quaxley's (levodopa)")
_EPONYM = regex.compile(r"['’]?s?[ \t]+(?i:signs?|tests?|scores?|scales?|criteria|classification|index|fracture"
                        r"|blades?|forceps|clamps?|lines|tear|position|ulcers?|nodes?|phenomenon|triad|dressing"
                        r"|splint|boot|view|grade|stage|staging|type)\b|['’]s[ \t]*\("
                        # a scale's name before its score ("Aldrete 9", "Tinetti 14/28"), a sign's before
                        # its finding ("Murphy neg", "Quaxley +")
                        r"|[ \t]*:?[ \t]*\d{1,2}(?:/\d{1,2})?(?![\d/:.,-]*\d)"
                        r"|[ \t]+(?i:neg|pos|negative|positive)\b|[ \t]*\+(?![\p{L}\d])|[ \t]*\([+-]\)")
# ... or after it ("(+) Hawkins", "positive Quaxley")
_FINDING_BEFORE = regex.compile(r"(?:\([+-]\)|(?<![\p{L}])(?i:neg|pos|negative|positive))[ \t]*\Z")


class NameListRecognizer(EntityRecognizer):
    """Words of the name list that stand for a name (see the module docstring)."""

    def __init__(self, score: float = 0.45) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name=NAME, supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if entities and "PERSON" not in entities:
            return []
        from gateway.phi.engine import ner_filter   # lazily: the engine imports spaCy
        words = ner_filter()
        # the listed words the text has, lower-cased: most texts have none, and are done here
        hits = words.listed_names(_LETTERS.findall(text.lower()))
        if not hits:
            return []
        listed = [m for m in _CAPS_WORD.finditer(text) if m.group().lower() in hits]
        paired = {m for a, b in zip(listed, listed[1:]) if _PAIR_GAP.fullmatch(text, a.end(), b.start()) for m in (a, b)}
        pairs = [finding(self, "PERSON", m.start(), m.end(), self._score, "two listed names")
                 for m in sorted(paired, key=lambda m: m.start())]
        style = capitals(text)
        if style == "upper":
            return pairs
        shapes = (_TITLE, _CAPS, _LOWER) if style == "mixed" else (_TITLE, _LOWER)
        return pairs + [finding(self, "PERSON", m.start(), m.end(), self._score, "a listed name")
                        for shape in shapes for m in shape.finditer(text)
                        if (w := m.group()).lower() in hits and not _eponym(text, m.start(), m.end())
                        and (shape is not _LOWER or not (words.is_rare(w) or words.near_english(w)))]


def _eponym(text: str, start: int, end: int) -> bool:
    return bool(EPONYM_NEXT.match(text, end) or _EPONYM.match(text, end)
                or _FINDING_BEFORE.search(text, max(0, start - 12), start))
