import re

import pytest
from presidio_analyzer import RecognizerResult

from gateway.phi.normalize import normalize, rewritten
from gateway.phi.spoken import rewrites, said


def written(text: str) -> str:
    return rewritten(text, rewrites(text)).text


@pytest.mark.parametrize("spoken,expected", [
    # spoken digits, with or without a comma's pause between groups
    ("call five oh five, five five five, oh one seven one", "call 5055550171"),
    ("nine one seven five five five zero one four two", "9175550142"),
    ("badge two one one seven.", "badge 2117."),
    ("double five two", "552"),
    ("o five one two", "0512"),
    # spelt letters glued to the digits after them
    ("record s c m zero zero eight two one nine four,", "record SCM0082194,"),
    ("plate x r j four one two, silver", "plate XRJ412, silver"),
    ("DEA is B-H-4-4-1-7-6-0-3 and", "DEA is BH4417603 and"),
    # a spelt name
    ("spelled q u a x l e y first name", "spelled QUAXLEY first name"),
    # a label said letter by letter stays apart from its value
    ("N P I one four two seven zero eight one nine nine three", "NPI 1427081993"),
    ("M R N nine nine one zero four six three.", "MRN 9910463."),
    ("q-u-a-x-l-e-y", "QUAXLEY"),
    # month, day and year said as numbers, and years
    ("birthday seven twelve seventy two", "birthday 7/12/72"),
    ("Two, twenty-one, sixty-four.", "2/21/64."),
    ("dob nine four two thousand one.", "dob 9/4/2001."),
    ("twenty oh five", "2005"),
    # ordinal days and the year after them
    ("november fourteenth nineteen fifty one", "november 14th 1951"),
    ("june ninth twenty twenty five", "june 9th 2025"),
    ("april ninth, fifty-nine", "april 9th, 59"),
    ("february third", "february 3rd"),
    ("the twenty-first of August", "the 21st of August"),
    ("seen on the fourteenth", "seen on the 14th"),
    ("due the fifth at nine", "due the 5th at nine"),
    # numbers of several words
    ("forty one hundred harlan avenue", "4100 harlan avenue"),
    # text whose lowercase is longer than itself is read case-blind
    ("İstanbul: call five oh five five five five oh one seven one", "İstanbul: call 5055550171"),
    ("extension two two", "extension 22"),
    ("new jersey zero seven eight two one period", "new jersey 07821 period"),
    # a house number said in pairs before its street, a road's number after the road
    ("my office at eight ten quaxley road in two weeks", "my office at 810 quaxley road in two weeks"),
    ("lives at twenty two forty quenby avenue", "lives at 2240 quenby avenue"),
    ("at the lab on route nine period", "at the lab on route 9 period"),
])
def test_spoken_identifiers_are_written(spoken, expected):
    assert written(spoken) == expected


@pytest.mark.parametrize("prose", [
    "one of the two", "the first time, a second opinion, twenty minutes", "oh, okay",
    "pt a o x 3", "m m r, i p v, d tap", "hemoglobin a one c", "ninety-four. Ninety-five in June",
    "give one or two tabs", "ten to twelve", "r e colon", "suite two twenty", "x " * 30,
    "THE ELEVENTH JUDICIAL CIRCUIT", "the fourth floor", "fifth grade", "suction q 2-3 hrs", "A-1-C",
    "come back at eight ten", "she walks three blocks down the road", "on route to the clinic", "walked three times around the unit drive",
])
def test_prose_keeps_its_words(prose):
    assert written(prose) == prose


def test_findings_map_back_onto_the_spoken_words():
    text = "call five oh five five five five oh one seven one now"
    n = rewritten(text, rewrites(text))
    start = n.text.index("5055550171")
    a, b = n.span(start, start + 10)
    assert text[a:b] == "five oh five five five five oh one seven one"
    assert n.text[n.forward(text.index("now")):] == "now"
    assert n.span(0, 4) == (0, 4)


def _digits_and_calls(text: str) -> list[RecognizerResult]:
    # a stand-in analyzer: seven digits or more, and the word "call"
    return [RecognizerResult("PHONE", m.start(), m.end(), 0.6) for m in re.finditer(r"\d{7,}", text)] + \
        [RecognizerResult("PERSON", m.start(), m.end(), 0.6) for m in re.finditer(r"call", text)]


def test_said_keeps_what_is_found_on_a_spoken_run_and_maps_it_onto_the_words():
    text = "Note one.\ncall five oh five five five five oh one seven one now, or call 5550100"
    found = said(text, [], _digits_and_calls)
    assert [(r.entity_type, text[r.start:r.end]) for r in found] == \
        [("PHONE", "five oh five five five five oh one seven one")]


def test_said_reads_each_stretch_once_and_nothing_without_spoken_runs():
    seen: list[str] = []
    far = "stable overnight. " * 12
    text = "dob seven twelve seventy two, phone five five five oh one four two. " + far + "badge two one one seven"
    said(text, [], lambda t: seen.append(t) or [])
    assert len(seen) == 2                         # the first two runs share a stretch
    assert "7/12/72" in seen[0] and "5550142" in seen[0] and "2117" in seen[1]
    assert said("no spoken identifier here, one of the two", [], lambda t: seen.append(t) or []) == []
    assert len(seen) == 2


def test_the_text_itself_is_not_rewritten():
    assert normalize("call five oh five five five five oh one seven one").text == \
        "call five oh five five five five oh one seven one"


