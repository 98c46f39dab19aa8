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


def test_a_date_is_no_claim_number_but_a_date_under_a_date_header(columns):
    assert cells(columns, "Claim #        Date\n03/14/2025     03/15/2025\n") == [("DATE", "03/15/2025")]


def test_a_birth_date_column_vouches_for_a_table_and_its_dates_are_reported(columns):
    text = "Name          DOB\nLARKIN, Jon   09/14/1944\n"
    assert cells(columns, text) == [("PERSON", "LARKIN, Jon"), ("DATE", "09/14/1944")]
    # a date of care does not make a list of names a patient list
    assert cells(columns, "Name          Date\nLARKIN, Jon   09/14/2025\n") == []


SCHEDULE_CSV = (
    "date,time,patient_name,dob,mrn,provider,phone,ins_member_id\n"
    '2025-04-22,08:00,"Quaxley, Amina",1990-02-17,100447281,Dr. K. Osei,404-555-0112,AMG771840221\n'
    '2025-04-22,08:20,"Do, An",1961-09-03,100391077,NP Rose Delacroix,404-555-0175,\n'
)


def test_csv_rows_under_a_header_of_snake_case_names(columns):
    assert cells(columns, SCHEDULE_CSV) == [
        ("DATE", "2025-04-22"), ("PERSON", "Quaxley, Amina"), ("DATE", "1990-02-17"), ("MRN", "100447281"),
        ("PERSON", "K. Osei"), ("PHONE", "404-555-0112"), ("HEALTH_PLAN", "AMG771840221"),
        ("DATE", "2025-04-22"), ("PERSON", "Do, An"), ("DATE", "1961-09-03"), ("MRN", "100391077"),
        ("PERSON", "Rose Delacroix"), ("PHONE", "404-555-0175"),
    ]   # times stay; a title stays outside the name


def test_a_claim_forms_service_lines_dates_in_boxes_and_rendering_npi(columns):
    text = ("24  Line  DOS From    DOS To      POS  CPT/HCPCS  Charges   Units  Rendering NPI\n"
            "    1     09 19 24    09 19 24    11   99214      $165.00   1      1548203361\n"
            "    2     09 20 24    09 20 24    11   94060      $98.00    1      1548203361\n")
    assert cells(columns, text) == [
        ("DATE", "09 19 24"), ("DATE", "09 19 24"), ("LICENSE", "1548203361"),
        ("DATE", "09 20 24"), ("DATE", "09 20 24"), ("LICENSE", "1548203361")]   # not the CPT codes


def test_a_fixed_width_row_pushed_along_by_a_long_name_is_read_by_index(columns):
    text = ("RM  START  PATIENT                    MRN        AGE/SEX  PROCEDURE\n"
            "01  0730   QUAXLEY-FITZGERALD, SEAMUS P   M4471902   71 M     R TKA (27447)\n"
            "02  0915   QUENBY, ANA                Q5502287   64 F     L THA\n")
    assert cells(columns, text) == [("PERSON", "QUAXLEY-FITZGERALD, SEAMUS P"), ("MRN", "M4471902"),
                                    ("PERSON", "QUENBY, ANA"), ("MRN", "Q5502287")]


def test_one_blank_line_under_a_header_still_leads_to_its_rows(columns):
    text = ("Entry       Decedent                     MRN         Age\n"
            "\n"
            "M-2025-188  QUAXLEY, TRUNG               00918227    77\n")
    assert cells(columns, text) == [("PERSON", "QUAXLEY, TRUNG"), ("MRN", "00918227")]


def test_a_csv_row_whose_name_has_an_unquoted_comma(columns):
    # an export that did not quote "Quenby, S.": the comma followed by a space is inside a field
    text = ("appt_id,mrn,last_name,first_name,dob,provider,reason,phone\n"
            "A-558201,LS-30418,Quaxley,Chanthy,1968-02-11,Quenby, S.,DM f/u,978-555-0121\n"
            "A-558214,LS-22107,Quaxton,Bounmy,1955-09-30,Lo, K.,HTN,978-555-0144\n")
    assert [c for c in cells(columns, text) if c[0] in ("PERSON", "PHONE")] == [
        ("PERSON", "Quaxley"), ("PERSON", "Chanthy"), ("PERSON", "Quenby, S."), ("PHONE", "978-555-0121"),
        ("PERSON", "Quaxton"), ("PERSON", "Bounmy"), ("PERSON", "Lo, K."), ("PHONE", "978-555-0144")]


