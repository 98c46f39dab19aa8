"""gateway/phi/recognizers/x12.py: identifiers in the elements of X12 EDI segments."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.x12 import X12Recognizer, load_spec
from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


@pytest.fixture(scope="module")
def x12():
    return X12Recognizer()


def values(recognizer, text):
    return [(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, [])]


CLAIM_837 = (
    "ST*837*0003*005010X222A1~\n"
    "BHT*0019*00*0003*20250314*1022*CH~\n"
    "NM1*85*2*QUAXLEY FAMILY HEALTH CENTER*****XX*1548277301~\n"
    "N3*2100 ST QUENBY AVE~\n"
    "N4*NEW ORLEANS*LA*70130~\n"
    "PER*IC*MARISOL QUAXTON*TE*5045550142*EM*billing@quaxleyfhc.example.org~\n"
    "SBR*P*18*GRP55120******MC~\n"
    "NM1*IL*1*QUAXLEY*JEAN-RENE*M***MI*LA09148826~\n"
    "DMG*D8*19580212*M~\n"
    "NM1*PR*2*LOUISIANA MEDICAID*****PI*LAMCD~\n"
    "CLM*BFH0091844*185***11:B:1*Y*A*Y*Y~\n"
    "REF*G1*PA2025-03-0417~REF*EA*MR00418822~REF*6R*LINE0001~\n"
    "HI*ABK:E119*ABF:I10~\n"
    "SV1*HC:99214*150*UN*1***1:2~\n"
    "DTP*472*RD8*20250301-20250305~\n"
    "SE*24*0003~\n"
)


def test_a_professional_claim(x12):
    got = values(x12, CLAIM_837)
    assert got == [
        ("DATE", "20250314"), ("ORGANIZATION", "QUAXLEY FAMILY HEALTH CENTER"), ("LICENSE", "1548277301"),
        ("LOCATION", "2100 ST QUENBY AVE"), ("LOCATION", "NEW ORLEANS"), ("LOCATION", "70130"),
        ("PERSON", "MARISOL QUAXTON"), ("PHONE", "5045550142"), ("EMAIL", "billing@quaxleyfhc.example.org"),
        ("HEALTH_PLAN", "GRP55120"), ("PERSON", "QUAXLEY"), ("PERSON", "JEAN-RENE"), ("PERSON", "M"),
        ("HEALTH_PLAN", "LA09148826"), ("DATE", "19580212"), ("ACCOUNT", "BFH0091844"),
        ("ID", "PA2025-03-0417"), ("MRN", "MR00418822"), ("DATE", "20250301"), ("DATE", "20250305"),
    ]
    # the payer, the state, codes, charges, the line's own number and the control numbers stay
    kept = {v for _, v in got}
    assert not kept & {"LOUISIANA MEDICAID", "LAMCD", "LA", "E119", "99214", "185", "LINE0001", "0003"}


def test_a_remittance_on_one_line_with_its_own_separator(x12):
    text = ("ISA|00|          |00|          |ZZ|QUAXCLEAR~CLP|MSC-7780213|1|1240|612.45|60|12|E92174400318|11|1~"
            "NM1|QC|1|QUENBY|TEMITOPE||||MI|987144206~DTM|232|20250305~CAS|CO|45|567.55~")
    got = values(x12, text)
    assert ("ACCOUNT", "MSC-7780213") in got and ("ID", "E92174400318") in got
    assert ("PERSON", "QUENBY") in got and ("PERSON", "TEMITOPE") in got and ("DATE", "20250305") in got
    assert ("HEALTH_PLAN", "987144206") in got
    assert ("DATE", "567.55") not in got and ("ACCOUNT", "45") not in got


def test_a_remittances_bank_account_and_an_employers_number(x12):
    # the practice's account paid (BPR-15) and an employer's number (REF*EI) identify; the payer's
    # account (BPR-9), its routing numbers and the amount do not
    text = ("BPR*I*2211.40*C*ACH*CCP*01*061209757*DA*1000228817*1581927733**01*061113415*DA*0088217736*20251028~\n"
            "REF*EI*582298410~\n")
    got = values(x12, text)
    assert ("ACCOUNT", "0088217736") in got and ("ID", "582298410") in got and ("DATE", "20251028") in got
    assert not {v for _, v in got} & {"1000228817", "061209757", "061113415", "2211.40"}


def test_only_an_interchange_header_sets_the_separator(x12):
    # "VISA " is no ISA segment: its space must not become the separator
    text = "Copay paid by VISA card ~\nNM1*IL*1*QUAXLEY*JEAN****MI*QX0041877~\nDMG*D8*19580212*M~\n"
    assert values(x12, text) == [("PERSON", "QUAXLEY"), ("PERSON", "JEAN"), ("HEALTH_PLAN", "QX0041877"),
                                 ("DATE", "19580212")]


def test_asterisks_without_segment_terminators_are_no_edi(x12):
    text = "NM1*IL*1*QUAXLEY*JEAN*** see note\n*** N3*12 MAIN ST ***\nDMG*D8*19580212 ~ approx"
    assert values(x12, text) == []


def test_the_spec_is_checked(tmp_path):
    bad = tmp_path / "x12.yaml"
    bad.write_text("segments:\n  REF: {2: {by: 1, map: {EA: NOT_A_KIND}}}\nnm1: {skip: [PR], ids: {}}\n")
    with pytest.raises(ValueError, match="segments.REF.2"):
        load_spec(bad)
    bad.write_text("segments: {}\n")
    with pytest.raises(ValueError, match="needs 'segments' and 'nm1'"):
        load_spec(bad)


def test_through_the_analyzer(analyzer):
    got = findings(analyzer, CLAIM_837)
    assert ("PERSON", "JEAN-RENE") in got and ("HEALTH_PLAN", "LA09148826") in got
