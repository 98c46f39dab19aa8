"""A name in a second script beside its Latin spelling (gateway/phi/scripts.py)."""
from __future__ import annotations

from presidio_analyzer import RecognizerResult

from gateway.phi.scripts import script_names


class Words:
    """Ordinary words and places, as the NER filter's lexicon answers."""
    words = {"aspirin", "insulin", "daughter"}
    places = {"kharkiv"}

    def is_word(self, word: str) -> bool:
        return word.lower() in self.words

    def is_place(self, value: str) -> bool:
        return value.lower() in self.places


def person(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("PERSON", start, start + len(value), 0.8)


def found(text: str, results: list[RecognizerResult]) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in script_names(text, results, Words()))


def test_the_name_in_its_script_after_the_latin_one():
    text = "Pt: Quaxle Alemu (ታደሰ አለሙ)   ID 4471; wife Eleni (Ελένη), daughter"
    got = found(text, [person(text, "Quaxle Alemu"), person(text, "Eleni")])
    assert ("PERSON", "ታደሰ አለሙ") in got and ("PERSON", "Ελένη") in got


def test_the_name_in_its_script_before_a_parenthesized_one():
    text = "Mother-in-law Галина Петрівна (Halyna Quaxenko) lives with them"
    got = found(text, [person(text, "Halyna Quaxenko")])
    assert ("PERSON", "Галина Петрівна") in got


def test_a_gloss_makes_both_spellings_a_name_unless_it_is_a_word_or_a_place():
    text = "Children: Марко (Marko, 9) and Софія (Sofiia, 4). Takes Аспирин (Aspirin); from Харків (Kharkiv)."
    got = found(text, [])
    assert {("PERSON", "Марко"), ("PERSON", "Marko"), ("PERSON", "Софія"), ("PERSON", "Sofiia")} <= set(got)
    assert ("LOCATION", "Харків") in got and ("LOCATION", "Kharkiv") in got
    assert not any(v in ("Аспирин", "Aspirin") for _, v in got)


def test_non_latin_text_without_a_name_beside_it_stays():
    text = "Patient writes in Ukrainian: дякую за допомогу (thanks for the help). Eleni visited."
    assert found(text, [person(text, "Eleni")]) == [("PERSON", "Eleni")]


def test_two_non_latin_spellings_are_no_transliteration():
    # "our mom (her name)", both in Hangul: the words before the name are not the name
    text = "Dr. Quaxley, 저희 엄마 (백영자) 가 넘어져서"
    assert found(text, [person(text, "백영자")]) == [("PERSON", "백영자")]


def test_a_remark_in_parentheses_is_no_name():
    text = "Mr. Wang (王先生说他今天好多了) and his daughter Wang Li (王丽)"
    got = found(text, [person(text, "Wang"), person(text, "Wang Li")])
    assert ("PERSON", "王丽") in got
    assert not any(v.startswith("王先生") for _, v in got)


def test_latin_text_is_returned_as_is():
    text = "wife Eleni (Helen), daughter"
    results = [person(text, "Eleni")]
    assert script_names(text, results, Words()) is results
