"""Eval runs for the dashboard tests: the real suites score replies of the scripted
models of tests/evalsuites (called directly, without HTTP), and the report is logged
to a temp MLflow store by evalsuites.tracking.log_run, exactly as `medgate eval run`
logs it. Fairness uses fewer resamples than the suite's default, for speed."""
from __future__ import annotations

from pathlib import Path

from evalsuites.decisions import decisions, load_bank
from evalsuites.report import Report, clean_metrics
from evalsuites.runner import Reply
from evalsuites.suites import fairness as fairness_suite
from evalsuites.suites import get_suite
from evalsuites.suites.base import status_counts
from evalsuites.tracking import log_run
from tests.evalsuites.scripted_model import Gold, faithful, race_biased


def make_report(suite_name: str, behaviour, model: str, max_items: int) -> Report:
    suite = get_suite(suite_name)
    requests = suite.requests(max_items)
    replies = [Reply(r.id, "ok", behaviour({"messages": r.messages, "response_format": r.response_format}),
                     structured=r.response_format is not None) for r in requests]
    if suite_name == "fairness":
        design, vignettes = load_bank(suite.data_dir)
        rows = decisions(design, vignettes, replies)
        result = fairness_suite.analyse(rows, design, n_resamples=200, n_permutations=200)
        metrics, items, details = {**status_counts(replies), **result["metrics"]}, rows, {"by_group": result["by_group"]}
    else:
        scored = suite.score(requests, replies)
        metrics, items, details = scored.metrics, scored.items, scored.details
    return Report(suite=suite_name, model=model, api_base="http://127.0.0.1:9/v1", dataset=suite.dataset().as_dict(),
                  params={"temperature": 0.0, "max_items": max_items}, medgate_version="test",
                  started_at="2026-11-20T10:00:00Z", finished_at="2026-11-20T10:05:00Z", complete=True,
                  metrics=clean_metrics(metrics), items=items, details=details)


def log_standard_runs(home: Path) -> dict[str, Report]:
    """Bias runs of a consistent and a race-dependent model (the pair to compare) and a
    fairness run of the race-dependent one. Returns the reports by "<suite>:<model>"."""
    gold = Gold()
    plan = [("bias", faithful(gold), "guideline-7b", 60), ("bias", race_biased(gold), "race-biased-7b", 60),
            ("fairness", race_biased(gold), "race-biased-7b", 48)]
    out = {}
    for suite, behaviour, model, n in plan:
        report = make_report(suite, behaviour, model, n)
        log_run(report, {}, home)
        out[f"{suite}:{model}"] = report
    return out
