"""Proof that the suites work: scripted models over real HTTP, run with `medgate eval run`,
judged with `medgate eval gate` (by report file and by MLflow run id)."""
import json

import pytest

from gateway.cli import main
from tests.evalsuites.scripted_model import (Gold, ScriptedModel, dose_altering, fair_random, faithful, race_biased,
                                            user_text)

# Whole counterfactual sets of the first vignettes keep the test set's CPU time small: 10
# for the faithful model, 20 (16 triage, 4 pain) where the race effect must show.
SUBSET = {"hallucination": None, "bias": 100, "fairness": 80}
TWENTY = {"bias": ["--max-items", "200"], "fairness": ["--max-items", "160"]}


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("evals")


@pytest.fixture(scope="module", autouse=True)
def env(home):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEDGATE_HOME", str(home))
        mp.delenv("MLFLOW_TRACKING_URI", raising=False)
        yield


@pytest.fixture(scope="module")
def gold():
    return Gold()


def run_suite(model, suite, report, home, extra=()):
    argv = ["eval", "run", "--suite", suite, "--model", "scripted", "--api-base", model.base_url,
            "--api-key", "sk-eval-secret-123", "--concurrency", "8", "--report", str(report)]
    if SUBSET[suite] and "--max-items" not in extra:
        argv += ["--max-items", str(SUBSET[suite])]
    argv += extra
    assert main(argv) == 0
    return json.loads(report.read_text())


def gate(capsys, candidate, baseline=None):
    capsys.readouterr()
    argv = ["eval", "gate", "--candidate", str(candidate)] + (["--baseline", str(baseline)] if baseline else [])
    code = main(argv)
    return code, capsys.readouterr()


@pytest.fixture(scope="module")
def faithful_reports(env, gold, home, tmp_path_factory):
    out = tmp_path_factory.mktemp("faithful")
    with ScriptedModel(faithful(gold)) as model:
        reports = {suite: run_suite(model, suite, out / f"{suite}.json", home) for suite in SUBSET}
        return out, reports, len(model.requests)


def test_faithful_model_passes_every_gate(faithful_reports, capsys):
    out, reports, calls = faithful_reports
    h = reports["hallucination"]["metrics"]
    assert h["grounded.hallucination_rate"] == 0 and h["fabricated.fabrication_rate"] == 0
    assert h["grounded.answer_accuracy"] == 1 and h["grounded.claims"] > 500
    assert h["grounded.summary_medication_recall"] == 1
    assert reports["bias"]["metrics"]["bias.flip_rate"] == 0
    assert reports["fairness"]["metrics"]["fairness.accuracy"] == 1
    for suite in SUBSET:
        code, output = gate(capsys, out / f"{suite}.json", baseline=out / f"{suite}.json")
        assert code == 0, output.out
        assert "FAIL" not in output.out and "non-inferiority" in output.out


def test_report_records_dataset_model_and_items_but_never_the_key(faithful_reports):
    out, reports, _ = faithful_reports
    bias = reports["bias"]
    assert bias["dataset"]["name"] == "bias" and bias["dataset"]["version"] == "1.2"
    assert len(bias["dataset"]["sha256"]) == 64 and bias["complete"] is True
    assert len(bias["items"]) == 100 and {i["group"] for i in bias["items"]} == {f"vig-{n:03d}" for n in range(1, 11)}
    assert all(i["structured"] for i in bias["items"])
    comparisons = bias["details"]["comparisons"]
    assert {(c["axis"], c["value"]) for c in comparisons} >= {("race", "Black"), ("language", "Spanish")}
    for path in out.iterdir():
        assert b"sk-eval-secret-123" not in path.read_bytes()
    assert (out / "fairness.by_race.png").read_bytes().startswith(b"\x89PNG")


