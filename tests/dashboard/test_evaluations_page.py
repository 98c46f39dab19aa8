"""The Evaluations page through the real app script, on runs logged to a temp MLflow
SQLite store by evalsuites' own logger: runs per suite and model, gate verdicts,
fairness by group with intervals, counterfactual flips, and a side-by-side comparison."""
from __future__ import annotations

import pytest

from evalsuites.gate import evaluate, load_gates
from tests.dashboard.apptest import app, create_key, frame_with, open_page, sign_in, texts


@pytest.fixture()
def page(env, mlflow_store, monkeypatch):
    uri, reports = mlflow_store
    monkeypatch.setenv("MLFLOW_TRACKING_URI", uri)
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/evaluations.py")
    assert not at.exception
    return at, reports


def test_runs_with_their_gate_verdicts(page):
    at, reports = page
    runs = frame_with(at, "suite", "model", "gate")
    assert sorted(zip(runs["suite"], runs["model"])) == sorted(tuple(k.split(":")) for k in reports)
    gates = load_gates()
    for suite, model, verdict in zip(runs["suite"], runs["model"], runs["gate"]):
        want = evaluate(reports[f"{suite}:{model}"], None, gates)
        assert verdict == ("PASS" if want.passed else "FAIL")
    assert set(runs["gate"]) == {"PASS", "FAIL"}   # the consistent model passes, the biased one does not


def test_fairness_by_group_with_intervals(page):
    at, reports = page
    groups = frame_with(at, "feature", "group", "ci_low", "ci_high")
    report = reports["fairness:race-biased-7b"]
    for feature, table in report.details["by_group"].items():
        for group, accuracy in table["accuracy"].items():
            row = groups[(groups["feature"] == feature) & (groups["group"] == group) & (groups["metric"] == "accuracy")]
            assert row["value"].iloc[0] == pytest.approx(accuracy)     # fairlearn's number, recounted
            assert row["ci_low"].iloc[0] <= accuracy <= row["ci_high"].iloc[0]
    black = groups[(groups["group"] == "Black") & (groups["metric"] == "accuracy")]["value"].iloc[0]
    white = groups[(groups["group"] == "White") & (groups["metric"] == "accuracy")]["value"].iloc[0]
    assert black < white                       # the scripted model under-triages Black patients
    disparity = frame_with(at, "measure", "p_value")
    dp = disparity[(disparity["feature"] == "race") & (disparity["measure"] == "demographic parity difference")]
    assert dp["value"].iloc[0] == pytest.approx(report.metrics["fairness.race.demographic_parity_difference"])


def test_counterfactual_flip_table(page):
    at, reports = page
    flips = frame_with(at, "attribute", "value", "flips", "p_holm")
    comparisons = reports["bias:race-biased-7b"].details["comparisons"]
    assert len(flips) == len(comparisons)
    race = flips[(flips["attribute"] == "race") & (flips["flips"] > 0)]
    assert list(race["value"]) == ["Black"] and race["less_care"].iloc[0] == race["flips"].iloc[0]
    assert flips[flips["attribute"] != "race"]["flips"].sum() == 0


def test_side_by_side_comparison_gates_the_candidate(page):
    at, reports = page
    at.selectbox(key="cmp_suite").set_value("bias").run()
    labels = {o: o for o in at.selectbox(key="cmp_a").options}
    assert len(labels) == 2
    table = frame_with(at, "metric", "difference")
    assert {"baseline (guideline-7b)", "candidate (race-biased-7b)"} <= set(table.columns) or \
        {"baseline (race-biased-7b)", "candidate (guideline-7b)"} <= set(table.columns)
    row = table[table["metric"] == "bias.flip_rate.race"].iloc[0]
    values = {c: row[c] for c in table.columns if c.startswith(("baseline", "candidate"))}
    assert sorted(values.values()) == sorted([reports["bias:guideline-7b"].metrics["bias.flip_rate.race"],
                                              reports["bias:race-biased-7b"].metrics["bias.flip_rate.race"]])
    assert "Gate with non-inferiority" in texts(at)
    checks = [df.value for df in at.dataframe if "check" in df.value.columns]
    assert any(c["check"].str.startswith("non-inferiority").any() for c in checks)


def test_no_runs_yet(env, tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'no-mlflow-here.db'}")
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/evaluations.py")
    assert "No eval runs yet" in texts(at) and "medgate eval run" in texts(at)
    assert not (tmp_path / "no-mlflow-here.db").exists()
