#!/usr/bin/env python3
"""Which pattern recognizers cost the most time: regex scan per pattern, whole recognizer.

    .venv/bin/python benchmarks/phi/pattern_cost.py [physionet|synth|FILE] [--top 30]

For speed work on gateway/phi/recognizers/patterns.yaml. Each pattern's scan (its anchor
windows if it has one; `requires` gates are not applied, so a gated pattern shows what it
costs on a text that passes its gate) and each recognizer's whole `analyze` (gates,
validators and context included) are timed over every document, best of `--repeat`
runs. Prints times and match counts only, never corpus text. A change meant only for
speed should leave every recognizer's results as they were: `--check SNAPSHOT` saves them
on the first run and compares them on later ones.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="physionet", help="physionet, synth or a gold JSONL path")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--check", type=Path, help="results snapshot: written if missing, else compared")
    a = ap.parse_args()

    from attribute import load
    from gateway.phi.normalize import normalize
    from gateway.phi.recognizers import load_recognizers

    gold, _, name = load(a.corpus)
    docs = [normalize(g["text"]).text for g in gold]
    recognizers = load_recognizers()
    rows: list[tuple[float, str, str, int]] = []
    results: dict[str, list] = {}
    for rec in recognizers:
        for p in rec.patterns:
            anchor = rec._anchors.get(p.name)
            best, count = float("inf"), 0
            for _ in range(a.repeat):
                t, count = time.process_time(), 0
                for d in docs:
                    it = rec._windowed(p.compiled_regex, anchor, d) if anchor else p.compiled_regex.finditer(d)
                    count += sum(1 for _ in it)
                best = min(best, time.process_time() - t)
            rows.append((best, rec.name, p.name + (" (anchored)" if anchor else ""), count))
        best = float("inf")
        for _ in range(a.repeat):
            t = time.process_time()
            found = [[(r.start, r.end, round(r.score, 4)) for r in rec.analyze(d, [rec.entity])] for d in docs]
            best = min(best, time.process_time() - t)
        results[rec.name] = found
        rows.append((best, rec.name, "(whole recognizer)", sum(map(len, found))))

    kb = sum(len(d.encode()) for d in docs) / 1024
    whole = sum(r[0] for r in rows if r[2] == "(whole recognizer)")
    print(f"{name}: {len(docs)} docs, {kb:.0f} KB; {len(recognizers)} recognizers, "
          f"{sum(len(r.patterns) for r in recognizers)} patterns; all recognizers {whole:.2f} s CPU")
    print(f"{'ms':>7}  {'matches':>7}  recognizer / pattern")
    for secs, rec, pat, n in sorted(rows, reverse=True)[:a.top]:
        print(f"{secs * 1000:7.0f}  {n:7d}  {rec} / {pat}")

    if a.check:
        if not a.check.exists():
            a.check.write_bytes(pickle.dumps(results))
            print(f"results saved to {a.check}")
        else:
            before = pickle.loads(a.check.read_bytes())
            changed = sorted(n for n in before.keys() | results.keys() if before.get(n) != results.get(n))
            print("results unchanged" if not changed else f"results changed: {', '.join(changed)}")
            return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
