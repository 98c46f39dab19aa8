"""A name confirmed once by a pattern carries through the document (gateway.phi.propagate),
through the real detector and on the Propagator alone."""
from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from gateway.phi.propagate import Propagator


def result(kind: str, text: str, value: str, score: float = 0.75, source: str = "person_relation"):
    start = text.index(value)
    return RecognizerResult(kind, start, start + len(value), score, recognition_metadata={"recognizer_name": source})


def found(text: str, results) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in results)


def pattern_only(r) -> bool:
    return r.recognition_metadata["recognizer_name"] != "ner"


TEXT = "SON RADU AT BEDSIDE. RADU WISHES TO SPEAK WITH TEAM. WILL CALL radu IN AM."


def test_every_other_occurrence_is_found_in_any_case():
    out = Propagator(stop_words=[])(TEXT, [result("PERSON", TEXT, "RADU")], pattern_only)
    assert found(TEXT, out) == [("PERSON", "RADU"), ("PERSON", "RADU"), ("PERSON", "radu")]


def test_a_surnames_particle_is_not_carried():
    text = "Dra. Ximena Del Quaxley. Resultados del 28 de febrero; Quaxley llamará."
    out = Propagator(stop_words=[])(text, [result("PERSON", text, "Ximena Del Quaxley")], pattern_only)
    assert found(text, out) == [("PERSON", "Quaxley"), ("PERSON", "Ximena Del Quaxley")]


def test_guesses_of_the_model_are_not_carried():
    out = Propagator(stop_words=[])(TEXT, [result("PERSON", TEXT, "RADU", source="ner")], pattern_only)
    assert found(TEXT, out) == [("PERSON", "RADU")]


@pytest.mark.parametrize("kwargs,value,score", [
    ({}, "RADU", 0.5),                        # below min_score: not confirmed enough
    ({"stop_words": ["radu"]}, "RADU", 0.75),   # a stop word is never carried
])
def test_weak_or_ordinary_words_are_not_carried(kwargs, value, score):
    prop = Propagator(**{"stop_words": [], **kwargs})
    out = prop(TEXT, [result("PERSON", TEXT, value, score=score)], pattern_only)
    assert found(TEXT, out) == [("PERSON", value)]


def test_word_boundaries():
    text = "DAUGHTER ANN CALLED. ANNOUNCED PLAN. ANN'S NUMBER GIVEN. JOANN VISITED."
    out = Propagator(stop_words=[])(text, [result("PERSON", text, "ANN")], pattern_only)
    assert found(text, out) == [("PERSON", "ANN"), ("PERSON", "ANN")]


def test_a_city_word_is_not_carried_into_a_state_s_name():
    # a state alone is no PHI: a city named after it ("Jersey City") does not make the state's
    # word a place ("NEW JERSEY"), but the city's other mentions are still found
    text = "SUPERIOR COURT OF NEW JERSEY. Records, 176 Quax Ave, Jersey City, NJ 07306. Lives in Jersey City"
    first = text.index("Jersey City")
    city = RecognizerResult("LOCATION", first, first + len("Jersey City"), 0.75,
                            recognition_metadata={"recognizer_name": "city_state"})
    out = Propagator(stop_words=["city"])(text, [city], pattern_only)
    assert found(text, out) == [("LOCATION", "Jersey"), ("LOCATION", "Jersey City")]
    assert all(text[r.start:r.end] != "JERSEY" for r in out)




def test_detector_carries_a_relative_s_name_but_not_clinical_words(detector):
    text = ("SOCIAL: SON RADU AT BEDSIDE, UPDATED BY TEAM.\n"
            "RADU WISHES TO SPEAK WITH ATTENDING RE GOALS OF CARE.\n"
            "DR. FOLEY AWARE. FOLEY DRAINING CLEAR YELLOW URINE.")
    spans = [text[f.start:f.end] for f in detector.analyze(text)]
    assert spans.count("RADU") == 2
    assert "FOLEY" in spans                    # "DR. FOLEY": a name ...
    assert not any(f.start > text.index("AWARE.") and text[f.start:f.end] == "FOLEY"
                   for f in detector.analyze(text))   # ... the catheter is not


