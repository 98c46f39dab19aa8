#!/usr/bin/env python3
"""PHI detection benchmark: medgate's detector vs stock Presidio, side by side.

    .venv/bin/python benchmarks/phi/run.py --corpus all          # = make bench-phi

For each detector and corpus: token-level, type-agnostic recall / precision / F2,
leaked tokens and per-type recall, exactly as the reference scorer
``../shared/tools/phi_score.py`` computes them (run as a subprocess, its output
parsed); throughput in KB/s per core (UTF-8 bytes of the texts / CPU seconds of the
detecting process, single-threaded) and per-document latency p50/p99; and the latency
of one 300-character prompt analysed 500 times. Each detector runs in its own process
(``worker.py``), with the network disabled.

Writes raw JSON (with up to ``--show-leaks`` scorer LEAK lines, which contain PHI
tokens) and the predictions to ``benchmarks/phi/results/`` (gitignored), prints a
summary, and rewrites the "PHI detection" section of ``docs/benchmarks.md`` between
the ``phi-bench`` markers: aggregate numbers and type names only, never corpus text.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = Path(os.environ.get("MEDGATE_SHARED", ROOT.parent / "shared"))
PHYSIONET = SHARED / "benchmarks" / "physionet-deid" / "gold.jsonl"
SCORER = SHARED / "tools" / "phi_score.py"
RESULTS = HERE / "results"
DOCS = ROOT / "docs" / "benchmarks.md"
MARK_START, MARK_END = "<!-- phi-bench:start -->", "<!-- phi-bench:end -->"

sys.path[:0] = [str(HERE), str(HERE.parent)]
from detectors import ALL, MEDGATE, STOCK, STOCK_MEDGATE_NER  # noqa: E402
from report import replace_section  # noqa: E402

SYNTH_MODULE = "gateway.phi.training.synth"
SYNTH_ARGS = ["--split", "test", "--n", "2000", "--seed", "20261122"]
CORPORA = {
    "physionet": {"title": "PhysioNet deid gold (nursing notes, surrogate PHI)",
                  "ignore": ["DateYear"], "about": "; `DateYear` neutral"},
    "synth": {"title": "medgate synthetic test split", "ignore": []},
    # Written by hand for the benchmark, by authors who never saw the detector (unseen/GUIDELINES.md).
    # Its leaks are not shown anywhere, so that no one tunes on it.
    "unseen": {"title": "hand-written unseen documents (benchmarks/phi/unseen/)", "ignore": [],
               "hide_leaks": True,
               "about": "; written by hand for this benchmark by authors who saw neither the detector nor the "
                        "other corpora (`benchmarks/phi/unseen/GUIDELINES.md`); its leaks are not shown, so "
                        "that no one tunes on it"},
    # Each later set was written from a new brief, in other genres, by authors who saw none of the
    # above: the check that tuning on the dev sets carries over.
    "unseen-b": {"title": "hand-written unseen documents, second set (benchmarks/phi/unseen-b/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-02 from a different brief (EMS, pharmacy, reports, community, "
                          "telehealth, administrative genres) by an author who saw neither the detector nor the "
                          "other corpora (`benchmarks/phi/unseen-b/README.md`); its leaks are not shown either"},
    "unseen-c": {"title": "hand-written unseen documents, third set (benchmarks/phi/unseen-c/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-06 from a third brief (outpatient and inpatient records, "
                          "correspondence, hospital operations logs) by two authors who saw neither the detector "
                          "nor the other corpora (`benchmarks/phi/unseen-c/README.md`); its leaks are not shown "
                          "either"},
    "unseen-d": {"title": "hand-written unseen documents, fourth set (benchmarks/phi/unseen-d/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-06 from a fourth brief (behavioral health, maternal and child "
                          "health, long-term and home care, diagnostics) by two authors who saw neither the "
                          "detector nor the other corpora (`benchmarks/phi/unseen-d/README.md`); its leaks are "
                          "not shown either"},
    "unseen-e": {"title": "hand-written unseen documents, fifth set (benchmarks/phi/unseen-e/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-06 from a fifth brief (perioperative, research, claims and "
                          "legal, global and travel health) by two authors who saw neither the detector nor the "
                          "other corpora (`benchmarks/phi/unseen-e/README.md`); its leaks are not shown either"},
    "unseen-f": {"title": "hand-written unseen documents, sixth set (benchmarks/phi/unseen-f/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-06 from a sixth brief (oncology, public health, dialysis and "
                          "transplant, prompts to an AI assistant) by two authors who saw neither the detector "
                          "nor the other corpora (`benchmarks/phi/unseen-f/README.md`); its leaks are not shown "
                          "either"},
    "unseen-g": {"title": "hand-written unseen documents, seventh set (benchmarks/phi/unseen-g/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-06 from a seventh brief (emergency and trauma, cardiology and "
                          "device clinic, rehabilitation and specialty outpatient care, records and clinical "
                          "messaging) by two authors who saw neither the detector nor the other corpora "
                          "(`benchmarks/phi/unseen-g/README.md`); its leaks are not shown either"},
    "unseen-h": {"title": "hand-written unseen documents, eighth set (benchmarks/phi/unseen-h/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-07 from an eighth brief (ambient-scribe and dictation "
                          "transcripts, laboratory and blood bank, medicolegal and occupational health, inpatient "
                          "nursing) by two authors who saw neither the detector nor the other corpora "
                          "(`benchmarks/phi/unseen-h/README.md`); its leaks are not shown either"},
    "unseen-i": {"title": "hand-written unseen documents, ninth set (benchmarks/phi/unseen-i/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-07 from a ninth brief (home health and hospice, exported and "
                          "machine-made text, specialty outpatient clinics, transitions of care) by two authors who "
                          "saw neither the detector nor the other corpora (`benchmarks/phi/unseen-i/README.md`); its "
                          "leaks are not shown either"},
    "unseen-j": {"title": "hand-written unseen documents, tenth set (benchmarks/phi/unseen-j/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-07 from a tenth brief (prompts to an AI assistant, quality "
                          "registries and mandatory reporting, scheduling and access centers, military and "
                          "veterans health) by two authors who saw neither the detector nor the other corpora "
                          "(`benchmarks/phi/unseen-j/README.md`); its leaks are not shown either"},
    "unseen-k": {"title": "hand-written unseen documents, eleventh set (benchmarks/phi/unseen-k/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-07 from an eleventh brief (organ donation and transplantation, "
                          "school, camp, college and sports health, medical education and case discussion, "
                          "health-plan care and utilization management) by four authors who saw neither the "
                          "detector nor the other corpora (`benchmarks/phi/unseen-k/README.md`); its leaks are not "
                          "shown either"},
    "unseen-l": {"title": "hand-written unseen documents, twelfth set (benchmarks/phi/unseen-l/)", "ignore": [],
                 "hide_leaks": True,
                 "about": "; written on 2026-12-07 from a twelfth brief (the privacy and compliance office, "
                          "patient financial services, genomics and biobanks, crisis lines and mobile crisis care) "
                          "by four authors who saw neither the detector nor the other corpora "
                          "(`benchmarks/phi/unseen-l/README.md`); its leaks are not shown either"},
}

# The prompt the gateway benchmark sends (benchmarks/gateway/loadgen.py): no identifiers.
PROMPT_PLAIN = (
    "I'm the night nurse on a medical ward. A 68-year-old man with type 2 diabetes takes "
    "metformin 1000 mg twice daily. His eGFR was 52 mL/min/1.73m2 in January and is 38 today; "
    "creatinine went from 1.3 to 1.7 mg/dL. Should his metformin be reduced or held tonight, "
    "and what should I watch for and report?"
)
# The same kind of question carrying invented identifiers (name, MRN, DOB, date, phone
# in the 555-01xx fiction range, hospital, relative): the case a PHI gateway exists for.
PROMPT_PHI = (
    "Night nurse, 4 West. Pt Harold Brandvold, MRN 00482913, DOB 03/14/1956, admitted "
    "11/02/2026 from Lakeview General. On metformin 1000 mg BID; eGFR fell from "
    "52 to 38, creatinine 1.3 to 1.7. Wife Marjorie (617-555-0142) asks if it should be "
    "held tonight. Should it be reduced or held? What to watch for"
)
PROMPTS = [("with identifiers", PROMPT_PHI), ("no identifiers", PROMPT_PLAIN)]
assert len(PROMPT_PHI) == len(PROMPT_PLAIN) == 300

# From the PhysioNet corpus README: the deid 1.1 Perl program on this corpus.
DEID_REF = {"recall": 0.9695, "precision": 0.7222, "kb_s": 13.5, "cpu_s": 159}
DEID_TEXT_BYTES = 2_037_296   # UTF-8 bytes of the 2,434 notes' "text" fields in gold.jsonl
TARGETS = {"recall": 0.99, "precision": 0.90, "kb_s": 100.0, "prompt_p50_ms": 5.0}

TYPE_LINE = re.compile(r"^(\S+)\s+tokens=\s*(\d+) recall=([0-9.]+)$")
LAST_LINE = re.compile(r"^recall=([0-9.]+) precision=([0-9.]+) f2=([0-9.]+) leaked=(\d+) "
                       r"false_pos_tokens=(\d+) docs=(\d+)$")


def log(msg: str) -> None:
    print(f"[phi-bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- facts

def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "gateway"],
                               capture_output=True, text=True, timeout=10).stdout
        return rev + ("+dirty" if dirty.strip() else "") if rev else "unknown"
    except OSError:
        return "unknown"


def machine_info() -> dict:
    model = "unknown"
    cpuinfo = ""
    with contextlib.suppress(OSError):
        cpuinfo = Path("/proc/cpuinfo").read_text()
    for line in cpuinfo.splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    if " hypervisor" in cpuinfo:
        model += ", virtual machine"
    mem = ""
    with contextlib.suppress(OSError, IndexError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "cpu_model": model, "memory": mem, "kernel": platform.release(),
            "python": platform.python_version(), "loadavg_start": os.getloadavg()}


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def medgate_model_info() -> dict | None:
    """The shipped NER model: pipeline, size and a content hash (its meta.json carries
    spaCy's placeholder name and version)."""
    import hashlib
    model = ROOT / "gateway" / "phi" / "model"
    with contextlib.suppress(OSError, ValueError):
        m = json.loads((model / "meta.json").read_text())
        h, size = hashlib.sha256(), 0
        for f in sorted(p for p in model.rglob("*") if p.is_file()):
            data = f.read_bytes()
            h.update(str(f.relative_to(model)).encode() + b"\0" + data)
            size += len(data)
        return {"path": "gateway/phi/model", "name": m.get("name"), "version": m.get("version"),
                "pipeline": m.get("pipeline"), "labels": _entity_labels(m.get("labels", {})),
                "bytes": size, "sha256": h.hexdigest()[:12]}
    return None


def _entity_labels(labels: dict) -> list[str] | None:
    """Entity kinds of a transition NER ("ner") or of the BILUO tagger ("B-PERSON", ...)."""
    if "ner" in labels:
        return labels["ner"]
    tags = labels.get("tagger")
    return sorted({t.split("-", 1)[1] for t in tags if "-" in t}) if tags else None


def module_exists(name: str) -> bool:
    code = (f"import importlib.util, sys\n"
            f"try:\n    ok = importlib.util.find_spec({name!r}) is not None\n"
            f"except ModuleNotFoundError:\n    ok = False\nsys.exit(0 if ok else 1)")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode == 0


def has_build_nlp_engine() -> bool:
    code = ("import sys\ntry:\n    import gateway.phi.engine as e\nexcept Exception:\n    sys.exit(1)\n"
            "sys.exit(0 if callable(getattr(e, 'build_nlp_engine', None)) else 1)")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode == 0


def idlest_cpu(sample_s: float = 1.0) -> int:
    """The usable CPU with the most idle time over a short sample (other work may be
    running on a shared machine); the last usable CPU if /proc/stat is unreadable."""
    usable = sorted(os.sched_getaffinity(0))

    def idle() -> dict[int, int]:
        out = {}
        for line in Path("/proc/stat").read_text().splitlines():
            name, *vals = line.split()
            if name.startswith("cpu") and name[3:].isdigit():
                out[int(name[3:])] = int(vals[3]) + int(vals[4])   # idle + iowait
        return out
    try:
        before = idle()
        time.sleep(sample_s)
        after = idle()
        return max(usable, key=lambda c: (after.get(c, 0) - before.get(c, 0), c))
    except (OSError, ValueError, IndexError):
        return usable[-1]


# --------------------------------------------------------------------------- corpora

def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_gold(docs: list[dict]) -> dict:
    """Sanity facts about a gold corpus (a broken generator would distort recall)."""
    bad_offsets = bad_text = 0
    types: Counter = Counter()
    for d in docs:
        n = len(d["text"])
        for s in d["spans"]:
            types[s["type"]] += 1
            if not (0 <= s["start"] < s["end"] <= n):
                bad_offsets += 1
            elif "text" in s and d["text"][s["start"]:s["end"]] != s["text"]:
                bad_text += 1
    return {"docs": len(docs), "spans": sum(types.values()), "span_types": dict(types.most_common()),
            "bytes": sum(len(d["text"].encode("utf-8")) for d in docs),
            "bad_offsets": bad_offsets, "span_text_mismatch": bad_text,
            "duplicate_ids": len(docs) - len({str(d["id"]) for d in docs})}


def make_synth(tmp: Path, notes: list[str]) -> tuple[Path | None, dict]:
    if not module_exists(SYNTH_MODULE):
        notes.append(f"synthetic corpus skipped: `{SYNTH_MODULE}` does not exist yet")
        return None, {"status": "unavailable", "reason": f"{SYNTH_MODULE} does not exist"}
    out = tmp / "synth-test.jsonl"
    cmd = [sys.executable, "-m", SYNTH_MODULE, *SYNTH_ARGS, "--out", str(out)]
    log("generating synthetic test split: " + " ".join(cmd[1:]))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=3600)
    info = {"command": "python " + " ".join(cmd[1:-1]) + " <tmpfile>",
            "seconds": round(time.perf_counter() - t0, 1), "returncode": proc.returncode}
    if proc.returncode != 0 or not out.exists():
        info.update(status="error", stderr_tail=proc.stderr[-2000:])
        notes.append(f"synthetic corpus skipped: the generator exited {proc.returncode}")
        return None, info
    info["status"] = "ok"
    return out, info


