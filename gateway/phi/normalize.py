"""Undo the usual ways identifiers are disguised, keeping a map back to the original.

Detection runs on the normalized text; findings are mapped back to offsets in the
text the client sent, so redaction covers the disguised characters too:
- format characters (zero-width space/joiners, word joiner, BOM, soft hyphen) are dropped;
- compatibility forms (full-width digits and letters, superscripts) become ASCII (NFKC);
- Cyrillic and Greek look-alikes inside words that also contain Latin letters become
  Latin ("Mаry" with a Cyrillic а); words written wholly in another script are left alone;
- a line break inside a number ("617-555-⏎0123", "123-45⏎-6789", "555⏎0123", also where a
  request's messages or content parts meet) or after a hyphen inside a word ("Kowal-⏎czyk") is
  dropped; a number ending a line is not glued to a list number starting the next, nor a
  whole date, time or amount to the number on the next line, nor a number to a list's bullet
  ("call 313-555-0152⏎  - BMP") or to a date or time starting the next line;
- a letter O scanned or typed for a zero among digits is a zero ("DOB: O4/11/1966", "Zip 1O701").
`rewritten()` maps a text with runs replaced back the same way (gateway/phi/spoken.py).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

HOMOGLYPHS = str.maketrans({
    # Cyrillic
    "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c",
    "т": "T", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_WORD = re.compile(r"\w+")
# A hyphen at either side of the break marks a number that goes on; two digit runs join only
# where the break is tight ("555⏎0123"): a number that ends a line and a list number or a
# time that starts the next ("… 204-943-1045 ⏎ 2) son", "nov, 96  ⏎1900") are two things.
_BROKEN = re.compile(r"(?<=-)[ \t]*\r?\n[ \t]*(?=[0-9-])|(?<=[0-9])[ \t]*\r?\n[ \t]*(?=-[0-9])|(?<=[0-9])\r?\n(?=[0-9])"
                     r"|(?<=[A-Za-z]-)[ \t]*\r?\n[ \t]*(?=[A-Za-z])")
_LATIN = re.compile(r"[A-Za-z]")
# the letter O typed or scanned for a zero among digits ("DOB: O4/11/1966", "Zip 1O701", "555
# O117"): not a letter next to letters ("CO2", "MO4412"), nor oxygen ("O2 sat", "O2/2l"), nor
# what starts with the letter ("O99.013", an obstetric ICD-10 code; an Illinois licence "O524-1187-6")
_LETTER_O = re.compile(r"[Oo](?:(?<![A-Za-z0-9/-][Oo])(?=\d[/-]\d\d?[/-]\d)|(?<=\d[ -][Oo])(?=\d{3}(?!\d))"
                       r"|(?<=\d[Oo])(?=\d)|(?<=\d\d[Oo])(?![A-Za-z0-9])|(?<=\d[/-][Oo])(?=\d[/-]))")
# A line ending in a whole date, a time, an amount or a decimal ("Date of service: 03/25/2022⏎
# 88305 (pathology)", "11-05-2024⏎99213", "$3,632.07⏎36415") or a last group of four digits, as
# a phone or SSN ends ("HCP 555-0171⏎620  Castellanos": room 620 is next) ends a value: digits split
# across lines are digits and hyphens, as phone, SSN and record numbers are written.
_LAST_TOKEN = re.compile(r"\S*\Z")
_ENDS_A_VALUE = re.compile(r"[/.:,$]|\d{1,2}-\d{1,2}-\d{2,4}\Z|\d-\d{4}\Z")


# a line that starts with a date (also ISO, as a CSV export's rows do), a time (also a log's 24-hour
# one before its gap: "epi #2⏎0419  ETT"), a whole phone
# number, a list's number or a form's field number starts something new ("MICU bed 6⏎3/14/25 1430",
# "… x2⏎2025-03-12,09:40", "Scranton, PA 18505⏎570-555-0146", "MBI: 1EG4-TE5-MK72⏎3. Item",
# a claim form's "NPI 1093857726⏎21  ICD ind"); a state and its ZIP end an address line
_STARTS_A_DATE = re.compile(r"\d{1,4}[/:]\d|\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
                            r"|\d{1,2}[.)][ \t]+[^\W\d_]|\d{1,2}[a-z]?(?:[ ]{2,}|\t)|(?:[01]\d|2[0-3])[0-5]\d(?:[ ]{2,}|\t)")
_RULE = re.compile(r"[ \t]*-{2,}[- \t|+]*")
_ENDS_A_ZIP = re.compile(r"\b[A-Z]{2}[ \t]+\d{5}\Z")


def _joins(text: str, m: re.Match) -> bool:
    if _RULE.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
        return False                    # a table's rule of dashes ends its line: the rows start below
    if text[m.start() - 1] == "-" and (m.start() < 2 or not text[m.start() - 2].isalnum()):
        return False                    # a hyphen after no letter or digit ("| --", an empty cell) goes on no number
    if not (text[m.start() - 1].isdigit() and text[m.end():m.end() + 1].isdigit()):
        return True
    if _STARTS_A_DATE.match(text, m.end()) or _ENDS_A_ZIP.search(text, max(0, m.start() - 12), m.start()):
        return False
    token = _LAST_TOKEN.search(text, max(0, m.start() - 40), m.start()).group()
    return not _ENDS_A_VALUE.search(token)


@dataclass(frozen=True)
class Normalized:
    text: str
    _back: list[int] | None      # normalized index -> original index; None: identical
    # normalized index -> original end of what it stands for (a spoken run's written form
    # stands for all its words); None: the character after _back's
    _end: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of normalized [start, end)."""
        if self._back is None:
            return start, end
        if end <= start:
            return self._back[start], self._back[start]
        return self._back[start], self._end[end - 1] if self._end is not None else self._back[end - 1] + 1


    def forward(self, original: int) -> int:
        """Normalized offset of an original offset (a dropped character maps to the next kept one)."""
        return original if self._back is None else bisect_left(self._back, original)