def test_rerun_is_served_from_the_cache(gold, home, tmp_path):
    with ScriptedModel(faithful(gold)) as model:
        first = run_suite(model, "hallucination", tmp_path / "a.json", home, ["--max-items", "6", "--no-mlflow"])
        calls = len(model.requests)
        second = run_suite(model, "hallucination", tmp_path / "b.json", home, ["--max-items", "6", "--no-mlflow"])
        assert calls == 6 and len(model.requests) == 6
    assert second["metrics"]["cached"] == 6 and first["metrics"]["cached"] == 0
    assert [i["reply"] for i in first["items"]] == [i["reply"] for i in second["items"]]


def test_dose_altering_model_fails_hallucination_and_non_inferiority(gold, home, tmp_path, faithful_reports, capsys):
    with ScriptedModel(dose_altering(gold)) as model:
        report = run_suite(model, "hallucination", tmp_path / "h.json", home, ["--no-mlflow"])
    m = report["metrics"]
    assert m["grounded.hallucination_rate"] > 0.9 and m["fabricated.fabrication_rate"] == 1
    assert m["grounded.ungrounded.dose"] > 100 and m["grounded.ungrounded.medication"] >= m["grounded.items"]
    bad = next(i for i in report["items"] if i["id"] == "note-001")
    assert "dose:400 mg (furosemide)" in bad["ungrounded"] and "medication:unknown:cardiolex" in bad["ungrounded"]
    code, output = gate(capsys, tmp_path / "h.json", baseline=faithful_reports[0] / "hallucination.json")
    assert code == 1
    assert "grounded.hallucination_rate" in output.out and "FAIL" in output.out
    assert "non-inferiority of ok" in output.out


def test_race_dependent_triage_fails_bias_and_fairness(gold, home, tmp_path, capsys):
    with ScriptedModel(race_biased(gold)) as model:
        bias = run_suite(model, "bias", tmp_path / "bias.json", home, ["--no-mlflow", *TWENTY["bias"]])
        fairness = run_suite(model, "fairness", tmp_path / "fairness.json", home,
                             ["--no-mlflow", *TWENTY["fairness"]])
    black = next(c for c in bias["details"]["comparisons"] if c["value"] == "Black")
    assert black["significant"] and black["p_holm"] < 0.05 and black["less_care"] == 11 and black["more_care"] == 0
    assert bias["metrics"]["bias.significant_comparisons"] == 1
    fm = fairness["metrics"]
    assert fm["fairness.race.dp_p_value"] < 0.05 and fm["fairness.min_p_holm"] < 0.05
    assert fm["fairness.race.selection_rate.Black"] < fm["fairness.race.selection_rate.White"]
    assert fm["fairness.race.demographic_parity_difference.ci_low"] > 0
    assert fm["fairness.sex.dp_p_value"] > 0.05
    for suite in ("bias", "fairness"):
        code, output = gate(capsys, tmp_path / f"{suite}.json")
        assert code == 1, output.out


def test_fair_random_model_shows_no_significant_difference(gold, home, tmp_path):
    with ScriptedModel(fair_random(gold)) as model:
        bias = run_suite(model, "bias", tmp_path / "bias.json", home, ["--no-mlflow", *TWENTY["bias"]])
    m = bias["metrics"]
    assert m["bias.flip_rate"] > 0.2          # it is noisy ...
    assert m["bias.significant_comparisons"] == 0 and m["bias.min_p_holm"] > 0.05   # ... but not biased


def test_unparseable_replies_are_counted_not_dropped(home, tmp_path):
    with ScriptedModel(lambda body: "It depends on many factors.") as model:
        report = run_suite(model, "fairness", tmp_path / "f.json", home, ["--no-mlflow", "--max-items", "16"])
    assert report["metrics"]["fairness.unparseable"] == 16 and report["metrics"]["fairness.unparseable_rate"] == 1
    assert len(report["items"]) == 16 and all(i["unparseable"] for i in report["items"])


def test_gate_reads_runs_from_mlflow_by_id(faithful_reports, gold, home, tmp_path, capsys):
    out, reports, _ = faithful_reports
    baseline_id = reports["hallucination"]["mlflow_run_id"]
    assert baseline_id and len(baseline_id) == 32
    code, output = gate(capsys, baseline_id, baseline=baseline_id)
    assert code == 0 and "PASS" in output.out


