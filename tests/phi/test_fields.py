"""gateway/phi/recognizers/fields.py: identifiers in JSON records (tool calls, FHIR)."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.fields import FieldRecognizer, pairs
from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


@pytest.fixture(scope="module")
def fields():
    return FieldRecognizer()


def values(recognizer, text):
    return [(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, [])]


TOOL_RESULT = """{"status": "ok", "patient": {"id": "p-93f1c0a7", "patient_name": "Adaku Quaxley-Eze",
 "dob": "1931-11-30", "mrn": "00493817", "age": 93, "sex": "F",
 "address": {"line": "55 Ridgewood Terrace, Apt 4", "city": "Montclair", "state": "NJ", "zip": "07042"},
 "phones": [{"type": "home", "phone": "973-555-0109"}], "pcp": "Dr. Ilana Quaxley"},
 "medications": [{"name": "metformin", "dose": "500 mg"}]}"""


def test_a_tool_result_record(fields):
    assert values(fields, TOOL_RESULT) == [
        ("ID", "p-93f1c0a7"), ("PERSON", "Adaku Quaxley-Eze"), ("DATE", "1931-11-30"), ("MRN", "00493817"),
        ("AGE", "93"), ("LOCATION", "55 Ridgewood Terrace, Apt 4"), ("LOCATION", "Montclair"),
        ("LOCATION", "07042"), ("PHONE", "973-555-0109"), ("PERSON", "Ilana Quaxley"),
    ]   # the state, the sex, an age key's small value elsewhere, a drug's "name" and the title stay


FHIR_PATIENT = """{
  "resourceType": "Patient",
  "id": "7f3a91c2-4b0e-4d7a-9a11-0c55e2d81f40",
  "meta": {"lastUpdated": "2025-03-04T10:22:31Z"},
  "identifier": [{"type": {"coding": [{"code": "MR"}]}, "system": "http://hospital.example.org/mrn", "value": "MRN6203384"}],
  "name": [{"use": "official", "family": "Tesfaye", "given": ["Meseret", "Alem"]}],
  "telecom": [{"system": "phone", "value": "+1-612-555-0124"}, {"system": "email", "value": "mt@example.org"}],
  "birthDate": "1931-06-02",
  "address": [{"line": ["2821 Quaxley Ave S, Unit 5"], "city": "Minneapolis", "district": "Hennepin",
               "state": "MN", "postalCode": "55407-1638"}],
  "generalPractitioner": [{"reference": "Practitioner/8841", "display": "Rao, Sandeep K."}],
  "managingOrganization": {"reference": "Organization/12", "display": "Twin Rivers Health"}
}"""


def test_a_fhir_patient(fields):
    got = values(fields, FHIR_PATIENT)
    for expected in [("ID", "7f3a91c2-4b0e-4d7a-9a11-0c55e2d81f40"), ("DATE", "2025-03-04T10"),
                     ("ID", "MRN6203384"), ("PERSON", "Tesfaye"), ("PERSON", "Meseret"), ("PERSON", "Alem"),
                     ("PHONE", "+1-612-555-0124"), ("EMAIL", "mt@example.org"), ("DATE", "1931-06-02"),
                     ("LOCATION", "2821 Quaxley Ave S, Unit 5"), ("LOCATION", "Minneapolis"),
                     ("LOCATION", "Hennepin"), ("LOCATION", "55407-1638"), ("PERSON", "Rao, Sandeep K."),
                     ("ID", "8841"), ("ORGANIZATION", "Twin Rivers Health")]:   # a clinician's reference too
        assert expected in got
    assert not [v for _, v in got if v in ("MN", "official", "phone", "MR", "http://hospital.example.org/mrn", "12")]


def test_an_encounter_references_its_patient_by_id(fields):
    text = ('{"resourceType": "Encounter", "id": "enc-61740-v2", "subject": {"reference": "Patient/c41d0e9b",'
            ' "display": "Kwame Quaxley"}, "period": {"start": "2025-03-04T09:15:00-05:00"},'
            ' "serviceProvider": {"reference": "Organization/3"}}')
    assert values(fields, text) == [("ID", "enc-61740-v2"), ("ID", "c41d0e9b"), ("PERSON", "Kwame Quaxley"),
                                    ("DATE", "2025-03-04T09")]


def test_any_resource_about_a_patient_is_identified_by_its_id(fields):
    # an Observation's, a Consent's id is a record of one person's care; a Medication's or an
    # Organization's is not, nor a path that only looks like a reference
    text = ('{"resourceType": "Observation", "id": "obs-991823", "status": "final",'
            ' "consent": {"reference": "Consent/c-2291"}, "performer": {"reference": "Organization/4471"},'
            ' "contained": [{"resourceType": "Medication", "id": "med-0042"}], "reference": "api/v2/12"}')
    assert values(fields, text) == [("ID", "obs-991823"), ("ID", "c-2291")]


@pytest.mark.parametrize("text", [
    # nothing identifies anyone: a medication list's names, an order set's dates
    '{"medications": [{"name": "Lisinopril", "dose": "10 mg"}, {"name": "Metformin"}], "start": "2025-03-01"}',
    '{"city": "Boston", "age": 94}',
    # prose with quotes and colons is no record
    'She said "ok": fine. Then "name": none of that was recorded.',
])
def test_no_identifying_record_no_finding(fields, text):
    assert values(fields, text) == []


def test_a_truncated_record_still_pairs_its_keys():
    got = [(p.key, p.value) for p in pairs('tool_result: {"mrn": "00493817", "given": ["Ada", "Bea"], "dob": "19')]
    # the cut value's digits are still the birth date's
    assert got == [("mrn", "00493817"), ("given", "Ada"), ("given", "Bea"), ("dob", "19")]


def test_tool_call_arguments_through_the_analyzer(analyzer):
    text = '{"patient_name": "Quaxley, Adaeze", "date_of_birth": "03/09/1944", "member_id": "W228461777"}'
    got = findings(analyzer, text)
    for expected in [("PERSON", "Quaxley, Adaeze"), ("DATE", "03/09/1944"), ("HEALTH_PLAN", "W228461777")]:
        assert expected in got


def test_a_key_ending_in_id_is_no_identifier_unless_listed(fields):
    # a table's "registry_id" column counts beside a name; a JSON key so named is a tool call's,
    # a model's, anything's
    text = '{"tool_call_id": "call_8841207", "model_id": "gpt-4o-2024-08-06", "patient_name": "Ada Quaxley"}'
    assert values(fields, text) == [("PERSON", "Ada Quaxley")]


def test_a_tool_calls_arguments_pasted_with_their_quotes_escaped(fields):
    # the API sends "arguments" as a string of JSON; a prompt pastes it so
    text = ('{"tool_calls":[{"function":{"name":"book_appt","arguments":"{\\"patient_mrn\\":\\"MC-5502931\\",'
            '\\"patient_name\\":\\"Quaxley, Lakshmi\\",\\"provider_login\\":\\"dquenbyman\\",\\"visit_type\\":\\"FU30\\"}"}}]}')
    got = values(fields, text)
    assert ("PERSON", "Quaxley, Lakshmi") in got and ("PERSON", "dquenbyman") in got
    assert all(v.strip() == v and '"' not in v and "\\" not in v for _, v in got)
    assert ("PERSON", "FU30") not in got and not any(v == "book_appt" for _, v in got)


ERX = """<Message><Body><NewRx>
<Pharmacy><Identification><NCPDPID>7718204</NCPDPID><NPI>1902276533</NPI></Identification>
   <BusinessName>Quaxton Family Drug</BusinessName>
   <Address><AddressLine1>5400 W Quax Dr</AddressLine1><City>Quaxton</City><StateProvince>WI</StateProvince>
   <PostalCode>53216</PostalCode></Address></Pharmacy>