def make_unseen(tmp: Path, notes: list[str], cname: str = "unseen") -> tuple[Path | None, dict]:
    from unseen import UNSEEN, MarkupError, build
    folder = UNSEEN[cname]
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        notes.append(f"{cname} corpus skipped: no {folder.relative_to(ROOT)}/*.txt")
        return None, {"status": "unavailable", "reason": "no documents"}
    try:
        docs = build(paths)
    except MarkupError as exc:
        notes.append(f"{cname} corpus skipped: {exc}")
        return None, {"status": "error", "reason": str(exc)}
    out = tmp / f"{cname}.jsonl"
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return out, {"status": "ok", "files": [p.name for p in paths]}


# --------------------------------------------------------------------------- running

def worker_env() -> dict:
    env = dict(os.environ)
    env.update({"PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
                "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1",
                "TRANSFORMERS_OFFLINE": "1", "PYTHONHASHSEED": "0"})
    return env


def run_worker(detector: str, corpora: list[dict], tmp: Path, cpu: int | None,
               prompt_reps: int) -> dict:
    return run_workers([(detector, corpora, cpu)], tmp, prompt_reps)[detector]


def run_workers(specs: list[tuple[str, list[dict], int | None]], tmp: Path, prompt_reps: int) -> dict:
    """Run one worker per (detector, corpora, cpu) at the same time; results by detector.
    Workers started together on their own CPUs see the same host load, so the ratio of their
    speeds holds even when the machine's speed drifts during the run."""
    started = {}
    for detector, corpora, cpu in specs:
        job = {"detector": detector, "corpora": corpora, "cpu": cpu, "warmup": 20,
               "prompt_reps": prompt_reps,
               "prompts": [{"name": n, "text": t} for n, t in PROMPTS]}
        job_path, res_path = tmp / f"job-{detector}.json", tmp / f"result-{detector}.json"
        job_path.write_text(json.dumps(job))
        err = tempfile.TemporaryFile(mode="w+")
        proc = subprocess.Popen([sys.executable, str(HERE / "worker.py"), str(job_path), str(res_path)],
                                cwd=ROOT, env=worker_env(), stdout=subprocess.DEVNULL, stderr=err, text=True)
        started[detector] = (proc, res_path, err, time.perf_counter())
    out = {}
    for detector, (proc, res_path, err, t0) in started.items():
        proc.wait()
        err.seek(0)
        stderr = err.read()
        err.close()
        if proc.returncode != 0 or not res_path.exists():
            out[detector] = {"detector": detector, "status": "error",
                             "reason": f"worker exited {proc.returncode}", "stderr_tail": stderr[-3000:]}
            continue
        res = json.loads(res_path.read_text())
        res["process_wall_s"] = time.perf_counter() - t0
        if stderr.strip():
            res["stderr_tail"] = stderr[-3000:]
        out[detector] = res
    return out


