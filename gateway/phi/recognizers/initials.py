"""Initials a document defines, and wherever else it uses them.

    Initials / Signature:
    GL – Gloria Quaxley, CMA   TK – Tsegaye Quenby, CMA
    ...
    Counselor on call: Maddie Quaxton (MQ).
    Init key: NS Nell Quaxley, PW Piotr Quenby   AH = Dr. Arash Quaxton
    key: jr = Jocelyn Quaxley PT, mk = Marcus Quenby PTA

A medication record, a camp log or a teaching record keys its initials to names: "GL – Gloria
Quaxley", "C.Q. = Coral Quenby", "Maddie Quaxton (MQ)". The key says outright that the letters
are someone's initials when they are that name's (the first letters of its words, or of its first
and last; a hyphenated surname's parts count): "Chronic Kidney Disease (CKD)" and "Medicare
Beneficiary Identifier (MBI)" have them too, so the name must have a word that is no ordinary or
clinical one (validator `some_name_word`) and none that is an ordinary word and never a name. A
colon is no key ("RE: Raymond Earl Quaxley" is a letter's subject). The
initials are then reported in the key and wherever else they stand alone in the document — in a
table's cells, after an entry ("Furosemide 40 mg IV (GL)"), after a dose's time ("1400 AM") or a
date ("03/13 AV") — but not before a lowercase word in the same cell or after a quantity, where
the same letters are a unit or an abbreviation ("5 MG", "AM meds").

Initials written with dots need no key ("Drawn by: Q.B.", "bed request - R.Q. - d/c Monday?",
"(J.M.Q.) had a Mirizzi picture"), where the text writes capitals normally and the letters spell
no ordinary or clinical word, credential or agency ("C.O.", "R.N.", "I.V.", "U.S.", "J.D."): in an
all-capitals note dotted abbreviations are too many ("B.M.", "G.U.", "T.D.").
"""
from __future__ import annotations

from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.nerfilter import capitals
from gateway.phi.recognizers.columns import finding
from gateway.phi.recognizers.validators import plain_word, some_name_word

_NAME = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:[ \t]+(?:\p{Lu}['’]?\p{Lu}?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}\.?)){1,3}"
# a therapy log keys its writers in lower case too: "key: jr = Jocelyn Quaxley PT, mk = ..."
_INITIALS = r"\p{Lu}{2,3}|(?:\p{Lu}\.){2,3}|\p{Ll}{2,3}"
_KEYS = regex.compile(
    # "GL – Gloria Quaxley", "AH = Dr. Arash Quaxton"; after a key's label a space will do ("Init key: NS Nell Quaxley")
    rf"(?<![\p{{L}}\d.])(?P<ini>{_INITIALS})(?:[ \t]*(?:[–—=]|-(?=[ \t]))[ \t]*"
    rf"|(?<=(?i:\bkey|\binitials?|\binits?)[ \t]*:[^\n]{{0,80}})[ \t]+)(?:(?:Dr|Mr|Mrs|Ms|Mx)\.?[ \t]+)?"
    rf"(?P<name>{_NAME})(?![\p{{L}}])"
    rf"|(?<![\p{{L}}])(?P<name2>{_NAME})[ \t]*\([ \t]*(?P<ini2>{_INITIALS})[ \t]*\)")


# two or three initials, each with its dot, standing alone
_DOTTED = regex.compile(r"(?<![\p{L}\d.&])(?:\p{Lu}\.){2,3}(?![\p{L}\d]|\.\p{L})")
# dotted letters that are no one's initials though no word list has them: credentials, agencies, asides
_NOT_INITIALS = frozenset("RNC JD CMA LMFT LPC LCSW USA BA FYI DOA PLLC EG IE NB PPS BC AE HHS DEA FDA CGS".split())


class DottedInitialsRecognizer(EntityRecognizer):
    """Initials written with dots, where capitals are written normally (see the module docstring)."""

    def __init__(self, score: float = 0.5) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name="dotted_initials", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if entities and "PERSON" not in entities:
            return []
        dotted = list(_DOTTED.finditer(text))
        if not dotted or capitals(text) == "upper":
            return []
        from gateway.phi.engine import ner_filter   # lazily: the engine imports spaCy
        words = ner_filter()
        return [finding(self, "PERSON", m.start(), m.end(), self._score, "initials written with dots")
                for m in dotted if (letters := m.group().replace(".", "")) not in _NOT_INITIALS
                and not words.is_word(letters)]


class InitialsKeyRecognizer(EntityRecognizer):
    """Initials keyed to a name in the document, and their other uses (see the module docstring)."""

    def __init__(self, score: float = 0.55) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name="initials_key", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if entities and "PERSON" not in entities:
            return []
        keyed: set[str] = set()
        for m in _KEYS.finditer(text):
            ini, name = (m.group("ini"), m.group("name")) if m.group("ini") else (m.group("ini2"), m.group("name2"))
            if ini.replace(".", "").upper() in _initials_of(name) and _a_name(name):
                keyed.add(ini)
        if not keyed:
            return []
        out = []
        for ini in keyed:
            # not after a quantity ("5 MG"; a date's or an ID's number will do: "03/13 AV") nor before
            # a lowercase word in the same cell ("AM meds"; a tab ends a cell)
            uses = regex.compile(rf"(?<![\p{{L}}\d.])(?<!(?<![\d/.,-])\d{{1,3}}(?:\.\d+)?[ ]?){regex.escape(ini)}"
                                 rf"(?![\p{{L}}\d])(?![ ]+\p{{Ll}})")
            out.extend(finding(self, "PERSON", u.start(), u.end(), self._score, "initials the document keys to a name")
                       for u in uses.finditer(text))
        return out


def _a_name(name: str) -> bool:
    """Some word no ordinary or clinical one, and after the first none an ordinary word that is
    never a name ("Medicare Beneficiary Identifier (MBI)" is a term's; "Coral Quaxley (CQ)" a
    name's: given names are words more often than surnames)."""
    return some_name_word(name) and not any(map(plain_word, name.split()[1:]))


def _initials_of(name: str) -> set[str]:
    """The initials a name is written with: of all its words, or of its first and last; a
    hyphenated surname gives one letter or one for each part ("Kravets-Morozova": K or KM)."""
    words = [w for w in regex.split(r"[ \t]+", name.strip()) if w]
    whole = [w[0] for w in words]
    parts = [p[0] for w in words for p in w.split("-") if p]
    last_parts = [p[0] for p in words[-1].split("-") if p]
    return {"".join(whole), "".join(parts), words[0][0] + words[-1][0], words[0][0] + "".join(last_parts)}