<Prescriber><NonVeterinarian><Identification><NPI>1083615529</NPI><DEANumber>BQ4471920</DEANumber></Identification>
   <Name><LastName>Quaxley</LastName><FirstName>Jean-Robert</FirstName></Name></NonVeterinarian></Prescriber>
<Patient><HumanPatient><Name><LastName>Quenby</LastName><FirstName>Loretta</FirstName><MiddleName>Mae</MiddleName></Name>
   <Gender>F</Gender><DateOfBirth><Date>1931-08-05</Date></DateOfBirth></HumanPatient></Patient>
<MedicationPrescribed><DrugDescription>metformin 500 mg tablet</DrugDescription><Quantity><Value>60</Value></Quantity>
</MedicationPrescribed></NewRx></Body></Message>"""


def test_an_e_prescriptions_xml_elements(fields):
    got = values(fields, ERX)
    assert got == [("LICENSE", "1902276533"), ("ORGANIZATION", "Quaxton Family Drug"), ("LOCATION", "5400 W Quax Dr"),
                   ("LOCATION", "Quaxton"), ("LOCATION", "53216"), ("LICENSE", "1083615529"), ("LICENSE", "BQ4471920"),
                   ("PERSON", "Quaxley"), ("PERSON", "Jean-Robert"), ("PERSON", "Quenby"), ("PERSON", "Loretta"),
                   ("PERSON", "Mae"), ("DATE", "1931-08-05")]


def test_xml_elements_are_paired_with_their_parent():
    got = [(p.owner.key, p.key, p.value) for p in pairs("<Name><LastName> Quaxley </LastName><Suffix/></Name>"
                                                       "<Note>line one\nline two</Note><a><b>x</b>")]
    assert got == [("Name", "LastName", "Quaxley"), ("a", "b", "x")]   # no multi-line text, no empty element


def test_an_xml_record_with_no_identifying_field_names_no_one(fields):
    text = "<Drug><Name>Lasix</Name><Strength>40 mg</Strength></Drug><City>Quaxton</City>"
    assert values(fields, text) == []