class _Lexicon:
    """The two questions the coordination step asks, over a tiny word list."""
    plain = {"team", "son", "stool", "wife", "work", "up"}
    names_too = {"brown", "will"}

    def is_plain(self, word: str) -> bool:
        return word.lower() in self.plain

    def is_word(self, word: str) -> bool:
        return word.lower() in self.plain | self.names_too

    def near_english(self, word: str) -> bool:
        return word.lower() in {"tranplant"}


def test_a_model_guess_of_a_whole_name_carries_its_unknown_words_as_written():
    text = "Aiyana Brown  DOB 3/21/2012\nAiyana is a 12 y/o; Brown stool. AIYANA signed. Aiyanas"
    guess = result("PERSON", text, "Aiyana Brown", source="ner")
    out = Propagator(stop_words=[], words=_Lexicon())(text, [guess], pattern_only)
    assert found(text, out) == [("PERSON", "Aiyana"), ("PERSON", "Aiyana Brown")]


def test_a_one_word_guess_or_a_misspelling_is_not_carried():
    text = "Aetna primary. Aetna requires PA. tranplant Quaxley work-up; tranplant Quaxley again"
    guesses = [result("PERSON", text, "Aetna", source="ner"), result("PERSON", text, "tranplant Quaxley", source="ner")]
    out = Propagator(stop_words=[], words=_Lexicon())(text, guesses, pattern_only)
    assert found(text, out) == [("PERSON", "Aetna"), ("PERSON", "Quaxley"), ("PERSON", "tranplant Quaxley")]


@pytest.mark.parametrize("text,anchor,coordinated", [
    ("NSICU team called and Drs Ferullo and Saeed in to see pt", "Ferullo", "Saeed"),
    ("DR'S CAMARDA AND CLIFFORD REMAINED AT BEDSIDE", "CAMARDA", "CLIFFORD"),
    ("daughters sarah, and margie in to visit", "sarah", "margie"),
    ("Drs Okafor & Brown aware", "Okafor", "Brown"),          # a name that is also a word, after a pattern
])
def test_a_name_coordinated_with_a_confirmed_name_is_a_name(text, anchor, coordinated):
    out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, anchor)], pattern_only)
    assert ("PERSON", coordinated) in found(text, out)


@pytest.mark.parametrize("text,anchor,source", [
    ("Dr. Lee and team aware", "Lee", "person_title"),            # an ordinary word
    ("wife Mary and son at bedside", "Mary", "person_relation"),
    ("small and brown stool", "small", "ner"),                     # after a guess: no word at all
    ("Dr. Lee and I spoke", "Lee", "person_title"),               # one letter
])
def test_ordinary_words_are_not_coordinated(text, anchor, source):
    out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, anchor, source=source)],
                                                     pattern_only)
    assert found(text, out) == [("PERSON", anchor)]


def test_a_facility_vouches_for_the_one_after_it_but_not_for_ordinary_words():
    text = "ACCEPTED BY TOWSON REHAB AND FALLSTEAD. TO CALDWELL HOSPITAL AND WORK-UP THERE."
    anchors = [result("ORGANIZATION", text, "TOWSON REHAB", source="facility_name"),
               result("ORGANIZATION", text, "CALDWELL HOSPITAL", source="facility_name")]
    out = Propagator(stop_words=[], words=_Lexicon())(text, anchors, pattern_only)
    assert found(text, out) == [("ORGANIZATION", "CALDWELL HOSPITAL"), ("ORGANIZATION", "FALLSTEAD"),
                                ("ORGANIZATION", "TOWSON REHAB")]


