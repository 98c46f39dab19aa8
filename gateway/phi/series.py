"""An identifier listed with its siblings: the siblings are identifiers of the same kind.

"SPECIMEN # 24-118-0331 / 24-118-0332", "acc 25-061-4418, 25-061-4419", "sessions (1/22,
1/24, 1/27)": the label, or the recognizer's context, stands before the first value only, so a
pattern finds the first and the rest of the list leaks. A value written the same way (the
same letters, digits and punctuation, letter for letter; dates may differ by a digit per part,
"1/9, 12/24") right next to a pattern's finding, joined by a comma, a slash between spaces,
"and", "or" or "&" (each value may carry a short tag in parentheses: "MA IDs 00419827 (A) /
00419828 (B)", "QX-0031 (97 y), QX-0044"), is taken for the same kind, in both directions and
along the whole list.

A range counts as a list ("for 12-0001 through 12-0005").

An identifier found once is also the same identifier wherever else the document repeats it
letter for letter: a registry's table names its case "RC-0421" under a "case" header, and its
notes say only "RC-0421: door-to-needle 38 min" (`repeats`). Dates are not carried so ("3/4" is
as often a fraction).

Only findings of anchored patterns start a list (a model guess would spread its mistakes), and
only kinds whose values have a shape: not names, places or organizations (propagate.py
coordinates those) and not ages ("91, 45, 38" are more often vital signs). Logins are the
exception among names: "vaccinators: qquaxley / tquenby", "reviewers: sayyad, qmorrow2" list
them as a number is listed, so a login lists logins that the `login` test accepts (no word).
"""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import RecognizerResult

SKIP_KINDS = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "AGE"})
SCORE = 0.6
_VALUE = r"[\p{L}\d](?:[\p{L}\d./-]*[\p{L}\d])?"
_SEP = r"(?:[ \t]*[,;+&][ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+/[ \t]+|[ \t]+(?:and|or|&|through|thru|to)[ \t]+)"
# a short tag in parentheses after a value: "MA IDs 00419827 (A) / 00419828 (B)", "QX-0031 (97 y),"
_TAG = r"(?:[ \t]*\([\p{L}\d]{1,3}(?:[ \t][\p{L}\d]{1,3})?\))?"
# the value right after a finding, and the value right before one
_NEXT = regex.compile(_TAG + _SEP + r"(" + _VALUE + r")(?![\p{L}\d/-]|\.[\p{L}\d])", regex.IGNORECASE)
_PREV = regex.compile(r"(?<![\p{L}\d./-])(" + _VALUE + r")" + _TAG + _SEP + r"\Z", regex.IGNORECASE)
# a season or a school year, no one's number however it was taken: "2025-26"
_SEASON = regex.compile(r"(?:19|20)\d{2}[-/](?:\d{2}|(?:19|20)\d{2})")
_RANGE = regex.compile(r"(?i)\b(?:through|thru|to)\b")
_RUN = regex.compile(r"\d+|\p{Lu}+|\p{Ll}+|.")


def shape(value: str) -> str:
    """'B25-074-0015' -> 'A99-999-9999': each digit 9, each letter A or a, the rest kept."""
    return "".join("9" if c.isdigit() else "A" if c.isupper() else "a" if c.isalpha() else c for c in value)


def _date_shape(value: str) -> list[tuple[str, int]]:
    return [("9", len(r)) if r[0].isdigit() else (r, 0) for r in _RUN.findall(value)]


def same_shape(kind: str, a: str, b: str) -> bool:
    if kind != "DATE":
        return shape(a) == shape(b)
    sa, sb = _date_shape(a), _date_shape(b)
    return len(sa) == len(sb) and all(x[0] == y[0] and abs(x[1] - y[1]) <= 1 for x, y in zip(sa, sb))


def siblings(text: str, results: list[RecognizerResult],
             confirmed: Callable[[RecognizerResult], bool],
             login: Callable[[str], bool] | None = None) -> list[RecognizerResult]:
    """`results` plus the values listed with a confirmed finding and written the same way."""
    taken = sorted((r.start, r.end) for r in results)
    extra: list[RecognizerResult] = []

    def listed(r: RecognizerResult) -> bool:
        if r.entity_type == "PERSON" and login is not None:
            return login(text[r.start:r.end])
        return r.entity_type not in SKIP_KINDS

    def alike(kind: str, a: str, b: str) -> bool:
        if kind == "PERSON":
            return login(b)
        return same_shape(kind, a, b)

    todo = [r for r in results if confirmed(r) and listed(r)]
    while todo:
        r = todo.pop()
        value = text[r.start:r.end]
        found = []
        if (m := _NEXT.match(text, r.end)) is not None:
            found.append(m.span(1))
        if (m := _PREV.search(text, max(0, r.start - 60), r.start)) is not None:
            found.append(m.span(1))
        for start, end in found:
            if any(s < end and start < e for s, e in taken) or not alike(r.entity_type, value, text[start:end]):
                continue
            if not any(c.isdigit() for c in value) and _RANGE.search(text, min(r.end, end), max(r.start, start)):
                continue                # "assigned to lmorales": a range is of numbers
            taken.append((start, end))
            sibling = RecognizerResult(r.entity_type, start, end, SCORE,
                                       recognition_metadata={"recognizer_name": "series"})
            extra.append(sibling)
            todo.append(sibling)
    return results + extra


def repeats(text: str, results: list[RecognizerResult],
            confirmed: Callable[[RecognizerResult], bool]) -> list[RecognizerResult]:
    """`results` plus every other place the document writes a confirmed identifier, letter for
    letter, as a word of its own: five characters at least, three of them digits, and no date or
    season ("2025-26")."""
    taken = sorted((r.start, r.end) for r in results)
    extra: list[RecognizerResult] = []
    seen: set[str] = set()
    for r in results:
        value = text[r.start:r.end]
        if (r.entity_type in SKIP_KINDS or r.entity_type == "DATE" or value in seen or len(value) < 5
                or sum(c.isdigit() for c in value) < 3 or _SEASON.fullmatch(value) or not confirmed(r)):
            continue
        seen.add(value)
        # str.find, not a regex per value: compiling one cost a tenth of detection time
        start = text.find(value)
        while start >= 0:
            end = start + len(value)
            if _whole(text, start, end) and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                extra.append(RecognizerResult(r.entity_type, start, end, SCORE,
                                              recognition_metadata={"recognizer_name": "series"}))
            start = text.find(value, start + 1)
    return results + extra


def _whole(text: str, start: int, end: int) -> bool:
    """text[start:end] is a word of its own: no letter, digit or hyphen glued before it, no letter
    or digit after it, nor a hyphen and more ("RC-0421" in "XRC-0421", "RC-04210", "RC-0421-B")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end:end + 2]
    return not (before.isalnum() or before == "-") and not (
        after[:1].isalnum() or (after[:1] == "-" and after[1:2].isalnum()))
