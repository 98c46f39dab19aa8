"""A deliberately cheap fake OpenAI-compatible upstream for the gateway benchmark.

It is a raw ``asyncio.Protocol`` HTTP/1.1 server (keep-alive, optional uvloop)
so that as little CPU as possible is spent on the upstream side of the
benchmark; the machine it runs on is shared with the gateway under test.

Endpoints:
  POST /v1/chat/completions   non-streaming ``chat.completion`` JSON, or an SSE
                              stream of ``chat.completion.chunk`` events ending
                              in ``data: [DONE]`` when ``"stream": true``
  GET  /v1/models             a ``list`` with the one model
  GET  /health                200 ``ok`` (readiness probe for the harness)

The answer text is canned and synthetic (no real person).  Usage: ::

    python fake_upstream.py --port 8100
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import signal
import sys
import time

try:  # orjson is in medgate's venv; fall back to the stdlib when run elsewhere.
    import orjson

    _loads = orjson.loads
    _dumps = orjson.dumps
except ImportError:  # pragma: no cover
    _loads = json.loads

    def _dumps(obj) -> bytes:
        return json.dumps(obj, separators=(",", ":")).encode()


ANSWER = (
    "With an eGFR of 38 mL/min/1.73m2, metformin can usually be continued but the total "
    "daily dose should generally not exceed 1000 mg; review the dose with the prescriber "
    "today. Do not start metformin if eGFR is 30-45, and stop it if eGFR falls below 30. "
    "Recheck renal function in 3 months, hold metformin before iodinated contrast, and "
    "watch for signs of lactic acidosis (malaise, myalgia, abdominal pain, dyspnea)."
)
# Crude but stable token estimate (~4 chars/token) so usage looks plausible.
COMPLETION_TOKENS = max(1, len(ANSWER) // 4)
STREAM_PIECES = 8  # content deltas per streamed answer

_ids = itertools.count(1)


def _completion(model: str, prompt_chars: int) -> bytes:
    prompt_tokens = max(1, prompt_chars // 4)
    return _dumps(
        {
            "id": f"chatcmpl-bench{next(_ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_bench",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": ANSWER, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": COMPLETION_TOKENS,
                "total_tokens": prompt_tokens + COMPLETION_TOKENS,
            },
        }
    )


def _stream(model: str, prompt_chars: int, include_usage: bool) -> bytes:
    cid = f"chatcmpl-bench{next(_ids)}"
    created = int(time.time())
    base = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
            "system_fingerprint": "fp_bench"}
    step = -(-len(ANSWER) // STREAM_PIECES)
    deltas = [{"role": "assistant", "content": ""}] + [
        {"content": ANSWER[i:i + step]} for i in range(0, len(ANSWER), step)
    ]
    events = []
    for d in deltas:
        events.append({**base, "choices": [{"index": 0, "delta": d, "logprobs": None,
                                            "finish_reason": None}]})
    events.append({**base, "choices": [{"index": 0, "delta": {}, "logprobs": None,
                                        "finish_reason": "stop"}]})
    if include_usage:
        pt = max(1, prompt_chars // 4)
        events.append({**base, "choices": [], "usage": {
            "prompt_tokens": pt, "completion_tokens": COMPLETION_TOKENS,
            "total_tokens": pt + COMPLETION_TOKENS}})
    return b"".join(b"data: " + _dumps(e) + b"\n\n" for e in events) + b"data: [DONE]\n\n"


def _models() -> bytes:
    return _dumps({"object": "list", "data": [
        {"id": "bench-model", "object": "model", "created": 0, "owned_by": "medgate-bench"}]})


_REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 405: b"Method Not Allowed"}


def _response(status: int, body: bytes, ctype: bytes = b"application/json",
              keep_alive: bool = True) -> bytes:
    return b"".join((
        b"HTTP/1.1 %d %s\r\n" % (status, _REASONS.get(status, b"OK")),
        b"content-type: ", ctype, b"\r\n",
        b"content-length: %d\r\n" % len(body),
        b"connection: keep-alive\r\n" if keep_alive else b"connection: close\r\n",
        b"\r\n",
        body,
    ))


def _chunked_response(body: bytes, keep_alive: bool = True) -> bytes:
    # SSE is sent with chunked transfer-encoding (as real providers do); one chunk per event.
    parts = [
        b"HTTP/1.1 200 OK\r\n",
        b"content-type: text/event-stream; charset=utf-8\r\n",
        b"cache-control: no-cache\r\n",
        b"transfer-encoding: chunked\r\n",
        b"connection: keep-alive\r\n" if keep_alive else b"connection: close\r\n",
        b"\r\n",
    ]
    for ev in body.split(b"\n\n"):
        if ev:
            ev += b"\n\n"
            parts.append(b"%x\r\n%s\r\n" % (len(ev), ev))
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


def _error(status: int, message: str, keep_alive: bool) -> bytes:
    return _response(status, _dumps({"error": {"message": message, "type": "invalid_request_error",
                                                "param": None, "code": None}}),
                     keep_alive=keep_alive)


class UpstreamProtocol(asyncio.Protocol):
    __slots__ = ("transport", "buf")

    def connection_made(self, transport):
        self.transport = transport
        self.buf = b""

    def data_received(self, data: bytes):
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end]
            lines = head.split(b"\r\n")
            try:
                method, target, _version = lines[0].split(b" ", 2)
            except ValueError:
                self.transport.write(_error(400, "bad request line", False))
                self.transport.close()
                return
            clen = 0
            chunked = False
            keep_alive = not _version.endswith(b"1.0")
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    clen = int(value.strip())
                elif name == b"transfer-encoding" and b"chunked" in value.lower():
                    chunked = True
                elif name == b"connection":
                    v = value.strip().lower()
                    if v == b"close":
                        keep_alive = False
                    elif v == b"keep-alive":
                        keep_alive = True
            start = end + 4
            if chunked:
                body, consumed = _dechunk(self.buf, start)
                if body is None:
                    return  # need more data
                self.buf = self.buf[consumed:]
            else:
                if len(self.buf) < start + clen:
                    return
                body = self.buf[start:start + clen]
                self.buf = self.buf[start + clen:]
            self.transport.write(self._handle(method, target, body, keep_alive))
            if not keep_alive:
                self.transport.close()
                return

    @staticmethod
    def _handle(method: bytes, target: bytes, body: bytes, keep_alive: bool) -> bytes:
        path = target.split(b"?", 1)[0].rstrip(b"/")
        if path.endswith(b"/chat/completions"):
            if method != b"POST":
                return _error(405, "use POST", keep_alive)
            try:
                req = _loads(body)
                model = req.get("model") or "bench-model"
                msgs = req.get("messages") or []
                prompt_chars = sum(len(m.get("content") or "") for m in msgs
                                   if isinstance(m.get("content"), str))
            except Exception:
                return _error(400, "invalid JSON body", keep_alive)
            if req.get("stream"):
                opts = req.get("stream_options") or {}
                return _chunked_response(
                    _stream(model, prompt_chars, bool(opts.get("include_usage"))), keep_alive)
            return _response(200, _completion(model, prompt_chars), keep_alive=keep_alive)
        if path.endswith(b"/models") and method == b"GET":
            return _response(200, _models(), keep_alive=keep_alive)
        if path in (b"/health", b"/healthz", b"/readyz"):
            return _response(200, b"ok", b"text/plain", keep_alive)
        return _error(404, "not found", keep_alive)


def _dechunk(buf: bytes, pos: int):
    """Decode a chunked request body starting at ``pos``; (None, 0) if incomplete."""
    out = []
    while True:
        nl = buf.find(b"\r\n", pos)
        if nl < 0:
            return None, 0
        size = int(buf[pos:nl].split(b";", 1)[0], 16)
        pos = nl + 2
        if size == 0:
            end = buf.find(b"\r\n", pos)  # (no trailers expected)
            if end < 0:
                return None, 0
            return b"".join(out), end + 2
        if len(buf) < pos + size + 2:
            return None, 0
        out.append(buf[pos:pos + size])
        pos += size + 2


async def serve(host: str, port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(UpstreamProtocol, host, port, backlog=1024, reuse_address=True)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    print(f"fake upstream listening on http://{host}:{port}", flush=True)
    async with server:
        await stop.wait()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8100)
    ap.add_argument("--no-uvloop", action="store_true")
    args = ap.parse_args(argv)
    with asyncio.Runner(loop_factory=_loop_factory(not args.no_uvloop)) as runner:
        runner.run(serve(args.host, args.port))
    return 0


def _loop_factory(want_uvloop: bool):
    if want_uvloop:
        try:
            import uvloop

            return uvloop.new_event_loop
        except ImportError:
            pass
    return None


if __name__ == "__main__":
    sys.exit(main())
