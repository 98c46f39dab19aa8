"""A scripted fake OpenAI-compatible provider, served over real HTTP.

Integration tests put this behind the gateway. It speaks enough of OpenAI's
wire format (chat completions, streaming SSE, tool calls, structured output,
embeddings, model list, error bodies) that both the ``openai`` SDK and
litellm's OpenAI provider accept its responses.

    with FakeUpstream() as up:
        client = openai.OpenAI(base_url=up.base_url, api_key="sk-test")
        up.fail_next(500)
        ...
        assert up.requests[-1].headers["authorization"] == "Bearer sk-test"

The server runs uvicorn (h11, asyncio loop) in a daemon thread on a socket
bound to 127.0.0.1 with a kernel-chosen port. All state lives on the
instance; scripting methods are thread-safe and may be called from the test
thread while the server is running.
"""
from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import json
import logging
import re
import socket
import struct
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from gateway.schema_example import example_for_schema, resolve_ref

__all__ = ["FakeUpstream", "Received"]

MODEL_ID = "fake-model"
_CHUNK_CHARS = 4
_EMBED_DIM = 8

_ERROR_DEFAULTS: dict[int, tuple[str, str, str]] = {
    # status: (type, code, message)
    400: ("invalid_request_error", "invalid_request", "Invalid request (scripted)."),
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided (scripted)."),
    403: ("permission_error", "permission_denied", "Permission denied (scripted)."),
    404: ("invalid_request_error", "model_not_found", "The model does not exist (scripted)."),
    408: ("timeout_error", "timeout", "Request timed out (scripted)."),
    409: ("conflict_error", "conflict", "Conflict (scripted)."),
    422: ("invalid_request_error", "unprocessable_entity", "Unprocessable entity (scripted)."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached (scripted)."),
    500: ("server_error", "internal_error", "The server had an error (scripted)."),
    502: ("server_error", "bad_gateway", "Bad gateway (scripted)."),
    503: ("server_error", "service_unavailable", "The engine is currently overloaded (scripted)."),
    504: ("server_error", "gateway_timeout", "Gateway timeout (scripted)."),
}


@dataclass
class Received:
    """One request as the fake saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, or None when there was no / no valid JSON body
    raw_body: bytes = b""


@dataclass
class _Failure:
    status: int
    body: dict[str, Any] | None


@dataclass
class _Reply:
    content: str | None
    tool_calls: list[dict[str, Any]] | None
    finish_reason: str | None


@dataclass
class _Choice:
    content: str | None
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    finish_reason: str = "stop"


class _StreamCut(Exception):
    """Raised inside a streaming response to drop the connection."""


class _QuietStreamCut(logging.Filter):
    """Hides uvicorn's "Exception in ASGI application" log for deliberate cuts."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not _contains_cut(exc)


def _contains_cut(exc: BaseException | None) -> bool:
    if exc is None:
        return False
    if isinstance(exc, _StreamCut):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return any(_contains_cut(e) for e in exc.exceptions)
    return _contains_cut(exc.__cause__) or _contains_cut(exc.__context__)


# --------------------------------------------------------------------------
# Pure helpers (no state)
# --------------------------------------------------------------------------

def _text_of(content: Any) -> str:
    """Text of a message content: a string, or the text parts of an array joined by a space."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts: list[str] = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and part.get("type") in ("text", "input_text"):
                parts.append(str(part.get("text", "")))
        return " ".join(parts)
    return str(content)


def _last_user_text(messages: list[Any]) -> str:
    for msg in reversed(messages):
        if isinstance(msg, dict) and msg.get("role") == "user":
            return _text_of(msg.get("content"))
    return ""


def _count_tokens(text: str) -> int:
    return len(text.split())


def _truncate_tokens(text: str, limit: int) -> tuple[str, bool]:
    """Keep the first ``limit`` whitespace tokens, preserving the original spacing."""
    matches = list(re.finditer(r"\S+", text))
    if len(matches) <= limit:
        return text, False
    if limit <= 0:
        return "", True
    return text[: matches[limit - 1].end()], True


def _apply_stop(text: str, stop: Any) -> str:
    stops = [stop] if isinstance(stop, str) else [s for s in (stop or []) if isinstance(s, str)]
    cut = len(text)
    for s in stops:
        if s:
            i = text.find(s)
            if i != -1:
                cut = min(cut, i)
    return text[:cut]


def _tool_arguments(parameters: Any, user_text: str) -> dict[str, Any]:
    """Arguments for a tool: every required property, strings from the user text."""
    if not isinstance(parameters, dict):
        return {}
    properties = parameters.get("properties") or {}
    args: dict[str, Any] = {}
    for name in parameters.get("required") or []:
        prop = resolve_ref(properties.get(name, {}), parameters)
        typ = prop.get("type")
        if isinstance(typ, list):
            typ = next((t for t in typ if t != "null"), None)
        if isinstance(prop.get("enum"), list) and prop["enum"]:
            args[name] = prop["enum"][0]
        elif typ == "string":
            args[name] = user_text
        elif typ in ("integer", "number"):
            args[name] = 1
        elif typ == "boolean":
            args[name] = True
        else:
            args[name] = example_for_schema(prop, parameters)
    return args


def _embedding_for(text: str, dims: int) -> list[float]:
    """Deterministic unit-length float32 vector from the text's hash."""
    raw = hashlib.shake_256(text.encode("utf-8")).digest(4 * dims)
    ints = struct.unpack(f"<{dims}I", raw)
    vals = [(i / 0xFFFFFFFF) * 2.0 - 1.0 for i in ints]
    norm = sum(v * v for v in vals) ** 0.5 or 1.0
    vals = [v / norm for v in vals]
    # Round-trip through float32 so the float and base64 encodings agree exactly.
    return list(struct.unpack(f"<{dims}f", struct.pack(f"<{dims}f", *vals)))


def _error_body(status: int, message: str | None = None, type_: str | None = None,
                code: str | None = None, param: str | None = None) -> dict[str, Any]:
    d_type, d_code, d_msg = _ERROR_DEFAULTS.get(
        status, ("server_error" if status >= 500 else "invalid_request_error",
                 f"http_{status}", f"Scripted error {status}."))
    return {"error": {"message": message or d_msg, "type": type_ or d_type,
                      "param": param, "code": code or d_code}}


def _new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:24]


