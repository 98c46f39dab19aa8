"""Values listed with a pattern's finding and written the same way are found too."""
from __future__ import annotations

from presidio_analyzer import RecognizerResult

from gateway.phi.recognizers.validators import run_together_login
from gateway.phi.series import repeats, same_shape, shape, siblings


def _found(text: str, value: str, kind: str = "ID", recognizer: str = "id_specimen_shape") -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(kind, start, start + len(value), 0.6,
                            recognition_metadata={"recognizer_name": recognizer})


def _pattern(r: RecognizerResult) -> bool:
    return r.recognition_metadata["recognizer_name"] != "_NerRecognizer"


def _values(text: str, results: list[RecognizerResult]) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in results)


def test_the_rest_of_a_list_in_both_directions():
    text = "BCx x3 -- acc 25-061-4417, 25-061-4418 / 25-061-4419 and 25-061-4420, pending"
    out = siblings(text, [_found(text, "25-061-4418")], _pattern)
    assert _values(text, out) == [("ID", v) for v in ("25-061-4417", "25-061-4418", "25-061-4419", "25-061-4420")]
    assert {r.recognition_metadata["recognizer_name"] for r in out} == {"id_specimen_shape", "series"}


def test_dates_may_differ_by_a_digit_per_part():
    text = "taught over 3 sessions (1/22, 1/24, 12/7):"
    out = siblings(text, [_found(text, "1/22", "DATE", "date_month_day")], _pattern)
    assert _values(text, out) == [("DATE", "1/22"), ("DATE", "1/24"), ("DATE", "12/7")]
    assert same_shape("DATE", "1/9", "12/24") and not same_shape("DATE", "1/9", "1/9/24")
    assert not same_shape("ID", "A12-3", "A123-4") and shape("B25-074-0015") == "A99-999-9999"


def test_only_values_written_the_same_way_and_joined_as_a_list():
    text = "specimen 25-061-4417, 2 units PRBC; 25-061-4418 was sent yesterday with 25-061-4419"
    out = siblings(text, [_found(text, "25-061-4417")], _pattern)
    # "2" has another shape; "; " and "with" do not join a list
    assert _values(text, out) == [("ID", "25-061-4417")]


def test_a_model_guess_or_a_name_starts_no_list():
    text = "Called Maren, Tovah and Ilse. Seen 3/4, 3/9."
    guess = _found(text, "3/4", "DATE", "_NerRecognizer")
    name = _found(text, "Maren", "PERSON", "person_relation")
    assert siblings(text, [guess, name], _pattern) == [guess, name]


def test_a_value_already_found_is_not_found_again():
    text = "MRN 00482913, 00482914"
    first, second = _found(text, "00482913", "MRN"), _found(text, "00482914", "MRN")
    assert siblings(text, [first, second], _pattern) == [first, second]


def test_values_with_a_short_tag_in_parentheses_are_a_list():
    text = "MA IDs 00419827 (A) / 00419828 (B). Dad cell 612-555-0140 (call after 5) / 612-555-0141"
    out = siblings(text, [_found(text, "00419827", "HEALTH_PLAN", "health_plan_labeled"),
                          _found(text, "612-555-0140", "PHONE", "phone_nanp")], _pattern)
    # a tag is one to three letters or digits: "(call after 5)" is a remark, no list's joint
    assert _values(text, out) == [("HEALTH_PLAN", "00419827"), ("HEALTH_PLAN", "00419828"), ("PHONE", "612-555-0140")]


def test_a_tag_may_be_two_short_words():
    text = "Affected participants include QX-0031 (97 y), QX-0044, QX-0052. Dad (call after 5) / QX-0099"
    out = siblings(text, [_found(text, "QX-0031")], _pattern)
    assert _values(text, out) == [("ID", "QX-0031"), ("ID", "QX-0044"), ("ID", "QX-0052")]


def test_a_range_is_a_list():
    text = "SDV: 100% for 12-0001 through 12-0005; queries for 12-0007"
    out = siblings(text, [_found(text, "12-0001")], _pattern)
    assert _values(text, out) == [("ID", "12-0001"), ("ID", "12-0005")]


def test_an_identifier_is_found_wherever_the_document_repeats_it():
    text = ("case    | init | age\nRC-0421 | J.Q. | 96\n"
            "Notes:\n- RC-0421: door-to-needle 38 min. RC-04210 and XRC-0421 are other cases; RC-0421-B a tube.\n")
    out = repeats(text, [_found(text, "RC-0421")], _pattern)
    assert [(r.start, text[r.start:r.end]) for r in out] == [(21, "RC-0421"), (50, "RC-0421")]
    assert out[-1].recognition_metadata["recognizer_name"] == "series"


def test_dates_short_values_and_model_guesses_are_not_repeated():
    text = "3/4/2025 seen; 3/4/2025 again. Code 4471 and 4471. Guess AB-12345, AB-12345. Flu 2025-26, 2025-26."
    found = [_found(text, "3/4/2025", "DATE", "date_numeric"), _found(text, "4471"), _found(text, "2025-26", "MRN"),
             _found(text, "AB-12345", recognizer="_NerRecognizer")]
    assert repeats(text, found, _pattern) == found


def test_words_are_no_range():
    text = "Follow-up task assigned to lquenby for 04/24/2025"
    out = siblings(text, [_found(text, "lquenby", "ID", "id_username")], _pattern)
    assert _values(text, out) == [("ID", "lquenby")]      # not "assigned", shaped the same


def test_a_login_lists_logins_but_no_words():
    text = "vaccinators: qhalvorsen / tquenwe    reviewers: squaxad, followed by"
    first = _found(text, "qhalvorsen", "PERSON", "person_bare_login")
    other = _found(text, "squaxad", "PERSON", "person_bare_login")
    out = siblings(text, [first, other], _pattern, login=run_together_login)
    assert _values(text, out) == [("PERSON", "qhalvorsen"), ("PERSON", "squaxad"), ("PERSON", "tquenwe")]
    # without a login test, names list nothing (as before)
    assert siblings(text, [first], _pattern) == [first]
