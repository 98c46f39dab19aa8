"""The BILUO tag decoder behind the shipped tagger NER (gateway/phi/biluo.py)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from gateway.phi.biluo import COMPONENT, spans_from_tags, tags_for

NLP = spacy.blank("en")


def ents(text: str, tags: list[str]) -> list[tuple[str, str]]:
    doc = NLP.make_doc(text)
    assert len(doc) == len(tags), [t.text for t in doc]
    return [(s.text, s.label_) for s in spans_from_tags(doc, tags)]


def test_well_formed_sequences() -> None:
    assert ents("Mary Ann Lee called from Towson today",
                ["B-PERSON", "I-PERSON", "L-PERSON", "O", "O", "U-LOCATION", "O"]) == [
        ("Mary Ann Lee", "PERSON"), ("Towson", "LOCATION")]


def test_adjacent_entities_stay_apart() -> None:
    assert ents("Lee Towson", ["U-PERSON", "U-LOCATION"]) == [("Lee", "PERSON"), ("Towson", "LOCATION")]
    assert ents("Ann Lee Bob Day", ["B-PERSON", "L-PERSON", "B-PERSON", "L-PERSON"]) == [
        ("Ann Lee", "PERSON"), ("Bob Day", "PERSON")]


def test_a_name_half_found_is_still_an_entity() -> None:
    # a tagger may open with I- or never close with L-: the words are still redacted
    assert ents("seen by John Smith today", ["O", "O", "I-PERSON", "L-PERSON", "O"]) == [("John Smith", "PERSON")]
    assert ents("seen by John Smith", ["O", "O", "B-PERSON", "I-PERSON"]) == [("John Smith", "PERSON")]
    assert ents("Mercy Hospital", ["B-ORGANIZATION", "O"]) == [("Mercy", "ORGANIZATION")]


def test_a_change_of_kind_starts_a_new_entity() -> None:
    assert ents("Mercy Towson", ["B-ORGANIZATION", "L-LOCATION"]) == [
        ("Mercy", "ORGANIZATION"), ("Towson", "LOCATION")]


def test_o_and_malformed_tags_are_outside() -> None:
    assert ents("the BP was fine", ["O", "O", "-", ""]) == []
    assert ents("Bob was X", ["U-PERSON", "X-PERSON", "B-"]) == [("Bob", "PERSON")]


@pytest.mark.parametrize("spans", [[(0, 2, "PERSON")], [(0, 1, "PERSON"), (4, 5, "LOCATION")], []])
def test_training_tags_decode_back_to_the_entities(spans) -> None:
    doc = NLP.make_doc("Mary Lee moved to Towson in May")
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    decoded = spans_from_tags(doc, tags_for(doc))
    assert [(s.start, s.end, s.label_) for s in decoded] == spans


def test_the_component_sets_doc_ents_from_token_tags() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT)
    doc = nlp.make_doc("Call Dr. Patel at Union Memorial")
    for token, tag in zip(doc, ["O", "O", "U-PERSON", "O", "B-ORGANIZATION", "L-ORGANIZATION"]):
        token.tag_ = tag
    doc = nlp.get_pipe(COMPONENT)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Patel", "PERSON"), ("Union Memorial", "ORGANIZATION")]


def test_the_component_decodes_any_tag_sequence_as_spans_from_tags_does() -> None:
    # the component reads only the tokens that are not "O"; gaps must close entities
    import random
    rng = random.Random(7)
    labels = ["O", "O", "O", *(f"{m}-{k}" for m in "BILU" for k in ("PERSON", "LOCATION"))]
    nlp = spacy.blank("en")
    component = nlp.add_pipe(COMPONENT)
    for _ in range(300):
        doc = nlp.make_doc(" ".join(f"w{i}" for i in range(rng.randint(1, 12))))
        tags = [rng.choice(labels) for _ in doc]
        for token, tag in zip(doc, tags):
            token.tag_ = tag
        expected = [(s.start, s.end, s.label_) for s in spans_from_tags(doc, tags)]
        assert [(e.start, e.end, e.label_) for e in component(doc).ents] == expected, tags
