"""Training-data augmentation of gateway.phi.training.train (the model itself is measured by
benchmarks/phi, not here)."""
from __future__ import annotations

import random

import pytest

from gateway.phi.training.train import misspell

TEXT = "Pt received ventilator care overnight; daughter Radu Quaxley updated at Towson General."


def spans_of(text: str, *values: str) -> list[tuple[int, int, str]]:
    return [(text.index(v), text.index(v) + len(v), "PERSON") for v in values]


@pytest.mark.parametrize("seed", range(20))
def test_words_outside_entities_are_misspelt_and_entities_keep_their_text(seed):
    spans = spans_of(TEXT, "Radu Quaxley", "Towson General")
    text, moved = misspell(TEXT, spans, 0.9, random.Random(seed))
    assert [text[s:e] for s, e, _ in moved] == ["Radu Quaxley", "Towson General"]
    changed = [a for a, b in zip(TEXT.split(), text.split()) if a != b]
    assert text != TEXT and len(text.split()) == len(TEXT.split())
    assert all(len(w) >= 4 for w in changed)      # short words ("Pt", "at") are never touched


def test_rate_zero_changes_nothing():
    spans = spans_of(TEXT, "Radu Quaxley")
    assert misspell(TEXT, spans, 0.0, random.Random(1)) == (TEXT, spans)