def score(gold: Path, pred: Path, ignore: list[str], show_leaks: int) -> dict:
    cmd = [sys.executable, str(SCORER), str(gold), str(pred), "--show-leaks", str(10**9)]
    if ignore:
        cmd.append("--ignore=" + ",".join(ignore))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"scorer exited {proc.returncode}: {proc.stderr[-2000:]}")
    per_type: dict[str, dict] = {}
    leak_lines: list[str] = []
    leaked_by_type: Counter = Counter()
    leaked_tokens: Counter = Counter()
    warnings: list[str] = []
    total = None
    for line in proc.stdout.splitlines():
        if line.startswith("LEAK "):
            leak_lines.append(line)
            parts = line.split(" ", 3)            # LEAK <doc id> <type> <token>
            if len(parts) == 4:
                leaked_by_type[parts[2]] += 1
                leaked_tokens[(parts[2], parts[3])] += 1
        elif m := TYPE_LINE.match(line):
            per_type[m[1]] = {"tokens": int(m[2]), "recall": float(m[3])}
        elif m := LAST_LINE.match(line):
            total = {"recall": float(m[1]), "precision": float(m[2]), "f2": float(m[3]),
                     "leaked": int(m[4]), "false_pos_tokens": int(m[5]), "docs": int(m[6])}
        elif line.startswith("WARNING"):
            warnings.append(line)
    if total is None:
        raise RuntimeError("could not parse the scorer's last line:\n" + proc.stdout[-500:])
    for typ, d in per_type.items():
        d["leaked"] = leaked_by_type.get(typ, 0)
    return {"command": " ".join(["phi_score.py", "GOLD", "PRED"] + cmd[6:]), **total,
            "per_type": per_type, "warnings": warnings,
            # PHI below: raw results only, never the docs.
            "leak_lines": leak_lines[:show_leaks],
            "top_leaked_tokens": [{"type": t, "token": tok, "count": c}
                                  for (t, tok), c in leaked_tokens.most_common(show_leaks)]}


