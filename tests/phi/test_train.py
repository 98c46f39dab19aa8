"""Training-data augmentation of gateway.phi.training.train (the model itself is measured by
benchmarks/phi, not here)."""
from __future__ import annotations

import json
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


def test_extra_documents_are_read_and_repeated(tmp_path):
    from gateway.phi.training.train import extra_docs, to_normalized
    path = tmp_path / "tuning.jsonl"
    doc = {"id": "d1", "text": TEXT, "spans": [{"type": "PERSON", "start": TEXT.index("Radu"),
                                               "end": TEXT.index("Radu") + 12, "text": "Radu Quaxley"}]}
    path.write_text(json.dumps(doc) + "\n\n", encoding="utf-8")
    assert extra_docs(str(path)) == [doc]
    assert extra_docs(f"{path}*3") == [doc] * 3
    text, spans = to_normalized(doc)
    assert [text[s:e] for s, e, _ in spans] == ["Radu Quaxley"]


def test_extra_documents_without_spans_are_refused(tmp_path):
    from gateway.phi.training.train import extra_docs
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.jsonl:1: missing field .spans."):
        extra_docs(str(path))


@pytest.mark.parametrize("suffix,content,message", [
    ("*0", "{}", "repeat count"),
    ("*x", "{}", "repeat count"),
    ("", "{not json\n", r"bad.jsonl:1: not valid JSON"),
])
def test_a_bad_extra_argument_or_line_is_named(tmp_path, suffix, content, message):
    from gateway.phi.training.train import extra_docs
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit, match=message):
        extra_docs(f"{path}{suffix}")
