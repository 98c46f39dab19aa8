"""Identifiers in the columns of a table pasted as text: a grid, a CSV export, a query's output.

Worklists, call logs and claim lists copied out of an EHR grid put a header line over rows of
values: "CLAIM #   ACCT   PATIENT   MEMBER ID" and below it "2025R0918832  H00731552  ...".
No label stands next to a value, so the labelled patterns of patterns.yaml miss them; the
header says what each column holds. A header line is one with at least two cells (separated
by a tab, a pipe, two spaces, or commas outside quotes) of which one names an identifier
(columns.yaml; "patient_name" and "birthDate" read as "patient name", "birth date"); a cell of a
row below it is that identifier when it starts under the header cell (fixed-width tables are
left-aligned) or has the same index (delimited ones, and fixed-width rows with as many cells as
their header, whose long cells push the next ones along; a CSV row must have its header's number
of fields), and looks like one (`cell_value`: four digits or more for an identifier, or a prefix
and three under an ID header; a name's shape or a login no word makes; a date's, a phone's, an age
of 90 or more). Rows run to the first blank line (one right under the header is passed over). A name,
an address, an age or a date of care counts only in a table that also has an identifier, a
birth date, a phone, an e-mail or a name's part ("Last name") column, or both a name and an age
column: "Name  MRN  DOB", "Patient  Age  Dx", not a medication list's "Name  Dose  Route". So
does any other numbered column ("registry_id", "Tag #": columns.yaml's `other_ids`). A column of
who did the row's work ("Tech", "Given by", "Check", columns.yaml's `staff_initials`) needs no
company when its cells are initials ("JB/MR", "LB"): those are staff, in any table.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from gateway.phi.recognizers import yamlfile
from gateway.phi.recognizers.validators import bare_login, login_name, plain_word

COLUMNS = Path(__file__).with_name("columns.yaml")
_CELL = regex.compile(r"\S+(?:[ ]\S+)*")              # cells: runs split by two spaces or a tab
_DELIMITED = regex.compile(r"[\t|]")
# a CSV field: quoted (quotes doubled inside) or bare, up to the next comma
_CSV_FIELD = regex.compile(r'[ \t]*(?:"(?:[^"\n]|"")*"|[^,\n]*)')
# an identifier: 4+ digits, letters and separators allowed, at most 30 characters
_VALUE = regex.compile(r"(?=(?:[^\d\n]*\d){4})[A-Za-z0-9][A-Za-z0-9./#-]{2,28}[A-Za-z0-9](?:[ ]\d{1,5}){0,3}")
# under an ID header, a prefix and three digits will do: a study's subjects ("HB-204", "PAF-031")
_SHORT_ID = regex.compile(r"\p{Lu}{1,5}-\d{3}")
_DATE = regex.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}:\d{2}")
# a date at the start of a cell (a time after it stays): 1990-02-17, 1/9/1932, 31.01.1945,
# 19330522, 2025-03-04T10:22:31Z (its date's token "2025-03-04T10"), a claim form's boxes "09 19 24"
_DATE_CELL = regex.compile(r"(?:\d{4}-\d{1,2}-\d{1,2}(?:T\d{1,2}(?=:\d{2})|T\d{4}(?:\d{2})?(?!\d)Z?)?"
                           r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{2}[ ]\d{2}[ ](?:\d{4}|\d{2})|(?:19|20)\d{6})(?![\d/.-]?\d)")
# a person's name in a cell: letters, at most five words, no digit ("QUAN, MEI", "Okafor, Ada J.",
# "ibn Rashid, Tariq"), after a title or credential that stays ("Dr. K. Osei", "NP Rose Delacroix")
_NAME = regex.compile(r"\p{L}[\p{L}'’.-]*(?:,?[ ]+\p{L}[\p{L}'’.-]*){0,4}")
_LOGIN = regex.compile(r"[a-z][a-z0-9._-]{2,30}")
# a system's account, no one's login: "svc_hl7_lab", "cartsvc", "sysadmin", "interface_bot"
_SERVICE = regex.compile(r"svc|srv|^sys|bot|admin|service|interface|daemon")
_TITLE = regex.compile(r"(?i)(?:(?:dr|mr|mrs|ms|miss|prof|rev)\.?|np|pa|pa-c|rn|md|do|lpn|cnm|crna)[ ]+(?=\p{L})")
_PHONE = regex.compile(r"\+?[\d(][\d ().-]{5,18}\d(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?")
_NUMBER_WORD = regex.compile(r"(?i)(?:ninety|one hundred)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?")
# a capital alone or with a period, not a Roman numeral ("Factor V", "Type II")
_INITIAL = regex.compile(r"(?<![\p{L}.])(?![IVX]\b)\p{Lu}\.?(?![\p{L}])")
_HUMP = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")           # camelCase
# a cell of staff initials: "LB", "JB/MR", "MR / GT", "kvo" (not "N/A", "OK")
_INITIALS_CELL = regex.compile(r"\p{Lu}{2,3}(?:[ ]?/[ ]?\p{Lu}{2,3}){0,2}|\p{Ll}{2,3}(?:[ ]?/[ ]?\p{Ll}{2,3}){0,2}")
_NOT_INITIALS = frozenset("na nd ok no yes not nil none unk tbd am pm all any dc done ref "
                          # credentials after a name in a line that reads like a row ("P. Quaxley, MSN, RN")
                          "rn md do np pa lpn lvn cna msn bsn dnp phd mph rph cma emt ma pt ot slp rd".split())
_MAX_ROWS = 200


@dataclass(frozen=True)
class _Column:
    kind: str
    start: int          # offset of the header cell in its line
    index: int          # its index among the line's cells
    vouches: bool       # says by itself that the table is about people (see Headers.kind)
    initials: bool = False   # a staff column read for initials only (Headers.staff)


class Headers:
    """What a header or key names (columns.yaml)."""

    # kinds whose columns count only beside a vouching one
    NEEDS_COMPANY = frozenset({"PERSON", "LOCATION", "AGE", "DATE", "ORGANIZATION"})

    def __init__(self, spec: dict | None = None) -> None:
        spec = spec if spec is not None else load_spec()
        # one pattern for all kinds, a named group each: the first that matches wins, as listed
        self._groups = {f"k{i}": kind for i, kind in enumerate(spec["columns"])}
        self._kinds = regex.compile("(?i)^(?:" + "|".join(
            f"(?P<k{i}>{'|'.join(patterns) or '(?!)'})" for i, patterns in enumerate(spec["columns"].values())) + ")$")
        self._name_parts = _whole(spec.get("name_parts") or [])
        self._dates = _whole(spec.get("dates") or [])
        self._other_ids = _whole(spec.get("other_ids") or [])
        self._staff = _whole(spec.get("staff_initials") or [])
        from gateway.phi.recognizers.loader import load_macro_words   # lazily: loader builds this module's recognizers
        self._not_ids = frozenset(load_macro_words("NUMBERED_NOT_ID"))
        self.kinds = frozenset(spec["columns"])

    def kind(self, header: str, others: bool = True) -> tuple[str, bool] | None:
        """The kind a header names and whether it vouches for its table: identifiers, birth
        dates, phones, e-mails and a name's parts do; a bare "Name", an address, an age, a date
        of care or any other numbered thing (`others`: "registry_id", "Tag #") do not."""
        h = normal_header(header)
        if not h:
            return None
        if (m := self._kinds.match(h)) is not None:
            kind = self._groups[m.lastgroup]
            if kind == "PERSON":
                return kind, bool(self._name_parts.match(h))
            return kind, kind not in self.NEEDS_COMPANY or kind == "DATE"
        if self._dates.match(h):
            return "DATE", False
        if others and self._other_ids.match(h) and h.split()[0] not in self._not_ids:
            return "ID", False
        return None

    def staff(self, header: str) -> bool:
        """Whether a header names who did the row's work, whose cells may be their initials."""
        h = normal_header(header)
        return bool(h) and self._staff.match(h) is not None


