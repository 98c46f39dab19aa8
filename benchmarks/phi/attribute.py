#!/usr/bin/env python3
"""Which recognizer each false positive came from, which type each leak is: for tuning.

    .venv/bin/python benchmarks/phi/attribute.py physionet   # or synth, or a gold JSONL path
    .venv/bin/python benchmarks/phi/attribute.py physionet --examples 40

Runs medgate's detector the way PresidioDetector.analyze does (normalise, analyse,
propagate, tidy) but keeps each finding's recognizer, then scores tokens as
``../shared/tools/phi_score.py`` does (type-agnostic; PhysioNet with DateYear neutral; the
totals equal the scorer's). Prints aggregate counts only: false-positive tokens per
recognizer (``_NerRecognizer`` = the NER model after gateway/phi/nerfilter.py) and leaked
tokens per gold type. With ``--examples N``, up to N examples per recognizer and type, with
their context, go to benchmarks/phi/results/attribute-<corpus>.txt (gitignored: corpus text,
PHI for PhysioNet; never commit or paste it).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]
from run import PHYSIONET, SYNTH_ARGS, SYNTH_MODULE  # noqa: E402

TOK = re.compile(r"[A-Za-z0-9]+")


def load(corpus: str) -> tuple[list[dict], set[str], str]:
    if corpus == "physionet":
        return [json.loads(l) for l in open(PHYSIONET, encoding="utf-8")], {"DateYear"}, corpus
    if corpus == "synth":
        out = Path(tempfile.mkdtemp(prefix="phi-attr-")) / "synth.jsonl"
        subprocess.run([sys.executable, "-m", SYNTH_MODULE, *SYNTH_ARGS, "--out", str(out)],
                       check=True, cwd=ROOT, capture_output=True)
        return [json.loads(l) for l in open(out, encoding="utf-8")], set(), corpus
    path = Path(corpus)
    from unseen import UNSEEN
    docs = [] if corpus in UNSEEN else [json.loads(l) for l in open(path, encoding="utf-8")]
    if corpus in UNSEEN or {d["text"] for d in docs} & unseen_texts():
        raise SystemExit("attribute.py does not look at the hand-written unseen corpora: their leaks and false "
                         "positives stay unread so that they keep measuring text nobody tuned on "
                         "(benchmarks/phi/unseen/GUIDELINES.md)")
    return docs, set(), path.stem


def unseen_texts() -> set[str]:
    # by text, not by id: a tuning twin names its documents as its unseen set does ("periop-01")
    from unseen import UNSEEN, build
    return {d["text"] for folder in UNSEEN.values() for d in build(sorted(folder.glob("*.txt")))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="physionet, synth or a gold JSONL path")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--model", help="a spaCy model path or package instead of the shipped one")
    a = ap.parse_args()
    from gateway.phi import engine as E
    from gateway.phi.detector import Finding

    docs, ignore, label = load(a.corpus)
    from gateway.settings import PhiOptions
    det = E.build_detector(PhiOptions(model=a.model) if a.model else None)
    tp = fn = fp = predicted = 0
    fp_by = Counter()
    fn_by = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        text = d["text"]
        norm, res = det.results(text)
        spans = [(*norm.span(r.start, r.end), r.recognition_metadata.get("recognizer_name", "?"), r)
                 for r in res]
        merged = E.tidy(text, [Finding(r.entity_type, s, e, r.score) for s, e, _, r in spans])
        n = len(text)
        pred, source = bytearray(n), [None] * n
        for f in merged:
            pred[f.start:f.end] = b"\x01" * (f.end - f.start)
        for s, e, name, _ in spans:
            for i in range(s, min(e, n)):
                source[i] = source[i] or name
        gold, neutral = bytearray(n), bytearray(n)
        for s in d["spans"]:
            m = neutral if s["type"] in ignore else gold
            m[s["start"]:s["end"]] = b"\x01" * (s["end"] - s["start"])
        for s in d["spans"]:
            if s["type"] in ignore:
                continue
            for t in TOK.finditer(text, s["start"], s["end"]):
                if all(pred[t.start():t.end()]):
                    tp += 1
                else:
                    fn += 1
                    fn_by[s["type"]] += 1
                    examples["leak " + s["type"]].append(f"{t.group()!r} | {text[max(0, t.start() - 50):t.end() + 50]!r}")
        for t in TOK.finditer(text):
            span = range(t.start(), t.end())
            if not any(pred[i] for i in span) or (any(neutral[i] for i in span) and not any(gold[i] for i in span)):
                continue
            predicted += 1
            if not any(gold[i] for i in span):
                fp += 1
                name = next((source[i] for i in span if source[i]), "tidy")
                fp_by[name] += 1
                examples["fp " + name].append(f"{t.group()!r} | {text[max(0, t.start() - 50):t.end() + 50]!r}")
    print(f"{label}: {len(docs)} docs; recall {tp / max(1, tp + fn):.4f}, "
          f"precision {(predicted - fp) / max(1, predicted):.4f} "
          f"({tp} caught, {fn} leaked, {fp} false-positive tokens)")
    print("false-positive tokens by recognizer:")
    for name, k in fp_by.most_common():
        print(f"  {k:6d}  {name}")
    print("leaked tokens by gold type:")
    for name, k in fn_by.most_common():
        print(f"  {k:6d}  {name}")
    if a.examples:
        out = HERE / "results" / f"attribute-{label}.txt"
        out.parent.mkdir(exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for key in sorted(examples, key=lambda k: -len(examples[k])):
                f.write(f"== {key} ({len(examples[key])})\n" + "\n".join(examples[key][:a.examples]) + "\n\n")
        print(f"examples (corpus text; do not commit): {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
