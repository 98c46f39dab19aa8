"""Identifiers in the fields of JSON and XML records: tool-call arguments and results, FHIR
resources, e-prescriptions.

An agent's tool call and its result carry records, not prose: {"patient_name": "...", "dob":
"...", "mrn": "..."}, or a FHIR Patient whose name is {"family": "...", "given": [...]}. Nothing
in such a value says what it is; its key does. The keys are read with the header vocabulary of
table columns (columns.yaml: "patient_name", "birthDate", "postalCode") and the same rule: a
name, an address, an age or a date of care counts only in a text whose records also carry an
identifier, a birth date, a phone, an e-mail or a name's part ("family", "last_name"), so that
a medication list's {"name": "metformin"} stays. FHIR says more through a value's siblings: a
"display" beside a "reference" to a Patient or Practitioner is a name, a telecom "value" beside
"system": "phone" a phone number, an "identifier" entry's "value" an identifier, a Patient's or
Encounter's "id" an identifier.

The text need not be valid JSON (a prompt pastes part of a record, a result is truncated): a
light scan pairs each quoted key with the string, number or array of strings after its colon
and tracks the enclosing objects. XML (an NCPDP SCRIPT e-prescription, a CDA fragment) is read
the same way: an element holding only text is a key and its value ("<City>Quaxton</City>",
"<LastName>Quaxley</LastName>"), its parent element the object it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers.columns import Headers, cell_value, finding

_TOKEN = regex.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:]|-?\d+(?:\.\d+)?(?![\w.])')
_COLON = regex.compile(r"[ \t\r\n]*:")
# resources about a person (a clinician too: their names are PHI here) or a stay, whose "id" identifies them
_PERSONAL_RESOURCES = frozenset("""patient relatedperson person practitioner practitionerrole encounter
    episodeofcare coverage claim explanationofbenefit account servicerequest diagnosticreport specimen""".split())
# resources that describe no one (terminology, definitions, the organization itself): their "id" is
# kept; every other resource's (an Observation's, a Consent's, a ResearchSubject's) is a record
# of one person's care and identifies it too
_IMPERSONAL_RESOURCES = frozenset("""organization location medication medicationknowledge substance
    valueset codesystem conceptmap namingsystem questionnaire structuredefinition capabilitystatement
    operationdefinition searchparameter implementationguide library measure plandefinition
    activitydefinition researchstudy evidence healthcareservice endpoint operationoutcome bundle parameters subscription
    terminologycapabilities compartmentdefinition graphdefinition messagedefinition""".split())
_PERSONAL_PARENTS = frozenset("patient encounter member subject person subscriber beneficiary guarantor".split())
_REFERENCE = regex.compile(r"(?P<type>[A-Za-z]+)/(?P<id>[^\s/\"]+)$")
_REFERENCED = {"patient": "PERSON", "practitioner": "PERSON", "practitionerrole": "PERSON",
               "relatedperson": "PERSON", "person": "PERSON", "organization": "ORGANIZATION",
               "location": "LOCATION"}
_TELECOM = {"phone": "PHONE", "fax": "PHONE", "sms": "PHONE", "email": "EMAIL"}


@dataclass
class _Object:
    key: str | None                 # the key this object (or its array) is the value of
    pairs: list["_Pair"] = field(default_factory=list)

    def get(self, key: str) -> str | None:
        return next((p.value for p in self.pairs if p.key == key), None)


@dataclass
class _Pair:
    key: str
    start: int                      # the value, without its quotes
    end: int
    value: str
    owner: _Object


def pairs(text: str) -> list[_Pair]:
    """Every key/value pair of the JSON-like records in `text` (array elements are paired with
    the array's key), with the object each belongs to."""
    out: list[_Pair] = []
    stack: list[tuple[str, _Object]] = []
    key: str | None = None
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok in "{[":
            parent = key if key is not None else (stack[-1][1].key if stack and stack[-1][0] == "[" else None)
            stack.append((tok, _Object(parent)))
            key = None
        elif tok in "}]":
            if stack and stack[-1][0] == ("{" if tok == "}" else "["):
                stack.pop()
            key = None
        elif tok == ",":
            key = None
        elif tok == ":":
            continue
        elif tok.startswith('"') and _COLON.match(text, m.end()) and stack and stack[-1][0] == "{":
            key = tok[1:-1].rstrip()      # (an escaped record's closing quote has a space before it)
        elif stack:
            kind, obj = stack[-1]
            owner = obj if kind == "{" else (stack[-2][1] if len(stack) > 1 and stack[-2][0] == "{" else obj)
            name = key if kind == "{" else obj.key
            if name is not None:
                quoted = tok.startswith('"')
                s, e = (m.start() + 1, m.end() - 1) if quoted else m.span()
                while e > s and text[e - 1] == " ":
                    e -= 1
                owner.pairs.append(p := _Pair(name, s, e, text[s:e], owner))
                out.append(p)
            if kind == "{":
                key = None
    return out + _escaped_records(text) + _xml_pairs(text)


# an element holding only text, and the tags around it (a parent's opening tag, closing tags)
_XML_TAG = regex.compile(r"<(/?)([A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)?)(?:[ \t][^<>]*)?(/?)>")


def _xml_pairs(text: str) -> list[_Pair]:
    """Every element that holds only text, as a key/value pair whose owner is its parent element
    (`<Name><LastName>Quaxley</LastName><FirstName>Ana</FirstName></Name>`: two pairs of "Name")."""
    if "</" not in text:
        return []
    out: list[_Pair] = []
    stack: list[_Object] = []
    last: regex.Match | None = None
    for m in _XML_TAG.finditer(text):
        closing, name, empty = m.group(1), m.group(2), m.group(3)
        if closing:
            if last is not None and not last.group(1) and last.group(2) == name and stack:
                s, e = last.end(), m.start()
                value = text[s:e]
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                stack.pop()
                if s < e and "\n" not in value.strip():
                    owner = stack[-1] if stack else _Object(None)
                    owner.pairs.append(pair := _Pair(name, s, e, text[s:e], owner))
                    out.append(pair)
            elif stack and stack[-1].key == name:
                stack.pop()
        elif not empty:
            stack.append(_Object(name))
        last = m
    return out


_ESCAPED = regex.compile(r'"(?=[ \t]*[{\[][ \t]*\\")(?:[^"\\\n]|\\.)*"')


def _escaped_records(text: str) -> list[_Pair]:
    """The records inside a string that holds JSON, its quotes escaped: a tool call's
    "arguments":"{\\"patient_name\\":\\"...\\"}" pasted as the API sends it. Each \\" becomes
    a space and a quote, so offsets within the string stay; the string alone is read again."""
    if '\\"' not in text:
        return []
    out: list[_Pair] = []
    for m in _ESCAPED.finditer(text):
        at = m.start() + 1
        for p in pairs(m.group()[1:-1].replace('\\"', ' "')):
            p.start, p.end = p.start + at, p.end + at
            out.append(p)
    return out


def _resource_id(resource: str, value: str) -> tuple[str, bool, bool] | None:
    """(ID, vouches, sure) for the id of a resource of type `resource`, or None: a resource about a
    person vouches for the text; any other resource but an impersonal one identifies a record of
    someone's care when its id has a digit. A FHIR type is PascalCase ("Consent/c-2291"), not a
    path's "v2/12"."""
    kind = resource.lower()
    if kind in _PERSONAL_RESOURCES:
        return "ID", True, False
    if resource[:1].isupper() and kind not in _IMPERSONAL_RESOURCES and any(c.isdigit() for c in value):
        return "ID", False, False
    return None


def _reference_id(p: _Pair) -> _Pair:
    """The id of a reference ("Patient/c41d0e9b" -> "c41d0e9b"): the resource type stays."""
    ref = _REFERENCE.search(p.value)
    return _Pair(p.key, p.start + ref.start("id"), p.end, ref["id"], p.owner)


class FieldRecognizer(EntityRecognizer):
    """Values of JSON records whose key or FHIR siblings say they are identifiers."""

    def __init__(self, headers: Headers | None = None, score: float = 0.7) -> None:
        self._headers = headers or Headers()
        self._score = score
        super().__init__(supported_entities=sorted(self._headers.kinds | {"ORGANIZATION", "ID"}),
                         name="json_fields", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if '":' not in text and '" :' not in text and "</" not in text:
            return []
        wanted = set(entities or self.supported_entities)
        found: list[tuple[str, bool, bool, _Pair]] = []      # kind, vouches, sure, pair
        for p in pairs(text):
            named = self._kind(p)
            if named is not None:
                found.append((*named, _reference_id(p) if p.key.lower() == "reference" else p))
        vouched = any(v for _, v, _, _ in found)
        out = []
        for kind, vouches, sure, p in found:
            if kind not in wanted or not (vouches or vouched or kind in ("ORGANIZATION", "ID")):
                continue
            if kind in ("ORGANIZATION", "ID"):
                span = (0, len(p.value)) if p.value.strip() else None
            else:
                span = cell_value(kind, p.value, sure)
            if span is not None:
                out.append(self._result(kind, p.start + span[0], p.start + span[1]))
        return out

    def _kind(self, p: _Pair) -> tuple[str, bool, bool] | None:
        """(kind, vouches for the text, surely a name's part) of a pair, or None."""
        key, owner = p.key.lower(), p.owner
        parent = (owner.key or "").lower()
        if key == "reference" and (ref := _REFERENCE.search(p.value)):
            if found := _resource_id(ref["type"], ref["id"]):
                return found
        if key == "display" and (ref := _REFERENCE.search(owner.get("reference") or "")):
            kind = _REFERENCED.get(ref["type"].lower())
            return (kind, kind == "PERSON", kind == "PERSON") if kind else None
        if key == "value":
            system = (owner.get("system") or "").lower()
            if system in _TELECOM:
                return _TELECOM[system], True, False
            if parent == "identifier":
                return "ID", True, False
        if key == "id":
            if parent in _PERSONAL_PARENTS:
                return "ID", True, False
            if found := _resource_id(owner.get("resourceType") or "", p.value):
                return found
        if parent == "address" and key in ("line", "text"):
            return "LOCATION", False, False
        if parent == "name" and key == "text":
            return "PERSON", False, False
        if key in ("family", "given") and (parent == "name" or owner.get("family" if key == "given" else "given")):
            return "PERSON", True, True         # FHIR's HumanName
        # a JSON key ending in "id" is everywhere (a tool call's, a model's): only the listed ones
        named = self._headers.kind(p.key, others=False)
        if named is None:
            return None
        kind, vouches = named
        return kind, vouches, kind == "PERSON" and vouches

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        return finding(self, kind, start, end, self._score, "a record's value under an identifier's key")
