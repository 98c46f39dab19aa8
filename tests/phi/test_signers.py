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


def test_initials_ending_the_rows_under_a_signers_header(signers):
    # "JQ" signs one row only: under the header of a column that holds initials, it is a signer too
    assert found(signers, SITTER_LOG) == ["QX", "QX", "QX", "QX", "JQ"]


def test_a_pipe_table_with_dotted_and_word_like_initials(signers):
    text = ("Date  | Visitor            | Relationship | Staff\n"
            "8/4   | Quaxley, Ana       | wife         | jq\n"
            "8/4   | Quenby Tran        | son          | jq\n"
            "8/5   | Ana Quaxley        | wife         | r.k\n\n"
            "Time | Behavior                      | Init\n"
            "1510 | yelling, pacing                | AS\n"
            "1525 | sitting on mattress, crying    | AS\n"
            "1540 | calmer, asking for his wife    | C.Q.\n")
    assert found(signers, text) == ["jq", "jq", "r.k", "AS", "AS", "C.Q."]


def test_a_medication_records_grid_of_days(signers):
    text = ("Medication            | Time | 11/1 | 11/2 | 11/3 | 11/4\n"
            "donepezil 10 mg PO    | 2000 | QL   | QL   | TK   | R\n"
            "metoprolol 25 mg BID  | 0800 | AM   | AM   | H*   | SO\n"
            "acetaminophen PRN     | PRN  |      | 1400 AM |    | \n")
    assert found(signers, text) == ["QL", "QL", "TK", "AM", "AM", "SO", "AM"]


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
    # a grid of days holding results and routes, not initials
    "Test      | 11/1 | 11/2 | 11/3\nGlucose   | WNL  | WNL  | NEG\nRoute     | PO   | PO   | IV\n",
    # a signer's column holding one set of initials once: too little to say it is a column of them
    "Time   Event                 By\n0800   vitals taken          QX\n0900   ambulated             ok\n",
    # a signer's column of words: a department, a system account, a misspelt word
    "Time   Event                 Given by\n0800   flu vaccine           pharmacy\n0900   PPD read              pneumatic_sys\n"
    "1000   PPD placed            nurssing\n",
    # the same initials far apart are two tables' (or prose), not one column
    "Initials\nSeen   QX\n" + "text line\n" * 50 + "Seen   QX\n" + "text line\n" * 50 + "Seen   QX\n",
    # prose with commas is no CSV export, whatever its last word
    "Seen by staff, family, and the chaplain, per staff\nHe ate well, slept, and walked, per RN\n"
    "She ate, slept, and walked, per RN\n",
])
def test_no_signer(signers, text):
    assert found(signers, text) == []


