"""gateway/phi/recognizers/hl7.py: identifiers in the fields of HL7 v2 messages."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.hl7 import Hl7Recognizer, load_spec
from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


@pytest.fixture(scope="module")
def hl7():
    return Hl7Recognizer()


def values(recognizer, text):
    return [(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, [])]


ADT = (
    "MSH|^~\\&|EPICADT|QUAXLEY GEN|RHAPSODY|LAB|20250304093012||ADT^A01^ADT_A01|MSG0001938|P|2.5.1\n"
    "PID|1||4471829^^^QGH^MR~318449207^^^SSA^SS||QUAXLEY^CHIDI^EMEKA^^^^L||19470212|M||2054-5^Black^CDCREC|"
    "1120 W PERSHING RD^APT 3^CHICAGO^IL^60609^USA||(773)555-0148^PRN^PH~^NET^Internet^cq47@example.net|||M||A88201774\n"
    "NK1|1|QUAXLEY^ADAEZE|DAU^Daughter|88 E 47TH ST^^CHICAGO^IL^60653|(773)555-0119\n"
    "PV1|1|I|4W^412^B^QGH||||1447382916^NGUYEN^THANH^D^^^^MD||||||||||||V00882017\n"
    "DG1|1||J18.9^Pneumonia, unspecified organism^I10|||A\n"
)


def test_an_admission_message(hl7):
    got = values(hl7, ADT)
    for expected in [("ORGANIZATION", "QUAXLEY GEN"), ("DATE", "20250304093012"), ("MRN", "4471829"),
                     ("ORGANIZATION", "QGH"), ("MRN", "318449207"), ("PERSON", "QUAXLEY^CHIDI^EMEKA"),
                     ("DATE", "19470212"), ("LOCATION", "1120 W PERSHING RD^APT 3"), ("LOCATION", "CHICAGO"),
                     ("LOCATION", "60609"), ("PHONE", "(773)555-0148"), ("EMAIL", "cq47@example.net"),
                     ("ACCOUNT", "A88201774"), ("PERSON", "QUAXLEY^ADAEZE"), ("LOCATION", "88 E 47TH ST"),
                     ("LOCATION", "60653"), ("PHONE", "(773)555-0119"), ("LICENSE", "1447382916"),
                     ("PERSON", "NGUYEN^THANH^D"), ("ACCOUNT", "V00882017"), ("ID", "MSG0001938")]:
        assert expected in got
    # codes, the state, the sex, the room and bed, the message type and the diagnosis stay
    kept = {v for _, v in got}
    for code in ("IL", "USA", "M", "412", "B", "ADT^A01^ADT_A01", "J18.9", "Daughter", "DAU", "EPICADT", "2054-5"):
        assert code not in kept


def test_segments_split_by_carriage_returns_and_the_component_separator_of_msh(hl7):
    text = "MSH|*~\\&|APP|QUAXLEY CLINIC\rPID|1||77120***QC*MR||ROE*JANE||19520101|F"
    assert values(hl7, text) == [("ORGANIZATION", "QUAXLEY CLINIC"), ("MRN", "77120"), ("ORGANIZATION", "QC"),
                                 ("PERSON", "ROE*JANE"), ("DATE", "19520101")]


def test_a_county_and_an_appointments_start_and_end(hl7):
    text = ("PID|1||Q44120^^^QGH^MR||QUENBY^ANA||19450102|F||2054-5|91 QUAX CT^^MACON^GA^31204|BIBB|(478)555-0199\n"
            "SCH|830^SCHEDX||||||ROUTINE|OB FOLLOW UP|30|MIN|^^30^20260917093000^20260917095900")
    got = values(hl7, text)
    assert {("LOCATION", "BIBB"), ("DATE", "20260917093000"), ("DATE", "20260917095900")} <= set(got)
    assert ("DATE", "30") not in got


def test_an_address_whose_components_a_sender_shifted(hl7):
    # the city in the state's place and the ZIP in the country's; the state itself still stays
    text = "PID|1||LW330177^^^QSH^MR||QUAXLEY^ANA||19930704|F|||618 QUAX AVE^APT 3R^^EVANSTON^IL^60202||(847)555-0135"
    got = values(hl7, text)
    assert {("LOCATION", "618 QUAX AVE^APT 3R"), ("LOCATION", "EVANSTON"), ("LOCATION", "60202")} <= set(got)
    assert "IL" not in {v for _, v in got}
    text = "NK1|1|QUENBY^BO|SPO|12 QUAX RD^^^New York^^United States\nGT1|1||QUAX^ANA||9 QUAX ST^^TORONTO^ON^M5V 2T6^CAN"
    # a province stays too, and a Canadian postal code in its place is no ZIP a shift would explain
    assert {v for _, v in values(hl7, text)} == {"QUENBY^BO", "12 QUAX RD", "QUAX^ANA", "9 QUAX ST", "TORONTO", "M5V 2T6"}


def test_a_visit_or_policy_number_a_field_away_counts_only_when_shaped_like_one(hl7):
    text = ("PV1|1|E|ED^14^01^QRMC|||||||||||||||||E25048117\n"          # PV1-20, not 19
            "PV1|1|I|4W^412^B|||||||||||||||IN||01\n"                      # a patient type, a class
            "IN1|1|QUAXCARE|||||||220981|||||||||19710820|||||||||||||||||||XOF882910455\n"   # 9, 37
            "IN1|2|QUAXMED|||||||GOLD PLAN||||||||||||||||||||||||||H5216||25.00")       # a plan code, a deductible
    got = values(hl7, text)
    assert {("ACCOUNT", "E25048117"), ("HEALTH_PLAN", "220981"), ("HEALTH_PLAN", "XOF882910455")} <= set(got)
    kept = {v for _, v in got}
    for code in ("IN", "01", "GOLD PLAN", "H5216", "25.00"):
        assert code not in kept


def test_a_date_and_time_is_a_date_in_any_field(hl7):
    # a sender's admit and discharge times a field off their place; the message's own time stays MSH-7's
    text = ("PV1|1|I|4W^412^B||||||||||||||||||06|||QGH||||||202503050812|202503091415|||||V50088213\n"
            "OBX|1|NM|2345-7^Glucose^LN||248|mg/dL|65-99|H|||F||||20250311051530.3-0500|||20250311")
    got = values(hl7, text)
    assert {("DATE", "202503050812"), ("DATE", "202503091415"), ("DATE", "20250311051530.3-0500")} <= set(got)
    assert ("DATE", "20250311") not in got      # eight digits alone: a date only where the spec says so


def test_a_schedules_contact_and_clerk_and_a_resources_person(hl7):
    text = ("SCH|Q1|Q2|||||ROUTINE|FOLLOW UP|30|min|^^30^202504021000^202504021030|||||QUAXLEY^NOURA^^^^^^MD|"
            "(262)555-0171|||qsandoval2^QUENBY^MONICA||||BOOKED\n"
            "AIP|1|A|1649302288^AL-QUAX^NOURA^^^^^^MD|ATTENDING")
    got = set(values(hl7, text))
    assert {("PERSON", "QUAXLEY^NOURA"), ("PHONE", "(262)555-0171"), ("PERSON", "QUENBY^MONICA"),
            ("LICENSE", "1649302288"), ("PERSON", "AL-QUAX^NOURA")} <= got


def test_an_operator_without_an_id_is_a_name_and_a_code_is_no_name(hl7):
    text = "EVN|A01|20250304091500|||HUYNH^LOAN\nIN1|1|MCR01|CMS01|Medicare||||||||||||SEL|19470212"
    got = values(hl7, text)
    assert ("PERSON", "HUYNH^LOAN") in got and ("PERSON", "SEL") not in got


@pytest.mark.parametrize("text", [
    "The PID| segment? ask the interface team",                         # prose
    "BP 120|80, HR 70|72",                                              # pipes in a note
])
def test_no_message_no_finding(hl7, text):
    assert values(hl7, text) == []


def test_spec_must_name_kinds_or_types(tmp_path):
    bad = tmp_path / "hl7.yaml"
    bad.write_text("segments:\n  PID: {5: NAMES}\ntypes: {}\n")
    with pytest.raises(ValueError, match="no kind or type"):
        load_spec(bad)


def test_a_message_through_the_analyzer(analyzer):
    got = findings(analyzer, ADT)
    assert ("PERSON", "QUAXLEY^CHIDI^EMEKA") in got and ("DATE", "19470212") in got
