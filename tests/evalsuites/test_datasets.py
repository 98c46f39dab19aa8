import json
import shutil

import pytest

from evalsuites.datasets import DATA_DIR, DatasetError, dataset_info, load_jsonl
from evalsuites.decisions import Design, load_vignettes
from evalsuites.suites import get_suite


def test_suites_have_the_promised_sizes():
    grounded = load_jsonl(DATA_DIR / "hallucination_grounded.jsonl", {"note": str})
    fabricated = load_jsonl(DATA_DIR / "hallucination_fabricated.jsonl", {"question": str})
    assert len(grounded) >= 40 and len(fabricated) >= 30
    assert {r["note_type"] for r in grounded} >= {"discharge summary", "medication list", "consult note",
                                                  "patient portal message"}
    assert {r["entity_type"] for r in fabricated} >= {"drug", "trial", "guideline", "condition"}


def test_dataset_identity_is_version_plus_content_hash(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = dataset_info("bias", data)
    assert before == dataset_info("bias", DATA_DIR) and before.version == "1.2" and len(before.sha256) == 64
    path = data / "vignettes.jsonl"
    path.write_text(path.read_text().replace("crushing", "squeezing", 1))
    after = dataset_info("bias", data)
    assert after.version == before.version and after.sha256 != before.sha256
    assert dataset_info("hallucination", data) == dataset_info("hallucination", DATA_DIR)


@pytest.mark.parametrize("text, message", [
    ('{"id": "a", "note": "x"}\n\n{"id": "b", "note": 3}\n', r"x\.jsonl:3: field 'note' has the wrong type"),
    ('{"id": "a", "note": "x"}\n{"id": "a", "note": "y"}\n', r"x\.jsonl:2: duplicate id 'a'"),
    ('{"id": "a", "note": "x"\n', r"x\.jsonl:1: not valid JSON"),
    ('{"id": "a"}\n', r"x\.jsonl:1: missing field 'note'"),
    ('["a"]\n', r"x\.jsonl:1: expected a JSON object"),
])
def test_bad_lines_are_named_by_file_line_and_field(tmp_path, text, message):
    path = tmp_path / "x.jsonl"
    path.write_text(text)
    with pytest.raises(DatasetError, match=message):
        load_jsonl(path, {"note": str})


def test_bad_gold_label_is_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "vignettes.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows[2]["gold"] = "admit"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    with pytest.raises(DatasetError, match=r"vig-003: gold 'admit' is not a label of task triage"):
        load_vignettes(Design.load(data / "decisions.yaml"), path)


def test_max_items_keeps_whole_counterfactual_sets():
    bias = get_suite("bias")
    requests = bias.requests(max_items=25)
    assert len(requests) == 20   # two vignettes x (reference + 9 variants)
    assert {r.id.split("|")[0] for r in requests} == {"vig-001", "vig-002"}
    assert len(get_suite("fairness").requests(max_items=17)) == 16
    assert len(get_suite("hallucination").requests(max_items=10)) == 10


def test_eval_suites_lists_versions_hashes_and_sizes(capsys):
    from gateway.cli import main

    assert main(["eval", "suites"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["hallucination", "bias", "fairness"]
    assert lines[0].endswith("items 82") and lines[1].endswith("items 900") and lines[2].endswith("items 720")
    assert dataset_info("bias").sha256[:12] in lines[1]