SIGNER_TABLES = {
    # a CSV export's last column of staff initials
    "csv_last_column": (
        "req_id,received,requester,patient_name,mrn,records,status,fee,staff\n"
        'ROI-25-00112,01/06/2025,Quaxley & Saliba LLP,"Quaxley, Yusuf",3381094,"ED 12/2024, ortho",Fulfilled,$42.10,AMK\n'
        'ROI-25-00113,01/06/2025,self,"Quenby, Ingrid",3390551,"Imaging CD",Fulfilled,$0.00,AMK\n'
        'ROI-25-00127,01/09/2025,SSA,"Quaxo, Thandiwe",3377820,"All 2023-2024",On hold,,JR\n',
        ["AMK", "AMK", "JR"]),
    # signer columns inside a board, read by index in rows as wide as the header
    "board_by_index": (
        "Rm   Pt                      Age  CC                 MD     RN     Status\n"
        "T1   QUAXLEY, Makana         44   MVC, GCS 13        DRM    SB     CT pending\n"
        "3    Quenby, Dale            58   CP                 DRM    SB     trop #2 2200\n"
        "4    Quaxo, Aimee            93   fall, hip pain     PW     Ivy R  ortho called\n"
        "T2   (empty - clean)\n",
        ["DRM", "SB", "DRM", "SB", "PW"]),
    # a column headed "init" holds patients' initials too, none of them repeated
    "initials_column_unrepeated": (
        "case    | init   | age | sex | NIHSS\n"
        "RC-0418 | B.Q.   | 88  | F   | 14\n"
        "RC-0421 | J.T.Q. | 96  | M   | 6\n"
        "RC-0430 | G.Q.   | 57  | M   | 22\n",
        ["B.Q.", "J.T.Q.", "G.Q."]),
    # a boarder log's first column, headed as patients' initials
    "patients_initials_first": (
        "PT (init)  RM   ARRIVED       STATUS   HOLD EXP     BED SEARCH / NOTES\n"
        "T.Q.       D1   10/17 2210   IVC      10/20 2210  declined x6, awaiting state hosp list\n"
        "R.A.Q.     D2   10/18 0440   VOL      --           accepted Quaxley House 10/19\n"
        "J.Q.       D3   10/19 0115   IVC      10/22 0115  med clearance pending\n",
        ["T.Q.", "R.A.Q.", "J.Q."]),
    # a fixed-width board whose header cell spans three columns ("AGE SEX CC"): the signers'
    # cells are those under their headers
    "fixed_width_board": (
        "RM   PT                 AGE SEX CC                ESI LOS   MD  RN  STATUS\n"
        "01   QUAXLEY, S         44  M   SOB               2   3:12  JR  mb  ADMIT-PEND\n"
        "03   QUAXTON, L         7   M   FEVER             4   1:05  AK  tw  D/C\n"
        "04   -- CLEAN --\n"
        "05   QUAXO, ABDI        29  M   ABD PAIN          3   2:18  JR  tw  CT PEND\n",
        ["JR", "mb", "AK", "tw", "JR", "tw"]),
    # a medical examiner's case log names each case's investigator by initials
    "investigator_column": (
        "case_no,decedent,dob,dod,age,manner,disposition,invest,status\n"
        'TC-25-01702,"Quaxley, Eusebio",1948-03-17,2025-10-01,77,NATURAL,RELEASED,RQ,CLOSED\n'
        'TC-25-01703,"Quenby, Ifeoma",1989-11-30,2025-10-02,35,PENDING,AUTOPSY,KQ,OPEN-TOX\n'
        'TC-25-01704,"Quaxton, Harold P",1930-06-05,2025-10-02,95,ACCIDENT,EXTERNAL,RQ,CLOSED\n',
        ["RQ", "KQ", "RQ"]),
    # a release-of-information log's clerk signs its rows
    "clerk_column": (
        "| req#   | rcvd | patient         | purpose    | status    | clerk |\n"
        "| R-5521 | 4/14 | Quaxley, Wanjiru | personal   | sent 4/15 | TQ    |\n"
        "| R-5522 | 4/14 | Quenby, Sven     | disability | sent 4/16 | TQ    |\n"
        "| R-5523 | 4/15 | Quaxton, Ruth    | legal      | HOLD      | MQ    |\n",
        ["TQ", "TQ", "MQ"]),
    # a MAR's "By" and "Witness" columns sign by login; "ok" and "-" sign nothing
    "mar_logins": (
        "TIME  MED                       DOSE    ROUTE  SITE   BY            WITNESS       SCAN\n"
        "0902  diphenhydramine           25 mg   IV     port   lquaxley4     -             ok\n"
        "0903  famotidine                20 mg   IV     port   lquaxley4     -             ok\n"
        "0931  paclitaxel 175 mg/m2      298 mg  IV     port   lquaxley4     qbenoitz      ok\n",
        ["lquaxley4", "lquaxley4", "lquaxley4", "qbenoitz"]),
    # a login is no word of any list: one login signing two rows is enough, with or without a
    # site's suffix; who called a critical value signs its row too
    "login_signing_two_rows": (
        "Dose / test          Date          Product / result          Lot       Given by\n"
        "Hep B #1             01/06/25      0.5 mL IM L deltoid       H29K7     qquaxley\n"
        "Hep B #2             02/05/25      0.5 mL IM R deltoid       H29K7     qquaxley\n"
        "anti-HBs (qual)      03/19/25      POSITIVE, 64 mIU/mL\n",
        ["qquaxley", "qquaxley"]),
    "csv_user_with_a_sites_suffix": (
        "ts,specimen_id,mrn,event,user,workstation_ip,location\n"
        "2026-02-08T22:41:07Z,SP260208-0001,000771562,COLLECTED,tquenby-oti,10.20.8.114,ED-POD-C\n"
        "2026-02-08T22:58:33Z,SP260208-0001,000771562,TUBE_RECEIVED,pneumatic_sys,,TUBE-STN-3\n",
        ["tquenby-oti"]),
    "caller_column": (
        "Date/Time        Pt / MRN                     Test   Result   Called to            Caller     RB  Min\n"
        "1/12 0214        Quaxley, June / HC00991043   K      6.8      Luis Quenby RN 3W    squaxo     Y   11\n"
        "1/12 0940        Quenby, Sefa / HC01204517    Hgb    5.9      Dr R. Quaxton        dquenbee   Y   7\n",
        ["squaxo", "dquenbee"]),
    # a piped log whose empty last cell was dropped still has its "By" cell by index
    "piped_row_without_its_last_cell": (
        "Date   | Dose | How       | By         | AE / note\n"
        "02/02  |  Y   | in-person | QLF        | mild nausea\n"
        "02/03  |  Y   | in-person | QLF        |\n"
        "02/04  |  Y   | vDOT      | QLF        | video clear\n",
        ["QLF", "QLF", "QLF"]),
}


@pytest.mark.parametrize("text,expected", SIGNER_TABLES.values(), ids=SIGNER_TABLES.keys())
def test_signer_tables(signers, text, expected):
    assert found(signers, text) == expected
