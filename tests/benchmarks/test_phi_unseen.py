"""benchmarks/phi/unseen.py: the hand-written corpus converts exactly, and bad markup is refused."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "phi"))
import unseen  # noqa: E402


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "docs.txt"
    path.write_text(body, encoding="utf-8")
    return path


def test_markup_becomes_text_and_spans(tmp_path):
    path = write(tmp_path, "=== doc: a-01 ===\n\nPt [[PERSON|Wendell Ashgrove]], MRN [[MRN|00418822]], seen "
                           "[[DATE|3/14]].\nDtr [[PERSON|Amina]] at bedside.\n\n=== doc: a-02 ===\nno PHI, 84 yo\n")
    first, second = unseen.parse_file(path)
    assert first["text"] == "Pt Wendell Ashgrove, MRN 00418822, seen 3/14.\nDtr Amina at bedside."
    assert [(s["type"], first["text"][s["start"]:s["end"]]) for s in first["spans"]] == [
        ("PERSON", "Wendell Ashgrove"), ("MRN", "00418822"), ("DATE", "3/14"), ("PERSON", "Amina")]
    assert second == {"id": "a-02", "text": "no PHI, 84 yo", "spans": []}


@pytest.mark.parametrize("line, reason", [
    ("seen [[DATES|3/14]]", "unknown type 'DATES'"),
    ("seen [[DATE|3/14]", "stray or malformed"),
    ("seen ]] here", "stray or malformed"),
    ("[[AGE|84]] yo", "only ages of 90 and over"),
    ("MI in [[DATE|2019]]", "a year alone"),
    ("seen by [[PERSON|Dr. Osei]]", "titles and credentials"),
    ("[[PERSON|Lena Park, MD]]", "titles and credentials"),
    ("lives in [[LOCATION|Worcester]], [[LOCATION|MA]]", "a state alone"),
    ("from [[ORGANIZATION|the Calder Clinic]]", "a leading 'the'"),
    ("[[PERSON| Lena]]", "white space"),
])
def test_bad_labels_are_refused_with_their_line(tmp_path, line, reason):
    path = write(tmp_path, f"=== doc: b-01 ===\nfirst line\n{line}\n")
    with pytest.raises(unseen.MarkupError, match=reason) as err:
        unseen.parse_file(path)
    assert f"{path}:3:" in str(err.value)


def test_duplicate_ids_and_missing_headers_are_refused(tmp_path):
    with pytest.raises(unseen.MarkupError, match="no '=== doc"):
        unseen.parse_file(write(tmp_path, "just text\n"))
    path = write(tmp_path, "=== doc: c-01 ===\nx\n=== doc: c-01 ===\ny\n")
    with pytest.raises(unseen.MarkupError, match="used twice"):
        unseen.build([path])


@pytest.mark.parametrize("folder,at_least", [(unseen.DOCS, 100), (unseen.DOCS_B, 60), (unseen.DOCS_C, 100),
                                              (unseen.DOCS_D, 100), (unseen.DOCS_E, 100),
                                              (unseen.DOCS_F, 100), (unseen.DOCS_G, 120),
                                              (unseen.DOCS_H, 120), (unseen.DOCS_I, 120),
                                              (unseen.DOCS_J, 120), (unseen.DOCS_K, 120),
                                              (unseen.DOCS_L, 120)])
def test_the_committed_corpora_convert(folder, at_least):
    docs = unseen.build(sorted(folder.glob("*.txt")))
    assert len(docs) >= at_least
    kinds = {s["type"] for d in docs for s in d["spans"]}
    assert len(kinds) >= 12
    for d in docs:
        assert "[[" not in d["text"] and "]]" not in d["text"]
        for s in d["spans"]:
            assert d["text"][s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("corpus", ["unseen", "unseen-b", "unseen-c", "unseen-d", "unseen-e", "unseen-f", "unseen-g",
                                    "unseen-h", "unseen-i", "unseen-j", "unseen-k",
                                    "unseen-l"])
def test_attribute_will_not_read_the_unseen_corpora(corpus):
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "phi" / "attribute.py"), corpus],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode != 0
    assert "does not look at the hand-written unseen corpora" in proc.stderr


def test_attribute_will_not_read_a_converted_second_set(tmp_path):
    gold = tmp_path / "b.jsonl"
    assert unseen.main(["--check", *map(str, sorted(unseen.DOCS_B.glob("*.txt"))), "--out", str(gold)]) == 0
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "phi" / "attribute.py"), str(gold)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode != 0 and "does not look at" in proc.stderr


def test_attribute_reads_a_twin_that_names_its_documents_as_an_unseen_set_does(tmp_path):
    # dev-k's documents are "periop-01"... as unseen-e's are: the text, not the id, says unseen
    import attribute
    gold = tmp_path / "twin.jsonl"
    gold.write_text('{"id": "periop-01", "text": "Pt Quaxley seen 3/4.", "spans": []}\n', encoding="utf-8")
    docs, _, label = attribute.load(str(gold))
    assert [d["id"] for d in docs] == ["periop-01"] and label == "twin"
