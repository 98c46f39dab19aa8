"""The pattern recognizers (gateway/phi/recognizers), run through a real Presidio
AnalyzerEngine built offline (spacy.blank("en"), only our recognizers)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from gateway.phi.kinds import KINDS
from gateway.phi.recognizers import (
    DEFAULT_PATTERNS,
    VALIDATORS,
    ContextPatternRecognizer,
    RecognizerConfigError,
    blank_analyzer,
    build_recognizers,
    load_recognizers,
)
from gateway.phi.recognizers import validators as V

from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


def _ids(cases):
    return [f"{c[0]}:{c[1][:48]}" for c in cases]


# ------------------------------------------------------------------ positives
# (kind, text, the exact value that must be reported as that kind)
POSITIVE = [
    # a contact's number stamped with its day (dev-r, session 30)
    ("ID", "2025-0713-11802  | Trevor (no last)        | 717-555-0143", "2025-0713-11802"),
    ("ID", "  - Contact 2025-0911-15522, 9/11 2230, 38 min, counselor Q. Quaxley.", "2025-0911-15522"),
    # a card or bank account by its last four after a mask, a guarantor's number (dev-r, session 30)
    ("ACCOUNT", "Set up plan $107/mo x 6. Card on file Visa x0934. Plan PP-0032104.", "0934"),
    ("ACCOUNT", "$275.40 ACH ****2210 — ACCEPTED, conf WEB-88301542", "2210"),
    ("ACCOUNT", "Payment type: VISA (chip)\nCard: ************3320\nAuth code: 04417B", "3320"),
    ("ACCOUNT", "Guarantor: Quaxley, Ana — gtr 90027930 — email on profile", "90027930"),
    # a relative's age after an aside, a life's length in words (dev-q, session 30)
    ("AGE", "Walt Quaxley (great-grandfather, lives w/ family, 91), N. Quenby", "91"),
    ("AGE", "great-grandmother also in the home, 96, pt is partly her caregiver", "96"),
    ("AGE", 'member says "I\'ve lived ninety-one years, I don\'t want the hospital"', "ninety-one"),
    # a period of coverage or authorization between two month/day dates (dev-q, session 30)
    ("DATE", "Mbr also had Marketplace plan (Ambetter) 8/1-10/31 -> Ambetter primary", "8/1-10/31"),
    # transplant: member codes in a match run, an OPO by its acronym, a donor's UNOS id (dev-q, session 30)
    ("ORGANIZATION", " 3   ---  QUAXLEY, JOSEPH        QUAX-TX1  O    47   97    2/1/1", "QUAX-TX1"),
    ("ORGANIZATION", "Donor: deceased, UNOS QXAB290, OPO QXDA, specimen: LN + spleen", "QXDA"),
    ("ID", "Donor: Quaxley Quenby     UNOS Donor ID: QXAB290     Referral:", "QXAB290"),
    ("ID", "wedge biopsy (deceased donor QXAB290, QXDA)", "QXAB290"),
    # a draft's tracked-change comments by initials (dev-q, session 30)
    ("PERSON", "A 67-year-old man [COMMENT QA: should we change age to late 60s?]", "QA"),
    ("PERSON", "He underwent AVR. Comment [QM1]: remove surgeon name", "QM"),
    # equipment, infusion and specialty pharmacy companies, a transplant lab (dev-q, session 30)
    ("ORGANIZATION", "home O2 2L - DME (Apria) delivered, concentrator on", "Apria"),
    ("ORGANIZATION", "Serologies (Viracor accession VX2510140088): HIV NR", "Viracor"),
    ("ORGANIZATION", "Cell 956-555-0145      Work: H-E-B #412 (call cell)", "H-E-B"),
    # numbers a federal program gives a facility or a query, after their label (session 30)
    ("ID", "Facility: Quaxton Bend Dialysis    CCN 362718\n22. Physician", "362718"),
    ("ID", "Hospice: Quenby Grove Hospice   CCN 10-1587\nBeneficiary", "10-1587"),
    ("ID", "verification complete (NPDB query 5500004471193 -- no reports)", "5500004471193"),
    # a ZIP code after its label (whose "code" had kept it out), coordinates after a label's aside (dev-p, session 29)
    ("LOCATION", "Addr at Dx - Postal Code ...... 43917\nCounty at Dx ...... Quaxton", "43917"),
    ("LOCATION", "Patient zip code: 02134 per registration", "02134"),
    ("LOCATION", "Scene GPS (ePCR): 40.58213, -79.90144\nPlace of injury", "40.58213, -79.90144"),
    ("LOCATION", "Found at GPS 46.9012 N, 119.6270 W. EMS on scene 0532", "46.9012 N, 119.6270 W"),
    # a day and a month's abbreviation without a year (dev-p, session 29)
    ("DATE", "Quaxton, LA  318-555-0172 -- notified by rear det 11 MAR\n\nINJURY", "11 MAR"),
    ("DATE", "MDRO screen pending (Acinetobacter swab sent 10 Mar).", "10 Mar"),
    # a verification screen's last four and the VA's initial-and-last-four code (dev-p, session 29)
    ("SSN", "Verified: name/DOB/last4 0915\nPt: Quaxley, Ana", "0915"),
    ("SSN", "Veteran: Quaxley, Lyle   Last 4: 6230   DOB 10/03/1968", "6230"),
    ("SSN", "PATIENT: QUAXLEY,MINH KHOA (Q4417)    PACT: BLUE TEAM 2", "Q4417"),
    # military bases and outposts (dev-p, session 29)
    ("LOCATION", "Stressor #2: small-arms fire at COP Quaxley Nov 2009, platoon leader", "COP Quaxley"),
    ("LOCATION", "Locations/dates: Joint Base Quaxton, Iraq -- Jan 2007 to Dec 2007", "Joint Base Quaxton"),
    ("LOCATION", "Deployed Quaxton Airfield x2. Civilian noise: HVAC", "Quaxton Airfield"),
    ("LOCATION", "veteran recalls mortar impacts at FOB Quaxley in 2008", "FOB Quaxley"),
    # military units, squadrons and ships (dev-p, session 29)
    ("ORGANIZATION", "41 yo Marine (2002-2010; 3rd Battalion, 7th Marines), two tours", "3rd Battalion, 7th Marines"),
    ("ORGANIZATION", "Unit: B Btry, 5th Bn, 4th ADA Regt   Home station: Quaxton", "B Btry, 5th Bn, 4th ADA Regt"),
    ("ORGANIZATION", "deployed with C Co, 1-506th IN, Camp Quaxley", "C Co, 1-506th IN"),
    ("ORGANIZATION", "HEADQUARTERS, 2ND BATTALION, 135TH INFANTRY REGIMENT\n1000 ARMORY DR",
     "2ND BATTALION, 135TH INFANTRY REGIMENT"),
    ("ORGANIZATION", "Army veteran, 31B military police 2007-2015 (93rd MP Bn, Fort Quaxley)", "93rd MP Bn"),
    ("ORGANIZATION", "pain since parachute landing injury (served 25th ID). MRI", "25th ID"),
    ("ORGANIZATION", "Helmand province (3/5 Marines, Kilo Co)", "3/5 Marines, Kilo Co"),
    ("ORGANIZATION", "Navy veteran (2014-2020, AM, VFA-106, NAS Quaxton)", "VFA-106"),
    ("ORGANIZATION", "UNIT: USS Quaxley Quenby (CVN-70), V-1 Division", "USS Quaxley Quenby (CVN-70)"),
    # VA facilities kind first, a C-file with a space after its letter, a DoD benefits number (session 29)
    ("ORGANIZATION", "Transferred from VAMC Quenby Falls to community care", "VAMC Quenby Falls"),
    ("ID", "Veteran: QUENBY, ANA R   VA file C 22 418 907   SC 70%", "C 22 418 907"),
    ("ID", "TRICARE Prime, DBN 12847593, sponsor SSN on file", "12847593"),
    # identity numbers and postcodes abroad (session 29)
    ("LOCATION", "UK contact: 14 Quaxley Road, Leeds LS6 2QX, +44 113 496 0777", "LS6 2QX"),
    ("ID", "Mexican ID on file, his curp is QUXA850312HDFRRN09 per mom", "QUXA850312HDFRRN09"),
    ("ID", "RFC QUXA850312AB1 for the invoice", "QUXA850312AB1"),
    ("ID", "Pasaporte en trámite; DNI 44718290-K (Peru)", "44718290-K"),
    ("ID", "Cédula 001-1234567-8 (República Dominicana)", "001-1234567-8"),
    # a chain's store told by its number or its street needs no prescription word (dev-f, dev-o, session 29)
    ("ORGANIZATION", "  20    5    30  QUAXLEY, L (DDS)       CVS #1183 QUAXTON        3302871", "CVS"),
    ("ORGANIZATION", "copay card applied at Walgreens on Quaxley Ave) OK", "Walgreens"),
    # a month/day with a leading zero needs no date word (dev, dev-d, session 29)
    ("DATE", "PAGE 03/11 0214  TO: 5578  FROM: 7W RN QUAXLEY x3321", "03/11"),
    ("DATE", "PHQ-9 due\n05/06  08:03  qokafor2      Quaxley, Quella T", "05/06"),
    # one letter after a title or a sign-off's dash (dev-m, dev-g, session 29)
    ("PERSON", "0212 to Dr. Q: rm 19 mrs quaxley BP 212/118 asymptomatic", "Q"),
    ("PERSON", "2 ICU beds after transfer out of Mr. Q (CCU 4) to 4S.", "Q"),
    ('PERSON', 'Nurse: Quella Quaxley RN ("Nurse Q")   Asst: counselor', "Q"),
    ("PERSON", "see below & pull encounter QX-3371.\n-Q\n\n---------- Forwarded message", "Q"),
    ("PERSON", "631 better after 1L LR, BP 104/62 HR 96. thx -Q\n04-MAR-2026 03:47  FROM 6S", "Q"),
    ("PERSON", "Morphine 5mg x1 for pain in hip. — Q\nThu 4/10 — Pastor came", "Q"),
    # "doctor" spelt out before a lowercase name, as speech recognition writes it (dev-n, session 25)
    ("PERSON", "keep the metformin, eye exam with doctor quaxley she's at the eye clinic", "quaxley"),
    ("PERSON", "RN: hi, this is the nurse from doctor quenby's office", "quenby"),
    ("PERSON", "cc colon doctor ezra quaxley.", "ezra quaxley"),
    # a transcript's speaker saying who they are, a colleague named to the patient (dev-n, session 25)
    ("PERSON", "MA: okay let me pull her up. this is quenby. what's the question", "quenby"),
    ("PERSON", "Speaker 2: sure. i'm quabena, quabena quaxley-mensah, hyphen", "quabena"),
    ("PERSON", "DR: sure. my nurse quateo will give the shingrix on your way out", "quateo"),
    ("PERSON", "Fit test passed (tester bquaxley). Next fit test 09/2026.", "bquaxley"),
    # an agency's or a lab's capitals are part of the number after its label (dev-n, session 25)
    ("ID", "Case number: QXPD 25-004471      Offense: Vehicular assault", "QXPD 25-004471"),
    ("ID", "Req # RQ 0087721\nPatient name: Quaxley , Colm J", "RQ 0087721"),
    # a log's patient cell: the record number after "Last, First /" (dev-m, session 25)
    ("MRN", "| phone | Quaxley (I-1187) | Pierre-Quaxley, Nadège / M2209415        | ED bay 7 |", "M2209415"),
    # ages of 90 and over read off the tuning sets' leaks (2026-12-06, session 24)
    ("AGE", "By: Quenby Quaxley, NP\n\nMrs. Quaxley is 91 with end-stage HFrEF (EF 15%)", "91"),
    ("AGE", "Note: resident is 93 per census, verify. Pref name Inky", "93"),
    ("AGE", "1845  Elopement alert 4E - pt Quentin Quaxley, 92, dementia, wandered", "92"),
    ("AGE", "Family: grandfather (Korean War, 94) lives with parents in Quaxton", "94"),
    ("AGE", "Grandmother (Mae Quaxley), 97, lives in same hogan, also our pt.", "97"),
    ("AGE", 'note: POA states mother is "ninety-four going on fifty."', "ninety-four"),
    ("AGE", "Jiddo Quaxley (Quomar Al-Quenby), ninety per family, DOB unknown", "ninety"),
    ("AGE", "[3/22/25, 12:05] Ti Quomar: Li gen 91 an wi, li pa ka rete poukont li", "91"),
    ("AGE", "Bree: she said maybe weeks not months. mom's 97 y'all, she's tired", "97"),
    # dates, police and chapels read off dev-m (session 24)
    ("DATE", "HeartLogic index 18, above threshold since 25 Sept.\n\nBloods: Na 134", "25 Sept"),
    ("DATE", "Teach-back done for warfarin dosing, diet and INR f/u Oct 10 at Quaxton Clinic.", "Oct 10"),
    ("DATE", "HOLD apixaban starting Sat 8/8 (last dose Fri PM).", "Sat 8/8"),
    ("DATE", "appt Tue 3/4 (2 doses left)", "Tue 3/4"),
    ("ORGANIZATION", "Family: mother notified by Quaxton PD 23:55, en route", "Quaxton PD"),
    ("ORGANIZATION", "Law enforcement case #: 2026-0808-1177 (Quenby County Sheriff)", "Quenby County Sheriff"),
    ("ORGANIZATION", "Contacted Quaxley Memorial Chapels per family ((216) 555-0140).", "Quaxley Memorial Chapels"),
    # salutations, relatives, titles, places and parcels read off dev-m and PhysioNet (session 24)
    ("PERSON", "January 22, 2026\n\nDear Will,\n\nGreat work at today's session!", "Will"),
    ("PERSON", "Family: Sons Ezra and Malcolm met with the attending", "Ezra"),
    ("PERSON", "Family: Sons Ezra and Malcolm met with the attending", "Malcolm"),
    ("PERSON", "hi dr quaxley its rhonda (rhonda quenby) - the hodgkins pt", "rhonda"),
    ("PERSON", "son Marcus, and pt's pastor, Bishop Cornelius Quaxley of Greater New Hope", "Cornelius Quaxley"),
    ("LOCATION", "SHIP TO: 1609 INDUSTRIAL DR   MINOT ND 58701   701-555-0140", "58701"),
    ("ORGANIZATION", "declined x6: Oak Quaxley (no M beds), Cedar Quenby BH (aggression hx)", "Cedar Quenby BH"),
    ("ORGANIZATION", "PT: Quaxmotion Physical Therapy from 3/30, 2x/wk", "Quaxmotion Physical Therapy"),
    ("ID", "so my wife says the tracking # for the return box is 1Z88A4270313550991?? not sure", "1Z88A4270313550991"),
    # logins where a record names who did something (dev-m, session 24)
    ("PERSON", "waiver signed, witnessed by mlaurent.\n VRI cart screen cracked", "mlaurent"),
    ("PERSON", "--- clinic note appended by sbradshaw 0744 ---", "sbradshaw"),
    ("PERSON", "(vendor portal -> clinic SFTP, pulled by svasquez from 172.16.44.21)", "svasquez"),
    ("PERSON", "2025-03-07 10:31 r.smith - Called unit re: bed", "r.smith"),
    ("PERSON", "lpetrosyan 22:05: ty\ndr_anand 22:09: can someone call the son", "dr_anand"),
    # dev-l and dev-k (2026-12-06, session 23): a city that ends in a street's word before its ZIP,
    # more relatives, a registry search's fields, a login with a role's suffix or a first name,
    # a lowercase spelling, a transplant candidate
    ("LOCATION", "Address on file: 1455 E Quaxley Blvd Lot 88, Mesa Quenby Wash 85268\n", "Mesa Quenby Wash 85268"),
    ("LOCATION", "c/o Sione Quaxley, 4120 Quenby Ct, Quaxton Park 44107\nCell", "Quaxton Park 44107"),
    ("PERSON", "Related: sib Quelani -- haplo; sib Quainoa -- non-match", "Quelani"),
    ("PERSON", "la metformina me da diarrea, mi comadre Quayo dice que", "Quayo"),
    ("PERSON", "Search: last QUAXLEY  first QUOSANA  DOB 2021-05-30  sex F", "QUAXLEY"),
    ("PERSON", "Search: last QUAXLEY  first QUOSANA  DOB 2021-05-30  sex F", "QUOSANA"),
    ("PERSON", "DOB 2021-05-30  sex F  mother maiden QUENBY\nMatch: 1 record", "QUENBY"),
    ("PERSON", "Query by: Sunnyslope Pediatrics   user jquaxley_ma   2026-02-03 10:14", "jquaxley_ma"),
    ("PERSON", "IP dispensed by unlicensed staff (sam.quaxley)   Yes", "sam.quaxley"),
    ("PERSON", "an op note on rosalind quaxley, that's q-u-a-x-l-e-y, medical record number", "q-u-a-x-l-e-y"),
    ("PERSON", "Candidate: Sione Tafuna'i   OKI-3320095   SW: Quenby", "Sione Tafuna'i"),
    ("PERSON", "Present: Med Dir Quaxley, FA, SW, RD, biomed", "Quaxley"),
    ("PERSON", "BP >160/100 call MD.\nVerified RPh: kquaxlevic  01/26/2026 1512", "kquaxlevic"),
    ("PERSON", "Abstractor .................. gquenbery CTR\nText--Remarks", "gquenbery"),
    ("PERSON", "ADDENDUM 02/09/2026 0910 tquaxley RN: spoke w/ pt. Admitted", "tquaxley"),
    ("PERSON", " P2  Quentin Quaxley, M, (901) 555-0182, last exp 12/20/25", "Quentin Quaxley"),
    ("PERSON", "assistant: Thank you, Quomar. Dizziness when standing is common", "Quomar"),
    ("PERSON", "Interpreter: Spanish, in person (Quafael, #0932)\n\nDoing well", "Quafael"),
    ("PERSON", "social: pt's daughters sarah and margie visited today.", "sarah"),
    ("PERSON", "social: pt's daughters sarah and margie visited today.", "margie"),
    ("PERSON", "a/p stable. wife mary called x2, updated by md.", "mary"),
    ("PERSON", "Peer review for the case on 3/28 (N.Q., ninety-one-year-old, MRN LS-8841077)", "N.Q."),
    ("ID", "AE 4 & 5 reported as SAEs within 24 h (SAE SAE-22-018-01, SAE-22-018-02).", "SAE-22-018-01"),
    ("ID", "load 0311-03 RT\tC-250312-0007 / 01457720\t03/13 AV", "C-250312-0007"),
    ("HEALTH_PLAN", "Insurance: Medicare A (3-day stay met), supplemental Quax plan 38471920-11", "38471920-11"),
    ("ACCOUNT", "- Hospital account for billing questions: 88-2019447.", "88-2019447"),
    ("DATE", "medical record number 4 4 0 9, date of service October the 3rd -- no wait", "October the 3rd"),
    ("DATE", "Quaxley, Aloysius, date of birth\nnine, fourteen, forty-one -- sorry, scratch that", "nine, fourteen, forty-one"),
    # dev-l (2026-12-06): labels that list, identity cards abroad, the VA's ICN, ages in family
    # histories and in a patient's words, dates in pasted code, staff by role and by login
    ("ID", "Specimen labels: SP25-112094-A, SP25-112094-B", "SP25-112094-A"),
    ("ACCOUNT", "Encounters covered: E2501140037 (1/14/2025, inpatient, 3 days)", "E2501140037"),
    ("MRN", "SSN: XXX-XX-0416    ICN 1012847730V441285", "1012847730V441285"),
    ("MRN", "that's Q-U-A-X, medical record\nnumber 4 4 0 9 1 7 2, date of service", "4 4 0 9 1 7 2"),
    ("HEALTH_PLAN", "RAMQ : QUAX 8103 1214    Demandeur d'asile", "QUAX 8103 1214"),
    ("HEALTH_PLAN", "Health card (AB): 55218-4409   DOB 7/2/1984", "55218-4409"),
    ("HEALTH_PLAN", "CPF (Brasil): 482.917.305-18   Cartão SUS: 702 4013 8822 5917", "702 4013 8822 5917"),
    ("HEALTH_PLAN", "PhilHealth PIN: 01-205518734-6   OWWA", "01-205518734-6"),
    ("AGE", "pls check interactions & Beers list, pt is 93:", "93"),
    ("AGE", "Maternal grandmother alive at 94, no kidney disease.", "94"),
    ("AGE", "  I-2   maternal grandmother Quenby, d. 92, \"old age\"", "92"),
    ("AGE", "does not want dialysis (\"I'm ninety-one, I've had a good run\")", "ninety-one"),
    ("AGE", "Wife Quenby (ninety herself) fills the pillbox.", "ninety"),
    ("DATE", '{"mrn": "TST-000412", "dob": date(1931, 2, 28), "expected": 94}', "1931, 2, 28"),
    ("DATE", "LocalDate dob = LocalDate.of(1940, 7, 4);", "1940, 7, 4"),
    ("PERSON", "STROKE REGISTRY ABSTRACTION — Q1 2025 batch — abstractor Quella Fairbanks", "Quella Fairbanks"),
    ("PERSON", "Spill kit unused. Pump handed to clinic courier Quabel.", "Quabel"),
    ("PERSON", "vaccinators: nquaxley / tquenwe    lot FDP00991", "nquaxley"),
    ("PERSON", "Investigator: tquaxwater    Assigned 02/11/26", "tquaxwater"),
    ("PERSON", "Consent for testing obtained by charge RN Quenu Tafuna'i.", "Quenu Tafuna'i"),
    ("PERSON", "ADDENDUM 03/07/2026 0955 (dwhitequax): NOK is sister", "dwhitequax"),
    ("PERSON", "new pt intake. quella mae quaxley 61F referred from Riverbend OB-GYN", "quella mae quaxley"),
    ("PERSON", " - Halyna Quaxenko 58F -- same\n - Quaras 12M -- ate 1 spoon, mild cramps", "Quaras"),
    ("PERSON", "explained coins; she will pay via portal. -tq", "tq"),
    ("PERSON", "ICD/CPT edits none. next call wk of 6/9.\nsgq", "sgq"),
    ("PERSON", "Midtown Surgery Center (TOB 0831). nothing further. jqw 4/3\n4/7 pt called", "jqw"),
    ("PERSON", "posting note (jqw): knee scope RT, contractual adj", "jqw"),
    ("ID", "Quaxley Tumor Registry\nRegistry Accession No ....... 2025-00871", "2025-00871"),
    ("ID", "  Donor D-6627-1154-0   M 24 yo  CMV neg  8/8", "D-6627-1154-0"),
    ("ID", "Cord: 2 units >= 4/6 (unit CB-0091-442-17 best)", "CB-0091-442-17"),
    ("ID", "1 haplotype match (see HLA report HLA-25-1187)", "HLA-25-1187"),
    ("ID", "Offer via DonorNet. Donor BHT7710, seq #3 for our pt.", "BHT7710"),
    ("DATE", "last MRI 2/19 no change; echo 2/20 showed EF 58%", "2/19"),
    ("PERSON", "will come tmrw 0600. notified Dr Falk. -tquaxfeather", "tquaxfeather"),
    ("PERSON", '"message":"rate limit exceeded for user padequaxi","retry_after":30}', "padequaxi"),
    # dev-k (2026-12-06): research participants and identity documents after their labels
    ("ID", "ADVERSE EVENT LOG — Subject 22-018 (Q.T.)     Study QUAX-2", "22-018"),
    ("ID", "Subject: CL-P-017   Initials: DSQ   Site: Quenby Endocrine Research", "CL-P-017"),
    ("ID", "the reportable event (participant SLP-118 disclosed driving while drowsy)", "SLP-118"),
    ("ID", "Study ID: ALS-NH-058   Visit: Month 12", "ALS-NH-058"),
    ("ID", "envelope EC-3F9A22C1   participant RSV-PEDS-0412", "RSV-PEDS-0412"),
    ("ID", "Screening # S114-003 declined", "S114-003"),
    ("ID", "Passport: C4F7L92X1   DOB: 11 Nov 1949", "C4F7L92X1"),
    ("ID", "head of household: Quaxley   A# A-241-038-552", "A-241-038-552"),
    ("ID", "A-Number: A 205 771 386", "A 205 771 386"),
    ("ID", "CPF (Brasil): 482.917.305-18   Cartão SUS", "482.917.305-18"),
    ("ID", "DoD ID (EDIPI): 1587204431", "1587204431"),
    ("ID", "VA claim no. C-22 418 907   SC: 70%", "C-22 418 907"),
    ("ID", "Document du demandeur d'asile (DDA) UCI : 1122-4587", "1122-4587"),
    # dev-k: places on a traveller's route, in a record written abroad, closing an address abroad
    ("LOCATION", "Itinerary: depart 6/14/25 -> Lima (2 d) -> Cusco 3,400 m (5 d)", "Cusco"),
    ("LOCATION", "Voyage 2514, day 6, at sea en route Nassau. Cabin 8214.", "Nassau"),
    ("LOCATION", "perte de poids 5 kg. Vient de Kinshasa (quartier Quaxley), transit", "Kinshasa"),
    ("LOCATION", "Employer abroad: Quaxley Family Residence (caregiver), Riyadh", "Riyadh"),
    ("LOCATION", "14 Quenby Crescent, Edinburgh EH9 1HD, Scotland", "Edinburgh"),
    # dev-k: dates written abroad or in a form's boxes, ages and phones as records abroad and desks write them
    ("DATE", "NOTE DE CONSULTATION -- CLSC Quaxley\nDate : le 4 mars 2025", "le 4 mars 2025"),
    ("DATE", "Suivi : mardi 11 mars 9 h 30.", "mardi 11 mars"),
    ("DATE", "DOB (birth cert.): 14 de febrero de 2010   Sex: M", "14 de febrero de 2010"),
    ("DATE", "Petsa: Marso 3, 2025\nPasyente: QUAXLEY, Maria", "Marso 3, 2025"),
    ("DATE", "Signature: M. Quenby (signed)      Date: 03 / 02 / 2025", "03 / 02 / 2025"),
    ("DATE", "Hospitalized: Y  St. Quaxley Pavilion, 12/11-12/15/2024", "12/11-12/15"),
    ("AGE", "Age at consent: 94 — capacity assessed (UBACC 17/20)", "94"),
    ("AGE", "Affected participants include CIA-0031 (97 y), CIA-0044", "97"),
    ("AGE", "Bệnh nhân: cụ bà Quách Thị Hồng, 93 tuổi", "93"),
    ("PHONE", "outpatient HD at Quaxley Dialysis on Thu 3/20; unit phone 555-0138 x204.", "555-0138 x204"),
    ("PHONE", "WC CLAIM WC25-330918, ADJUSTER QUENBY 555-0122 EXT 318.", "555-0122 EXT 318"),
    ("PHONE", "KBA_PASSED         method: SMS code to ***-***-0177", "***-***-0177"),
    # dev-k: addresses abroad, a county's field, organizations by more kinds
    ("LOCATION", "Adresse : 7455, rue Quaxley, app. 3, Montréal (QC) H3N 2B6", "7455, rue Quaxley, app. 3"),
    ("LOCATION", "Adresse : 7455, rue Quaxley, app. 3, Montréal (QC) H3N 2B6", "H3N 2B6"),
    ("LOCATION", "Endereço no Brasil: Rua Quenby, 318, apto 42, Bela Vista, CEP 01332-000", "Rua Quenby, 318, apto 42"),
    ("LOCATION", "Endereço no Brasil: Rua Quenby, 318, apto 42, Bela Vista, CEP 01332-000", "01332-000"),
    ("LOCATION", "Residence at dx: 2209 Quaxley Dr   County at dx: Fresno (019)", "Fresno"),
    ("LOCATION", "Vivimos en el barrio, en la calle Quaxley. Mi número es dos uno tres", "calle Quaxley"),
    ("ORGANIZATION", "Sponsor protocol: KLR-401   Site 045: Sunbelt Quaxley Research", "Sunbelt Quaxley Research"),
    ("ORGANIZATION", "Location: Quenby CBOC     PACT: Blue team", "Quenby CBOC"),
    # dev-k: people by rank, logins and initials where a record signs
    ("PERSON", "Duty status: quarters 24h. Command notified (1SG Quaxley).", "Quaxley"),
    ("PERSON", "SM: SPC QUENBY-TAFOYA, Marco A.    DoD ID", "QUENBY-TAFOYA, Marco"),
    ("PERSON", "Handoff to PACU 0923.\nSigned electronically lquaxley 03/12/2025 09:31", "lquaxley"),
    ("PERSON", "-- coordinator note 02/10/2025 mquenby: withdrawal from intervention", "mquenby"),
    ("PERSON", "03/04/25 0915 kqm: 1st stmt returned, addr updated", "kqm"),
    ("PERSON", "Patient initials: K.A.Q.    MRN: NG4418720", "K.A.Q."),
    ("PERSON", "Initials: F-R-Q     Date of visit: 14 JAN 2025", "F-R-Q"),
    ("PERSON", "Principal investigator: Themba Quaxley, MD     Last reviewed Jan 6, 2025 — TQ", "TQ"),
    # dev-j (2026-12-06): staff named by role, logins run together, forms' name fields, programs
    ("PERSON", "Referring: Quella Abramsky, MD     Sonographer: qpn", "qpn"),
    ("PERSON", "Cytotechnologist: DLQ    Pathologist: Quenby Varga, MD", "DLQ"),
    ("PERSON", "fixation 14 h. (gross: qmv)", "qmv"),
    ("PERSON", "called 5S, spoke w/ the charge RN. tech qk", "qk"),
    ("PERSON", "Facilitator: Quaxley Yilmaz, LADC     Co-facilitator: QT", "QT"),
    ("PERSON", "Aide: Quilla increasing to 5x/wk.", "Quilla"),
    ("PERSON", "Provider: Quenby Vlachos, DDS   Hyg: Quessa", "Quessa"),
    ("PERSON", "followed by the ACT team (team lead Quaxo Baca, LPCC), and his", "Quaxo Baca"),
    ("PERSON", "report # CHP-25-88172, Ofc. Quang.", "Quang"),
    ("PERSON", "Notary: Qi-Eun Quaxley, commission # 2419876", "Qi-Eun Quaxley"),
    ("PERSON", "Line: 988 local   Counselor: mquaxstrom (Quinn)", "mquaxstrom"),
    ("PERSON", "PDMP queried 6/5/2025 by tquaxeira: buprenorphine-naloxone", "tquaxeira"),
    ("PERSON", "Judge M. Quenby   Coordinator rbishop", "rbishop"),
    ("PERSON", "A1300C Preferred name .......... \"Quinky\"", "Quinky"),
    ("PERSON", "Last Name: Quaxley     First: Eleanor     Middle: Quenna", "Quenna"),
    ("PERSON", "Mother: Quela Latu     Surname before first marriage: Quavili", "Quavili"),
    ("PERSON", 'Client: Quody Runningwater aka "Sketch"     EMS run #25-031177', "Sketch"),
    ("PERSON", 'she prefers to be called "Mama Quee".', "Quee"),
    ("PERSON", 'Employee: Quinedu "CJ" Quaxley   Badge 88031', 'Quinedu "CJ" Quaxley'),
    ("ORGANIZATION", "text thread exported from peer line (Second Wind Peer Recovery)", "Second Wind Peer Recovery"),
    ("ORGANIZATION", "30 yrs at Quaxton Paper Mill, no hearing protection", "Quaxton Paper Mill"),
    ("ORGANIZATION", "To: Bright Quenby Early Intervention - intake", "Bright Quenby Early Intervention"),
    ("ORGANIZATION", "Kids attend St. Quaxley de Sales School. Hunts.", "St. Quaxley de Sales School"),
    ("ORGANIZATION", "pt has VA eligibility - will check Quaxton VA audiology", "Quaxton VA"),
    ("ID", "(certified prescreener #QS-4471)", "QS-4471"),
    ("ID", "phone interpreter #40917 used", "40917"),
    ("LICENSE", "A0100A Facility NPI ............ 1467583921", "1467583921"),
    ("LICENSE", "Note: donor's DL (Q412-8830-1194, IL) used as photo ID", "Q412-8830-1194"),
    ("DATE", "Immunizations: Tdap 2021-08, Hep B series complete", "2021-08"),
    ("DATE", "88 Quaxley St,2025-05-12,08:00,12:00,4.0", "2025-05-12"),
    ("DATE", "At student health on 1/6: HR 48, orthostatic", "1/6"),
    ("AGE", "daughter lives nearby. At ninety-three she may need 24h care", "ninety-three"),
    # dev-i: logs' writers, handles, a verifier's initials
    ("PERSON", "02/14/2025 qgarza: Pt called re stmt. Says ins should have covered", "qgarza"),
    ("PERSON", "Created by       | qchavez 2017-09-21                | ED REG", "qchavez"),
    ("PERSON", "Triage RN: qfoster3", "qfoster3"),
    ("PERSON", "Merged: 05/06/2025 15:40 by the HIM team   Verified: QV", "QV"),
    ("PERSON", "r/CaregiverSupport · Posted by u/quaxley_nurse_mom · 2/3/2025", "quaxley_nurse_mom"),
    ("PERSON", "No phone - reach via Messenger handle quenby.runs.918 or his girlfriend.", "quenby.runs.918"),
    ("ID", "- Autopsy declined for M-2025-188 by son Quang.", "M-2025-188"),
    ("ID", "held in property locker 3, receipt # PR-5531. Returned on exit", "PR-5531"),
    ("ID", "Parole papers: I-94: 71940652A3", "71940652A3"),
    ("MRN", "Pt: Quella Kasayulie   DOB 11/02/1957   HRN 0063418-2", "0063418-2"),
    # dev-f (2026-12-06): chat handles, typists and screeners, ages in family histories, labelled numbers
    ("PERSON", "[06:52] qpatel2: morning all. 412-A pulled her PICC", "qpatel2"),
    ("PERSON", "[06:55] k.quax: ugh. is she still on vanc?", "k.quax"),
    ("PERSON", "hey @qchoi_pharmd q about 5S bed 7", "qchoi_pharmd"),
    ("PERSON", "@dr.quenby  10:14 AM\nwill do", "dr.quenby"),
    ("PERSON", "Signed 19-Feb-2025 06:40\nTranscribed: kls / qd", "kls / qd"),
    ("PERSON", "Next FTM: 6/17/2024.\nMinutes: LF/dw", "LF/dw"),
    ("PERSON", "cc: qmf; Chief of Cardiology", "qmf"),
    ("PERSON", "#1 moved to 5/20 11:30, pt confirmed -- LS\n#2 routed", "LS"),
    ("PERSON", "Sonographer: CC RDCS   Machine: Philips EPIQ", "CC"),
    ("PERSON", "Copy to: PCP\nHistotech: JT", "JT"),
    ("PERSON", "SCREENED BY: QGREER CT(ASCP)   REVIEWED BY: K. OWUSU", "QGREER"),
    ("PERSON", "Gross: qbrandt PA(ASCP)", "qbrandt"),
    ("AGE", "MRN: SVI-0041883     DOB: 10/30/1933 (91 y)", "91"),
    ("AGE", "Maternal grandmother, breast cancer dx 60s; lived to 93", "93"),
    ("AGE", "Wife Marguerite, herself 91, remains primary caregiver", "91"),
    ("AGE", 'Resident alert, pleasant, says he "made it to 90 and plans on 100".', "90"),
    ("DATE", 'CC: "belly pain x2 days"\nHPI: 34F G2P1, LMP 4/11. RLQ pain started Tues', "4/11"),
    ("PERSON", "Carla Quaxley, RN CM   (student nurse K.B. observed)", "K.B."),
    ("ID", "levothyroxine 88 mcg #90 (Rx R4419021) - no refills left", "R4419021"),
    ("ID", "Tier 5, PA on file approved through 04/30/2026 (PA# 8830015721)", "8830015721"),
    ("ID", "Intake #: SSR-250429-0087   Therapy: HCV", "SSR-250429-0087"),
    ("ID", "Interpreter over phone: Vietnamese, operator VN3381.", "VN3381"),
    ("ID", "Witness: State Trooper Ivan Quax, badge A-2271", "A-2271"),
    ("ID", "INC#: 2025-00019832   TYPE: MEDICAL-BREATHING PROB", "2025-00019832"),
    ("ID", "foil given to the officer, police report 25-61938.", "25-61938"),
    ("ACCOUNT", "Patient: Quenby Frost   MRN CPH0094471   Visit 88120045", "88120045"),
    ("ORGANIZATION", "IN THE PROBATE COURT OF QUAXAHOGA COUNTY, OHIO", "PROBATE COURT OF QUAXAHOGA COUNTY"),
    ("ORGANIZATION", "COUNTY OF WASHOE )\n\nSECOND JUDICIAL DISTRICT COURT\nCase No. CV23-01877", "SECOND JUDICIAL DISTRICT COURT"),
    ("ORGANIZATION", "Quaxwater Hematopathology Consultants   Case TH25-BM-0577", "Quaxwater Hematopathology Consultants"),
    ("LOCATION", "LZ: open field at Rd 13 SW, GPS 46.9012 N, 119.6270 W, secured", "46.9012 N, 119.6270 W"),
    ("LOCATION", "LAT/LON: 35.7418 / -96.0662\nCALLER: daughter", "35.7418 / -96.0662"),
    ("PERSON", "RN: Quen-eun Seo   MD: Tomasz Quax, DO", "Quen-eun Seo"),
    ("PERSON", "Outing to Memorial Park w/ housemate K.L. and 2 staff", "K.L."),
    ("DATE", "YOU ARE COMMANDED to produce on or before the 22nd day of April, 2024, at 10:00 a.m.", "22nd day of April, 2024"),
    ("DATE", "Signed this 3rd day of June in Reno", "3rd day of June"),
    ("PERSON", "Benefit investigation done for your patient J.W. (our ref NS-BI-2025-10-4471)", "J.W."),
    # dev-e (2026-12-06): quoted nicknames that are words, chat speakers that are words or logins,
    # spelled-out names, doctors by an initial, dictation footers, typist pairs
    ("PERSON", 'Patient: QUAXLEY, MARY ELLEN ("Peg")      Age: 101', "Peg"),
    ("PERSON", 'pt Kieran Quaxley ("Sully" is what he goes by) 54M', "Sully"),
    ("PERSON", "everyone calls me Quillo btw. if this goes to collections", "Quillo"),
    ("PERSON", "Precious 8:02am: Good morning! This is the nurse from Kingsbridge.", "Precious"),
    ("PERSON", "quilla.e 10:02: uploaded pics of bed 14's sacral wound", "quilla.e"),
    ("PERSON", "this is Oleks Quaxenko, that's Q-U-A, uh, Q-U-A-X-E-N-K-O, calling for", "Q-U-A-X-E-N-K-O"),
    ("PERSON", "happy early birthday. Dr. O wants extra torsemide 20 this afternoon", "O"),
    ("PERSON", "chart her CAM+ and let Dr. A-K know b4 sedation", "A-K"),
    ("PERSON", "D: 3/3/25  T: 3/4/25  lmb\ncc: Dr. Quaxley", "lmb"),
    ("PERSON", "HI/kmb   D: 3/4/25   T: 3/4/25", "HI/kmb"),
    ("PERSON", "Transcribed: np/lrw   Job # 8841203", "np/lrw"),
    # ages beside a birth date, a name's age and sex, a patient quoted
    ("AGE", "Res: QUAXLEY, STANA   rm 108-B   DOB 03/22/1930 (94)", "94"),
    ("AGE", "Patient: Quaxley, Ayesha (91 y, F)   MRN 1188203", "91"),
    ("AGE", 'Neuro intact, told me "I\'m 91, not deaf, dear". Retired', "91"),
    # a date-time as one token; a claim form's spaced dates; coded specimen numbers
    ("DATE", "Collected: 2025-03-04T07:15   Received: later", "2025-03-04T07"),     # the minutes are no one's
    ("DATE", "14. DATE OF CURRENT ILLNESS: 02 17 2025   QUAL 431", "02 17 2025"),
    ("DATE", " 1  02 18 25–02 19 25  11  76815      AB  $210.00", "02 19 25"),
    ("ID", "EUS-FNA on 2/4 (path FRC-P25-1446) confirmed adenocarcinoma", "FRC-P25-1446"),
    ("ID", "UA: 2+ ketones, urine cx sent (UC-0323-4471).", "UC-0323-4471"),
    # an SSN field's value whatever its area; a licence after "/ state ID"; plan numbers
    ("SSN", "Claimant: QUAXLEY, Jadwiga\nSSN: 912-44-7308      DOB: Aug. 19, 1969", "912-44-7308"),
    ("LICENSE", "Driver license / state ID: W263 551 844 712", "W263 551 844 712"),
    ("HEALTH_PLAN", "MA IDs 00419827 (A) / 00419828 (B).", "00419827"),
    ("HEALTH_PLAN", "11. INSURED'S POLICY GROUP OR FECA NUMBER: STAR-0091", "STAR-0091"),
    ("ORGANIZATION", "Marcus T. Quaxley, Esq.\nQuaxley & Delacroix, PLLC\n200 S Tryon St", "Quaxley & Delacroix, PLLC"),
    # more of dev-e: claim forms' EINs and compact dates, court and police numbers, bar and DEA lists,
    # family-history ages, addresses in capitals, streets without a suffix, towns after a street or
    # building, more kinds of organization
    ("ID", "25. FEDERAL TAX I.D. NUMBER: 76-0031882  EIN [X]", "76-0031882"),
    ("DATE", "FL6  STATEMENT PERIOD: FROM 030125 THROUGH 030625", "030125"),
    ("DATE", "FL12 ADMISSION DATE: 030125   FL13 HR: 14", "030125"),
    ("ID", "IN THE CIRCUIT COURT\nCase No. 2025 P 001187\nREPORT OF PHYSICIAN", "2025 P 001187"),
    ("ID", "referral to Tucson Police Department (report TPD 2503-04417); emergency", "TPD 2503-04417"),
    ("LICENSE", "Attorney for petitioner: Quaxley-Ross, ARDC No. 6329481", "6329481"),
    ("LICENSE", "Prescriber DEA numbers on file: Quaxley BO4471028; Li ML3302946.", "ML3302946"),
    ("AGE", "- Maternal grandmother Esther Quaxley, 94 – ovarian cancer dx 71", "94"),
    ("AGE", "- Maternal grandfather Hiroshi – gastric cancer at 78, died at 90.", "90"),
    ("AGE", "- Paternal grandmother – ninety-one, living in Sapporo", "ninety-one"),
    ("AGE", "DOB: 04/18/1930      Age at death: ninety-four", "ninety-four"),
    ("LOCATION", "QUAXLEY REDCLOUD\n318 KANSAS CITY ST\nRAPID CITY SD 57701", "57701"),
    ("LOCATION", "Cascadia Health Partners\n1200 NE Broadway, Portland, OR 97232", "1200 NE Broadway"),
    ("LOCATION", "Pharmacy: Walgreens on NE 125th, 305-555-0119.", "NE 125th"),
    ("LOCATION", "back to Rose Garden Assisted Living, 13200 Euclid St, Garden Grove, with home health", "Garden Grove"),
    ("LOCATION", "lives alone in a condo at Aegean Towers, Tarpon Springs. Retired", "Tarpon Springs"),
    ("LOCATION", "Booking reference: QX7T2L\nItinerary: Honolulu to Pago Pago on 4/10/2025", "Honolulu"),
    ("ORGANIZATION", "whom I follow in the Ko'olau Neuromuscular Clinic. He has", "Ko'olau Neuromuscular Clinic"),
    ("ORGANIZATION", "Page is a locums from Summit Physician Staffing, badge pending", "Summit Physician Staffing"),
    ("ORGANIZATION", "Site of infusion: Saguaro Infusion Suites, Chandler.", "Saguaro Infusion Suites"),
    # logins where staff sign or a report names its runner, a census board, a claim form's name fields
    ("ID", "footage exported to the case folder by lquaxley.\nFollow-up: Risk", "lquaxley"),
    ("ID", "Report run: 2025-03-11 16:40 by tquaxley.priv\nFilter: all users", "tquaxley.priv"),
    ("ID", "Follow-up task assigned to lquaxley for 04/24/2025.", "lquaxley"),
    ("PERSON", "wants refill sent to Longs.\nRN quilla.k", "quilla.k"),
    ("PERSON", "bed alarm on, son aware.\nb.quaxley rn", "b.quaxley"),
    ("PERSON", "601  Quaxley - CIWA 3-4, stable\n603  Quillo - DKA off insulin gtt", "Quillo"),
    ("PERSON", "602-1 J.R. - confidential pt, no info to callers", "J.R."),
    ("PERSON", "FL76 ATTENDING: NPI 1366021947  LAST QUAXLEY  FIRST MARLENE", "QUAXLEY"),
    ("MRN", "Her chart number I think is four four seven, two nine one, oh eight. She has", "four four seven, two nine one, oh eight"),
    ("PERSON", "use in flight\nPassenger: Ray Quaxley    Date of birth: Jan 4, 1949", "Ray Quaxley"),
    ("PERSON", "Crew: Virgil Quax, Paramedic; Shan Quillo, EMT-B", "Virgil Quax"),
    ("LOCATION", "a new referral to Achieve Physical Therapy - Quaxgate location, which is open", "Quaxgate"),
    ("LOCATION", "Ella vive conmigo en Pharr, en la calle Quaxal 1187. Mi hermano", "calle Quaxal 1187"),
    ("PERSON", "Home# 603-555-0157, ask to page Quilla\nson cell# 603-555-0192", "Quilla"),
    ("PERSON", "ONly able to reach Quaxo.. when family returns call", "Quaxo"),
    ("PERSON", "social: case manager spoke with quilla today to inform her", "quilla"),
    # names by their place in a unit, a role after or before them, a relation after their possessive,
    # a team chat's speaker, a text message's relations
    ("PERSON", "pls call back x6620: rm 512 Quaxley BP 88/50 HR 118", "Quaxley"),
    ("PERSON", "bed 3 Quaxova extubated 1400, 4L NC", "Quaxova"),
    ("PERSON", "the anticoag visit on the 22nd with Quilla the pharmacist. thanks", "Quilla"),
    ("PERSON", "I'm Brigid, Quilla's daughter and her health care proxy", "Quilla"),
    ("PERSON", "priya q (R2) 14:02: bed 7 pulled out his art line", "priya q"),
    ("PERSON", "JQW (RN charge) 15:10: heads up, admit from ED", "JQW"),
    ("PERSON", "STAFFING: RN QUILLO FLOATED FROM 4W. RT OBAX COVERING SICU", "QUILLO"),
    ("PERSON", "1:1 SITTER QUILLA AT BS 2300", "QUILLA"),
    ("PERSON", "asking about transfer vs home. CM is Quilla", "Quilla"),
    ("PERSON", "my bf quaxley is freaking out lol", "quaxley"),
    ("PERSON", "grandma will bring lil sis Quilla tmrw", "Quilla"),
    ("DATE", "PCR completed by V. Quaxley 06/28/25 17:30", "06/28/25"),     # "V." is an initial, no version
    # employers after more words about work, in lower case too
    ("ORGANIZATION", "i cant make it cause my shift at quaxmart changed to nights", "quaxmart"),
    ("ORGANIZATION", "dad works nights at UPS hub, called at 0200", "UPS"),
    ("ORGANIZATION", "Pt drives for Quaxly part-time and works as a clerk", "Quaxly"),
    # a Vietnamese name stops before the header's labels
    ("PERSON", "Patient: Truong Thi Quynh   MRN QXMC-7720193", "Truong Thi Quynh"),
    ("PERSON", "H00733019   Tran Van Quang              Medicaid   MA41177208", "Tran Van Quang"),
    # addresses: a route and box either way round, a numbered street in a quarter of town, a road's
    # house number and suite, a quarter after the street, a lowercase route after "on"
    ("LOCATION", "Quaxley Valley Rheumatology\nRoute 6, Box 221\nTahlequah, OK 74464", "Route 6, Box 221"),
    ("LOCATION", "Quaxley Prairie Geriatrics\nBox 19, RR 3\nBeatrice, NE 68310", "Box 19, RR 3"),
    ("LOCATION", "She lives in a farmhouse at 20417 SW 61st Rd, south of town", "20417 SW 61st Rd"),
    # the first date of a range, an eight-digit date with no date word, a range of months
    ("DATE", "Inpatient care: 1/21/25-2/4/25 at Quaxley Children's.", "1/21/25"),
    ("DATE", "*** FINAL REPORT ***   PT: QUAXLEY, SINA  PRINTED 20250127 0814", "20250127"),
    ("DATE", "- Empagliflozin trial July-Aug 2024: recurrent mycotic infections", "July-Aug 2024"),
    ("URL", "He filed the appeal at ssa.gov/case/12345 last week", "ssa.gov/case/12345"),
    # a ZIP after its state, whatever code word follows; a town and ZIP right after a street's type
    ("LOCATION", "Ship to: 14 Quaxley Bend Ct, Quaxland, TX 77479 (gate code given verbally)", "77479"),
    ("LOCATION", "2215 N Quax Ln, Meridian, ID 83646\nICD card in wallet", "83646"),
    ("LOCATION", "Address on file: 2214 N 4th St Philadelphia 19133", "Philadelphia 19133"),
    # a firm by its partners and legal form, a company by its "Co."
    ("ORGANIZATION", "3. Release TO: Quaxley, Pereira & Lam, PLLC, attn. Records", "Quaxley, Pereira & Lam, PLLC"),
    ("ORGANIZATION", "a small pension from Quaxmill Textile Co. deposits monthly", "Quaxmill Textile Co."),
    ("ORGANIZATION", "PLAINTIFF v. QUAXLEY TRANSIT CO. and others", "QUAXLEY TRANSIT CO."),
    # "Last, First" right before the date of birth, whatever words the name is made of
    ("PERSON", "At pickup, patient Le, Thu (DOB 4/4/1968) was handed the wrong bag", "Le, Thu"),
    ("PERSON", "Rx for Hill, Marsh T, DOB 8/15/1984 -- both bags in bin", "Hill, Marsh T"),
    # a state ID card's, a bar admission's, a commercial and a spaced driver's license number
    ("LICENSE", "Oregon ID: Quax Jr., ID card no. 7730215. 56M.", "7730215"),
    ("LICENSE", "Documents on hand: his MN ID (no. H448-209-617-033), kids' birth certificates", "H448-209-617-033"),
    ("LICENSE", "Esperanza Quaxley, Esq.   NV Bar No. 11872", "11872"),
    ("LICENSE", "PSP Tpr Quax has his CDL 31 447 902.", "31 447 902"),
    ("LICENSE", "Verified ID: MI DL B 652 447 193 018 -- checked by M. Quax", "B 652 447 193 018"),
    # a court file's, an EMS run's, a study screening's and an immigration number
    ("ID", "Court File No. 69DU-PR-25-118\nIn the Matter of the Guardianship of", "69DU-PR-25-118"),
    ("ID", "called on 2/11/25 (run # 24-118803), glucose 41", "24-118803"),
    ("ID", "Study ID on our records for Mr. Quax: screening # BRG-S-0447", "BRG-S-0447"),
    ("ID", "Arrived U4U August 2023. A-number A220-417-893; I-94 41822093071.", "41822093071"),
    # a city whose name begins or ends with a street-type or ordinary word, and a city after a
    # street with a direction and a suite
    ("LOCATION", "attn. Billing, 40 Quaxmont Ave NW, Ste 700, Grand Quaxley, MI 49503; fax", "Grand Quaxley"),
    ("LOCATION", "           418 W 4TH ST APT 2\n           QUAXTON FALLS IA 50613", "QUAXTON FALLS"),
    ("LOCATION", "Pt winters in Palm Quaxley, CA with her sister", "Palm Quaxley"),
    ("LOCATION", "24610 104th Ave SE, Space 31, Quaxville. Single-wide, 4 steps", "Quaxville"),
    ("LOCATION", "Quaxley Endocrine Associates, 212 Route 9, Suite C, Westbrook", "212 Route 9, Suite C"),
    ("LOCATION", "preferred the urgent care on Quaxley Blvd NE; explained", "Quaxley Blvd NE"),
    ("LOCATION", "can you send more to cvs on route 9 tonight", "route 9"),
    ("LOCATION", "Ella vive conmigo en Pharr, en la calle Nogal", "Pharr"),
    ("ORGANIZATION", "can you call in somethin to the rite aid by the church. my pills ran out", "rite aid"),
    # record numbers no date can be; a hospital's four letters; a resident's number; "#:" after initials
    ("MRN", "Re: Quaxley Radu · QHC MRN 81-52-2207 ·", "81-52-2207"),
    ("MRN", "Patient: Radu Quaxley   MRN QXMC 02 77 41 | Provider", "QXMC 02 77 41"),
    ("MRN", "Room 118-B   Resident # QH-2281 | Shift", "QH-2281"),
    ("MRN", "DOB: 03/09/1988   QBHH #: 0000518832 | Admitted", "0000518832"),
    # codes after their labels
    ("ID", "sputum cx (QB-25-118-0931) sent", "QB-25-118-0931"),
    ("ID", "Transcribed 02/09 08:30   Job #: 6620915 | cc:", "6620915"),
    ("ID", "booking confirmation ZK4Q8R for the flight", "ZK4Q8R"),
    ("ID", "Document ID QX-9A31B7D2 · requested from", "QX-9A31B7D2"),
    ("ACCOUNT", "Visit Q25-0302-7716 | Age 40", "Q25-0302-7716"),
    ("LICENSE", "NV Medical License B 221907 | Enclosures", "B 221907"),
    ("LICENSE", "Occupational Medicine | Ohio license 35.018842", "35.018842"),
    ("LICENSE", "Organ donor: Y (WA DL QUAXLRA227KZ)", "QUAXLRA227KZ"),
    ("VEHICLE", "found beside his truck, plate NM-QRX4417, with", "NM-QRX4417"),
    ("VEHICLE", "Ambulance: plate QX 4R 2290   Crew", "QX 4R 2290"),
    ("DEVICE", "(device QG-5521-0093 checked and functioning)", "QG-5521-0093"),
    # ages of 90 and over
    ("AGE", "dziadek is 93 this year and still drives", "93"),
    ("AGE", "Date of birth: 3 March 1932   Age at death: 93 |", "93"),
    ("AGE", "DOB: 01 JAN 1911   AGE: 92Y   SEX: M", "92"),
    ("AGE", "Patient: Idil Quaxley Farah, 97, Cedar Plaza, Apt 9", "97"),
    # dates: spoken, spaced, Spanish, Korean
    ("DATE", "calling for my mother date of birth may fifth nineteen thirty two she has", "may fifth nineteen thirty two"),
    ("DATE", "Visit: April ninth, 2025 (dictated)", "April ninth, 2025"),
    ("DATE", "my dob is 7 21 99 in case you need it", "7 21 99"),
    ("DATE", "fecha de nacimiento 3 de junio de 1941. Gracias", "3 de junio de 1941"),
    ("DATE", "Desde el martes 6 de mayo tiene fiebre", "martes 6 de mayo"),
    ("DATE", "Sent: 2025. 6. 3. 오후 9:10", "2025. 6. 3."),
    ("DATE", "어머니가 6월 1일에 넘어지셨어요", "6월 1일"),
    # names: titles of clergy, a letter's reference initials, pager sign-offs, logins, handoff boards
    ("PERSON", "ASKING FOR HER PRIEST, FR. QUAXLEY, TO VISIT", "QUAXLEY"),
    ("PERSON", "she is asking for sheikh Radwan to come and read", "Radwan"),
    ("PERSON", "Very truly yours,\n\nQRH/kmt\nEnclosure", "QRH/kmt"),
    ("PERSON", "lactate pending, pls call -QR\n23:05 next page", "QR"),
    ("PERSON", "febrile 38.9, pls call back x6620 -Quilla RN\n22:31", "Quilla"),
    ("ID", "Printed 09/05/2025 by rquaxley for school entry", "rquaxley"),
    ("ID", "TERMINAL: LTA12   OPER: RQUAXLEY", "RQUAXLEY"),
    ("PERSON", "BED 4 - HOPE QUAXLEY 61F, S/P CABG", "HOPE QUAXLEY"),
    ("PERSON", "(MVC, WILL QUAXLEY 22M, PELVIC FX)", "WILL QUAXLEY"),
    ("PERSON", "hi this is um tran van quang calling for my father", "tran van quang"),
    ("PERSON", "NGUYEN THI QUYNH\n4821 S 3rd St", "NGUYEN THI QUYNH"),
    ("ORGANIZATION", "follow-up at Quaxley Lung & Sleep next month", "Quaxley Lung & Sleep"),
    # a city before CT or CA that is no scan or salt; a day range; initials after a label
    ("LOCATION", "Transferred to Quaxleyton CT for the weekend", "Quaxleyton"),
    ("LOCATION", "moved back to Fresno, CA last spring", "Fresno"),
    ("DATE", "Inpatient stay 2/13-20, then rehab", "2/13"),
    ("PERSON", "Pt: R.T. (Quaxley, Radu) 58M", "R.T."),
    # DATE
    ("DATE", "DOB 03/14/2024, seen today", "03/14/2024"),
    # month/day with a small day and no date word: a weak finding unless it reads as a fraction
    ("DATE", "S/P AVR 3/10, DOING WELL", "3/10"),
    ("DATE", "LBM 9/9 PER PT", "9/9"),
    ("DATE", "Seen in clinic 3/14/24 for f/u", "3/14/24"),
    ("PERSON", "Family met with Dr Fessling after rounds.", "Fessling"),   # verb-shaped surname
    ("PERSON", "MRS. REDDING CALLED BACK", "REDDING"),
    ("PERSON", " " * 70 + "HALVORSEN 81 YO F ADMITTED FROM HOME", "HALVORSEN"),   # indented header
    ("PERSON", "UPDATED OKONJO FAMILY AT BEDSIDE.", "OKONJO"),
    ("PERSON", "nitro titrated per k lindqvist.chest tube to suction", "k lindqvist"),
    ("PERSON", "PER T HALVORSEN OK TO ADVANCE DIET", "T HALVORSEN"),
    ("PERSON", "Met with the Nguyen family at 2 pm", "Nguyen"),
    ("PERSON", "the Quaxley-Farthing family called", "Quaxley-Farthing"),
    ("LOCATION", "SENT TO THE ED FROM THE BRANNIGAN HOUSE AFTER A FALL", "BRANNIGAN"),
    ("LOCATION", "to the Whitcombe Building for MRI", "Whitcombe"),
    ("LOCATION", "SON ARRIVED AT 3 AM FROM THE OUTER BANKS- WIFE WITH HIM", "OUTER BANKS"),
    ("LOCATION", "Was hiking on the Outer Banks,when chest pain began", "Outer Banks"),
    ("LOCATION", "moved to the Upper Peninsula last year", "Upper Peninsula"),
    ("ORGANIZATION", "FLOWN TO FREDERICK REGIONAL WHERE TROPONIN WAS POSITIVE.", "FREDERICK REGIONAL"),
    ("ORGANIZATION", "transferred from Shore Regional Medical Center today", "Shore Regional Medical Center"),
    ("DATE", "confirmed Turner, Sam L., DOB April 9, 1924, SSN on file", "April 9, 1924"),  # no litre
    # two days of one month and their year
    ("DATE", "Study date: night of Feb 24-25, 2025    Referring: Quella Quaxley, APRN", "Feb 24-25, 2025"),
    ("DATE", "Inpatient Mar 3–5, 2024 at Quenby General", "Mar 3–5, 2024"),
    ("DATE", "called re: Frazier, Christopher K. (Thu, Aug 13, 1959). heparin", "Aug 13, 1959"),
    ("DATE", "Re: de la Cruz, Noël, DOB June 21, 1947", "June 21, 1947"),   # the l of Noël is no litre
    ("DATE", "Electronically signed by Trinh Vũ, MD on 10/23/19  12:15pm", "10/23/19"),
    ("PHONE", "PATIENT INSTRUCTIONS: Call 808 899 0848,58 or return to the ED", "808 899 0848,58"),  # pause-dial
    ("PHONE", "Phone: (303) 621-5501,9797   Fax: (512) 240-3008", "(303) 621-5501,9797"),
    ("PHONE", "Please contact my office at 4 0 4 9 7 5 5 6 4 7 or fax with questions", "4 0 4 9 7 5 5 6 4 7"),
    ("MRN", "Shift summary (the unit)\nHart (0690-59)\nNeuro status; sedation protocol", "0690-59"),
    ("MRN", "RESP CARE NOTE 2/3 -- GEHRINGER (49874927) 97 YO M: BIPAP REMOVED", "49874927"),
    ("ORGANIZATION", "ORDERING: Nathan Gregory, MD\nLOCATION: VMH urgent care", "VMH"),
    ("ORGANIZATION", "HPI: collapsed at home-> BMC ED, then here", "BMC"),
    ("ORGANIZATION", "transferred from SJH for cath", "SJH"),
    ("ORGANIZATION", "Call from T. Hoang, RPh at CVS #13608: interaction", "CVS #13608"),
    ("ORGANIZATION", "i usually use cvs on walnut st but i moved, refill please", "cvs"),
    ("ORGANIZATION", "i usually use cvs on walnut st but i moved, refill please", "walnut st"),
    ("ORGANIZATION", "HOME PHARMACY RITE AID, MEDS RECONCILED", "RITE AID"),
    ("ORGANIZATION", "HOME PHARMACY DORCHESTER DRUG, MEDS RECONCILED", "DORCHESTER DRUG"),
    ("ORGANIZATION", "eRx sent to Kroger Pharmacy for Jones", "Kroger Pharmacy"),
    ("ORGANIZATION", "i work at starbucks now and cant get off", "starbucks"),
    ("ORGANIZATION", "HCP SAMANTHA WORKS AT PARKER LLC, WILL VISIT AFTER WORK", "PARKER LLC"),
    ("ORGANIZATION", "WIFE CEO OF DYNATEK.  NONSMOKER", "DYNATEK"),
    ("LOCATION", "LIVES WITH DOLORES (DTR) AT 17554 LAKE BLVD, NEW HAVEN. DTR CALLED", "NEW HAVEN"),
    ("LOCATION", "LIVES ALONE AT 602 HARRISON LANE RM 35, ST. PAUL. SON CALLED", "ST. PAUL"),
    ("LOCATION", "LIVES ALONE AT 5 MARTIN LUTHER KING JR WAY, TULSA. MRN 123", "5 MARTIN LUTHER KING JR WAY"),
    ("LOCATION", "Address: 12197 Summer Street Unit 44, Richmond Virginia", "Richmond"),
    ("LOCATION", "RESTRAINED DRIVER IN MVC AT JEFFERSON RD AND PARK AVE, HARTFORD.", "PARK AVE"),
    ("LOCATION", "RESTRAINED DRIVER IN MVC AT MILL AVE AND MAIN STREET.", "MILL AVE"),
    ("LOCATION", "also my address changed to 892 valerie inlet, charlotte, NC  22272.", "892 valerie inlet"),
    ("PERSON", "Question: J.V., 49 YO M, quit smoking in 1992", "J.V."),
    ("PERSON", "Quick question: K.R.R., 91 y/o female, COVID in '94", "K.R.R."),
    ("PERSON", "Question: YM, 53-year-old woman, PE in 1999", "YM"),
    ("PERSON", "FAMILY MEETING HELD, NIECE (SIERRA) TO CALL IN AM.", "SIERRA"),
    ("PERSON", "12:30 CALLED TO RM BY LUKE BRANDVOLD (PCA). PT FOUND ON FLOOR", "LUKE BRANDVOLD"),
    ("DATE", "She called at 0300h re: abdominal pain since 3-31.   Advised ED if worse", "3-31"),
    ("DATE", "since my visit on 4-18 my back pain is about the same", "4-18"),
    ("DATE", "excusing him from work from 10-23 through November 6.", "10-23"),
    ("DATE", "Meadowbrook Rehab offered a bed for Mrs Cunningham for 1-28. Her mother agrees", "1-28"),
    ("DATE", "ROYBAL, DIEGO D.\nADMITTED THE 7TH VIA ED, S/P HEMICOLECTOMY", "7TH"),
    # an ordinal day before a range or a sentence that goes on
    ("DATE", "bella 9:07: k. dr quenby is out tues the 11th so maybe thurs w ridge?", "11th"),
    ("DATE", "CCU NURSING ADDENDUM THE 18TH -- QUAXLEY, ANA 78 YO F", "18TH"),
    ("DATE", "Quella Quaxley at Quenby Middle School: out the 17th to Tuesday for flu", "17th"),
    ("DATE", "troponin 1.49. Discharged the 3rd to Northshore Manor.", "3rd"),
    ("ORGANIZATION", "OSH D/C SUMMARY FROM LAWRENCE GENERAL FAXED.", "LAWRENCE GENERAL"),
    ("ORGANIZATION", "PCP: PRICE NP, MEADOWBROOK OB/GYN", "MEADOWBROOK OB/GYN"),
    ("ORGANIZATION", "Follow up with Dr. Cook at da Paz Family Medicine on Sunday", "da Paz Family Medicine"),
    ("ORGANIZATION", "Last filled 2/19 at von Hoffmann's Pharmacy.", "von Hoffmann's Pharmacy"),
    ("ORGANIZATION", "MRI SAFETY SCREENING -- MGH\nPatient seen", "MGH"),
    ("PERSON", "hi its sue wilkinson. the seroquel is making me dizzy", "sue wilkinson"),
    ("PERSON", "you can reach me at (312) 996-3702.\n- wade", "wade"),
    ("PERSON", "Call Harry Nash at 8322907924 if late. \n-- HARRIS CCM", "HARRIS"),
    ("PERSON", "Coder: V. Real, RHIT, ext. 4379", "V. Real"),
    ("PERSON", "DOSE CONFIRMED W/MD HOLLOWAY AS K WAS LOW", "HOLLOWAY"),
    ("PERSON", "SISTER CALLED, UPDATED, SISTER (MAY) TO CALL IN AM", "MAY"),
    ("PERSON", "RIVERO 55 YO M 11/16\nAT HS: SEMI FOWLERS POSITION", "RIVERO"),
    ("PERSON", "quick question: S.C.M., 81yof, dvt in '17", "S.C.M."),
    ("DATE", "Collected: 2/6 20:50   Resulted: 02112023 at 21:00", "02112023"),
    ("DATE", "Hi Kathy, your labs from 01132023 are back.", "01132023"),
    ("MRN", "NURSING TRANSFER NOTE 3/22/2019\nCOLÓN #00584400\nCNS: EXTENSOR POSTURING", "00584400"),
    ("MRN", "CORRAL, CATALINA K #406012327 room 334", "406012327"),
    ("MRN", "Facility offered a bed for Ms da Paz (145089975) for 7/14.", "145089975"),
    ("HEALTH_PLAN", "they want a prior auth. my hmana id is hfep6113346301.", "hfep6113346301"),
    ("HEALTH_PLAN", "My insurance changed to Ambetter (meember ID KUKZ7783459301, group 338323-915R).", "KUKZ7783459301"),
    ("DATE", "MURO, MARTHA R. (4453-70) 80 YO F 12-5\nAFTER LUNCH: SPUTUM CX", "12-5"),
    # the weekday is part of the date (unseen/GUIDELINES.md: "Tuesday 3/12")
    ("DATE", "NPN 7p-7a (Saturday 7/30)\nhx of gout, neuropathy", "Saturday 7/30"),
    ("DATE", "NPN 7P-7A, 1/2\nWILSON, JESUS 83M", "1/2"),
    ("PHONE", "Callback number +1 804606 4115. ", "+1 804606 4115"),
    ("LOCATION", "ADDRESS 6730 TREMONT BLVD, ST. PAUL MN 55068. BP 163/87", "ST. PAUL"),
    ("LOCATION", "ADDRESS 74 MAIN BLVD #50, NEW BEDFORD MA 02442. BP", "NEW BEDFORD"),
    ("LOCATION", "PT STATES HE LIVES ALONE IN THE SOUTH END. EMERGENCY CONTACT", "SOUTH END"),
    ("PERSON", "CHEST X-RAY\nPatient: van der Leek, Cornelis (67-year-old man)   MRN E58367805", "van der Leek, Cornelis"),
    ("DATE", "SEEN IN CLINIC ON 4/31/19 WITH COUGH", "4/31/19"),        # no such day: a slip
    ("DATE", "heparin held at 0815 2/30", "2/30"),
    ("DATE", "ADMITTED 3-14-2024 VIA ED", "3-14-2024"),
    ("DATE", "PT TRANS TO GH 7/23 FOR CATH", "7/23"),
    ("DATE", "labs drawn 3/14 were unremarkable", "3/14"),
    ("DATE", "she was admitted on 3/4 with cellulitis", "3/4"),
    ("DATE", "Monday 3/14 pt will return", "3/14"),
    ("DATE", "f/u appt 1/2 at 10am", "1/2"),
    ("DATE", "Specimen collected 14-Mar-2024", "14-Mar-2024"),
    ("DATE", "Discharged 14 Mar 2024 to home", "14 Mar 2024"),
    ("DATE", "CT HEAD 14MAR2024 NEG", "14MAR2024"),
    ("DATE", "Surgery scheduled for March 14.", "March 14"),
    ("DATE", "She was born on March 14th, 2024 at 0300", "March 14th, 2024"),
    ("DATE", "seen Mar. 14 by ortho", "Mar. 14"),
    ("DATE", "on the 14th of March, 2024 she fell", "14th of March, 2024"),
    ("DATE", "Echo 2024-03-14 showed EF 35%", "2024-03-14"),
    ("DATE", "Timestamp 2024-03-14T10:22:01Z", "2024-03-14T10"),   # the date's token, all of it; not the time after
    ("DATE", "Timestamp 2024-03-14T102201Z, then 2024-03-14T1022", "2024-03-14T102201Z"),   # one token, all of it
    ("DATE", "date of service: 20240314", "20240314"),
    ("DATE", "DOB 010248", "010248"),
    ("DATE", "she was admitted on the 14th and improved", "14th"),
    ("DATE", "diagnosed in March 2019 with DM2", "March 2019"),
    ("DATE", "i'll be there may 14th for my appointment", "may 14th"),
    ("DATE", "SEEN MAY 3 FOR WOUND CHECK", "MAY 3"),
    ("DATE", "dob: 12/25/1931", "12/25/1931"),
    ("DATE", "last seen 13/03/2024 (d/m/y)", "13/03/2024"),
    ("DATE", "Sept. 9, 2023 colonoscopy", "Sept. 9, 2023"),
    ("DATE", "NSG NOTE 5/1 19:45: pt resting", "5/1"),
    ("DATE", "productive cough since 4-9, worse at night", "4-9"),
    ("DATE", "Last filled 7-19 at CVS", "7-19"),
    ("DATE", "a bill for my visit on may 20 but i paid", "may 20"),
    ("DATE", "this is horacio (dob 30-may-1952)", "30-may-1952"),
    ("DATE", "COMPARISON: 01/2021", "01/2021"),
    ("DATE", "EGD performed the 25th.", "25th"),
    ("DATE", "New Rx sent 7-Jan 2:15am", "7-Jan"),
    ("DATE", "results of your urine test on 07062024", "07062024"),
    ("DATE", "DOB: Sat, Dec 25, 1971", "Dec 25, 1971"),
    ("DATE", "Transferred 1-4 from BMC", "1-4"),
    ("DATE", "chest pain since 1/11, worse today", "1/11"),
    # AGE
    ("AGE", "92 yo female with CHF", "92"),
    ("AGE", "Pt is a 92 y/o M", "92"),
    ("AGE", "A 92-year-old woman presents", "92"),
    ("AGE", "92 YR OLD MALE FOUND DOWN", "92"),
    ("AGE", "age 95, lives alone", "95"),
    ("AGE", "aged 101 and independent", "101"),
    ("AGE", "a ninety-two year old man", "ninety-two"),
    ("AGE", "93F with dementia", "93"),
    ("AGE", "94 M presents with SOB", "94"),
    ("AGE", "pt is 97 years of age", "97"),
    ("AGE", "PT IS A 99YOF", "99"),
    ("AGE", "AGE: 90", "90"),
    ("AGE", "died at home on 4/28 at age 99.", "99"),
    # PHONE
    ("PHONE", "Call (617) 555-0123 with results", "(617) 555-0123"),
    ("PHONE", "cell 617-555-0123", "617-555-0123"),
    ("PHONE", "home 617.555.0123", "617.555.0123"),
    ("PHONE", "reach me at 617 555 0123", "617 555 0123"),
    ("PHONE", "daughter +1 617 555 0123", "+1 617 555 0123"),
    ("PHONE", "OFFICE 1-800-555-0199 X1234", "1-800-555-0199 X1234"),
    ("PHONE", "fax: 617-555-0199", "617-555-0199"),
    # not NANP-valid (area code / exchange starting with 0 or 1), still someone's number
    ("PHONE", "WIFE CAN BE REACHED AT (123) 156-7890", "(123) 156-7890"),
    ("PHONE", "PCP OFFICE 111-555-0123 AWARE", "111-555-0123"),
    ("PHONE", "call 555-0123 after 5", "555-0123"),
    ("PHONE", "Son Kofi notified at 0415 at 555-0148.", "555-0148"),
    ("PERSON", "Asked Olu to check the pump", "Olu"),
    ("EMAIL", "send it to jsmith(at)example.com please", "jsmith(at)example.com"),
    ("EMAIL", "my email is jsmith @ example.com", "jsmith @ example.com"),
    ("ID", "she posts as instagram @rosaq_77 about her recovery", "@rosaq_77"),
    ("ID", "IG: rosa.quintero", "rosa.quintero"),
    ("ID", "transfer center Ref. No. TC-240621-0093, accepted", "TC-240621-0093"),
    ("ID", "ID on file: Passport 548812093 (Ghana)", "548812093"),
    ("ID", "passport no: K0048213", "K0048213"),
    ("PERSON", "Person affected:  Patient - Yaw Asante-Darko, MRN 40817730, 81 y/o M", "Yaw Asante-Darko"),
    ("PERSON", "PATIENT -- QUAXLEY, RADU (DOB on file)", "QUAXLEY, RADU"),
    ("PERSON", "daughter Margaret ('Peggy') Doyle called", "Margaret ('Peggy') Doyle"),
    ("DATE", "no-shows on March 14 and 15, called both days", "March 14 and 15"),
    ("ORGANIZATION", "referral to Bridgeview Recuperative Care submitted", "Bridgeview Recuperative Care"),
    ("ORGANIZATION", "home health via Visiting Nurse Association of Greater Lowell", "Visiting Nurse Association of Greater Lowell"),
    ("ORGANIZATION", "referred to VNA of Cape Cod for wound care", "VNA of Cape Cod"),
    ("ORGANIZATION", "Berkshire VNA to see pt Tuesday", "Berkshire VNA"),
    ("PERSON", "I'll call Ngozi after rounds", "Ngozi"),
    ("PERSON", "can you ask Emeka if he wants the chaplain", "Emeka"),
    ("LOCATION", "lives on Rural Route 2, Box 14 outside town", "Rural Route 2, Box 14"),
    ("LOCATION", "ADDRESS: RR 3 BOX 112", "RR 3 BOX 112"),
    ("LOCATION", "mailing address 1600 Pennsylvania Avenue NW, Washington", "1600 Pennsylvania Avenue NW"),
    ("LOCATION", "home: N12W24015 Blue Mound Rd, Waukesha", "N12W24015 Blue Mound Rd"),
    ("PHONE", "reach me at +1-617-555-0142 today", "+1-617-555-0142"),
    ("PHONE", "tel: +1.617.555.0142", "+1.617.555.0142"),
    ("PHONE", "home 617/555-0142", "617/555-0142"),
    ("PHONE", "cell 617-5550142", "617-5550142"),
    ("PHONE", "call me back at six one seven, five five five, zero one four two, thanks",
     "six one seven, five five five, zero one four two"),
    ("PHONE", "cell six-one-seven five-five-five oh-one-four-two", "six-one-seven five-five-five oh-one-four-two"),
    ("PHONE", "it's double five five, oh one four two", "double five five, oh one four two"),
    ("DATE", "calling about my appointment on March fourteenth, call me", "March fourteenth"),
    ("DATE", "born on the third of June nineteen fifty-two", "third of June nineteen fifty-two"),
    ("DATE", "my birthday is june twenty-third 1952", "june twenty-third 1952"),
    ("PERSON", "HANDOFF TO GRAY M., RN AT 4:40 AM.", "GRAY M."),
    ("PERSON", "SPOKE WITH OSWIN K. TREMBLE, MD RE: HOME REGIMEN.", "OSWIN K. TREMBLE"),
    ("PERSON", "VNA: LAKESIDE HOSPICE.\nTREMBLE, OSWIN RN, 1700", "TREMBLE, OSWIN"),
    ("PERSON", "Call with questions.\n\n-- Quarle, Benno MD", "Quarle, Benno"),
    ("PERSON", "OSH SUMMARY FAXED.\nVU, THANH BSN, RN", "VU, THANH"),
    ("PERSON", "RESP CARE NOTE TUESDAY -- QUARLE, BENNO 81YOF: NEBS Q4H", "QUARLE, BENNO"),
    ("PERSON", "social: spoke with pat rixby lcsw, plan for rehab screening", "pat rixby"),
    ("PERSON", "d/w odile quarle, np re lasix", "odile quarle"),
    ("PHONE", "call her in Guadalajara at 011 52 33 5555 0142", "011 52 33 5555 0142"),
    ("PHONE", "Wife's number 0044 20 7946 0958", "0044 20 7946 0958"),
    ("PHONE", "son's mobile 07700 900461 (UK)", "07700 900461"),
    ("VEHICLE", "Tag NY KJR-4417, blue Honda", "KJR-4417"),
    ("VEHICLE", "drove his truck, plate reads 8JTP-221", "8JTP-221"),
    ("ID", "Wristband barcode 00458231-7 scanned", "00458231-7"),
    ("ID", "scanned armband 4500823117 before the draw", "4500823117"),
    ("AGE", "Family celebrated her 100th birthday on the unit", "100"),
    ("PERSON", "Interpreter: Thi Bich Ngoc Vo (Vietnamese)", "Thi Bich Ngoc Vo"),
    ("PERSON", "Covering: Hollis (night float)", "Hollis"),
    ("PERSON", "Pt's guardian ad litem, Atty. Renata Voss, called", "Renata Voss"),
    ("PERSON", "pt's sister goes by 'Birdie', lives nearby", "Birdie"),
    ("PERSON", "He goes by Tiny; prefers to be called Sunny", "Sunny"),
    ("DATE", "Fell at home the day after Thanksgiving", "Thanksgiving"),
    ("DATE", "LAST DRINK XMAS EVE PER WIFE", "XMAS EVE"),
    ("DATE", "Seen in clinic Easter 2024 for the same rash", "Easter 2024"),
    ("PERSON", "not in problem list. Coder: QUAXLEY RHIT, ext. 4316", "QUAXLEY"),
    ("PERSON", "To the school nurse:\n\nJunie Baptiste was seen in our office on 10/2", "Junie Baptiste"),
    ("PERSON", "Tomasz Wojcik is a 67 y/o man with COPD", "Tomasz Wojcik"),      # descending: no range
    ("PHONE", "DME RT Gus Ferreira 555-0126 will do home set-up", "555-0126"),
    ("PHONE", "her phone is 6 1 7 5 5 5 0 1 2 3", "6 1 7 5 5 5 0 1 2 3"),
    ("PHONE", "call back at 617-555-\n0123 please", "617-555-\n0123"),
    ("PHONE", "pt cell 6175550123", "6175550123"),
    ("PHONE", "PAGER 4-1234", "4-1234"),
    ("PHONE", "UK number +44 20 7946 0958", "+44 20 7946 0958"),
    ("PHONE", "(617)555-0123", "(617)555-0123"),
    ("PHONE", "SON NOTIFIED @ 6153993173. INCIDENT REPORT FILED", "6153993173"),
    ("PHONE", "best, samuel lloyd (8042485097)", "8042485097"),
    ("PHONE", "Tax ID on file | fax 7819009233", "7819009233"),
    ("PHONE", "Northgate Cardiology Group, 5122278472.", "5122278472"),
    # EMAIL
    ("EMAIL", "email ann.lee@gmail.com for records", "ann.lee@gmail.com"),
    ("EMAIL", "Contact: J.Smith+mgh@partners.org.", "J.Smith+mgh@partners.org"),
    ("EMAIL", "EMAIL: ANNLEE77@YAHOO.COM", "ANNLEE77@YAHOO.COM"),
    ("EMAIL", "send to a_b-c@mail.example.co.uk", "a_b-c@mail.example.co.uk"),
    ("EMAIL", "(bob.jones@hospital.org)", "bob.jones@hospital.org"),
    ("EMAIL", "my email is annlee at gmail dot com", "annlee at gmail dot com"),
    ("EMAIL", "mailto:pat@clinic.health", "pat@clinic.health"),
    ("EMAIL", "reply to x.y@sub.domain.edu;", "x.y@sub.domain.edu"),
    # URL
    ("URL", "see https://mychart.partners.org/visit?id=3.", "https://mychart.partners.org/visit?id=3"),
    ("URL", "Portal: http://www.example.org/pt/123", "http://www.example.org/pt/123"),
    ("URL", "www.annlee-photos.com has pics", "www.annlee-photos.com"),
    ("URL", "her page facebook.com/ann.lee is public", "facebook.com/ann.lee"),
    ("URL", "(https://example.com/a)", "https://example.com/a"),
    ("URL", "GOFUNDME.COM/F/HELP-ANN", "GOFUNDME.COM/F/HELP-ANN"),
    ("URL", "blog at annlee.net", "annlee.net"),
    ("URL", "ftp://files.example.org/scan.dcm", "ftp://files.example.org/scan.dcm"),
    # IP_ADDRESS
    ("IP_ADDRESS", "login from 192.168.1.20 at 0300", "192.168.1.20"),
    ("IP_ADDRESS", "IP: 10.0.0.1", "10.0.0.1"),
    ("IP_ADDRESS", "host 255.255.255.0", "255.255.255.0"),
    ("IP_ADDRESS", "ipv6 fe80::1ff:fe23:4567:890a seen", "fe80::1ff:fe23:4567:890a"),
    ("IP_ADDRESS", "addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ("IP_ADDRESS", "loopback ::1 only", "::1"),
    ("IP_ADDRESS", "mapped ::ffff:192.0.2.128", "::ffff:192.0.2.128"),
    ("IP_ADDRESS", "VPN 172.16.254.1.", "172.16.254.1"),
    ("IP_ADDRESS", "too many attempts from 2601:8291:3ad1::ad51:8ad1:b968. my", "2601:8291:3ad1::ad51:8ad1:b968"),
    # SSN
    ("SSN", "SSN 123-45-6789", "123-45-6789"),
    ("SSN", "social security number 123 45 6789", "123 45 6789"),
    ("SSN", "ssn: 123456789", "123456789"),
    ("SSN", "last 4 of SSN: 6789", "6789"),
    ("SSN", "SS# xxx-xx-6789", "xxx-xx-6789"),
    ("SSN", "SSN ***-**-6789 on file", "***-**-6789"),
    ("SSN", "Guarantor SSN: XXX-XX-4411", "XXX-XX-4411"),
    ("SSN", "SSN ending in 6789", "6789"),
    ("SSN", "verified last four 6789 of her social", "6789"),
    ("SSN", "RN: and the last four of your social\nPT: 3381\nRN: thank you", "3381"),
    ("SSN", "pt ssn is 078-05-1120", "078-05-1120"),
    ("SSN", "my ssn lst 4 is 0937. - katherine", "0937"),
    ("SSN", "my ssn 2 4 9 2 4 6 3 6 1.", "2 4 9 2 4 6 3 6 1"),
    ("SSN", "Her SSN is 123-45\n-6789, please verify.", "123-45\n-6789"),
    # MRN
    ("MRN", "MRN: 00458231", "00458231"),
    ("MRN", "MR# 4582-31", "4582-31"),
    ("MRN", "Med Rec No. A1234567", "A1234567"),
    ("MRN", "medical record number 4582319", "4582319"),
    ("MRN", "record #4582319", "4582319"),
    ("MRN", "Unit No 123-45-67", "123-45-67"),
    ("MRN", "mrn 4582319 verified", "4582319"),
    ("MRN", "the MRN for this patient is #4582319", "4582319"),
    ("MRN", "PATIENT ID: E1234567", "E1234567"),
    ("MRN", "Cámara, Silvia (84 YO F) -- CMRN 00992287", "00992287"),
    ("MRN", "de Bláca, Trevor -- EMPI 5354745", "5354745"),
    ("MRN", "offered a bed for Ms Nicoletti (453573749) for 4/8", "453573749"),
    ("MRN", "NSG NOTE 07/25 12:50: RAMOS #407-71-83 92 y/o female", "407-71-83"),
    ("MRN", "Pt: Olson, James | E209774398 | 5/4/1973", "E209774398"),
    ("MRN", "END OF SHIFT: STAFFAN FORSBERG (1868-92). ABD SOFT", "1868-92"),
    ("MRN", "Pt: ANNE ROBLES / 45117751 / 71yoF", "45117751"),
    ("MRN", "MRN: 3703-\n25 on file", "3703-\n25"),
    # HEALTH_PLAN
    ("HEALTH_PLAN", "Medicare 1EG4-TE5-MK73", "1EG4-TE5-MK73"),
    ("HEALTH_PLAN", "MBI 1EG4TE5MK73 verified", "1EG4TE5MK73"),
    ("HEALTH_PLAN", "Member ID: XJH123456789", "XJH123456789"),
    ("HEALTH_PLAN", "BCBS ID ABC123456789", "ABC123456789"),
    ("HEALTH_PLAN", "Group # 00123", "00123"),
    ("HEALTH_PLAN", "policy number ABC-123456", "ABC-123456"),
    ("HEALTH_PLAN", "MEDICAID ID 100234567", "100234567"),
    ("HEALTH_PLAN", "subscriber id w123456789", "w123456789"),
    ("HEALTH_PLAN", "medicare claim number 123-45-6789A", "123-45-6789A"),
    ("HEALTH_PLAN", "they want a prior auth. my anthem id is w450229176.", "w450229176"),
    ("HEALTH_PLAN", "Insurance: Humana, ID PEY211743070.", "PEY211743070"),
    ("HEALTH_PLAN", "cigna (member id sbda1086009701, group 846897-769)", "846897-769"),
    ("HEALTH_PLAN", "CSN 4981152783 | Aetna | W460457885", "W460457885"),
    ("HEALTH_PLAN", "Secondary: Tufts Health Plan BEKB6910033101", "BEKB6910033101"),
    # ACCOUNT
    ("ACCOUNT", "Acct # 12345678", "12345678"),
    ("ACCOUNT", "account number 55512345", "55512345"),
    ("ACCOUNT", "FIN 987654321", "987654321"),
    ("ACCOUNT", "CSN: 1234567890", "1234567890"),
    ("ACCOUNT", "HAR 44556677", "44556677"),
    ("ACCOUNT", "encounter 55512345", "55512345"),
    ("ACCOUNT", "visit # V00123456", "V00123456"),
    ("ACCOUNT", "billing acct: 9988-7766", "9988-7766"),
    ("ACCOUNT", "Pt: Osorio, Julio   Enc: ENC35121242   Admit 10/3", "ENC35121242"),
    ("ACCOUNT", "FL 3a PAT CNTL #: 934674617276", "934674617276"),
    # LICENSE
    ("LICENSE", "DEA# AB1234563", "AB1234563"),
    # anchored patterns must still see what sits far from their anchor: padding in a form
    ("LICENSE", "Licence: MA     RN 2284671 (active)", "2284671"),
    ("LICENSE", "prescriber DEA: BJ6125341", "BJ6125341"),
    ("LICENSE", "NPI 1234567893", "1234567893"),
    ("LICENSE", "provider npi: 1245319599", "1245319599"),
    ("LICENSE", "MA RN License 123456", "123456"),
    ("LICENSE", "Lic# 12345", "12345"),
    ("LICENSE", "DL# S12345678", "S12345678"),
    ("LICENSE", "driver's license 123-456-789", "123-456-789"),
    ("LICENSE", "license no. RN-2234567", "RN-2234567"),
    ("LICENSE", "NPI 1479155073\nVA MD 492817", "492817"),
    ("LICENSE", "ID from wallet: DL 22009025, address", "22009025"),
    ("LICENSE", "driver's license 204 667 765, address", "204 667 765"),
    ("LICENSE", "ID from wallet: Lic # Z156-696-42-726-2", "Z156-696-42-726-2"),
    ("LICENSE", "WALLET WITH LICENSE 254 041 144 GIVEN TO SON", "254 041 144"),
    # VEHICLE
    ("VEHICLE", "VIN 1HGCM82633A004352", "1HGCM82633A004352"),
    ("VEHICLE", "car vin: 1m8gdm9axkp042788", "1m8gdm9axkp042788"),
    ("VEHICLE", "plate 7ABC123", "7ABC123"),
    ("VEHICLE", "license plate MA 123-XYZ", "123-XYZ"),
    ("VEHICLE", "LICENSE PLATE: 4KPL22", "4KPL22"),
    ("VEHICLE", "tag # ABC1234 on the truck", "ABC1234"),
    ("VEHICLE", "the car with plate 8XYZ22 hit her", "8XYZ22"),
    ("VEHICLE", "registration plate ZX9 44Q", "ZX9 44Q"),
    ("VEHICLE", "registered to his wife, plate new jersey XRJ412, silver civic", "XRJ412"),
    # DEVICE
    ("DEVICE", "pacemaker serial PJN123456S", "PJN123456S"),
    ("DEVICE", "S/N: 12345-ABC", "12345-ABC"),
    ("DEVICE", "UDI (01)00884521000011(17)250101(21)SN12345", "(01)00884521000011(17)250101(21)SN12345"),
    ("DEVICE", "barcode 0100884521000011172501012112345", "0100884521000011172501012112345"),
    ("DEVICE", "implant UDI +H123ABC456789/$$3201", "+H123ABC456789/$$3201"),
    ("DEVICE", "ICD SERIAL NO. ABC987654", "ABC987654"),
    ("DEVICE", "device ID: 7788-1234-AB", "7788-1234-AB"),
    ("DEVICE", "insulin pump sn 123A456B", "123A456B"),
    ("DEVICE", "MAC 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
    # ID
    ("ID", "Accession #: RAD-2024-001234", "RAD-2024-001234"),
    ("ID", "ACC 12345678", "12345678"),
    ("ID", "path S24-12345 benign", "S24-12345"),
    ("ID", "Specimen ID: 24-S-0012", "24-S-0012"),
    ("ID", "claim # 99887766", "99887766"),
    ("ID", "order #12345678 placed", "12345678"),
    ("ID", "REQ NO 4455667", "4455667"),
    ("ID", "Rx #1234567 filled", "1234567"),
    ("ID", "lab no: L2024-55512", "L2024-55512"),
    ("ID", "SURGICAL PATH CASE SP-24-012345", "SP-24-012345"),
    ("ID", "Claim CLM-86543918 for DOS 5/7/2020 denied", "CLM-86543918"),
    ("ID", "Accession S20-84016 / case C4061256, procedure TAVR", "C4061256"),
    ("ID", "Aetna auth 8537542536 is pending", "8537542536"),
    ("ID", "K 4.9. Order LAB5215863. Repeat sent", "LAB5215863"),
    # LOCATION
    ("LOCATION", "lives at 1200 Commonwealth Ave, Apt 4B", "1200 Commonwealth Ave, Apt 4B"),
    ("LOCATION", "55 Fruit St. Boston", "55 Fruit St."),
    ("LOCATION", "ADDRESS: 12 ELM STREET", "12 ELM STREET"),
    ("LOCATION", "moved to 250 5th Ave last month", "250 5th Ave"),
    ("LOCATION", "PO Box 1234", "PO Box 1234"),
    ("LOCATION", "P.O. BOX 99", "P.O. BOX 99"),
    ("LOCATION", "Boston, MA 02118", "02118"),
    ("LOCATION", "boston, ma 02118-1234", "02118-1234"),
    ("LOCATION", "zip 02118", "02118"),
    ("LOCATION", "Springfield, Massachusetts 01103", "01103"),
    ("LOCATION", "i live at 12 elm st in town", "12 elm st"),
    ("LOCATION", "home: 77 Mass Ave #5", "77 Mass Ave #5"),
    ("LOCATION", "Portland, OR 97201", "97201"),
    ("LOCATION", "MA 02118", "02118"),
    ("LOCATION", "599 Blue Hill Street\nCambridge, MA 09002", "Cambridge"),
    ("LOCATION", "she lives with her son (Brian) in Tacoma. Family history", "Tacoma"),
    ("LOCATION", "i moved to durham, can you send it", "durham"),
    ("LOCATION", "Service area: Worcester County. Orders signed", "Worcester County"),
    ("LOCATION", "restrained driver in MVC at Adams Street and Forest Street, Omaha", "Adams Street"),
    ("LOCATION", "restrained driver in MVC at Adams Street and Forest Street, Omaha", "Forest Street"),
    ("LOCATION", "Omaha NE  63902-3530", "63902-3530"),
    ("LOCATION", "Arrived via EMS from home, 37 Timothy Manor, Apt 26.", "37 Timothy Manor, Apt 26"),
    ("LOCATION", "Pt visiting from Baltimore, MD. BP 111/102", "Baltimore"),
    ("LOCATION", "LIVES W/ SON STERLING IN RIVERSIDE. A: FALL PRECAUTIONS", "RIVERSIDE"),
    # PERSON
    ("PERSON", "Discussed with Dr. Okafor today", "Okafor"),
    ("PERSON", "DR OKAFOR AWARE OF K 3.2", "OKAFOR"),
    ("PERSON", "Mrs. Lee is anxious", "Lee"),
    ("PERSON", "consulted Dr. de la Cruz (GI)", "de la Cruz"),
    ("PERSON", "Patient: SMITH, JOHN", "SMITH, JOHN"),
    ("PERSON", "SMITH, JOHN  MRN 00458231", "SMITH, JOHN"),
    ("PERSON", "report called to J. SMITH RN at 1400", "J. SMITH"),
    ("PERSON", "wife Mary at bedside", "Mary"),
    ("PERSON", "pt name: john smith", "john smith"),
    ("PERSON", "Attending: Okafor, Chidi", "Okafor, Chidi"),
    ("PERSON", "Mary Jones, MD", "Mary Jones"),
    ("PERSON", "PER DR SMITH CONTINUE HEPARIN", "SMITH"),
    ("PERSON", "HUSBAND JOHN CALLED", "JOHN"),
    ("PERSON", "daughter, Sarah Lee, is HCP", "Sarah Lee"),
    ("PERSON", "Electronically signed by: Chidi Okafor", "Chidi Okafor"),
    ("PERSON", "MS. LEE AMBULATING", "LEE"),
    ("PERSON", "Dr. J. Smith reviewed", "J. Smith"),
    ("PERSON", "hi dr smith, i feel dizzy", "smith"),
    ("PERSON", "Sarah Lee (daughter) called", "Sarah Lee"),
    ("PERSON", "Dr. O'Brien and Dr. McDonald agree", "O'Brien"),
    ("PERSON", "Dr. O'Brien and Dr. McDonald agree", "McDonald"),
    ("PERSON", "NOTE BY: K. NGUYEN, RN\n", "K. NGUYEN"),
    ("PERSON", "Can I use CVS instead?  Thank you, Juan Lloyd", "Juan Lloyd"),
    ("PERSON", "Hi Wade, your labs from 2/27 are back", "Wade"),
    ("PERSON", "this is lisa adams, dob 4/19/67. i got a bill", "lisa adams"),
    ("PERSON", "PATHOLOGY -- Stark, Mark (68 yo M) -- Medical Record", "Stark, Mark"),
    ("PERSON", "PA request -- Pt Duong, Tuan, DOB 1946-06-27", "Duong, Tuan"),
    ("PERSON", "Notify Dr Dương ((978)691-4289) of results", "Dương"),
    ("PERSON", "Simple cyst.\n\nJohn van Houten, MD, 8/21 2:00am", "John van Houten"),
    ("PERSON", "guarantor O'Connor, Paul called re: balance", "O'Connor, Paul"),
    ("PERSON", "Findings discussed with dr. Gareth Floinn by phone", "Gareth Floinn"),
    ("PERSON", "CONFUSED AND BELIGERANT, DR.MACDONALD AWARE.", "MACDONALD"),
    ("PERSON", "per dr.reid -see progress notes", "reid"),
    ("PERSON", "spoke w/ physicians Dr. Foley. Remains full code.", "Foley"),
    ("PERSON", "Family in attendance. Drs' Ballou and Dutter pronounced.", "Ballou"),
    ("PERSON", "SOCIAL:DAUGHTER-KRISSY---301 944-5032", "KRISSY"),
    ("PERSON", "DENTURES TAKEN HOME BY DAUGHTER LISA ROSSETTI.", "LISA ROSSETTI"),
    ("PERSON", "SBP 80s, reported to Dr. O'rourke, esmolol gtt started", "O'rourke"),
    ("PERSON", "Dr. Lavely ordered lopressor 5 mg IV", "Lavely"),
    ("PERSON", "LAB: INR THIS AM 6.0. E. WELSH AWARE.", "E. WELSH"),
    ("PERSON", "all is well at this time. q. lander rrt", "q. lander"),
    ("PERSON", "BP 88/40. NP CAROL MADE AWARE, HOLDING LASIX", "CAROL"),
    ("PERSON", "HOUSE STAFF mary souza AWARE. U/O DROPPING", "mary souza"),
    ("PERSON", "ASKED FOR RABBI- RABBI KLEIN CAME TO SPEAK WITH FAMILY", "KLEIN"),
    ("ID", "Surgical pathology S24-12345 A1: benign", "S24-12345 A1"),
    ("DATE", "PMH: CAD, AVR 8/88, DDD PMR", "8/88"),
    ("DATE", "s/p pelvic fx4/97, right arm fx 5/97", "4/97"),
    ("DATE", "OVARIAN CA (12/93) S/P DEBULKING", "12/93"),
    ("PHONE", "SOCIAL: DAUGHTER-KRISSY---301 944-5032 & GRAND DAUGHTER", "301 944-5032"),
    ("PHONE", "CELLULAR-410 202-6694 & HOME-410 671-9309.", "410 202-6694"),
    ("PHONE", "his wife, Carol (201/324/1423) confirms the story", "201/324/1423"),
    ("PHONE", "WILL F/U IN NEXT 1-2 DAYS. PG 33445", "33445"),
    # ORGANIZATION: named facilities
    ("ORGANIZATION", "ADMITTED IN TRANSFER FROM CALVERT HOSPITAL FOR MENTAL STATUS CHANGES", "CALVERT HOSPITAL"),
    ("ORGANIZATION", "pt being d/c'd to Sacred Heart Memorial at 4pm", "Sacred Heart Memorial"),
    ("ORGANIZATION", "SCREENED BY BALTIMORE REHAB AND KIMBROUGH", "BALTIMORE REHAB"),
    ("ORGANIZATION", "HOME O2--CARE RECEIVED AT BALTIMORE VA. IDDM", "BALTIMORE VA"),
    ("ORGANIZATION", "was transferred from Memorial Hospital 9/13", "Memorial Hospital"),
    ("ORGANIZATION", "he is an rn, works at harford memorial. pt also", "harford memorial"),
    ("ORGANIZATION", "to go this afternoon to sacred heart hospital.", "sacred heart hospital"),
    ("ORGANIZATION", "records from Union Memorial Hospital requested", "Union Memorial Hospital"),
    ("ORGANIZATION", "Referred to Kingsbridge Neurology for EMG", "Kingsbridge Neurology"),
    ("ORGANIZATION", "records faxed from Walker Eye Associates today", "Walker Eye Associates"),
    ("ORGANIZATION", "discharged with Clearwater VNA services", "Clearwater VNA"),
    # LOCATION: the named place of a transfer
    ("LOCATION", "REFERRED TO GH. ARRIVED IN TRANSFER APPROX. 2130", "GH"),
    ("LOCATION", "TRANSFERED BACK TO QUARTERMAIN 3 POST PROCEDURE", "QUARTERMAIN"),
    ("LOCATION", "Pt went to Harbor on 3/6 c/o chest pain", "Harbor"),
    # the same shapes that are identifiers
    ("LOCATION", "Lives in Towson, PA with her son", "Towson"),
    ("DATE", "admitted 3/4-3/6 for CHF", "3/4"),
    ("DATE", "CARDIAC: IABP weaned off 9/7, and PA line d/c'd", "9/7"),
    ("DATE", "seen 12/10/24 in clinic", "12/10/24"),
    ("MRN", "-- MIKAEL MAKELA (54 y/o male) -- 89-805-862", "89-805-862"),
    ("ACCOUNT", "A/C # 48213377 billing question", "48213377"),
    ("ORGANIZATION", "Sign it from Charles Johnson, PA-C, Walker Eye Associates, 5086202220.",
     "Walker Eye Associates"),
    ("LOCATION", "Transferred 7/16 from WHC to Stamford Memorial for EGD.", "WHC"),
    ("LOCATION", "arrived from SMH via med flight early in shift.", "SMH"),
    ("LOCATION", "husband did not come to gh w/pt, he is aware", "gh"),
    ("LOCATION", "Eloah died at FMC on Saturday 2/1", "FMC"),
    # named wards with their floor; university hospitals
    ("LOCATION", "poss transfer to quartermain 2 tomorrow", "quartermain"),
    ("LOCATION", "PT INTUBATED ON QUARTERMAIN 6 FOR ACUTE RESP FAILURE", "QUARTERMAIN"),
    ("LOCATION", "PT IS 80 YO WOMAN MOVED TO BRIXHOLM7 FOR TELEMETRY", "BRIXHOLM"),
    ("LOCATION", "stable. transfer to quartermain 2. increase activity", "quartermain"),
    ("LOCATION", "to go to quartermain 6, when bed ready", "quartermain"),
    ("LOCATION", "plan: cont to monitor, transfer to quartermain  2 today", "quartermain"),
    ("LOCATION", "ASSESS: STABLE DAY. PLAN: QUARTERMAIN 2 WHEN BED AVAIL.", "QUARTERMAIN"),
    ("LOCATION", "plan to get oob. transfer to quartermain2.", "quartermain"),
    ("LOCATION", "ENC PO INTAKE. TRANSFER QUARTERMAIN 2.", "QUARTERMAIN"),
    ("LOCATION", "46 year old male came into GH on 7/18 with swelling", "GH"),
    ("LOCATION", "HE WOULD NEED TO LEAVE GH, HAVE SURGERY AND RETURN", "GH"),
    ("LOCATION", "PT MAY BE W/U BY GBMC FOR POSSIBLE TRANSPLANT", "GBMC"),
    ("ORGANIZATION", "went to UOf Maryland Hosp and had ant st elevations", "UOf Maryland Hosp"),
    ("ORGANIZATION", "Pt admitted to U Maryland ER w/ ant ST elevations", "U Maryland ER"),
    ("ORGANIZATION", "cont insulin drip per U Maryland scale.", "U Maryland"),
    # names after MR/MS in capitals, "per", lowercase "mr.", an ellipsis; two names and a credential
    ("PERSON", "MR QUAXLEY HAD AN IMPROVED DAY TODAY.", "QUAXLEY"),
    ("PERSON", "MS OKONKWO-BRANDT RESTING COMFORTABLY", "OKONKWO-BRANDT"),
    ("PERSON", "PM DOSE HELD. PER OKAFOR WILL HOLD PRESENTLY.", "OKAFOR"),
    ("PERSON", "labs reviewed, per Brandvold restart heparin", "Brandvold"),
    ("PERSON", " mr.quaxley returned from or and is stable", "quaxley"),
    ("PERSON", "PT WITHOUT HR OR BP ..DR QUAXLEY AWARE ....", "QUAXLEY"),
    ("PERSON", "EXPIRATORY WHEEZES NOTED. JON QUAXLEY RRT", "JON QUAXLEY"),
    # relations written the way nurses write them
    ("PERSON", "is retired. dtr Frances Quaxley- 212- 476- 8356.", "Frances Quaxley"),
    ("PERSON", "family : 1) proxy is grandaughter: Irene Quaxley- 204-943-1045", "Irene Quaxley"),
    ("PERSON", "Sister is health care proxy - Marcela Quaxley who lives nearby.", "Marcela Quaxley"),
    ("PERSON", "social-> pt's dtr-in-law Rita Quaxley was in to visit", "Rita Quaxley"),
    ("PERSON", "COPING-SISTER ,JANET HAS PHONED TODAY", "JANET"),
    ("PERSON", "social: daughter pat lives close by, son rob lives nearby", "pat"),
    ("PERSON", "pt was visited by significant other charlie,updated on her condition.", "charlie"),
    # "woods" and "motorway" are street suffixes (a missing comma had fused them into one word)
    ("LOCATION", "lives at 45 Cedar Woods with wife", "45 Cedar Woods"),
    ("LOCATION", "lives at 12 Oak Ct, Apt 4B with wife", "12 Oak Ct, Apt 4B"),   # a suffix that is a term
    ("LOCATION", "struck at Quaxley Motorway and Elm Street", "Quaxley Motorway"),
    ("LOCATION", "lives in Silver Spring, MD with wife", "Silver Spring"),     # ordinary words, a known place
    ("LOCATION", "moved from Quaxleyville, CT last year", "Quaxleyville"),
    # two capitalized words in no dictionary, in capitalized prose
    ("PERSON", "SICU team has spoken extensively with Radu Quaxley (closest relative)", "Radu Quaxley"),
    ("PERSON", "very devoted. Lopie Certusi cell# 410-555-0119", "Lopie Certusi"),
    ("PERSON", "Her other dtr lives away. Emily reports that pt has a wheelchair", "Emily"),
    ("PERSON", "but once Natalie woke up after midnight, breathing regular", "Natalie"),
    ("PERSON", "RUN OF VENT BIGEMINY. BEA QUAXLEY AWARE, MGSO4 GIVEN", "BEA QUAXLEY"),
    ("PERSON", "LINDSEY QUAXLEY CALLED TO BEDSIDE FOR POOR PA WAVEFORM", "LINDSEY QUAXLEY"),
    ("PHONE", "they can be reached at 202 2671093. pt has back pain", "202 2671093"),
    ("PHONE", "social: pt's son ,dave, (240444-1243) was in ew", "240444-1243"),
    ("LOCATION", "WENT TO HOLY CROSS WITH FEVER OF 103", "HOLY CROSS"),
    ("LOCATION", "monitor lytes/BG, ? increase lopressor dose, quartermain 2\n", "quartermain"),
    ("PERSON", "PT IS ON 850U/HR HEPARIN NOT 1400U/HR. SUSAN\n\n", "SUSAN"),
    ("PERSON", "Comfort measures discussed.\n Mary Quaxley\n", "Mary Quaxley"),
    # known places where a place goes (gazetteer)
    ("LOCATION", "lives alone in senior housing in Lansdowne. dtr visits", "Lansdowne"),
    ("LOCATION", "DAUGHTER FLYING IN FROM ROME TOMORROW", "ROME"),
    ("LOCATION", "son returned to new haven today, will call", "new haven"),
    ("LOCATION", "Nephew Tomas Ruiz of Towson visited today.", "Towson"),
    ("LOCATION", "husband works in Bel Air and visits daily", "Bel Air"),
    ("ORGANIZATION", "Pt recieved from university of maryland hospital. intubated", "university of maryland hospital"),
    ("ORGANIZATION", "PRESENTED TO U OF MD MED CENTER ON 9/14", "U OF MD MED CENTER"),
    ("ORGANIZATION", "transferred from University of Chicago for ECMO", "University of Chicago"),
    # the name stops before the words nurses write after it, and before a possessive
    ("PERSON", "HR IRREGULAR. DR WOODRUM UP AT 1615 AND PUSHED CARDIZEM", "WOODRUM"),
    ("PERSON", "HO SPOKE WITH DR. TOSCANO ABOUT THIS.", "TOSCANO"),
    ("PERSON", "U/A SENT PER DR BURKE RENAL CONSULT CALLED", "BURKE"),
    ("PERSON", "rectal tube placed per dr. white's order", "white"),
    ("PERSON", "?what plan is today after dr vascuez's meeting", "vascuez"),
    ("PERSON", "seen by dr o'neil today", "o'neil"),
    # lowercase titles before a capitalized name, a missing space after a period, short surnames
    ("PERSON", "cv: mr. Okonkwo reports a mild ache after lunch", "Okonkwo"),
    ("PERSON", "gi: mrs. Tran ate small amount of oatmeal", "Tran"),
    ("PERSON", "examined by IR, cath ok.dr vasquez spoke with husband", "vasquez"),
    ("PERSON", "new rash shown to dr yi. benadryl given", "yi"),
    ("PERSON", "rales at bases, 2L nc per NP Tessa cxr clearer", "Tessa"),
    ("PERSON", "a: stable\nsocial: hank called at noon for news", "hank"),
    ("ORGANIZATION", "COLLAPSED IN ST MONICA HOSPITAL. SENT ON TO OUR ED", "ST MONICA HOSPITAL"),
    ("PERSON", "LACTATE UP TO 4, K OSTROWSKI ORDERED A FLUID BOLUS", "K OSTROWSKI"),
    ("PERSON", "NEEDS PICC...BRAM DELACROIX (RESIDENT) ARRANGING IT.", "BRAM DELACROIX"),
    ("PERSON", "Plan reviewed with Ilse Varga (NP), will repeat lytes", "Ilse Varga"),
    ("PERSON", "keep map>65 per unit staff.dr mira okonjo.foley draining", "mira okonjo"),
    ("PERSON", "per dr. tomas reyes, no changes tonight", "tomas reyes"),
    # common names shaped like verb forms or adverbs
    ("PERSON", "Seen by Dr. Ahmed today", "Ahmed"),
    ("PERSON", "wife Kelly at bedside, aware of plan", "Kelly"),
    ("PERSON", "Mohammed Reilly, MD", "Mohammed Reilly"),
    ("PERSON", "DR MANNING AWARE", "MANNING"),
    # a campus named by a place or a word no list has
    ("LOCATION", "PT WAS TRANSFERED TO THE ZEBRIDGE CAMPUS FOR ERCP", "ZEBRIDGE"),
    ("LOCATION", "transferred from er kolpakov campus, intubated", "kolpakov"),
    ("LOCATION", "bed available on the Towson campus tomorrow", "Towson"),
    ("LOCATION", "pt transferred to 209 zebridge. family aware", "zebridge"),
    ("LOCATION", "c/o to kolpakov if continues to be stable", "kolpakov"),
    # staff named by their role
    ("PERSON", "Cytotechnologist: Ilse; Pathologist: Dr. Omar Haddad", "Ilse"),
    ("PERSON", "Sonographer: Tendai M.\nFindings: normal", "Tendai M."),
    ("PERSON", "Critical K called to RN at 0410 by lab tech Yusuf; read back verified", "Yusuf"),
    ("PERSON", "Belongings searched. Sitter Odile Marchetti assigned.", "Odile Marchetti"),
    ("LOCATION", "Pt lives alone in elderly housing at 19 Clover St. in Lansdowne.", "19 Clover St."),
    # after its label a number is what the label says, whatever its check digit (these fail it)
    ("LICENSE", "Ordering provider: Dr. Lena Osei, NPI 1234567890", "1234567890"),
    ("LICENSE", "Prescriber DEA # BH1234567 on file", "BH1234567"),
    ("VEHICLE", "Car towed, VIN: 3FADP4BJ7EM1234XX", "3FADP4BJ7EM1234XX"),
    ("HEALTH_PLAN", "Medicare ID 5TX9-QW2-LM81 verified", "5TX9-QW2-LM81"),
    # ages of 90 and over in sentences
    ("AGE", "Mrs. Arce, 94, presents with cough.", "94"),
    ("AGE", "my mother turned 92 last week", "92"),
    ("AGE", "She is 96. Lives alone.", "96"),
    # practices and facilities named by their kind
    ("ORGANIZATION", "Referred to Brightwater Urgent Care for x-ray.", "Brightwater Urgent Care"),
    ("ORGANIZATION", "She attends Lindenwood Adult Day Program weekly", "Lindenwood Adult Day Program"),
    ("ORGANIZATION", "MRI at Cobalt Ridge Imaging Center", "Cobalt Ridge Imaging Center"),
    ("ORGANIZATION", "PCP: Dr. Hale at Copperfield Internal Medicine", "Copperfield Internal Medicine"),
    ("ORGANIZATION", "lives at Birchwood Assisted Living", "Birchwood Assisted Living"),
    # identifiers as forms and cards print them
    ("HEALTH_PLAN", "  Member ID ...... K591 204 338     Group: 0419902", "K591 204 338"),   # dot leaders, groups
    ("HEALTH_PLAN", "MEMBER ID: 604 118 2297   GROUP #: 0550123", "604 118 2297"),
    ("HEALTH_PLAN", "Medicaid CIN: QT55192W", "QT55192W"),
    ("HEALTH_PLAN", "copy of the medigap card (mbr# 6610448210)", "6610448210"),
    ("MRN", "MRN:           0093 4417 2", "0093 4417 2"),
    ("ID", "Hospice ID HB-2207 on the face sheet", "HB-2207"),
    ("ID", "Coverage: state plan ID SPX0091822", "SPX0091822"),
    ("ACCOUNT", "never attached to the ED encounter (E7719304428) - registration", "E7719304428"),
    ("ACCOUNT", "Re: CHO, MINJI   Enc E-40027731   Adm 9/2", "E-40027731"),
    # a UDI's elements make it one, whatever its GTIN's check digit
    ("DEVICE", "UDI: (01)00612345000011(17)280131(21)PX44180", "(01)00612345000011(17)280131(21)PX44180"),
    # organizations named by their kind
    ("ORGANIZATION", "  Rana Qadri, MD -- Gastroenterology\n  Brackenfield Digestive Health", "Brackenfield Digestive Health"),
    ("ORGANIZATION", "Tues 1/21 @ 10:40, Ostberg Heart Failure Clinic, 3rd floor", "Ostberg Heart Failure Clinic"),
    ("ORGANIZATION", "  Employer: Tri-Valley Logistics, Inc.", "Tri-Valley Logistics, Inc."),
    ("ORGANIZATION", "Supplier: Summit Respiratory Supply", "Summit Respiratory Supply"),
    ("ORGANIZATION", "referral to Jewish Family Hospice of the Bay; SW arranging bed", "Jewish Family Hospice of the Bay"),
    ("ORGANIZATION", "REQUESTOR\nHallam & Voss LLP", "Hallam & Voss LLP"),
    ("ORGANIZATION", "Pt works for Quintero Construction as a framer", "Quintero Construction"),
    ("ORGANIZATION", "TRANSPORTED TO CUMBERLAND RIDGE MEDICAL CENTER ED", "CUMBERLAND RIDGE MEDICAL CENTER"),
    ("ORGANIZATION", "SURGICAL PATHOLOGY REPORT\nLakeview Health Department of Pathology", "Lakeview Health"),
    # a role and a first name; nicknames; sign-offs
    ("PERSON", "Called by RN Ngozi re: BP 78/40", "Ngozi"),
    ("PERSON", "Message sent to therapist Sunniva for f/u call", "Sunniva"),
    ("PERSON", "Per primary RN Hye-jin, pt received glargine", "Hye-jin"),
    ("PERSON", 'Clinician: Tobias "Toby" Okonjo, LCSW', 'Tobias "Toby" Okonjo'),   # the nickname inside the whole name
    ("PERSON", 'Patient: Emeka Obi (prefers "Meks"), 46M', "Meks"),
    ("PERSON", "will pass on to day rn.\n- jess t rn", "jess t"),
    ("PERSON", "mailed the FA application.\n\n- dwight x4471", "dwight"),
    ("PERSON", "pt in AM via daughter. -dt", "dt"),
    ("LOCATION", "Lakeshore Cardiology Clinic\n400 E 3rd St, 5th Floor", "400 E 3rd St, 5th Floor"),   # "rd" of 3rd
    ("LOCATION", "for delivery 1180 Oakley Ave, Apt 2R, Chicago 60622 - 3rd floor", "Chicago 60622"),
    ("LOCATION", "to ship to 2208 Calle Ocotillo, Las Cruces 88001. Thanks", "Las Cruces 88001"),
    ("ID", "first-level appeal AP-2025-0410-2231 upheld", "AP-2025-0410-2231"),
    ("ID", "Spoke with Tiffany @ the plan, ref call C-88172-04", "C-88172-04"),
    ("ID", "INCIDENT INC0048817    Category: Portal", "INC0048817"),
    ("ORGANIZATION", "my manager at Target needs the form by friday", "Target"),
    ("ORGANIZATION", "Pt works as a carpenter for Quintero Builders; will need a note", "Quintero Builders"),
    ("ORGANIZATION", "HUSBAND WORKS AT AMAZON, HOME BY 6", "AMAZON"),
    ("DATE", "IV ertapenem via PICC (placed 3/21, L basilic 4Fr single lumen)", "3/21"),   # L: left, not litres
    ("DATE", "hx afib on warfarin (last inr 2.8 on 12/26). new l hip pain", "12/26"),
    ("PHONE", "PLS GIVE HIM MICU WAITING RM PHONE 555-0183", "555-0183"),
    ("PHONE", "dtr Patty = HCP 555-0171", "555-0171"),
    ("PERSON", "Pt found sitting on floor by PCT (Manny) during 0330 rounding", "Manny"),
    ("PERSON", "Resume apixaban in 24-48h if stable. Questions? call Tobin x4502.", "Tobin"),
    ("ID", "BCx x2 sent 2235 -- specimen 31-204-0917, pending", "31-204-0917"),
    ("ID", "repeat periph BCx drawn 0210 C26-081-0042. wife at bedside", "C26-081-0042"),
    ("ID", "Repeat K+ on new draw (M7713-2281) = 5.2, hemolysis index 3+", "M7713-2281"),
    ("ID", "PRODUCT: RBC, leukoreduced   Unit # W1234 26 447120   ABO/Rh O POS", "W1234 26 447120"),
    ("AGE", "I certify that Mrs. Dunmore, ninety-three, has a life expectancy of six months", "ninety-three"),
    ("AGE", "Pt's mother (ninety-one) lives with them part of the year", "ninety-one"),
    ("LOCATION", "24 yo M, MVC vs guardrail on Route 9 near the town line, est 45 mph", "Route 9"),
    ("LOCATION", "ROLLOVER MVC COUNTY RD 418 AT THE BRIDGE. 2 PTS.", "COUNTY RD 418"),
    ("LOCATION", "Address on file: 77 Bedford Terrace, 2nd fl, Fall River, MA 02723", "77 Bedford Terrace, 2nd fl"),
    ("ORGANIZATION", "Rabbi visited from Temple Beth Shalom of Riverdale at 1300", "Temple Beth Shalom of Riverdale"),
    ("ORGANIZATION", "   Agios Nikolaos Home for the Aged       fax 508-555-0148   declined",
     "Agios Nikolaos Home for the Aged"),
    ("ORGANIZATION", "i cant miss more class, i have midterms at Metro State until the 21st", "Metro State"),
    ("PERSON", "REPORT GIVEN TO MICU RN JOANNA 0150.", "JOANNA"),
    ("PERSON", "PAGE FROM: 7W RN DAISY x3321", "DAISY"),
    ("HEALTH_PLAN", "Member ID on his Aetna card is W281946073. Best number is my cell", "W281946073"),
    ("HEALTH_PLAN", "Plan / ID    : UnitedHealthcare / 948301276-00\nOrdering: Dr. Ashby", "948301276-00"),
    ("ACCOUNT", "the account # on the bill is 900382117 and then there is a second bill", "900382117"),
    ("VEHICLE", "gray honda crv, VIN on dash 5J6RM4H79GL031842. need it moved", "5J6RM4H79GL031842"),
    ("VEHICLE", "driver (restrained) of 2019 Honda Civic, MA reg 8KTR42, stopped at light", "8KTR42"),
    ("LICENSE", "perfect thank you. his DL was in the wallet too, D4418823, reg needs it", "D4418823"),
    ("DATE", "TELEPHONE ENCOUNTER\n031425  0915   Call from: home health", "031425"),
    ("DATE", "UM / CASE MGMT NOTE   031425\n\nPt: KAUR, HARPREET", "031425"),
    ("LOCATION", "e-prescribed to H-E-B Pharmacy on Texas Pkwy. Discharged 0450", "Texas Pkwy"),
    ("LOCATION", "stayed at Cornerstone Men's Shelter on NW Glisan St. Pt states", "NW Glisan St"),
    ("LOCATION", "atorvastatin sent to CVS Malden\n(Main St) per Dr. Adeyemi", "Main St"),
    ("LOCATION", "Clinic: Canyonlands Indian Health Clinic, Tuba City\nFax 928-555-0107", "Tuba City"),
    ("LOCATION", "He lives about 2 hrs from your office, out past Moenkopi, and relies on his niece", "Moenkopi"),
    ("ORGANIZATION", "Practice: Scioto Orthopaedic & Spine, 6280 Sawmill Rd, Ste 300", "Scioto Orthopaedic & Spine"),
    ("ORGANIZATION", "Supplier: Bay State Mobility & Seating\n\nTo whom it may concern:", "Bay State Mobility & Seating"),
    ("ID", "Tracking number 1Z 999 AA1 01 2345 6784 for the CPAP shipment.", "1Z 999 AA1 01 2345 6784"),
    ("ID", "FedEx 7712 4490 0873 delivered to the clinic", "7712 4490 0873"),
    ("ID", "Badge ID 004817, employee #55102 reported the exposure.", "55102"),
    ("ID", "PA request ID: 7Q2K-99M1-04 (pending)", "7Q2K-99M1-04"),
    ("ID", "your confirmation code is XK7-44P2", "XK7-44P2"),
    ("ID", "Portal lockout. user id: jmorales2, password reset sent", "jmorales2"),
    ("ORGANIZATION", "Site         : Westlake Open MRI\nStudy        : MRI L-spine w/o contrast", "Westlake Open MRI"),
    ("ORGANIZATION", "Pharmacy: Hollis Family Drug   Phone: 555-0101", "Hollis Family Drug"),
    ("PERSON", "MOM AGREES W PLAN.\nRN: J. STREET\n\n0008 CALLBACK FROM MOM", "J. STREET"),
    ("PERSON", "Signature: ____B. Street, DO____          Date: 3/3/25", "B. Street"),
    # the next checklist item's "[x]" is no "x" of doses after the date
    ("DATE", "CONTRIBUTING FACTORS:\n [x] new to unit, transferred from ICU 7/18\n [x] staffing - sitter denied", "7/18"),
    # a middle initial makes "SURNAME, GIVEN M" a name whatever the words, next to patient context
    ("PERSON", "Patient: STREET, LAWRENCE J     MRN 9038821", "STREET, LAWRENCE J"),
    ("PERSON", "Subject: labs - PEMBERTON, JUNE A\n\nTeam -", "PEMBERTON, JUNE A"),
    # the name an e-mail address is shown with, without its credentials
    ("PERSON", "From: Marcus Early <mearly@example.org>", "Marcus Early"),
    ("PERSON", "From: Ingrid Sorensen, MSN, RN <isorensen@example.org>", "Ingrid Sorensen"),
    ("PERSON", "RN Jun-ho Baek removed insulin from the ADC", "Jun-ho Baek"),
    ("PERSON", "CREW: T. HALCOMB, EMT-B", "T. HALCOMB"),
    ("ORGANIZATION", "from: willow creek nursing & rehab, 2718 w saddle ridge rd", "willow creek nursing & rehab"),
    ("ORGANIZATION", "will short was seen at quickcare urgent care on 9/30/24", "quickcare urgent care"),
    ("ORGANIZATION", "she came from sunrise nursing and rehab on friday", "sunrise nursing and rehab"),
    ("LOCATION", "from: willow creek nursing & rehab, 2718 w saddle ridge rd, visalia   ph 559-555-0144",
     "2718 w saddle ridge rd"),
    ("PERSON", "c/o Evangeline Osei-Bonsu, 14 Harrow Lane", "Evangeline Osei-Bonsu"),
    ("PERSON", "Attn: Dr. Lowenthal", "Lowenthal"),
    ("ORGANIZATION", "pt transferred from St. Columba's last night", "St. Columba's"),
    ("PERSON", "dear hakimi family, we were honored to care for him", "hakimi"),
    ("PERSON", "Pt: R.T. (Thibodeaux, Remy) 58M", "R.T."),
    ("PERSON", "Spoke with   : Tiffany @ UHC, ref call C-88172-04", "Tiffany"),
    # an identifier said with "is", as voicemail transcripts and letters do; letters then spaced digits
    ("ID", "Reference number is 4471-9920.", "4471-9920"),
    ("ID", "your claim number is 88213409 and the appeal", "88213409"),
    ("HEALTH_PLAN", "Member ID: XJH 889 771 20", "XJH 889 771 20"),
    ("ORGANIZATION", "Refer to Bright Horizons Behavioral for ABA", "Bright Horizons Behavioral"),
    ("ORGANIZATION", "f/u with Northshore Cardiology Assoc in 2 wks", "Northshore Cardiology Assoc"),
    ("PERSON", "spoke with ms. okafor about discharge", "okafor"),
    ("DATE", "F/c changed on 8/3. producing 5 cc/hr", "8/3"),
    ("PERSON", "MS. LEE AT BEDSIDE", "LEE"),
    # initials signing a line off, or after who entered it
    ("PERSON", "Leave approved; intermittent designation entered in HRIS. — JH", "JH"),
    ("PERSON", "Husband is driver day of surgery, arrival 0600. — DC 11/20", "DC"),
    ("PERSON", "sending facility face sheet attached.\n-- MW / LA", "MW / LA"),
    ("PERSON", "J. Baptiste, Paramedic  / partner Odell Frane EMT     -- JK", "JK"),
    ("PERSON", "Follow-up contact 1/15 0700 at shelter.\n\n— JB / MTH", "JB / MTH"),
    ("PERSON", "Sections A1-A18.\njt/mlk\n\nI attest that", "jt/mlk"),
    ("PERSON", "trips on hold until d/c.\nEntered by: rlw (billing)", "rlw"),
    ("PERSON", "Received: 06/30/2025 16:02:11    Call taker: dmk    Dispatcher: S. Pakal", "dmk"),
    ("PERSON", "PA ref # PA-25-118834-KC   received 04/28/2025 15:22  by tlm", "tlm"),
    ("PERSON", "RESULT CALLED TO ARCENEAUX, NP BY PN 07:10 8/30", "PN"),
    ("PERSON", "do not release to family portal pending CPT review (per AB-P).", "AB-P"),
    # who speaks in a chat or text log
    ("PERSON", "[19:04] Bot: connecting\n[19:04] Agent Marco: Hi, this is Patient Access.", "Marco"),
    ("PERSON", "4/14/25 7:05 AM  Emeka: did he take the amlo?", "Emeka"),
    # children listed with their ages; staff named by role; an interpreter after the language
    ("PERSON", "  Children: Kevin 9, Yaretzi 5, Santiago 11 mo", "Yaretzi"),
    ("PERSON", "  Children: Kevin 9, Yaretzi 5, Santiago 11 mo", "Santiago"),
    ("PERSON", "Notifications: dispatcher Kelsey 14:45; operations manager Brian Stone", "Kelsey"),
    ("PERSON", "Notifications: dispatcher Kelsey 14:45; operations manager Brian Stone", "Brian Stone"),
    ("PERSON", "I spoke with a woman named Kathy who said the claim was sent", "Kathy"),
    ("PERSON", "Interpreter: Arabic (Iraqi dialect), Yousif, ID AR-77130", "Yousif"),
    # references with a letter prefix and a long run of digits
    ("ID", "Medical Assistance trip # NEMT-88204417. Member ID 00918834.", "NEMT-88204417"),
    ("ID", "  HB-7120045513  DOS 05/02/2025  L&D / newborn", "HB-7120045513"),
    ("ID", "Intake #: MSP-INT-2025-30412", "MSP-INT-2025-30412"),
    ("ID", "using family code FAM-0883172-A. Sister already tested", "FAM-0883172-A"),
    ("ID", "Claim number for this request: RX25121903318.", "RX25121903318"),
    ("ID", "Encounters to move:   V0044812275   1/14/25  ED visit", "V0044812275"),
    ("ID", "specimens to the reference lab (QD8840217). Last week CRP 4.1", "QD8840217"),
    # a dated entry's writer in capitals, in parentheses (session 31)
    ("PERSON", "Follow-up 12/9/25 (QN): Unlabelled tubes traced to a 2022 draw", "QN"),
    ("PERSON", "ADDENDUM 12/30/2025 (QMK): CVS 12/22, uncomplicated", "QMK"),
    ("ID", "Deviation #: DEV-2025-09   Date discovered: 10/9/2025", "DEV-2025-09"),
    ("ID", "Tumor NGS already sent (TNGS-26-0055). Note from", "TNGS-26-0055"),
    # a year or a site's number, an office's letters and a serial; two groups of letters, two of digits
    ("ID", "Linked safety event: 2024-PS-11520\n\nReported problem", "2024-PS-11520"),
    ("ID", "Letters Testamentary, Quaxley County District Court, file 09-PR-25-318, naming", "09-PR-25-318"),
    ("ID", "Screening ID: pending   Subject ID if enrolled: 117-HR-009\nPt:", "117-HR-009"),
    ("ID", "HOTLINE INTAKE QPH-HL-25-0352\nCaller:", "QPH-HL-25-0352"),
    # a federal court's case number; an employer's tax number after its label
    ("ID", "United States Bankruptcy Court\nCase no.: 4:25-bk-09417-QXW    Chapter: 7", "4:25-bk-09417-QXW"),
    ("ID", "Quaxley v. Quenby, Civil Action No. 1:24-cv-03318 (D. Md.)", "1:24-cv-03318"),
    ("ID", "with questions. Our TIN is 46-3301829; group NPI 1801197742.", "46-3301829"),
    ("ID", "Specimen: bone marrow aspirate BM-26-0219-A Patient:", "BM-26-0219-A"),
    # a driver's licence and an ID in spaced groups (session 31)
    ("LICENSE", "DOB 11/02/1979  (45)   PA DL 28 491 773 Home: 6 Quaxley Way", "28 491 773"),
    ("LICENSE", "W/M   DOB 01-22-1970   OLN PA 19 884 203 Address:", "19 884 203"),
    ("ID", "5/21 -- Medicaid approved! ID 01 447 829 305. Brought pill organizer.", "01 447 829 305"),
    ("ID", "his SSN on the PA form is wrong, should end in 0932 not 0923", "0932"),
    ("ID", "last 4 of Medicaid ID (3318) Callback #: 404-555-0117", "3318"),
    # a plate in two groups (session 31)
    ("VEHICLE", "Peterbilt 579, ND plate TR 48213  HEALTH HISTORY", "TR 48213"),
    ("VEHICLE", "green 2014 Subaru Forester, NH plate 4471 KX. Wife to drive", "4471 KX"),
    ("VEHICLE", "one is a peds. Plate on the car was 7KDW 219 per police", "7KDW 219"),
    # employers and stores named alone (session 31)
    ("ORGANIZATION", "9/11: Caller disclosed job loss (Amazon MDT5 warehouse, Quaxton)", "Amazon"),
    ("ORGANIZATION", "- Quaxley Park basketball, Planet Fitness on Trindle Rd", "Planet Fitness"),
    ("ID", "VIN on file. Metro PD report 25-119044, Ofc Quaxley. Camera 14 pulled", "25-119044"),
    ("ID", "Waste event reported, SI# 2025-0412. Recipient cards mailed", "2025-0412"),
    # a long bare number listed without a label (session 31)
    ("ID", "Accounts to be covered: 2100349987 (ED visit + obs 8/30-8/31/25), 2100352210", "2100349987"),
    ("ID", "| QUAXLEY,ANA M         | 720044198      | 2025-10-04 03:12:00 |", "720044198"),
    ("ID", "ok, full # is 2100338457. Policy allows last 4", "2100338457"),
    # employers and suppliers by the kind of business
    ("ORGANIZATION", "works night shifts at Barre Granite Works; dose at 7 pm", "Barre Granite Works"),
    ("ORGANIZATION", "fell asleep driving a forklift at work (Bluegrass Auto Parts Distribution), HTN",
     "Bluegrass Auto Parts Distribution"),
    ("ORGANIZATION", "Records from Quaxton Valley Health System were requested",
     "Quaxton Valley Health System"),
    ("ORGANIZATION", "extrication (~25 min) by Scio Lake Township Fire. Medic 19 (Riverside Fire & Rescue)",
     "Riverside Fire & Rescue"),
    # a hurried note's "last, first" in lowercase; other names a person goes by
    ("PERSON", "CM f/u call 4/9/25 1415\npt: quaxley, will   dob 11/3/58   mrn 2291047", "quaxley, will"),
    ("PERSON", "thu 7/24 0930  yeager, harold picked up oxycodone 5 mg #60", "yeager, harold"),
    ("PERSON", "OTHER NAMES USED: AMINATA KONATE\nDATE OF BIRTH: 11/23/1984", "AMINATA KONATE"),
    # each end of a range of months
    ("DATE", "- Adalimumab 40 mg q2wk 03/2022-09/2023: secondary failure", "03/2022"),
    ("DATE", "- Adalimumab 40 mg q2wk 03/2022-09/2023: secondary failure", "09/2023"),
    # the pharmacy where meds are picked up
    ("ORGANIZATION", "Son Minh picks up meds from the CVS on Adams St every Saturday.", "CVS"),
    # named buildings where someone lives
    ("LOCATION", "He rents a one-bedroom at Maple Ridge Apartments, 200 Carew St, Unit 14C", "Maple Ridge Apartments"),
    ("LOCATION", "usually at Hope Street Shelter or the camp under the overpass", "Hope Street Shelter"),
    ("LOCATION", "ADDRESS: 8821 W MCDOWELL RD, SPC 47 (SUNSET PALMS MOBILE HOME PARK)", "SUNSET PALMS MOBILE HOME PARK"),
    # a full month's name after a weight or a value is still a date (only "MAR", "DEC" are shorthand)
    ("DATE", "Home scale 171 lb (168 lb on October 9). Ankles less swollen.", "October 9"),
    ("DATE", "Labs drawn September 22nd: K 4.1, Cr 0.9", "September 22nd"),
    # ages of 90+ in words and in parentheses after a relative
    ("AGE", "Patient: Ottoline Brisbane     Age: ninety-four", "ninety-four"),
    ("AGE", "My dad has the cough since Sunday. He is ninety-three years. He has appointment", "ninety-three"),
    ("AGE", "Helps care for her great-aunt Wilhelmina Tsosie (96) in Chinle.", "96"),
    ("AGE", "Caller said her father (92, hard of hearing) would not answer the phone.", "92"),
    # spoken dates
    ("DATE", "hi this is Marisol Quiroga, date of birth eleven nine ninety-one, calling about", "eleven nine ninety-one"),
    ("DATE", "a refill for Tomasz Wrobel, D-O-B three twenty-two sixty-seven, the lisinopril", "three twenty-two sixty-seven"),
    ("DATE", "my mother is Halina Wrobel, birth second of March 1936. She", "second of March 1936"),
    ("DATE", "Her follow-up is on the nineteenth but she works that day.", "nineteenth"),
    # licenses after their labels: a state's code, a dotted number, a lab's CLIA, a paramedic's NREMT
    ("LICENSE", "State license: OH 3502198877, exp 06/30/2027", "3502198877"),
    ("LICENSE", "License no.: MA 377021       Practice: Fitchburg", "377021"),
    ("LICENSE", "Ngozi Eke, PharmD   TX lic PHM.440912   ext 3310", "PHM.440912"),
    ("LICENSE", "Lab: Prairie Cytology Laboratory, CLIA 24D1187345", "24D1187345"),
    ("LICENSE", "SIGNED: R. OKAFOR, NRP   NREMT P2290417   05/11/2025 0212", "P2290417"),
    # a town or county in a form's field, and a ZIP after the town with no state
    ("LOCATION", "ADDRESS: 14 LARCH CT   CITY: OLNEY   STATE: MD   ZIP: 20832", "OLNEY"),
    ("LOCATION", "COUNTY: PIMA               SCREENER: J. ABERNATHY", "PIMA"),
    ("LOCATION", "CITY/ZIP: TUCSON 85705", "85705"),
    ("LOCATION", "cc: Mr. Zamora (father) - 42 Calle Olivo, Ventura 93001", "Ventura 93001"),  # the city with its ZIP
    # three names after a title in a letter's address block; a nickname after a form's name field
    ("PERSON", "Ms. Ottilie Renata Strong\n12 Birch Ln\nHampton, VA 23666", "Ottilie Renata Strong"),
    ("PERSON", "Patient: Vo, Thi Hoa (Rosie)   DOB 02-11-1988", "Rosie"),
    # identifiers after more labels, and codes of letters and digits
    ("ID", "Docket No. HS25P0417QR\n\nRESPONDENT: DUARTE, JOAO", "HS25P0417QR"),
    ("ID", "hearing at the housing court, docket 25-SP-01942.", "25-SP-01942"),
    ("ID", "Specimen (filter card) #: 25-301-07720      Lab #: NBS2507720", "25-301-07720"),
    ("ID", "Workers comp claim # (per employer) WC-2025-09-0188.", "WC-2025-09-0188"),
    ("ID", "FEE: $0   LOG ENTRY DL-0611-0093\nNOTE: fax sent", "DL-0611-0093"),
    ("ID", "Enrollment code: MRC-ID-77J2Q9, at the website", "MRC-ID-77J2Q9"),
    ("ID", "submitted a new PA via CoverMyMeds, key QT4W9ZPL. We included", "QT4W9ZPL"),
    ("ID", "Employee: Castellanos, Irma (User icastellanos2), Registration", "icastellanos2"),
    ("ORGANIZATION", "BMP in 1-2 wks at the Quest draw site on Halsted St; call with questions", "Quest"),
    ("ORGANIZATION", "Approved through 9/1/2026. Accredo has the Rx and will call to ship.", "Accredo"),
    ("ORGANIZATION", "Cumberland Gap Anticoagulation Service     03.18.2025\nPt: Whitecloud, Edna", "Cumberland Gap Anticoagulation Service"),
    # unit forms of mobile homes and lots; MRNs with a hospital's letters; visit and run codes
    ("LOCATION", "ADDRESS: 311 N 9th St, Trlr 22 — Seward, NE 68434", "311 N 9th St, Trlr 22"),
    ("LOCATION", "home visit, 1204 Pruitt Rd, Lot 9, Union SC", "1204 Pruitt Rd, Lot 9"),
    ("MRN", "DOB 3/8/1930 (95 y/o)     MRN KV 017-442-90\nIndication: afib", "KV 017-442-90"),
    ("MRN", "SNF MR#: GM-20981      Hospital MRN (prior admit): QH 61 07 354", "QH 61 07 354"),
    ("ACCOUNT", "MRN CHL0081127     Visit V25111403318\nGuardian: mother", "V25111403318"),
    ("ACCOUNT", "mrn 7710-0932-1   enc E20251109-0413\narrived 09:12", "E20251109-0413"),
    ("ACCOUNT", "Metro Ambulance Authority   Medic 14   Run MAA-251107-0102   11/7/25", "MAA-251107-0102"),
    ("ACCOUNT", "deposit $150 collected by card ending 9032 (not stored).", "9032"),
    ("ACCOUNT", "BANK STATEMENT FROM MESA VERDE CREDIT UNION, ACCT ENDING 2281, BALANCE $9.40", "2281"),
    ("ACCOUNT", "and insurance member ID ending in 5519. Your Social Security number", "5519"),
    ("PHONE", "[19:10] Agent Rosa: Code sent to (505) XXX-0177.", "(505) XXX-0177"),
    ("PERSON", "goes straight to voicemail. Grandson Will set the monitor up originally.", "Will"),
    ("PERSON", "her daughter Hope Castellanos drove her in", "Hope Castellanos"),
    ("PERSON", "Pt ID: PARK, SEO-YEON, per MA driver's license S4412", "PARK, SEO-YEON"),
    ("PERSON", "MEMBER: de la Rosa, Ma. Lourdes        DOB: 04/02/1969", "de la Rosa, Ma. Lourdes"),
    ("LOCATION", "Her daughter lives in Towson and her son went back to Harwick after the visit.", "Towson"),
    ("DATE", "Dear Dr. Puig, since my visit on 3/10 my chest pain is a little better", "3/10"),
    ("PERSON", "Referring: Quaxley, Stanley MD\n\nTECHNIQUE: Axial images", "Quaxley, Stanley"),   # not the MD
    # in capitals, after kinds that name only organizations
    ("ORGANIZATION", "BRACKENRIDGE HEALTH SYSTEM - DEPARTMENT OF RADIOLOGY\nPATIENT: DOE", "BRACKENRIDGE HEALTH SYSTEM"),
    ("ORGANIZATION", "HARRODSBURG COUNTY EMS - PATIENT CARE REPORT", "HARRODSBURG COUNTY EMS"),
    # organizations by more kinds of business
    ("ORGANIZATION", "arrangements are pre-paid with Kowalczyk Funeral Home, contract on file", "Kowalczyk Funeral Home"),
    ("ORGANIZATION", "RESIDENCE: Saint Adalbert Nursing and Rehabilitation Center, Fitchburg",
     "Saint Adalbert Nursing and Rehabilitation Center"),
    ("ORGANIZATION", "coverage through her spouse's employer, Teller Brewing Co.)", "Teller Brewing Co."),
    ("ORGANIZATION", "Smoky Ridge Rheumatology, PLLC\n12 Haywood Rd, Ste 200", "Smoky Ridge Rheumatology, PLLC"),
    ("ORGANIZATION", "Called the landlord, Kestrel Property Management, about the heat.", "Kestrel Property Management"),
    ("ORGANIZATION", "statement from Saguaro Valley Credit Union, balance low", "Saguaro Valley Credit Union"),
    ("ORGANIZATION", "kindergarten form for Round Rock Elementary; Union Hospital records", "Round Rock Elementary"),
    # two-letter surnames, after a given name, before a comma, after a title
    ("PERSON", "Pharmacist: Theodora Ng, PharmD, BCPS", "Theodora Ng"),
    ("PERSON", "Reported by: Yi, Soo-ah (tech)", "Yi, Soo-ah"),
    ("PERSON", "Patient: DO, MINH KHOA     DOB: 1957-10-02", "DO, MINH KHOA"),
    ("PERSON", "Interp: Anh Do, MD (ABIM-Sleep)", "Anh Do"),
    ("PERSON", "also bed 14 Mr. Ng — MRN 6672019 — NPO after midnight", "Ng"),
    # ages in prose before a dash, after a titled name
    ("AGE", "Structural heart team referral suggested; pt is ninety-four -- TAVR candidacy", "ninety-four"),
    ("AGE", 'Pt: Konstantinos Quaxley ("Gus"), ninety-four — family says he turned', "ninety-four"),
    ("AGE", "note: Mrs. Kim is 90, needs wheelchair at check-in", "90"),
    # an age after "she's", before "so"; a user's folder; a chat's mention
    ("AGE", "also Mrs. Yi has no phone — she's 93, her grandson handles calls", "93"),
    ("AGE", 'is "am" right for Amharic? she\'s 95 so I want the interpreter flag', "95"),
    ("PERSON", 'df = pd.read_csv(r"C:\\Users\\akinyi.quaxley\\Documents\\dc_followup.csv")', "akinyi.quaxley"),
    ("PERSON", "cp /home/jquaxley/notes/census.csv /tmp", "jquaxley"),
    ("PERSON", "Priscilla Quaxley  7:05 AM\n@Yaw Boateng she turns 90 today lol", "Yaw Boateng"),
    # logins after more verbs of a log
    ("ID", "Date received: 03/24/2025      Logged by: mkrause\n1. Patient:", "mkrause"),
    ("ID", "06:44:18 CLOS  inc closed by rdasilva\nUnits: M7", "rdasilva"),
    ("ID", "Window: 2025-04-01 to 2025-04-10     Generated by privacy_agalvan on 2025-04-11", "privacy_agalvan"),
    # prescription numbers, badges, an interpreter's ID
    ("ID", "filled at Quiet Corner Apothecary, Rx 6620417. Started morphine", "6620417"),
    ("ID", "8 Rx, Rx#s 7704112-7704119. Questions to son", "7704112-7704119"),
    # dev-g's rules: co-signers' initials, a dictation pair after its signer, a sign-off after a time
    ("PERSON", "Given: Aoife Quaxley, RN -> Received: Kwame Quenby, RN   AB/KA", "AB/KA"),
    ("PERSON", "Incident # RL-88217.   SAW/LPA", "SAW/LPA"),
    ("PERSON", "Time on scene 60 min.\nLTNA / MLQ", "LTNA / MLQ"),
    ("PERSON", "Dictated by: Rania Quaxley, MD     RH/mjb   D: 03/07/2024 13:05", "RH/mjb"),
    ("PERSON", "Completed 06/09/2024 1612 -- JF", "JF"),
    ("PERSON", "M. Quaxley, RN  1900 / co-sign RN/TS", "TS"),
    ("PERSON", "Fasting: Y   Collected by: nb\nRequisition", "nb"),
    ("PERSON", "RN: Dolores Quaxley, RN   PCT: Ana F.   Charge: JBH", "JBH"),
    ("PERSON", "Investigator sign-off: BK 3/8/24", "BK"),
    # nicknames after an initial, "a/k/a", "calls her"; kin titles of other languages
    ("PERSON", 'Resident: Quaxley, Bridget A. ("Biddy")   Sex F', "Biddy"),
    ("PERSON", 'Inmate: QUAXLEY, ROY LEE JR  a/k/a "Junior"     Booking #', "Junior"),
    ("PERSON", 'Pt calls her "Sunshine". Daughter here.', "Sunshine"),
    ("PERSON", "Lola was moved to ICU, tita Rosa you are the POA", "Rosa"),
    # a name spelled out long enough needs no cue
    ("PERSON", "This is Shirin, Shirin Quaxani, Q-U-A-X-A-N-I. My husband", "Q-U-A-X-A-N-I"),
    # romanized given names with their surname, and a Hmong given name after "Pa"
    ("PERSON", "To the family of Wong Siu-ling (Q):", "Wong Siu-ling"),
    ("PERSON", "Sincerely,\n\nSun-hee Quaxbaek, MD, PhD", "Sun-hee Quaxbaek"),
    ("PERSON", "interp Kwan Wai-man ID C-7721 via iPad", "Kwan Wai-man"),
    ("PERSON", "Member: Pa Nhia Quaxvang     DOB: 2014-06-23", "Pa Nhia Quaxvang"),
    # a first name alone where prose says a person is meant
    ("PERSON", "All of us were saddened by the death of Quenby on December 30.", "Quenby"),
    ("PERSON", "It has now been about three months since Quaxla died. We", "Quaxla"),
    ("PERSON", '"Hi it\'s Quaxla again, the wife of Quenby, sorry, he already called.', "Quaxla"),
    ("PERSON", '"Hi it\'s Quaxla again, the wife of Quenby, sorry, he already called.', "Quenby"),
    ("PERSON", "Si no puede ir ese dia, llame a Quaxla en nuestra oficina.", "Quaxla"),
    ("PERSON", "Su hija Quenby nos pidio que le mandemos copia.", "Quenby"),
    ("PERSON", "consent signed w/ Portuguese interp Quaxla (ID PT-3092).", "Quaxla"),
    ("PERSON", "Name: QUAXLEY DE LEON, GUADALUPE              Preferred: Lupe", "Lupe"),
    ("PERSON", 'Preferred name / spelling: "Quaxlaahi". Lang: Somali', "Quaxlaahi"),
    # a numbered road and the street crossing it
    ("LOCATION", "CALL: unresponsive male, bathroom of the gas station, Route 9 and Quaxton Rd", "Route 9 and Quaxton Rd"),
    ("LOCATION", "rear-end collision, I-15 SB at Quenby Ave)", "I-15 SB at Quenby Ave"),
    # a Native American surname of two words after a given name
    ("PERSON", "Veteran: Quenby J. Two Hawks\nVA file number: 028447913", "Quenby J. Two Hawks"),
    ("PERSON", "1400  gr5 Quaxton Running Crane - albuterol 2 puffs", "Quaxton Running Crane"),
    # any label with "#" or "No." before an identifier
    ("ID", "Re: Juror Hendrika Quaxley, juror no. J-2411-0387", "J-2411-0387"),
    ("ID", "Subject ID: 014-0093     Randomization #: R-5521", "R-5521"),
    ("ID", "pocket knife    1    security, receipt # SAFE-0307-12", "SAFE-0307-12"),
    ("ID", "Case # (OSHA log): 2024-0188     Carrier claim #", "2024-0188"),
    ("ID", "used video interp Quenby (#30418).", "30418"),
    # ages: "who is", "she'll be", "would have been", "her 90th"
    ("AGE", "Lives w/ her mother, who is 103!! Daughter covering.", "103"),
    ("AGE", "Thats our girl. She'll be 96 in January and still", "96"),
    ("AGE", "She told us after her 90th she doesnt want tubes.", "90"),
    ("AGE", "Pt would have been ninety-six at Tet next year", "ninety-six"),
    # a month and year in Spanish; a highway by its state's prefix
    ("DATE", "Hemoglobina A1c: 6.4% (antes 7.9% en agosto de 2023)", "agosto de 2023"),
    ("LOCATION", "motor vehicle collision on NC-130 near Quaxton", "NC-130"),
    ("LOCATION", "collision on October 7, 2023 on US-280 in Quax County", "US-280"),
    ("ID", "Officers: Ofc. Brennan Quaxley (badge 4471)", "4471"),
    ("ID", "reporting officer: Security Officer II, badge S-217", "S-217"),
    ("ID", "NOTE  Tpr K. Quaxley #612 on scene, 1 lane closed", "612"),
    ("ID", "given to officer Leilani Quenby #48102, police report", "48102"),
    ("ID", "interpreter Martin, #77120, via Voz Language Services", "77120"),
    ("ID", "RN: Courtney Sandoval   Interpreter: Ximena (ID 20441)", "20441"),
    # organizations by more heads
    ("ORGANIZATION", "Certifying provider: Dr. Ivan Petrov, Bayside Orthopaedic Surgeons, fax", "Bayside Orthopaedic Surgeons"),
    ("ORGANIZATION", "Referred to Greater Quaxley Food Pantry (Tue/Thu)", "Greater Quaxley Food Pantry"),
    # a phone number formatted as one after a fluid-balance word; a date after an initial's period
    # and before a texter's "u"; a weekday before a month and day
    ("PHONE", "agency phone (Quaxley Home Care intake: 215-555-0170, contact Efua Quax)", "215-555-0170"),
    ("DATE", "[10:05:02] Brianna K.: May 12 works for us", "May 12"),
    ("DATE", "[10:05:02] Brianna K.: Mon May 12 8:40 AM with Jill Quax, PA-C", "May 12"),
    ("DATE", "its physical form for school its due aug 1st can u fill it", "aug 1st"),
    # ages: after "age (", a birthday in words, Spanish
    ("AGE", "we obtained your name, date of birth, age (90), medical record number", "90"),
    ("AGE", "Turned ninety-six at Christmas per son.", "ninety-six"),
    ("AGE", "Se le acabó la insulina. Tiene 91 años y vive sola.", "91"),
    # dates in Spanish, French, Haitian Creole
    ("DATE", "Su fecha de nacimiento es el doce de octubre del treinta y tres", "doce de octubre"),
    ("DATE", "Né le 3 avril 1931 à Port-au-Prince", "3 avril 1931"),
    ("DATE", "Dat: 4 mas 2025   CHW: Fabiola Quax", "4 mas 2025"),
    ("PHONE", "Por favor llámeme al nueve quince, cinco cinco cinco, cero uno cuatro seis o al celular",
     "nueve quince, cinco cinco cinco, cero uno cuatro seis"),
    # a label's aside in parentheses; a name with a particle before its number; three letters
    ("HEALTH_PLAN", "MFIP pending. Medical Assistance ID (Quax) 00983317.", "00983317"),
    ("HEALTH_PLAN", "CHW will attend. MassHealth ID (J-B) 100294418833.", "100294418833"),
    ("MRN", "05/06  10:48  jpz     Idris ibn Quaxley (NG612044)      pharmacy fax", "NG612044"),
    ("MRN", "patient copy\nQUAXLEY, YULIIA V / BRH0030917 / TS5071844", "BRH0030917"),
    ("HEALTH_PLAN", '{"payer": "Medicare", "member_id": "2RK5-PD8-UV17", "secondary_id": "48820173311"}', "48820173311"),
    # an ambulance run and a dispatch incident; a plate after "reg" before "front end"; a tail number
    ("ACCOUNT", "against medical advice -- run 25-11430  Cape Quax EMS", "25-11430"),
    ("ID", "INC SC250719-0044  CARDIAC ARREST  P1", "SC250719-0044"),
    ("VEHICLE", "V2 white Ford F-150 MA reg 8BK 447 front end dmg, driver ambulatory", "8BK 447"),
    ("VEHICLE", "Transfer for thrombectomy by Quaxwing rotor, tail N417LW, ETA 2325.", "N417LW"),
    ("DEVICE", "a new pendant, serial number L A 4 4 7 1 9 0, she wasn't wearing it", "L A 4 4 7 1 9 0"),
    # names after more roles, names that are words too after a role, more credentials
    ("PERSON", "I've asked our nurse Bliss to call you this morning", "Bliss"),
    ("PERSON", "PE coach Jerome Quax; 504 coordinator Nasra Quax.", "Jerome Quax"),
    ("PERSON", "CHR Wilbert Quaxnez will check road conditions", "Wilbert Quaxnez"),
    ("PERSON", "delivery set Tue 11/4 between 2-5 pm, driver Destiny. Copay $0", "Destiny"),
    ("PERSON", "Compiled: Quaxina Marsh, CPhT  03/14/2025 16:40", "Quaxina Marsh"),
    # where someone is found or stays: a mile marker, a route box, a mobile-home estate, a motel
    ("LOCATION", "Location: I-93 NB MM 41.6, Quaxsett   Geo: verified", "I-93 NB MM 41.6"),
    ("LOCATION", "Navajo Nation; NN road N-36 near MM 7\nLKW: 02/11/2025", "N-36 near MM 7"),
    ("LOCATION", 'alias returned, same DOB, addr Rt 2 Box 118, Quaxota -- merged', "Rt 2 Box 118"),
    ("LOCATION", "4610 104th Ave SE, Space 31 (Quaxley Park Mobile Estates), Kent", "Quaxley Park Mobile Estates"),
    ("LOCATION", "Then at the Quaxhost Inn on Hwy 65, rm 23, paid by church", "Quaxhost Inn"),
    # organizations by more heads, and a law firm named after its lawyer
    ("ORGANIZATION", "Cytogenetics (Quaxley Cytogenetics Lab, CG-25-0044): 46,XY", "Quaxley Cytogenetics Lab"),
    ("ORGANIZATION", "DME: Gulf Quaxley Oxygen to deliver concentrator", "Gulf Quaxley Oxygen"),
    ("ORGANIZATION", "reached at work after 1/8 (Quaxbee River Electric, 910-555-0183)", "Quaxbee River Electric"),
    ("ORGANIZATION", "formerly with Quaxer Cab of Dearborn, who lives", "Quaxer Cab of Dearborn"),
    ("ORGANIZATION", "LAW OFFICES OF ESPERANZA QUAXLEY-WATTS\n2500 Fremont St", "LAW OFFICES OF ESPERANZA QUAXLEY-WATTS"),
    ("ORGANIZATION", "REPORT Quaxley Creek Heart & Vascular Echo Lab       Study date", "Quaxley Creek Heart & Vascular"),
    # who dictated, typed or scribed, by initials
    ("PERSON", "Soo-jin Quax, MD  02/26/2025 16:52   Transcribed: ak/sy\nQUAX, TEMI", "ak/sy"),
    ("PERSON", "GROSS (dictated HWN): Received fresh labeled with the patient's name", "HWN"),
    ("PERSON", "Sincerely,\nEsperanza Quax, Esq.\nEQW:tlm\ncc: client", "EQW:tlm"),
    ("PERSON", "RN Cash, RN Summer Quax; scribe tk\nFAST: negative.", "tk"),
    ("PERSON", "Triage RN Hannah Rose Quax 04:24 / reviewed", "Hannah Rose Quax"),
    # a typist's pair before a letter's copy list; who gave a drug; a chat export's poster line
    ("PERSON", "— Halyna Quax, MD, Psychiatry\nQKM/lb   cc: O. Quenby", "QKM/lb"),
    ("PERSON", "0342 Epi 1 mg IO #1 (given by RJ)\n0343 L finger thoracostomy", "RJ"),
    ("PERSON", "c.quaxley [2:15 AM]\nhallway 4 is sectioned", "c.quaxley"),
    # a town after a street and a dash; a weekday with a day and month, or "the 21st"; ages after "actually"
    ("LOCATION", "2-story home, 1185 Quaxcliff Ave, Staten Island — bedroom upstairs", "Staten Island"),
    ("DATE", "I'll see her back in 4 weeks on Mon 25 Nov.", "Mon 25 Nov"),
    ("DATE", "can we wait for her appt on Friday the 21st? Salamat po", "Friday the 21st"),
    ("AGE", "me. she's actually 96, Mrs. Quaxley — ortho says", "96"),
    ("AGE", "so he's uh ninety, and he had the pacemaker check", "ninety"),
    # titles of other languages; a texter's "this is X from", a colleague "from Lab says"; a surname
    # after a quoted nickname; a first name that is a word too before an initial and a surname
    ("PERSON", "Buenas tardes doctora Quaxley. Le escribo por mi mamá", "Quaxley"),
    ("PERSON", "Vou avisar a enfermeira Quenby na clínica.", "Quenby"),
    ("PERSON", "Gửi: Bác sĩ Quaxley / Asian Community Health Clinic", "Quaxley"),
    ("PERSON", "Hi Sione, this is Quaxla from the HEART-PI study team", "Quaxla"),
    ("PERSON", "Also: Quaxla from Lab says specimen was mislabeled", "Quaxla"),
    ("PERSON", 'Handoff to night supervisor Gwendolyn "Gwen" Ap Quaxley 2330.', "Quaxley"),
    ("PERSON", "Other household members: Clement J. Quaxley Jr. (son)", "Clement J. Quaxley"),
    # a meeting ID read in groups; a blood unit's number with its flag characters
    ("ID", "Platform: Zoom for Healthcare, meeting ID 892 5501 3307. Pt joined", "892 5501 3307"),
    ("ID", "Unit #1: PRBC\n  Unit number: W0397 25 418832 V    Product code E0382V00", "W0397 25 418832 V"),
    # streets the Spanish or Portuguese way; a route and box with a period
    ("LOCATION", "Amanhã passo aí na Rua das Quaxeiras 77? quer dizer", "Rua das Quaxeiras 77"),
    ("LOCATION", "Patient address: CALLE 8 SE 1043, REPARTO QUAXLEY, SAN JUAN PR 00921", "CALLE 8 SE 1043"),
    ("LOCATION", "BRANDON QUAXLEY\nRt. 2 Box 114-A\nPaintsville, KY 41240", "Rt. 2 Box 114-A"),
    # organizations named after their kind first, and by more heads
    ("ORGANIZATION", "ordered through Farmacia El Quaxal on Calle Loíza", "Farmacia El Quaxal"),
    ("ORGANIZATION", "CAMP INFIRMARY LOG — Camp Quaxawa (Session 2)", "Camp Quaxawa"),
    ("ORGANIZATION", "interpreter Rodrigue ID 41877 via Quaxbridge Interpreting\n", "Quaxbridge Interpreting"),
    ("ORGANIZATION", "MEDICAL CENTER — Caribbean Quaxley Cruise Lines    Nursing Record", "Caribbean Quaxley Cruise Lines"),
    # a login made of a name with a dot, where a ticket or a log names its user
    ("PERSON", "Work notes:\n2025-03-07 10:31 r.quaxley - Called unit, spoke w/ charge", "r.quaxley"),
    ("PERSON", "22:19  REPLY dr_quaxani: ok 500 LR, recheck 30 min", "dr_quaxani"),
    # session 27: logins after a QC log's "op", opened "by" one for a task, routed to one's inbox
    ("PERSON", "tue 9/9   LQC ok, HQC ok    op dquaxh\nwed 9/10  LQC ok", "dquaxh"),
    ("PERSON", "seal intact. Bottle A opened by tquenbas for aliquot 05/14/2025 10:05.", "tquenbas"),
    ("ID", "Transcription confidence: medium. Routed to tquaxeira inbox.", "tquaxeira"),
    # a quoted nickname after a name written surname first, or after a relation, even a word
    ("PERSON", 'Pt: Quaxley, Ignacio "Nacho"   MRN UCMC7720418   HeartMate 3', "Nacho"),
    ("PERSON", 'Her ride is bf "Tank" 555-0172, pls don\'t let her drive', "Tank"),
    # an unidentified trauma patient's alias; initials after a label with an aside
    ("PERSON", "Pt registered as TRAUMA ZULU-ZEBRA, later identified", "ZULU-ZEBRA"),
    ("PERSON", "C26-077319    0111847    TRAUMA, TANGO             ED-T1    03/18/26 0447", "TANGO"),
    ("PERSON", "Kit #: SAK-25-0917\nPatient (initials only on kit): A.M.Q.      MRN: MC-3316052", "A.M.Q."),
    ("PERSON", "Quaxley Bend Cardiac Rehab     staff: BT / GA / hm\n\nname    M    W    F", "BT / GA / hm"),
    # staff by a unit's roles, and a first name before its role in parentheses
    ("PERSON", "Unit sec: Quabel    House sup: Gay Quaxley x4410", "Quabel"),
    ("PERSON", "Unit sec: Quabel    House sup: Gay Quaxley x4410", "Gay Quaxley"),
    ("PERSON", "arrived via bed w/ Quafa (transport). A&Ox4, drowsy", "Quafa"),
    ("PERSON", "Glu 31 called to Quella (NICU RN) at 1602", "Quella"),
    # dates in a file's name between underscores, and both ends of a range written with ".."
    ("DATE", "remote_monitoring_export_2026-08-01.csv   (vendor portal -> clinic SFTP)", "2026-08-01"),
    ("DATE", "[end 00:01:44]  file amb_20250613_0912_rm4.wav", "20250613"),
    ("DATE", "filter: 2026-07-01..2026-07-13, all users, all actions", "2026-07-13"),
    # driver's licences: a commercial one with its state before, glued to its state, after an aside
    ("LICENSE", "   CDL: IL Q640-5517-2894\nSTEP 6 (MRO): NEGATIVE.", "Q640-5517-2894"),
    ("LICENSE", "Donor ID (CDL #): P0448-21963-04821        Donor SSN: not collected", "P0448-21963-04821"),
    ("LICENSE", "Driver's licence (pt 1): D7730154 exp 08/2029", "D7730154"),
    ("LICENSE", "organ donor designation YES (state registry, DL OH-RT448120).", "OH-RT448120"),
    ("LICENSE", "M, appears 50s. DL in wallet Q0492-55719-33. NOK not yet notified.", "Q0492-55719-33"),
    # a DEA number a few words after "DEA", whatever its check digit; an NPI in a claim form's box
    ("LICENSE", " 2. Upload current DEA (ours shows QL5520931 exp 04/30/2025)", "QL5520931"),
    ("LICENSE", "33  BILLING PH 973-555-0166   33a 1234567893", "1234567893"),
    # a session's id in hexadecimal
    ("ID", "Source: conversation recording 00:14:37   Session sx-7f3a91c2   Generated", "sx-7f3a91c2"),
    # a label written as a field name of an export ("session_id:")
    ("ID", "--- ambient_export.txt ---\nsession_id:        a91e-44b0-8c2f-1137\norg:  Quaxley", "a91e-44b0-8c2f-1137"),
    # a "Dr." glued to the word before; an initial and surname after "reported to"
    ("PERSON", "RUNS OF V BIGEMINY.DR. QUAXLEY TO BEDSIDE.AMIODARONE STARTED", "QUAXLEY"),
    ("PERSON", "Hr 100's with 1st degree avb. Reported to D. Quenby. Coags ok.", "D. Quenby"),
    # a name in capitals before its relation in parentheses
    ("PERSON", "SOCIAL: SISTER & QUAXIE (SIGNIFICANT OTHER) INTO VISIT.", "QUAXIE"),
    # staff numbers after a name: "ID#", a deputy's badge with its letter, "Dep." before a name
    ("ID", "Video interpreter (Vietnamese), Minh Quaxley ID# 88214, used throughout", "88214"),
    ("ID", "To: Quenby County Sheriff — Deputy Ramon Quaxley #S-612    Agency case", "S-612"),
    ("PERSON", "kit sealed 0612, released to Dep. Quaxley #4412 0640.", "Quaxley"),
    ("ID", "kit sealed 0612, released to Dep. Quaxley #4412 0640.", "4412"),
    # an age answered on the next speaker's line
    ("AGE", "NP: That's me. How old are you now?\nPT: ninety-four. Ninety-five in June", "ninety-four"),
    ("AGE", "DR: and how old is she?\nDAUGHTER: um, she's 93 I think", "93"),
    # prisons, jails and the medical examiner's office, in capitals too
    ("ORGANIZATION", "QUAXTON CORRECTIONAL FACILITY — HEALTH SERVICES PROGRESS NOTE", "QUAXTON CORRECTIONAL FACILITY"),
    ("ORGANIZATION", "brought from Quenby County Jail by two deputies", "Quenby County Jail"),
    ("ORGANIZATION", "per the Quaxley County Medical Examiner, no autopsy", "Quaxley County Medical Examiner"),
    # insurers, state police, eye banks and consultants, in capitals too
    ("ORGANIZATION", "QUAXTON EYE BANK OF SOUTHERN QUENBY - OCULAR TISSUE DONOR SUMMARY", "QUAXTON EYE BANK OF SOUTHERN QUENBY"),
    ("ORGANIZATION", "QUENBY RETINA CONSULTANTS  -  Intravitreal injection visit", "QUENBY RETINA CONSULTANTS"),
    ("ORGANIZATION", "WC CLAIM OPENED WITH QUAXLEY MUTUAL INSURANCE, CLAIM PENDING", "QUAXLEY MUTUAL INSURANCE"),
    ("ORGANIZATION", "crash report from the Quenby Highway Patrol, trooper on scene", "Quenby Highway Patrol"),
    # a dependant's suffix after a member number; a Medicaid number a few words after its program
    ("HEALTH_PLAN", "I have new insurance, Cigna, member ID U48821907 01, group 3340912.", "U48821907 01"),
    ("HEALTH_PLAN", "Mi Medicaid es el mismo, 108822374WA. Gracias", "108822374WA"),
    ("HEALTH_PLAN", "Lives in a van. Medi-Cal BIC 91827364A. CA plate 8KQX417", "91827364A"),
    ("HEALTH_PLAN", "Medicaid (MO) 11820094    Medicare MBI 7JP2-WR8-CX45", "11820094"),
    # a record number opening a table's row, the patient's "Last, First" a column or two on
    ("MRN", "0074412     RED     Quenby, Fritz (driver)      61   M", "0074412"),
    ("MRN", "20114   Quaxley, Elva               97   112A  quetiapine", "20114"),
    ("MRN", " H2610003982    ST. QUAX, MARIE-ANGE        09/28     op note", "H2610003982"),
    # device serials with words before them, printed in parts, or after the device's name
    ("DEVICE", "Patch serial on your kit label should read QX-A1093377 - can you confirm?", "QX-A1093377"),
    ("DEVICE", "Pacemaker (model/serial on card in packet: QXN448812).", "QXN448812"),
    ("DEVICE", "Quaxley: sn ends 4471? not sure which one", "4471"),
    ("DEVICE", "Advisa DR MRI A3DR01, serial QXR 441876 H. RA lead 5076-52", "QXR 441876 H"),
    ("DEVICE", "note: pt PPM QNJ409812S remote monitor also not transmitting", "QNJ409812S"),
    ("DEVICE", "pt Quaxley 3W-08, tele box #T4471-22 — leads off x 40 min", "T4471-22"),
    # staff by given name and initial
    ("PERSON", "Room sweep done 0700 and 1500 by Precious Q.: no ligature risks", "Precious Q."),
    ("PERSON", "Quella W.   D4   10/19 0930   VOL->IVC 10/22 1130", "Quella W."),
    # nicknames in any case after their cue, in capitals after a name in capitals; a witness's
    # initials; a patient by initials and record number
    ("PERSON", 'pt: noor quaxley (goes by "nunu") 34F', "nunu"),
    ("PERSON", 'Patient: Quan Wei-Lun (family calls him "Ah Quax")   MRN LHQ-9902114', "Ah Quax"),
    ("PERSON", 'Name: QUAXLEY, ISIDORE "IZZY"    DOB Feb 2, 1934', "IZZY"),
    ("PERSON", "Consent reviewed and signed by pt; witness mjq", "mjq"),
    ("PERSON", "2231   J.Q. / 40918822           ED-14     tele", "J.Q."),
    # coordinates under a record's keys; an operator's or technician's number in parentheses
    ("LOCATION", '"geo": [ 39.1702, -78.1921 ], "access_notes": "dog in yard"', "39.1702, -78.1921"),
    ("LOCATION", '"clockIn":{"lat":43.0121,"lon":-87.9305}', "-87.9305"),
    ("ID", '"display": "Linh Quaxley (op 304418)" }', "304418"),
    ("ID", "Spanish interpreter used (Language Line op. 772-0913).", "772-0913"),
    ("ID", "Delivered by: D. Quaxley (tech 4471)   Van plate", "4471"),
    # chains and companies known by their name alone
    ("ORGANIZATION", "Private-duty aide from Quaxley Keepers 8a-8p; Comfort Keepers on weekends", "Comfort Keepers"),
    ("ORGANIZATION", "Dialysis transport (MWF 0530 chair time at DaVita)", "DaVita"),
    ("ORGANIZATION", "wallet: $62 cash, Publix receipt", "Publix"),
    # a service desk's ticket; an OASIS record's patient ID item
    ("ID", "| INC0091877 | 2025-03-12 18:40 | Raylene Quaxley (vendor) |", "INC0091877"),
    ("ID", "Work note on RITM0040221 (qviyer, 3/22)", "RITM0040221"),
    ("MRN", "rec 01 M0020=KM0048213  M0040=QUAXLEY,ADAEZE  M0090=2025-03-11", "KM0048213"),
    # a login in an e-mail's address line
    ("ID", "From: Quenby, Ana\nCc: tquaxley\nSubject: RE: d/c Wed?", "tquaxley"),
    # a record's address on a FHIR server is still one
    ("URL", '"fullUrl": "https://fhir.quax.example.org/Patient/pt-0448213"', "https://fhir.quax.example.org/Patient/pt-0448213"),
]


@pytest.mark.parametrize("kind,text,value", POSITIVE, ids=_ids(POSITIVE))
def test_detects(analyzer, kind, text, value):
    got = findings(analyzer, text)
    assert (kind, value) in got, f"expected {kind} {value!r} in {text!r}; got {got}"


# ------------------------------------------------------------------ negatives
# (kind, text): nothing of that kind may be reported
NEGATIVE = [
    # a department or a test in parentheses after a date is no writer (session 31)
    ("PERSON", "seen 3/9 (ED): stable; 4/1 (CT): neg; 5/2 (PT): walking; 6/3 (NA): none"),
    # ranges of values and a protocol's number are no reference (session 31)
    ("ID", "VALUES FOR IABP- AD-91-118  MAP-75-100; vent AC-20-50-400-5; Sponsor protocol: KLR-4401-20"),
    ("ID", "I&O FLOWSHEET (24 h ending 0600 8/14/24); shift ending 1900 h; last 4 hours"),
    ("ID", "Army veteran, military police 2007-2015; file 12-2024 closed"),
    # a catalog's, a model's or a Bates number is no reference (session 31)
    ("ID", "dressing kits x15 (cat. M8275052/5); pages (Bates MCH000001-MCH000212); model AB1234567"),
    # a code's value, a lot, money and a count are no bare long number (session 31)
    ("ID", 'SNOMED code 233604007; "code": "1659149"; OBX|5|CWE|||10828004^Positive^SCT||; strip lot 44012103 '
           "quarantined; paid $12345678.00; 1234567 copies/mL; 12,345,678 cells"),
    # a date, a range of years and a phone are no day-stamped serial (session 30)
    ("ID", "seen 2025-07-13; grant 2019-2023-01; call 555-0713-118 later; ICD 2025-1350-77 no"),
    # a dose or a count after "x" beside a card word (session 30)
    ("ACCOUNT", "card reader x2 replaced; debit balance 1200; credit x 4 visits; ACH batch 2210 posted"),
    # numbers in an aside about a relative, a span of years lived somewhere (session 30)
    ("AGE", "mother, BP 140/90, 92, stable; father, weighs 180, 95); lived ninety days in rehab"),
    # a range of fractions of an inch is no period of dates (session 30)
    ("DATE", "nodule 1/4-3/4 inch, margin 1/8-1/4 in"),
    # OPO and donor labels before no code of their shape (session 30)
    ("ORGANIZATION", "OPO: YES notified 0410; OPO notified; Target OR 9/23; DME rep"),
    ("ID", "Donor ABO O; donor #3; Donor Cr 1.0; UNOS status 1A"),
    ("PERSON", "[COMMENT: none] [comment re: dose] comment [x]: see above"),
    # a CCN label before no number of its shape (session 30)
    ("ID", "CCN 12 pending; CCN review 2024; NPDB query pending"),
    # a procedure's and a diagnosis's code are no ZIP code (session 29)
    ("LOCATION", "CPT code 99213, ICD code 12345, billing code 44950 x 2 units"),
    # a medication administration record's entries and doses (session 29)
    ("DATE", "checked 2 MAR entries at 0800; 3 MAR doses held; 12 MAR overrides"),
    # four digits after "last 4" that count something, a code whose letter is not the surname's (session 29)
    ("SSN", "last 4 doses 1000 mg; last 4: 1200 units; QUAXLEY, JOHN order A1234; last 4 visits"),
    # an antibody, a blood type, the father of the baby (session 29)
    ("LOCATION", "THYROID PEROXIDASE AB  PENDING; Blood Bank AB positive; Type AB; Support: FOB Quella Quaxley; "
                 "COP score 4"),
    # ordinals before words that name no unit, and units' codes where service is not the subject (session 29)
    ("ORGANIZATION", "pt on 2nd floor, 3rd Street; 2nd ID band; 1st MP visit; 4th IN a row; 2nd Division of fees; "
                     "3rd Group session; 1-2 IN between"),
    # a VA kind of facility with no town after it (session 29)
    ("ORGANIZATION", "call the VAMC operator; CBOC hours 8-4:30; VAHCS policy"),
    # letters and digits shaped like a British postcode or a CURP that are neither (session 29)
    ("LOCATION", "CD4 5AM count pending; CD8 3OV ratio; HbA1c 7.2; SpO2 94 on 2L"),
    ("ID", "lot QUXA850312ZZ, QUXA850312HDFRRN (16 chars), the dni was not brought"),
    # a chain's letters that are something else, with no store number or street (session 29)
    ("ORGANIZATION", "CVS: S1S2, no murmur. ROS: CVS neg, CVS on Lasix 40 for edema"),
    # leading zeros that are a reading, a strength or a dose, not a date (session 29)
    ("DATE", "BP 09/06 on arrival, strength 04/05 LUE, 02/05 mg tabs, 1.02/03 ratio, 7/07% sat"),
    # a letter after a dash that signs nothing, capitals after a title that are no initial (session 29)
    ("PERSON", "Blood type options:\n- A\n- B\nGrade: - C\nHep -C neg. MS A&O x3. MR 2+ on echo. Mrs. I think"),
    # what "doctor" before a lowercase word, "this is" and "i'm" leave alone (session 25)
    ("PERSON", "this is fine. i'm sorry, i am here, i'm okay. this is bad, my nurse will call, my name is on it, "
               "i'm done. i'm good, i'm back. this is normal. i'm tired, i'm worried, i'm allergic."),
    ("PERSON", "saw the doctor today; doctor visit next week; my doctor appointment; the doctor said it was "
               "fine; talk to your doctor about aspirin; doctor on call was paged; doctor recommended rest"),
    # what the salutation, title and parcel cues of session 24 leave alone
    ("PERSON", "Dear Sir,\nDear Colleague,\nDear Patient,\nBishop Museum; the bishop visited; Bishop Hall"),
    ("PERSON", "hi its me. hi its ok, hey this is bad; Sons and Daughters of Quaxley"),
    ("ID", "1z88a4270313550991; 1Z88A42703135509; 1Z88A4270313550991Q"),
    # what the date and organization cues of session 24 leave alone
    ("DATE", "25 MAR doses given; MAR 14 u; on 2 mar 10 mg; O2 Sat ok"),
    ("ORGANIZATION", "on PD since 2019; Advanced PD; Early PD; Baxter PD cycler; Home PD training; CCPD"),
    # what the wider login cues of session 24 leave alone
    ("PERSON", "sent by ambulance from home; given by mouth at 0900; seen by cardiology on 3/4. v.tach; d.dimer"),
    ("PERSON", "r.knee pain; dr_notes saved; c.diff neg; md_order placed; rn_notes; e.coli in urine"),
    # what the wider age cues of session 24 leave alone
    ("AGE", "pt is 94% on RA; HR is 94 with ectopy; resident is 45 per census; pt Quaxley, 95 mg/dL"),
    ("AGE", "sister (cell 555-0101, ext 92); wife (PCP, 2 visits) is 98 lbs; we gen 95 and she is 94.5"),
    # dev-k: a study's own name, dates and words after the participant's labels
    ("ID", "Study QUAX-2 (RSV vaccine, adults 60+); subject to change; randomization 2024-11-18; participants 120"),
    ("ID", "Visa card on file; passport expires 2031; green card pending; UCI Medical Center"),
    ("DATE", "Mayo Clinic 2 visits; en mayo; ratio 1/3-1/2; Mars 2 rover; 3 mai; BP 120 / 80 / 20 mmHg"),
    ("AGE", "(95 yr pack history noted); 93 anstalt; age at consent 34"),
    ("LOCATION", "Rue 12 anomaly; an avenue of care; rue the day; H3N2 flu; HbA1c 7.9; CEP 2; county: pending"),
    ("LOCATION", "HEPARIN STARTED FOR RUE CLOT/DVT. RUA IV dc'd. GCS 14 (E4V4M6). Mi número es dos"),
    ("ORGANIZATION", "Research shows benefit; clinical research nurse; the ASC; tours of the unit"),
    ("LOCATION", "Moved from Scotland, travels to England; Hx: Pain, Nausea, Vomiting. Quaxley, Grace."),
    ("PERSON", "CPT Codes reviewed; LT Knee pain; COL 2019; MAJ Depression. Signed electronically by system"),
    ("PERSON", "03/04/25 0915 pt: called back. 02/10/2025 because: pain. Initials: N/A"),
    # dev-j: what the new cues leave alone
    ("PERSON", "reached by phone: she agreed. Coordinator: pending. Reviewed by cardiology, followed by opthamology."),
    ("PERSON", "Interpreting: see report. Cytotechnologist: see above. Hygienist: see chart"),
    ("ORGANIZATION", "Enhanced Recovery protocol; Substance Treatment plan; seen at the VA for a VA loan"),
    ("DATE", "school year 2008-09, seasons 2011-12; chest pressure 6/10. EKG ST elevations; CPAP 5/5 35% FiO2"),
    ("AGE", "flexion at ninety degrees; at ninety percent she"),
    ("ID", "0418  epi #2\n0419  ETT 7.5 @ 22 cm; CVS #1183"),
    ("PERSON", "handle with care. 02/14/2025 note: nothing new. Triage RN: pending"),
    ("PERSON", "Data reviewed: AST 205, INR 2.8. ID verified: DL. Allergies verified: PCN. SNAP approved; cold snap"),
    ("PERSON", "USER ID      USER NAME                 ROLE            WORKSTATION"),
    ("PERSON", "wants info on RN licensure (CGFNS). RN callback. vaso 0.03 u/min; decrease u/o10-15cc hr"),
    # what a person's cue leaves alone: a disease's eponym, a department on the phone, a state
    ("PERSON", "the death of Parkinson's patients; loss of Consciousness; Hi, this is Pharmacy calling"),
    ("PERSON", "Preferred: Spanish. Metformin (ID 4412) recalled"),
    # an interpreter named by language
    ("PERSON", "family meeting Friday w/ interpreter (Samoan), RN (Tongan) also present"),
    # two words of a Native surname's shape after no name
    ("PERSON", "we watched two hawks and a running crane; the little eagle stayed"),
    # rooms, lots, pagers, stores, a count glued to its "#", dates after a label; step-down 14
    ("ID", "Rm # 4112, Lot # 4471102, ext # 4412, Apt # 1107, pager # 4471, epi #2\n0419 ETT, CVS #1183"),
    ("ID", "visit # 2024-03-07 and Food City Pharmacy #0447"),
    ("LOCATION", "pt on SD-14. K 4.6; on OR-3 at 0900; follow CA-125"),
    ("AGE", "her 95th percentile; she is 95% on RA; he was 98.6 F"),
    # dev-g's rules, what they must leave alone: a mnemonic spelled out, one syllable twice, a
    # vitals pair at a line's end
    ("PERSON", "Primary survey A-B-C-D-E-F intact. He laughed, ha-ha. Ho-ho-ho."),
    ("PERSON", "Neuro checks q1h, pupils equal   PO/IV\nWalk-in clinic, Follow-up in 2 wk"),
    # a store's number is no officer's
    ("ID", "Filled at CVS #1183 by the pharmacist; Walgreens #7702 closed"),
    # dev-f's rules, what they must leave alone
    ("PERSON", "IVF @KVO. tf @goal of 80; BS @BASES; loose, @nd stool; write to q.doe@example.org; @home"),
    ("PERSON", "[07:03] auto: reminder sent\n[07:04] system: message delivered"),
    ("PERSON", "11:45 re-eval: SpO2 95%\n10/15 07:10 reading: 170.2 lb, BP 142/84"),
    ("PERSON", "ED TRIAGE 2018-03-27 17:05 -- BH\nPage 1 of 4 -- DOB 11/19/1959"),
    ("PERSON", "pain 4/10 -- PRN given\nnurse aware -- NPO\ncc: pt; md\nsaw him -- ok\nto OR -- IN"),
    ("PERSON", "15 minutes PT/OT\nMinutes: 45\nTech: OK"),
    ("AGE", "lived to 85; herself 88, DOB 1/2/1940 (84 y)"),
    ("ID", "visit 2 of 6; PA: 12 mL; operator 2 hrs; Rx 5 days; police report filed"),
    ("ORGANIZATION", "custody goes to family court; the district court of appeals"),
    ("LOCATION", "GPS tracker on; 46.9012 N; lat 35.7418"),
    ("PERSON", "patient U.S. citizen; for A.M. dosing; patient P.O. intake"),
    ("PERSON", "ED TRIAGE 12/26/2025 10:45 AM -- BH\nED TRIAGE 9/7 0350h -- BH\nRN: Follow-up done\nMD: Walk-in today"),
    # dev-e's rules, what they must leave alone
    ("PERSON", 'Dressing 10:00: changed, site clean. Labs 06:00: drawn. "Fine" per pt, Lasix ("water pill")'),
    ("PERSON", "everyone calls me Tuesday evenings; vitals per A-B-C protocol; spelled out"),
    ("PERSON", "RN/MD aware; PT/OT eval tomorrow"),
    ("PERSON", 'She saw the ER doctor. I would like a bill. Dog ("Biscuit") is with a friend'),
    ("AGE", 'HR (94) regular; "I\'m 95% sure" she said; sats (92 %), BP 120/80 (91 mmHg MAP)'),
    ("DATE", "labs 12 14 16 20 trending; Glucose 02 18 25 units"),
    ("ID", "COVID-19 negative; HLA-B27 positive; ICD-10-CM code; SpO2-92-96%"),
    ("SSN", "Phone: 212-55-0101x; claim 912-44-7308-01"),
    ("DATE", "Labs from 120000 to 150000; platelets 210000; WBC from 100125 cells"),
    ("ID", "given by mouth. reviewed by pharmacy. signed by attending. assigned to nursing."),
    ("MRN", "the case number is one two three; chart number is two"),
    ("ID", "NGT in place by auscultation. intubated by anest. followed by opthamology, checked by biomed. on arrival by medflight.sr with ectopy. support was given by hosp.chapl.& placed by resp.suctioned for"),
    ("PERSON", "see notes.pdf rn\nRN e.g.\n604  Lasix - given\n605  Stable - no changes"),
    ("AGE", "sister Ann, 52 – healthy; HR 90, died at 0900; age at death unknown"),
    ("LICENSE", "grab bar 123456 installed; DEA numbers pending"),
    ("ID", "see report 12 2025-0001; Case No. pending"),
    ("LOCATION", "the patient's Women's clinic; Oak Court, Level 2; Smith Plaza, Dermatology"),
    ("ORGANIZATION", "Mother's Day visit; the patient's belongings"),
    ("LOCATION", "moved to the Main location; the new campus opened; Cardiology office"),
    ("PERSON", "spoke with pharmacy today; spoke with her today; unable to reach MD; pain reached Moderate"),
    ("PERSON", "bed 7 pulled out his art line; Patient's daughter called; Lasix 14:00: given; RN IN ROOM"),
    ("ORGANIZATION", "He has been working with insentive spirometer, strong cough"),
    ("ORGANIZATION", "he works at night and sleeps days; she works at home on weekends"),
    ("PERSON", "M12 RESP EMERGENT TO PRIV RES FOR 92 YOF FALLEN. ON ARRIVAL FOUND PT SUPINE"),
    ("ID", "group text thread (exported by home health RN at family request)"),
    ("LOCATION", "RR 2 flows on the monitor, RT 2 L nasal cannula, gave 2 Route changes"),
    ("LOCATION", "Billing: CPT 99213 code; NDC 12345 units; MA 12345 units given"),
    ("ORGANIZATION", "The Co. said no. EXPOSURE TO CO. PT ON NRB. NEURO: A&O X3 CO."),
    ("URL", "General information is available at www.fda.gov/medical-devices and https://www.cdc.gov/flu."),
    ("DATE", "entered by RN   Page 1/1; Cravings 3/10 today; Stroke Scale 3/3; activation rate Q1: 1/8"),
    ("LICENSE", "grab bar 2 in the shower; bar no longer needed; ID card on file"),
    ("ID", "run 2 of 3 completed; screening negative; file reviewed 12 times"),
    ("LOCATION", "HX OF FALLS, MD AWARE. FREQUENT FALLS, PA AT BEDSIDE. Park, CT read as negative"),
    ("PERSON", "ED COURSE: CHEST PAIN 45M, TROPONIN NEG"),
    ("AGE", "BP reached 100 systolic after the bolus; HR is 96 this shift"),
    ("DEVICE", "the device 2 weeks ago was fine"),
    ("ID", "Printed by system 09/05/2025"),
    # a scan, calcium, a blood pressure range, a subject line's procedures, a role in the plural
    ("LOCATION", "Mental status worse, therefore pt to Head CT, which showed a bleed"),
    ("LOCATION", "CV: HR 90s SR, NO VEA, CA GLUCONATE 2 GMS GIVEN FOR CA++ 1.11"),
    ("DATE", "Hypotensive (70-80'2/30-40's) all AM, team notified"),
    ("MRN", "pt sbp 129/78--140/88, no ectopy noted"),
    ("PERSON", "MET WITH DTR AND HER HUSBAND RE: PEG, TRACH, REHAB STAY"),
    ("PERSON", "U/O LAST HOUR 10CC. MIDLEVELS AWARE. CONTINUE TO MONITOR."),
    ("PERSON", "PT ALERT, ORIENTED X 3; LUNGS CLEAR, DIMINISHED B BASES; pt BLOOD, URINE X sent"),
    ("PERSON", "pt c/o Chest Pain and Nausea; spoke with Pharmacy and talked to Renal; talking to God"),
    ("ORGANIZATION", "went to the local urgent care; lives at her nursing home; seen at cardiology clinic"),
    ("PERSON", "explained the plan to the whole family; spoke to the entire family"),
    ("LOCATION", "released: 212 pages via secure email + CD by certified mail"),
    ("ID", "pt has lab at 10 am 12 30; order is pending"),
    ("PERSON", "no further N/V. Droperidol ordered; DSG D&I. PULSES-DOPLERABLE; diminished on the R. Spo2>95%"),
    ("PERSON", "Monitor for changes in MS. Aspiration precautions. assess ms. safety precautions."),
    ("LOCATION", "she is to recieve 1 bag on-call to or; WEAN PACER DOWN TO ADEMAND 66"),
    ("IP_ADDRESS", "most recent abg on these settings: 80/48/7.45.34.7. he"),
    ("URL", "CVP 10,pcwp 11.CO/ci adequate"),
    ("DATE", "c/o 3/10 l back pain in am; ON AC 500TV/50 / 5/10 ,SAT 100 %; RESP: trialed on 5/5, tolerated well"),
    ("DATE", "Now weaning on 5/5-.40 will soon extubate; SETTINGS 40%, & 5/10 W SATS UPPER 90'S"),
    ("ORGANIZATION", "pt with Behavioral issues; consult Sports Med; Internal Med following"),
    ("ID", "pt on facebook a lot; instagram @none; FB @0400 -60, I/O even"),
    ("EMAIL", "BP 120/80 @ 0800. K 4.1 @ lab.today"),
    ("PERSON", "Patient - Alert Oriented, no distress. Pt - Tolerating Diet, 2 L NC"),
    ("PERSON", "ALERT, ORIENTED RN TO ASSESS; PAIN, NAUSEA RN AWARE; CALM, COOPERATIVE LPN 0700"),
    ("PERSON", "iv team rn aware. night shift rn called covering md; discussed with cardiology fellow md"),
    ("PHONE", "home O2 2L, neuro checks 0200 0400 0600; work hours 0800 1200 1600"),
    ("PHONE", "Na 0135, dilution 0010 2000 4000, 0044 20 7946 controls"),
    ("VEHICLE", "toe tag applied; tag 3 of 4 lines labelled"),
    ("AGE", "surprise party for his 80th birthday"),
    ("PERSON", "Covering: Night Float Team; covering MD aware; Interpreter: Spanish Line Services"),
    ("PERSON", "known as Type 2 in the chart; goes by Mrs"),
    ("DATE", "labor day 2 of the induction; Memorial Hospital; Easter Island trip; christmas cactus"),
    ("PERSON", 'Patient "Refused" Again; Pain "Better" Today'),
    ("DATE", "MAR 14 and 15 mg given"),
    ("ORGANIZATION", "Full Code- Heath Care Proxy - daughter; Seen in Urgent Care; Pastoral Care to visit"),
    ("PERSON", "asked Pharmacy to verify; Paged Cardiology re: trop; Asked Security to stand by"),
    ("PERSON", "Called Rapid Response to bedside; notified Renal about K; will call Radiology back"),
    ("LOCATION", "RR 18 BOX checked; HC 12"),
    ("DATE", "in March second dose given; April third trimester scan"),
    ("DATE", "March thirty-second"),
    ("PHONE", "count to one two three four five with me"),
    ("PERSON", "Physical Therapy has been seen; Emergency Department was notified"),
    ("PERSON", "Patient Care was seen at 10"),
    ("PHONE", "SVR 954-1183, CO 4.6, VT 800-1000, RR 9-20"),             # ranges run upwards
    ("PHONE", "Acct 555-0148 closed; order 867-5309 placed"),             # a record's number
    # DATE
    ("DATE", "history of MI in 2019"),
    ("DATE", "MI 92, CABG 05"),
    ("DATE", "symptoms started in March"),
    ("DATE", "meds given at 0800 and 14:30"),
    ("DATE", "tylenol 650 mg q4h prn, oxycodone q4-6h"),
    ("DATE", "BP 120/80, HR 88"),
    ("DATE", "gave 3/14\nx 2 doses of lasix"),    # a wrapped line still counts; only a list item stops it
    ("DATE", "take 1/2 tab at bedtime"),
    ("DATE", "3/4 strength feeds"),
    ("DATE", "given 2/2 tabs"),
    ("DATE", "5/5 strength bilateral upper extremities"),
    ("DATE", "+2/4 pulses DP/PT"),
    ("DATE", "D5 1/2 NS at 75/hr"),
    ("DATE", "Apgar 8/9"),
    ("DATE", "pain 7/10, 2/6 SEM at LUSB"),
    ("DATE", "invalid 13/45/2020 and 13/2"),
    ("PERSON", "DR NOTIFIED OF LOW UO"),
    ("DATE", "HR 80 M 1-2 L NC\nNPN 7A-7P: 1/2 NS AT 75"),
    ("HEALTH_PLAN", "my blood sugar number is 145; my room id is 12"),
    ("DATE", "increased from 12345678 units"),
    ("ID", "c/v: bp-89-100/50, sat-98-100%, sbp-80-100's; IABP AD-91-118, MAP-75-100"),
    ("PERSON", "MD AWARE. MD PAGED. RN NOTIFIED OF K 3.2\nPT 57 YO M ADMITTED"),
    ("PERSON", "pt note\n- thanks"),
    ("ORGANIZATION", "under general anesthesia; in general good health; seen by general surgery"),
    ("ORGANIZATION", "referred to ob/gyn; needs physical therapy"),
    ("PERSON", "Follow up at da Paz Family Medicine"),
    ("DATE", "admitted the 2nd time this year; seen the 2nd day of the illness"),
    ("DATE", "diuresed for 2-3 days; increased from 1-2 to 3-4 L; on 1-2 mg/hr; tolerated for 5-10 minutes"),
    ("PERSON", "PT, 71 YO M, WITH CP; MR, 71 YO M"),
    ("PERSON", "NEPHEW (SPOKESPERSON) PHONED FOR NEWS; OLD FRIEND (DECISION MAKER, NO PROXY)"),
    ("LOCATION", "HR 80S NSR ST AND PVCS; 4 POINT RESTRAINTS ON, 2 VIEW CXR DONE; PT SENT TO 5 WEST AND BACK"),
    ("PERSON", "WIFE CEO OF DYNATEK"),
    ("ORGANIZATION", "CVS: CAP REFILL < 3 SEC; CVS: S1S2 RRR"),               # the cardiovascular system
    ("ORGANIZATION", "history of IV drug use; study drug given; refill at home pharmacy"),
    ("ORGANIZATION", "she works at home; he works at night; works at a bank; i work at the hospital"),
    ("ORGANIZATION", "came from OSH; LOCATION: MICU; up from NPH 20; WAS IN USOH TILL LAST WEEK"),
    ("ORGANIZATION", "ED TRIAGE 10/27 9:10AM -- BH"),                        # a heading's initials
    ("ORGANIZATION", "SENSATION INTACT TO LIGHT TOUCH, WEAN O2 AS TOL"),
    ("MRN", "Lasix (40-80) mg IV BID\nZosyn (3375) mg"),
    ("PERSON", "turn per q shift; sliding scale per s protocol; per a doctor; per l arm"),
    ("PERSON", "seen by Dr. Following the procedure"),
    ("PERSON", "HIS FAMILY AT BEDSIDE, SUPPORTIVE FAMILY"),
    ("PERSON", "Encouarge family to keep visits short"),                     # a misspelt word
    ("PERSON", "SEDATE & EXTUBATE-PER FAMILY PT IS ANXIOUS"),
    ("PERSON", "social: lrg family in room, strong family support"),
    ("PERSON", "placed with a foster family"),
    ("LOCATION", "she went back to the main building; out of the house today"),
    ("LOCATION", "visited the White House"),
    ("LOCATION", "pain on the left side, worse on the right side"),
    ("ORGANIZATION", "ECHO: INFERIOR REGIONAL WALL MOTION ABNORMALITY"),
    ("ORGANIZATION", "procedure under regional anesthesia; no regional lymph nodes"),
    ("DATE", "may 2 tabs q6h prn"),
    ("DATE", "O2 DEC 2L NC, HGB DEC 2 FROM 10"),
    ("DATE", "after the 2nd dose; 5th ICS MCL"),
    ("DATE", "G2P1, 24/7 supervision, 4/4 strength"),
    ("DATE", "NDC 0002-8215-01"),
    ("DATE", "EF 55-60%, glucose 120-140"),
    ("DATE", "BCx 2/2 positive for GPC"),
    ("DATE", "Apgars 8/9 at 1 and 5 min"),
    ("DATE", "grade 3/6 holosystolic murmur"),
    ("DATE", "O2 SAT 88% ON 4L NC. MINI-COG 3/5. GIVEN LASIX 20 MG"),
    ("DATE", "increased from 2-3 L, walks 1-2 blocks, q2-4h prn"),
    ("DATE", "ANA titer 1/2048"),
    ("DATE", "seen on 2-3 occasions"),
    ("DATE", "on 1/2 tab daily"),
    # AGE
    ("AGE", "58 yo male"),
    ("AGE", "67M with CP"),
    ("AGE", "ASA 90 mg daily"),
    ("AGE", "95% sat on RA"),
    ("AGE", "HR 100 bpm"),
    ("AGE", "T 101F overnight"),
    ("AGE", "HR 94 M"),
    ("AGE", "89 yo female"),
    ("AGE", "temp 99F, febrile to 101 F"),
    ("AGE", "infant 92 days old"),
    ("AGE", "age 45, aged 9"),
    ("AGE", "126 yo (typo)"),
    # PHONE
    ("PHONE", "K 3.8, Cr 1.2, Na 140"),
    ("PHONE", "NDC 0002-8215-01"),
    ("PHONE", "CPT 99214, 93000"),
    ("PHONE", "MRN 4582319"),
    ("PHONE", "DOB 03/14/2024"),
    ("PHONE", "SSN 123-45-6789"),
    ("PHONE", "I/O 800 600 1200"),
    ("PHONE", "LOINC 4548-4, 2345-7"),
    ("PHONE", "acct 6175550123"),
    ("PHONE", "plt 150-450, WBC 4.5-11.0"),
    ("PHONE", "room 412-0123"),
    ("PHONE", "MRN 617-555-0123"),
    ("PHONE", "Coder: J. Carey, CCS, ext. 5908"),
    ("PHONE", "telehealth https://x.zoom.us/j/14892820035?pwd=6avh"),
    # EMAIL
    ("EMAIL", "e.g. foo and bar"),
    ("EMAIL", "icon image@2x.png"),
    ("EMAIL", "twitter @dr_smith"),
    ("EMAIL", "user@localhost"),
    ("EMAIL", "glucose 120 mg/dL"),
    ("EMAIL", "x@y.z"),
    ("EMAIL", "meet at gmail office"),
    ("EMAIL", "ratio 2@3"),
    # URL
    ("URL", "e.g. furosemide, i.e. lasix"),
    ("URL", "glucose 120 mg/dL"),
    ("URL", "q.d. p.o. a.m."),
    ("URL", "St.Louis and Dr.Smith"),
    ("URL", "N/A and/or"),
    ("URL", "see report.pdf"),
    ("URL", "lisinopril 10mg/day"),
    ("URL", "vs.the patient"),
    # IP_ADDRESS
    ("IP_ADDRESS", "Version 1.2.3.4"),
    ("IP_ADDRESS", "999.1.1.1"),
    ("IP_ADDRESS", "at 10:30:45"),
    ("IP_ADDRESS", "ratio 1:1:1"),
    ("IP_ADDRESS", "ICD-10 1.2.3"),
    ("IP_ADDRESS", "I:E 1:2"),
    ("IP_ADDRESS", "Note:: see below"),
    ("IP_ADDRESS", "12:30:45:10"),
    # SSN
    ("SSN", "NDC 0002-8215-01"),
    ("SSN", "phone 617-555-0123"),
    ("SSN", "000-12-3456"),
    ("SSN", "666-12-3456"),
    ("SSN", "900-12-3456"),
    ("SSN", "123-00-4567"),
    ("SSN", "123-45-0000"),
    ("SSN", "MRN 123456789"),
    ("SSN", "social history: smoked since 1990"),
    ("SSN", "last 4 weeks, 1234 steps"),
    ("SSN", "CPT 99214"),
    # MRN
    ("MRN", "MRN pending"),
    ("MRN", "record 2 readings"),
    ("MRN", "medical record reviewed"),
    ("MRN", "chart reviewed in 2019"),
    ("MRN", "room 412, bed 3"),
    ("MRN", "Medical record: see above"),
    ("MRN", "CPT 99214"),
    ("MRN", "K 3.8"),
    ("MRN", "unit no 4"),
    ("MRN", "EMS RUN REPORT -- Medic 2\nIncident # 22-2950   08/13/2022"),
    ("MRN", "Home med list per HCP Dominic (1-412-269-4960)"),
    ("MRN", "Office visit CPT (99214) billed"),
    # HEALTH_PLAN
    ("HEALTH_PLAN", "Medicare part A"),
    ("HEALTH_PLAN", "insurance: Medicaid"),
    ("HEALTH_PLAN", "group therapy 3x/week"),
    ("HEALTH_PLAN", "plan: continue lasix 40"),
    ("HEALTH_PLAN", "member of the team"),
    ("HEALTH_PLAN", "policy reviewed 2023"),
    ("HEALTH_PLAN", "BCBS PPO"),
    ("HEALTH_PLAN", "Medicare 2024"),
    ("HEALTH_PLAN", "MEDICARE AND MEDICAID"),
    # ACCOUNT
    ("ACCOUNT", "account for fluid losses"),
    ("ACCOUNT", "encounter for immunization"),
    ("ACCOUNT", "visit 2"),
    ("ACCOUNT", "billing code 99214"),
    ("ACCOUNT", "encounter diagnosis E11.9"),
    ("ACCOUNT", "acct pending"),
    ("ACCOUNT", "FIN pending"),
    ("ACCOUNT", "on account of pain 8/10"),
    ("ACCOUNT", "link: https://catherines.org/records/harrison-69383"),
    ("ACCOUNT", "Admission: 03-14-2024"),
    # LICENSE
    ("LICENSE", "license plate 7ABC123"),
    ("LICENSE", "DEA number pending"),
    ("LICENSE", "called 1234567893"),       # a valid NPI, but no label says so
    ("LICENSE", "ref AB1234567 for the claim"),
    ("VEHICLE", "batch 1HGCM82633A004353 released"),   # a VIN's shape (bad check digit), no label
    ("LICENSE", "board certified 2010"),
    ("LICENSE", "licensed in 2019"),
    ("LICENSE", "LDL 130 mg/dL 12345"),
    ("LICENSE", "cert pending"),
    ("LICENSE", "suggested Cipro. Rx# RX2150504. Routed"),
    # VEHICLE
    ("VEHICLE", "ORIF with 3.5 mm locking plate 8 hole"),
    ("VEHICLE", "plate Ohio 4.5 mm"),
    ("VEHICLE", "growth plate fracture"),
    ("VEHICLE", "code ABCDEFGHJKLMNPRST"),
    ("VEHICLE", "platelets 150"),
    ("VEHICLE", "cribriform plate intact"),
    ("VEHICLE", "end plate changes at L4"),
    ("VEHICLE", "blood agar plate 2A"),
    # DEVICE
    ("DEVICE", "serial troponins"),
    ("DEVICE", "serial exams q2h"),
    ("DEVICE", "serial 2 views"),
    ("DEVICE", "serial EKGs q8h"),
    ("DEVICE", "model 5076 lead"),
    ("DEVICE", "(01) chest pain"),
    ("DEVICE", "code +H123ABC456789"),
    ("DEVICE", "at 10:30:45:10:20"),
    # ID
    ("ID", "ACC/AHA 2013 guidelines"),
    ("ID", "ACC 2013 guidelines"),
    ("ID", "order set"),
    ("ID", "case 1"),
    ("ID", "lab 2 days ago"),
    ("ID", "COVID-19 negative"),
    ("ID", "claim denied"),
    ("ID", "Rx for 30 days"),
    ("ID", "ICD-10 S72-001 hip fx"),
    # LOCATION
    ("LOCATION", "2 MM ST ELEVATION IN V2-V4"),
    ("LOCATION", "3 CHEST CT"),
    ("LOCATION", "12 LEAD EKG"),
    ("LOCATION", "room 412"),
    ("LOCATION", "bed 3"),
    ("LOCATION", "CPT 99214"),
    ("LOCATION", "ref 02118 only"),
    ("LOCATION", "walked 200 ft"),
    ("LOCATION", "4 West step-down"),
    ("LOCATION", "METOPROLOL 25 MG PO DR"),
    ("LOCATION", "i live at home with my wife"),
    ("LOCATION", "OR 12345 case"),
    ("LOCATION", "HEPARIN IN 25000 UNITS"),
    ("LOCATION", "Originally from El Salvador."),
    ("LOCATION", "HGB 15.7 G/DL, VIT D 28 NG/ML, CA 10.5, TSH 4.78"),
    ("LOCATION", "Repeat sent the 29th 5:50 PM.  Informed Dr Batista"),
    ("LOCATION", "Report called to Rodney Washington RN at 5:20pm."),
    ("LOCATION", "Robin Heinrichs, RN\nCase Management, Massachusetts General Hospital"),
    # PERSON
    ("PERSON", "Parkinson's disease, Babinski sign negative"),
    ("PERSON", "Glasgow Coma Scale 15"),
    ("PERSON", "Keflex 500 mg, Lasix 40 mg"),
    ("PERSON", "METOPROLOL DR 50 MG, DEPAKOTE DR TABS"),
    ("PERSON", "MS CONTIN 15 MG, MR 2+ ON ECHO"),
    ("PERSON", "PAGED MD RE BP. MD AWARE. NOTIFIED NP."),
    ("PERSON", "WIFE AT BEDSIDE. SON CALLED, UPDATED."),
    ("PERSON", "FATHER HX MI. MOTHER: BREAST CA."),
    ("PERSON", "Patient: Alert and oriented"),
    ("PERSON", "Name: unknown"),
    ("PERSON", "Drug name: Lasix"),
    ("PERSON", "the dr said to call back"),
    ("PERSON", "LABS DRAWN, MD AWARE"),
    ("PERSON", "PT IN BED, MD AWARE"),
    ("PERSON", "NAUSEA, VOMITING\nPT REFUSED"),
    ("PERSON", "pt unable to do ADLs"),
    ("PERSON", "Dr. appointment next week"),
    ("PERSON", "WIFE VISITING, DAUGHTER UPDATED"),
    ("PERSON", "NURSE TRIAGE LINE -- 7/21 0230"),
    ("PERSON", "GRANDSON AWAY AT SUMMER CAMP"),
    ("PERSON", "PT RESTING COMFORTABLY. DNR/DNI, AAOX3, PT ALERT, +BS, TELE: AFIB 90S"),
    ("PERSON", "Pt visiting from Baltimore, MD. BP 111/102"),
    ("PERSON", "Address: 49 Dr. Martin Luther King Jr Ave"),
    ("PERSON", "Implant: Medtronic Azure XT DR MRI SureScan"),
    ("PERSON", "To: Oakwood Hospice intake"),
    ("PERSON", "Address: 19 Magnolia Dr Durham, NC 29234"),
    ("PERSON", "DOB: Fri, Apr 15, 1927"),
    ("PERSON", "RA, FALL PRECAUTIONS, DIMINISHED BASES"),
    ("PERSON", "thanks, see you soon"),
    ("PERSON", "i am worried about my mom."),
    ("DATE", "ANA titer 1/80, RF negative"),
    ("DATE", "PLAN: WEAN TO PS 5/5 IN AM"),
    ("DATE", "cont on PSV 10/5 today, tol well"),
    ("DATE", "LS CRACKLES 1/2 UP BILAT"),
    ("DATE", "rales 1/3 up bilaterally"),
    ("DATE", "pt c/o CP 4/10, NTG x1"),
    ("DATE", "BP 9/50 after propofol bolus"),
    ("DATE", "PEEP 5, PS 10/40"),
    ("PHONE", "acct 12-301-944-5032 on file"),
    ("PHONE", "HR 110 120-130 ST"),
    # facilities that are kinds of place, not names
    ("PERSON", "DR. CALLED BACK AT 2200"),
    ("PERSON", "SON CALLED TODAY, UPDATED"),
    ("PERSON", "foley draining, dr. aware"),
    ("PERSON", "MRSA, S. aureus in sputum, E. coli in urine, C. diff negative, notified MD"),
    ("PERSON", "MD AWARE OF K 3.2, RN CALLED MD, PA notified"),
    ("PERSON", "S. REMAINS INTUBATED, P. VIGOROUS"),
    ("ORGANIZATION", "transfer to outside hospital for higher level of care"),
    ("ORGANIZATION", "PLAN: BEGIN CARDIAC REHAB WHEN STABLE"),
    ("ORGANIZATION", "was admitted to the hospital for pneumonia"),
    ("ORGANIZATION", "pt wanted to leave hospital AMA"),
    ("ORGANIZATION", "came from prev rehab site on 2L"),
    ("ORGANIZATION", "Memorial Day weekend plans"),
    ("ORGANIZATION", "seen by Stroke Neurology this am, plan MRI"),
    ("ORGANIZATION", "consulted Pediatric Cardiology re murmur"),
    ("ORGANIZATION", "Plan: Outpatient Dialysis Center 3x/week"),
    # units and services are not places
    ("LOCATION", "TRANSFERRED TO ICU FOR CLOSER MONITORING"),
    ("LOCATION", "transferred back to the floor"),
    ("LOCATION", "went to cath lab at 1400"),
    ("LOCATION", "ADMITTED FROM OSH WITH SEPSIS"),
    ("LOCATION", "transferred from EW to MICU"),
    ("LOCATION", "settings changed back to AC"),
    # state codes that are words, with no comma or ZIP: a sentence, not a city
    ("LOCATION", "I DON'T WANT TO LAY IN THE BED"),
    ("LOCATION", "UNABLE TO WEDGE GROIN PA LINE. HO AWARE."),
    ("LOCATION", "EPISODES OF GOING INTO JUNCTIONAL RHYTHM RATE IN 40'S"),
    # fractions in a range, vent settings, pressure ranges, assist-control
    ("DATE", "resp: cxs at bases up 1/3-1/2. sat 94% on 2lnc"),
    ("DATE", "co/ci 4-6/2-4 pa sats 60-70"),
    ("DATE", "Currently on CPAP/PSV 12/10/40% drawing tidal volumes of 350"),
    ("DATE", "Placed back on vent 10/5/50% pt. tolerating well"),
    ("DATE", "Resp: On bi-pap 10/5 with initial ABG showing PO2 169"),
    ("DATE", "dropped gtt to 1U and gave 1/2 amp D50, BS 1 hr later 190"),
    ("DATE", "ID: BC + staph aureus 4/4 bottles. Sensitive to Oxacillin"),
    ("MRN", "CV- PT REMAINS WITH BP- 100-120/40-60. HR- 70'S AV PACED"),
    ("ACCOUNT", "remains vented a/c 600-12-peep 5, 40%, abg wnl"),
    ("ACCOUNT", "Pt. on a/c 800x12/10/40% no changes made"),
    ("LOCATION", "sent to OSH for eval, then to NH"),
    ("LOCATION", "went to the bath with assist, push fluids, oh well"),
    ("LOCATION", "ACTIVITY: OOB UP TO CH. TOL WELL. oob to ch with 2 assist"),
    ("LOCATION", "CT REMAINS TO H2O SEAL. PT IN USOH UNTIL 8/23, reported to h.o."),
    ("LOCATION", "WEANING ATTEMPT DUE TO PH 7.60"),
    ("LOCATION", "on heparin 85 units/kg, back to bed 3, on lasix 40 iv, placed on levophed 5 mcg"),
    ("LOCATION", "please refer to page 2 written today; transferred to CCU from WARD 3"),
    ("LOCATION", "Remains on combiventQ4 and Serevent BID. OOB to commodex3. On Norco 5/325 1 tab"),
    ("ORGANIZATION", "she is a professor at the university of the arts; u of course can"),
    ("LOCATION", "history of Addison's disease; in hope of recovery; converses in English; r elbow "
                 "infection not in bursa; switched from Norco to oxycodone; in Wilson disease"),
    ("LOCATION", "PLAN: LASIX 40 IV, TRANSFER HEPARIN 12 UNITS, plan: bed 3, on heparin85, went by ICU, "
                 "left OSH, into NH, by RH"),
    ("PERSON", "SOCIAL: MOTHER, AUNTS IN TO VISIT. SPOKE TO WIFE ABOUT PLAN. SON PRESNT TILL 2100. "
               "BOTH WIFE AND NEICE FEEL HE DID NOT UNDERSTAND. MOTHER DIED IN 1990. SISTER AT BEDSIDE"),
    ("PERSON", "son visited, wife here, daughter upset, husband concerned, son and wife at bedside, "
               "wife states she is tired, via daughter,russian speaking"),
    ("LOCATION", "MODERATE AMT OF BLOODY DRAINAGE AROUND CT SITE. RESPONDING WELL TO LASIX, CO/CI UP. "
                 "LUNG SOUNDS DIM IN BASES BILAT, CT SYSTEM WITH NO LEAK. ALLERGIES: MOTRIN,CA CHANNEL BLOCKER"),
    ("LOCATION", "CARDIAC: HR 99-104 NSR ST WITH OCCASIONAL PAC. 1L PLEURAL AND 2 MEDIASTINAL CT DIVIDED"),
    ("PERSON", "Transferred from Holy Cross. Swan Ganz placed. Guillain Barre syndrome suspected. "
               "Devices: Insulet Omnipod 5 PDM. Started Zosyn Levaquin."),
    ("PERSON", "Patient reports pain. Cardiology called. Pt states ok. Family arrived. Sister called from "
               "home. Neice called. Social: Son visited. Post declined by wife. Nursing notified."),
    ("PERSON", "KCL GIVEN. MD AWARE. TEAM AWARE. CARDIOLOGY NOTIFIED. NEURO AWARE. CCU FELLOW AWARE. "
               "SON AWARE. WIFE CALLED. DAUGHTER NOTIFIED"),
    ("LOCATION", "pt recieved 40 meq kcl. BAEDP 44-78. lopresor 25\nheparin 12\nrecieved 2\n"),
    ("PHONE", "bp 120/80, 12.5 3/4; 1000 mg; 2015 2016 2017; 1200-1400 cc; MRN 1234567"),
    ("PERSON", "CONTINUE TO MONITOR.\nPlan: d/c home. Lasix\nSon\n"),
    ("PERSON", "MR 2+ ON ECHO, MS INTACT, MR SEVERE, MS CHANGES NOTED, MRS PENDING"),
    ("PERSON", "per protocol, per MD, PER TEAM, per Cardiology, PER NEURO, per CVVHF, PER PROTOCOL"),
    ("LOCATION", "PT IN NO DISTRESS. TO BED AT 2200. FROM HOME WITH WIFE. IN MOBILE HOME"),
    ("LOCATION", "restarted on heparin 8.5 units. back to bed 3. on lasix 40. cont on levophed 5, titrating"),
    ("ORGANIZATION", "gave 4 u maryland. 10 U Maryland per scale. university at home, u washed"),
    ("LOCATION", "O2 SAT'S IN THE HIGH 90'S. ANSWERED FROM BOTH SHE AND I. RESPONDING TO MUCH STIMULATION"),
    # doses and counts of beats or seconds are no street addresses
    ("LOCATION", "ENDO=BS COVER W 4U REG SQ @ 0200. NOON GLUCOSE 262. 12U REG INSULN SQ GIVEN"),
    ("LOCATION", "RARE APC'S- 1 15 SEC RUN SVT. NSR W 1 6 BT RUN VT. PT HAD 3 EPSIODES ST IN 130'S"),
    ("PERSON", "neuro: ms Alert and oriented x3. NP Aware of labs. e.g.dr to follow"),
    ("PERSON", "a: stable\nsocial: wife called twice\nsocial: pt called family\nfamily: none called"),
    ("LOCATION", "moved to the east campus; MAIN CAMPUS ED; walked around the hospital campus"),
    ("PERSON", "COUMADIN STARTED P HICKMAN PLACED. L IJ PLACED. R ARM ORDERED. LASIX (MD) ORDERED"),
    ("PERSON", "wife Walking with PT. Dr. Noted no change. son Slowly improving"),
    ("LOCATION", "transferred to micu today; c/o to floor; trans to stepdown; transfer to telemetry"),
    # a role followed by a language or an ordinary word
    ("PERSON", "Interpreter: Spanish, by phone. Sitter Continues at bedside. SITTER AT BEDSIDE"),
    # "MS." before an ordinary word is mental status, not Ms.
    ("PERSON", "Monitor for changes in MS. Restart lopressor when able. MS. Given 2mg haldol."),
    ("AGE", "Pt is 100% on RA, she was 98.6 earlier, HR is 100, turned 45 degrees"),
    ("LICENSE", "NPI lookup pending, call 1234567890; DEA guidelines reviewed"),
    ("ID", "ID: afebrile, on vanc. ID 5 days. ID consult 2/3. Plan ID pending. ID 20 mg"),
    ("DEVICE", "GTIN (01)00612345000011 on the box"),        # the (01) element alone needs its check digit
    ("ORGANIZATION", "Seen in the Emergency Department. Pastoral Care Services visited. Heart Failure Clinic "
                     "f/u. Continue Home Health. Social Services aware. Patient Financial Services called."),
    ("ORGANIZATION", "PT TO FOLLOW UP IN CARDIOLOGY CLINIC. SOCIAL SERVICES AWARE. DESPITE PRBC RESUSC AND DOPA "
                     "INFUSION. FAMIL WENT HOME EARLY. MAKING MS SANTANGELO HEALTH CARE DECISIONS."),
    ("ORGANIZATION", "Ins: Mapleton Health Plan, ID pending. Genetic Counselor          Medical Director"),
    ("ORGANIZATION", "Model: Medtronic Azure XT DR MRI SureScan; ran out of my Augmentin and Keflex"),
    ("PERSON", "VSS overnight.\n- none\n-DNR\n- stable x2\n- see above"),
    ("PERSON", 'Pt states "Help" when asked. RN Aware. RT Treatment given. SW Consult placed.'),
    ("LOCATION", "Room 40122 and Lot 12345, Bed 55555; Glucose 40122"),
    ("PHONE", "call if UO < 200-1000 cc; rm 412-1234 is the workroom; phone 2 times"),
    ("PERSON", "RN (Charge) aware; call Pharmacy x4502; page Rapid Response ext 2222; tech (Echo) done"),
    ("ORGANIZATION", "WORKS AT HOME. WORKED AT NIGHT SHIFT. works at Home on weekends; retired from Nursing"),
    ("PERSON", "HUSBAND WORKS AT THE PLANT, WIFE LIVES IN TOWN"),
    ("ORGANIZATION", "Go to the nearest urgent care. Pediatric Urgent Care is open. Ambulatory Surgery "
                     "Center booked. Internal Medicine resident saw him. Behavioral Health consulted."),
    ("ID", "T12-L1 fusion, C5-6 disc, 10-100-1000 dilution, ICD M54-5, L4-5, V1-V6 leads"),
    ("AGE", "ninety minutes later, the ninety-day supply, ninety percent"),
    ("AGE", "sats ninety, 92, ninety-one on RA"),
    ("LOCATION", "RT 2 rounds, SR 80s, US 2 views, rd 3 of chemo, Union Rd 02/11"),
    ("ORGANIZATION", "Reached a steady State. His Mental State for school is fine; the Mental State exam in class"),
    ("ORGANIZATION", "Temple Laceration Repaired with 4-0 nylon"),
    ("PERSON", "RN AWARE 0150. MD NOTIFIED 0200. RN SIGNED x3321"),
    ("VEHICLE", "insulin reg 10 units, NPH reg 8 units. MA reg 2 units"),
    ("HEALTH_PLAN", "Plan / ID: see below / 3 visits"),
    ("DATE", "PROGRESS NOTE 139912\n 0915 1330 seen"),
    ("LICENSE", "the DL list has 3 items, A1234 and B2"),
    ("LOCATION", "on Dr Lee's service, placed on Heparin Drip, on Tues Dr Ortiz saw him, at Cardiac Rehab Ct 2"),
    ("LOCATION", "past medical history, past Monday; Medical Center, Emergency Department"),
    ("ID", "login: none, user: Patient, user name = admin; ups truck at 0800; tracking: pending; case: 4x4 gauze"),
    ("ID", "order: CBC-DIFF, referral code is ICD-10 Z-codes, case: T2-DM"),
    ("PERSON", "Tested by: C. Diff PCR negative. MD: E. Coli in urine, sensitivities pending"),
    ("ORGANIZATION", "Clinic: Cardiology\nEmployer: Retired\nSite: Left Forearm\nSITE: DRESSING CHANGED\n"
                     "Rehab: PT/OT BID\nHospice: Not Appropriate\nFacility: Unknown"),
    # a dash before an abbreviation is a note's, not a signature; clinical words before a
    # credential are no name
    ("PERSON", "Code status - DNR\nGI -- NPO\nlasix given.  -- PRN\nCXR done.  -- NEG"),
    ("PERSON", "PLACEMENT VERIFIED BY CXR.\nPts abd is obese, hypoactive BS. -BM\nMS back to baseline. -DVT"),
    ("PERSON", "ACCESS: R RADIAL ALINE, PT. FREQUENTLY FOUND TRYING TO PICK OFF DRESSING"),
    ("PERSON", "WILL CONSULT OT AND SKIN CARE RN.\nO2 SATS- >96% ON 2 LITERS NP.\nLATER, PT. WANTED TO DANGLE"),
    ("PERSON", "[19:05] Visitor: ssn on file\n[19:06] Bot: thanks\n08:15 Patient: ok"),
    ("ID", "ICD-10 I50.9, CA-125 of 40, COVID-19 negative, HbA1c 7.2, CPT 99213"),
    ("LOCATION", "on the Senior Apartments waitlist and the Low Income Housing Apartments list"),
    ("PERSON", "pt: lethargic, confused\npt: alert, oriented x3\npt: awake, calm\n0930 lasix, kcl given"),
    ("DATE", "titer 1/2048; 2019-2021 in remission; 3/2021-4 mg"),
    ("ORGANIZATION", "AWAKENS AND ORIENTED TO SELF AND HOSPITAL MOST OF TIME. FOR POSSIBLE DERMATOLOGY RE-EVALUATION;"
                     " ON ARRIVAL UROLOGY HERE"),
    ("DATE", "Tylenol given on the first try; after the third dose, moved to the second floor."),
    ("DATE", "MAR 14 doses reviewed; O2 dec 2 L"),
    ("AGE", "Glucose (94), HR (102), SBP (118) this am; she is ninety-two percent adherent"),
    ("LOCATION", "CITY: SAME   COUNTY: UNKNOWN   Town: N/A"),
    ("ORGANIZATION", "Social Service consulted; continue home and community services"),
    ("ORGANIZATION", "Physician Advisor / Utilization Management; Job title: Member Service Rep II"),
    ("ID", "code blue called; CPT code 99213; key points: 3 issues; user reported 3 falls; login today"),
    ("ORGANIZATION", "Her quest for a second opinion continues; labs drawn today."),
    ("PERSON", "SON WILL CALL BACK; daughter may visit; WIFE MAY STAY OVERNIGHT"),
    ("ORGANIZATION", "PT TRANSFERRED VIA AMBULANCE. SEEN IN CLINIC. CALLED EMS. IMMUNE SYSTEM"),
    ("ORGANIZATION", "NON-EMERGENCY AMBULANCE - PHYSICIAN CERTIFICATION STATEMENT"),
    # a state alone is no identifier, nor a hotel or "the area"
    ("LOCATION", "SON WENT BACK TO OREGON. DAUGHTER STAYING IN HOTEL. admitted to VA 10/18; niece lives in Nevada"),
    ("LOCATION", "RECEIVED 2 AMPS CA. 3 UPRBCS. CT INITIALLY OOZY"),
    ("PERSON", "PMH: COPD\n Cor Pulmonale \n OSA"),
    ("DATE", "no iv meds for bp at present. c/o 4/10 l flank pain in am, intermittent"),
    ("ACCOUNT", "week ending 3/14; ending 2 doses early; the month ending 2025 with 3 falls"),
    ("ACCOUNT", "visit 2 of 6 today; run 100000 units over 2 h; encounter for 15 min; lots of support"),
    ("ORGANIZATION", "TO: UnitedHealthcare / OptumRx Prior Auth; cvs 8-12 overnight, labs drawn at 0400"),
    # a two-letter word after a word, a comma after an interjection, a state's code before a ZIP
    ("PERSON", "Please Do not crush. Oh, Dear me. So, Patient was seen. PLEASE DO NOT CRUSH. Will Do."),
    # a credential, a state after a city (the names before them are found by other recognizers)
    ("PERSON", "Tech: RPSGT Ho, RPSGT (scorer); Home: 15 Warren St, Brockton MA; Marion OH 43302"),
    ("ID", "Mailing address: 114 Front St, Boise, ID 83646; Rx 10 mg daily"),
    ("PERSON", r"saved to C:\Users\Public\Documents and /home/user/app; @Home Health referral sent; @Pain Team"),
    # a turn of the body is no birthday; fluid balances are no phone numbers; a unit right after a
    # month and day keeps it a lab value; "mas", "me", "mayo" are words without a day and a year
    ("AGE", "PT: pt turned 90 degrees to the left, then turned ninety degrees back"),
    ("PHONE", "I/O: intake 720 360 1080 over the shift"),
    ("DATE", "HGB DEC 2 u overnight; MAR 14 u"),
    ("DATE", "quiere 2 mayo con el pan, y mas 3 me dijo"),
    ("VEHICLE", "ORIF with a locking plate, tail of the pancreas N2 negative"),
    # a word-name is a name only after a role, and no weekday or month is one
    ("PERSON", "covered by RN Sunday night; the nurse Practitioner note; Hope this helps, Grace period"),
    ("LOCATION", "lesion 7 MM; MM 1.2 g/dL M-spike; nodule 4 mm at MP joint 2"),
    ("ORGANIZATION", "Core Lab result; Cath Lab at 2; seen by Plastic Surgery; the Farmers Market; Home Oxygen"),
    ("ORGANIZATION", "SENT TO LAB. CBC LAB DRAWN. STAT LAB PENDING"),
    ("ORGANIZATION", "Helena Quax, MD (Colorectal Surgery); Ewa Quax, DPM (Podiatric Surgery); Orthopaedic Spine Surgery"),
    ("PERSON", "dictated but not read; transcribed via Dragon; scribe not present; Dictated: see above; Transcribed: VR/auto"),
    ("ACCOUNT", "flu shot at the visit 2023-2024 season; run 10-2024 q"),
    ("ID", "UO INC 1200 OVER SHIFT; INC 300CC"),
    ("LOCATION", "BP Ave. of the last 3 readings 128/80; Calle 5"),
    ("ORGANIZATION", "camp on Tuesday; Camp counselor on call; the Answering machine; Interpreting for mom"),
    ("PERSON", "grew s.aureus and e.coli; see report.xlsx and notes.final; pt_portal; svc_portal down"),
    ("PERSON", "improve peristalsis.he has been turning; arrival by medflight.sr with ectopy; counselor today.kkkkh"),
    ("VEHICLE", "mass in the pancreatic tail N1 disease"),
    ("PERSON", "per MD Day shift; RN Night team aware; NP Weekend coverage"),
    ("DATE", "labs on Mon 25 mg dose; Friday the 2nd dose of the series"),
    ("PERSON", "dose given by PO route; ABG/vbg   sent to lab; line placed by GU fellow; OGT placed by HO (cleared by GI) and"),
    ("PERSON", "this is Tuesday from 9 to 5; results from Lab says nothing; Hepatitis B. Screen"),
    # dev-l: a card's number needs its digits, "d." a comma and no dose; code's dates need a year
    ("HEALTH_PLAN", "NHS 111 advised; health card on file; OHIP covered"),
    ("AGE", "vitamin d. 95 ng/mL; Kamala, d. 92%; she is alive at 95% sat; I'm ninety percent sure"),
    ("DATE", "range(10, 2, 28); date(2, 28); timedelta(days=28)"),
    ("MRN", "ICN 101284773V44128 and 1012847730-441285"),
    ("PERSON", "pt ate well. -followed up\ncalled back. -reviewed"),
    ("PERSON", "Culture grew. ok\nno.\n\nPlan discussed.\nyes"),
    ("PERSON", "pt intake. chest pain 61F. Trauma: gsw to leg 19M; - Trauma 45M\n - Bed 12M. s/p fall in bathroom 88F"),
    ("ID", "tumor marker report CA-125 and ICD-10-CM codes; unit PRBC x2; kit A-12; block 4"),
    # session 23: capitals after "last"/"first" only as a search's fields; no words run together
    ("PERSON", "Last Fall First Time; the last dose first thing"),
    ("PERSON", "pt.alert and oriented; for her endoscopy.tolerated it well; ?bivent.pacing; that's a-b-c fine"),
    ("LOCATION", "WBC 3 today, Platelets 45000; given 2 doses, Heparin 25000"),
    ("ACCOUNT", "the account of events: 2019447; an account for the family: 12 people"),
    ("HEALTH_PLAN", "care plan 2 of 3; plan 20 min walk; plan 1234567890123"),
    ("ID", "NDC-0002-8215-01; ICD-10-CM; COVID-19; HEP-B-CURE-204; T-12-04; BP-120-80-72"),
    ("ID", "Protocol QAX-2217-302 (Phase 3); a Class II recall (recall Z-1650-2025)"),
    ("PERSON", "the medical director reviewed; director of Nursing; Med Dir note"),
    ("PERSON", "Chest Pain, M, 45; Blood Culture, F, (x2)"),
    ("PERSON", "Thank you, Doctor. Thanks, Team! Thank you, Again. Thanks, Everyone. Thank you, Maam. Ok"),
    # a title written out ends its sentence with a period; only an abbreviation takes one
    ("PERSON", "I saw the Doctor. Thanks again. Ask the Nurse. Nothing else"),
    ("PERSON", "labs (Potassium, #2 tube); (Room, #4412); (Stat, ID 1234)"),
    ("PERSON", "daughters here and aware of plan. wife also called. son came in. daughter very upset. "
               "his wife who is in a nursing home; for dtr who is now finishing; son who was here"),
    # session 27: a rare dictionary word or a drug's stem after "by" or "op" is no login
    ("PERSON", "weaned over the day, limited by proximal weakness; followed by durvalumab for a year; "
               "seen by auscultation only; op deltoid"),
    ("ORGANIZATION", "TRANSFER TO SKILLED NURSING FACILITY; NOTIFY CHIEF MEDICAL EXAMINER; FROM COUNTY JAIL"),
    ("ORGANIZATION", "Signed: Quenby Birnbaum, MD, Deputy Chief Medical Examiner"),
    ("AGE", "DR: how old is he?\nWIFE: eighty-four, and he still drives; DR: how old is the wound?\nPT: 2 weeks"),
    ("ID", "pt ID # 12 on the board; ID#: pending; Lt. Quaxley #2 in line"),
    ("PERSON", "PT ALERT.MS. INTACT; ORIENTED X3.MR. STABLE; reported to q. 4 hrs"),
    ("PERSON", "trauma echo negative; trauma delta 2; trauma bay 2; TRAUMA ECHO: no effusion"),
    ("PERSON", "Transcribed: VR/auto; staff: all; staff: RN/LPN"),
    ("DATE", "firmware v1.2026-01-01; lot_2025061399; acct 120250613; ratio 3.2026-05-05"),
    ("ID", "session 2 of 6; call back 10; session deadbeef; recording fade"),
    ("LICENSE", "DL MA at the DMV; CDL holder, class A; DL renewed 2019"),
    ("LICENSE", "DEA schedule II drugs: see list ab1234567?; DEA reg pending; 33a 1234567890"),
    ("PERSON", "Called Pharmacy (RN) and Blood Bank (tech); Dialysis (RN) aware; Charge (RN) notified; Float (RN)"),
    ("PERSON", 'Assessment, Pain "Better" today; wife "Okay" with plan; Plan, Follow "Closely"; Mood, Affect "Fine"'),
    ("PERSON", "VISITED BY FAMILY (WIFE) AND PT (SON); CALLED HCP (DAUGHTER); SEEN BY SW (SPOUSE); NOK (HUSBAND); "
               "POA (SON); MD (DAUGHTER); RN (MOTHER); CONTACT (WIFE)"),
    ("HEALTH_PLAN", "Medicaid approved 3/4/2025, renewal 06/2026; Medi-Cal covers 2 visits; member ID pending 01/02"),
    ("MRN", "12345   Total, 4 items\n0730   Quaxley, Ana   vitals\n20250114 Quaxley, Ana\nlot 44120 Quaxley, Ana"),
    ("DEVICE", "serial numbers of 3 pumps match; the serial is on the back; PPM DDDR 60; sn: pending; ICD Z95810"),
    ("PERSON", "Vitamin D. Hepatitis B. Group B. Plan A. Type C. Troponin I. Factor V. Bay D. Room A."),
    ("PERSON", 'pt called "urgent care" twice; called "bad" pain; witness pt. witness RN; ratio 3.2 / 40918822'),
    ("LOCATION", 'lat 2.5 cm; "lat": 3.2; lon 12; "geo": "US"; location: 12.5, 3.2'),
    ("ID", "(op 12); (post op 2024); (seen pre-op 2025); (tech 12); tech 4471 in"),
    ("ORGANIZATION", "davita-like pumps; a safeway to the car; publix in lower case; Kroger-brand; H Marty"),
    ("ID", "INC123 incident; inc0091877 in lower case is no ticket"),
    ("ID", "To: pharmacy\nCc: radiology\nFrom: nursing"),
    ("URL", '"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "system": "http://loinc.org", '
            '"system": "http://hl7.org/fhir/sid/us-ssn", "url": "https://quax.example.org/fhir/StructureDefinition/rpm-trigger"'),
    ("PERSON", "attending MD   Lic MA 271904   NPI 1730582946; FL lic. ME 118204"),     # "lic" is no name
    # a time and a range, a phone number's parts, a bare pair of numbers with a dash
    ("ID", "at 4:25-4:40 pm; range 1:24-2:30; tin 46 mg; ratio 12-3456789 units"),
    # a vital sign's range after a rhythm's "REG." (regular) is no registration number
    ("LICENSE", "TELE: SR, RR-18-20 REG. HR-110-133. CVP 12-14. rhythm reg. map-65-70"),
    # an ordinal that counts, not dates ("the 2nd to last dose", "the 2nd and 3rd toes", "the 4th floor")
    ("DATE", "held the 2nd to last dose; the 2nd and 3rd toes dusky; up to the 4th floor so she can rest"),
    # vital signs' ranges after their label, in capitals or not
    ("ID", "RESP: RR-18-20 REG. CVP 12-14,PAD-28-30. bp-110-133, sats 97-98-99"),
    # a kind with no name of its own ("BLOOD BANK", "NO INSURANCE", "HIGHWAY PATROL" alone)
    ("ORGANIZATION", "BLOOD BANK CALLED WITH CROSSMATCH. PT HAS NO INSURANCE. BROUGHT IN BY HIGHWAY PATROL."),
]


@pytest.mark.parametrize("kind,text", NEGATIVE, ids=_ids(NEGATIVE))
def test_does_not_flag(analyzer, kind, text):
    got = [f for f in findings(analyzer, text) if f[0] == kind]
    assert not got, f"{text!r} should have no {kind}; got {got}"


# Clinical text without identifiers: no finding of any kind.
CLEAN = [
    "metformin 500 mg PO BID, heparin 900 U/hr, Keflex, Lasix 40 mg",
    "Parkinson's, Babinski, Glasgow Coma Scale 15, Apgar 8/9",
    "K 3.8, Cr 1.2, HbA1c 7.9%, PTT 119, INR 2.3",
    "BP 120/80, HR 88, SpO2 96%, T 98.6",
    "E11.9, I50.23, Z79.4, CPT 99214, 93000, LOINC 4548-4, 2345-7, NDC 0002-8215-01",
    "in 2019, 58 yo, 0800, q4-6h, 1/2 tab, 3/4 strength, 5/5 strength, 2+ edema, room 412, bed 3",
    "PT ALERT AND ORIENTED X3. DR AWARE. ORDERED 40 MEQ KCL PO. WIFE AT BEDSIDE.",
    "pt c/o cp x 2 days, took 2 tabs of tylenol. may 2 tabs q6h prn.",
    "ORIF with 3.5 mm locking plate 8 hole; serial troponins negative x3",
    "The TSH was 2.3. Ca 9.4, Mg 2.0. WBC 12.3. Plt 250. ALT 45 AST 38. EF 55-60%. QTc 450.",
    "i have been feeling dizzy since monday. my bp was 150/90 this morning. can i take 2 tylenol?",
    "I/O 800/1200. UOP 450 ML. GCS 15. 2/6 SEM. G2P1.",
    "NEURO: PERRLA, MAE X4, 5/5 STRENGTH. CV: RRR, +2/4 PULSES. RESP: CTA B/L.",
    "Continue ASA 81, atorva 80, metoprolol 25 BID. F/u in 2 weeks.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_clinical_text_has_no_findings(analyzer, text):
    assert findings(analyzer, text) == []


@pytest.mark.parametrize("text,state", [
    ("Home: 64 Quaxley Ct New Quenbyfort, Alaska  99901\nPhone", "Alaska"),
    ("638 Mill Terrace, Rm 38 Quenbyville, New York 12820\ndonepezil", "New York"),
])
def test_a_state_after_a_street_is_no_city(analyzer, text, state):
    # the ZIP is still found; the state alone is no PHI
    got = [v for k, v in findings(analyzer, text) if k == "LOCATION"]
    assert any(v.endswith(text.split(state)[1].split()[0]) for v in got), got
    assert not any(state in v for v in got), got


@pytest.mark.parametrize("text,title", [
    ("M. Quaxley RN        Dep. R. Quenby       12/24/25 01:44       transport", "Dep"),
    ("Arresting agency: Quaxley Police Dept, Ofc N. Quenby #117", "Ofc"),
])
def test_an_officers_title_is_no_name(analyzer, text, title):
    found = findings(analyzer, text)
    assert not any(value.startswith(title) for _, value in found), found


def test_a_role_before_an_initial_is_no_given_name(analyzer):
    # "CM" is the case manager: a given name before "K. SURNAME, RN" has three letters or more
    got = findings(analyzer, "UPDATED LATE IN SHIFT. CM Z. QUARLE, LICSW.")
    assert [v for k, v in got if k == "PERSON" and "QUARLE" in v] == ["Z. QUARLE"], got


def test_all_caps_and_lowercase_note(analyzer):
    caps = ("92 YO F ADMITTED 3/14 FROM HOME. DR OKAFOR AWARE. HUSBAND JOHN (617) 555-0123. "
            "MRN 00458231. DISCHARGED 3/16/2024.")
    got = findings(analyzer, caps)
    for expected in [("AGE", "92"), ("DATE", "3/14"), ("PERSON", "OKAFOR"), ("PERSON", "JOHN"),
                     ("PHONE", "(617) 555-0123"), ("MRN", "00458231"), ("DATE", "3/16/2024")]:
        assert expected in got, (expected, got)
    lower = ("hi dr okafor, my mom is 93 years old. her mrn is 00458231 and my cell is "
             "617-555-0123. email me at ann.lee@gmail.com. we live at 12 elm st, boston, ma 02118.")
    got = findings(analyzer, lower)
    for expected in [("PERSON", "okafor"), ("AGE", "93"), ("MRN", "00458231"), ("PHONE", "617-555-0123"),
                     ("EMAIL", "ann.lee@gmail.com"), ("LOCATION", "12 elm st"), ("LOCATION", "02118")]:
        assert expected in got, (expected, got)


# ------------------------------------------------------------------ validators

def _with_luhn_npi(nine: str) -> str:
    return next(nine + str(d) for d in range(10) if V.npi(nine + str(d)))


def _with_dea_check(prefix: str, six: str) -> str:
    d = [int(c) for c in six]
    check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10
    return f"{prefix}{six}{check}"


def _with_vin_check(vin: str) -> str:
    return vin[:8] + V.vin_check_digit(vin) + vin[9:]


def _with_gs1_check(body: str) -> str:
    return next(body + str(d) for d in range(10) if V.gs1_check_digit_ok(body + str(d)))


@pytest.mark.parametrize("value,ok", [
    ("1234567893", True), ("1245319599", True), (_with_luhn_npi("198765432"), True),
    ("1234567890", False), ("0234567893", False), ("3234567893", False), ("123456789", False),
])
def test_npi(value, ok):
    assert V.npi(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("AB1234563", True), ("BJ6125341", True), (_with_dea_check("F9", "424242"), True),
    ("ab1234563", True), ("AB1234567", False), ("IB1234563", False), ("A11234563", False),
    ("AB123456", False), ("ZB1234563", False),
])
def test_dea(value, ok):
    assert V.dea(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("1HGCM82633A004352", True), ("1M8GDM9AXKP042788", True), (_with_vin_check("5YJ3E1EA0KF317000"), True),
    ("1HGCM82633A004353", False), ("1HGCM82633A00435", False), ("1HGCM82I33A004352", False),
    ("11111111111111111", False), ("ABCDEFGHJKLMNPRST", False),
])
def test_vin(value, ok):
    assert V.vin(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("123-45-6789", True), ("078-05-1120", True), ("123456789", True), ("000-12-3456", False),
    ("666-12-3456", False), ("900-12-3456", False), ("999-12-3456", False), ("123-00-4567", False),
    ("123-45-0000", False), ("12-345-678", False),
])
def test_ssn(value, ok):
    assert V.ssn(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("03/14/2024", True), ("3/14/24", True), ("2/29/2024", True), ("2024-03-14", True), ("7/23", True),
    ("2/29", True), ("13/03/2024", True), ("13/45/2020", False), ("0/12/2020", False),
    ("0002-8215-01", False), ("12/25/1931", True), ("3/32", False), ("1/1/1492", False),
    # a day the month lacks is a slip of the pen, still somebody's date
    ("2/30", True), ("2/29/2023", True), ("4/31", True), ("2/31/14", True),
    # a time glued on with "T" is read past; the date before it still must exist
    ("2025-03-04T10:22", True), ("2025-03-04T10:22:31Z", True), ("2025-13-04T10:22", False),
    # a weekday before it is read past; the date after it still must exist
    ("Sat 8/8", True), ("Thursday, 3/12/26", True), ("Fri 2/31/14", True), ("Tue 13/45/2020", False), ("Sat", False),
    # only a weekday that opens the value is read past
    ("8/8 Sat", False), ("x Sat 8/8", False),
])
def test_calendar_date(value, ok):
    assert V.calendar_date(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("March 14", True), ("March 14th, 2024", True), ("14-Mar-2024", True), ("Feb 30", True),
    ("Feb 29, 2023", True), ("14th of March", True), ("Mar '24", True), ("Sept. 9, 2023", True),
    ("Apr 31", True), ("March 2024", True), ("Feb 32", False), ("March 0", False),
    # two days of a month before the year: the first must exist
    ("Feb 24-25, 2025", True), ("Mar 3–5, 2024", True), ("Feb 32-33, 2025", False),
])
def test_textual_date(value, ok):
    assert V.textual_date(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("20240314", True), ("03142024", True), ("010248", True), ("20241314", False), ("131248", False),
    ("1234", False), ("2024031", False),
])
def test_compact_date(value, ok):
    assert V.compact_date(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("90", True), ("92", True), ("125", True), ("89", False), ("126", False), ("ninety-two", True),
    ("one hundred and one", True), ("eighty-nine", False), ("ninety", True), ("banana", False),
])
def test_age_90_plus(value, ok):
    assert V.age_90_plus(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("1EG4-TE5-MK73", True), ("1EG4TE5MK73", True), ("9AA0A00AA00", True), ("1eg4te5mk73", True),
    ("0EG4TE5MK73", False), ("1SG4TE5MK73", False), ("1EG4TE5MK7", False), ("1EGATE5MK73", False),
    ("1EG4TE5ML73", False), ("1EG4TB5MK73", False),
])
def test_mbi(value, ok):
    assert V.mbi(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("192.168.1.20", True), ("255.255.255.255", True), ("0.0.0.0", True),
    ("256.1.1.1", False), ("1.2.3", False), ("1.2.3.4.5", False),
])
def test_ipv4(value, ok):
    assert V.ipv4(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("fe80::1ff:fe23:4567:890a", True), ("::1", True), ("2001:db8::", True), ("::ffff:192.0.2.128", True),
    ("10:30:45", False), ("1:1:1", False), ("::", False), ("12345::1", False),
])
def test_ipv6(value, ok):
    assert V.ipv6(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("(01)00884521000011(17)250101", True), ("0100884521000011", True),
    (f"(01){_with_gs1_check('1234567890123')}(21)A1", True),
    ("(01)00884521000012(17)250101", False), ("(17)250101", False),
])
def test_gs1_udi(value, ok):
    assert V.gs1_udi(value) is ok


def test_gs1_check_digit_matches_gs1_reference_example():
    assert V.gs1_check_digit_ok("6291041500213")          # GS1's worked GTIN-13 example
    assert V.gs1_check_digit_ok("036000291452")           # a UPC-A
    assert not V.gs1_check_digit_ok("036000291453")


@pytest.mark.parametrize("value,ok", [
    ("ann.lee@gmail.com", True), ("a@b.co", True), ("image@2x.png", False), ("user@localhost", False),
    ("a@@b.com", False), ("a@b.c", False), ("a..b@c.com", False),
])
def test_email_shape(value, ok):
    assert V.email(value) is ok


def test_words_to_int():
    assert V.words_to_int("ninety-two") == 92
    assert V.words_to_int("one hundred and five") == 105
    assert V.words_to_int("a hundred") is None or V.words_to_int("hundred") == 100


def test_validators_registry_names_the_yaml_uses():
    used = {r.validator_name for r in load_recognizers() if r.validator_name}
    assert used <= set(VALIDATORS)


# ------------------------------------------------------------------ loader

def test_all_recognizers_load_and_cover_the_pattern_kinds():
    recs = load_recognizers()
    assert all(isinstance(r, ContextPatternRecognizer) for r in recs)
    names = [r.name for r in recs]
    assert len(names) == len(set(names))
    kinds = {r.entity for r in recs}
    assert kinds <= set(KINDS)
    assert kinds == set(KINDS)


def test_blank_analyzer_has_only_our_recognizers():
    recs = load_recognizers()
    a = blank_analyzer(recs)
    assert {r.name for r in a.get_recognizers()} == {r.name for r in recs}
    with pytest.raises(ValueError):
        blank_analyzer([])


def _doc(**overrides):
    rec = {"name": "demo", "entity": "MRN",
           "patterns": [{"name": "p", "regex": r"\b(?P<phi>\d{6})\b", "score": 0.5}]}
    rec.update(overrides)
    return {"recognizers": [rec]}


def _write(tmp_path: Path, doc) -> Path:
    p = tmp_path / "patterns.yaml"
    p.write_text(yaml.safe_dump(doc))
    return p


@pytest.mark.parametrize("overrides,field,needle", [
    ({"patterns": [{"name": "p", "regex": r"(\d+", "score": 0.5}]}, "patterns[0].regex", "invalid regex"),
    ({"validator": "luhn_magic"}, "validator", "unknown validator"),
    ({"entity": "PHONE_NUMBER"}, "entity", "unknown KIND"),
    ({"colour": "blue"}, "colour", "unknown field"),
    ({"patterns": [{"name": "p", "regex": r"{{NOPE}}\d", "score": 0.5}]}, "patterns[0].regex", "unknown macro"),
    ({"patterns": [{"name": "p", "regex": r"\d", "score": 1.5}]}, "patterns[0].score", "(0, 1]"),
    ({"context_required": True}, "context", "needs context"),
    ({"flags": ["CASELESS"]}, "flags", "unknown flag"),
    ({"deny": ["[a-"]}, "deny[0]", "invalid regex"),
    ({"patterns": []}, "patterns", "non-empty"),
    ({"context_window": -1, "context": ["mrn"]}, "context_window", "non-negative"),
    ({"patterns": [{"name": "p", "regex": r"\d", "score": 0.5, "anchor": "(x"}]}, "patterns[0].anchor", "invalid regex"),
    ({"requires": "(x"}, "requires", "invalid regex"),
    ({"requires": ""}, "requires", "regex string"),
    ({"patterns": [{"name": "p", "regex": r"\d", "score": 0.5, "requires": "[a-"}]}, "patterns[0].requires",
     "invalid regex"),
    # Hyperscan would refuse the whole prefilter for one such pattern
    ({"patterns": [{"name": "p", "regex": "(?:" + "|".join(f"w{i:05d}" for i in range(3000)) + r")\d",
                    "score": 0.5}]}, "patterns[0].regex", "prefilter: false"),
])
def test_yaml_errors_name_recognizer_and_field(tmp_path, overrides, field, needle):
    with pytest.raises(RecognizerConfigError) as e:
        load_recognizers(_write(tmp_path, _doc(**overrides)))
    assert e.value.recognizer == "demo" and e.value.field == field
    assert "'demo'" in str(e.value) and repr(field) in str(e.value) and needle in str(e.value)


def test_id_label_does_not_swallow_the_next_identifier(analyzer):
    got = findings(analyzer, "DOB: 06/16/1993   MRN: 00810756\nOrder # 937955055   Specimen S19-50361")
    assert ("MRN", "00810756") in got and ("ID", "937955055") in got
    assert ("MRN", "937955055") not in got


def test_word_list_macros_become_a_trie():
    from gateway.phi.recognizers.loader import word_alternation
    import regex
    rx = regex.compile(word_alternation(["and", "an", "a", "at", "n/a", "on-call"]) + "$")
    assert all(rx.match(w) for w in ["and", "an", "a", "at", "n/a", "on-call"])
    assert not any(rx.match(w) for w in ["ann", "n", "", "on"])
    [rec] = build_recognizers({"macros": {"STOP": ["mrn", "dob"]}, "recognizers": [
        {"name": "demo", "entity": "ID", "patterns": [{"name": "p", "regex": r"\b(?!{{STOP}})[a-z]{3}\d{3}", "score": 0.5}]}]})
    assert [r.start for r in rec.analyze("mrn123 abc123", ["ID"])] == [7]


def test_macro_must_be_regex_or_word_list():
    with pytest.raises(RecognizerConfigError, match="macros.X"):
        build_recognizers({"macros": {"X": 5}, "recognizers": []})


def test_negative_context_after_only_looks_after():
    rec = _one(negative_context_after=["tabs"], negative_context_after_window=8)
    assert _spans(rec, "tabs 123456") == [("123456", 0.5)]
    assert _spans(rec, "123456 tabs") == []


def test_duplicate_recognizer_names_are_rejected():
    doc = _doc()
    doc["recognizers"].append(doc["recognizers"][0])
    with pytest.raises(RecognizerConfigError, match="duplicate"):
        build_recognizers(doc)


def test_invalid_yaml_is_a_config_error(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("recognizers: [\n  - name: x\n")
    with pytest.raises(RecognizerConfigError, match="not valid YAML"):
        load_recognizers(p)


def test_default_patterns_file_is_valid_yaml():
    doc = yaml.safe_load(DEFAULT_PATTERNS.read_text())
    assert doc["version"] == 1 and len(doc["recognizers"]) == len(load_recognizers())


# ------------------------------------------------------------------ context semantics

def _one(**spec):
    base = {"name": "demo", "entity": "MRN",
            "patterns": [{"name": "p", "regex": r"(?<!\d)(?P<phi>\d{6})(?!\d)", "score": 0.5}]}
    base.update(spec)
    [rec] = build_recognizers({"recognizers": [base]})
    return rec


def _spans(rec, text):
    return [(text[r.start:r.end], round(r.score, 2)) for r in rec.analyze(text, [rec.entity])]


def test_context_required_drops_matches_without_context():
    rec = _one(context=["mrn", "chart"], context_required=True, context_window=20)
    assert _spans(rec, "MRN 123456") == [("123456", 0.5)]
    assert _spans(rec, "ref 123456") == []
    assert _spans(rec, "mrn" + " " * 30 + "123456") == []          # outside the window
    assert _spans(rec, "smrna 123456") == []                         # whole words only
    assert _spans(rec, "Chart\n 123456") == [("123456", 0.5)]        # case-insensitive, across lines


def test_context_after_window():
    rec = _one(context=["dob"], context_required=True, context_window=0, context_window_after=10)
    assert _spans(rec, "123456 (dob)") == [("123456", 0.5)]
    assert _spans(rec, "dob 123456") == []


def test_context_boosts_when_not_required():
    rec = _one(context=["medical record"], context_boost=0.3)
    assert _spans(rec, "ref 123456") == [("123456", 0.5)]
    assert _spans(rec, "medical   record 123456") == [("123456", 0.8)]
    capped = _one(context=["mrn"], patterns=[{"name": "p", "regex": r"\d{6}", "score": 0.9}])
    assert _spans(capped, "mrn 123456") == [("123456", 1.0)]


def test_symbol_context_words_need_no_boundary():
    rec = _one(context=["#"], context_required=True, context_window=3)
    assert _spans(rec, "#123456") == [("123456", 0.5)]


def test_negative_context_and_deny():
    rec = _one(negative_context=["cpt"], negative_context_window=10, deny=[r"0+\d*"])
    assert _spans(rec, "cpt 123456") == []
    assert _spans(rec, "id 012345") == []
    assert _spans(rec, "id 123456") == [("123456", 0.5)]


def test_validator_and_phi_group():
    rec = _one(patterns=[{"name": "p", "regex": r"NPI[ :]*(?P<phi>\d{10})", "score": 0.6}],
               validator="npi", flags=[])
    assert _spans(rec, "NPI: 1234567893") == [("1234567893", 0.6)]
    assert _spans(rec, "NPI: 1234567890") == []
    assert _spans(rec, "npi: 1234567893") == []                       # flags: [] is case-sensitive
    assert rec.validate_result("1234567893") is True
    assert rec.invalidate_result("1234567893") is None


def test_per_pattern_context_required():
    rec = _one(patterns=[{"name": "loose", "regex": r"A(?P<phi>\d{6})", "score": 0.5},
                         {"name": "strict", "regex": r"B(?P<phi>\d{6})", "score": 0.5, "context_required": True}],
               context=["mrn"])
    assert _spans(rec, "A123456") == [("123456", 0.5)]
    assert _spans(rec, "B123456") == []
    assert _spans(rec, "mrn B123456") == [("123456", 0.5)]


def test_anchor_limits_where_a_pattern_runs():
    rec = _one(patterns=[{"name": "p", "regex": r"(?<!\d)(?P<phi>\d{6})(?!\d)", "score": 0.5,
                          "anchor": "mrn", "anchor_before": 5, "anchor_after": 12}])
    text = "123456 " + "x" * 50 + " mrn 654321"
    assert _spans(rec, text) == [("654321", 0.5)]


def test_results_are_marked_context_enhanced_for_presidio():
    from presidio_analyzer import RecognizerResult
    rec = _one(context=["mrn"])
    [r] = rec.analyze("mrn 123456", ["MRN"])
    assert r.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] is True
    assert r.analysis_explanation.supportive_context_word.lower() == "mrn"
    assert rec.analyze("mrn 123456", ["PHONE"]) == []                 # not asked for


# ------------------------------------------------------------------ speed (sanity, generous)

def _note() -> str:
    lines = [t for _, t, _ in POSITIVE] + [t for _, t in NEGATIVE] + CLEAN
    return "\n".join(lines)


@pytest.mark.parametrize("text", [
    pytest.param(None, id="clinical-50KB"),
    pytest.param("1" * 50_000, id="digits-50KB"),
    pytest.param("Ab1-" * 12_500, id="alnum-dash-50KB"),
    pytest.param(("SMITH JONES, " * 4_000)[:50_000], id="caps-names-50KB"),
    pytest.param(("a." * 25_000), id="dots-50KB"),
    pytest.param(("x@" * 25_000), id="ats-50KB"),
    pytest.param(("1:" * 25_000), id="colons-50KB"),
])
def test_no_catastrophic_backtracking(text):
    recs = load_recognizers()
    if text is None:
        base = _note()
        text = (base * (50_000 // len(base) + 1))[:50_000]
    start = time.perf_counter()
    for r in recs:
        r.analyze(text, [r.entity])
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"{elapsed:.2f}s for 50 KB"         # ~0.1-0.3 s here; catastrophic = minutes


def test_requires_skips_a_recognizer_or_pattern_whose_condition_is_absent():
    rec = _one(patterns=[{"name": "p", "regex": r"(?<!\d)(?P<phi>\d{6})(?!\d)", "score": 0.5}],
               requires="mrn")
    assert _spans(rec, "123456") == []
    assert _spans(rec, "MRN 123456") == [("123456", 0.5)]
    rec = _one(patterns=[{"name": "a", "regex": r"A(?P<phi>\d{6})", "score": 0.5, "requires": "A"},
                         {"name": "b", "regex": r"B(?P<phi>\d{6})", "score": 0.5}], flags=[])
    assert _spans(rec, "B123456") == [("123456", 0.5)]
    assert _spans(rec, "A123456 B654321") == [("123456", 0.5), ("654321", 0.5)]


def test_every_shipped_requires_is_a_necessary_condition():
    """A `requires` that rejects a text with a match would lose that match: with the gates
    removed, no recognizer finds anything more in any test text."""
    gated = [r for r in load_recognizers() if r._requires is not None or r._pattern_requires]
    assert len(gated) >= 10
    texts = ([t for _, t, _ in POSITIVE] + [t for _, t in NEGATIVE] + CLEAN
             + [PROMPT_LIKE.upper(), PROMPT_LIKE.lower(), PROMPT_LIKE])
    for rec in gated:
        gates = rec._requires, rec._pattern_requires
        with_gates = [[(r.start, r.end) for r in rec.analyze(t, [])] for t in texts]
        rec._requires, rec._pattern_requires = None, {}
        try:
            without = [[(r.start, r.end) for r in rec.analyze(t, [])] for t in texts]
        finally:
            rec._requires, rec._pattern_requires = gates
        assert with_gates == without, rec.name


PROMPT_LIKE = ("Pt Harold Brandvold, MRN 00482913, DOB 03/14/1956, admitted Nov 2 2026 from Lakeview "
               "General, transferred 7/16 from WHC; lives in Towson, MD 21204; wife (617) 555-0142, "
               "https://portal.example.org/x, acct # 5521-889, case ref 3390012.")


@pytest.mark.parametrize("value,ok", [
    ("qquaxley", True), ("tquenby2", True), ("rbishop", True),   # an initial and a surname, "bishop" too
    ("pending", False), ("opthamology", False), ("biomed", False), ("qqx", False),
])
def test_bare_login(value, ok):
    assert V.bare_login(value) is ok


@pytest.mark.parametrize("value,ok", [("2021-08", True), ("2022-11", True), ("2008-09", False), ("2011-12", False)])
def test_iso_month_is_no_range_of_years(value, ok):
    assert V.iso_month(value) is ok


def test_context_word_trie_matches_what_a_flat_alternation_does():
    import regex as rx

    from gateway.phi.recognizers.loader import _word_alternation
    words = ["mrn", "mr #", "#", "med rec", "a", "an", "and", "n/a", "on-call", "K"]
    flat = "(?:" + "|".join(
        (r"(?<![\p{L}\d])" if w[0].isalnum() else "") + r"\s+".join(rx.escape(p) for p in w.split())
        + (r"(?![\p{L}\d])" if w[-1].isalnum() else "") + (r"(?!\.(?!\d))(?<!/\p{L})" if len(w) == 1 else "")
        for w in sorted(words, key=len, reverse=True)) + ")"
    old, new = (rx.compile(p, rx.IGNORECASE) for p in (flat, _word_alternation(words, initials=False)))
    text = "Pt an MRN: 12, med  rec 4, K. Quaxley, K 4.1, #5, n/a, a/k, on-call, smrna, And, brand"
    for start in range(len(text)):
        a, b = old.search(text, start), new.search(text, start)
        assert (a and a.start()) == (b and b.start()), (start, a, b)


def test_negative_context_after_stops_at_the_end_of_a_clause():
    rec = _one(negative_context_after=["hr", "ml"], negative_context_after_window=10)
    assert _spans(rec, "id 123456 hr") == []
    assert _spans(rec, "id 123456: HR 48") == [("123456", 0.5)]
    assert _spans(rec, "id 123456 11 mL") == []           # past a number too: "5/5 35% FiO2"


@pytest.mark.parametrize("value,ok", [
    ("Peg", True), ("Bee", True), ("Sully", True),          # quoted after a name: words too
    ("Lasix", False), ("Heparin", False),                   # clinical terms are no nicknames
])
def test_quoted_nickname(value, ok):
    assert V.quoted_nickname(value) is ok


@pytest.mark.parametrize("value,ok", [
    ("np/lrw", True), ("HI/kmb", True), ("MW / LA", True),  # a signer/typist pair
    ("RN/MD", False), ("PT/OT", False), ("ok", False), ("DNR", False),
])
def test_signoff_initials(value, ok):
    assert V.signoff_initials(value) is ok
