"""A name found once with evidence is the same name wherever else the document uses it.

"Radu Crosson contacted" is found by a pattern ("son Radu", "Dr. Lange"), but the next
line says only "Radu wishes to make pt DNR": nothing there marks it as a name. De-id
systems carry a confirmed name through the document; so does this. Only findings from
the anchored pattern recognizers count as confirmation (the NER model's guesses would
spread their own mistakes), and words that are also ordinary clinical words are never
carried ("Will", "Foley"); the ordinary words of a place or an organization ("Lake",
"Campground" of "Silver Lake Campground") only where they are capitalized.

A model guess of a whole name ("Aiyana Yazzie DOB ...") vouches for its words that no word
list has and that are no misspelling, but only written exactly so ("Aiyana is a 12 y/o"):
a one-word guess ("Aetna", "antibx") or a word that is also ordinary ("Brown") is not carried.

A name, confirmed or a model's guess of a whole name, also vouches for the user names made of it
("Moreau, Julien" -> "jmoreau" in an audit log's user column, and "jmoreau2": a number after it),
and for its initials in capitals ("JM": "thx JM.", "FROM: ML/JM", a log's "— JM"), unless they
are a word, a clinical abbreviation ("MR", "IV") or a state ("TN").

A name also vouches for the name coordinated with it: "Drs Ferullo and Saeed", "DR'S CAMARDA
AND CLIFFORD", "daughters sarah and margie", "BEA TURA AND DRS JOSEPH", and a place or a
facility for the one after it ("ACCEPTED BY TOWSON REHAB AND FALLSTEAD"). After the name, the
other word must be no ordinary word ("Dr. Lee and team"; after a model guess not even one
that is also a name: "brown and small"); before it, in no word list and no misspelling of one
("tranplant work-up and Dr Vasquez").
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

import regex
from presidio_analyzer import RecognizerResult

from gateway.phi.nerfilter import JOINERS, TITLES

KINDS = ("PERSON", "LOCATION", "ORGANIZATION")
_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}+(?![\p{L}\d])")   # "O'Brien" -> O, Brien; "ANN'S" -> ANN, S
# a login with a number after it, as systems make them unique ("dkowalski3", "kokafor2")
_NUMBERED_LOGIN = regex.compile(r"(?<![\p{L}\d])(\p{L}{5,})\d{1,3}(?![\p{L}\d])")
_AND = regex.compile(r"[ \t]*(?:,[ \t]*)?(?:and|AND|And|&)[ \t]+(\p{L}[\p{L}'’-]+)(?![\p{L}\d'’-])")
# the same, written before the name: "BEA TURA AND DRS JOSEPH"
_AND_BEFORE = regex.compile(r"(?<![\p{L}\d'’-])(?:(\p{L}[\p{L}'’-]+)[ \t]+)?(\p{L}[\p{L}'’-]+)(?:[ \t]*,[ \t]*|[ \t]+)"
                            r"(?:and|AND|And|&)[ \t]+(?:(?i:drs?|dr's|mrs?|ms)\.?[ \t]+)?\Z")
# states named in two words: a state alone is no PHI, so "Jersey City" does not make the
# "JERSEY" of "STATE OF NEW JERSEY" a place
_STATE_NAME = regex.compile(r"(?i)\b(?:new[ \t]+(?:hampshire|jersey|mexico|york)|(?:north|south)[ \t]+(?:carolina|dakota)"
                            r"|west[ \t]+virginia|rhode[ \t]+island|district[ \t]+of[ \t]+columbia)\b")


def logins(name: str) -> set[str]:
    """The user names a system makes of a person's name: an initial and the surname, in either
    order of the name's words ("Moreau, Julien" -> "jmoreau", "mjulien"), five letters at least.
    An audit log or an EHR footer names its users so ("printed by jmoreau")."""
    words = [w.lower() for w in _WORD.findall(name) if len(w) >= 2]
    # and two initials before the surname ("Ana Lucia Ferreira" -> "alferreira")
    two = {words[0][0] + words[1][0] + words[-1]} if len(words) == 3 and len(words[-1]) >= 4 else set()
    return {a[0] + b for a in words for b in words if a != b and len(b) >= 4} | two


def initials(name: str) -> set[str]:
    """The initials a note signs a person with, in capitals: of the first and last word of the
    name, and of all three words of a three-word one ("Greta Lindgren", "LINDGREN, Greta" -> "GL";
    "Ana Lucia Ferreira" -> "AF", "ALF"). A log or a chat names its writers so ("thx TH.", "FROM:
    ML/JB", "— KO")."""
    words = [w for w in _WORD.findall(name) if len(w) >= 2 and w.lower() not in TITLES and w.lower() not in JOINERS]
    if "," in name and len(words) >= 2:            # "Last, First [Middle]"
        words = words[1:] + words[:1]
    if len(words) < 2:
        return set()
    out = {(words[0][0] + words[-1][0]).upper()}
    if len(words) == 3:
        out.add("".join(w[0] for w in words).upper())
    return out


class Words(Protocol):
    """What the coordination step asks of a lexicon (gateway.phi.nerfilter.NerFilter)."""

    def is_plain(self, word: str) -> bool: ...
    def is_word(self, word: str) -> bool: ...
    def near_english(self, word: str) -> bool: ...


class Propagator:
    def __init__(self, stop_words: Iterable[str], min_score: float = 0.6, min_length: int = 3,
                 score: float = 0.6, words: Words | None = None, not_initials: Iterable[str] = ()) -> None:
        # a name's particles and suffixes join it and are no name alone: "Ximena Del Quaxley" does
        # not make every Spanish "del" one
        self._stop = {w.lower() for w in stop_words} | JOINERS
        self._min_score, self._min_length, self._score = min_score, min_length, score
        self._words = words
        # initials that are something else where they stand alone: a state ("TN", "IA")
        self._not_initials = frozenset(not_initials)

    def __call__(self, text: str, results: list[RecognizerResult],
                 confirmed: Callable[[RecognizerResult], bool]) -> list[RecognizerResult]:
        """`results` plus the names coordinated with a name, plus a finding for every other
        occurrence of a confirmed name word."""
        if self._words is not None:
            results = results + self._coordinated(text, results, confirmed)
        kinds: dict[str, str] = {}
        capitalized: dict[str, str] = {}       # carried only where written with a capital
        user_names: set[str] = set()
        guessed: dict[str, str] = {}
        for r in results:
            if r.entity_type in KINDS and r.score >= self._min_score and confirmed(r):
                for w in _WORD.findall(text[r.start:r.end]):
                    if len(w) >= self._min_length and w.lower() not in self._stop:
                        (capitalized if self._kind_word(w, r.entity_type) else kinds).setdefault(w.lower(), r.entity_type)
                if r.entity_type == "PERSON":
                    for login in logins(text[r.start:r.end]):
                        # "Tara Hose" makes "those": no word of any list
                        if login not in self._stop and (self._words is None or not self._words.is_word(login)):
                            kinds.setdefault(login, "PERSON")
                            user_names.add(login)
                    guessed.update(dict.fromkeys(self._initials(text[r.start:r.end]), "PERSON"))
            elif r.entity_type == "PERSON" and self._words is not None:
                words = _WORD.findall(text[r.start:r.end])
                if len(words) > 1:               # a whole name, not a lone word
                    for w in words:
                        if self._carried_guess(w):
                            guessed.setdefault(w, r.entity_type)
                    for login in logins(text[r.start:r.end]):
                        # one letter more than a word is what a login is ("kmorrow"): no misspelling test
                        if login not in self._stop and not self._words.is_word(login):
                            guessed.setdefault(login, "PERSON")
                            user_names.add(login)
                    guessed.update(dict.fromkeys(self._initials(text[r.start:r.end]), "PERSON"))
        if not kinds and not capitalized and not guessed:
            return results
        taken = [(r.start, r.end) for r in results] + [m.span() for m in _STATE_NAME.finditer(text)]
        extra = []
        for m in _WORD.finditer(text):          # one pass; no per-document regex to compile
            word = m.group()
            kind = (kinds.get(word.lower()) or guessed.get(word)
                    or (capitalized.get(word.lower()) if not word.islower() else None))
            if kind and not any(s <= m.start() and m.end() <= e for s, e in taken):
                extra.append(RecognizerResult(kind, m.start(), m.end(), self._score,
                                              recognition_metadata={"recognizer_name": "propagation"}))
        if user_names:
            for m in _NUMBERED_LOGIN.finditer(text):
                if m.group(1).lower() in user_names and not any(s <= m.start() and m.end() <= e for s, e in taken):
                    extra.append(RecognizerResult("PERSON", m.start(), m.end(), self._score,
                                                  recognition_metadata={"recognizer_name": "propagation"}))
        return results + extra

    def _coordinated(self, text: str, results: list[RecognizerResult],
                     confirmed: Callable[[RecognizerResult], bool]) -> list[RecognizerResult]:
        out = []
        for r in results:
            if r.entity_type not in KINDS or r.score < self._min_score:
                continue
            strong = confirmed(r)
            spans = []
            if (m := _AND.match(text, r.end)) is not None:
                spans.append(m.span(1))
            if r.entity_type == "PERSON" and (m := _AND_BEFORE.search(text, max(0, r.start - 60), r.start)) is not None:
                # the word next to "and" first; the one before it counts only with it
                for group in (2, 1):
                    word = m.group(group)
                    if word is None or not self._could_be_a_name(word, False) or any(
                            self._words.is_word(part) for part in regex.split(r"['’-]", word)) or (
                            len(word) >= 6 and self._words.near_english(word)):
                        break
                    spans.append(m.span(group))
            for start, end in spans:
                if self._could_be_a_name(text[start:end], strong):
                    # a pattern's name vouches like a pattern (and is carried on); a guess's only once
                    out.append(RecognizerResult(r.entity_type, start, end, self._score, recognition_metadata={
                        "recognizer_name": "coordination" if strong else "propagation"}))
        return out

    def _initials(self, name: str) -> set[str]:
        # carried written exactly so, in capitals; none that is a word, a clinical abbreviation
        # ("MR", "IV", "PO") or a state
        return {i for i in initials(name) if i not in self._not_initials and i.lower() not in self._stop
                and (self._words is None or not self._words.is_word(i))}

    def _kind_word(self, word: str, kind: str) -> bool:
        # a place's or an organization's ordinary words name it only where capitalized: "Silver
        # Lake Campground" makes "Lake" a place, not the "campground" or "lake" of the note's prose
        # (on the dev corpora: 14 false-positive tokens fewer, 1 name lost); a person's
        # are carried in any case ("nurse Bliss" ... "bliss called")
        return kind != "PERSON" and self._words is not None and self._words.is_plain(word)

    def _carried_guess(self, word: str) -> bool:
        # measured on dev, PhysioNet and the synthetic splits: carrying one-word guesses too
        # found 3 more names and 4 false positives; this finds 3 and none
        return (len(word) >= self._min_length and word.lower() not in self._stop and not self._words.is_word(word)
                and not self._words.near_english(word))

    def _could_be_a_name(self, word: str, strong: bool) -> bool:
        # a compound is judged by its parts, as the NER filter does: "work-up" is no name
        parts = [p for p in regex.split(r"['’-]", word) if p] or [word]
        ordinary = self._words.is_plain if strong else self._words.is_word
        return not (len(word) < 2 or word.lower() in self._stop or word.lower() in TITLES
                    or all(ordinary(p) for p in parts))
