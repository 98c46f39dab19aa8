"""`medgate audit verify` at scale: builds a chain of N records (default 1,000,000) in
SQLite and in a throwaway PostgreSQL schema, then verifies it, reporting the time and
how much the process's peak memory grew while verifying. Flat memory is the point:
records are streamed (a server-side cursor on PostgreSQL), never loaded all at once.

    .venv/bin/python benchmarks/audit/verify_scale.py [--rows 1000000] [--no-docs]
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent), str(HERE)]
from report import replace_section  # noqa: E402
from run import KEY, engines, record  # noqa: E402

from gateway.audit.store import AuditStore  # noqa: E402
from gateway.audit.verify import verify  # noqa: E402

MARK_START = "<!-- audit-verify-bench:start -->"
MARK_END = "<!-- audit-verify-bench:end -->"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    for name, engine in engines():
        store = AuditStore(engine, hmac_key=KEY)
        t0 = time.perf_counter()
        for start in range(0, args.rows, 5000):
            store.append([record(i) for i in range(start, min(start + 5000, args.rows))])
        fill = time.perf_counter() - t0
        gc.collect()
        before = _peak_mb()
        t0 = time.perf_counter()
        report = verify(engine, KEY)
        seconds = time.perf_counter() - t0
        grew = _peak_mb() - before
        rows.append((name, report.records, seconds, grew))
        print(f"{name}: filled in {fill:.0f} s; {report.summary()}; verify {seconds:.1f} s "
              f"({report.records / seconds:,.0f} records/s), peak memory +{grew:.0f} MB", flush=True)
    if not args.no_docs:
        lines = [MARK_START, "## Audit verify at scale", "",
                 f"`benchmarks/audit/verify_scale.py --rows {args.rows}`, "
                 f"{datetime.now(timezone.utc):%Y-%m-%d}: `verify` over a chain of realistic records, "
                 "appended 5,000 per transaction (a signed checkpoint each). Peak memory is the growth of "
                 "the process's maximum RSS while verifying: records are streamed, not loaded.", "",
                 "| store | records | verify time (s) | records/s | peak memory growth (MB) |",
                 "|---|---:|---:|---:|---:|"]
        lines += [f"| {n} | {c:,} | {s:.1f} | {c / s:,.0f} | {g:.0f} |" for n, c, s, g in rows]
        lines += ["", MARK_END]
        replace_section("\n".join(lines) + "\n", MARK_START, MARK_END)
        print("docs/benchmarks.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
