"""Identifiers in the columns of a table pasted as text.

Worklists, call logs and claim lists copied out of an EHR grid put a header line over rows of
values: "CLAIM #   ACCT   PATIENT   MEMBER ID" and below it "2025R0918832  H00731552  ...".
No label stands next to a value, so the labelled patterns of patterns.yaml miss them; the
header says what each column holds. A header line is one with at least two cells (separated
by a tab, a pipe or two spaces) of which one names an identifier (columns.yaml); a cell of a
row below it is that identifier when it starts under the header cell (fixed-width tables are
left-aligned) or has the same index (tab- and pipe-separated ones), and looks like one (four
digits or more, no date; a name column's cell: a name's shape). Rows run to the first blank
line. A name column counts only in a table that also has an identifier column or a birth date
("Name  MRN  DOB", not a medication list's "Name  Dose  Route"); dates are left to the date
patterns.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

COLUMNS = Path(__file__).with_name("columns.yaml")
_CELL = regex.compile(r"\S+(?:[ ]\S+)*")              # cells: runs split by two spaces or a tab
_DELIMITED = regex.compile(r"[\t|]")
# an identifier: 4+ digits, letters and separators allowed, at most 30 characters
_VALUE = regex.compile(r"(?=(?:[^\d\n]*\d){4})[A-Za-z0-9][A-Za-z0-9./#-]{2,28}[A-Za-z0-9](?:[ ]\d{1,5}){0,3}")
_DATE = regex.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}:\d{2}")
# a person's name in a cell: letters, at most five words, no digit ("QUAN, MEI", "Okafor, Ada J.")
_NAME = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:,?[ ]+\p{L}[\p{L}'’.-]*){0,4}")
_MAX_ROWS = 200


@dataclass(frozen=True)
class _Column:
    kind: str
    start: int          # offset of the header cell in its line
    index: int          # its index among the line's cells


class ColumnRecognizer(EntityRecognizer):
    """Cells under a header that names an identifier (see the module docstring)."""

    def __init__(self, headers: dict[str, list[str]] | None = None, score: float = 0.7) -> None:
        spec = headers if headers is not None else load_headers()
        self._headers = [(kind, regex.compile(rf"(?i)^(?:{'|'.join(patterns)})$")) for kind, patterns in spec.items()]
        self._score = score
        # DATE columns only vouch for a table (see _header); the recognizer reports no dates
        super().__init__(supported_entities=sorted(set(spec) - {"DATE"}), name="table_columns",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if "  " not in text and "\t" not in text and "|" not in text:
            return []               # no table without a wide gap or a delimiter
        wanted = set(entities or self.supported_entities)
        out: list[RecognizerResult] = []
        lines = _lines(text)
        i = 0
        while i < len(lines):
            start, line = lines[i]
            columns = self._header(line)
            if not columns:
                i += 1
                continue
            delimited = bool(_DELIMITED.search(line))
            i += 1
            rows = 0
            while i < len(lines) and lines[i][1].strip() and rows < _MAX_ROWS:
                row_start, row = lines[i]
                if self._header(row):
                    break                       # a new table starts
                for column, (cs, value) in _cells_under(row, columns, delimited):
                    if column.kind not in wanted:
                        continue
                    if column.kind == "PERSON":
                        ok = len(value) <= 40 and _NAME.fullmatch(value) is not None
                    else:
                        ok = _VALUE.fullmatch(value) is not None and not _DATE.fullmatch(value)
                    if ok:
                        out.append(self._result(column.kind, row_start + cs, row_start + cs + len(value)))
                i += 1
                rows += 1
        return out

    def _header(self, line: str) -> list[_Column]:
        cells = _split(line)
        if sum(1 for _, cell in cells if cell) < 2:
            return []
        columns = []
        for index, (cs, cell) in enumerate(cells):
            if not cell:
                continue
            for kind, rx in self._headers:
                if rx.match(cell.strip(" :")):
                    columns.append(_Column(kind, cs, index))
                    break
        # a name column is a patient's only in a table that also identifies them otherwise
        # ("Name  MRN  DOB"; not a medication list's "Name  Dose  Route")
        if not any(c.kind != "PERSON" for c in columns):
            return []
        return [c for c in columns if c.kind != "DATE"]

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        explanation = AnalysisExplanation(recognizer=self.name, original_score=self._score,
                                          textual_explanation="a cell under an identifier column's header")
        return RecognizerResult(kind, start, end, self._score, explanation,
                                {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                 RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def load_headers(path: Path = COLUMNS) -> dict[str, list[str]]:
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    headers = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(headers, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for v in headers.values()):
        raise ValueError(f"{path}: 'columns' must map each kind to a list of header patterns")
    return headers


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _split(line: str) -> list[tuple[int, str]]:
    """The cells of a line with their offsets: split on tabs and pipes when it has them, else on
    runs of two or more spaces."""
    if _DELIMITED.search(line):
        # empty cells kept: a column is its index
        cells, pos = [], 0
        for part in _DELIMITED.split(line):
            stripped = part.strip()
            cells.append((pos + (part.index(stripped) if stripped else 0), stripped))
            pos += len(part) + 1
        return cells
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _cells_under(row: str, columns: list[_Column], delimited: bool):
    cells = _split(row)
    for column in columns:
        if delimited:
            if column.index < len(cells) and cells[column.index][1]:
                yield column, cells[column.index]
            continue
        for cs, value in cells:
            if abs(cs - column.start) <= 2:
                yield column, (cs, value)
                break