def rewritten(text: str, runs: list[tuple[int, int, str]]) -> Normalized:
    """`text` with each (start, end) of `runs` replaced by its string, mapped back: a
    replacement stands for the whole of what it replaced."""
    out: list[str] = []
    back: list[int] = []
    ends: list[int] = []
    done = 0
    for start, end, written in runs:
        out.append(text[done:start])
        back.extend(range(done, start))
        ends.extend(range(done + 1, start + 1))
        out.append(written)
        back.extend([start] * len(written))
        ends.extend([end] * len(written))
        done = end
    out.append(text[done:])
    back.extend(range(done, len(text) + 1))     # with the sentinel: the text's length
    ends.extend(range(done + 1, len(text) + 1))
    return Normalized("".join(out), back, ends)


def normalize(text: str) -> Normalized:
    broken = {i for m in _BROKEN.finditer(text) if _joins(text, m) for i in range(m.start(), m.end())}
    if text.isascii() and not broken:   # the common case costs three scans
        return Normalized(_zeros(text), None)
    out: list[str] = []
    back: list[int] = []
    for i, ch in enumerate(text):
        if i in broken or unicodedata.category(ch) == "Cf":
            continue
        if ord(ch) > 127:
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1:
                ch = folded
        out.append(ch)
        back.append(i)
    folded_text = "".join(out)
    folded_text = _zeros(_WORD.sub(_latinize_mixed, folded_text))   # same length: maps are unchanged
    back.append(len(text))
    return Normalized(folded_text, back)


def _zeros(text: str) -> str:
    return _LETTER_O.sub("0", text) if "o" in text or "O" in text else text


def _latinize_mixed(match: re.Match) -> str:
    word = match.group(0)
    if word.isascii() or not _LATIN.search(word):
        return word
    return word.translate(HOMOGLYPHS)