@pytest.mark.parametrize("text", [
    # a sentence with commas is no CSV header, nor are its next lines rows
    "Patient name, DOB and MRN must be on every page of the packet.\nSpecimen labeled, sent to lab, 2 tubes\n",
    # a medication list's names are no patients, even in a table with a name column
    "name,dose,route,frequency\nMetformin,500 mg,PO,BID\nLisinopril,10 mg,PO,daily\n",
    # a row with another number of fields is no row of the CSV, nor one whose commas cannot be told
    "mrn,name,dob\nsee the attached list, and call me, please, before noon\n",
    "mrn,name,dob\n0047181, Quaxley, Ana, 1961-09-03\n",
])
def test_no_csv_table(columns, text):
    assert cells(columns, text) == []


def test_query_output_with_underscored_headers_and_ages(columns):
    text = (" mrn      | last_name  | first_name | age | admit_dt\n"
            "----------+------------+------------+-----+------------------\n"
            " 00771842 | WU         | JIAN       | 93  | 2025-03-02 14:11\n"
            " 00802215 | QUAXLEY    | FAITH      | 71  | 2025-03-03 02:40\n")
    assert cells(columns, text) == [
        ("MRN", "00771842"), ("PERSON", "WU"), ("PERSON", "JIAN"), ("AGE", "93"), ("DATE", "2025-03-02"),
        ("MRN", "00802215"), ("PERSON", "QUAXLEY"), ("PERSON", "FAITH"), ("DATE", "2025-03-03"),
    ]   # an age under 90 is no identifier


def test_a_provider_written_as_a_word_and_an_initial_is_a_name(columns):
    text = ("date,patient,mrn,provider,visit\n"
            "2025-03-12,\"Quaxley, Amina\",00731884,Lake R,f/u CHF\n"
            "2025-03-12,\"Do, An\",00689120,R. Bird,sick\n"
            "2025-03-12,\"Vell, Ora\",00102235,Vitamin D,lab\n"       # a clinical term and a letter
            "2025-03-12,\"Vell, Ora\",00102235,Factor V,lab\n")       # a Roman numeral is no initial
    found = [value for kind, value in cells(columns, text) if kind == "PERSON"]
    assert "Lake R" in found and "R. Bird" in found
    assert "Vitamin D" not in found and "Factor V" not in found


def test_a_name_and_an_age_column_vouch_for_a_table(columns):
    # a hospice team's review: no identifier column, but a name beside an age is a person's
    text = ("Patient\tAge\tDx\tLOC\n"
            "Quaxley, Cornelius\t88\tALS\tRHC\n"
            "Liang Quen-Hui\t102\tdementia/FTT\tRHC\n")
    assert cells(columns, text) == [("PERSON", "Quaxley, Cornelius"), ("PERSON", "Liang Quen-Hui"),
                                    ("AGE", "102")]
    # an age column alone, or a name column beside no age, still says nothing
    assert cells(columns, "Drug\tAge\tDose\nMetformin\t92\t500 mg\n") == []
    assert cells(columns, "Name\tDose\tRoute\nMetformin\t500 mg\tPO\n") == []


def test_an_access_logs_users_by_login_and_name(columns):
    text = ("timestamp,user_id,user_name,role,workstation_ip,action\n"
            '2024-02-03T07:41:09,qlindstrom,"Quaxstrom, Megan",RN-ED,198.51.100.23,VIEW\n'
            '2024-02-03T08:02:55,aokafor3,"Okafor, Quenby",MD-ED,198.51.100.31,SIGN\n')
    assert cells(columns, text) == [("PERSON", "qlindstrom"), ("PERSON", "Quaxstrom, Megan"),
                                    ("PERSON", "aokafor3"), ("PERSON", "Okafor, Quenby")]
    # a login's shape counts only under a header that names a user or a name outright
    assert cells(columns, "Name,MRN\nmetformin2,00458231\n") == [("MRN", "00458231")]
    assert cells(columns, 'user_id,user_name,action\nsystem,unknown,VIEW\nsvc_hl7_lab,"INTERFACE, LAB",WRITE\n') == []
    # a name made of words that are names too stays one
    assert cells(columns, 'user_id,user_name,action\nwstorm,"Storm, Winter",VIEW\n') == [
        ("PERSON", "wstorm"), ("PERSON", "Storm, Winter")]


