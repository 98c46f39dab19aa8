"""Closed-loop load generator for the gateway benchmark (aiohttp, keep-alive).

``--concurrency`` workers each send one chat completion at a time, back to back,
over a pool of keep-alive connections, until ``--duration`` seconds have passed
or ``--max-requests`` requests have been started.  Latency is measured per
request from just before the request is sent until the last byte of the
response body has been read (for ``--stream`` that is "time to last byte"; the
time to the first body chunk is reported too).  A short in-process warm-up
opens the connections before the measured window starts.

Prints one JSON object to stdout.  Only meant for 127.0.0.1 targets.

    python loadgen.py --base http://127.0.0.1:8100 --concurrency 32 --duration 5
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from urllib.parse import urlsplit

import aiohttp

# Synthetic clinical prompt (~300 characters).  No real person.
PROMPT = (
    "I'm the night nurse on a medical ward. A 68-year-old man with type 2 diabetes takes "
    "metformin 1000 mg twice daily. His eGFR was 52 mL/min/1.73m2 in January and is 38 today; "
    "creatinine went from 1.3 to 1.7 mg/dL. Should his metformin be reduced or held tonight, "
    "and what should I watch for and report?"
)
MODEL = "bench-model"


def request_body(model: str, stream: bool) -> bytes:
    body = {"model": model, "messages": [{"role": "user", "content": PROMPT}]}
    if stream:
        body["stream"] = True
    return json.dumps(body, separators=(",", ":")).encode()


def percentile(sorted_vals: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 1]) of an already sorted list."""
    if not sorted_vals:
        return float("nan")
    pos = q * (len(sorted_vals) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (pos - lo)


def summarize(vals_s: list[float]) -> dict:
    v = sorted(x * 1000.0 for x in vals_s)
    if not v:
        return {}
    return {
        "p50": percentile(v, 0.50),
        "p90": percentile(v, 0.90),
        "p99": percentile(v, 0.99),
        "mean": sum(v) / len(v),
        "min": v[0],
        "max": v[-1],
    }


class Phase:
    def __init__(self, session, url, headers, body, stream):
        self.session = session
        self.url = url
        self.headers = headers
        self.body = body
        self.stream = stream
        self.lat: list[float] = []
        self.ttfb: list[float] = []
        self.errors = 0
        self.error_samples: list[str] = []
        self.started = 0
        self.sample_body: bytes | None = None

    async def one(self) -> None:
        t0 = time.perf_counter()
        first = None
        try:
            async with self.session.post(self.url, data=self.body, headers=self.headers) as resp:
                if self.stream:
                    parts = []
                    async for chunk in resp.content.iter_any():
                        if first is None:
                            first = time.perf_counter()
                        parts.append(chunk)
                    data = b"".join(parts)
                else:
                    data = await resp.read()
                status = resp.status
        except Exception as exc:  # connection reset, timeout, ...
            self._fail(f"{type(exc).__name__}: {exc}")
            return
        t1 = time.perf_counter()
        if status != 200:
            self._fail(f"HTTP {status}: {data[:300]!r}")
            return
        if self.stream:
            if b"[DONE]" not in data[-64:]:
                self._fail(f"stream without [DONE]: ...{data[-200:]!r}")
                return
        elif not data.startswith(b"{"):
            self._fail(f"non-JSON body: {data[:200]!r}")
            return
        if self.sample_body is None:
            self.sample_body = data
        self.lat.append(t1 - t0)
        if first is not None:
            self.ttfb.append(first - t0)

    def _fail(self, msg: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(msg)

    async def run(self, concurrency: int, duration: float, max_requests: int) -> float:
        deadline = time.perf_counter() + duration

        async def worker():
            while self.started < max_requests and time.perf_counter() < deadline:
                self.started += 1
                await self.one()

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - t0


def validate_sample(data: bytes | None, stream: bool) -> str | None:
    """Check that a response is a well-formed OpenAI object; return a problem or None."""
    if data is None:
        return "no successful response"
    try:
        if stream:
            events = [ln[6:] for ln in data.decode().splitlines() if ln.startswith("data: ")]
            if events[-1] != "[DONE]":
                return "last SSE event is not [DONE]"
            chunks = [json.loads(e) for e in events[:-1]]
            if not chunks or chunks[0].get("object") != "chat.completion.chunk":
                return f"first chunk is not chat.completion.chunk: {events[:1]}"
            text = "".join((c.get("choices") or [{}])[0].get("delta", {}).get("content") or ""
                           for c in chunks if c.get("choices"))
            if not text:
                return "stream carried no content"
        else:
            obj = json.loads(data)
            if obj.get("object") != "chat.completion":
                return f"object={obj.get('object')!r}"
            msg = obj["choices"][0]["message"]
            if msg.get("role") != "assistant" or not msg.get("content"):
                return f"bad message {msg!r}"
            if "total_tokens" not in (obj.get("usage") or {}):
                return "missing usage"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}: {data[:200]!r}"
    return None


async def main_async(args) -> dict:
    host = urlsplit(args.base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing non-loopback target {args.base}")
    url = args.base.rstrip("/") + "/v1/chat/completions"
    headers = {"Content-Type": "application/json"}
    if args.key:
        headers["Authorization"] = f"Bearer {args.key}"
    body = request_body(args.model, args.stream)
    conn = aiohttp.TCPConnector(limit=args.concurrency, limit_per_host=args.concurrency,
                                keepalive_timeout=120, enable_cleanup_closed=False)
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    async with aiohttp.ClientSession(connector=conn, timeout=timeout) as session:
        # Warm-up: opens every keep-alive connection and primes caches; discarded.
        warm = Phase(session, url, headers, body, args.stream)
        if args.warmup > 0:
            await warm.run(args.concurrency, args.warmup, 10**9)
        else:
            await warm.run(args.concurrency, 60.0, args.concurrency * 4)
        phase = Phase(session, url, headers, body, args.stream)
        cpu0 = os.times()
        elapsed = await phase.run(args.concurrency, args.duration, args.max_requests)
        cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    ok = len(phase.lat)
    return {
        "base": args.base,
        "concurrency": args.concurrency,
        "stream": args.stream,
        "requests": ok,
        "errors": phase.errors,
        "error_samples": phase.error_samples,
        "warmup_requests": warm.started,
        "warmup_errors": warm.errors,
        "warmup_error_samples": warm.error_samples,
        "elapsed_s": elapsed,
        "throughput_rps": ok / elapsed if elapsed > 0 else 0.0,
        "latency_ms": summarize(phase.lat),
        "ttfb_ms": summarize(phase.ttfb) if args.stream else None,
        "loadgen_cpu_pct": 100.0 * cpu / elapsed if elapsed > 0 else 0.0,
        "validation": validate_sample(phase.sample_body, args.stream),
        "request_bytes": len(body),
        "response_bytes": len(phase.sample_body or b""),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="closed-loop chat-completions load generator")
    ap.add_argument("--base", required=True, help="http://127.0.0.1:PORT (no /v1)")
    ap.add_argument("--key", default="", help="bearer token")
    ap.add_argument("--model", default=MODEL)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--duration", type=float, default=5.0, help="measured window, seconds")
    ap.add_argument("--max-requests", type=int, default=10**9)
    ap.add_argument("--warmup", type=float, default=0.5,
                    help="in-process warm-up seconds (0: 4 requests per connection)")
    ap.add_argument("--stream", action="store_true")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--no-uvloop", action="store_true")
    args = ap.parse_args(argv)
    factory = None
    if not args.no_uvloop:
        try:
            import uvloop

            factory = uvloop.new_event_loop
        except ImportError:
            pass
    with asyncio.Runner(loop_factory=factory) as runner:
        result = runner.run(main_async(args))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
