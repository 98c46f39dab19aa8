"""Policy evaluation benchmark: the declarative engine vs the built-in baseline, side by side.

Run with ``.venv/bin/python benchmarks/policy/run.py [--rounds N]``.

What one measured call includes, for both policies: building the policy input from
the request (the user's text, the highest detector score per kind, the parameters)
and the decision itself; for the declarative engine that is content normalization,
the CEL program of each file, content matching and combining the fired rules. PHI
detection is not included (it runs before the policy, for both, and has its own
benchmark). Requests are synthetic but realistic: clinical notes, portal messages,
prior-authorization letters, crisis and dosing messages, from keys of several teams,
for BAA and non-BAA models. Calls alternate between the policies request by request,
so both see the same machine state; the added latency and the ratio are reported
against the baseline measured in the same run.

Rewrites the "Policy evaluation" section of docs/benchmarks.md (policy-bench markers).
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from report import replace_section  # noqa: E402

from gateway.auth import Principal  # noqa: E402
from gateway.phi import Finding  # noqa: E402
from gateway.policy import BaselinePolicy, PolicyInput  # noqa: E402
from gateway.policy.inputs import max_scores, user_text  # noqa: E402
from gateway.policy.loader import load_policy_set  # noqa: E402

MARK_START = "<!-- policy-bench:start -->"
MARK_END = "<!-- policy-bench:end -->"

PRINCIPALS = [
    Principal(key_id="k01", app="discharge-summaries", role="app", team="hospitalists"),
    Principal(key_id="k02", app="patient-portal", role="app", team="patients"),
    Principal(key_id="k03", app="prior-auth-drafter", role="app", team="revenue-cycle"),
    Principal(key_id="k04", app="rx-verify", role="app", team="pharmacy"),
    Principal(key_id="master", app="admin", role="admin"),
]
TEXTS = [
    ("Pt Marisol Okonkwo-Reyes (MRN 00719934) seen 03/14 for f/u of HFrEF, EF 30%. Started sacubitril-valsartan "
     "24/26 mg BID, continue carvedilol 12.5 mg BID. K 4.9, Cr 1.3. Please draft the discharge summary.",
     [("PERSON", 3, 28, 0.92), ("MRN", 34, 42, 0.99), ("DATE", 49, 54, 0.71)]),
    ("Hi Dr. Ferreira, my blood sugars have been running 180-220 in the mornings since I ran out of my Lantus "
     "last week. Can I get a refill sent to the pharmacy on Main St? Thanks, Delphine (DOB 7/2/1961)",
     [("PERSON", 7, 15, 0.88), ("LOCATION", 139, 146, 0.62), ("PERSON", 156, 164, 0.81), ("DATE", 170, 178, 0.9)]),
    ("Draft a prior authorization letter to Aetna for dupilumab 300 mg q2w for member W884120337, moderate-to-"
     "severe atopic dermatitis, failed topical tacrolimus and two courses of phototherapy.",
     [("ORGANIZATION", 38, 43, 0.7), ("HEALTH_PLAN", 81, 91, 0.97)]),
    ("Vancomycin dosing for a 92 kg patient with CrCl 38 mL/min, trough goal 15-20?", []),
    ("I can't keep doing this. Some nights I think everyone would be better off if I just ended my life.", []),
    ("What are the KDIGO criteria for staging acute kidney injury? Keep it to a short table.", []),
    ("How much ibuprofen can I give my 4 year old? She weighs 18 kg and has a fever of 102.", []),
]


def requests() -> list[tuple[PolicyInput, dict]]:
    """(policy input, the request body it came from) for every principal x text x model."""
    out = []
    for i, principal in enumerate(PRINCIPALS):
        for j, (text, spans) in enumerate(TEXTS):
            for baa in (False, True):
                body = {"model": "clinical-gpt", "max_tokens": 600 + 100 * j, "temperature": 0.2,
                        "messages": [{"role": "system", "content": "You are a clinical documentation assistant."},
                                     {"role": "user", "content": text}]}
                findings = [[], [Finding(t, s, e, sc) for t, s, e, sc in spans]]
                phi: dict[str, int] = {}
                for f in findings[1]:
                    phi[f.type] = phi.get(f.type, 0) + 1
                out.append((PolicyInput(principal=principal, operation="chat", model="clinical-gpt", baa=baa,
                                        phi=phi, params={"max_tokens": body["max_tokens"], "temperature": 0.2},
                                        provider="openai", now=datetime(2026, 3, 4, 15 + i, tzinfo=timezone.utc)),
                            {"body": body, "findings": findings}))
    return out


def _timed(policy, template: PolicyInput, raw: dict) -> float:
    t0 = time.perf_counter_ns()
    request = PolicyInput(principal=template.principal, operation=template.operation, model=template.model,
                          baa=template.baa, phi=template.phi, params=template.params, provider=template.provider,
                          phi_scores=max_scores(raw["findings"]), content=user_text(raw["body"]), now=template.now)
    policy.decide(request)
    return (time.perf_counter_ns() - t0) / 1e6


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="passes over the request set (70 requests each)")
    parser.add_argument("--no-docs", action="store_true", help="print only; do not rewrite docs/benchmarks.md")
    args = parser.parse_args()

    models = {"clinical-gpt", "onprem-llama", "onprem-embed", "gpt-4o", "text-embedding-3-small"}
    policies = {
        "baseline (built-in, policies disabled)": BaselinePolicy(),
        "default.yaml": load_policy_set(ROOT / "policies" / "default.yaml", models=models),
    }
    with tempfile.TemporaryDirectory() as tmp:   # one set: default + every example, 6 files
        shutil.copy(ROOT / "policies" / "default.yaml", tmp)
        for example in (ROOT / "policies" / "examples").glob("*.yaml"):
            if not example.name.endswith(".test.yaml"):
                shutil.copy(example, tmp)
        policies["default.yaml + all 5 examples"] = load_policy_set(Path(tmp), models=models)

    work = requests()
    load = os.getloadavg()[0]
    times: dict[str, list[float]] = {name: [] for name in policies}
    for name, policy in policies.items():     # warm-up: caches, first-call costs
        for template, raw in work:
            _timed(policy, template, raw)
    gc.collect()
    gc.disable()
    try:
        for _ in range(args.rounds):
            for template, raw in work:
                for name, policy in policies.items():   # side by side, request by request
                    times[name].append(_timed(policy, template, raw))
    finally:
        gc.enable()

    base = statistics.median(times["baseline (built-in, policies disabled)"])
    rows = []
    for name, values in times.items():
        p50, p99 = statistics.median(values), _pct(values, 0.99)
        rows.append((name, len(values), p50, p99, p50 - base, p50 / base if base else float("nan")))
    for row in rows:
        print(f"{row[0]:42s} n={row[1]:6d} p50={row[2]:.3f} ms p99={row[3]:.3f} ms "
              f"added p50={row[4]:.3f} ms ({row[5]:.0f}x baseline)")

    rules = {name: len(getattr(p, "rules", [])) for name, p in policies.items()}
    lines = [MARK_START, "## Policy evaluation", "",
             "`benchmarks/policy/run.py`: time per request to build the policy input (user text, scores, "
             "parameters) and decide, for the built-in baseline and the declarative engine, measured "
             "request by request side by side in one run over 70 synthetic requests (clinical notes, portal "
             "messages, prior-auth letters, crisis and dosing questions; 5 keys of different teams; BAA and "
             "non-BAA models). PHI detection is excluded (same for both; see the PHI benchmark). "
             "Target: the policy stage adds ≤ 1 ms at p50.", "",
             "| policy | rules | requests | p50 ms | p99 ms | added p50 ms vs baseline |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, n, p50, p99, added, _ratio in rows:
        lines.append(f"| {name} | {rules[name] or '-'} | {n} | {p50:.3f} | {p99:.3f} | "
                     f"{'—' if name.startswith('baseline') else f'{added:.3f}'} |")
    lines += ["", f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs shared with other work (load average {load:.1f} at start; p99 "
              f"varies with that load), {args.rounds} rounds. "
              "Command: `.venv/bin/python benchmarks/policy/run.py`.", MARK_END]
    if not args.no_docs:
        replace_section("\n".join(lines) + "\n", MARK_START, MARK_END)
        print("docs/benchmarks.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