def test_any_numbered_column_is_an_identifier_in_a_table_about_people(columns):
    text = ("registry_id\tlast_name\tfirst_name\tcounty\n"
            "HCV-0412\tQuaxley\tDustin\tBreathitt\n")
    assert cells(columns, text) == [("ID", "HCV-0412"), ("PERSON", "Quaxley"), ("PERSON", "Dustin"),
                                    ("LOCATION", "Breathitt")]
    # alone it vouches for nothing, and counters, codes and lots are no identifiers
    assert cells(columns, "Tag #    Triage\n0074412  RED\n") == []
    assert cells(columns, "Room #   Lot #     Patient name\n4112     AB12345   Quaxley, Ann\n") == [
        ("PERSON", "Quaxley, Ann")]


def test_a_timesheet_export_names_its_aides_clients_and_addresses(columns):
    text = ("aide_id,aide_name,client,client_addr,date,in,out,hrs,tasks\n"
            'E20417,Quella Diallo,Quaxley Henry,88 Quenby St,2025-05-12,08:00,12:00,4.0,"bath, meal, meds reminder"\n'
            'E19833,Lupe Quaxo,O\'Quenby Maeve,12 Harbor View Ter Unit 5,2025-05-13,13:00,17:30,4.5,"escort"\n')
    assert cells(columns, text) == [
        ("ID", "E20417"), ("PERSON", "Quella Diallo"), ("PERSON", "Quaxley Henry"), ("LOCATION", "88 Quenby St"),
        ("DATE", "2025-05-12"),
        ("ID", "E19833"), ("PERSON", "Lupe Quaxo"), ("PERSON", "O'Quenby Maeve"), ("LOCATION", "12 Harbor View Ter Unit 5"),
        ("DATE", "2025-05-13"),
    ]


def test_a_docket_column_is_an_identifier(columns):
    text = ("Participant | Docket | Phase | Notes\n"
            "Quaxo Price | 24-DC-0117 | 2 | new job\n")
    assert ("ID", "24-DC-0117") in cells(columns, text)


def test_a_studys_subject_and_staff_columns(columns):
    text = ("Subj ID   Name                 Card acct     Visit  Date        Paid by\n"
            "PAF-031   Quaxley, Tolu        7700418823    V3     02/04/25    QN\n"
            "\n"
            "case_id,sched_date,room,pt_name,mrn,surgeon,item,qty,crc\n"
            "C-250314-0021,2025-03-14,OR7,\"Quenby, Bartosz\",P0662013,Quaxton,drape,1,fquaxley\n"
            "C-250314-0022,2025-03-14,OR7,\"Quenby, Bartosz\",P0662013,Quaxton,K-wire,6,cartsvc\n")
    got = cells(columns, text)
    assert ("ID", "PAF-031") in got and ("PERSON", "Quaxley, Tolu") in got
    assert got.count(("PERSON", "Quaxton")) == 2 and ("PERSON", "fquaxley") in got
    assert ("PERSON", "cartsvc") not in got      # a service account, no one's login
    assert ("ID", "V3") not in got


def test_an_anesthesia_column_holds_its_kind_not_initials(columns):
    text = ("MRN        Patient            Procedure         Anes   Class\n"
            "M4490330   QUAXLEY, ARMEN     LAP CHOLE         GA     ELEC\n"
            "M4502119   QUENBY, SIONE      CATARACT          MAC    ELEC\n")
    assert [v for k, v in cells(columns, text) if k == "PERSON"] == ["QUAXLEY, ARMEN", "QUENBY, SIONE"]


