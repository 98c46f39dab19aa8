"""Gateway overhead benchmark: direct vs medgate vs LiteLLM proxy, one worker each.

Run with ``make bench-gateway`` (i.e. ``.venv/bin/python benchmarks/gateway/run.py``).

One run measures, against the same fake upstream (``fake_upstream.py``):

* ``direct``          load generator -> fake upstream
* ``medgate``         load generator -> ``medgate serve --workers 1`` (fast path) -> upstream,
                      passthrough: ``medgate: {phi: {detector: none}}``
* ``medgate-phi``     the same with PHI detection on (the default config)
* ``medgate-router``  passthrough with ``medgate: {fast_path: false}`` (litellm Router)
* ``litellm``         load generator -> ``litellm --num_workers 1`` (proxy 1.106.2) -> upstream

at concurrency 1 and 32 (non-streaming) plus one streaming measurement at
concurrency 32 (time to last byte).  "Added" latency is the gateway's latency
minus the direct latency at the same concurrency.  Everything talks to
127.0.0.1 only.  On a machine with >= 2 CPUs the gateway under test is pinned
to one CPU and the fake upstream + load generator to the other(s) (taskset), so
"one worker" really means one core and the load side does not steal from it.

Writes ``benchmarks/gateway/results/*.json`` and rewrites the "Gateway overhead"
section of ``docs/benchmarks.md`` (between the gateway-bench markers).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = HERE / "results"
DOCS = ROOT / "docs" / "benchmarks.md"
LITELLM_VENV = HERE / ".venv-litellm"
LITELLM_VERSION = "1.106.2"
MEDGATE_BIN = ROOT / ".venv" / "bin" / "medgate"
MASTER_KEY = "sk-bench-master"
MARK_START = "<!-- gateway-bench:start -->"
MARK_END = "<!-- gateway-bench:end -->"
COMMAND = "make bench-gateway"  # runs: .venv/bin/python benchmarks/gateway/run.py

sys.path[:0] = [str(HERE), str(HERE.parent)]
from loadgen import PROMPT  # noqa: E402
from report import replace_section  # noqa: E402

# (name, concurrency, stream, seconds)
PHASES = [
    ("c1", 1, False, 6.0),
    ("c32", 32, False, 8.0),
    ("c32-stream", 32, True, 5.0),
]
QUICK_PHASES = [
    ("c1", 1, False, 2.0),
    ("c32", 32, False, 3.0),
    ("c32-stream", 32, True, 2.0),
]
RETRY_BUDGET_S = 240.0  # no noisy-phase re-measurements after this many seconds into the run
MAX_REMEASURE = 2       # extra attempts for a phase disturbed by other processes
PHASE_QUIET_WAIT_S = 20.0
OTHER_CPU_LIMIT = 25.0  # % of one CPU used by others during a phase before we flag it
TARGETS = ["direct", "medgate", "medgate-phi", "medgate-router", "litellm"]
RUN_ORDER = ["direct", "medgate", "litellm", "medgate-phi", "medgate-router"]
LABELS = {
    "direct": "direct (no gateway)",
    "medgate": "medgate (fast path, passthrough)",
    "medgate-phi": "medgate (fast path, PHI detection on: the default)",
    "medgate-router": "medgate (fast_path: false, litellm Router, passthrough)",
    "litellm": f"LiteLLM proxy {LITELLM_VERSION}",
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------- helpers

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 2.0) -> int:
    req = urllib.request.Request(url, method="GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def cpu_layout(no_pin: bool) -> tuple[list[int] | None, list[int] | None]:
    """(gateway cpus, load-side cpus), or (None, None) when not pinning."""
    cpus = sorted(os.sched_getaffinity(0))
    if no_pin or len(cpus) < 2 or not shutil.which("taskset"):
        return None, None
    return [cpus[1]], [c for c in cpus if c != cpus[1]]


def pinned(cmd: list[str], cpus: list[int] | None) -> list[str]:
    if not cpus:
        return cmd
    return ["taskset", "-c", ",".join(map(str, cpus))] + cmd


CLK_TCK = os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def tree_cpu_seconds(pid: int) -> float:
    """user+system CPU seconds of a process and all its live descendants."""
    total = 0
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLK_TCK


def wait_for_quiet(max_wait: float, threshold_pct: float = 15.0) -> float:
    """Wait (up to max_wait s) until the machine's busy CPU over 1 s is below threshold_pct
    of one CPU — e.g. until someone's test run has finished. Returns the last reading."""
    deadline = time.monotonic() + max_wait
    warned = False
    while True:
        b0, t0 = system_busy_seconds(), time.monotonic()
        time.sleep(1.0)
        pct = 100.0 * (system_busy_seconds() - b0) / (time.monotonic() - t0)
        if pct < threshold_pct or time.monotonic() >= deadline:
            return pct
        if not warned:
            log(f"machine busy ({pct:.0f}% of a CPU used by other processes); waiting up to "
                f"{max_wait:.0f}s for it to go quiet ...")
            warned = True


