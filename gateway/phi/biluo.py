"""Entities from a token tagger: the shipped NER is a spaCy `tagger` over BILUO tags.

spaCy's transition-based NER decides one token at a time in a C loop (about 18 µs a token
here, more than half of detection time); a tagger labels every token in one matrix
product. The tags ("B-PERSON", "I-PERSON", "L-PERSON", "U-LOCATION", "O") are turned into
`doc.ents` by the `medgate_biluo_ents` component that follows the tagger in the pipeline,
so Presidio's SpacyRecognizer reads them as from any NER. The decoder is tolerant: a
tagger can emit sequences a transition system cannot ("I" without "B"), and a name half
found is still redacted.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.training.iob_utils import doc_to_biluo_tags

COMPONENT = "medgate_biluo_ents"
_MOVES = frozenset("BILU")


def spans_from_tags(doc: Doc, tags: Iterable[str]) -> list[Span]:
    """Entity spans of `doc` from one BILUO (or IOB) tag per token."""
    return _decode(doc, enumerate(tags))


def _decode(doc: Doc, tagged: Iterable[tuple[int, str]]) -> list[Span]:
    """Spans from (token index, tag) pairs in order; a token not listed is outside."""
    spans: list[Span] = []
    start, label, last = -1, "", -1

    def close(end: int) -> None:
        nonlocal start, label
        if start >= 0:
            spans.append(Span(doc, start, end, label=label))
        start, label = -1, ""

    for i, tag in tagged:
        if i != last + 1:
            close(last + 1)
        last = i
        move, _, kind = tag.partition("-")
        if move not in _MOVES or not kind:
            close(i)
            continue
        if move in ("B", "U") or kind != label:
            close(i)
            start, label = i, kind
        if move in ("L", "U"):
            close(i + 1)
    close(last + 1)
    return spans


def tags_for(doc: Doc) -> list[str]:
    """The BILUO tags of `doc`'s entities (training data for the tagger)."""
    return doc_to_biluo_tags(doc, missing="O")


class BiluoEnts:
    """Sets doc.ents from the tagger's tags; scores like spaCy's NER so training picks the
    model by entity F-score, not by tag accuracy."""

    def __call__(self, doc: Doc) -> Doc:
        # Most tokens are "O": read the tags as one array and decode only the others
        # (a Python Token per word would cost more than the tagger itself).
        tags = doc.to_array(TAG)
        outside = numpy.isin(tags, (0, doc.vocab.strings.add("O")))
        strings = doc.vocab.strings
        doc.ents = _decode(doc, ((int(i), strings[int(tags[i])]) for i in numpy.flatnonzero(~outside)))
        return doc

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return get_ner_prf(examples)


@Language.factory(COMPONENT, default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0,
                                                     "ents_per_type": None})
def make_biluo_ents(nlp: Language, name: str) -> BiluoEnts:
    return BiluoEnts()