def test_a_name_coordinated_with_a_pattern_name_is_carried_through_the_document():
    text = "Drs Ferullo and Saeed in to see pt. Saeed to call back."
    out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, "Ferullo")], pattern_only)
    assert found(text, out) == [("PERSON", "Ferullo"), ("PERSON", "Saeed"), ("PERSON", "Saeed")]


def test_the_detector_coordinates_names(detector):
    text = "Family in attendance. Drs Ballou and Dutter pronounced at 0117."
    assert "Dutter" in [text[f.start:f.end] for f in detector.analyze(text)]


def test_a_name_of_two_unknown_words_is_carried_through_the_document(detector):
    text = ("SICU team has spoken extensively with Radu Quaxley (closest relative). At this time "
            "Radu wishes to make pt DNR/DNI.")
    found_values = [text[f.start:f.end] for f in detector.analyze(text)]
    assert found_values.count("Radu") + found_values.count("Radu Quaxley") == 2


def test_a_name_written_before_and_a_confirmed_name_is_a_name():
    text = "KCL GIVEN. BEA QUAXLEY AND DRS JOSEPH AND ROBBINSON AWARE. Discussed with family and Dr Lee."
    out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, "JOSEPH")], pattern_only)
    values = [v for _, v in found(text, out)]
    assert {"BEA", "QUAXLEY", "ROBBINSON"} <= set(values)
    assert "DRS" not in values and "GIVEN" not in values


def test_an_ordinary_word_before_and_a_name_is_no_name():
    for text in ("Discussed with team and Dr Lee", "Agreed to the heart tranplant work-up and Dr Lee's plan"):
        out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, "Lee")], pattern_only)
        assert found(text, out) == [("PERSON", "Lee")]


def test_a_word_ending_in_and_is_no_conjunction():
    text = "Responsible party: husband Kevin, 555-0100"
    out = Propagator(stop_words=[], words=_Lexicon())(text, [result("PERSON", text, "Kevin")], pattern_only)
    assert found(text, out) == [("PERSON", "Kevin")]


def test_a_login_made_of_a_confirmed_name_is_that_person():
    from gateway.phi.engine import ner_filter
    text = ("Access log\n2025-09-12 07:42  rquaxley   Quaxley, Radu   RN   Chart open\n"
            "2025-09-12 07:50  rquaxley   MAR view\nNote: user rquaxley had no treatment relationship.")
    out = Propagator(stop_words=[], words=ner_filter())(text, [result("PERSON", text, "Quaxley, Radu")], pattern_only)
    assert found(text, out).count(("PERSON", "rquaxley")) == 3


def test_a_login_with_a_number_after_it_is_that_person_too():
    from gateway.phi.engine import ner_filter
    text = ("2025-04-03 14:20:48  rquaxley3   Quaxley, Radu   MD (ED)   chart open\n"
            "message to wife at 1105 by rquaxley3; order 4471 rquaxleyx2; radu2025")
    out = Propagator(stop_words=[], words=ner_filter())(text, [result("PERSON", text, "Quaxley, Radu")], pattern_only)
    got = found(text, out)
    assert got.count(("PERSON", "rquaxley3")) == 2
    assert not any(v in ("rquaxleyx2", "radu2025") for _, v in got)


def test_a_login_that_is_a_word_is_not_carried():
    from gateway.phi.engine import ner_filter
    text = "Daughter Tara Hose at bedside. Those questions were answered."
    out = Propagator(stop_words=[], words=ner_filter())(text, [result("PERSON", text, "Tara Hose")], pattern_only)
    assert ("PERSON", "Those") not in found(text, out)


def test_a_models_guess_of_a_whole_name_vouches_for_its_login():
    from gateway.phi.engine import ner_filter
    text = "2025-09-13 22:01  tquaxley   Quaxley, Tamsin   Unit clerk\nNote: user tquaxley has no relationship."
    out = Propagator(stop_words=[], words=ner_filter())(
        text, [result("PERSON", text, "Quaxley, Tamsin", source="ner")], pattern_only)
    assert found(text, out).count(("PERSON", "tquaxley")) == 2


