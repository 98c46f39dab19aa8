"""The gate's decisions on hand-made reports (no model calls), and its exit codes."""
import json

import pytest

from evalsuites.gate import GATES, GateError, evaluate, load_gates
from evalsuites.report import SCHEMA, Report
from gateway.cli import main


def report(metrics, scores, suite="hallucination", sha="a" * 64, complete=True):
    return Report(suite=suite, model="m", api_base=None, dataset={"name": suite, "version": "1.0", "sha256": sha},
                  params={}, medgate_version="0", started_at="", finished_at="", complete=complete,
                  metrics=metrics,
                  items=[{"id": f"i{n}", "group": f"g{n // 2}", "ok": s} for n, s in enumerate(scores)])


GOOD = {"grounded.hallucination_rate": 0.02, "grounded.answer_accuracy": 0.95, "fabricated.fabrication_rate": 0.0,
        "refusal_rate": 0.0}


def test_thresholds_pass_and_fail():
    gates = load_gates()
    assert evaluate(report(GOOD, [1] * 10), None, gates).passed
    verdict = evaluate(report({**GOOD, "grounded.hallucination_rate": 0.3}, [1] * 10), None, gates)
    assert not verdict.passed
    assert [c.name for c in verdict.checks if not c.passed] == ["grounded.hallucination_rate"]
    # refusing everything scores nothing: the refusal rate fails it instead
    verdict = evaluate(report({**GOOD, "refusal_rate": 1.0}, [1] * 10), None, gates)
    assert [c.name for c in verdict.checks if not c.passed] == ["refusal_rate"]


def test_non_inferiority_against_the_baseline():
    gates = load_gates()
    baseline = report(GOOD, [1] * 200)
    assert evaluate(report(GOOD, [1] * 200), baseline, gates).passed
    worse = evaluate(report(GOOD, [1] * 170 + [0] * 30), baseline, gates)
    [ni] = [c for c in worse.checks if c.name.startswith("non-inferiority")]
    assert not ni.passed and "regression +0.150" in ni.value and "(n=200)" in ni.name
    # a small regression inside the margin on many items passes
    assert evaluate(report(GOOD, [1] * 398 + [0] * 2), report(GOOD, [1] * 400), gates).passed


@pytest.mark.parametrize("candidate, baseline, message", [
    (report({}, [1]), None, "does not have"),
    (report(GOOD, [1], complete=False), None, "incomplete"),
    (report(GOOD, [1]), report(GOOD, [1], sha="b" * 64), "different datasets"),
    (report(GOOD, [1]), report(GOOD, [1], suite="bias"), "baseline is a 'bias' run"),
])
def test_the_gate_refuses_what_it_cannot_decide(candidate, baseline, message):
    with pytest.raises(GateError, match=message):
        evaluate(candidate, baseline, load_gates())


@pytest.mark.parametrize("text, message", [
    ("suites: 3\n", "missing mapping 'suites'"),
    ("suites:\n  bias:\n    thresholds:\n      x: {below: 1}\n", r"suites\.bias\.thresholds\.x must be"),
    ("suites:\n  bias:\n    noninferiority:\n      ok: {margin: -1}\n",
     r"suites\.bias\.noninferiority\.ok needs margin"),
    ("confidence: 2\nsuites: {}\n", "confidence must be"),
    ("suites: [\n", "not valid YAML"),
])
def test_bad_gates_files_are_named(tmp_path, text, message):
    path = tmp_path / "gates.yaml"
    path.write_text(text)
    with pytest.raises(GateError, match=message):
        load_gates(path)


def test_gate_cli_exit_codes(tmp_path, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    report(GOOD, [1] * 10).save(good)
    report({**GOOD, "fabricated.fabrication_rate": 0.5}, [1] * 10).save(bad)
    assert main(["eval", "gate", "--candidate", str(good)]) == 0
    assert "PASS: 4 of 4 checks passed" in capsys.readouterr().out
    assert main(["eval", "gate", "--candidate", str(bad), "--baseline", str(good)]) == 1
    assert "FAIL" in capsys.readouterr().out
    assert main(["eval", "gate", "--candidate", str(tmp_path / "missing.json")]) == 2
    assert "no such report file" in capsys.readouterr().err
    (tmp_path / "x.json").write_text(json.dumps({"schema": "other"}))
    assert main(["eval", "gate", "--candidate", str(tmp_path / "x.json")]) == 2
    assert SCHEMA in capsys.readouterr().err
    assert main(["eval", "gate", "--candidate", str(good), "--gates", str(tmp_path / "none.yaml")]) == 2
    assert GATES.exists()
