#!/usr/bin/env python3
"""The 300-character prompts, medgate vs stock Presidio, interleaved in one process.

    .venv/bin/python benchmarks/phi/prompt_ab.py [--reps 500]

run.py times each detector in its own process, one after the other; on a shared, noisy
host the two runs can see different machines (this host has shown a stock-Presidio p50
of 4 ms and of 9 ms an hour apart). Here each repetition calls both detectors back to
back, in alternating order, so noise hits both alike; the figure to read is the ratio
of the medians. Prints one line per prompt. Network disabled, as in run.py.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from worker import _guard_network  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=500)
    a = ap.parse_args()
    _guard_network()
    from detectors import build_medgate, build_stock
    from run import PROMPTS
    medgate, _ = build_medgate()
    stock, _ = build_stock()
    pc = time.perf_counter
    for label, text in PROMPTS:
        for _ in range(30):                                   # warm both
            medgate(text), stock(text)
        times: dict[str, list[float]] = {"medgate": [], "stock": []}
        for i in range(a.reps):
            order = (("medgate", medgate), ("stock", stock)) if i % 2 == 0 else (("stock", stock), ("medgate", medgate))
            for name, fn in order:
                t0 = pc()
                fn(text)
                times[name].append(pc() - t0)
        m, s = (statistics.median(times[k]) * 1000 for k in ("medgate", "stock"))
        print(f"prompt {label} ({len(text)} chars, {a.reps} interleaved reps): medgate p50 {m:.2f} ms, "
              f"stock Presidio p50 {s:.2f} ms, ratio {m / s:.2f}, medgate adds {m - s:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