def test_the_ordinary_words_of_a_place_are_carried_only_capitalized_but_a_persons_in_any_case():
    class Lexicon(_Lexicon):
        plain = _Lexicon.plain | {"silver", "lake", "campground", "bliss", "mobile"}

    text = ("LOC: Silver Lake Campground, site 22. Quaxley Mobile Estates lot 4. "
            "campground host arrived; silver sulfadiazine to the burn. Quaxley road closed. nurse Bliss "
            "called; bliss will call back. Meet at the Campground store")
    anchors = [result("LOCATION", text, "Silver Lake Campground", source="location_building"),
               result("LOCATION", text, "Quaxley Mobile Estates", source="location_building"),
               result("PERSON", text, "Bliss", source="person_after_role")]
    out = found(text, Propagator(stop_words=[], words=Lexicon())(text, anchors, pattern_only))
    assert ("LOCATION", "Quaxley") in out                       # its own name is carried
    carried = [value for kind, value in out if " " not in value]
    assert not {"campground", "silver"} & set(carried)         # lowercase prose
    assert "Campground" in carried                              # capitalized: read as the name again
    assert ("PERSON", "bliss") in out
    assert ("PERSON", "bliss") in out


def test_a_login_of_two_initials_and_the_surname_is_carried():
    from gateway.phi.propagate import logins
    assert "aqquaxley" in logins("Ana Quenia Quaxley") and "aquaxley" in logins("Ana Quenia Quaxley")
    assert logins("Ana Quaxley") == {"aquaxley"}      # two words: one initial
    text = "Outreach worker: Ana Quenia Quaxley (aqquaxley)   Interpreter: Dari"
    out = Propagator(stop_words=[])(text, [result("PERSON", text, "Ana Quenia Quaxley")], pattern_only)
    assert ("PERSON", "aqquaxley") in found(text, out)


def test_a_names_initials_are_that_person_elsewhere():
    from gateway.phi.propagate import initials
    assert initials("Greta Lindgren") == {"GL"} and initials("LINDGREN, Greta") == {"GL"}
    assert initials("Ana Quenia Quaxley") == {"AQ", "AQQ"}
    assert initials("Dr. Quaxley") == set()           # one name word: no initials
    text = ("Obi, Quenby 08:13: thx TQ. pls keep it on.\nTamsin Quaxley 08:15: ok\n"
            "FROM: ML/TQ rm 5211\nClosed 07/05 19:02. TQ")
    out = Propagator(stop_words=[])(text, [result("PERSON", text, "Tamsin Quaxley")], pattern_only)
    assert found(text, out).count(("PERSON", "TQ")) == 3


def test_initials_that_are_a_word_an_abbreviation_or_a_state_are_not_carried():
    from gateway.phi.engine import ner_filter
    text = "Mary Rose at bedside; MR 2+ on echo. Tom Nguyen called. Rx from TN. Ivan Venn: IV access."
    anchors = [result("PERSON", text, v) for v in ("Mary Rose", "Tom Nguyen", "Ivan Venn")]
    out = Propagator(stop_words=[], words=ner_filter(), not_initials=["TN"])(text, anchors, pattern_only)
    assert not {"MR", "TN", "IV"} & {v for _, v in found(text, out)}


def test_a_models_guess_of_a_whole_name_vouches_for_its_initials():
    from gateway.phi.engine import ner_filter
    text = "Compounded by: Quenby Tamsin Quaxley, CPhT (QTQ)\nsodium bicarb 8.4%   150 mL   QTQ"
    out = Propagator(stop_words=[], words=ner_filter())(
        text, [result("PERSON", text, "Quenby Tamsin Quaxley", source="ner")], pattern_only)
    assert found(text, out).count(("PERSON", "QTQ")) == 2