def normal_header(header: str) -> str:
    """ "patient_name", "birthDate", "PATIENT NAME:" -> "patient name", "birth date"."""
    h = _HUMP.sub(" ", header.strip().strip("\"'`[]").rstrip(":").strip())
    return " ".join(h.replace("_", " ").lower().split())


def cell_value(kind: str, value: str, sure: bool = False) -> tuple[int, int] | None:
    """Where in a cell under a `kind` header the identifier is, if the cell looks like one
    (`sure`: the header names a name's part outright, "Last name", FHIR's "family")."""
    if kind == "PERSON":
        title = _TITLE.match(value)
        start = title.end() if title else 0
        name = value[start:]
        # "Do, An", "WU" under "Last name" need no lexicon: the header or the comma says it
        # two ordinary words are no name, whatever the header ("INTERFACE, LAB"; "Do, An" is one)
        words = regex.findall(r"\p{L}{3,}", name)
        ok = len(name) <= 40 and _NAME.fullmatch(name) is not None and any(c.isupper() for c in name) and (
            sure or "," in name or _lexicon_allows(name)) and not (len(words) >= 2 and all(map(plain_word, words)))
        # under a header that names a name outright, a login too ("qokafor3", "m.lindqvist"; not
        # "system", a service account "svc_hl7_lab")
        # (in capitals too, as an EHR's audit export writes them: "QABDIRA1")
        login = name.lower() if name.isupper() else name
        ok = ok or (sure and _LOGIN.fullmatch(login) is not None and not plain_word(login)
                    and _SERVICE.search(login) is None)
        # under any person's header, a login no word makes ("fmoreno", "r.quaxley")
        ok = ok or (_LOGIN.fullmatch(name) is not None and _SERVICE.search(name) is None
                    and (login_name(name) or bare_login(name)))
        return (start, len(value)) if ok else None
    if kind == "DATE":
        m = _DATE_CELL.match(value)
        return (0, m.end()) if m else None
    if kind == "AGE":
        v = value.strip()
        ok = (v.isdigit() and 90 <= int(v) <= 125) or _NUMBER_WORD.fullmatch(v) is not None
        return (0, len(value)) if ok else None
    if kind == "ORGANIZATION":
        # a name, not a kind of place ("Main Campus ED": no word of three letters that is no word)
        from gateway.phi.recognizers.validators import _lexicon
        f = _lexicon()
        words = regex.findall(r"\p{L}{3,}", value)
        ok = len(value) <= 60 and any(w[0].isupper() and not f.is_plain(w) and not f.is_term(w) for w in words)
        return (0, len(value)) if ok else None
    if kind == "LOCATION":
        ok = len(value) <= 80 and regex.search(r"\p{L}{2}|\d{5}", value) is not None
        return (0, len(value)) if ok else None
    if kind == "PHONE":
        return (0, len(value)) if _PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 7 else None
    if kind == "EMAIL":
        return (0, len(value)) if "@" in value and " " not in value.strip() else None
    if kind == "ID" and _SHORT_ID.fullmatch(value):
        return 0, len(value)
    return (0, len(value)) if _VALUE.fullmatch(value) is not None and not _DATE.fullmatch(value) else None


