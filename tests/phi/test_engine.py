"""The detector's NER stage: entity shapes no name, place or organization has are
dropped before they reach a request (gateway.phi.engine._NerRecognizer)."""
from __future__ import annotations

import pytest

from gateway.phi.detector import Finding
from gateway.phi.engine import (NER_KINDS, _NerRecognizer, whole_words, with_ages, with_given_names, with_org_of,
                                with_weekdays, with_word_names, with_zips)
from tests.phi.fake_ner import guesses


def ner_results(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Run the recognizer (no NER filter) over `text` as if the model had tagged `ents`."""
    return guesses(_NerRecognizer(supported_language="en", supported_entities=list(NER_KINDS)), text, ents)


@pytest.mark.parametrize("label,text,words", [
    ("LOCATION", "90's iv nitro titrated to keep map < 80 as well as for radial art. graft pt.",
     "90's iv nitro titrated to keep map < 80 as well as for radial art"),
    ("LOCATION", "LASIX 50 MCGS GIVEN", "50 MCGS"),
    ("LOCATION", "ON 40 PSV OVERNIGHT", "40 PSV"),
    ("PERSON", "K+ 3.2 REPLETED AT 1400", "3.2"),
    ("PERSON", "LS COARSE THROUGHOUT, SXN FOR MOD AMTS THICK TAN SECRETIONS, ABG SENT, PLAN TO WEAN",
     "LS COARSE THROUGHOUT, SXN FOR MOD AMTS THICK TAN SECRETIONS"),
])
def test_implausible_entities_are_dropped(label, text, words):
    assert ner_results(text, [(label, words)]) == []


@pytest.mark.parametrize("label,text,words", [
    ("LOCATION", "lives at 55 Fruit St, Boston MA 02118", "55 Fruit St"),
    ("LOCATION", "Boston MA 02118-2393 phone", "02118-2393"),
    ("LOCATION", "our address is 568 1/2 highland st suite 28, bellingham", "568 1/2 highland st suite 28"),
    ("LOCATION", "Pharmacy 15104 Dr. Martin Luther King Jr Ct, Suite 420, San Diego",
     "15104 Dr. Martin Luther King Jr Ct, Suite 420"),
    ("PERSON", "Dr. Maria del Carmen Rodriguez de la Fuente saw him", "Maria del Carmen Rodriguez de la Fuente"),
    ("ORGANIZATION", "seen at Sacred Heart Memorial Hospital", "Sacred Heart Memorial Hospital"),
])
def test_plausible_entities_are_kept(label, text, words):
    assert ner_results(text, [(label, words)]) == [(label, words)]


def test_a_name_glued_to_a_date_is_trimmed_not_dropped():
    text = "Bayview Dialysis Center  8/2. Michael Lee"
    assert ner_results(text, [("PERSON", "8/2. Michael Lee")]) == [("PERSON", "Michael Lee")]


def test_a_guess_ends_at_a_field_separator():
    text = "MEDICARE PART A| QUAXLEY ANA E|SEL|19310805|5KD2HW7NT38"
    guess = "QUAXLEY ANA E|SEL|19310805|5KD2HW7NT38"
    assert ner_results(text, [("PERSON", guess)]) == [("PERSON", "QUAXLEY ANA E")]


def test_an_organization_led_by_a_quantity_is_dropped():
    text = "billed 2x 500 Acme Home Infusion"
    assert ner_results(text, [("ORGANIZATION", "2x 500 Acme Home Infusion")]) == []


@pytest.mark.parametrize("text,date,expected", [
    ("ride booked for Sunday 6/28 at 9", "6/28", "Sunday 6/28"),
    ("f/u Wed, Dec 20, 2023 with ortho", "Dec 20, 2023", "Wed, Dec 20, 2023"),
    ("SEEN THURS 10/5 IN CLINIC", "10/5", "THURS 10/5"),
    ("Tues. 3/4 labs", "3/4", "Tues. 3/4"),
    ("seen 6/28 by PT", "6/28", "6/28"),
    ("DATE: 03/14/2025 (FRI)   UNIT: MEDIC 7", "03/14/2025", "03/14/2025 (FRI)"),
    ("Recheck INR 3/21 (Fri) via home monitor", "3/21", "3/21 (Fri)"),
    ("on 3/21 (pending) again", "3/21", "3/21"),
    ("Sunday: 6/28", "6/28", "6/28"),           # a label, not a weekday written against the date
    # after the date without parentheses, written as a weekday's name is (session 30)
    ("Quaxley, Ana        | 09/29 Mon   | 19:00 |", "09/29", "09/29 Mon"),
    ("RTP step 4 on 7/13 SUN, cleared", "7/13", "7/13 SUN"),
    ("avoid 10/5 sun exposure", "10/5", "10/5"),
    ("seen 3/4 Monitor placed", "3/4", "3/4"),
])
def test_a_weekday_written_against_a_date_is_part_of_it(text, date, expected):
    start = text.index(date)
    [f] = with_weekdays(text, [Finding("DATE", start, start + len(date), 0.9)])
    assert text[f.start:f.end] == expected


@pytest.mark.parametrize("text, name, age", [
    ("filter the 90+ ones like Quaxley (95) and Quenby (93)?", "Quaxley", "95"),
    ("02   QUAXLEY, E         93  F   AMS/UTI?", "QUAXLEY, E", "93"),
    ("| RED    | Ana Quaxley              | 94  | flail chest", "Ana Quaxley", "94"),
    ("No-shows:   - Quaxley, Ana, 94, 9:00 Dr Quenby -- forgot", "Quaxley, Ana", "94"),
    ("Quaxton Med Ctr        Quaxley, Ana 96  hip fx, NSTEMI", "Quaxley, Ana", "96"),
])
def test_an_age_of_90_or_more_beside_a_name(text, name, age):
    start = text.index(name)
    found = with_ages(text, [Finding("PERSON", start, start + len(name), 0.8)])
    assert [(f.type, text[f.start:f.end]) for f in found] == [("PERSON", name), ("AGE", age)]


@pytest.mark.parametrize("text, name", [
    ("seen with Quaxley (45) and", "Quaxley"),               # under 90: no identifier
    ("QUAXLEY, E   93 mg/dL", "QUAXLEY, E"),                 # no sex after it: a value
    ("Quaxley room 96 (F)", "Quaxley"),                      # not right after the name
    ("Quaxley, 94 kg, 91% on RA", "Quaxley"),                # a weight, then a saturation
])
def test_no_age_beside_a_name_where_none_is_given(text, name):
    start = text.index(name)
    found = [Finding("PERSON", start, start + len(name), 0.8)]
    assert with_ages(text, found) == found
    assert with_ages(text, [Finding("ORGANIZATION", 0, 4, 0.8)]) == [Finding("ORGANIZATION", 0, 4, 0.8)]


@pytest.mark.parametrize("text, place, zip_code", [
    ("Caller location: home, Quaxton (68104)", "Quaxton", "68104"),
    ("4120 Quenby Ct, Quaxley Park 44107\nCell", "Quaxley Park", "44107"),
    ("88 Quaxley Hwy, #4, Quaxton HI 96744   ph", "Quaxton", "96744"),
])
def test_a_zip_code_right_after_a_place(text, place, zip_code):
    start = text.index(place)
    found = with_zips(text, [Finding("LOCATION", start, start + len(place), 0.7)])
    assert [(f.type, text[f.start:f.end]) for f in found] == [("LOCATION", place), ("LOCATION", zip_code)]


@pytest.mark.parametrize("text, start, end, kind", [
    ("Quaxton 123456 units", 0, 7, "LOCATION"),        # six digits: no ZIP code
    ("Quaxton, 10000-20000 steps", 0, 7, "LOCATION"),   # a range
    ("Quaxley 85041 on file", 0, 7, "PERSON"),          # only after a place
    ("Quaxton exit 85041", 0, 7, "LOCATION"),           # not right after it
])
def test_no_zip_code_where_the_number_is_something_else(text, start, end, kind):
    found = [Finding(kind, start, end, 0.7)]
    assert with_zips(text, found) == found


@pytest.mark.parametrize("text, found, name", [
    ("Cx'd appt w/ Hope Quaxley PT; offered Thu", "Quaxley", "Hope Quaxley"),
    ("pacu handoff\npt: mercy quaxley-owusu, 91 yo F", "quaxley-owusu", "mercy quaxley-owusu"),
    ("hi dr q its rhonda (rhonda king) - the pt", "rhonda", "rhonda king"),
    ("LIST SIGNED BY QUELLA SNOW.", "QUELLA", "QUELLA SNOW"),
    # surnames a role must not take, after a given name (session 30)
    ("notified by Sgt Quella Sunday, Quaxton County Sheriff", "Quella", "Quella Sunday"),
    ("Veteran: Quella A. Major      C-file", "Quella A.", "Quella A. Major"),
    ("Dietitian Quella Tan started the formula", "Quella", "Quella Tan"),     # session 31
])
def test_a_name_that_is_a_word_too_joins_the_name_beside_it(text, found, name):
    start = text.rindex(found)
    [f] = with_word_names(text, [Finding("PERSON", start, start + len(found), 0.8)])
    assert text[f.start:f.end] == name


@pytest.mark.parametrize("text, found", [
    ("EMOTIONAL SUPPORT TO FRIEND QUELLA QUAXLEY.", "QUELLA QUAXLEY"),   # a relation, not a given name
    ("Pt's pastor, Bishop Quaxley, visited", "Quaxley"),                 # a title
    ("spoke with hope Quaxley", "Quaxley"),                               # not written as the name is
    ("Quaxley king size bed requested", "Quaxley"),
    ("Quella said amber urine noted", "Quella"),                         # a word after a given name
    ("Quella sunday dose held", "Quella"),                               # not written as the name is
    ("Quella tan, dry skin", "Quella"),
    ("Quella will call back", "Quella"),                                 # a verb is no surname
])
def test_no_word_joins_a_name_unless_it_names_too(text, found):
    start = text.index(found)
    f = Finding("PERSON", start, start + len(found), 0.8)
    assert with_word_names(text, [f]) == [f]


def test_weekdays_extend_only_dates():
    text = "Sunday Morales called"
    f = Finding("PERSON", 7, 14, 0.85)
    assert with_weekdays(text, [f]) == [f]


def test_no_patient_string_outlives_its_analysis(detector):
    """spaCy adds every token it sees to a process-wide vocabulary; the detector must not
    leave patients' names there (a memory dump would hold every name ever redacted)."""
    nlp = detector._analyzer.nlp_engine.nlp["en"]
    canaries = ["Zqxwvbrandt", "Oyelarantu", "ZQXWV-88213"]
    findings = detector.analyze(f"Pt {canaries[0]} {canaries[1]} (MRN {canaries[2]}) seen by Dr. Okafor today")
    assert any(f.type == "PERSON" for f in findings)
    for canary in canaries:
        assert canary not in nlp.vocab.strings and canary.lower() not in nlp.vocab.strings


def test_concurrent_analyses_are_correct_and_leave_nothing_behind(detector):
    """Requests are analysed in worker threads; memory zones must not interleave."""
    from concurrent.futures import ThreadPoolExecutor

    nlp = detector._analyzer.nlp_engine.nlp["en"]
    texts = [f"Pt Qorvanek{i} Tyszlarowa seen by Dr. Okafor, callback 617-555-{1000 + i:04d}" for i in range(40)]
    expected = [detector.analyze(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(detector.analyze, texts))
    assert got == expected
    assert not any(f"Qorvanek{i}" in nlp.vocab.strings for i in range(40))


def test_the_model_runs_on_one_blas_thread_and_leaves_the_process_setting_alone():
    """Threads cost the model's small matrix products more than they give; the limit holds
    only while the model runs."""
    from spacy.language import Language
    from threadpoolctl import threadpool_info, threadpool_limits

    from gateway.phi.engine import build_nlp_engine

    seen: list[int] = []

    @Language.component("medgate_test_record_blas_threads")
    def record(doc):
        seen.extend(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas")
        return doc

    engine = build_nlp_engine()
    engine.nlp["en"].add_pipe("medgate_test_record_blas_threads")
    with threadpool_limits(limits=2, user_api="blas"):
        engine.process_text("Pt Mary Lee seen at Mercy Hospital", "en")
        after = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert seen and set(seen) == {1}
    assert after and set(after) == {2}


def test_the_registry_remembers_its_choice_but_sees_a_recognizer_added_later():
    from presidio_analyzer import Pattern, PatternRecognizer

    from gateway.phi.engine import _Registry

    def recognizer(entity: str) -> PatternRecognizer:
        return PatternRecognizer(supported_entity=entity, name=f"test_{entity.lower()}",
                                 patterns=[Pattern("x", r"\d{9}", 0.9)])

    registry = _Registry(supported_languages=["en"])
    registry.add_recognizer(mrn := recognizer("MRN"))
    assert registry.get_recognizers("en", ["MRN", "SSN"]) == [mrn]
    first = registry.get_recognizers("en", ["MRN", "SSN"])
    first.clear()                                            # a caller's copy, not the cache
    assert registry.get_recognizers("en", ["MRN", "SSN"]) == [mrn]
    registry.add_recognizer(ssn := recognizer("SSN"))
    assert registry.get_recognizers("en", ["MRN", "SSN"]) == [mrn, ssn]   # the registry's order, not a set's
    assert registry.get_recognizers("en", ["SSN"]) == [ssn]
    registry.remove_recognizer(ssn.name)
    assert registry.get_recognizers("en", ["MRN", "SSN"]) == [mrn]


def test_the_patterns_run_before_the_ner_in_a_fixed_order():
    # Presidio keeps the first of two results with the same span and score, and only a pattern's
    # is carried through the document: a set's order (it differs from process to process) made
    # the same text's findings differ between two gateway workers
    from presidio_analyzer import Pattern, PatternRecognizer

    from gateway.phi.engine import _NerRecognizer, _Registry

    registry = _Registry(supported_languages=["en"])
    registry.add_recognizer(ner := _NerRecognizer(supported_language="en", supported_entities=["PERSON"]))
    patterns = [PatternRecognizer(supported_entity="PERSON", name=f"test_{i}", patterns=[Pattern("x", r"Q\w+", 0.65)])
                for i in range(30)]
    for p in patterns:
        registry.add_recognizer(p)
    assert registry.get_recognizers("en", ["PERSON", "MRN"]) == [*patterns, ner]


@pytest.mark.parametrize("text,span,expected", [
    ("MOVED TO BRIXHOLM7 FOR TELEMETRY", "BRIXHOLM", "BRIXHOLM7"),   # a ward and its floor
    ("call 617-555-0142x12 today", "617-555-0142", "617-555-0142x12"),
    ("MRN:A1234567", "1234567", "A1234567"),
    ("son Radu's car", "Radu", "Radu"),                                   # punctuation ends a word
    ("Dr. Okafor-Lee saw", "Okafor", "Okafor"),                             # so does a hyphen
])
def test_a_finding_takes_whole_words(text, span, expected):
    from gateway.phi.engine import whole_words
    start = text.index(span)
    (f,) = whole_words(text, [Finding("X", start, start + len(span), 0.9)])
    assert text[f.start:f.end] == expected



@pytest.mark.parametrize("text, found, expected", [
    ("Dr. Sung-min Park, fellow", "Sung", "Sung-min"),          # a romanized given name is one word
    ("per primary RN Jae-won, pt received", "Jae", "Jae-won"),
    ("call from son Rob-who states he is not coming", "Rob", "Rob"),   # a dash as punctuation
    ("per Dr. Rockwood-thinking is dopa may", "Rockwood", "Rockwood"),
    ("QUARTERMAIN7 bed 2", "QUARTERMAIN", "QUARTERMAIN7"),
    ("Pt's husband Jae-hyun asks for a calendar", "Jae", "Jae-hyun"),      # a given name's syllable
    ("From: Kim Soo-ah <sooah.kim82@example.com>", "Kim Soo", "Kim Soo-ah"),
    ("Uzoma, N (BU5531072)  Walgreens", "Uzoma", "Uzoma, N"),              # surname, initial
    ("HOLLOWAY, BRITTANY S  CCR-00662193", "HOLLOWAY, BRITTANY", "HOLLOWAY, BRITTANY S"),
    ("spoke to Smith, I think he agreed", "Smith", "Smith"),               # the pronoun
    ("Okonkwo, Chidinma A.   F   24 y/o", "Okonkwo, Chidinma A.", "Okonkwo, Chidinma A."),
])
def test_whole_words(text, found, expected):
    start = text.index(found)
    (f,) = whole_words(text, [Finding("PERSON", start, start + len(found), 0.8)])
    assert text[f.start:f.end] == expected


def test_the_detector_finds_a_list_after_its_first_value(detector):
    """The series step is wired in: the label stands before the first accession number only."""
    text = ("specimen # 31-204-0917 / 31-204-0918 / 31-204-0919 / 31-204-0920, pending\n"
            "taught over 3 sessions (2/12, 2/14, 2/17):\n  [x] trach care")
    found = {(f.type, text[f.start:f.end]) for f in detector.analyze(text)}
    assert {("ID", "31-204-0920"), ("DATE", "2/17")} <= found
    # the last accession number is beyond its recognizer's context window: the series step found it
    norm, results = detector.results(text)
    assert {norm.text[r.start:r.end] for r in results if r.recognition_metadata.get("recognizer_name") == "series"} \
        == {"31-204-0920"}


@pytest.mark.parametrize("text,parts,expected", [
    ("Nombre: María de los Ángeles Quaxil Tzoc   MRN", ["María de", "Ángeles Quaxil Tzoc"],
     ["María de los Ángeles Quaxil Tzoc"]),
    ("Dr. Pieter van der Quaxberg", ["Pieter", "Quaxberg"], ["Pieter van der Quaxberg"]),
    # two people, or a name beside a place: not joined
    ("Juan y María Quaxil", ["Juan", "María Quaxil"], ["Juan", "María Quaxil"]),
    ("Quenby de Paris", ["Quenby", "Paris"], ["Quenby de Paris"]),
    # a particle opening a field before the name it begins (session 29)
    ('CLM|HC-4471288|"VAN DER QUAXLEY, ANA"|10/08/1939', ["QUAXLEY, ANA"], ["VAN DER QUAXLEY, ANA"]),
    ("PART A|||DE LA QUENBY^MARIA^E|SEL", ["QUENBY^MARIA^E"], ["DE LA QUENBY^MARIA^E"]),
    ('4,"De la Quaxley Ramírez, Jorge"', ["Quaxley Ramírez, Jorge"], ["De la Quaxley Ramírez, Jorge"]),
    # not a particle inside a sentence
    ("la mamá de Quenby Quaxil llamó", ["Quenby Quaxil"], ["Quenby Quaxil"]),
    ("sent to De Quaxley's office", ["Quaxley"], ["Quaxley"]),
])
def test_a_names_parts_join_across_its_particles(text, parts, expected):
    from gateway.phi.engine import joined_names
    found = [Finding("PERSON", text.index(p), text.index(p) + len(p), 0.7) for p in parts]
    assert [text[f.start:f.end] for f in joined_names(text, found)] == expected


def test_a_particle_joins_only_names():
    from gateway.phi.engine import joined_names
    text = "Quenby de Quaxville"
    found = [Finding("PERSON", 0, 6, 0.7), Finding("LOCATION", 10, 19, 0.7)]
    assert joined_names(text, found) == found


@pytest.mark.parametrize("text,parts,expected", [
    ("via fixed wing to Quaxai Women's and Children's Hospital, Honolulu",
     ["Quaxai Women", "Children's Hospital"], ["Quaxai Women's and Children's Hospital"]),
    ("from Maple Quax Nursing and Rehabilitation, Hamtramck", ["Maple Quax Nursing"],
     ["Maple Quax Nursing and Rehabilitation"]),
    # what follows "and" must be a kind of organization
    ("from Maple Quax Nursing and Hamtramck", ["Maple Quax Nursing"], ["Maple Quax Nursing"]),
])
def test_an_organizations_parts_join_across_and(text, parts, expected):
    from gateway.phi.engine import joined_names
    found = [Finding("ORGANIZATION", text.index(p), text.index(p) + len(p), 0.7) for p in parts]
    assert [text[f.start:f.end] for f in joined_names(text, found)] == expected


def test_two_organizations_listed_stay_two():
    from gateway.phi.engine import joined_names
    text = "referrals sent to Oakdale Post-Acute and Riverbank Health"
    found = [Finding("ORGANIZATION", text.index(p), text.index(p) + len(p), 0.7)
             for p in ("Oakdale Post-Acute", "Riverbank Health")]
    assert joined_names(text, found) == found


def test_the_patterns_romanized_syllables_are_the_engines():
    # a name's lowercase second syllable ("Ha-eun") is one concept: patterns.yaml's macro for a
    # name word and engine.py's extension of a found name, less "a", "in" and "man" ("Walk-in")
    import re as _re

    import yaml

    from gateway.phi.engine import _SYLLABLE_TAIL
    from gateway.phi.recognizers.loader import DEFAULT_PATTERNS
    macro = yaml.safe_load(DEFAULT_PATTERNS.read_text(encoding="utf-8"))["macros"]["ROMAN_SYLLABLES"]
    ours = set(macro.split("|"))
    engine = set(_re.sub(r"\s", "", _SYLLABLE_TAIL.pattern.split("(?:", 1)[1].split(")", 1)[0]).split("|"))
    assert ours == engine - {"a", "in", "man"}


@pytest.mark.parametrize("text, found, name", [
    # a given name in capitals after a surname found alone and its comma (dev-q, session 30)
    (" 4   ---  NAKAGAWA-QUENBY, ISATU    QUAX-TX1 O    26", "NAKAGAWA-QUENBY", "NAKAGAWA-QUENBY, ISATU"),
    ("allocated to QUAXLEY, ROSANGELA seq 9 (QUAX-TX1).", "QUAXLEY", "QUAXLEY, ROSANGELA"),
    ('"QUAXLEY, PRECIOUS"|03/30/1935|HUMANA', "QUAXLEY", "QUAXLEY, PRECIOUS"),  # a word-name
])
def test_a_given_name_after_a_surnames_comma_joins_it(text, found, name):
    start = text.index(found)
    [f] = with_given_names(text, [Finding("PERSON", start, start + len(found), 0.65)])
    assert text[f.start:f.end] == name


@pytest.mark.parametrize("text, found", [
    ("PER DR QUAXLEY, SITTER REQUESTED.", "QUAXLEY"),          # an ordinary word
    ("QUAXLEY, RN -- called", "QUAXLEY"),                      # a credential
    ("2025-10-02,35,PENDING,AUTOPSY,QM,OPEN-TOX", "QM"),       # a word joined to another
    ("Quaxley, Rosangela called", "Quaxley"),                  # not in capitals
])
def test_no_word_after_a_comma_joins_a_surname(text, found):
    start = text.index(found)
    f = Finding("PERSON", start, start + len(found), 0.65)
    assert with_given_names(text, [f]) == [f]


@pytest.mark.parametrize("text, found, name", [
    # an organization's "for"/"of" tail after a head word the NER cut it at (dev-r, session 30)
    ("FREEZER AUDIT, Quaxley Institute for Human Genetics\nAuditor", "Quaxley Institute",
     "Quaxley Institute for Human Genetics"),
    ("Dropoff: Quenby Hospital Center for Advanced Medicine, 4921 Quaxton Pl", "Quenby Hospital Center",
     "Quenby Hospital Center for Advanced Medicine"),
    ("warmline: Quaxton Friends of Dauphin County warmline.", "Quaxton Friends", "Quaxton Friends of Dauphin County"),
    ("Seen at Quaxley Institute for Human Genetics. Next", "Quaxley Institute", "Quaxley Institute for Human Genetics"),
])
def test_an_organizations_of_or_for_tail_joins_it(text, found, name):
    start = text.index(found)
    [f] = with_org_of(text, [Finding("ORGANIZATION", start, start + len(found), 0.65)])
    assert text[f.start:f.end] == name


@pytest.mark.parametrize("text, found", [
    ("to Quaxley Hospital for Whipple procedure. Family", "Quaxley Hospital"),        # a hospital's reason
    ("to Quaxton Medical Center for Nissen fundoplication.", "Quaxton Medical Center"),  # prose after the tail
    ("FROM QUAXLEY HOSPITAL FOR MENTAL STATUS CHANGES", "QUAXLEY HOSPITAL"),          # capitals
    ("records from Quaxley Medical Center for January 1, 2023", "Quaxley Medical Center"),  # a month
    ("at Quaxton Medical Center for BMP/VBG.", "Quaxton Medical Center"),             # a lab test
])
def test_no_tail_joins_an_organization_where_it_is_prose(text, found):
    start = text.index(found)
    f = Finding("ORGANIZATION", start, start + len(found), 0.65)
    assert with_org_of(text, [f]) == [f]
