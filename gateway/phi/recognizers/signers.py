"""Initials that sign the rows of a log: a sitter's sheet, a visitor log, a medication record.

    TIME   BEHAVIOR                          INITIALS          Medication       | 0800 | 11/1 | 11/2 | 11/3
    0715   crying, asked for mom             LT                metoprolol 25 mg | 0800 | AM   | AM   | SO
    0730   door ajar, sitter at door         LT                donepezil 10 mg  | 2000 | GL   | TK   | GL
    0745   mom at bedside                    JQ

Two shapes of table, read header first. A header (cells parted by pipes, a tab, two spaces or,
in a CSV export, commas) whose last cell names a signer ("Initials", "Given by", "Staff", "RN")
makes the last cell of each row below it, to a blank line, someone's initials (or login); a signer's column
elsewhere ("Rm  Pt  Age  MD  RN  Status") counts in the rows with as many cells as the header. A header with three days or more
("11/1 | 11/2 | 11/3", "Mon  Tue  Wed") is a medication record's grid: its cells are the
initials of whoever gave each dose ("1400 AM": a time then initials).

Alone such a cell says little — a table's last column is as often a route ("PO"), a specimen's
temperature ("AMB") or a flag — so a table counts only when its cells hold initials three times
or more with one of them repeated, each passing `column_initials` (no credential, order or
English word; capitals that are words pass) and no route, site or result. A login ("tquenby2")
is no word of any list and counts alone. Initials after a dash
or a label are patterns.yaml's (`person_signoff_initials`).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers.columns import finding
from gateway.phi.recognizers.validators import column_initials, run_together_login

# a cell holding initials: two or three letters of one case, or dotted ("C.Q.", "r.k"); in a grid
# after the time of the dose
_INITIALS = regex.compile(r"(?:\d{3,4}[ ]+)?(\p{Lu}{2,3}|\p{Ll}{2,3}|\p{Lu}\.\p{Lu}\.(?:\p{Lu}\.)?|\p{Ll}\.\p{Ll}\.?)")
# what else ends a table's rows besides the credentials, orders and results `column_initials`
# already refuses (validators._LINE_ENDINGS): routes, sites and sides, units, vitals. "LT" is
# not here: under a signer's header it is as often someone's initials as "left"
_NOT_INITIALS = frozenset("""sc sl pr ng gt og id it ou od os au ad rue lue rle lle ra la rl ll bil nd stat nc nrb
    bp hr rr sat kg lb lbs mg mcg ml cc hrs min sec st na nt neg nl abn amb""".split())
# a header's last cell that names who signs each row
_SIGNER = regex.compile(
    r"(?i)(?:initials?|inits?|by|sign(?:ed|ature)?|sitter|observer|obs|tech|rn|md|nurse|staff|user"
    r"|who|clinician|provider|cosign|co-sign|witness|clerk|picker|crc|caller|invest|investigator"
    r"|(?:given|checked|done|performed|entered|verified|signed|completed|collected|drawn|observed|recorded|witnessed"
    r"|reviewed|called|paid|recv|rcvd|received|picked|packed|approved|issued|dispensed|returned)[ ]by)[ \t]*:?")
# a header that says its column holds initials outright ("Initials", "PT (init)"): a patient's
# are not repeated row to row
_OUTRIGHT = regex.compile(r"(?i)(?:pt[ ]|patient[ ]|subject[ ])?(?:initials?|inits?|\((?:initials?|inits?)\))[ \t]*:?")
_DAY = regex.compile(r"(?i)\d{1,2}/\d{1,2}(?:/\d{2,4})?|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun")
_PIPE_CELL = regex.compile(r"[^|\n]+")
_GAP_CELL = regex.compile(r"\S+(?:[ ]\S+)*")       # cells parted by a tab or two spaces
_CSV_CELL = regex.compile(r'"[^"\n]*"|[^,\n]*')       # a CSV row's cell, quoted or not, maybe empty
_MIN_CELLS = 3
_MAX_ROWS = 40


class RowSignerRecognizer(EntityRecognizer):
    """Initials signing the rows of a log (see the module docstring)."""

    def __init__(self, score: float = 0.55) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name="row_signers", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if (entities and "PERSON" not in entities) or ("  " not in text and "\t" not in text and "|" not in text
                                                         and "," not in text):
            return []
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        out: list[RecognizerResult] = []
        i = 0
        while i < len(lines):
            header = _cells(lines[i])
            grid = len(header) > 1 and sum(bool(_DAY.fullmatch(lines[i][s:e])) for s, e in header) >= 3
            outright = len(header) > 1 and any(_OUTRIGHT.fullmatch(lines[i][s:e]) for s, e in header)
            signers = [k for k, (s, e) in enumerate(header) if len(header) > 1 and (
                _SIGNER.fullmatch(lines[i][s:e]) or _OUTRIGHT.fullmatch(lines[i][s:e]))]
            if not (grid or signers):
                i += 1
                continue
            last = len(header) - 1 in signers
            found: list[tuple[int, int, str]] = []
            j = i + 1
            while j < len(lines) and j <= i + _MAX_ROWS and lines[j].strip():
                cells = _cells(lines[j])
                if grid:
                    under = cells[1:]
                elif len(cells) == len(header) or ("|" in lines[j] and len(cells) > max(signers)):
                    # a row as wide as its header, or a piped row whose empty last cells were
                    # dropped: by index
                    under = [cells[k] for k in signers]
                else:
                    # a fixed-width row: the cell that starts under a signer's header ("AGE SEX CC"
                    # is one header cell over three columns); else a signer's last cell
                    under = [c for c in cells for k in signers if abs(c[0] - header[k][0]) <= 1] \
                        or (cells[-1:] if last and len(cells) > 1 else [])
                for s, e in under:
                    m = _INITIALS.fullmatch(lines[j], s, e)
                    if m is not None and (grid or m.start(1) == s) and _initials(m.group(1)):
                        found.append((starts[j] + m.start(1), starts[j] + m.end(1), m.group(1)))
                    elif not grid and run_together_login(lines[j][s:e]):
                        found.append((starts[j] + s, starts[j] + e, lines[j][s:e]))    # "lquaxley4"
                j += 1
            counts = Counter(value for _, _, value in found)
            if len(found) >= _MIN_CELLS and (outright or max(counts.values()) > 1):
                out.extend(finding(self, "PERSON", s, e, self._score, "initials signing the rows of a log")
                           for s, e, _ in found)
            else:
                # a login is no word of any list: one under a signer's header needs no others
                out.extend(finding(self, "PERSON", s, e, self._score, "a login signing a row of a log")
                           for s, e, value in found if run_together_login(value))
            i = j
        return out


def _cells(line: str) -> list[tuple[int, int]]:
    """A table row's cells, as offsets in the line: parted by pipes where it has them, else by a
    tab or two spaces (empty cells dropped), else by the commas of a CSV row (empty cells kept, so
    that the cells stay under their header)."""
    if "|" in line:
        spans = []
        for m in _PIPE_CELL.finditer(line):
            cell = m.group()
            if cell.strip():
                spans.append((m.start() + len(cell) - len(cell.lstrip()), m.end() - len(cell) + len(cell.rstrip())))
        return spans
    if "  " in line or "\t" in line:
        return [m.span() for m in _GAP_CELL.finditer(line)]
    if line.count(",") < 2:
        return []
    spans, pos = [], 0
    while pos <= len(line):
        m = _CSV_CELL.match(line, pos)
        s, e = m.span()
        spans.append((s + 1, e - 1) if m.group().startswith('"') and e - s > 1 else (s, e))
        if e >= len(line) or line[e] != ",":
            break
        pos = e + 1
    return spans


def _initials(value: str) -> bool:
    return value.replace(".", "").lower() not in _NOT_INITIALS and column_initials(value)