def initials_cell(value: str) -> tuple[int, int] | None:
    """A cell of staff initials ("JB/MR", "LB"), not a word of two or three letters ("OK", "N/A")."""
    v = value.strip()
    if _INITIALS_CELL.fullmatch(v) is None or any(p.strip().lower() in _NOT_INITIALS for p in v.split("/")):
        return None
    return 0, len(value)


def _lexicon_allows(name: str) -> bool:
    """Some word of a name is no ordinary or clinical word: not a medication list's "Metformin"
    or "Blood pressure" under a "Name" header. A word beside an initial is a name however
    ordinary ("Lake R", "R. Bird" under "provider"), unless a clinical term ("Vitamin D")."""
    from gateway.phi.recognizers.validators import _lexicon
    f = _lexicon()
    words = regex.findall(r"\p{L}{2,}", name)
    if not words or any(not f.is_plain(w) and not f.is_term(w) for w in words):
        return True
    return _INITIAL.search(name) is not None and not any(f.is_term(w) for w in words)


class ColumnRecognizer(EntityRecognizer):
    """Cells under a header that names an identifier (see the module docstring)."""

    def __init__(self, headers: Headers | None = None, score: float = 0.7) -> None:
        self._headers = headers or Headers()
        self._score = score
        super().__init__(supported_entities=sorted(self._headers.kinds), name="table_columns",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "  " not in text and "\t" not in text and "|" not in text and "," not in text:
            return []               # no table without a wide gap or a delimiter
        wanted = set(entities or self.supported_entities)
        out: list[RecognizerResult] = []
        lines = _lines(text)
        i = 0
        while i < len(lines):
            start, line = lines[i]
            columns, mode = self._header(line)
            if not columns:
                i += 1
                continue
            i += 1
            rows = 0
            width = len(_split(line, mode))
            if i + 1 < len(lines) and not lines[i][1].strip() and lines[i + 1][1].strip():
                i += 1                          # one blank line under a header still leads to its rows
            while i < len(lines) and lines[i][1].strip() and rows < _MAX_ROWS:
                row_start, row = lines[i]
                if any(not c.initials for c in self._header(row)[0]):
                    break                       # a new table starts (a row may hold a staff word: "RN")
                cells = _split(row, mode)
                if mode == "csv" and len(cells) != width:
                    cells = _rejoined(row, cells, width)
                    if cells is None:
                        break                   # a CSV row has its header's fields; prose does not
                for column, (cs, value) in _cells_under(cells, columns, mode, width):
                    if column.kind not in wanted:
                        continue
                    span = initials_cell(value) if column.initials else cell_value(column.kind, value, column.vouches)
                    if span is not None:
                        out.append(self._result(column.kind, row_start + cs + span[0], row_start + cs + span[1]))
                i += 1
                rows += 1
        return out

    def _header(self, line: str) -> tuple[list[_Column], str]:
        modes = ["delimited"] if _DELIMITED.search(line) else ["spaced", "csv"] if "," in line else ["spaced"]
        for mode in modes:
            cells = _split(line, mode)
            if sum(1 for _, cell in cells if cell) < 2:
                continue
            if mode == "csv" and any(len(cell.split()) > 4 for _, cell in cells):
                continue                        # a sentence with commas, no CSV header
            columns = []
            for index, (cs, cell) in enumerate(cells):
                named = self._headers.kind(cell) if cell else None
                if named:
                    columns.append(_Column(named[0], cs, index, named[1]))
            # a name column is a patient's only in a table that also identifies them otherwise,
            # or gives their age ("Patient  Age  Dx": a medication list has no age)
            kinds = {c.kind for c in columns}
            if any(c.vouches for c in columns) or {"PERSON", "AGE"} <= kinds:
                return columns, mode
            # staff initials need no company ("VACCINE  DOSE  DATE GIVEN  LOT  SITE  GIVEN BY")
            staff = [_Column("PERSON", cs, index, False, True) for index, (cs, cell) in enumerate(cells)
                     if cell and self._headers.staff(cell)]
            if staff:
                return staff, mode
        return [], ""

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        return finding(self, kind, start, end, self._score, "a cell under an identifier column's header")


def finding(recognizer: EntityRecognizer, kind: str, start: int, end: int, score: float,
            why: str) -> RecognizerResult:
    """A result in the shape Presidio's own recognizers give, naming `recognizer` (the readers
    of structured text: columns, fields.py, hl7.py)."""
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score, textual_explanation=why)
    return RecognizerResult(kind, start, end, score, explanation,
                            {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                             RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})


