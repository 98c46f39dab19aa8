"""Audit write benchmark: what writing the tamper-evident record adds to a request.

Measures, per request, the time from `await store.write(record)` until it returns
(the record committed to the hash chain, HMAC checkpoints included), side by side in
the same run:

  group commit   AuditStore.write: the per-event-loop writer drains whatever is
                 queued into one chain transaction
  per record     the previous design: one chain transaction per record, each in a
                 worker thread (`asyncio.to_thread(store.append, [record])`)
  floor          not an audit write: one plain INSERT + COMMIT of a row of the same
                 size into a scratch table, from a worker thread. What any durable
                 per-request write costs on this machine and database.

on SQLite (WAL, under a temp dir) and PostgreSQL (a throwaway schema in the local
server; skipped if unreachable), sequentially and with concurrent requests. A
benchmark, not a test: it asserts nothing. Rewrites the audit section of
docs/benchmarks.md between its markers.

    .venv/bin/python benchmarks/audit/run.py [--requests 2000] [--concurrency 32] [--no-docs]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE.parent)]
import orjson  # noqa: E402
from report import replace_section  # noqa: E402
from sqlalchemy import text  # noqa: E402

from gateway.audit.records import AuditRecord  # noqa: E402
from gateway.audit.store import AuditStore  # noqa: E402
from gateway.audit.verify import verify  # noqa: E402
from gateway.db import init_schema, make_engine  # noqa: E402

MARK_START = "<!-- audit-bench:start -->"
MARK_END = "<!-- audit-bench:end -->"
PG = os.environ.get("MEDGATE_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEY = b"benchmark-hmac-key"
MODES = ("floor", "per-record", "group")
ROUNDS = 4


def record(i: int) -> AuditRecord:
    """The shape of a real chat record (kinds and counts, hashes)."""
    return AuditRecord(
        request_id=uuid.uuid4().hex, ts=datetime.now(timezone.utc), operation="chat", key_id="4f1c9e2ab7d03356",
        app="discharge-summaries", role="app", team="hospital-medicine", model_requested="clinical-gpt",
        model_used="gpt-4o-mini-2024-07-18", provider="openai", status=200, outcome="success",
        decision="redact", reason_code="phi_pseudonymized", fired_rules=["pseudonymize-identifiers-non-baa"],
        phi_counts={"PERSON": 2, "DATE": 3, "MRN": 1}, prompt_tokens=412 + i % 50, completion_tokens=180,
        cost_usd=0.0001698, latency_ms=812.5, request_hash=uuid.uuid4().hex * 2, response_hash=uuid.uuid4().hex * 2)


async def run(store: AuditStore, mode: str, requests: int, concurrency: int) -> tuple[list[float], float]:
    latencies: list[float] = []

    async def client(n: int) -> None:
        for i in range(n):
            r = record(i)
            t0 = time.perf_counter()
            if mode == "group":
                await store.write(r)
            elif mode == "per-record":
                await asyncio.to_thread(store.append, [r])
            else:
                await asyncio.to_thread(_floor_write, store.engine, r)
            latencies.append((time.perf_counter() - t0) * 1000)

    await store.start()
    for _ in range(20):   # warm-up: connections, statement caches
        await store.write(record(0))
    latencies.clear()
    t0 = time.perf_counter()
    per = requests // concurrency
    await asyncio.gather(*(client(per) for _ in range(concurrency)))
    elapsed = time.perf_counter() - t0
    await store.aclose()
    return latencies, elapsed


_FLOOR_INSERT = text("INSERT INTO audit_bench_floor (request_id, body) VALUES (:id, :body)")


def _floor_write(engine, r: AuditRecord) -> None:
    with engine.begin() as conn:
        conn.execute(_FLOOR_INSERT, {"id": r.request_id, "body": orjson.dumps(r.as_row()).decode()})


def engines():
    """(name, engine) for SQLite in a temp dir and PostgreSQL in a throwaway schema
    (skipped if unreachable), migrated; both removed afterwards."""
    import psycopg
    with tempfile.TemporaryDirectory() as tmp:
        stores = [("SQLite (WAL)", f"sqlite:///{Path(tmp) / 'bench.db'}", None)]
        schema = f"mg_bench_{uuid.uuid4().hex[:10]}"
        admin = "host=127.0.0.1 port=5432 user=postgres dbname=test"
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            stores.append(("PostgreSQL", f"{PG}?options=-csearch_path%3D{schema}", schema))
        except psycopg.OperationalError:
            print("PostgreSQL unreachable: skipped", file=sys.stderr)
        try:
            for name, url, _ in stores:
                engine = make_engine(url)
                init_schema(engine)
                try:
                    yield name, engine
                finally:
                    engine.dispose()
        finally:
            if len(stores) > 1:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    rows = []
    for name, engine in engines():
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE audit_bench_floor (request_id VARCHAR(64), body TEXT)"))
        for concurrency in (1, args.concurrency):
            # Side by side on the same database, interleaved in rounds so that load
            # from elsewhere on the machine falls on every mode alike.
            lat: dict[str, list[float]] = {m: [] for m in MODES}
            secs: dict[str, float] = dict.fromkeys(MODES, 0.0)
            for _ in range(ROUNDS):
                for mode in MODES:
                    store = AuditStore(engine, hmac_key=KEY)
                    got, elapsed = asyncio.run(run(store, mode, args.requests // ROUNDS, concurrency))
                    lat[mode] += got
                    secs[mode] += elapsed
            for mode in MODES:
                q = statistics.quantiles(lat[mode], n=100)
                rows.append((name, concurrency, mode, statistics.median(lat[mode]), q[94],
                             len(lat[mode]) / secs[mode]))
                print(f"{name:14s} c={concurrency:<3d} {mode:10s} p50 {rows[-1][3]:7.3f} ms  "
                      f"p95 {q[94]:7.3f} ms  {rows[-1][5]:8.0f} records/s", flush=True)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE audit_bench_floor"))
        report = verify(engine, KEY)   # everything written above is one intact chain
        print(f"{name}: {report.summary()}")
    if not args.no_docs:
        replace_section(_section(rows, args), MARK_START, MARK_END)
        print("docs/benchmarks.md updated")
    return 0


def _section(rows, args) -> str:
    by = {(r[0], r[1], r[2]): r for r in rows}
    lines = [MARK_START, "## Audit write", "",
             f"What the tamper-evident audit write adds to a request: time from `await store.write(record)` "
             f"to its return (record committed to the hash chain, checkpoints included). "
             f"`benchmarks/audit/run.py`, {args.requests} records per row, {platform.python_version()}, "
             f"{os.cpu_count()} CPUs, {datetime.now(timezone.utc):%Y-%m-%d}. *Per record* is the previous "
             "design (one chain transaction per record, from a worker thread); *group commit* is the "
             "writer medgate uses (one transaction for whatever is queued), measured side by side in the "
             "same run on the same database; *floor* is a plain durable INSERT + COMMIT with no chain, "
             "the least any per-request write costs here. Target: ≤ 1 ms p50.", "",
             "| store | concurrent requests | floor p50 (ms) | per record p50 / p95 (ms) "
             "| group commit p50 / p95 (ms) | group commit − floor, p50 (ms) | p50 per record / group "
             "| records/s: per record → group |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for (name, concurrency, mode), r in by.items():
        if mode != "group":
            continue
        old, floor = by[(name, concurrency, "per-record")], by[(name, concurrency, "floor")]
        lines.append(f"| {name} | {concurrency} | {floor[3]:.3f} | {old[3]:.3f} / {old[4]:.3f} | "
                     f"{r[3]:.3f} / {r[4]:.3f} | {r[3] - floor[3]:+.3f} | {old[3] / r[3]:.2f}x | "
                     f"{old[5]:.0f} → {r[5]:.0f} |")
    lines += ["", "Reading it: one request at a time, a write cannot be faster than one durable commit "
              "(the floor); the chain, the lock and the checkpoints add the difference shown. PostgreSQL "
              "commits wait for an fsync of the WAL, so there the floor is the disk's flush latency, "
              "which on this shared machine varies several-fold between runs. SQLite runs WAL with "
              "`synchronous=NORMAL`: no fsync per commit (durable across a process crash, not a power "
              "loss). With concurrent requests the p50 is the wait for the batch a record joins; the "
              "chain lock and the commit are paid once per batch, which is where the throughput comes "
              "from.", "",
              f"Command: `.venv/bin/python benchmarks/audit/run.py --requests {args.requests} "
              f"--concurrency {args.concurrency}`; modes interleaved in {ROUNDS} rounds.", "",
              MARK_END]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
