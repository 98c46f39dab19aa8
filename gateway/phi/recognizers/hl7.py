"""Identifiers in the fields of HL7 v2 messages pasted into a prompt or returned by a tool.

"PID|1||4471829^^^WGH^MR||OKAFOR^CHIDI^EMEKA||19470212|M|||1120 W PERSHING RD^^CHICAGO^IL^60609"
holds a patient's MRN, name, birth date and address with no label a pattern could read, names
in CAPS joined by carets, dates as bare digits. The message says what each field is by its
position: hl7.yaml maps segment fields to kinds (an account number, a date) or to HL7 data types
whose components are known (XPN family^given^middle, XAD street^^city^state^zip, XCN for a
clinician NPI^family^given). A segment is a line that starts with a known segment id and the
field separator; MSH's encoding characters give the component and repetition separators (the
standard ^ and ~ without an MSH). Free text inside (NTE comments, OBX text results) is left to
the other recognizers, which scan the same text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers import yamlfile
from gateway.phi.recognizers.columns import finding
from gateway.phi.recognizers.validators import place_name

SPEC = Path(__file__).with_name("hl7.yaml")
_RANGE = regex.compile(r"(\d+)(?:-(\d+))?")
_DIGITS_DATE = regex.compile(r"(?:19|20)\d{6}(?:\d{2,6}(?:\.\d{1,4})?)?(?:[+-]\d{4})?")
_LINE_END = regex.compile(r"[\r\n]")
# a component that is a date and a time to the minute or second (YYYYMMDDHHMM[SS]), valid as both
_TIMESTAMP = regex.compile(r"(?<=[|^~&])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d"
                           r"(?:[0-5]\d(?:\.\d{1,4})?)?(?:[+-]\d{4})?(?=[|^~&\r\n]|$)")
_KINDS = frozenset("PERSON LOCATION ORGANIZATION DATE PHONE EMAIL SSN MRN HEALTH_PLAN ACCOUNT LICENSE ID".split())
_ZIP = regex.compile(r"\d{5}(?:-\d{4})?")
# hl7.yaml's kinds of its own, for a value a sender shifted into another component's place
# ("618 ELM AVE^APT 3R^^EVANSTON^IL^60202": the city in the state's, the state in the ZIP's, the
# ZIP in the country's), each a LOCATION only when it is: PLACE a town the gazetteer knows (never
# a state or a country), ZIP a ZIP code, POSTAL anything but a two-letter state or province code
_SPEC_KINDS = _KINDS | {"PLACE", "ZIP", "POSTAL", "ACCOUNT_NUMBER", "PLAN_NUMBER"}
# ACCOUNT_NUMBER, PLAN_NUMBER: a visit, group or policy number a sender miscounted into a field
# near its own (PV1-18/20 for PV1-19, IN1-9 for IN1-8, IN1-35 to -40 for IN1-36), counted only
# when shaped like one: five digits or more after at most a short letter prefix, and no date
# ("V0088201" counts; a patient type "IN" or a financial class "01" does not)
_NUMBER_SHAPED = regex.compile(r"[A-Z]{0,4}-?\d{5,}(?:-?[A-Z0-9]{1,4})?")
_SHAPED = {"ACCOUNT_NUMBER": "ACCOUNT", "PLAN_NUMBER": "HEALTH_PLAN"}
_TWO_LETTERS = regex.compile(r"\p{L}{2}")


@dataclass(frozen=True)
class Spec:
    segments: dict[str, dict[int, str]]               # segment -> field -> kind or type
    types: dict[str, list[tuple[int, int, str]]]      # type -> [(first, last component, kind)]


def load_spec(path: Path = SPEC) -> Spec:
    with path.open(encoding="utf-8") as f:
        data = yamlfile.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), dict) or not isinstance(data.get("types"), dict):
        raise ValueError(f"{path}: needs 'segments' and 'types' mappings")
    types: dict[str, list[tuple[int, int, str]]] = {}
    for name, comps in data["types"].items():
        parts = []
        for rng, kind in comps.items():
            m = _RANGE.fullmatch(str(rng))
            if m is None or kind not in _SPEC_KINDS:
                raise ValueError(f"{path}: types.{name}: {rng!r}: {kind!r} must be 'N' or 'N-M' -> a kind")
            parts.append((int(m[1]), int(m[2] or m[1]), kind))
        types[name] = parts
    segments: dict[str, dict[int, str]] = {}
    for seg, fields in data["segments"].items():
        if not regex.fullmatch(r"[A-Z][A-Z0-9]{2}", str(seg)) or not isinstance(fields, dict):
            raise ValueError(f"{path}: segments.{seg}: a segment id maps field numbers to kinds or types")
        for number, what in fields.items():
            if not isinstance(number, int) or (what not in types and what not in _SPEC_KINDS):
                raise ValueError(f"{path}: segments.{seg}.{number}: {what!r} is no kind or type")
        segments[str(seg)] = dict(fields)
    return Spec(segments, types)


class Hl7Recognizer(EntityRecognizer):
    """Fields of HL7 v2 segments that hl7.yaml names (see the module docstring)."""

    def __init__(self, spec: Spec | None = None, score: float = 0.75) -> None:
        self._spec = spec or load_spec()
        ids = "|".join(sorted(self._spec.segments))
        # segments end at a line break or at HL7's own carriage return
        self._segment = regex.compile(rf"(?m)(?:^|(?<=\r))[ \t]*(?P<id>{ids})(?P<sep>[|])")
        self._score = score
        super().__init__(supported_entities=sorted(_KINDS), name="hl7_fields", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "|" not in text:
            return []
        wanted = set(entities or self.supported_entities)
        out: list[RecognizerResult] = []
        comp, rep = "^", "~"
        for m in self._segment.finditer(text):
            seg, sep = m["id"], m["sep"]
            line_end = _LINE_END.search(text, m.end())
            line_end = line_end.start() if line_end else len(text)
            fields = _split(text, m.end(), line_end, sep)
            if seg == "MSH":
                if fields and fields[0][2]:
                    enc = fields[0][2]
                    comp, rep = enc[0], enc[1] if len(enc) > 1 else "~"
                fields = [(0, 0, sep)] + fields         # MSH-1 is the separator itself
            for number, what in self._spec.segments[seg].items():
                if number - 1 >= len(fields):
                    continue
                start, end, _ = fields[number - 1]
                for rs, re_, _ in _split(text, start, end, rep):
                    for kind, s, e in self._values(text, rs, re_, what, comp):
                        if kind in wanted:
                            out.append(self._result(kind, s, e))
            # a date and time to the minute is one in any field, wherever a sender put it
            if "DATE" in wanted and seg != "MSH":
                out += [self._result("DATE", t.start(), t.end())
                        for t in _TIMESTAMP.finditer(text, m.end(), line_end)]
        return out

    def _values(self, text: str, start: int, end: int, what: str, comp: str):
        components = _split(text, start, end, comp)
        parts = self._spec.types.get(what) or [(1, 1, what)]
        if what == "XCN" and components[0][2].strip() and not regex.search(r"\d", components[0][2]):
            parts = [(1, 3, "PERSON")]      # no ID before the name: "HUYNH^LOAN"
        for first, last, kind in parts:
            chosen = [c for c in components[first - 1:last] if c[2].strip()]
            if not chosen:
                continue
            s, e = chosen[0][0], chosen[-1][1]
            value = text[s:e]
            if kind == "DATE" and not _DIGITS_DATE.fullmatch(value):
                continue
            if kind != "DATE" and not regex.search(r"[\p{L}\d]", value):
                continue
            if kind == "PERSON" and len(chosen) == 1 and len(value.strip()) <= 3:
                continue                    # a code where a name should be ("SEL", "SPO")
            if kind in ("PLACE", "ZIP", "POSTAL"):
                v = value.strip()
                if not (place_name(v) if kind == "PLACE" else _ZIP.fullmatch(v) if kind == "ZIP"
                        else not _TWO_LETTERS.fullmatch(v)):
                    continue
                kind = "LOCATION"
            if kind in _SHAPED:
                v = value.strip()
                if not _NUMBER_SHAPED.fullmatch(v) or _DIGITS_DATE.fullmatch(v):
                    continue
                kind = _SHAPED[kind]
            yield kind, s, e

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        return finding(self, kind, start, end, self._score, "an HL7 v2 field that holds an identifier")


def _split(text: str, start: int, end: int, sep: str) -> list[tuple[int, int, str]]:
    """The pieces of text[start:end] between separators, with their offsets."""
    out, pos = [], start
    while True:
        nxt = text.find(sep, pos, end)
        if nxt < 0:
            out.append((pos, end, text[pos:end]))
            return out
        out.append((pos, nxt, text[pos:nxt]))
        pos = nxt + 1