def load_spec(path: Path = COLUMNS) -> dict:
    with path.open(encoding="utf-8") as f:
        data = yamlfile.load(f)
    headers = data.get("columns") if isinstance(data, dict) else None
    lists = [headers] + [{k: data.get(k) or []} for k in ("name_parts", "dates", "other_ids", "staff_initials")] if headers else []
    if not isinstance(headers, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for d in lists for v in d.values()):
        raise ValueError(f"{path}: 'columns' must map each kind to a list of header patterns "
                         "('name_parts', 'dates', 'other_ids' and 'staff_initials' are lists of header patterns)")
    return data


def load_headers(path: Path = COLUMNS) -> dict[str, list[str]]:
    return load_spec(path)["columns"]


def _whole(patterns: list[str]) -> regex.Pattern:
    return regex.compile(rf"(?i)^(?:{'|'.join(patterns) or '(?!)'})$")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _split(line: str, mode: str) -> list[tuple[int, str]]:
    """The cells of a line with their offsets: split on tabs and pipes ("delimited"), on commas
    outside quotes ("csv", quotes stripped), else on runs of two or more spaces."""
    if mode == "delimited":
        # empty cells kept: a column is its index
        cells, pos = [], 0
        for part in _DELIMITED.split(line):
            stripped = part.strip()
            cells.append((pos + (part.index(stripped) if stripped else 0), stripped))
            pos += len(part) + 1
        return cells
    if mode == "csv":
        cells, pos = [], 0
        while pos <= len(line):
            m = _CSV_FIELD.match(line, pos)
            raw = m.group()
            stripped = raw.strip()
            offset = m.start() + (raw.index(stripped) if stripped else 0)
            if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
                stripped, offset = stripped[1:-1], offset + 1
            cells.append((offset, stripped))
            pos = m.end() + 1                   # past the comma
            if m.end() >= len(line) or line[m.end()] != ",":
                break
        return cells
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _rejoined(line: str, cells: list[tuple[int, str]], width: int) -> list[tuple[int, str]] | None:
    """A CSV row with more fields than its header, written without the quotes its commas need
    ("Meas, S." under "provider"): rejoined where a comma is followed by a space, as writers put
    one inside a field and exporters none between fields, when that accounts for every extra
    field; None when it does not (prose under a header, or a row that cannot be told)."""
    extra = len(cells) - width
    if extra <= 0:
        return None
    inner = [i for i in range(1, len(cells)) if line[cells[i][0] - 1:cells[i][0]] == " "
             and line[:cells[i][0]].rstrip(" ").endswith(",")]
    if len(inner) != extra:
        return None
    out: list[tuple[int, str]] = []
    for i, (offset, value) in enumerate(cells):
        if i in inner:
            start = out[-1][0]
            out[-1] = (start, line[start:offset + len(value)])
        else:
            out.append((offset, value))
    return out


def _cells_under(cells: list[tuple[int, str]], columns: list[_Column], mode: str, width: int):
    # a fixed-width row with as many cells as its header is read by index: a long name pushes the
    # cells after it out from under their headers ("FITZGERALD, SEAMUS P        M4471902")
    by_index = mode != "spaced" or len(cells) == width
    for column in columns:
        if by_index:
            if column.index < len(cells) and cells[column.index][1]:
                yield column, cells[column.index]
            continue
        for cs, value in cells:
            if abs(cs - column.start) <= 2:
                yield column, (cs, value)
                break
