import pytest

from gateway.phi.normalize import normalize


def _orig(text: str, needle: str) -> str:
    n = normalize(text)
    start = n.text.index(needle)
    a, b = n.span(start, start + len(needle))
    return text[a:b]


def test_ascii_is_untouched():
    n = normalize("PT ALERT, DR SMITH AWARE")
    assert n.text == "PT ALERT, DR SMITH AWARE" and n.span(3, 8) == (3, 8)


def test_zero_width_and_format_characters_are_dropped_and_mapped_back():
    text = "call 6\u200b17-555\u200d-01\u206023 or \ufeffsoft\u00adhyphen"
    n = normalize(text)
    assert "617-555-0123" in n.text and "softhyphen" in n.text
    assert _orig(text, "617-555-0123") == "6\u200b17-555\u200d-01\u206023"


def test_full_width_digits_and_letters():
    text = "SSN \uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19, MRN \uff21\uff11\uff12"
    assert normalize(text).text == "SSN 123-45-6789, MRN A12"
    assert _orig(text, "123-45-6789") == text[4:15]


def test_homoglyphs_in_mixed_words_only():
    assert normalize("M\u0430ry S\u043cith").text == "Mary SMith"          # Cyrillic а, м inside Latin words
    assert normalize("\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432").text == "Иван Петров"   # wholly Cyrillic: left
    assert normalize("Dr. \u03a1\u03bfss").text == "Dr. Poss"               # Greek Ρ, ο


def test_forward_maps_original_offsets():
    text = "a\u200bb c"
    n = normalize(text)
    assert n.text == "ab c" and n.forward(2) == 1 and n.forward(4) == 3


def test_line_breaks_inside_numbers_and_hyphenated_words():
    text = "SSN 123-45\n-6789; call 617-555-\n  0123; pt Kowal-\nczyk; BP 120\n80 stays two lines? no: digits join"
    n = normalize(text)
    assert "123-45-6789" in n.text and "617-555-0123" in n.text and "Kowalczyk" not in n.text
    assert "Kowal-czyk" in n.text
    assert _orig(text, "617-555-0123") == "617-555-\n  0123"
    assert normalize("line one.\nLine two").text == "line one.\nLine two"   # ordinary breaks stay


@pytest.mark.parametrize("text", [
    "Date of service: 03/25/2022\n88305 (surgical pathology)",     # a whole date, then a CPT code
    "Date of service: 11-05-2024\n99213 (office visit)",
    "venipuncture   $4,048.60\n36415",                             # an amount
    "last dose at 10:30\n1200 cc out",                             # a time
    "temp 37.2\n98 on RA",                                         # a decimal
    "  - patient to call 313-555-0152\n  - BMP 1/17, drawn at home",   # a list's bullet, no minus
    "Pt: R.T. 58M   MICU bed 6\n3/14/25 1430   Operator: Dr. Vu",   # a line that starts with a date
    "MICU bed 6\n14:30 family meeting",                           # or with a time
    "dtr Patty = HCP 555-0171\n620   Castellanos-Ruiz, Marisol",   # a phone's last four, then a room
    "SSN 123-45-6789\n2 siblings",
    "Scranton, PA 18505\n570-555-0146",                            # a ZIP, then a phone
    "Lot 14\n570-555-0146 (cell)",                                 # a line that starts with a phone
    "2. Medicare number (MBI): 1EG4-TE5-MK72\n3. Item or service",  # or with a list's number
    "Member ID Q48812093\n2) Secondary insurance",
    "17  Referring: Quaxley, Ana   17b NPI 1093857726\n21  ICD ind 0",    # a claim form's field numbers
    "1a  Insured's ID: PRV-0041882719\n2   Patient name: QUAXLEY, ANA",
    "RM  START  PATIENT\n--  -----  -------\n01  0730   QUAXLEY, ANA",      # a table's rule, then a row
    "2025-03-12,09:20,Lake R,sick,503-555-0158 x2\n2025-03-12,09:40,Osei K",   # a CSV row's ISO date
    "0418  epi #2\n0419  ETT 7.5 @ 22 cm",                          # a code log's next row: its time
    "date          | recipient    | --\n2022-01-19    | Quaxley Law",  # an empty cell's "--", then a row
    "hydrated -\n12 oz water",                                     # a dash after a space
])
def test_a_whole_value_ending_a_line_stays_apart_from_the_next_lines_number(text):
    assert normalize(text).text == text


def test_the_detector_finds_a_phone_number_broken_between_its_groups(detector):
    text = "Plan: start ceftriaxone 1 g IV q24h. Callback number +1 804\n606 4115. "
    assert [text[f.start:f.end] for f in detector.analyze(text)] == ["+1 804\n606 4115"]


def test_the_detector_finds_a_date_that_ends_a_line_before_a_number(detector):
    text = "Account #: 8909-086-1493\n\nDate of service: 03/25/2022\n88305 (surgical pathology)   $3,632.07\n"
    assert "03/25/2022" in [text[f.start:f.end] for f in detector.analyze(text)]


def test_a_number_ending_a_line_stays_apart_from_the_next_lines_number():
    text = "1) proxy: 204-943-1045 \n 2) son: 989-290-8303\nnov, 96  \n1900 - 0700"
    assert normalize(text).text == text
    assert normalize("call 617 555\n0123").text == "call 617 5550123"      # a tight break still joins


@pytest.mark.parametrize("typed,read", [
    # the letter O scanned or typed for a zero among digits (dev-n, session 25)
    ("DOB: O4/11/1966", "DOB: 04/11/1966"),
    ("Zip 1O701", "Zip 10701"),
    ("Phone: 914 555 O117", "Phone: 914 555 0117"),
    ("12/O5/2020", "12/05/2020"),
    ("DOB: O4/11/1966 \u200b", "DOB: 04/11/1966 "),          # also where other disguises are undone
])
def test_a_letter_o_among_digits_is_a_zero(typed, read):
    n = normalize(typed)
    assert n.text == read
    start = n.text.index("0")
    assert n.span(start, start + 1) == (start, start + 1)     # same length: offsets unchanged


@pytest.mark.parametrize("text", ["CO2 22, O2 sat 94% on 2L O2", "MRN MO4412", "60/O2 SATS", "RESP. O2/2l sats",
                                  "O2-3LNC", "OOB to chair", "A&Ox3", "Dx O99.013, O26.893",
                                  "IL driver's license O524-1187-6"])
def test_oxygen_and_letters_keep_their_o(text):
    assert normalize(text).text == text
