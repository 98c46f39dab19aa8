"""Initials that sign each row of a log: a sitter's observation sheet, an immunization record.

    0715   bed        crying, asked for mom                  LT
    0730   bathroom   door ajar, sitter at door              LT
    0745   bed        mom at bedside                         LT

A row's last cell, after a wide gap, is who wrote it when the table's header says so: its last
cell names a signer ("Sitter", "Given by", "Initials", "Tech"). Alone such a cell says little: a
table's last column is as often a route ("PO"), a specimen's temperature ("AMB") or a flag.
Under such a header and repeated down the rows it does: the same two or three letters ending
three rows or more, which pass as initials where a note is signed off (validator
`signoff_initials`: no English word, no credential or order a line ends with) and are no route,
site or result. Every such row's cell is reported. Initials after a dash or a label are
patterns.yaml's (`person_signoff_initials`).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers.columns import finding
from gateway.phi.recognizers.validators import signoff_initials

# a row's last cell: two or three letters of one case after two spaces or a tab (the match
# starts at the gap, so most positions of a text are never tried)
_LAST_CELL = regex.compile(r"(?<=\S)(?:[ ]{2,}|\t)(\p{Lu}{2,3}|\p{Ll}{2,3})[ \t]*$", regex.MULTILINE)
# what else ends a table's rows besides the credentials, orders and results `signoff_initials`
# already refuses (validators._LINE_ENDINGS): routes, sites and sides, units, vitals. "LT" is
# not here: under a signer's header it is as often someone's initials as "left"
_NOT_INITIALS = frozenset("""sc sl pr ng gt og id it ou od os au ad as rue lue rle lle ra la rl ll bil nd stat nc nrb
    bp hr rr sat kg lb lbs mg mcg ml cc hrs min sec st""".split())
# a header's last cell that names who signs each row
_SIGNER_HEADER = regex.compile(
    r"(?i)(?<=\S(?:[ ]{2,}|\t))(?:initials?|inits?|by|sign(?:ed|ature)?|sitter|observer|obs|tech|rn|nurse|staff|user"
    r"|who|clinician|provider|cosign|co-sign|witness|(?:given|checked|done|performed|entered|verified|signed|completed"
    r"|collected|drawn|observed|recorded|witnessed|reviewed|called)[ ]by)[ \t]*:?[ \t]*$")
_MIN_ROWS = 3
_MAX_SPAN = 40          # lines: rows of one table lie close together
_HEADER_REACH = 15      # lines above a column's first row where its header may be


class RowSignerRecognizer(EntityRecognizer):
    """Initials ending the rows of a log (see the module docstring)."""

    def __init__(self, score: float = 0.55) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name="row_signers", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if (entities and "PERSON" not in entities) or ("  " not in text and "\t" not in text):
            return []
        cells: dict[str, list[tuple[int, int]]] = defaultdict(list)       # initials -> (line, offset)
        line, pos = 0, 0
        for m in _LAST_CELL.finditer(text):
            line, pos = line + text.count("\n", pos, m.start()), m.start()
            cells[m.group(1)].append((line, m.start(1)))
        out: list[RecognizerResult] = []
        lines: list[str] | None = None
        for initials, rows in cells.items():
            if len(rows) < _MIN_ROWS or initials.lower() in _NOT_INITIALS or not signoff_initials(initials):
                continue
            for group in _close(rows):
                lines = lines if lines is not None else text.split("\n")
                if len(group) >= _MIN_ROWS and _under_signer_header(lines, group[0][0]):
                    out.extend(finding(self, "PERSON", start, start + len(initials), self._score,
                                       "initials ending the rows of a log") for _, start in group)
        return out


def _under_signer_header(lines: list[str], first: int) -> bool:
    """Whether a line above row `first`, up to a blank line, is a header whose last cell names a
    signer."""
    for i in range(first - 1, max(-1, first - 1 - _HEADER_REACH), -1):
        if not lines[i].strip():
            return False
        if _SIGNER_HEADER.search(lines[i]):
            return True
    return False


def _close(rows: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Rows split into groups whose consecutive lines are at most `_MAX_SPAN` apart."""
    groups: list[list[tuple[int, int]]] = [[rows[0]]]
    for row in rows[1:]:
        if row[0] - groups[-1][-1][0] > _MAX_SPAN:
            groups.append([])
        groups[-1].append(row)
    return groups