def false_positives_by_type(gold: Path, pred: Path, ignore: list[str], tmp: Path) -> dict:
    """Over-redaction per predicted type: the scorer run on the predictions of one type at a
    time; its false_pos_tokens is what that type alone marks outside every gold span."""
    by_type: dict[str, list] = {}
    docs = read_jsonl(pred)
    for d in docs:
        for e in d["entities"]:
            by_type.setdefault(e["type"], [])
    out = {}
    for typ in sorted(by_type):
        path = tmp / "pred-one-type.jsonl"
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for d in docs:
                ents = [e for e in d["entities"] if e["type"] == typ]
                n += len(ents)
                f.write(json.dumps({"id": d["id"], "entities": ents}) + "\n")
        cmd = [sys.executable, str(SCORER), str(gold), str(path)]
        if ignore:
            cmd.append("--ignore=" + ",".join(ignore))
        proc = subprocess.run(cmd, capture_output=True, text=True)
        last = LAST_LINE.match(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else None
        if proc.returncode == 0 and last:
            out[typ] = {"spans": n, "false_pos_tokens": int(last[5]), "precision": float(last[2])}
    return out


def cli_check(inputs: Path, api_pred: Path) -> dict:
    """`medgate phi detect` (JSONL on stdin/stdout) must give what the Python API gives."""
    exe = Path(sys.executable).parent / "medgate"
    exe = str(exe) if exe.exists() else shutil.which("medgate")
    if not exe:
        return {"status": "unavailable", "reason": "no medgate executable"}
    probe = subprocess.run([exe, "phi", "detect", "--help"], cwd=ROOT, capture_output=True, text=True)
    if probe.returncode != 0:
        return {"status": "unavailable", "reason": "`medgate phi detect` does not exist",
                "stderr_tail": probe.stderr[-500:]}
    t0 = time.perf_counter()
    with open(inputs, "rb") as stdin:
        proc = subprocess.run([exe, "phi", "detect"], cwd=ROOT, stdin=stdin, capture_output=True,
                              env=worker_env())
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"status": "error", "reason": f"exit {proc.returncode}", "wall_s": wall,
                "stderr_tail": proc.stderr.decode(errors="replace")[-2000:]}
    try:
        cli = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]
    except ValueError as exc:
        return {"status": "different", "reason": f"stdout is not JSONL: {exc}", "wall_s": wall,
                "docs_api": None, "docs_cli": None, "docs_different": None, "same_order": None}
    out = compare_predictions(read_jsonl(api_pred), cli)
    out.update(wall_s=wall, stderr_tail=proc.stderr.decode(errors="replace")[-1000:])
    return out


def compare_predictions(api: list[dict], cli: list[dict]) -> dict:
    """Exact comparison, line by line. Scores equal within 1e-9 count as equal; spans equal
    but scores further apart give "equal except scores"."""
    def norm(ents):
        return [(e.get("type"), e.get("start"), e.get("end"), e.get("score")) for e in ents]

    def close(x, y):
        return x == y or (isinstance(x, (int, float)) and isinstance(y, (int, float))
                          and abs(x - y) <= 1e-9)

    diff_docs, score_docs, order_ok, extra_keys, max_diff = [], [], True, set(), 0.0
    for a, c in zip(api, cli):
        if str(a["id"]) != str(c.get("id")):
            order_ok = False
        extra_keys |= {k for e in c.get("entities", []) for k in e} - {"type", "start", "end", "score"}
        na, nc = norm(a["entities"]), norm(c.get("entities", []))
        if len(na) != len(nc) or [x[:3] for x in na] != [x[:3] for x in nc]:
            diff_docs.append(str(a["id"]))
        elif not all(close(x[3], y[3]) for x, y in zip(na, nc)):
            score_docs.append(str(a["id"]))
            with contextlib.suppress(TypeError):
                max_diff = max([max_diff] + [abs(x[3] - y[3]) for x, y in zip(na, nc)])
    same_lines = order_ok and len(api) == len(cli) and not diff_docs
    status = ("equal" if same_lines and not score_docs and not extra_keys else
              "equal except scores" if same_lines and not extra_keys else "different")
    return {"status": status, "docs_api": len(api), "docs_cli": len(cli), "same_order": order_ok,
            "docs_different": len(diff_docs), "docs_scores_different": len(score_docs),
            "max_score_diff": max_diff,
            "extra_entity_keys": sorted(extra_keys),
            "first_different_ids": (diff_docs or score_docs)[:10]}


# --------------------------------------------------------------------------- report

def fmt(v, nd=4, thousands=False) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if thousands:
        return f"{v:,.0f}"
    return f"{v:,.{nd}f}"


