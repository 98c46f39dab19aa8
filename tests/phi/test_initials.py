"""gateway/phi/recognizers/initials.py: initials a document keys to a name, and their other uses."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.initials import DottedInitialsRecognizer, InitialsKeyRecognizer


@pytest.fixture(scope="module")
def keys():
    return InitialsKeyRecognizer()


def found(recognizer, text):
    return sorted((r.start, text[r.start:r.end]) for r in recognizer.analyze(text, []))


def test_a_medication_records_key_makes_its_initials_a_name_in_the_grid_and_after_entries(keys):
    text = ("donepezil 10 mg PO   | 2000 | GQ   | GQ   | TK\n"
            "Initials / Signature:\n"
            "GQ – Gloria Quaxley, CMA   TK – Tsegaye Kebede, CMA   SO – Siobhan O'Quenby, RN\n"
            "Furosemide 40 mg IV given (SO).\n")
    assert [v for _, v in found(keys, text)] == ["GQ", "GQ", "TK", "GQ", "TK", "SO", "SO"]


def test_dotted_initials_and_initials_after_a_name_in_parentheses(keys):
    text = ("10/14 | insulin pen | demo | VU | C.Q.\n"
            "RN signatures: C.Q. = Coral Quaxley, RN\n"
            "7/9 | homesick | talked, snack | MQ\n"
            "Counselor on call: Maddie Quenby (MQ).\n")
    assert [v for _, v in found(keys, text)] == ["C.Q.", "C.Q.", "MQ", "MQ"]


def test_a_keyed_abbreviation_of_ordinary_words_is_no_name(keys):
    text = ("Hx Chronic Kidney Disease (CKD); CKD stable. Emergency Department (ED) - ED hold.\n"
            "Medicare Beneficiary Identifier (MBI): 4TW9-HK2-MX71\nRE: Raymond Earl Quaxley\n")
    assert found(keys, text) == []


def test_letters_that_are_not_the_names_initials_are_no_key(keys):
    assert found(keys, "Seen with Gloria Quaxley (RN). RN aware; QX – Tsegaye Quenby\n") == []


def test_keyed_initials_are_left_before_a_lowercase_word_or_after_a_number(keys):
    text = "Angelo Maxquay (AM) gave it. AM meds passed. 1400 AM | AM |\nMaddie Gquen (MG); 5 MG given\n"
    assert [v for _, v in found(keys, text)] == ["AM", "AM", "AM", "MG"]


def test_a_key_after_its_label_or_with_a_title_and_uses_in_a_tab_table(keys):
    text = ("Tray\tRecv by\tDecon\tSterilize\tReturn\n"
            "Spine A\tNQ\tNQ\tload 0311-03 PQ\t03/13 NQ\n"
            "Init key: NQ Nell Quaxley, PQ Piotr Quenby   AQ = Dr. Arash Quaxton\n"
            "Site/side  NQ  AQ\n")
    assert [v for _, v in found(keys, text)] == ["NQ", "NQ", "PQ", "NQ", "NQ", "PQ", "AQ", "NQ", "AQ"]


def test_a_space_is_no_key_without_a_keys_label(keys):
    assert found(keys, "Shipped to Sacramento, CA Carlos Quaxley signed. CA 95814\n") == []


def test_a_therapy_logs_lowercase_key_makes_its_initials_a_name_in_the_grid(keys):
    text = ("date   | visit | tx     | notes\n"
            "10/02  | 1     | jq     | init eval\n"
            "10/23  | 6     | aq/jq  | progress note\n"
            "key: jq = Jocelyn Quaxley PT, aq = Ana Quomar SPT\n")
    assert [v for _, v in found(keys, text)] == ["jq", "aq", "jq", "jq", "aq"]


def test_a_lowercase_key_of_ordinary_words_or_other_letters_is_no_name(keys):
    text = "po = per oral; ok = Oral Ketamine; jr = Jocelyn Quaxley\njr | po | ok\n"
    assert found(keys, text) == []


@pytest.fixture(scope="module")
def dotted():
    return DottedInitialsRecognizer()


@pytest.mark.parametrize("text, initials", [
    ("Draw date: 5/2/25   Fasting: Y   Drawn by: Q.B.   Site: Lab Express", ["Q.B."]),
    ("Subject: medical respite bed request - R.Q. - d/c Monday?", ["R.Q."]),
    ("the patient (J.M.Q.) had a Mirizzi type I picture on the MRCP", ["J.M.Q."]),
    ("Q.O.       D3   10/19 0115   IVC      10/22 0115  med clear", ["Q.O."]),
])
def test_dotted_initials_stand_for_a_name_without_a_key(dotted, text, initials):
    assert [v for _, v in found(dotted, text)] == initials


@pytest.mark.parametrize("text", [
    "C.O. 3.6/2.13, witnessed by R.N., R.T. & resident; 2 mg I.V. Zofran",   # spelled words, abbreviations
    "Reported to the U.S. Department of Health; per C.G.S. 20-7c; Ana Quaxley, J.D.",   # agencies, credentials
    "PT WITNESSED BY Q.B., PLAN PER Q.O. IN A.M.",     # an all-capitals note
    "NPWT: V.A.C. Ultra unit; see q.b. in the log",   # a brand; a lowercase run
])
def test_dotted_letters_that_are_no_initials(dotted, text):
    assert found(dotted, text) == []
