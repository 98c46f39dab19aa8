"""MLflow: every eval run becomes a run in the "medgate-evals" experiment with its params,
metrics, the per-item table, the plots and the JSON report; a report can be read back by
run id (for `medgate eval gate`).

Default store: SQLite under MEDGATE_HOME with artifacts beside it; any MLflow server via
MLFLOW_TRACKING_URI. An MlflowClient is used throughout rather than mlflow's global
"active run" state.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from evalsuites.report import Report, ReportError, clean_metrics

EXPERIMENT = "medgate-evals"
REPORT_ARTIFACT = "report.json"


def tracking_uri(home: Path) -> str:
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{(Path(home) / 'mlflow.db').resolve()}"


def _client(home: Path):
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")   # no usage pings from an offline network
    from mlflow import MlflowClient

    Path(home).mkdir(parents=True, exist_ok=True)
    return MlflowClient(tracking_uri=tracking_uri(home))


def _experiment_id(client, home: Path) -> str:
    experiment = client.get_experiment_by_name(EXPERIMENT)
    if experiment is not None:
        return experiment.experiment_id
    location = None
    if client.tracking_uri.startswith("sqlite:") or client.tracking_uri.startswith("file:"):
        # Without this MLflow puts artifacts in ./mlruns of whatever directory we run in.
        location = (Path(home) / "mlartifacts").resolve().as_uri()
    try:
        return client.create_experiment(EXPERIMENT, artifact_location=location)
    except Exception:   # another process created it first
        experiment = client.get_experiment_by_name(EXPERIMENT)
        if experiment is None:
            raise
        return experiment.experiment_id


def safe_url(url: str | None) -> str:
    """An API base without credentials or query string (they can carry keys)."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def log_run(report: Report, plots: dict[str, bytes], home: Path) -> str:
    from mlflow.entities import Metric, Param, RunTag

    client = _client(home)
    experiment_id = _experiment_id(client, home)
    run = client.create_run(experiment_id, run_name=f"{report.suite}:{report.model}",
                            tags={"medgate.suite": report.suite, "medgate.model": report.model,
                                  "medgate.complete": str(report.complete).lower()})
    run_id = run.info.run_id
    report.mlflow_run_id = run_id
    params = {"suite": report.suite, "model": report.model, "api_base": safe_url(report.api_base),
              "dataset.name": report.dataset["name"], "dataset.version": report.dataset["version"],
              "dataset.sha256": report.dataset["sha256"], "medgate_version": report.medgate_version,
              **{k: v for k, v in report.params.items() if k != "api_key"}}
    now = int(time.time() * 1000)
    metrics = [Metric(k, v, now, 0) for k, v in clean_metrics(report.metrics).items()]
    try:
        client.log_batch(run_id, params=[Param(k, str(v)) for k, v in params.items()],
                         tags=[RunTag("medgate.dataset.sha256", report.dataset["sha256"])])
        for start in range(0, len(metrics), 500):   # MLflow caps a batch at 1000 entries
            client.log_batch(run_id, metrics=metrics[start:start + 500])
        client.log_table(run_id, data=_item_table(report.items), artifact_file="items.json")
        with tempfile.TemporaryDirectory() as tmp:
            for name, png in plots.items():
                path = Path(tmp) / name
                path.write_bytes(png)
                client.log_artifact(run_id, str(path), artifact_path="plots")
            path = report.save(Path(tmp) / REPORT_ARTIFACT)
            client.log_artifact(run_id, str(path))
        client.set_terminated(run_id, "FINISHED" if report.complete else "FAILED")
    except Exception:
        client.set_terminated(run_id, "FAILED")
        raise
    return run_id


def _item_table(items: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Column-wise table; nested values as JSON text so every column has one type."""
    columns = list(dict.fromkeys(k for item in items for k in item))
    table: dict[str, list[Any]] = {c: [] for c in columns}
    for item in items:
        for c in columns:
            value = item.get(c)
            table[c].append(json.dumps(value) if isinstance(value, (list, dict)) else value)
    return table


def load_run_report(run_id: str, home: Path) -> Report:
    client = _client(home)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = client.download_artifacts(run_id, REPORT_ARTIFACT, tmp)
            return Report.load(Path(path))
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"MLflow run {run_id}: cannot read its {REPORT_ARTIFACT} "
                          f"({type(exc).__name__}: {str(exc)[:200]})") from None
