"""`medgate eval gate`: may this candidate replace the baseline? Thresholds and paired
non-inferiority tests from gates.yaml; a verdict table; exit 0 pass, 1 fail, 2 error."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalsuites.datasets import DatasetError, load_yaml
from evalsuites.report import Report, ReportError
from evalsuites.stats import non_inferiority

GATES = Path(__file__).resolve().parent / "gates.yaml"
_RUN_ID = re.compile(r"^[0-9a-f]{32}$")


class GateError(ValueError):
    """The gate could not decide (bad gates file, unreadable or incomparable reports)."""


@dataclass(frozen=True)
class Check:
    name: str
    value: str
    limit: str
    passed: bool


@dataclass(frozen=True)
class Verdict:
    suite: str
    checks: list[Check]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)


def load_gates(path: Path = GATES) -> dict[str, Any]:
    try:
        gates = load_yaml(Path(path))
    except DatasetError as exc:
        raise GateError(str(exc)) from None
    suites = gates.get("suites")
    if not isinstance(suites, dict):
        raise GateError(f"{path}: missing mapping 'suites'")
    confidence = gates.get("confidence", 0.95)
    if not isinstance(confidence, (int, float)) or not 0.5 <= confidence < 1:
        raise GateError(f"{path}: confidence must be a number in [0.5, 1)")
    for suite, spec in suites.items():
        if not isinstance(spec, dict):
            raise GateError(f"{path}: suites.{suite} must be a mapping")
        for metric, limits in (spec.get("thresholds") or {}).items():
            if not isinstance(limits, dict) or not limits or set(limits) - {"min", "max"} \
                    or not all(isinstance(v, (int, float)) for v in limits.values()):
                raise GateError(f"{path}: suites.{suite}.thresholds.{metric} must be {{min: number}} "
                                f"and/or {{max: number}}")
        for column, rule in (spec.get("noninferiority") or {}).items():
            if not isinstance(rule, dict) or not isinstance(rule.get("margin"), (int, float)) or rule["margin"] < 0:
                raise GateError(f"{path}: suites.{suite}.noninferiority.{column} needs margin: number >= 0")
    return gates


def resolve(ref: str, home: Path) -> Report:
    """A report file path, or an MLflow run id."""
    path = Path(ref)
    if path.exists():
        return Report.load(path)
    if _RUN_ID.match(ref):
        from evalsuites.tracking import load_run_report
        return load_run_report(ref, home)
    raise ReportError(f"{ref}: no such report file, and not an MLflow run id")


def evaluate(candidate: Report, baseline: Report | None, gates: dict[str, Any], source: str = "gates") -> Verdict:
    spec = gates["suites"].get(candidate.suite)
    if spec is None:
        raise GateError(f"{source}: no gates for suite {candidate.suite!r}")
    if not candidate.complete:
        raise GateError(f"candidate run is incomplete ({candidate.metrics.get('errors', 0):.0f} items failed): "
                        f"re-run it (cached replies are reused) before gating")
    checks = []
    for metric, limits in (spec.get("thresholds") or {}).items():
        if metric not in candidate.metrics:
            raise GateError(f"{source}: suites.{candidate.suite}.thresholds names {metric!r}, "
                            f"which the candidate report does not have")
        value = candidate.metrics[metric]
        ok = ("min" not in limits or value >= limits["min"]) and ("max" not in limits or value <= limits["max"])
        limit = " and ".join(f"{'≥' if k == 'min' else '≤'} {v:g}" for k, v in limits.items())
        checks.append(Check(metric, f"{value:.4g}", limit, ok))
    if baseline is not None:
        checks += _non_inferiority(candidate, baseline, spec, float(gates.get("confidence", 0.95)))
    return Verdict(candidate.suite, checks)


def _non_inferiority(candidate: Report, baseline: Report, spec: dict[str, Any], confidence: float) -> list[Check]:
    if baseline.suite != candidate.suite:
        raise GateError(f"baseline is a {baseline.suite!r} run, candidate a {candidate.suite!r} run")
    if baseline.dataset.get("sha256") != candidate.dataset.get("sha256"):
        raise GateError("baseline and candidate scored different datasets (sha256 "
                        f"{str(baseline.dataset.get('sha256'))[:12]} vs {str(candidate.dataset.get('sha256'))[:12]}): "
                        "re-run the baseline on the current dataset")
    if not baseline.complete:
        raise GateError("baseline run is incomplete; re-run it before comparing")
    checks = []
    for column, rule in (spec.get("noninferiority") or {}).items():
        b, c = baseline.scores(column), candidate.scores(column)
        shared = sorted(set(b) & set(c))
        if not shared:
            raise GateError(f"no items with a {column!r} score in both runs")
        result = non_inferiority([b[i][1] for i in shared], [c[i][1] for i in shared], [b[i][0] for i in shared],
                                 margin=float(rule["margin"]), confidence=confidence)
        checks.append(Check(
            f"non-inferiority of {column} vs baseline (n={result.n})",
            f"{result.baseline:.3f} → {result.candidate:.3f}; regression {result.regression:+.3f}, "
            f"{confidence:.0%} upper bound {result.upper:+.3f}",
            f"upper bound ≤ {result.margin:g}", result.passed))
    return checks


def verdict_table(verdict: Verdict, candidate: str, baseline: str | None):
    from rich.table import Table

    title = f"gate · {verdict.suite} · candidate {candidate}" + (f" vs baseline {baseline}" if baseline else "")
    table = Table(title=title)
    for column in ("check", "value", "limit", "verdict"):
        table.add_column(column)
    for c in verdict.checks:
        table.add_row(c.name, c.value, c.limit, "PASS" if c.passed else "[bold red]FAIL[/]")
    return table
