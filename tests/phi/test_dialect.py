"""Where Hyperscan and the `regex` module read a pattern alike (gateway/phi/recognizers/dialect.py)."""
from __future__ import annotations

import pytest
import regex

from gateway.phi.recognizers.dialect import CharacterAgreement, hyperscan_expression, probed
from gateway.phi.recognizers.prefilter import Prefilter

NAME = r"\p{Lu}\p{Ll}+"


def test_case_properties_are_widened_only_where_case_is_ignored():
    def exact(rx, flags):
        return hyperscan_expression(rx, flags, cheap=False)
    assert exact(NAME, 0) == NAME
    assert exact(NAME, regex.IGNORECASE) == r"\p{L}\p{L}+"
    assert exact(rf"(?i:dr\.? {NAME})", 0) == r"(?i:dr\.? \p{L}\p{L}+)"
    assert exact(rf"dr\.? (?-i:{NAME})", regex.IGNORECASE) == rf"dr\.? (?-i:{NAME})"
    # a scope ends with its group; "]" first in a class is a member, not its end
    assert exact(r"(?i:x)\p{Lu}[]\p{Lu}]", 0) == r"(?i:x)\p{Lu}[]\p{Lu}]"
    # a comment's parenthesis opens no group; a bare (?i) is the whole pattern's in `regex`
    assert exact("(?x) a  # (?-i: see\n \\p{Lu}", regex.IGNORECASE).endswith(r"\p{L}")
    assert exact(r"\p{Lu}(?i)x", 0) == r"\p{L}(?i)x"


BEYOND = r"\x{80}-\x{10FFFF}"


def test_cheap_classes_and_repeats():
    assert hyperscan_expression(NAME, 0) == rf"[A-Z{BEYOND}][a-z{BEYOND}]+"
    assert hyperscan_expression(NAME, regex.IGNORECASE) == rf"[A-Za-z{BEYOND}][A-Za-z{BEYOND}]+"
    assert hyperscan_expression(r"[\w.'-]{2,30}\d{1,3}", 0) == rf"[0-9A-Za-z_{BEYOND}.'-]{{2,}}\d{{1,3}}"
    # a negated class keeps what it excludes exactly (a superset there would narrow the match)
    assert hyperscan_expression(r"[^\w\s]\W\P{L}", 0) == r"[^\w\s]\W\P{L}"


@pytest.mark.parametrize("rx, flags", [
    (rf"{NAME}[ ]{NAME}", 0), (r"[ ]\p{Lu}{2,}$", regex.IGNORECASE), (r"(?-i:\p{Lu})\w{3,12}\d", regex.IGNORECASE),
    (r"[\p{L}'’-]{2,20}, [\p{L}]{1,3}\.", 0), (r"[^\p{L}]\d{3}", 0),
])
def test_cheap_expressions_match_at_least_where_regex_does_and_alike_on_ascii(rx, flags):
    import hyperscan
    db = hyperscan.Database()
    db.compile(expressions=[hyperscan_expression(rx, flags).encode()], ids=[0], elements=1,
               flags=[hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_ALLOWEMPTY
                      | (hyperscan.HS_FLAG_CASELESS if flags & regex.IGNORECASE else 0)])
    texts = ["Quenby Quaxley", "quenby quaxley", "MRN QX", "Xq1234567", "Quaxley, Q.", "Ab12", "x 123",
             "Ñuñez Órtiz", "ÑUÑEZ", "Øq42", "Łukasz, Ż.", "é 123", "²³ 456", "Åsa Ölund", "ab\u0301c 9"]
    for text in texts:
        hits: list[int] = []
        db.scan(text.encode(), match_event_handler=lambda *a: hits.append(1))
        found = regex.search(rx, text, flags) is not None
        assert bool(hits) >= found, text                 # never silent where regex finds
        if text.isascii():
            assert bool(hits) == found, text             # and exact on ASCII


def test_a_case_property_in_a_negated_class_is_refused_not_narrowed(tmp_path):
    with pytest.raises(ValueError):
        hyperscan_expression(r"[^\p{Lu}\d]", regex.IGNORECASE)
    # the prefilter lets such a pattern fire on every text rather than guess
    prefilter = Prefilter([(r"[^\p{Lu}\d]x", regex.IGNORECASE)], background=False, directory=tmp_path)
    with prefilter.scope("no such letter pair here"):
        assert prefilter.fired("no such letter pair here") == {0}


def test_a_caseless_case_property_fires_on_lowercase_as_regex_matches(tmp_path):
    # `regex` finds "dr smith" with (?i)\p{Lu}; Hyperscan's caseless flag does not fold
    # properties, so without the widening the pattern would be skipped on this text
    pattern = rf"\bdr\.?[ ]{NAME}"
    text = "seen by dr smith today"
    assert regex.search(pattern, text, regex.IGNORECASE)
    prefilter = Prefilter([(pattern, regex.IGNORECASE)], background=False, directory=tmp_path)
    with prefilter.scope(text):
        assert prefilter.fired(text) == {0}


@pytest.fixture(scope="module")
def agreement() -> CharacterAgreement:
    return CharacterAgreement([r"\b\p{Lu}\p{Ll}+\b", r"\d{1,2}\s*de\s+(?:marzo|février)", r"[–—-]"])


def test_characters_both_engines_read_alike_agree(agreement):
    assert agreement.agree(set("éñÁšćŽĐư—–’“”•°×年사ታСоня🙏"))


@pytest.mark.parametrize("ch, why", [
    ("\u0301", "a combining mark is a word character to regex only"),
    ("²", "a superscript digit is a word character to Hyperscan only"),
    ("ı", "dotless i folds apart"),
    ("\ud800", "a lone surrogate cannot be encoded"),
])
def test_characters_they_read_differently_do_not(agreement, ch, why):
    assert not agreement.agree({ch}), why
    assert not agreement.agree({"é", ch})      # one such character is enough


def test_answers_asked_together_equal_answers_asked_one_by_one():
    sources = [r"\b\p{Lu}\p{Ll}+\b", r"(?i:février)"]
    chars = [chr(c) for c in range(0x80, 0x700)]
    together, one_by_one = CharacterAgreement(sources), CharacterAgreement(sources)
    together.agree(set(chars))
    assert [together.agree({c}) for c in chars] == [one_by_one.agree({c}) for c in chars]
    assert 0 < sum(together.agree({c}) for c in chars) < len(chars)


def test_patterns_with_unprobed_constructs_or_flags_are_known():
    assert probed(r"\b\d{3}-\d{4}\b", regex.IGNORECASE | regex.MULTILINE)
    assert not probed(r"\x{2013}", 0)
    assert not probed(r"[[:alpha:]]+", 0)
    assert not probed(r"\w+", regex.ASCII)


def test_the_answers_kept_are_bounded(monkeypatch):
    import gateway.phi.recognizers.dialect as dialect
    monkeypatch.setattr(dialect, "MAX_CHARACTERS", 3)
    agreement = CharacterAgreement([r"\w+"])
    assert agreement.agree({"é", "ñ"})
    assert not agreement.agree({"ü", "ö"})          # past the bound: run every pattern, keep nothing
    assert len(agreement._verdicts) == 2 and agreement.agree({"é"})