def corpus_table(cname: str, results: dict, detectors: list[str]) -> list[str]:
    lines = ["| detector | recall | precision | F2 | leaked tokens | KB/s per core | p50 ms | p99 ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for det in detectors:
        r = results["runs"].get(det, {})
        c = r.get("corpora", {}).get(cname)
        s = results["scores"].get(det, {}).get(cname)
        if r.get("status") != "ok" or not c or not s:
            why = "not measured (see notes)" if r.get("status") == "unavailable" else \
                f"error ({r.get('reason', '?').split(':')[0]}; see notes)"
            lines.append(f"| {det} | {why} | | | | | | |")
            continue
        lat = c["latency_ms"]
        lines.append(f"| {det} | {fmt(s['recall'])} | {fmt(s['precision'])} | {fmt(s['f2'])} | "
                     f"{s['leaked']:,} | {fmt(c['kb_per_cpu_s'], 1)} | {fmt(lat['p50'], 2)} | "
                     f"{fmt(lat['p99'], 2)} |")
    ratio = speed_ratio(results, cname)
    if ratio:
        lines.append(f"| _medgate ÷ presidio-stock speed, side by side_ | | | | | {ratio:.2f}× | | |")
    if cname == "physionet":
        lines.append(f"| _reference: deid 1.1 (Perl), from the corpus README_ | {DEID_REF['recall']} | "
                     f"{DEID_REF['precision']} | "
                     f"{fmt(5 * DEID_REF['recall'] * DEID_REF['precision'] / (4 * DEID_REF['precision'] + DEID_REF['recall']))} "
                     f"| – | {DEID_REF['kb_s']} | – | – |")
    return lines


def speed_ratio(results: dict, cname: str) -> float | None:
    """medgate's KB/s over presidio-stock's, when the two ran side by side (else None: run one
    after the other on a shared host, the ratio says more about the host than the detectors)."""
    if results["meta"].get("side_by_side") != [MEDGATE, STOCK]:
        return None
    speeds = [results["runs"].get(d, {}).get("corpora", {}).get(cname, {}).get("kb_per_cpu_s") for d in (MEDGATE, STOCK)]
    return speeds[0] / speeds[1] if all(speeds) else None


def type_table(cname: str, results: dict, detectors: list[str]) -> list[str]:
    dets = [d for d in detectors if results["scores"].get(d, {}).get(cname)]
    if not dets:
        return []
    per = {d: results["scores"][d][cname]["per_type"] for d in dets}
    types = sorted({t for d in dets for t in per[d]},
                   key=lambda t: -max(per[d].get(t, {}).get("tokens", 0) for d in dets))
    lines = ["| gold type | tokens | " + " | ".join(f"{d} recall (leaked)" for d in dets) + " |",
             "|---|---:|" + "---:|" * len(dets)]
    for t in types:
        tokens = next(per[d][t]["tokens"] for d in dets if t in per[d])
        cells = [f"{per[d][t]['recall']:.4f} ({per[d][t]['leaked']:,})" if t in per[d] else "–"
                 for d in dets]
        lines.append(f"| {t} | {tokens:,} | " + " | ".join(cells) + " |")
    return lines


def fp_table(cname: str, results: dict, detectors: list[str]) -> list[str]:
    dets = [d for d in detectors if results["scores"].get(d, {}).get(cname, {}).get("false_pos_by_pred_type")]
    if not dets:
        return []
    per = {d: results["scores"][d][cname]["false_pos_by_pred_type"] for d in dets}
    types = sorted({t for d in dets for t, v in per[d].items() if v["false_pos_tokens"]},
                   key=lambda t: tuple(-per[d].get(t, {}).get("false_pos_tokens", 0) for d in dets))
    if not types:
        return []
    lines = ["| predicted type | " + " | ".join(f"{d} FP tokens (spans)" for d in dets) + " |",
             "|---|" + "---:|" * len(dets)]
    for t in types:
        cells = [f"{per[d][t]['false_pos_tokens']:,} ({per[d][t]['spans']:,})" if t in per[d] else "–"
                 for d in dets]
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return lines


def prompt_table(results: dict, detectors: list[str]) -> list[str]:
    lines = ["| detector | prompt | chars | p50 ms | p99 ms | CPU ms/call | ≤ 5 ms p50 |",
             "|---|---|---:|---:|---:|---:|---|"]
    for det in detectors:
        r = results["runs"].get(det, {})
        for name, p in r.get("prompts", {}).items():
            ok = "met" if p["latency_ms"]["p50"] <= TARGETS["prompt_p50_ms"] else "**not met**"
            lines.append(f"| {det} | {name} | {p['chars']} | {fmt(p['latency_ms']['p50'], 2)} | "
                         f"{fmt(p['latency_ms']['p99'], 2)} | {fmt(p['cpu_ms_per_call'], 2)} | {ok} |")
    return lines


def target_lines(results: dict, corpora: list[str]) -> list[str]:
    r = results["runs"].get(MEDGATE, {})
    if r.get("status") != "ok":
        return ["- medgate's detector was not measured in this run, so no target is assessed."]
    out = []

    def verdict(ok):
        return "met" if ok else "**not met**"
    for cname in corpora:
        s = results["scores"].get(MEDGATE, {}).get(cname)
        c = r.get("corpora", {}).get(cname)
        if not s or not c:
            continue
        out.append(f"- **{cname}**: recall {s['recall']:.4f} (≥ {TARGETS['recall']}: "
                   f"{verdict(s['recall'] >= TARGETS['recall'])}), precision {s['precision']:.4f} "
                   f"(≥ {TARGETS['precision']}: {verdict(s['precision'] >= TARGETS['precision'])}), "
                   f"{c['kb_per_cpu_s']:.1f} KB/s per core (≥ {TARGETS['kb_s']:.0f}: "
                   f"{verdict(c['kb_per_cpu_s'] >= TARGETS['kb_s'])})")
    p = r.get("prompts", {})
    if p:
        worst = max(v["latency_ms"]["p50"] for v in p.values())
        out.append(f"- **300-character prompt**: p50 {worst:.2f} ms (the slower of the two prompts; "
                   f"≤ {TARGETS['prompt_p50_ms']:.0f} ms: {verdict(worst <= TARGETS['prompt_p50_ms'])})")
    return out


def medgate_via(results: dict) -> str:
    via = results["runs"].get(MEDGATE, {}).get("info", {}).get("via", "")
    if via.startswith("gateway.app.build_detector"):
        return ("`gateway.app.build_detector(…)` with the default config's `medgate.phi` options and "
                "`detector: presidio`, i.e. what `medgate phi detect` runs, called as `.analyze(text)` "
                "(`gateway.phi.engine` has no `build_detector()`)")
    return "`gateway.phi.engine.build_detector().analyze(text)`"


def render_section(results: dict) -> str:
    meta, m = results["meta"], results["meta"]["machine"]
    v = meta["versions"]
    dets = meta["detectors"]
    corpora = [c for c in meta["corpora"] if results["corpora"].get(c, {}).get("status") == "ok"]
    model = meta.get("medgate_model")
    model_txt = (f"; NER model `{model['path']}`: spaCy {'+'.join(model['pipeline'] or [])}, "
                 f"{model['bytes'] / 1e6:.1f} MB, sha256 {model['sha256']}" if model else "")
    lines = [
        MARK_START, "## PHI detection", "",
        "_Generated by `make bench-phi` (`.venv/bin/python benchmarks/phi/run.py --corpus all`); "
        "the text between the `phi-bench` markers is rewritten on every run. Aggregate numbers "
        "and type names only: the leaked tokens themselves are in the gitignored raw results._", "",
        f"- **Date:** {meta['date']}",
        f"- **Machine:** {m['nproc']} CPUs ({m['cpu_model']}), {m['memory']} RAM, Linux {m['kernel']}, "
        f"Python {m['python']}; load average at start {m['loadavg_start'][0]:.2f}",
        f"- **Versions:** medgate {v['medgate']} (git {v['medgate_git']}{model_txt}), "
        f"presidio-analyzer {v['presidio_analyzer']}, spaCy {v['spacy']}",
        f"- **Command:** `make bench-phi`" + (f" (this run: `{meta['command']}`)"
                                              if meta["command"] != "benchmarks/phi/run.py --corpus all" else ""),
        "- **Detectors:** "
        + "; ".join({
            MEDGATE: "**medgate** = " + medgate_via(results),
            STOCK: "**presidio-stock** = Presidio's predefined recognizers "
                   "(`RecognizerRegistry().load_predefined_recognizers()`) on a spaCy NLP engine over "
                   "`spacy.blank(\"en\")`, Presidio's default score threshold 0. No spaCy English model "
                   "can be installed offline, so this baseline has **no NER: it finds no names, places "
                   "or organisations**, only pattern kinds (dates, phones, e-mails, URLs, IDs)",
            STOCK_MEDGATE_NER: "**presidio-stock+medgate-ner** = the same stock recognizers on medgate's "
                               "NLP engine (`gateway.phi.engine.build_nlp_engine()`)",
        }[d] for d in dets),
        "- **Scoring:** `../shared/tools/phi_score.py` (token level, type-agnostic: a gold token is "
        "caught only if every character is inside a predicted span; precision counts predicted tokens "
        "outside any gold span). PhysioNet is scored with `--ignore DateYear` (years alone are not "
        "Safe Harbor PHI). F2 weighs recall 4× precision.",
        "- **Speed:** each detector in its own process pinned to one CPU"
        + (" (medgate and presidio-stock at the same time, on CPUs 0 and 1, so a change in the host's speed "
           "hits both; the others after them, on the idlest CPU)" if meta.get("side_by_side") else
           " (the idlest at the start), one after another")
        + ", network disabled, warmed up "
        "(20 calls); every document analysed separately. KB/s per core = UTF-8 bytes of the texts "
        "(1 KB = 1000 bytes) ÷ `time.process_time()` of the detection loop; p50/p99 = per-document "
        "latency (wall).",
        "",
    ]
    for cname in corpora:
        ci = results["corpora"][cname]
        g = ci["gold"]
        extra = CORPORA[cname].get("about", "")
        if cname == "synth":
            extra = f"; generated by `python -m {SYNTH_MODULE} {' '.join(SYNTH_ARGS)}`"
        lines += [f"### {CORPORA[cname]['title']}", "",
                  f"{g['docs']:,} documents, {g['bytes'] / 1e6:.2f} MB, {g['spans']:,} gold spans{extra}.", ""]
        lines += corpus_table(cname, results, dets)
        walls = [f"{d} {results['runs'][d]['corpora'][cname]['wall_s']:.1f} s wall / "
                 f"{results['runs'][d]['corpora'][cname]['cpu_s']:.1f} s CPU"
                 for d in dets if cname in results["runs"].get(d, {}).get("corpora", {})]
        if walls:
            lines += ["", "Detection loop: " + "; ".join(walls) + "."]
        if cname == "physionet":
            lines += ["", f"The deid reference's 13.5 KB/s is the README's 2.15 MB in {DEID_REF['cpu_s']} s "
                          f"of one core; over the {DEID_TEXT_BYTES / 1e6:.2f} MB of note text this benchmark "
                          f"counts, that is {DEID_TEXT_BYTES / 1000 / DEID_REF['cpu_s']:.1f} KB/s. deid was "
                          "developed on this corpus and loads a list of its patients' names."]
        tt = type_table(cname, results, dets)
        if tt:
            lines += ["", "Recall per gold type (leaked tokens in parentheses), most frequent type first:", ""] + tt
        ft = fp_table(cname, results, dets)
        if ft:
            lines += ["", "Over-redaction by predicted type: false-positive tokens when the scorer is run on "
                          "that type's predictions alone (predicted spans of the type in parentheses):", ""] + ft
        lines.append("")
    for cname in meta["corpora"]:
        if cname not in corpora:
            lines += [f"### {CORPORA[cname]['title']}", "",
                      f"Not measured in this run: {results['corpora'].get(cname, {}).get('reason', 'unavailable')}.", ""]
    pt = prompt_table(results, dets)
    if len(pt) > 2:
        lines += ["### 300-character prompt", "",
                  f"One prompt analysed {meta['prompt_reps']} times after warm-up (wall latency per call). "
                  "\"with identifiers\" is a nurse's question carrying an invented name, MRN, DOB, dates, "
                  "hospital and phone number; \"no identifiers\" is the gateway benchmark's prompt.", ""] + pt + [""]
    lines += ["### Targets", "",
              f"Targets for medgate: recall ≥ {TARGETS['recall']} and precision ≥ {TARGETS['precision']} on "
              f"PhysioNet and on unseen text (the hand-written corpora; the synthetic split shown too), ≥ {TARGETS['kb_s']:.0f} KB/s per core, ≤ {TARGETS['prompt_p50_ms']:.0f} ms p50 "
              "for a 300-character prompt. Reference: deid 1.1 reaches recall 0.9695, precision 0.7222 at "
              "13.5 KB/s on PhysioNet.", ""]
    lines += target_lines(results, corpora)
    cli = results.get("cli_check")
    if cli:
        lines.append("")
        if cli["status"] == "equal":
            lines.append(f"`medgate phi detect` (JSONL on stdin) over the PhysioNet corpus returned exactly the "
                         f"Python API's predictions ({cli['docs_cli']:,} lines, same order; "
                         f"{cli['wall_s']:.1f} s wall including start-up).")
        elif cli["status"] == "equal except scores" and cli["max_score_diff"] <= 5e-5 + 1e-12:
            lines.append(f"`medgate phi detect` (JSONL on stdin) over the PhysioNet corpus returned the Python "
                         f"API's entities exactly (types and offsets, {cli['docs_cli']:,} lines, same order); "
                         f"scores differ by at most {cli['max_score_diff']:.1e}, i.e. the CLI rounds them "
                         f"to 4 decimals ({cli['docs_scores_different']:,} documents affected). "
                         f"{cli['wall_s']:.1f} s wall including start-up.")
        elif cli["status"] in ("different", "equal except scores"):
            detail = cli.get("reason") or (
                f"{cli['docs_different']:,} documents with different spans, {cli['docs_scores_different']:,} "
                f"with different scores only, {cli['docs_cli']:,} lines for {cli['docs_api']:,} documents, "
                f"same order: {'yes' if cli['same_order'] else 'no'}"
                + (f", extra entity keys: {', '.join(cli['extra_entity_keys'])}" if cli['extra_entity_keys'] else ""))
            lines.append(f"**`medgate phi detect` over the PhysioNet corpus did not match the Python API "
                         f"({cli['status']}):** {detail}.")
        else:
            lines.append(f"`medgate phi detect` check: {cli['status']} ({cli.get('reason', '')}).")
    if meta.get("notes"):
        lines += ["", "Notes from this run:", ""] + [f"- {n}" for n in meta["notes"]]
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


def console_summary(results: dict) -> None:
    dets = results["meta"]["detectors"]
    for cname, ci in results["corpora"].items():
        if ci.get("status") != "ok":
            print(f"\n{cname}: not measured ({ci.get('reason')})")
            continue
        print(f"\n{CORPORA[cname]['title']}: {ci['gold']['docs']} docs, {ci['gold']['bytes'] / 1e6:.2f} MB")
        print(f"{'detector':28s} {'recall':>7s} {'prec':>7s} {'F2':>7s} {'leaked':>7s} "
              f"{'KB/s/core':>9s} {'p50ms':>7s} {'p99ms':>7s} {'wall s':>7s}")
        for det in dets:
            r = results["runs"].get(det, {})
            s = results["scores"].get(det, {}).get(cname)
            c = r.get("corpora", {}).get(cname)
            if not s or not c:
                print(f"{det:28s} {r.get('status')}: {r.get('reason', '')}")
                continue
            print(f"{det:28s} {s['recall']:7.4f} {s['precision']:7.4f} {s['f2']:7.4f} {s['leaked']:7d} "
                  f"{c['kb_per_cpu_s']:9.1f} {c['latency_ms']['p50']:7.2f} {c['latency_ms']['p99']:7.2f} "
                  f"{c['wall_s']:7.1f}")
        for det in dets:
            s = results["scores"].get(det, {}).get(cname)
            if s:
                worst = sorted(s["per_type"].items(), key=lambda kv: -kv[1]["leaked"])[:5]
                print(f"  {det} leaks most: " + ", ".join(f"{t} {d['leaked']}/{d['tokens']}" for t, d in worst))
    for det in dets:
        for name, p in results["runs"].get(det, {}).get("prompts", {}).items():
            print(f"prompt [{det}, {name}, {p['chars']} chars]: p50 {p['latency_ms']['p50']:.2f} ms "
                  f"p99 {p['latency_ms']['p99']:.2f} ms")
    if results.get("cli_check"):
        print(f"medgate phi detect vs Python API: {results['cli_check']['status']}")


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    ap.add_argument("--detectors", default="auto",
                    help=f"comma-separated from {','.join(ALL)}; 'auto' = medgate,presidio-stock, plus "
                         "presidio-stock+medgate-ner when gateway.phi.engine.build_nlp_engine exists")
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus (quick run; "
                    "implies --no-docs unless --docs)")
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    ap.add_argument("--docs", action="store_true", help="rewrite docs/benchmarks.md even with --limit")
    ap.add_argument("--prompt-reps", type=int, default=500)
    ap.add_argument("--show-leaks", type=int, default=30, help="LEAK lines kept in the raw results")
    ap.add_argument("--no-cli-check", action="store_true")
    ap.add_argument("--no-pin", action="store_true", help="do not pin each detector to one CPU")
    ap.add_argument("--sequential", action="store_true",
                    help="run medgate and presidio-stock one after the other instead of side by side")
    a = ap.parse_args(argv)

    if a.detectors == "auto":
        dets = [MEDGATE, STOCK] + ([STOCK_MEDGATE_NER] if has_build_nlp_engine() else [])
    else:
        dets = [d.strip() for d in a.detectors.split(",") if d.strip()]
        unknown = set(dets) - set(ALL)
        if unknown:
            ap.error(f"unknown detectors {sorted(unknown)}; choose from {ALL}")
    corpora = list(CORPORA) if a.corpus == "all" else [a.corpus]
    if not SCORER.exists():
        ap.error(f"reference scorer not found at {SCORER}")
    write_docs = not a.no_docs and (not a.limit or a.docs)

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    run_dir = RESULTS / f"phi-{stamp}"
    run_dir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    cmd_txt = "benchmarks/phi/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results: dict = {"meta": {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "command": cmd_txt.strip(),
        "machine": machine_info(), "detectors": dets, "corpora": corpora, "limit": a.limit,
        "prompt_reps": a.prompt_reps, "notes": notes,
        "versions": {"medgate": version("medgate"), "medgate_git": git_rev(),
                     "presidio_analyzer": version("presidio_analyzer"), "spacy": version("spacy"),
                     "tldextract": version("tldextract")},
        "medgate_model": medgate_model_info()},
        "corpora": {}, "runs": {}, "scores": {}}
    if a.limit:
        notes.append(f"quick run: first {a.limit} documents of each corpus only")

    # Corpus text goes to a temporary directory outside the repository, removed at the end.
    with tempfile.TemporaryDirectory(prefix="phi-bench-") as tmp_s:
        tmp = Path(tmp_s)
        golds: dict[str, Path] = {}
        for cname in corpora:
            if cname == "physionet":
                if not PHYSIONET.exists():
                    results["corpora"][cname] = {"status": "unavailable", "reason": f"{PHYSIONET} not found"}
                    continue
                src, info = PHYSIONET, {"status": "ok", "path": str(PHYSIONET)}
            elif cname.startswith("unseen"):
                src, info = make_unseen(tmp, notes, cname)
                if src is None:
                    results["corpora"][cname] = info
                    continue
            else:
                src, info = make_synth(tmp, notes)
                if src is None:
                    results["corpora"][cname] = info
                    continue
            docs = read_jsonl(src)
            if a.limit:
                docs = docs[: a.limit]
                src = tmp / f"gold-{cname}.jsonl"
                src.write_text("".join(json.dumps(d) + "\n" for d in docs))
            info["gold"] = check_gold(docs)
            if info["gold"]["bad_offsets"] or info["gold"]["span_text_mismatch"] or info["gold"]["duplicate_ids"]:
                notes.append(f"{cname} gold: {info['gold']['bad_offsets']} spans with bad offsets, "
                             f"{info['gold']['span_text_mismatch']} whose text differs from the note at "
                             f"their offsets, {info['gold']['duplicate_ids']} duplicate ids")
            inputs = tmp / f"inputs-{cname}.jsonl"
            inputs.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs))
            golds[cname] = src
            info["inputs"] = inputs
            results["corpora"][cname] = info
            log(f"{cname}: {len(docs)} docs, {info['gold']['bytes'] / 1e6:.2f} MB")

        cpu = None if a.no_pin else idlest_cpu()
        results["meta"]["pinned_cpu"] = cpu

        def jobs(det: str) -> list[dict]:
            return [{"name": c, "inputs": str(results["corpora"][c]["inputs"]),
                     "pred_out": str(run_dir / f"pred-{det}-{c}.jsonl")} for c in golds]

        # medgate and its baseline side by side, one CPU each, when the machine has two.
        pair = [d for d in (MEDGATE, STOCK) if d in dets]
        together = (not a.sequential and cpu is not None and len(pair) == 2 and (os.cpu_count() or 1) >= 2)
        results["meta"]["side_by_side"] = pair if together else []
        if together:
            log(f"{' and '.join(pair)}: building and running side by side on CPUs 0 and 1")
            ran = run_workers([(pair[0], jobs(pair[0]), 0), (pair[1], jobs(pair[1]), 1)], tmp, a.prompt_reps)
        else:
            ran = {}
        for det in dets:
            if det in ran:
                r = ran[det]
            else:
                log(f"{det}: building and running on {', '.join(golds) or 'prompts only'}")
                r = run_worker(det, jobs(det), tmp, cpu, a.prompt_reps)
            results["runs"][det] = r
            if r.get("status") != "ok":
                log(f"{det}: {r.get('status')}: {r.get('reason')}")
                if r.get("status") == "error":
                    notes.append(f"{det} failed: {r.get('reason', '').split(':')[0]} (see raw results)")
                else:
                    notes.append(f"{det} not measured: {r.get('reason')}")
                continue
            if r.get("network_attempts"):
                notes.append(f"{det} attempted {len(r['network_attempts'])} network connection(s) "
                             "(refused; see raw results)")
            results["scores"][det] = {}
            for cname, gold in golds.items():
                log(f"{det}: scoring {cname}")
                pred = run_dir / f"pred-{det}-{cname}.jsonl"
                s = score(gold, pred, CORPORA[cname]["ignore"],
                          0 if CORPORA[cname].get("hide_leaks") else a.show_leaks)
                s["false_pos_by_pred_type"] = false_positives_by_type(gold, pred, CORPORA[cname]["ignore"], tmp)
                results["scores"][det][cname] = s

        if (MEDGATE in dets and "physionet" in golds and not a.no_cli_check
                and results["runs"].get(MEDGATE, {}).get("status") == "ok"):
            log("checking `medgate phi detect` against the Python API on PhysioNet")
            results["cli_check"] = cli_check(results["corpora"]["physionet"]["inputs"],
                                             run_dir / f"pred-{MEDGATE}-physionet.jsonl")
            if results["cli_check"]["status"] not in ("equal", "unavailable"):
                notes.append("`medgate phi detect` output differs from the Python API (see below)")

        for info in results["corpora"].values():
            info.pop("inputs", None)

    results["meta"]["machine"]["loadavg_end"] = os.getloadavg()
    raw = RESULTS / f"phi-{stamp}.json"
    raw.write_text(json.dumps(results, indent=1, default=str))
    console_summary(results)
    log(f"raw results (with leak lines: PHI, do not commit): {raw}; predictions: {run_dir}/")
    if write_docs:
        replace_section(render_section(results), MARK_START, MARK_END, DOCS)
        log(f"updated the PHI detection section of {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