def test_a_line_lists_last_and_first_an_infusion_schedules_nurses_and_a_feeds_facility(columns):
    text = ("line,last,first,age,sex,role,onset_date\n"
            "1,Quaxley,Agnessa,94,F,resident,2026-01-04\n"
            "\n"
            "chair\ttime\tpatient\tMRN\tregimen\tRN\n"
            "B1\t0730\tQuenby, Theo\t3390187\tdaratumumab SC\thquaxley2\n"
            "\n"
            "Facility\tVisit_ID\tAge\tZIP\tComplaint\n"
            "Quaxmoor Flats Med Ctr\tV00918273\t67\t85009\theat\n"
            "Main Campus ED\tV00918301\t34\t85043\theat\n")
    got = cells(columns, text)
    assert {("PERSON", "Quaxley"), ("PERSON", "Agnessa"), ("AGE", "94"), ("PERSON", "hquaxley2"),
            ("ORGANIZATION", "Quaxmoor Flats Med Ctr")} <= set(got)
    assert ("ORGANIZATION", "Main Campus ED") not in got     # every word ordinary: a place, no name


def test_a_facility_column_alone_says_nothing_of_people(columns):
    # an organization column, like a name's, needs a column that identifies someone
    assert cells(columns, "Facility\tBeds\tOccupancy\nQuaxmoor Flats Med Ctr\t212\t0.83\n") == []


@pytest.mark.parametrize("text,expected", [
    # a clinic's day list (dev-m, session 24): appointment numbers are ACCOUNT by the guidelines
    ("APPT#     | TIME  | PATIENT                       | DOB         | MRN\n"
     "A7713801  | 08:00 | QUAXLEY, TEMITOPE             | 04/11/1991  | LW221904\n"
     "A7713802  | 08:20 | QUENBY, MARIA                 | 12/30/1984  | LW118032\n",
     [("ACCOUNT", "A7713801"), ("ACCOUNT", "A7713802"), ("MRN", "LW118032")]),
    # a specimen receipt log (dev-n, session 25): who received the specimen is a login
    ("ACCESSION     MRN        PATIENT                   TESTS           REC BY\n"
     "C26-000114    0048812    QUAXLEY, GRACE A          BMP MG CBC      qkumar3\n"
     "C26-000115    0091774    QUENBY, BAO Q             ABG LACT        tquaxjos\n",
     [("PERSON", "qkumar3"), ("PERSON", "tquaxjos")]),
    # a glucose meter's QC log (dev-n, session 25): an operator's number is an ID
    ("DATE      METER         LEVEL 1   LEVEL 2   OPERATOR ID   OPERATOR NAME        PASS\n"
     "11/03/25  UN12044871    48        301       40217         Quaxley, Consuelo    Y\n"
     "11/04/25  UN12044902    44        322       38551         Quenby, Nasrin       Y\n",
     [("ID", "40217"), ("ID", "38551")]),
])
def test_the_columns_a_header_names(columns, text, expected):
    found = cells(columns, text)
    assert set(expected) <= set(found)
    assert not any(value in ("48", "301", "Y", "08:00", "BMP MG CBC") for _, value in found)


def test_an_evidence_logs_seal_numbers_and_who_collected(columns):
    text = ("ITEM  DESCRIPTION                               SEAL #       COLLECTED   BY\n"
            "1     Sexual assault evidence kit (standard)     004418A      0315        TQ\n"
            "2     Underwear, paper bag                       004419A      0320        TQ\n")
    assert cells(columns, text) == [("ID", "004418A"), ("PERSON", "TQ"), ("ID", "004419A"), ("PERSON", "TQ")]


@pytest.mark.parametrize("value, date", [
    ("2025-03-04T10:22:31Z", "2025-03-04T10"),       # the date's token; the minutes are no one's
    ("2025-03-04T102233Z", "2025-03-04T102233Z"),    # one token, all of it
    ("2025-03-04 10:22", "2025-03-04"),
    ("19330522", "19330522"),
])
def test_a_date_cell_is_its_date(value, date):
    from gateway.phi.recognizers.columns import cell_value
    start, end = cell_value("DATE", value)
    assert value[start:end] == date