class _SSEResponse:
    """Minimal ASGI streaming response that can abort the connection mid-body."""

    def __init__(self, events: AsyncIterator[bytes], headers: dict[str, str]) -> None:
        self._events = events
        self._headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw_headers = [(b"content-type", b"text/event-stream; charset=utf-8"),
                       (b"cache-control", b"no-cache")]
        raw_headers += [(k.lower().encode(), v.encode()) for k, v in self._headers.items()]
        await send({"type": "http.response.start", "status": 200, "headers": raw_headers})
        async for event in self._events:
            await send({"type": "http.response.body", "body": event, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


# --------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------

class FakeUpstream:
    """Scripted fake OpenAI-compatible provider on a real local HTTP port."""

    def __init__(self, name: str = "fake") -> None:
        self.name = name
        self.model_id = MODEL_ID
        self.requests: list[Received] = []
        self.host = "127.0.0.1"
        self.port: int = 0
        self.base_url: str = ""
        self._lock = threading.Lock()
        self._failures: deque[_Failure] = deque()
        self._delays: deque[float] = deque()
        self._cuts: deque[int] = deque()
        self._chunk_delays: deque[float] = deque()
        self._replies: deque[_Reply] = deque()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._log_filter = _QuietStreamCut()
        self.app = self._build_app()

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> FakeUpstream:
        if self._server is not None:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        sock.set_inheritable(True)
        self.port = sock.getsockname()[1]
        self.base_url = f"http://{self.host}:{self.port}/v1"
        config = uvicorn.Config(
            self.app,
            loop="asyncio",
            http="h11",
            lifespan="off",
            log_config=None,  # do not touch global logging configuration
            access_log=False,
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        server = uvicorn.Server(config)
        # uvicorn only installs signal handlers on the main thread; we run in a
        # worker thread, so nothing is installed (no install_signal_handlers
        # option exists in this uvicorn version).
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                                  name=f"FakeUpstream[{self.name}]:{self.port}", daemon=True)
        logging.getLogger("uvicorn.error").addFilter(self._log_filter)
        self._server, self._thread, self._sock = server, thread, sock
        thread.start()
        deadline = time.monotonic() + 10.0
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"FakeUpstream {self.name!r} failed to start")
            time.sleep(0.005)
        # Make sure it really accepts connections.
        while True:
            try:
                with socket.create_connection((self.host, self.port), timeout=1.0):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"FakeUpstream {self.name!r} not accepting connections")
                time.sleep(0.005)
        return self

    def stop(self) -> None:
        server, thread, sock = self._server, self._thread, self._sock
        self._server = self._thread = self._sock = None
        if server is not None:
            server.should_exit = True
            server.force_exit = True  # do not wait for delayed / streaming requests
        if thread is not None:
            thread.join(timeout=10.0)
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass
        logging.getLogger("uvicorn.error").removeFilter(self._log_filter)

    def __enter__(self) -> FakeUpstream:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # ---------------------------------------------------------------- scripting

    def fail_next(self, status: int, times: int = 1, body: dict[str, Any] | None = None) -> None:
        """The next ``times`` requests (any endpoint) answer ``status``.

        ``body`` is the complete JSON response body; by default an OpenAI error
        body ``{"error": {"message", "type", "param", "code"}}`` for the status.
        """
        with self._lock:
            for _ in range(times):
                self._failures.append(_Failure(status, copy.deepcopy(body)))

    def delay_next(self, seconds: float, times: int = 1) -> None:
        """The next ``times`` requests (any endpoint) sleep ``seconds`` before answering."""
        with self._lock:
            for _ in range(times):
                self._delays.append(seconds)

    def cut_stream_next(self, after_chunks: int = 2) -> None:
        """The next streaming chat response drops the connection after the role
        chunk plus ``after_chunks`` content (or tool-argument) chunks: no finish
        chunk, no usage chunk, no ``[DONE]``, incomplete chunked body."""
        with self._lock:
            self._cuts.append(after_chunks)

    def slow_stream_next(self, chunk_delay: float) -> None:
        """The next streaming chat response waits ``chunk_delay`` seconds between chunks."""
        with self._lock:
            self._chunk_delays.append(chunk_delay)

    def reply_next(self, content: str | None = None, tool_calls: list[Any] | None = None,
                   finish_reason: str | None = None) -> None:
        """Script the next chat completion reply exactly (stop/max_tokens/n
        suffixes are not applied; every choice gets this reply).

        ``tool_calls`` items may be full OpenAI tool calls or shorthand
        ``{"name": ..., "arguments": dict | str}``; missing ids are generated.
        ``finish_reason`` defaults to "tool_calls" with tool calls, else "stop".
        """
        with self._lock:
            self._replies.append(_Reply(content, copy.deepcopy(tool_calls), finish_reason))

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._failures.clear()
            self._delays.clear()
            self._cuts.clear()
            self._chunk_delays.clear()
            self._replies.clear()

    # ---------------------------------------------------------------- internals

    def _pop(self, queue: deque[Any]) -> Any:
        with self._lock:
            return queue.popleft() if queue else None

    def _build_app(self) -> Starlette:
        def wrap(handler: Callable[[Request, Any], Awaitable[Any]]) -> Callable[[Request], Awaitable[Any]]:
            async def endpoint(request: Request) -> Any:
                raw = await request.body()
                body: Any = None
                bad_json = False
                if raw:
                    try:
                        body = json.loads(raw)
                    except ValueError:
                        bad_json = True
                with self._lock:
                    self.requests.append(Received(
                        method=request.method, path=request.url.path,
                        headers={k.lower(): v for k, v in request.headers.items()},
                        body=body, raw_body=raw))
                # The whole script is taken on arrival: a request still sleeping when its
                # client gave up must not use up what a later test scripted.
                delay = self._pop(self._delays)
                failure: _Failure | None = self._pop(self._failures)
                if delay:
                    await asyncio.sleep(delay)
                if failure is not None:
                    return self._json(failure.body if failure.body is not None
                                      else _error_body(failure.status), failure.status)
                if bad_json:
                    return self._json(_error_body(400, "We could not parse the JSON body of your request.",
                                                  code="invalid_json"), 400)
                return await handler(request, body)
            return endpoint

        routes = [
            Route("/v1/chat/completions", wrap(self._chat), methods=["POST"]),
            Route("/v1/embeddings", wrap(self._embeddings), methods=["POST"]),
            Route("/v1/models", wrap(self._models), methods=["GET"]),
            Route("/v1/models/{model:path}", wrap(self._model), methods=["GET"]),
            Route("/{rest:path}", wrap(self._not_found),
                  methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
        ]
        return Starlette(routes=routes)

    def _json(self, body: Any, status: int = 200) -> JSONResponse:
        return JSONResponse(body, status_code=status, headers={"x-request-id": _new_id("req_")})

    async def _not_found(self, request: Request, body: Any) -> Response:
        return self._json(_error_body(404, f"Unknown request URL: {request.method} {request.url.path}.",
                                      code="unknown_url"), 404)

    async def _models(self, request: Request, body: Any) -> Response:
        return self._json({"object": "list", "data": [self._model_obj(self.model_id)]})

    async def _model(self, request: Request, body: Any) -> Response:
        return self._json(self._model_obj(request.path_params["model"]))

    def _model_obj(self, model_id: str) -> dict[str, Any]:
        return {"id": model_id, "object": "model", "created": 1700000000, "owned_by": self.name}

    # ---------------------------------------------------------------- embeddings

    async def _embeddings(self, request: Request, body: Any) -> Response:
        if not isinstance(body, dict) or "input" not in body:
            return self._json(_error_body(400, "'input' is a required property", param="input",
                                          code="missing_required_parameter"), 400)
        if not body.get("model"):
            return self._json(_error_body(400, "you must provide a model parameter", param="model",
                                          code="missing_required_parameter"), 400)
        inp = body["input"]
        texts: list[str]
        if isinstance(inp, str):
            texts = [inp]
        elif isinstance(inp, list) and inp and all(isinstance(x, str) for x in inp):
            texts = list(inp)
        else:
            return self._json(_error_body(
                400, "This fake only accepts 'input' as a string or a non-empty list of strings "
                     "(token arrays are not supported).", param="input", code="invalid_input"), 400)
        dims = body.get("dimensions") or _EMBED_DIM
        if not isinstance(dims, int) or dims <= 0:
            return self._json(_error_body(400, "'dimensions' must be a positive integer",
                                          param="dimensions"), 400)
        fmt = body.get("encoding_format") or "float"
        if fmt not in ("float", "base64"):
            return self._json(_error_body(400, "'encoding_format' must be 'float' or 'base64'",
                                          param="encoding_format"), 400)
        data = []
        for i, text in enumerate(texts):
            vec = _embedding_for(text, dims)
            emb: Any = (base64.b64encode(struct.pack(f"<{dims}f", *vec)).decode("ascii")
                        if fmt == "base64" else vec)
            data.append({"object": "embedding", "index": i, "embedding": emb})
        tokens = sum(max(1, _count_tokens(t)) for t in texts)
        return self._json({"object": "list", "data": data, "model": body["model"],
                           "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    # ---------------------------------------------------------------- chat

    async def _chat(self, request: Request, body: Any) -> Any:
        if not isinstance(body, dict):
            return self._json(_error_body(400, "Request body must be a JSON object."), 400)
        if not body.get("model"):
            return self._json(_error_body(400, "you must provide a model parameter", param="model",
                                          code="missing_required_parameter"), 400)
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            return self._json(_error_body(400, "'messages' must be a non-empty array", param="messages",
                                          code="missing_required_parameter"), 400)
        n = body.get("n") or 1
        if not isinstance(n, int) or n < 1:
            return self._json(_error_body(400, "'n' must be a positive integer", param="n"), 400)

        choices = self._make_choices(body, messages, n)
        completion_id = _new_id("chatcmpl-")
        created = int(time.time())
        model = str(body["model"])
        seed = body.get("seed")
        fingerprint = f"fp_seed_{seed}" if seed is not None else "fp_fake"
        prompt_tokens = max(1, sum(_count_tokens(_text_of(m.get("content")))
                                   for m in messages if isinstance(m, dict)))
        completion_tokens = sum(
            _count_tokens(c.content or "")
            + sum(_count_tokens(tc["function"]["arguments"]) for tc in c.tool_calls)
            for c in choices)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0,
                                          "rejected_prediction_tokens": 0},
        }

        if body.get("stream"):
            stream_options = body.get("stream_options") or {}
            include_usage = bool(isinstance(stream_options, dict) and stream_options.get("include_usage"))
            cut_after = self._pop(self._cuts)
            chunk_delay = self._pop(self._chunk_delays) or 0.0
            events = self._stream_events(completion_id, created, model, fingerprint, choices,
                                         usage if include_usage else None, include_usage, cut_after,
                                         chunk_delay)
            return _SSEResponse(events, {"x-request-id": _new_id("req_")})

        return self._json({
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "choices": [
                {"index": i, "message": self._message(c), "logprobs": None,
                 "finish_reason": c.finish_reason}
                for i, c in enumerate(choices)
            ],
            "usage": usage,
            "service_tier": "default",
            "system_fingerprint": fingerprint,
        })

    @staticmethod
    def _message(choice: _Choice) -> dict[str, Any]:
        msg: dict[str, Any] = {"role": "assistant", "content": choice.content,
                               "refusal": None, "annotations": []}
        if choice.tool_calls:
            msg["tool_calls"] = choice.tool_calls
        return msg

    def _make_choices(self, body: dict[str, Any], messages: list[Any], n: int) -> list[_Choice]:
        scripted: _Reply | None = self._pop(self._replies)
        if scripted is not None:
            out = []
            for _ in range(n):
                calls = [self._normalise_tool_call(tc) for tc in (scripted.tool_calls or [])]
                finish = scripted.finish_reason or ("tool_calls" if calls else "stop")
                out.append(_Choice(scripted.content, calls, finish))
            return out

        last = messages[-1] if isinstance(messages[-1], dict) else {}
        user_text = _last_user_text(messages)
        tools = body.get("tools") if isinstance(body.get("tools"), list) else []
        tool_choice = body.get("tool_choice")

        if last.get("role") == "tool":
            base: str | None = "tool said: " + _text_of(last.get("content"))
            json_reply = False
        elif tools and tool_choice != "none":
            tool = tools[0]
            if isinstance(tool_choice, dict):
                wanted = (tool_choice.get("function") or {}).get("name")
                tool = next((t for t in tools
                             if isinstance(t, dict) and (t.get("function") or {}).get("name") == wanted), tool)
            fn = tool.get("function") or {} if isinstance(tool, dict) else {}
            args = json.dumps(_tool_arguments(fn.get("parameters"), user_text))
            return [
                _Choice(None, [{"id": _new_id("call_"), "type": "function",
                                "function": {"name": fn.get("name", ""), "arguments": args}}],
                        "tool_calls")
                for _ in range(n)
            ]
        else:
            rf = body.get("response_format")
            rf_type = rf.get("type") if isinstance(rf, dict) else None
            if rf_type == "json_schema":
                js = rf.get("json_schema") or {}
                base = json.dumps(example_for_schema(js.get("schema") or {}))
                json_reply = True
            elif rf_type == "json_object":
                base = json.dumps({"echo": user_text})
                json_reply = True
            else:
                base = "echo: " + user_text
                json_reply = False

        stop = body.get("stop")
        max_tokens = body.get("max_completion_tokens")
        if max_tokens is None:
            max_tokens = body.get("max_tokens")
        choices: list[_Choice] = []
        for i in range(n):
            text = base if (json_reply or i == 0) else f"{base} [{i}]"
            finish = "stop"
            if stop:
                text = _apply_stop(text, stop)
            if isinstance(max_tokens, int):
                text, truncated = _truncate_tokens(text, max_tokens)
                if truncated:
                    finish = "length"
            choices.append(_Choice(text, [], finish))
        return choices

    @staticmethod
    def _normalise_tool_call(tc: Any) -> dict[str, Any]:
        if not isinstance(tc, dict):
            raise TypeError(f"tool call must be a dict, got {type(tc).__name__}")
        fn = tc.get("function") if isinstance(tc.get("function"), dict) else {
            "name": tc.get("name", ""), "arguments": tc.get("arguments", {})}
        args = fn.get("arguments", "")
        if not isinstance(args, str):
            args = json.dumps(args)
        return {"id": tc.get("id") or _new_id("call_"), "type": tc.get("type", "function"),
                "function": {"name": fn.get("name", ""), "arguments": args}}

    async def _stream_events(self, completion_id: str, created: int, model: str, fingerprint: str,
                             choices: list[_Choice], usage: dict[str, Any] | None,
                             include_usage: bool, cut_after: int | None,
                             chunk_delay: float = 0.0) -> AsyncIterator[bytes]:
        def chunk(index: int, delta: dict[str, Any], finish: str | None = None) -> bytes:
            obj: dict[str, Any] = {
                "id": completion_id, "object": "chat.completion.chunk", "created": created,
                "model": model, "service_tier": "default", "system_fingerprint": fingerprint,
                "choices": [{"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}],
            }
            if include_usage:
                obj["usage"] = None
            return b"data: " + json.dumps(obj).encode("utf-8") + b"\n\n"

        for index, choice in enumerate(choices):
            yield chunk(index, {"role": "assistant", "content": "", "refusal": None})
            await asyncio.sleep(0)
            sent = 0
            pieces: list[dict[str, Any]] = []
            text = choice.content or ""
            for start in range(0, len(text), _CHUNK_CHARS):
                pieces.append({"content": text[start:start + _CHUNK_CHARS]})
            for t_index, tc in enumerate(choice.tool_calls):
                pieces.append({"tool_calls": [{
                    "index": t_index, "id": tc["id"], "type": tc["type"],
                    "function": {"name": tc["function"]["name"], "arguments": ""}}]})
                args = tc["function"]["arguments"]
                for start in range(0, len(args), _CHUNK_CHARS):
                    pieces.append({"tool_calls": [{
                        "index": t_index,
                        "function": {"arguments": args[start:start + _CHUNK_CHARS]}}]})
            for delta in pieces:
                if cut_after is not None and sent >= cut_after:
                    raise _StreamCut()
                yield chunk(index, delta)
                sent += 1
                await asyncio.sleep(chunk_delay)
            if cut_after is not None:
                raise _StreamCut()
            yield chunk(index, {}, choice.finish_reason)

        if usage is not None:
            final = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                     "model": model, "service_tier": "default", "system_fingerprint": fingerprint,
                     "choices": [], "usage": usage}
            yield b"data: " + json.dumps(final).encode("utf-8") + b"\n\n"
        yield b"data: [DONE]\n\n"
