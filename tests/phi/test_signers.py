"""gateway/phi/recognizers/signers.py: initials that sign each row of a log."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.signers import RowSignerRecognizer


@pytest.fixture(scope="module")
def signers():
    return RowSignerRecognizer()


def found(recognizer, text):
    return [text[r.start:r.end] for r in recognizer.analyze(text, [])]


SITTER_LOG = (
    "TIME   LOCATION   BEHAVIOR                               INITIALS\n"
    "0715   bed        crying, asked for mom                  QX\n"
    "0730   bathroom   door ajar, sitter at door              QX\n"
    "0745   bed        mom Leimomi Quaxley at bedside         QX\n"
    "0800   bed        calm, talking w/ mom                   QX\n"
    "0815   bed        sleeping. RR 14                        JQ\n"
)


def test_initials_ending_three_rows_or_more_are_a_signer(signers):
    # "JQ" signs one row only: one cell says nothing
    assert found(signers, SITTER_LOG) == ["QX", "QX", "QX", "QX"]


def test_lowercase_initials_down_an_immunization_record(signers):
    text = ("Vaccine        Date given    Dose   Lot        Site      Given by\n"
            "DTaP-IPV-Hib   09/05/2023    0.5mL  AHB612BA   R thigh   qmk\n"
            "PCV20          09/05/2023    0.5mL  LR4471     L thigh   qmk\n"
            "Rotavirus      09/05/2023    2mL    1882213    PO        qmk\n")
    assert found(signers, text) == ["qmk", "qmk", "qmk"]


@pytest.mark.parametrize("text", [
    # a route, a side, a result ending every row is no one's initials, even under "By"
    "Drug                    By\nMetoprolol 25 mg        PO\nLisinopril 10 mg        PO\nAspirin 81 mg           PO\n",
    "Glucose      98      WNL\nSodium       139     WNL\nPotassium    4.1     WNL\n",
    "Pulses   radial   2+   BIL\nEdema    pedal    1+   BIL\nCap refill  <3 s   BIL\n",
    # a column no header says is a signer's: a specimen's temperature, a unit's code
    "REQ #        PATIENT             TEST                TEMP\nMRL4471921   Quaxley, Ana        Celiac HLA          AMB\n"
    "MRL4471922   Quenby, Ifeanyi     TPMT                AMB\nMRL4471923   Quaxton, Eitan      Lead, venous        AMB\n",
    # an English word is no one's initials, however often
    "Call bell in reach        yes\nBed alarm on              yes\nSide rails up x2          yes\n",
    # the same initials far apart are two tables' (or prose), not one column
    "Initials\nSeen   QX\n" + "text line\n" * 50 + "Seen   QX\n" + "text line\n" * 50 + "Seen   QX\n",
])
def test_no_signer(signers, text):
    assert found(signers, text) == []