def test_run_errors_exit_2_and_the_gate_refuses_incomplete_runs(gold, home, tmp_path, capsys):
    with ScriptedModel(faithful(gold)) as model:
        model.fail_next(500, times=100)
        code = main(["eval", "run", "--suite", "hallucination", "--model", "scripted", "--api-base", model.base_url,
                     "--max-items", "2", "--retries", "0", "--no-mlflow", "--report", str(tmp_path / "x.json")])
    assert code == 2
    report = json.loads((tmp_path / "x.json").read_text())
    assert report["complete"] is False and report["metrics"]["errors"] == 2
    code, output = gate(capsys, tmp_path / "x.json")
    assert code == 2 and "incomplete" in output.err
    assert main(["eval", "run", "--suite", "nope", "--model", "m"]) == 2


def test_every_run_is_in_mlflow_with_params_metrics_table_plots_and_no_secret(faithful_reports, home):
    from mlflow import MlflowClient

    out, reports, _ = faithful_reports
    client = MlflowClient(tracking_uri=f"sqlite:///{home / 'mlflow.db'}")
    run = client.get_run(reports["fairness"]["mlflow_run_id"])
    params = run.data.params
    assert params["suite"] == "fairness" and params["model"] == "scripted"
    assert params["dataset.version"] == "1.2" and params["dataset.sha256"] == reports["fairness"]["dataset"]["sha256"]
    assert params["medgate_version"] and params["api_base"].startswith("http://127.0.0.1:")
    assert run.data.metrics["fairness.accuracy"] == 1.0 and run.info.status == "FINISHED"
    artifacts = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"items.json", "report.json", "plots"} <= artifacts
    plots = {a.path for a in client.list_artifacts(run.info.run_id, "plots")}
    assert plots == {"plots/by_race.png", "plots/by_sex.png"}
    assert run.info.artifact_uri.startswith((home / "mlartifacts").as_uri())   # not ./mlruns of the cwd
    table = json.loads(open(client.download_artifacts(run.info.run_id, "items.json", str(home / "dl"))).read())
    assert len(table["data"]) == 80 and "decision" in table["columns"]
    stored = [p for p in home.rglob("*") if p.is_file() and "eval-cache" not in p.parts]
    assert stored and not any(b"sk-eval-secret-123" in p.read_bytes() for p in stored)


def test_optional_llm_judge_scores_grounding_through_litellm(gold, home, tmp_path):
    def judge(body):
        response = user_text(body).split("RESPONSE:", 1)[1]
        assert body["response_format"]["json_schema"]["schema"]["properties"]["verdict"]["enum"] == \
            ["supported", "unsupported"]
        verdict = "unsupported" if "Cardiolex" in response else "supported"
        return json.dumps({"verdict": verdict, "unsupported_claims": []})

    with ScriptedModel(dose_altering(gold)) as model, ScriptedModel(judge) as judge_model:
        report = run_suite(model, "hallucination", tmp_path / "j.json", home,
                           ["--max-items", "4", "--no-mlflow", "--judge-model", "judge",
                            "--judge-api-base", judge_model.base_url])
        assert len(judge_model.requests) == 2   # the grounded items only
    m = report["metrics"]
    assert m["judge.items"] == 2 and m["judge.unsupported_rate"] == 1 and m["judge.agreement_with_rules"] == 1
    assert [i.get("judge_verdict") for i in report["items"][:2]] == ["unsupported", "unsupported"]


def test_mlflow_tracking_uri_is_honoured_and_an_unreachable_server_loses_nothing(gold, home, tmp_path, monkeypatch,
                                                                                  capsys):
    from tests.servers import free_port
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "5")
    with ScriptedModel(faithful(gold)) as model:
        code = main(["eval", "run", "--suite", "hallucination", "--model", "scripted", "--api-base", model.base_url,
                     "--max-items", "3", "--report", str(tmp_path / "r.json")])
    assert code == 2
    assert "logging to MLflow failed" in capsys.readouterr().err
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["complete"] and len(report["items"]) == 3 and report["mlflow_run_id"] is None
