"""The HTTP surface: routes parse, call the pipeline, render. Nothing else."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response, StreamingResponse

from gateway.audit.chain import checkpoint_key
from gateway.audit.cost import load_prices
from gateway.audit.store import build_store
from gateway.auth import KeyStore
from gateway.db import init_schema, make_engine
from gateway.errors import GatewayError
from gateway.phi import Detector
from gateway.phi.engine import build_detector
from gateway.pipeline import JSONReply, Pipeline, StreamReply
from gateway.policy import BaselinePolicy, PolicyEngine
from gateway.policy.ratelimit import build_limiter
from gateway.policy.reload import from_config
from gateway.settings import GatewayConfig, Settings, load_config
from gateway.telemetry import Telemetry, quiet_payload_loggers
from gateway.upstream import Upstream

log = logging.getLogger("medgate")


def _json(body: dict | list, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _error(exc: GatewayError) -> Response:
    response = _json(exc.body(), exc.status)
    response.headers.update(getattr(exc, "headers", None) or {})   # e.g. Retry-After on a 429
    return response


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise GatewayError(413, "request_too_large", f"request body exceeds {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise GatewayError(413, "request_too_large", f"request body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _sse(reply: StreamReply) -> StreamingResponse:
    async def render() -> AsyncIterator[bytes]:
        ended_in_error = False
        try:
            async for item in reply.chunks:
                ended_in_error = "error" in item
                yield b"data: " + orjson.dumps(item) + b"\n\n"
            if not ended_in_error:   # [DONE] only after a clean end: a cut stream must look cut
                yield b"data: [DONE]\n\n"
        finally:
            with anyio.CancelScope(shield=True):
                await reply.chunks.aclose()   # type: ignore[attr-defined]
                await reply.finish()           # no-op unless the client left before the first chunk

    return StreamingResponse(render(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


def _render(reply: JSONReply | StreamReply) -> Response:
    return _sse(reply) if isinstance(reply, StreamReply) else _json(reply.body)


def create_app(settings: Settings | None = None, config: GatewayConfig | None = None, *,
               telemetry: Telemetry | None = None, detector: Detector | None = None,
               policy: PolicyEngine | None = None) -> FastAPI:
    quiet_payload_loggers()
    settings = settings or Settings()
    config = config or load_config(settings.config)
    options = config.medgate
    engine = make_engine(settings.database_url())
    init_schema(engine)
    master_key, _ = settings.resolve_master_key()
    hash_key = hmac.new(master_key.encode(), b"medgate phi hash v1", hashlib.sha256).digest()
    keys = KeyStore(engine, master_key, options.key_cache_seconds)
    audit = build_store(engine, options.audit, hmac_key=checkpoint_key(settings.audit_hmac_key, master_key),
                        home=settings.home)
    upstream = Upstream(config)
    live_policy = from_config(config) if policy is None else None   # a bad policy: PolicyError, no start
    limiter = build_limiter(options.policies.rate_limit_backend, settings.redis_url or options.policies.redis_url,
                            options.policies.redis_prefix)
    telemetry = telemetry or Telemetry.from_env(capture_content=options.capture_content)
    pipeline = Pipeline(keys=keys, upstream=upstream, detector=detector or build_detector(options.phi),
                        policy=policy or live_policy or BaselinePolicy(options.phi.mode_of(), options.phi.scan_output),
                        audit=audit, telemetry=telemetry, options=options, hash_key=hash_key, limiter=limiter)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        await asyncio.to_thread(load_prices)   # before the first request, not inside it
        await pipeline.audit.start()
        watcher = asyncio.create_task(live_policy.watch(options.policies.reload_interval)) \
            if live_policy is not None and options.policies.reload else None
        yield
        if watcher is not None:
            watcher.cancel()
        await limiter.aclose()
        await pipeline.audit.aclose()   # drains queued records and signs the tail
        await upstream.aclose()
        telemetry.shutdown()
        engine.dispose()

    app = FastAPI(title="medgate", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.pipeline, app.state.keys, app.state.engine = pipeline, keys, engine
    app.state.policy = live_policy

    @app.exception_handler(GatewayError)
    async def _gateway_error(_request: Request, exc: GatewayError) -> Response:
        return _error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(GatewayError(exc.status_code, code, "no such endpoint" if exc.status_code == 404
                                   else "method not allowed on this endpoint"))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, _exc: RequestValidationError) -> Response:
        return _error(GatewayError(400, "invalid_request", "invalid request"))

    async def chat(request: Request) -> Response:
        raw = await _read_body(request, options.max_body_bytes)
        return _render(await pipeline.chat(request.headers.get("authorization"), raw))

    async def embeddings(request: Request) -> Response:
        raw = await _read_body(request, options.max_body_bytes)
        return _render(await pipeline.embeddings(request.headers.get("authorization"), raw))

    async def models(request: Request) -> Response:
        principal = await keys.authenticate(request.headers.get("authorization"))
        data = [{"id": name, "object": "model", "created": 0, "owned_by": "medgate"}
                for name in upstream.groups if principal.may_use(name)]
        return _json({"object": "list", "data": data})

    for prefix in ("/v1", ""):   # some clients drop the /v1 from base_url
        app.add_api_route(f"{prefix}/chat/completions", chat, methods=["POST"], include_in_schema=prefix == "/v1")
        app.add_api_route(f"{prefix}/embeddings", embeddings, methods=["POST"], include_in_schema=prefix == "/v1")
        app.add_api_route(f"{prefix}/models", models, methods=["GET"], include_in_schema=prefix == "/v1")

    async def phi_analyze(request: Request) -> Response:
        raw = await _read_body(request, options.max_body_bytes)
        return _render(await pipeline.analyze(request.headers.get("authorization"), raw))

    app.add_api_route("/v1/phi/analyze", phi_analyze, methods=["POST"])

    @app.get("/healthz")
    async def healthz() -> Response:
        return _json({"status": "ok"})

    @app.get("/readyz")
    async def readyz() -> Response:
        def ping() -> None:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        try:
            await asyncio.wait_for(asyncio.to_thread(ping), timeout=5)
        except Exception as exc:
            log.warning("readiness: database unavailable (%s)", type(exc).__name__)
            return _error(GatewayError(503, "not_ready", "the audit/key database is unavailable"))
        return _json({"status": "ready", "models": list(upstream.groups), "detector": pipeline.detector.name,
                      "policy": live_policy.version if live_policy is not None else None})

    return app
