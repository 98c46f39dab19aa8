"""`medgate phi detect` (DESIGN.md's JSON Lines contract) and `medgate phi redact`."""
from __future__ import annotations

import json
import os
import subprocess
import sys

MEDGATE = [sys.executable, "-m", "gateway.cli"]
NOTES = [
    {"id": "n1", "text": "Pt Maria Okafor, MRN 00458231, DOB 03/14/1948, call (617) 555-0123."},
    {"id": "n2", "text": "Metformin 500 mg BID; HbA1c 7.9%; ICD-10 E11.9; seen in 2019."},
    {"id": "n3", "text": "SSN 123-45-6789 — Mаria (Cyrillic а) at 55 Fruit St, Boston, MA 02114"},
]


def _run(args, stdin: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([*MEDGATE, "phi", *args], input=stdin, capture_output=True, text=True,
                          timeout=180, env={**os.environ, "MEDGATE_HOME": str(tmp_path)})


def test_detect_contract(tmp_path):
    out = _run(["detect"], "".join(json.dumps(n) + "\n" for n in NOTES), tmp_path)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["n1", "n2", "n3"]              # same order
    for note, line in zip(NOTES, lines):
        for e in line["entities"]:
            assert set(e) == {"type", "start", "end", "score"}
            assert 0 <= e["start"] < e["end"] <= len(note["text"])            # Python str offsets
    found = {(e["type"], NOTES[0]["text"][e["start"]:e["end"]]) for e in lines[0]["entities"]}
    assert {("MRN", "00458231"), ("DATE", "03/14/1948"), ("PHONE", "(617) 555-0123")} <= found
    assert any(t == "PERSON" and "Okafor" in v for t, v in found)
    assert lines[1]["entities"] == []                                          # clinical facts survive
    third = {NOTES[2]["text"][e["start"]:e["end"]] for e in lines[2]["entities"]}
    assert "123-45-6789" in third and "02114" in third and "55 Fruit St" in " ".join(third)


def test_detect_bad_line_names_it_and_prints_nothing(tmp_path):
    good = json.dumps(NOTES[0]) + "\n"
    for bad, message in (("{not json\n", "line 2: not valid JSON"),
                         ('{"id": 7, "text": "x"}\n', "line 2: expected an object")):
        out = _run(["detect"], good + bad, tmp_path)
        assert out.returncode == 2 and message in out.stderr and out.stdout == ""
        assert "Okafor" not in out.stderr                                      # no content echoed


def test_redact(tmp_path):
    text = NOTES[0]["text"]
    out = _run(["redact"], text, tmp_path)
    assert out.returncode == 0
    assert out.stdout.startswith("Pt <PERSON_1>, MRN <MRN_1>, DOB <DATE_1>, call <PHONE_1>")
    masked = _run(["redact", "--mode", "mask"], text, tmp_path).stdout
    assert "<MRN>" in masked and "00458231" not in masked
