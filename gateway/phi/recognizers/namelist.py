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
  more and no rare word or word one letter off an ordinary or clinical one (a misspelling);
- run together after an initial, as a login ("Notify CM qquaxley", "QQUENBY   Quenby, Ana"),
  where the initial and the surname's first letter are two consonants no English word begins
  with ("qq", "mk", "tb"; not "br", "st") and the whole is no word of any list and no misspelling
  of one: the onset is what tells a login from a word that merely ends in a surname ("brather",
  "alittle"); a capitals login only where the text writes capitals normally.

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
# an initial and a surname run together, maybe numbered as systems make logins unique ("qquaxley3")
_LOGIN = regex.compile(r"(?<![\p{L}\d.@/'’_-])([a-z]{5,16}|[A-Z]{5,16})\d{0,2}(?![\p{L}\d@/'’_-]|\.\w)")
_VOWELS = frozenset("aeiouy")
# two consonants that begin English words: a word may start so, a login's initial and surname rarely do
_ONSETS = frozenset("bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph pl pr ps qu rh sc sh sk sl sm sn sp st sv sw "
                    "sz th tr ts tw vl wh wr zh".split())
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
        runs = _LETTERS.findall(text.lower())
        hits = words.listed_names(runs)
        logins = words.listed_names(w[1:] for w in runs if _login_onset(w))
        if not (hits or logins):
            return []
        style = capitals(text)
        found = [finding(self, "PERSON", m.start(), m.end(), self._score, "a login")
                 for m in _LOGIN.finditer(text) if m.group(1)[1:].lower() in logins
                 and (style == "mixed" or m.group(1).islower()) and _login_word(words, m.group(1))] if logins else []
        if not hits:
            return found
        listed = [m for m in _CAPS_WORD.finditer(text) if m.group().lower() in hits]
        paired = {m for a, b in zip(listed, listed[1:]) if _PAIR_GAP.fullmatch(text, a.end(), b.start()) for m in (a, b)}
        pairs = [finding(self, "PERSON", m.start(), m.end(), self._score, "two listed names")
                 for m in sorted(paired, key=lambda m: m.start())]
        if style == "upper":
            return found + pairs
        shapes = (_TITLE, _CAPS, _LOWER) if style == "mixed" else (_TITLE, _LOWER)
        return found + pairs + [finding(self, "PERSON", m.start(), m.end(), self._score, "a listed name")
                        for shape in shapes for m in shape.finditer(text)
                        if (w := m.group()).lower() in hits and not _eponym(text, m.start(), m.end())
                        and (shape is not _LOWER or not (words.is_rare(w) or words.near_english(w)))]


def _login_onset(word: str) -> bool:
    """Five letters or more whose first two are consonants that begin no English word."""
    return (len(word) >= 5 and word[0] not in _VOWELS and word[1] not in _VOWELS and word[:2] not in _ONSETS
            and word[:2].isascii() and word[:2].isalpha())


def _login_word(words: Any, token: str) -> bool:
    """No word of any list, no rare word and no misspelling of one ("sccrotum" is no login)."""
    return words.is_unknown(token) and not words.is_rare(token) and not words.near_english(token)


def _eponym(text: str, start: int, end: int) -> bool:
    return bool(EPONYM_NEXT.match(text, end) or _EPONYM.match(text, end)
                or _FINDING_BEFORE.search(text, max(0, start - 12), start))
