"""The pattern recognizers alone, in a real Presidio AnalyzerEngine built offline
(spacy.blank("en"), no NER): what the recognizer tests run texts through."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers import blank_analyzer

THRESHOLD = 0.4          # PresidioDetector's default score threshold


@pytest.fixture(scope="module")
def analyzer():
    return blank_analyzer()


def findings(analyzer, text: str, threshold: float = THRESHOLD) -> list[tuple[str, str]]:
    results = analyzer.analyze(text, language="en", score_threshold=threshold)
    return sorted((r.entity_type, text[r.start:r.end]) for r in results)
