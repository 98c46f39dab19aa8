"""gateway/phi/recognizers/columns.py: identifiers and names in the columns of a pasted table."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.columns import ColumnRecognizer, load_headers
from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


@pytest.fixture(scope="module")
def columns():
    return ColumnRecognizer()


def cells(recognizer, text):
    return [(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, [])]


CALL_LOG = (
    "Critical values, nights\n"
    "TIME  ACCESSION     PATIENT (LAST, FIRST)       MRN       TEST    RESULT\n"
    "2312  L7706-4471    QUAN, MEI                   00771342  K+      6.9 mmol/L\n"
    "0047  L7706-4519    ROSSI, MARISA J.            01196620  GLU     38 mg/dL\n"
    "\n"
    "0130  L7706-4600    called back, no answer      00000001\n"
)


def test_cells_under_identifier_headers_are_identifiers(columns):
    assert cells(columns, CALL_LOG) == [
        ("ID", "L7706-4471"), ("PERSON", "QUAN, MEI"), ("MRN", "00771342"),
        ("ID", "L7706-4519"), ("PERSON", "ROSSI, MARISA J."), ("MRN", "01196620"),
    ]   # the rows end at the blank line


def test_claims_worklist_through_the_analyzer(analyzer):
    text = ("CLAIM #         ACCT        PATIENT                    MEMBER ID       DOS        BILLED\n"
            "2025R0912832    H00791552   Okafor, Ada                W228461777      08/14/25   1,204.00\n"
            "2025R0918907    H00731988   Brenner, Liam              XKP884102999    08/15/25   88.10\n")
    got = findings(analyzer, text)
    for expected in [("ID", "2025R0912832"), ("ACCOUNT", "H00791552"), ("PERSON", "Okafor, Ada"),
                     ("ID", "2025R0918907"), ("ACCOUNT", "H00731988"), ("PERSON", "Brenner, Liam")]:
        assert expected in got
    assert not [f for f in got if f[1] in ("1,204.00", "88.10")]


def test_delimited_tables_keep_empty_cells_in_place(columns):
    text = "MRN | Name | Claim | Amount\n00771342 | QUAN, MEI | C-2231009 | 140.00\n | ROSSI | C-2231010 | 12.00\n"
    assert cells(columns, text) == [("MRN", "00771342"), ("PERSON", "QUAN, MEI"), ("ID", "C-2231009"),
                                    ("PERSON", "ROSSI"), ("ID", "C-2231010")]


@pytest.mark.parametrize("text", [
    "Name        Dose     Route\nMetoprolol  25 mg    PO\nLasix       40 mg    IV\n",      # no identifier column
    "Test     Result    Units\nK+       6.9       mmol/L\nGlucose  38        mg/dL\n",
    "Claim #        Date\n03/14/2025     03/15/2025\n",                                   # a date is no claim number
    "MRN       Notes\n12         see chart\n",                                              # too short for an MRN
    "MRN: 00458231 and a single space line\n00458231 again",                              # no header line
])
def test_no_identifier_column_no_finding(columns, text):
    assert cells(columns, text) == []


def test_header_file_must_map_kinds_to_lists(tmp_path):
    bad = tmp_path / "columns.yaml"
    bad.write_text("columns:\n  MRN: mrn\n")
    with pytest.raises(ValueError, match="list of header patterns"):
        load_headers(bad)


def test_a_birth_date_column_vouches_for_a_table_but_is_not_reported(columns):
    assert "DATE" not in columns.supported_entities
    text = "Name          DOB\nLARKIN, Jon   09/14/1944\n"
    assert cells(columns, text) == [("PERSON", "LARKIN, Jon")]