def test_a_school_logs_student_ids_and_a_rosters_state_licences(columns):
    # a health office's log by student and id, a network roster's "GA Lic" (dev-q, session 30)
    log = ("Time  | Student               | Gr/Tchr          | Stu ID   | Complaint\n"
           "0742  | Quaxley, Jaylen       | 3 / Quenby        | 2219087  | daily med\n")
    assert ("ID", "2219087") in cells(columns, log)
    assert ("PERSON", "Quaxley, Jaylen") in cells(columns, log)
    roster = ("Action | Last         | First     | Deg  | NPI        | GA Lic     | Specialty\n"
              "ADD    | Quaxley      | Eri       | MD   | 1265039918 | MD083301   | Family Med\n")
    assert ("LICENSE", "MD083301") in cells(columns, roster)


def test_staff_initials_count_in_any_table_but_only_as_initials(columns):
    # a vaccine log and a therapy record vouch for nothing else; their staff columns hold initials (session 30)
    log = ("VACCINE            DOSE  DATE GIVEN   LOT         MFR   SITE  GIVEN BY\n"
           "HepB               1     06/02/2019   HB4471X     MSD   RT    QL\n"
           "DTaP-IPV-Hib-HepB  1     08/05/2019   VX21C33     SP    LT    OK\n")
    assert cells(columns, log) == [("PERSON", "QL")]       # not the date, the lot, the site or "OK"
    record = ("Fx   Date        Daily  Cum    Imaging   Ther     Notes\n"
              " 1   01/05/26    267    267    kV/CBCT   QB/QM    trace ok\n")
    assert cells(columns, record) == [("PERSON", "QB/QM")]


def test_a_row_holding_a_staff_word_does_not_end_a_table(columns):
    table = ("Patient            MRN        Role  Note\n"
             "QUAXLEY, ANA       00771342   RN    first\n"
             "QUENBY, LI         01196620   MD    second\n")
    assert ("MRN", "01196620") in cells(columns, table)


def test_credentials_after_a_name_are_no_initials(columns):
    lines = ("Reported by: Quella Quaxley, RN, ext 5120\n"
             "Manager review: P. Quenby, MSN, RN   3/9/25\n")
    assert cells(columns, lines) == []


def test_an_audit_exports_logins_in_capitals(columns):
    # an EHR access log writes its users' logins in capitals (dev-r, session 30)
    log = ("  User ID    Name                  Date        Workstation   Activity\n"
           "  QABDIRA1   Quaxley, Hodan        08/14/2025  NPWDC-FD02    Chart Review\n")
    assert ("PERSON", "QABDIRA1") in cells(columns, log)


def test_a_write_off_lists_guarantors_and_visit_accounts(columns):
    # "Gtr #" and "Visit acct" name a guarantor's and a visit's accounts (dev-r, session 30)
    batch = ("Gtr #      Guarantor                      Visit acct    DOS          Bal        Agency  Notes\n"
             "90009114   QUAXLEY MORENO, JOSE L         2100198772    10/02/24     1,904.55   SCRG    no contact\n")
    found = cells(columns, batch)
    assert ("ACCOUNT", "90009114") in found and ("ACCOUNT", "2100198772") in found
    assert ("PERSON", "QUAXLEY MORENO, JOSE L") in found


def test_a_recontact_log_and_a_bad_debt_list_by_their_headers(columns):
    # "Part ID", "HIC/MBI", "Beneficiary" (dev-r, session 30)
    log = ("Part ID    | Name                    | Contact            | Outcome\n"
           "BR-031155  | Quaxley, Comfort        | 216-555-0122       | AGREED\n")
    assert ("PERSON", "Quaxley, Comfort") in cells(columns, log) and ("ID", "BR-031155") in cells(columns, log)
    mbi = ("HIC/MBI          Beneficiary               Ded/Coins unpaid\n"
           "4RT3PL8YX22      Quenby, Ida               200.00\n")
    assert cells(columns, mbi) == [("HEALTH_PLAN", "4RT3PL8YX22"), ("PERSON", "Quenby, Ida")]
