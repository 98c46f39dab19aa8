"""Identifiers in the elements of X12 EDI segments: claims (837), remittances (835), eligibility.

"NM1*IL*1*QUAXLEY*JEAN-RENE*M***MI*LA09148826~N3*4417 N RAMPART ST APT B~DMG*D8*19580212*M~"
holds a subscriber's name, member ID, street and birth date with no label a pattern could read:
the segment and the element's position say what each is. x12.yaml maps elements to kinds, some
by the qualifier beside them (REF*EA*... a record number, PER*IC*...*TE*... a phone). A segment is
an id of two or three capitals, its elements parted by "*" (or the separator an ISA header
names), ending at "~" where a line or the next segment begins: text without the terminator is
no EDI, whatever its asterisks.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers import yamlfile
from gateway.phi.recognizers.columns import finding

SPEC = Path(__file__).with_name("x12.yaml")
_KINDS = frozenset("PERSON LOCATION ORGANIZATION DATE PHONE EMAIL SSN MRN HEALTH_PLAN ACCOUNT LICENSE ID".split())
_DATE = regex.compile(r"(?:19|20)\d{6}")
# the interchange header fixes the element separator: "ISA*00*..." (its fourth character); only
# as a segment of its own, not the "ISA" of "VISA " or "DISABILITY"
_ISA = regex.compile(r"(?:^|(?<=~))[ \t\r\n]*ISA([^\w\s])", regex.MULTILINE)


@dataclass(frozen=True)
class Spec:
    segments: dict[str, dict[int, str | tuple[int, dict[str, str]]]]
    nm1_skip: frozenset[str]
    nm1_ids: dict[str, str]


def load_spec(path: Path = SPEC) -> Spec:
    with path.open(encoding="utf-8") as f:
        data = yamlfile.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), dict) or not isinstance(data.get("nm1"), dict):
        raise ValueError(f"{path}: needs 'segments' and 'nm1' mappings")
    segments: dict[str, dict[int, str | tuple[int, dict[str, str]]]] = {}
    for seg, elements in data["segments"].items():
        if not regex.fullmatch(r"[A-Z][A-Z0-9]{1,2}", str(seg)) or not isinstance(elements, dict):
            raise ValueError(f"{path}: segments.{seg}: a segment id maps element numbers to kinds")
        segments[str(seg)] = {}
        for number, what in elements.items():
            if isinstance(what, dict):
                kinds = {str(q): k for q, k in (what.get("map") or {}).items()}
                if not isinstance(what.get("by"), int) or not kinds or not set(kinds.values()) <= _KINDS:
                    raise ValueError(f"{path}: segments.{seg}.{number}: needs 'by' (an element) and a 'map' to kinds")
                segments[str(seg)][number] = (what["by"], kinds)
            elif isinstance(number, int) and what in _KINDS:
                segments[str(seg)][number] = what
            else:
                raise ValueError(f"{path}: segments.{seg}.{number}: {what!r} is no kind")
    nm1 = data["nm1"]
    ids = {str(q): k for q, k in (nm1.get("ids") or {}).items()}
    if not set(ids.values()) <= _KINDS:
        raise ValueError(f"{path}: nm1.ids: unknown kinds {sorted(set(ids.values()) - _KINDS)}")
    return Spec(segments, frozenset(map(str, nm1.get("skip") or ())), ids)


class X12Recognizer(EntityRecognizer):
    """Elements of X12 segments that x12.yaml names (see the module docstring)."""

    def __init__(self, spec: Spec | None = None, score: float = 0.75) -> None:
        self._spec = spec or load_spec()
        self._score = score
        self._segments = {"*": _segment("*")}
        super().__init__(supported_entities=sorted(_KINDS), name="x12_elements", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "~" not in text:
            return []
        sep = m.group(1) if (m := _ISA.search(text)) is not None else "*"
        segment = self._segments.get(sep) or _segment(sep)
        wanted = set(entities or self.supported_entities)
        out: list[RecognizerResult] = []
        for m in segment.finditer(text):
            elements = _split(text, m.start("body"), m.end("body"), sep)
            for kind, s, e in self._values(text, m["id"], elements):
                if kind in wanted:
                    out.append(finding(self, kind, s, e, self._score, "an X12 element that holds an identifier"))
        return out

    def _values(self, text: str, seg: str, elements: list[tuple[int, int]]):
        def element(n: int) -> tuple[int, int] | None:
            if n < 1 or n > len(elements):
                return None
            s, e = elements[n - 1]
            return (s, e) if text[s:e].strip() else None

        def qualifier(n: int) -> str:
            span = element(n)
            return text[slice(*span)].strip() if span else ""

        if seg == "NM1":
            if qualifier(1) in self._spec.nm1_skip:
                return
            person = qualifier(2) == "1"
            for n in (3, 4, 5, 7) if person else (3,):
                if (span := element(n)) is not None and regex.search(r"\p{L}", text[slice(*span)]):
                    yield ("PERSON" if person else "ORGANIZATION"), *span
            if (kind := self._spec.nm1_ids.get(qualifier(8))) and (span := element(9)) is not None:
                yield kind, *span
            return
        for n, what in self._spec.segments.get(seg, {}).items():
            if (span := element(n)) is None:
                continue
            kind = what if isinstance(what, str) else what[1].get(qualifier(what[0]))
            if kind == "DATE":
                # CCYYMMDD, or a range of two (RD8): each date its own span
                for d in _DATE.finditer(text, *span):
                    yield "DATE", d.start(), d.end()
            elif kind is not None:
                yield kind, *span


def _segment(sep: str) -> regex.Pattern:
    """A segment: its id at a line's start or after the last one's "~", its body, and its "~" at
    the line's end or before the next segment (not a note's "~3 wks")."""
    s = regex.escape(sep)
    return regex.compile(rf"(?:^|(?<=~))[ \t\r\n]*(?P<id>[A-Z][A-Z0-9]{{1,2}}){s}(?P<body>[^~\n]*)~"
                         rf"(?=[ \t]*(?:\r?\n|$)|[A-Z][A-Z0-9]{{1,2}}{s})", regex.MULTILINE)


def _split(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """The elements of a segment's body (after its id), as offsets."""
    out, pos = [], start
    while (nxt := text.find(sep, pos, end)) >= 0:
        out.append((pos, nxt))
        pos = nxt + 1
    out.append((pos, end))
    return out
