"""Run the NER recognizer as if the model had tagged given words: its post-processing is
then tested without depending on what the trained model happens to predict."""
from __future__ import annotations

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.phi.engine import NER_KINDS


def guesses(rec, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What `rec` (a _NerRecognizer) reports when the model tagged `ents` (label, words)."""
    doc = spacy.blank("en").make_doc(text)
    spans = []
    for label, words in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label, alignment_mode="expand"))
    doc.ents = spans
    artifacts = NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[t.idx for t in doc],
                             lemmas=[], nlp_engine=None, language="en", scores=[0.85] * len(doc.ents))
    return [(r.entity_type, text[r.start:r.end]) for r in rec.analyze(text, list(NER_KINDS), artifacts)]
