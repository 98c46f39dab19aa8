#!/usr/bin/env python3
"""Throughput, medgate vs stock Presidio, interleaved document by document in one process.

    .venv/bin/python benchmarks/phi/throughput_ab.py [--corpus physionet|synth|all] [--limit N]

run.py measures each detector in its own process; even started together on two CPUs, the
faster one finishes first and the two see different stretches of a shared host. Here every
document is analysed by both detectors back to back, in alternating order, and each call's
CPU time (`time.process_time()`) is added to that detector's total, so a change in the
host's speed hits both alike. The figure to read is the ratio. Single-threaded BLAS, network
disabled, as in run.py. Prints one line per corpus; corpus text stays in memory.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")      # before numpy loads: one core per detector call

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from worker import _guard_network  # noqa: E402


def texts(corpus: str, tmp: Path, limit: int) -> list[str]:
    from run import PHYSIONET, make_synth
    if corpus == "physionet":
        path = PHYSIONET
    else:
        path, info = make_synth(tmp, [])
        if path is None:
            raise SystemExit(f"synthetic corpus unavailable: {info.get('reason') or info.get('stderr_tail')}")
    docs = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return docs[:limit] if limit else docs


def interleaved(medgate, stock, docs: list[str]) -> dict[str, float]:
    """CPU seconds each detector spent on `docs`, calls alternating in order."""
    spent = {"medgate": 0.0, "stock": 0.0}
    cpu = time.process_time
    for i, text in enumerate(docs):
        order = (("medgate", medgate), ("stock", stock)) if i % 2 == 0 else (("stock", stock), ("medgate", medgate))
        for name, fn in order:
            t0 = cpu()
            fn(text)
            spent[name] += cpu() - t0
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["physionet", "synth", "all"], default="all")
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus")
    a = ap.parse_args()
    _guard_network()
    from detectors import build_medgate, build_stock
    medgate, _ = build_medgate()
    stock, _ = build_stock()
    corpora = ["physionet", "synth"] if a.corpus == "all" else [a.corpus]
    with tempfile.TemporaryDirectory(prefix="phi-ab-") as tmp:
        for corpus in corpora:
            docs = texts(corpus, Path(tmp), a.limit)
            for text in docs[:20]:                                 # warm both
                medgate(text), stock(text)
            spent = interleaved(medgate, stock, docs)
            kb = sum(len(t.encode("utf-8")) for t in docs) / 1000
            m, s = kb / spent["medgate"], kb / spent["stock"]
            print(f"{corpus} ({len(docs)} docs, {kb:.0f} KB, interleaved): medgate {m:.1f} KB/s per core, "
                  f"stock Presidio {s:.1f} KB/s per core, medgate at {m / s:.2f}x stock's speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