def test_rewrites_are_in_order_and_do_not_overlap():
    found = rewrites("dob seven twelve seventy two, phone five five five oh one four two, spelled q u a x")
    assert [w for _, _, w in found] == ["7/12/72", "5550142", "QUAX"]
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text,value", [
    ("PHARMACIST: my direct is five oh five five five five oh one seven one extension two two",
     "five oh five five five five oh one seven one"),
    ("the DEA on the script is B-H-4-4-1-7-6-0-3 and", "B-H-4-4-1-7-6-0-3"),
    ("PT: quentin quaxley, seven twelve seventy two\nDR: thanks", "seven twelve seventy two"),
    ("date of birth nine four two thousand one. the car", "nine four two thousand one"),
    ("medical record number s c m zero zero eight two one nine four comma", "s c m zero zero eight two one nine four"),
    ("date of birth november fourteenth nineteen fifty one", "november fourteenth nineteen fifty one"),
    ("follow up in my office at eight ten quaxley road in two weeks period", "eight ten quaxley road"),
    ("will repeat tomorrow at the lab on route nine period. hold the lisinopril", "route nine"),
])
def test_the_detector_finds_what_was_said(detector, text, value):
    start = text.index(value)
    assert any(f.start <= start and f.end >= start + len(value) for f in detector.analyze(text)), \
        [(f.type, text[f.start:f.end]) for f in detector.analyze(text)]


@pytest.mark.parametrize("spoken,expected", [
    # a dictated text's punctuation, said as words
    ("r e colon quenby quaxley comma date of birth comma seen today period new paragraph plan",
     "r e: quenby quaxley, date of birth, seen today.\n plan"),
    # the words themselves where they are words: the grace period, the sigmoid colon, "period period"
    ("the grace period ends comma biopsy of the sigmoid colon comma fine period period",
     "the grace period ends, biopsy of the sigmoid colon, fine period."),
    # an e-mail address said aloud, digits at the end of a part
    ("it should be jide dot quaxley seventy two at gmail dot com\nDR: ok",
     "it should be jide.quaxley72@gmail.com\nDR: ok"),
    ("write to q underscore quenby at mail dot quaxley dot org please",
     "write to q_quenby@mail.quaxley.org please"),
])
def test_dictated_punctuation_and_said_addresses_are_written(spoken, expected):
    assert written(spoken) == expected


@pytest.mark.parametrize("prose", [
    "one comma in a text is not dictation: the period of time, the colon",   # said once: a word
    "the moment I'm at home dot the i's",                                     # no address
])
def test_punctuation_words_in_written_text_stay(prose):
    assert written(prose) == prose


def _names_before_a_comma(text):
    return [RecognizerResult("PERSON", m.start(), m.end(), 0.8) for m in re.finditer(r"\bquenby quaxley(?=,)", text)]


def test_said_keeps_a_finding_next_to_said_punctuation_only():
    text = "r e colon quenby quaxley comma date of birth comma and quenby quaxley said"
    found = said(text, [], _names_before_a_comma)
    assert [(r.start, r.end) for r in found] == [(10, 24)]     # the first, before "comma", not the second


def test_said_takes_a_said_mark_off_the_edge_of_a_result():
    text = "employer comma Quaxley Public Schools comma fill it out please comma thanks"
    first = [RecognizerResult("ORGANIZATION", 9, 37, 0.8), RecognizerResult("ORGANIZATION", 9, 14, 0.5)]
    found = said(text, first, lambda t: [])
    assert [text[r.start:r.end] for r in found] == ["Quaxley Public Schools"]      # "comma" alone is gone
    # in a text that does not dictate, "comma" is a word like any other
    assert said("employer comma Quaxley", [RecognizerResult("ORGANIZATION", 9, 22, 0.8)], lambda t: [])[0].start == 9


@pytest.mark.parametrize("text,value", [
    ("r e colon margaret quaxley comma date of birth seven twelve seventy two period new paragraph",
     "margaret quaxley"),
    ("PT: it should be jide dot quaxley seventy two at gmail dot com\nDR: got it", "jide dot quaxley seventy two"),
])
def test_the_detector_reads_dictation(detector, text, value):
    start = text.index(value)
    found = detector.analyze(text)
    assert any(f.start <= start and f.end >= start + len(value) for f in found), \
        [(f.type, text[f.start:f.end]) for f in found]
    # and does not take the said punctuation into a name
    assert not any(text[f.start:f.end].endswith(("comma", "period")) for f in found if f.type == "PERSON")


def test_a_spelt_word_is_what_it_spells():
    text = "first name quenby spelled q u e n b y and the drug m e t f o r m i n"
    start = text.index("quenby")
    first = [RecognizerResult("PERSON", start, start + 6, 0.7)]
    found = said(text, first, lambda t: [])
    spelt = text.index("q u e n b y")
    assert [(r.entity_type, text[r.start:r.end]) for r in found] == \
        [("PERSON", "quenby"), ("PERSON", "q u e n b y")]          # not the spelt drug: nothing found it
    assert found[1].start == spelt


def test_a_long_run_of_said_dots_is_read_once():
    # one pattern for the whole address tried every word of such a run as a start: quadratic,
    # minutes on this text (the suite's 120 s timeout fails it); each address is now found from
    # its domain and read back a bounded way
    text = "one two three dot " * 10000 + "quenby dot quaxley at mail dot org"
    found = rewrites(text)
    start, end, address = found[-1]
    assert address.endswith(".quenby.quaxley@mail.org") and end == len(text)
    assert text.rindex(" at ") - start <= 100               # the local part is read back a bounded way
    assert sum(1 for _, _, w in found if w == "123") > 9990  # the spoken numbers before it, as always
    # and with no address after it, nothing but the numbers
    assert [w for _, _, w in rewrites("one two three dot " * 10000 + "done")] == ["123"] * 10000
