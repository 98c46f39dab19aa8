"""Eval runs as evalsuites logs them to MLflow (experiment "medgate-evals", tags
medgate.suite / medgate.model / medgate.complete, the JSON report as an artifact), and
what the Evaluations page derives from them: gate verdicts (evalsuites.gate), per-group
fairness rates with Wilson intervals, counterfactual flip tables.

Only MLflow's client reads here. A SQLite tracking store that does not exist yet is
not opened (MLflow would create it): there are simply no runs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from evalsuites.report import Report

RATES = ("accuracy", "selection_rate")


@dataclass(frozen=True)
class Run:
    run_id: str
    suite: str
    model: str
    started: datetime
    status: str
    complete: bool
    dataset_version: str
    metrics: dict[str, float]


def store_exists(uri: str) -> bool:
    if uri.startswith("sqlite:///"):
        return Path(uri.removeprefix("sqlite:///")).exists()
    return True


def _client(uri: str):
    from mlflow import MlflowClient
    return MlflowClient(tracking_uri=uri)


def runs(uri: str, limit: int = 1000) -> list[Run]:
    """Newest first; [] when there is no store or no medgate-evals experiment yet."""
    from evalsuites.tracking import EXPERIMENT
    if not store_exists(uri):
        return []
    client = _client(uri)
    experiment = client.get_experiment_by_name(EXPERIMENT)
    if experiment is None:
        return []
    found = client.search_runs([experiment.experiment_id], max_results=limit,
                               order_by=["attributes.start_time DESC"])
    return [Run(run_id=r.info.run_id, suite=r.data.tags.get("medgate.suite", r.data.params.get("suite", "?")),
                model=r.data.tags.get("medgate.model", r.data.params.get("model", "?")),
                started=datetime.fromtimestamp(r.info.start_time / 1000, timezone.utc), status=r.info.status,
                complete=r.data.tags.get("medgate.complete") == "true",
                dataset_version=r.data.params.get("dataset.version", ""), metrics=dict(r.data.metrics))
            for r in found]


def report(uri: str, run_id: str) -> Report:
    """The run's JSON report artifact (items, details), as `medgate eval gate` reads it."""
    import tempfile

    from evalsuites.tracking import REPORT_ARTIFACT
    with tempfile.TemporaryDirectory() as tmp:
        return Report.load(Path(_client(uri).download_artifacts(run_id, REPORT_ARTIFACT, tmp)))


def verdict(run: Run, full: Report | None = None, baseline: Report | None = None) -> tuple[str, list[dict]]:
    """("PASS" | "FAIL" | "n/a: why", the checks) under evalsuites/gates.yaml. Thresholds
    need only the run's metrics; a baseline adds the paired non-inferiority checks."""
    from evalsuites.gate import GateError, evaluate, load_gates
    candidate = full or Report(suite=run.suite, model=run.model, api_base=None, dataset={}, params={},
                               medgate_version="", started_at="", finished_at="", complete=run.complete,
                               metrics=run.metrics, items=[])
    try:
        result = evaluate(candidate, baseline, load_gates())
    except GateError as exc:
        return f"n/a: {exc}", []
    checks = [{"check": c.name, "value": c.value, "limit": c.limit, "verdict": "PASS" if c.passed else "FAIL"}
              for c in result.checks]
    return ("PASS" if result.passed else "FAIL"), checks


def headline(metrics: dict[str, float]) -> list[str]:
    """Metric names worth a chart: not interval bounds, not per-group breakdowns."""
    return sorted(m for m in metrics if not m.endswith((".ci_low", ".ci_high")) and m.count(".") < 3
                  and m not in ("cached", "items", "errors", "refused"))


def wilson(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    from statsmodels.stats.proportion import proportion_confint
    if n == 0:
        return math.nan, math.nan
    lo, hi = proportion_confint(successes, n, alpha=1 - confidence, method="wilson")
    # Rounded: at 0 or n successes statsmodels returns bounds off by ~1e-17.
    return max(0.0, round(float(lo), 12)), min(1.0, round(float(hi), 12))


def fairness_groups(rep: Report) -> list[dict[str, Any]]:
    """Per sensitive feature and group: accuracy and selection rate with 95% Wilson
    intervals, counted from the report's scored items (the report's own by-group point
    estimates are fairlearn's, over the same items)."""
    features = list((rep.details.get("by_group") or {}))
    scored = [i for i in rep.items if i.get("decision") is not None]
    out = []
    for feature in features:
        for group in sorted({str(i[feature]) for i in scored}):
            rows = [i for i in scored if str(i[feature]) == group]
            for metric, hits in (("accuracy", sum(i["decision"] == i["gold"] for i in rows)),
                                 ("selection_rate", sum(int(i.get("y_pred") or 0) for i in rows))):
                lo, hi = wilson(hits, len(rows))
                out.append({"feature": feature, "group": group, "metric": metric, "n": len(rows),
                            "value": hits / len(rows), "ci_low": lo, "ci_high": hi})
    return out


def disparities(metrics: dict[str, float]) -> list[dict[str, Any]]:
    """Per feature: demographic parity / equalized odds differences with CIs and p-values."""
    features = sorted({m.split(".")[1] for m in metrics if m.startswith("fairness.")
                       and m.endswith(".demographic_parity_difference")})
    out = []
    for f in features:
        for name, short in (("demographic_parity_difference", "dp"), ("equalized_odds_difference", "eo")):
            key = f"fairness.{f}.{name}"
            out.append({"feature": f, "measure": name.replace("_", " "), "value": metrics.get(key),
                        "ci_low": metrics.get(f"{key}.ci_low"), "ci_high": metrics.get(f"{key}.ci_high"),
                        "p_value": metrics.get(f"fairness.{f}.{short}_p_value")})
    return out


def flip_table(rep: Report) -> list[dict[str, Any]]:
    """The bias suite's counterfactual comparisons: one row per attribute value vs the reference."""
    return [{"attribute": c["axis"], "value": c["value"], "pairs": c["pairs"], "flips": c["flips"],
             "flip_rate": c["flip_rate"], "more_care": c["more_care"], "less_care": c["less_care"],
             "p": c["p"], "p_holm": c.get("p_holm"), "significant": bool(c.get("significant"))}
            for c in rep.details.get("comparisons") or []]


def flip_rates(metrics: dict[str, float]) -> list[dict[str, Any]]:
    axes = sorted(m.removeprefix("bias.flip_rate.") for m in metrics
                  if m.startswith("bias.flip_rate.") and not m.endswith((".ci_low", ".ci_high")))
    return [{"attribute": a, "flip_rate": metrics[f"bias.flip_rate.{a}"],
             "ci_low": metrics.get(f"bias.flip_rate.{a}.ci_low"), "ci_high": metrics.get(f"bias.flip_rate.{a}.ci_high")}
            for a in axes]
