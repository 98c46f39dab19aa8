"""One detector, measured in its own process: ``worker.py JOB.json RESULT.json``.

Builds the detector once, warms it up, then for each corpus analyses every document
separately, single-threaded, timing the whole loop with ``time.process_time()`` (CPU
seconds of this process) and ``time.perf_counter()`` (wall), and each call with
``perf_counter()``. Writes the predictions as scorer JSONL
(``{"id", "entities": [{"type", "start", "end", "score"}]}``) and the timings as JSON.
Then times the short prompts (``prompt_reps`` calls each).

Network: the process refuses every non-loopback connection and DNS lookup, and the
result records any attempt, so a detector that tries to download something is seen.
"""
from __future__ import annotations

import ipaddress
import json
import os
import resource
import socket
import sys
import threading
import time
import traceback
from pathlib import Path

NETWORK_ATTEMPTS: list[str] = []


def _is_local(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard_network() -> None:
    real_connect, real_connect_ex, real_gai = (socket.socket.connect, socket.socket.connect_ex,
                                               socket.getaddrinfo)

    def check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            NETWORK_ATTEMPTS.append(f"connect {address[0]}:{address[1]}")
            raise ConnectionRefusedError(f"phi benchmark: network disabled ({address[0]})")

    def connect(self, address):
        check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        h = host.decode() if isinstance(host, bytes) else host
        if not _is_local(h):
            NETWORK_ATTEMPTS.append(f"resolve {h}")
            raise socket.gaierror(socket.EAI_NONAME, f"phi benchmark: network disabled ({h})")
        return real_gai(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo


def percentile(sorted_vals: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 1]) of an already sorted list."""
    if not sorted_vals:
        return float("nan")
    k = (len(sorted_vals) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def latency_summary(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {"n": len(ms), "p50": percentile(ms, 0.50), "p90": percentile(ms, 0.90),
            "p99": percentile(ms, 0.99), "mean": sum(ms) / max(1, len(ms)),
            "max": ms[-1] if ms else float("nan")}


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def run_corpus(analyze, corpus: dict) -> dict:
    docs = [json.loads(line) for line in open(corpus["inputs"], encoding="utf-8") if line.strip()]
    texts = [d["text"] for d in docs]
    lat: list[float] = []
    found: list[list] = []
    pc = time.perf_counter
    threads_before = _threads()
    cpu0, wall0 = time.process_time(), pc()
    for text in texts:
        t0 = pc()
        found.append(analyze(text))
        lat.append(pc() - t0)
    cpu, wall = time.process_time() - cpu0, pc() - wall0
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    with open(corpus["pred_out"], "w", encoding="utf-8") as out:
        for d, ents in zip(docs, found):
            out.write(json.dumps({"id": d["id"], "entities": [
                {"type": t, "start": s, "end": e, "score": sc} for t, s, e, sc in ents]}) + "\n")
    return {"docs": len(texts), "bytes": nbytes, "chars": sum(map(len, texts)),
            "cpu_s": cpu, "wall_s": wall,
            "kb_per_cpu_s": nbytes / 1000 / cpu if cpu > 0 else None,
            "kb_per_wall_s": nbytes / 1000 / wall if wall > 0 else None,
            "latency_ms": latency_summary(lat), "findings": sum(map(len, found)),
            "threads": [threads_before, _threads()]}


def run_prompt(analyze, text: str, reps: int) -> dict:
    lat: list[float] = []
    pc = time.perf_counter
    cpu0 = time.process_time()
    for _ in range(reps):
        t0 = pc()
        findings = analyze(text)
        lat.append(pc() - t0)
    cpu = time.process_time() - cpu0
    return {"chars": len(text), "reps": reps, "latency_ms": latency_summary(lat),
            "cpu_ms_per_call": cpu * 1000 / reps, "findings_per_call": len(findings),
            "finding_types": sorted({f[0] for f in findings})}


def main(job_path: str, result_path: str) -> int:
    job = json.loads(Path(job_path).read_text())
    result: dict = {"detector": job["detector"], "status": "ok", "corpora": {}, "prompts": {}}
    if job.get("cpu") is not None:
        try:
            os.sched_setaffinity(0, {job["cpu"]})
            result["cpu"] = job["cpu"]
        except OSError:
            result["cpu"] = None
    _guard_network()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from detectors import BUILDERS, Unavailable
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        try:
            analyze, info = BUILDERS[job["detector"]]()
        except Unavailable as exc:
            result.update(status="unavailable", reason=str(exc))
            return _finish(result, result_path)
        result["build_s"] = time.perf_counter() - t0
        result["build_cpu_s"] = time.process_time() - cpu0
        result["info"] = info
        if "torch" in sys.modules:   # single-threaded, like the rest
            sys.modules["torch"].set_num_threads(1)
        warm = job.get("prompts", [{"text": "Pt seen today, BP 120/80."}])[0]["text"]
        for _ in range(job.get("warmup", 20)):
            analyze(warm)
        for corpus in job["corpora"]:
            result["corpora"][corpus["name"]] = run_corpus(analyze, corpus)
        for prompt in job.get("prompts", []):
            result["prompts"][prompt["name"]] = run_prompt(analyze, prompt["text"],
                                                           job.get("prompt_reps", 500))
    except Exception as exc:
        result.update(status="error", reason=f"{type(exc).__name__}: {exc}",
                      traceback=traceback.format_exc(limit=8))
    return _finish(result, result_path)


def _finish(result: dict, result_path: str) -> int:
    result["network_attempts"] = NETWORK_ATTEMPTS
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(result_path).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