def system_busy_seconds() -> float:
    """Machine-wide non-idle CPU seconds since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        vals = [int(x) for x in f.readline().split()[1:]]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
    busy = sum(vals[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / CLK_TCK


class Proc:
    """A child process in its own session (so the whole tree can be stopped by id)."""

    def __init__(self, name: str, cmd: list[str], env: dict, logdir: Path, cwd: Path | None = None):
        self.name = name
        self.cmd = cmd
        self.logpath = logdir / f"{name}.log"
        self.logfile = open(self.logpath, "wb")
        self.popen = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=self.logfile,
                                      stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log_tail(self, n: int = 40) -> str:
        self.logfile.flush()
        try:
            lines = self.logpath.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])

    def stop(self) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
        self.logfile.close()


def wait_ready(proc: Proc, url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited with code {proc.popen.returncode} before "
                               f"becoming ready:\n{proc.log_tail()}")
        try:
            if http_get(url) == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{proc.name} not ready at {url} after {timeout:.0f}s:\n{proc.log_tail()}")


# --------------------------------------------------------------------------- setup

def ensure_litellm_venv() -> Path:
    exe = LITELLM_VENV / "bin" / "litellm"
    py = LITELLM_VENV / "bin" / "python"
    if exe.exists() and py.exists() and venv_version(py, "litellm") == LITELLM_VERSION:
        return exe
    log(f"installing litellm[proxy]=={LITELLM_VERSION} into {LITELLM_VENV.relative_to(ROOT)} ...")
    if not py.exists():
        subprocess.run(["python3", "-m", "venv", str(LITELLM_VENV)],
                       check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "uv"],
                   check=True)
    subprocess.run([str(LITELLM_VENV / "bin" / "uv"), "pip", "install", "-q", "--python", str(py),
                    f"litellm[proxy]=={LITELLM_VERSION}"], check=True)
    return exe


def venv_version(py: Path, dist: str) -> str | None:
    try:
        out = subprocess.run([str(py), "-c", "import importlib.metadata as m,sys;"
                              f"print(m.version({dist!r}))"],
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                                "gateway"], capture_output=True, text=True, timeout=10).stdout
        return rev + ("+dirty" if dirty.strip() else "") if rev else "unknown"
    except OSError:
        return "unknown"


def machine_info() -> dict:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, IndexError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    with contextlib.suppress(OSError):
        if " hypervisor" in Path("/proc/cpuinfo").read_text():
            model += ", virtual machine"
    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "cpu_model": model, "memory": mem, "kernel": platform.release(),
            "python": platform.python_version()}


def host_speed(cpus: list[int] | None) -> float:
    """Milliseconds for a fixed pure-Python workload on the gateway CPU (best of 5).
    Shared/virtual hosts drift; this shows how fast the machine was during this run."""
    import json as _json
    old = os.sched_getaffinity(0)
    if cpus:
        os.sched_setaffinity(0, cpus)
    try:
        doc = {"model": "bench-model", "messages": [{"role": "user", "content": PROMPT}] * 4}
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            for i in range(5000):
                _json.loads(_json.dumps(doc))
                sum(range(200))
            best = min(best, time.perf_counter() - t0)
        return 1000.0 * best
    finally:
        os.sched_setaffinity(0, old)


def medgate_config(upstream_port: int, fast_path: bool, phi: bool = False) -> str:
    lines = [
        "model_list:",
        "  - model_name: bench-model",
        "    litellm_params:",
        "      model: openai/bench-model",
        f"      api_base: http://127.0.0.1:{upstream_port}/v1",
        "      api_key: sk-fake",
        "    baa: true",
        "router_settings:",
        "  num_retries: 0",
        "  timeout: 30",
        "medgate:",
        "  max_body_bytes: 1048576",
    ]
    if not fast_path:
        lines.append("  fast_path: false")
    if not phi:   # passthrough: what the proxy itself costs
        lines.append("  phi: {detector: none}")
    return "\n".join(lines) + "\n"


def litellm_config(upstream_port: int, master_key: bool = True) -> str:
    s = ("model_list:\n"
         "  - model_name: bench-model\n"
         "    litellm_params: {model: openai/bench-model, "
         f"api_base: 'http://127.0.0.1:{upstream_port}/v1', api_key: sk-fake}}\n")
    if master_key:
        s += f"general_settings: {{master_key: {MASTER_KEY}}}\n"
    s += "litellm_settings: {num_retries: 0, request_timeout: 30, telemetry: false}\n"
    return s


def base_env() -> dict:
    env = dict(os.environ)
    for k in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env.pop(k, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PYTHONUNBUFFERED"] = "1"
    return env


# --------------------------------------------------------------------------- measuring

def run_loadgen(base: str, key: str, conc: int, stream: bool, seconds: float, warmup: float,
                cpus: list[int] | None, watch: list[int]) -> dict:
    cmd = pinned([sys.executable, str(HERE / "loadgen.py"), "--base", base, "--key", key,
                  "--concurrency", str(conc), "--duration", str(seconds), "--warmup", str(warmup)]
                 + (["--stream"] if stream else []), cpus)
    before = [tree_cpu_seconds(p) for p in watch]
    sys0, kids0, t0 = system_busy_seconds(), resource.getrusage(resource.RUSAGE_CHILDREN), \
        time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + warmup + 120,
                         env=base_env())
    sys1, kids1, t1 = system_busy_seconds(), resource.getrusage(resource.RUSAGE_CHILDREN), \
        time.monotonic()
    after = [tree_cpu_seconds(p) for p in watch]
    if out.returncode != 0:
        raise RuntimeError(f"loadgen failed ({out.returncode}): {out.stderr[-2000:]}")
    res = json.loads(out.stdout)
    total = res["requests"] + res["errors"] + res["warmup_requests"]
    res["cpu_ms_per_request"] = [1000.0 * (a - b) / total if total else None
                                 for a, b in zip(after, before)]
    # CPU used by neither the watched processes nor the load generator (other processes on
    # the machine, plus kernel softirq work for loopback networking), as % of one CPU.
    ours = sum(a - b for a, b in zip(after, before)) + (
        kids1.ru_utime - kids0.ru_utime + kids1.ru_stime - kids0.ru_stime)
    res["other_cpu_pct"] = 100.0 * max(0.0, (sys1 - sys0) - ours) / (t1 - t0)
    return res


def measure_target(name: str, base: str, key: str, phases, load_cpus, watch: list[int],
                   warm_s: float, retry_until: float) -> dict:
    # Target warm-up (imports, pools, caches, JIT-ish lazy paths); results discarded.
    w1 = run_loadgen(base, key, 32, False, warm_s, 0.3, load_cpus, watch)
    w2 = run_loadgen(base, key, 32, True, max(1.0, warm_s / 3), 0.3, load_cpus, watch)
    for w in (w1, w2):
        if w["errors"] and not w["requests"]:
            raise RuntimeError(f"all warm-up requests failed: {w['error_samples']}")
    log(f"  {name}: warm-up done ({w1['throughput_rps']:.0f} req/s, stream "
        f"{w2['throughput_rps']:.0f} req/s)")
    out = {}
    for pname, conc, stream, seconds in phases:
        wait_for_quiet(PHASE_QUIET_WAIT_S)
        r = run_loadgen(base, key, conc, stream, seconds, 0.5, load_cpus, watch)
        tries = 1
        while (r["other_cpu_pct"] > OTHER_CPU_LIMIT and tries <= MAX_REMEASURE
               and time.monotonic() < retry_until):
            # Someone else used the CPUs meanwhile (e.g. a test run): wait, measure again,
            # keep the quietest measurement.
            log(f"  {name} {pname}: {r['other_cpu_pct']:.0f}% of a CPU used by others; "
                "re-measuring once the machine is quiet")
            wait_for_quiet(min(30.0, max(0.0, retry_until - time.monotonic())))
            r2 = run_loadgen(base, key, conc, stream, seconds, 0.5, load_cpus, watch)
            tries += 1
            if r2["other_cpu_pct"] < r["other_cpu_pct"]:
                r = r2
        r["attempts"] = tries
        out[pname] = r
        lat = r["latency_ms"]
        log(f"  {name} {pname:>10}: {r['requests']:6d} ok {r['errors']:3d} err  "
            f"p50 {lat.get('p50', float('nan')):8.2f} ms  p99 {lat.get('p99', float('nan')):8.2f} ms"
            f"  {r['throughput_rps']:8.1f} req/s  loadgen cpu {r['loadgen_cpu_pct']:.0f}%"
            f"  other cpu {r['other_cpu_pct']:.0f}%"
            + (f"  [{r['validation']}]" if r["validation"] else ""))
    return out


def start_gateway(name: str, upstream_port: int, tmp: Path, logdir: Path, gw_cpus) -> tuple[Proc, str, str]:
    port = free_port()
    env = base_env()
    if name.startswith("medgate"):
        if not MEDGATE_BIN.exists():
            raise RuntimeError(f"{MEDGATE_BIN} does not exist (run `make venv`)")
        cfg = tmp / f"{name}.yaml"
        cfg.write_text(medgate_config(upstream_port, fast_path=(name != "medgate-router"),
                                      phi=(name == "medgate-phi")))
        home = tmp / f"{name}-home"
        home.mkdir()
        env.update(MEDGATE_MASTER_KEY=MASTER_KEY, MEDGATE_HOME=str(home))
        cmd = [str(MEDGATE_BIN), "serve", "--config", str(cfg), "--host", "127.0.0.1", "--port", str(port),
               "--workers", "1"]
        proc = Proc(name, pinned(cmd, gw_cpus), env, logdir, cwd=tmp)
        wait_ready(proc, f"http://127.0.0.1:{port}/readyz", timeout=120)
        return proc, f"http://127.0.0.1:{port}", MASTER_KEY
    if name == "litellm":
        exe = ensure_litellm_venv()
        cfg = tmp / "litellm.yaml"
        cfg.write_text(litellm_config(upstream_port))
        env.update(LITELLM_LOCAL_MODEL_COST_MAP="True", LITELLM_DONT_SHOW_FEEDBACK_BOX="true",
                   LITELLM_TELEMETRY="False", DISABLE_SCHEMA_UPDATE="True",
                   DO_NOT_TRACK="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
        env.pop("DATABASE_URL", None)
        cmd = [str(exe), "--config", str(cfg), "--host", "127.0.0.1", "--port", str(port),
               "--num_workers", "1"]
        proc = Proc(name, pinned(cmd, gw_cpus), env, logdir, cwd=tmp)
        wait_ready(proc, f"http://127.0.0.1:{port}/health/liveliness", timeout=180)
        return proc, f"http://127.0.0.1:{port}", MASTER_KEY
    raise ValueError(name)


# --------------------------------------------------------------------------- report

def _fmt(v, nd=1) -> str:
    if v is None or v != v:  # None or NaN
        return "–"
    return f"{v:,.{nd}f}"


def build_rows(results: dict, phases) -> list[dict]:
    direct = results.get("direct", {}).get("phases", {})
    rows = []
    for target in TARGETS:
        res = results.get(target)
        if res is None:
            continue
        for pname, conc, stream, _ in phases:
            ph = res.get("phases", {}).get(pname)
            row = {"target": target, "phase": pname, "concurrency": conc, "stream": stream}
            if res.get("error"):
                row["error"] = res["error"].splitlines()[0][:160]
                rows.append(row)
                continue
            if not ph:
                continue
            lat = ph["latency_ms"]
            d = direct.get(pname, {}).get("latency_ms", {})
            row.update(p50=lat.get("p50"), p99=lat.get("p99"), rps=ph["throughput_rps"],
                       errors=ph["errors"], requests=ph["requests"],
                       cpu_ms=(ph["cpu_ms_per_request"] or [None])[0] if target != "direct"
                       else None)
            if target != "direct" and d:
                row["added_p50"] = lat["p50"] - d["p50"]
                row["added_p99"] = lat["p99"] - d["p99"]
            rows.append(row)
    return rows


def markdown_table(rows: list[dict]) -> str:
    out = ["| target | load | p50 ms | p99 ms | added p50 ms | added p99 ms | req/s "
           "| gateway CPU ms/req | errors |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        load = f"c={r['concurrency']}" + (" stream (TTLB)" if r["stream"] else "")
        if "error" in r:
            out.append(f"| {LABELS[r['target']]} | {load} | failed: {r['error']} | | | | | | |")
            continue
        out.append(f"| {LABELS[r['target']]} | {load} | {_fmt(r['p50'], 2)} | {_fmt(r['p99'], 2)} "
                   f"| {_fmt(r.get('added_p50'), 2)} | {_fmt(r.get('added_p99'), 2)} "
                   f"| {_fmt(r['rps'], 0)} | {_fmt(r.get('cpu_ms'), 2)} | {r['errors']} |")
    return "\n".join(out)


def ratios(rows: list[dict]) -> list[str]:
    idx = {(r["target"], r["phase"]): r for r in rows if "error" not in r}
    lines = []
    lit32 = idx.get(("litellm", "c32"))
    lit1 = idx.get(("litellm", "c1"))
    for target in ("medgate", "medgate-phi", "medgate-router"):
        m32, m1 = idx.get((target, "c32")), idx.get((target, "c1"))
        if not (m32 and lit32):
            lines.append(f"- {LABELS[target]}: no ratio (a run is missing).")
            continue
        thr = m32["rps"] / lit32["rps"] if lit32["rps"] else float("nan")
        parts = [f"- **{LABELS[target]}**: throughput at c=32 is **{thr:.1f}×** LiteLLM's "
                 f"({m32['rps']:,.0f} vs {lit32['rps']:,.0f} req/s, one worker each)"]
        if target == "medgate":
            parts.append(f" — target ≥ 5×: **{'met' if thr >= 5 else 'not met'}**")
        if m1 and lit1 and m1.get("added_p50") is not None and lit1.get("added_p50") is not None:
            a, b = m1["added_p50"], lit1["added_p50"]
            rel = f", {b / a:.1f}× less" if a > 0 and b > a else ""
            parts.append(f"; added p50 latency at c=1 is **{a:.2f} ms** vs LiteLLM's "
                         f"{b:.2f} ms{rel}")
        if m32.get("added_p50") is not None and lit32.get("added_p50") is not None:
            parts.append(f" (at c=32: {m32['added_p50']:.1f} ms vs {lit32['added_p50']:.1f} ms)")
        if m32.get("cpu_ms") and lit32.get("cpu_ms"):
            parts.append(f"; CPU per request at c=32 is {m32['cpu_ms']:.2f} ms vs "
                         f"{lit32['cpu_ms']:.2f} ms ({lit32['cpu_ms'] / m32['cpu_ms']:.1f}× less)")
        lines.append("".join(parts) + ".")
    return lines


def render_section(meta: dict, rows: list[dict], phases) -> str:
    m = meta["machine"]
    v = meta["versions"]
    pin = meta["pinning"]
    if pin["gateway_cpus"]:
        cpus = lambda c: ",".join(map(str, c))  # noqa: E731
        pin_txt = (f"the gateway under test is pinned to CPU {cpus(pin['gateway_cpus'])} and the "
                   f"fake upstream + load generator to CPU {cpus(pin['load_cpus'])} (`taskset`); "
                   "the direct run uses only the load-side CPU(s)")
    else:
        pin_txt = "no CPU pinning (all processes share all CPUs)"
    phase_txt = ", ".join(f"{p} {s:g} s" for p, _, _, s in phases)
    lines = [
        MARK_START,
        "## Gateway overhead",
        "",
        f"_Generated by `{COMMAND}` (`.venv/bin/python benchmarks/gateway/run.py`); the text "
        "between the `gateway-bench` markers is rewritten on every run._",
        "",
        f"- **Date:** {meta['date']}",
        f"- **Machine:** {m['nproc']} CPUs ({m['cpu_model']}), {m['memory']} RAM, Linux "
        f"{m['kernel']}, Python {m['python']}; reference loop {meta['host_speed_ms']:.0f} ms "
        "(a fixed pure-Python workload; lower = faster host — absolute numbers move with it, "
        "compare targets within one run)",
        f"- **Versions:** medgate {v['medgate']} (git {v['medgate_git']}; its litellm SDK "
        f"{v['medgate_litellm']}), LiteLLM proxy {v['litellm_proxy']} (separate venv)",
        f"- **Command:** `{COMMAND}`",
        f"- **Setup:** one worker per gateway; {pin_txt}. All traffic on 127.0.0.1. A "
        "raw-asyncio fake OpenAI upstream answers instantly with a canned `chat.completion` "
        f"(SSE with `data: [DONE]` for streams); the prompt is a {len(PROMPT)}-character "
        "synthetic clinical question (a nurse asking about metformin dosing at eGFR 38). "
        "Closed-loop aiohttp load generator with keep-alive connections, in its own process; "
        f"each target is warmed up first, then measured for {phase_txt}.",
        "",
        markdown_table(rows),
        "",
        "**Ratios**",
        "",
        *ratios(rows),
        "",
        "How to read it: *added* = gateway latency − direct latency at the same concurrency "
        "(p50 and p99 separately). At c=32 every gateway is saturated, so its latency there is "
        "mostly queueing (≈ 32 / throughput) and the throughput column is the per-worker "
        "capacity. *Gateway CPU ms/req* is the gateway process tree's user+system CPU time "
        "divided by the requests it served (1000 / that ≈ the req/s one core could sustain). "
        "Streaming latency is time to last byte. Raw numbers: "
        "`benchmarks/gateway/results/` (not committed).",
    ]
    if meta.get("notes"):
        lines += ["", "Notes from this run:", ""] + [f"- {n}" for n in meta["notes"]]
    lines.append(MARK_END)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="gateway overhead benchmark")
    ap.add_argument("--targets", default=",".join(TARGETS),
                    help=f"comma-separated subset of {','.join(TARGETS)} (direct is always run)")
    ap.add_argument("--quick", action="store_true", help="short phases (smoke test)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin processes to CPUs")
    ap.add_argument("--wait-idle", type=float, default=30.0,
                    help="before each target, wait up to this many seconds for other CPU "
                         "load to drop below 15%% of a CPU")
    ap.add_argument("--no-docs", action="store_true", help=f"do not rewrite {DOCS.relative_to(ROOT)}")
    args = ap.parse_args(argv)

    # Run order: the headline comparison (medgate vs LiteLLM) first, so that it gets the
    # re-measurement budget if someone else loads the machine; the table uses TARGETS order.
    wanted = {t for t in args.targets.split(",") if t}
    targets = ["direct"] + [t for t in RUN_ORDER if t in wanted and t != "direct"] + sorted(
        wanted - set(RUN_ORDER))
    unknown = set(targets) - set(TARGETS)
    if unknown:
        ap.error(f"unknown targets: {sorted(unknown)}")
    phases = QUICK_PHASES if args.quick else PHASES
    warm_s = 1.5 if args.quick else 3.0
    gw_cpus, load_cpus = cpu_layout(args.no_pin)
    t_start = time.monotonic()
    started = dt.datetime.now(dt.timezone.utc)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    logdir = RESULTS / f"logs-{stamp}"
    logdir.mkdir()

    if "litellm" in targets:
        try:
            ensure_litellm_venv()
        except subprocess.CalledProcessError as exc:
            log(f"cannot install litellm proxy: {exc}")

    meta = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "versions": {
            "medgate": venv_version(ROOT / ".venv" / "bin" / "python", "medgate") or "not installed",
            "medgate_git": git_rev(),
            "medgate_litellm": venv_version(ROOT / ".venv" / "bin" / "python", "litellm") or "–",
            "litellm_proxy": venv_version(LITELLM_VENV / "bin" / "python", "litellm") or "–",
        },
        "pinning": {"gateway_cpus": gw_cpus, "load_cpus": load_cpus},
        "host_speed_ms": host_speed(gw_cpus),
        "phases": [list(p) for p in phases],
        "prompt_chars": len(PROMPT),
        "notes": [],
    }
    log(f"machine: {meta['machine']}; pinning gateway={gw_cpus} load={load_cpus}; "
        f"reference loop {meta['host_speed_ms']:.0f} ms")

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="medgate-bench-") as tmpd:
        tmp = Path(tmpd)
        up_port = free_port()
        upstream = Proc("fake-upstream", pinned([sys.executable, str(HERE / "fake_upstream.py"),
                                                 "--port", str(up_port)], load_cpus),
                        base_env(), logdir)
        try:
            wait_ready(upstream, f"http://127.0.0.1:{up_port}/health", timeout=30)
            for target in targets:
                busy = wait_for_quiet(args.wait_idle)
                log(f"target {target} (other CPU use before start: {busy:.0f}% of a CPU)")
                proc = None
                try:
                    if target == "direct":
                        base, key, watch = f"http://127.0.0.1:{up_port}", "", [upstream.pid]
                    else:
                        t0 = time.monotonic()
                        proc, base, key = start_gateway(target, up_port, tmp, logdir, gw_cpus)
                        log(f"  {target} ready in {time.monotonic() - t0:.1f}s (pid {proc.pid})")
                        watch = [proc.pid, upstream.pid]
                    phases_res = measure_target(target, base, key, phases, load_cpus, watch, warm_s,
                                                retry_until=t_start + RETRY_BUDGET_S)
                    results[target] = {"phases": phases_res}
                    for pname, r in phases_res.items():
                        if r["validation"]:
                            meta["notes"].append(f"{target} {pname}: response check: "
                                                 f"{r['validation']}")
                        if r["errors"]:
                            meta["notes"].append(f"{target} {pname}: {r['errors']} errors, e.g. "
                                                 f"{r['error_samples'][0][:200]}")
                        if r["other_cpu_pct"] > OTHER_CPU_LIMIT:
                            meta["notes"].append(
                                f"{target} {pname}: {r['other_cpu_pct']:.0f}% of a CPU was used "
                                "by other processes/kernel during this phase — noisy numbers")
                        if target != "direct" and load_cpus and r["loadgen_cpu_pct"] > 85:
                            meta["notes"].append(
                                f"{target} {pname}: load generator at {r['loadgen_cpu_pct']:.0f}% "
                                "CPU — the load side may limit this number")
                except Exception as exc:  # keep going: report what we have
                    msg = str(exc)
                    log(f"  {target} FAILED: {msg}")
                    results[target] = {"error": msg}
                    meta["notes"].append(f"{target} failed: {msg.splitlines()[0][:300]}")
                finally:
                    if proc is not None:
                        if target in results and "error" not in results[target]:
                            results[target]["log_tail"] = proc.log_tail(15)
                        proc.stop()
        finally:
            upstream.stop()

    meta["duration_s"] = round(time.monotonic() - t_start, 1)
    rows = build_rows(results, phases)
    raw = {"meta": meta, "rows": rows, "results": results, "prompt": PROMPT}
    for path in (RESULTS / f"gateway-{stamp}.json", RESULTS / "gateway-latest.json"):
        path.write_text(json.dumps(raw, indent=2))

    print()
    print(markdown_table(rows))
    print()
    for line in ratios(rows):
        print(line)
    for n in meta["notes"]:
        print(f"note: {n}")
    print(f"\nraw results: {(RESULTS / f'gateway-{stamp}.json').relative_to(ROOT)}; "
          f"logs: {logdir.relative_to(ROOT)}; total {meta['duration_s']}s")
    if not args.no_docs and not args.quick:
        replace_section(render_section(meta, rows, phases), MARK_START, MARK_END, DOCS)
        print(f"updated {DOCS.relative_to(ROOT)}")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
