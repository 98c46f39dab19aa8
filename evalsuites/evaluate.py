"""One eval run end to end: requests -> model -> scores -> report -> MLflow."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from evalsuites.cache import ResponseCache
from evalsuites.datasets import DATA_DIR
from evalsuites.report import Report, clean_metrics
from evalsuites.runner import ModelSpec, Runner
from evalsuites.suites import get_suite


def medgate_home() -> Path:
    return Path(os.environ.get("MEDGATE_HOME", ".medgate"))


@dataclass
class RunOptions:
    suite: str
    spec: ModelSpec
    max_items: int | None = None
    concurrency: int = 4
    retries: int = 3
    backoff: float = 1.0
    judge: ModelSpec | None = None
    report_path: Path | None = None
    mlflow: bool = True
    progress: bool = True
    home: Path | None = None
    data_dir: Path = DATA_DIR


def run(options: RunOptions) -> tuple[Report, Path]:
    """Runs the suite; the report is written (and logged) even when some items failed."""
    from gateway import __version__

    home = options.home or medgate_home()
    suite = get_suite(options.suite, options.data_dir)
    dataset = suite.dataset()
    requests = suite.requests(options.max_items)
    if not requests:
        raise ValueError("the suite has no items to run (check --max-items)")
    cache = ResponseCache(home / "eval-cache")
    started = _now()
    runner = Runner(options.spec, cache, options.concurrency, options.retries, options.backoff, options.progress)
    replies = runner.run(requests, desc=options.suite)
    judge = None
    if options.judge is not None:
        judge = Runner(options.judge, cache, options.concurrency, options.retries, options.backoff, options.progress)
    result = suite.score(requests, replies, judge=judge)
    spec = options.spec
    report = Report(
        suite=options.suite, model=spec.model, api_base=spec.api_base, dataset=dataset.as_dict(),
        params={"temperature": spec.temperature, "max_tokens": spec.max_tokens, "seed": spec.seed,
                "max_items": options.max_items, "concurrency": options.concurrency,
                "judge_model": options.judge.model if options.judge else None},
        medgate_version=__version__, started_at=started, finished_at=_now(),
        complete=all(r.status != "error" for r in replies), metrics=clean_metrics(result.metrics),
        items=result.items, details=result.details, plots=sorted(result.plots))
    default = home / "evals" / f"{options.suite}-{started.replace(':', '')}.json"
    path = Path(options.report_path) if options.report_path else default
    report.save(path)   # first, so that nothing scored is lost if MLflow is unreachable
    for name, png in result.plots.items():
        (path.parent / f"{path.stem}.{name}").write_bytes(png)
    if options.mlflow:
        from evalsuites.tracking import log_run
        try:
            log_run(report, result.plots, home)
        except Exception as exc:
            raise TrackingError(f"report written to {path}, but logging to MLflow failed "
                                f"({type(exc).__name__}: {str(exc)[:300]})") from exc
        report.save(path)   # now with the MLflow run id
    return report, path


class TrackingError(RuntimeError):
    """The run was scored and its report written, but MLflow did not take it."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
