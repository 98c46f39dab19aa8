"""`medgate eval run|gate|suites` (DESIGN.md, "Public contracts")."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(subparsers) -> None:
    # Before anything imports litellm: no cost-map download at run time.
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    ev = subparsers.add_parser("eval", help="run eval suites (hallucination, bias, fairness) and gate upgrades")
    esub = ev.add_subparsers(dest="eval_cmd", required=True)

    run = esub.add_parser("run", help="run a suite against a model; exit 0 when it completed, 2 on error")
    run.add_argument("--suite", required=True, help="hallucination, bias or fairness")
    run.add_argument("--model", required=True, help="litellm model name, or the model name at --api-base")
    run.add_argument("--api-base", help="OpenAI-compatible base URL (a provider, or the medgate gateway)")
    run.add_argument("--api-key", help="API key (default: the provider's usual environment variable)")
    run.add_argument("--max-items", type=_positive, help="run only the first N items (whole counterfactual sets)")
    run.add_argument("--concurrency", type=_positive, default=4, help="parallel requests (default 4)")
    run.add_argument("--report", type=Path, help="JSON report path (default: MEDGATE_HOME/evals/…)")
    run.add_argument("--temperature", type=float, default=0.0)
    run.add_argument("--max-tokens", type=_positive, default=600)
    run.add_argument("--retries", type=int, default=3, help="retries per item on rate limits / 5xx (default 3)")
    run.add_argument("--judge-model", help="hallucination only: also score grounding with this litellm model")
    run.add_argument("--judge-api-base")
    run.add_argument("--no-mlflow", action="store_true", help="do not log the run to MLflow")
    run.set_defaults(func=_run)

    gate = esub.add_parser("gate", help="may the candidate replace the baseline? exit 0 pass, 1 fail, 2 error")
    gate.add_argument("--candidate", required=True, help="report path or MLflow run id")
    gate.add_argument("--baseline", help="report path or MLflow run id of the current model")
    gate.add_argument("--gates", type=Path, help="gates YAML (default: the packaged evalsuites/gates.yaml)")
    gate.set_defaults(func=_gate)

    suites = esub.add_parser("suites", help="list the suites and their dataset versions")
    suites.set_defaults(func=_suites)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _fail(message: str, code: int = 2) -> int:
    print(f"medgate eval: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from evalsuites.datasets import DatasetError
    from evalsuites.evaluate import RunOptions, TrackingError, run
    from evalsuites.report import comparisons_table, summary_table
    from evalsuites.runner import ModelSpec
    from evalsuites.suites import SUITES

    if args.suite not in SUITES:
        return _fail(f"unknown suite {args.suite!r}; choose from {', '.join(SUITES)}")
    if args.judge_model and args.suite != "hallucination":
        return _fail("--judge-model applies to the hallucination suite only")
    spec = ModelSpec(args.model, args.api_base, args.api_key, temperature=args.temperature,
                     max_tokens=args.max_tokens)
    judge = ModelSpec(args.judge_model, args.judge_api_base, None) if args.judge_model else None
    options = RunOptions(args.suite, spec, max_items=args.max_items, concurrency=args.concurrency,
                         retries=args.retries, judge=judge, report_path=args.report, mlflow=not args.no_mlflow,
                         progress=sys.stderr.isatty() and not os.environ.get("CI"))
    try:
        report, path = run(options)
    except (DatasetError, ValueError, OSError, TrackingError) as exc:
        return _fail(str(exc))
    console = Console(file=sys.stdout, width=110)
    console.print(summary_table(report))
    if report.details.get("comparisons"):
        console.print(comparisons_table(report))
    where = f"report {path}" + (f", MLflow run {report.mlflow_run_id}" if report.mlflow_run_id else "")
    if not report.complete:
        return _fail(f"{report.metrics.get('errors', 0):.0f} of {len(report.items)} items failed after retries "
                     f"({where}); re-run to retry them, cached replies are reused")
    print(where, file=sys.stderr)
    return 0


def _gate(args: argparse.Namespace) -> int:
    from rich.console import Console

    from evalsuites.evaluate import medgate_home
    from evalsuites.gate import GATES, GateError, evaluate, load_gates, resolve, verdict_table
    from evalsuites.report import ReportError

    gates_path = args.gates or GATES
    try:
        gates = load_gates(gates_path)
        candidate = resolve(args.candidate, medgate_home())
        baseline = resolve(args.baseline, medgate_home()) if args.baseline else None
        verdict = evaluate(candidate, baseline, gates, str(gates_path))
    except (GateError, ReportError) as exc:
        return _fail(str(exc))
    Console(file=sys.stdout, width=140).print(verdict_table(verdict, args.candidate, args.baseline))
    print(f"{'PASS' if verdict.passed else 'FAIL'}: {sum(c.passed for c in verdict.checks)} of "
          f"{len(verdict.checks)} checks passed")
    return 0 if verdict.passed else 1


def _suites(args: argparse.Namespace) -> int:
    from evalsuites.suites import SUITES, get_suite

    for name in SUITES:
        suite = get_suite(name)
        info = suite.dataset()
        print(f"{name:14s} dataset {info.version}  sha256 {info.sha256[:12]}  items {len(suite.requests())}")
    return 0
