"""The request's life, stage by stage (DESIGN.md, "The request's life").

    1 authenticate  2 validate  3 detect PHI  4 decide (policy)  5 apply
    6 call upstream  7 inspect the reply  8 audit  9 trace

Every request gets exactly one audit record and one span tree, written by
`_finish` whatever happened: in a `finally` for plain replies, and when a stream
ends, fails, or its client goes away. Anything unexpected fails closed with an
OpenAI-style error; nothing raw is forwarded and nothing raw is logged.
"""
from __future__ import annotations

import copy
import hashlib
import hmac
import logging
import time
import traceback
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

import anyio
import orjson
from opentelemetry.trace import Span
from pydantic import BaseModel

from gateway import telemetry as tm
from gateway.audit.content import Masker, request_content, response_content
from gateway.audit.cost import cost_usd
from gateway.audit.records import AuditRecord
from gateway.audit.store import AuditStore
from gateway.auth import KeyStore, Principal
from gateway.errors import GatewayError, bad_request
from gateway.phi import Detector, Finding, TextSlot, Vault, redact, summarize, text_slots
from gateway.phi.redact import StreamRestorer
from gateway.policy import Decision, OutputObligations, PolicyEngine, PolicyInput
from gateway.policy.engine import PolicyEvaluationError
from gateway.policy.inputs import max_scores, user_text
from gateway.policy.obligations import (PHI_WITHHELD, mask, needs_whole_reply, policy_chunks, policy_reply,
                                        unsafe_match, with_disclaimer)
from gateway.policy.ratelimit import MemoryLimiter, RateLimiter
from gateway.schema import AnalyzeRequest, ChatRequest, EmbeddingsRequest, validate
from gateway.settings import GatewayOptions
from gateway.upstream import Route, Upstream

log = logging.getLogger("medgate")

CONTENT_KEYS = {"messages", "input", "tools"}   # never handed to policy as "params"


@dataclass
class Exchange:
    """One request's state as it moves through the stages: what audit and traces read."""
    operation: str
    span: Span
    started: float = field(default_factory=time.perf_counter)
    ts: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    principal: Principal | None = None
    model: str | None = None             # as requested
    stream: bool = False
    end_user: str | None = None
    phi: dict[str, int] = field(default_factory=dict)
    output_phi: dict[str, int] = field(default_factory=dict)
    decision: Decision | None = None
    route: Route | None = None
    response_model: str | None = None
    response_id: str | None = None
    usage: dict | None = None
    finish_reasons: list[str] = field(default_factory=list)
    status: int = 200
    outcome: str = "success"
    error_code: str | None = None
    request_hash: str | None = None
    response_hash: Any = field(default_factory=hashlib.sha256)
    stream_finishes: bool = False
    finished: bool = False
    # Redacted content for the audit record, only when the config or a fired rule asks.
    masker: Masker | None = field(default=None, repr=False)   # set: content is stored
    request_content: str | None = field(default=None, repr=False)
    response_content: str | None = field(default=None, repr=False)


@dataclass
class JSONReply:
    body: dict | list


@dataclass
class StreamReply:
    chunks: AsyncIterator[dict]                # rendered as SSE; an {"error": …} item ends it
    finish: Callable[[], Awaitable[None]]      # idempotent; for a client gone before the first byte


class Pipeline:
    def __init__(self, *, keys: KeyStore, upstream: Upstream, detector: Detector, policy: PolicyEngine,
                 audit: AuditStore, telemetry: tm.Telemetry, options: GatewayOptions,
                 hash_key: bytes = b"", limiter: RateLimiter | None = None) -> None:
        self.keys, self.upstream, self.detector, self.policy = keys, upstream, detector, policy
        self.audit, self.telemetry, self.options = audit, telemetry, options
        self.hash_key = hash_key   # for the `hash` redaction mode
        self.limiter = limiter or MemoryLimiter()   # policy rate limits and token budgets

    # -- stages 1-5, the same for every operation ------------------------------------
    async def _admit(self, ex: Exchange, authorization: str | None, raw: bytes,
                     schema: type[BaseModel]) -> tuple[dict, Vault, str]:
        """Authenticate, validate, detect PHI, decide, apply: the outbound body (redacted,
        ours to send), the request's vault, and the model_name to call."""
        with self._stage(ex, "authenticate"):
            ex.principal = await self.keys.authenticate(authorization)
        with self._stage(ex, "validate"):
            body = self._validate(ex, raw, schema)
        with self._stage(ex, "phi.detect") as span:
            slots, findings = await self._detect(ex, body, span)
        with self._stage(ex, "policy.decide") as span:
            decision = await self._decide(ex, body, findings, span)
        with self._stage(ex, "apply"):
            vault, model = self._apply(ex, body, slots, findings, decision)
        return body, vault, model

    # -- POST /v1/chat/completions: 1-5, 6 upstream, 7 inspect, 8-9 finish --------------
    async def chat(self, authorization: str | None, raw: bytes) -> JSONReply | StreamReply:
        ex = self._begin("chat", raw)
        try:
            body, vault, model = await self._admit(ex, authorization, raw, ChatRequest)
            if ex.stream:
                wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
                body["stream_options"] = {"include_usage": True}   # usage is always audited
                with self._stage(ex, "upstream") as span:
                    chunks = await self._chat_stream(ex, model, body, span)
                reply = StreamReply(self._inspect_stream(ex, chunks, vault, wants_usage),
                                    lambda: self._finish(ex))
                ex.stream_finishes = True   # from here the stream writes the record
                return reply
            with self._stage(ex, "upstream") as span:
                reply_body = await self._chat_once(ex, model, body, span)
            with self._stage(ex, "inspect") as span:
                return JSONReply(await self._inspect(ex, reply_body, vault, span))
        except BaseException as exc:
            raise self._failed(ex, exc) from None
        finally:
            if not ex.stream_finishes:
                await self._finish(ex)

    # -- POST /v1/embeddings: 1-5, 6 upstream, 8-9 finish ---------------------------------
    async def embeddings(self, authorization: str | None, raw: bytes) -> JSONReply:
        ex = self._begin("embeddings", raw)
        try:
            body, _vault, model = await self._admit(ex, authorization, raw, EmbeddingsRequest)
            with self._stage(ex, "upstream") as span:
                reply = await self.upstream.embed(model, body)
                self._routed(ex, reply.route, span)
            ex.usage = reply.body.get("usage")
            ex.response_model = reply.body.get("model")
            ex.response_hash.update(orjson.dumps(reply.body.get("usage")))
            return JSONReply(reply.body)
        except BaseException as exc:
            raise self._failed(ex, exc) from None
        finally:
            await self._finish(ex)

    # -- POST /v1/phi/analyze: 1 authenticate, 2 validate, 3 detect, 8-9 finish ------------
    async def analyze(self, authorization: str | None, raw: bytes) -> JSONReply:
        """Presidio's analyzer API over medgate's detector: where the PHI is, not what."""
        ex = self._begin("phi.analyze", raw)
        try:
            with self._stage(ex, "authenticate"):
                ex.principal = await self.keys.authenticate(authorization)
            with self._stage(ex, "validate"):
                try:
                    body = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    raise bad_request("request body is not valid JSON", code="invalid_json") from None
                request = validate(AnalyzeRequest, body)
                if ex.principal.role not in ("app", "admin"):
                    raise GatewayError(403, "role_not_allowed", f"role '{ex.principal.role}' may not analyze text")
            with self._stage(ex, "phi.detect") as span:
                slots = [TextSlot("text", body, "text")]
                _, (findings,) = await self._detect(ex, body, span, slots)
            wanted = set(request.entities or []) or None
            threshold = request.score_threshold or 0.0
            return JSONReply([{"entity_type": f.type, "start": f.start, "end": f.end, "score": round(f.score, 4),
                               "analysis_explanation": None, "recognition_metadata": None}
                              for f in findings if (wanted is None or f.type in wanted) and f.score >= threshold])
        except BaseException as exc:
            raise self._failed(ex, exc) from None
        finally:
            await self._finish(ex)

    # -- the stages ------------------------------------------------------------------------
    def _begin(self, operation: str, raw: bytes) -> Exchange:
        return Exchange(operation, self.telemetry.start_request(operation, None),
                        request_hash=hashlib.sha256(raw).hexdigest())

    def _stage(self, ex: Exchange, name: str):
        return self.telemetry.stage(ex.span, name)

    def _validate(self, ex: Exchange, raw: bytes, schema: type[BaseModel]) -> dict:
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise bad_request("request body is not valid JSON", code="invalid_json") from None
        validate(schema, body)
        ex.stream = bool(body.get("stream"))
        requested = body["model"]
        # Only configured names go on spans and audit records: the field is free text.
        ex.model = requested if self.upstream.has(requested) else \
            "unknown:" + hashlib.sha256(requested.encode()).hexdigest()[:12]
        ex.span.update_name(f"{ex.operation} {ex.model}")
        ex.span.set_attribute(tm.REQUEST_MODEL, ex.model)
        if isinstance(body.get("user"), str):
            ex.end_user = hashlib.sha256(body["user"].encode()).hexdigest()
        principal = ex.principal
        assert principal is not None
        if principal.role not in ("app", "admin"):
            raise GatewayError(403, "role_not_allowed", f"role '{principal.role}' may not call models")
        if not self.upstream.has(requested):
            raise GatewayError(404, "model_not_found", "the requested model is not configured; "
                               "GET /v1/models lists the models this key may use", param="model")
        if not principal.may_use(ex.model):
            raise GatewayError(403, "model_not_allowed", f"this key may not use model '{ex.model}'",
                               param="model")
        return copy.deepcopy(body)   # ours to redact in place

    async def _detect(self, ex: Exchange, body: dict, span: Span,
                      slots: list[TextSlot] | None = None) -> tuple[list[TextSlot], list[list[Finding]]]:
        slots = text_slots(body) if slots is None else slots
        try:
            findings = await self.detector.detect([s.text for s in slots])
        except Exception as exc:
            log.error("PHI detection failed (%s); request refused", type(exc).__name__)
            raise GatewayError(503, "phi_detection_unavailable",
                               "PHI detection failed; the request was not forwarded") from None
        ex.phi = summarize(findings)
        span.set_attribute("medgate.phi.kinds", sorted(ex.phi))
        span.set_attribute("medgate.phi.count", sum(ex.phi.values()))
        return slots, findings

    async def _decide(self, ex: Exchange, body: dict, findings: list[list[Finding]], span: Span) -> Decision:
        assert ex.principal is not None and ex.model is not None
        entries = self.upstream.groups.get(ex.model) or []
        try:
            decision = self.policy.decide(PolicyInput(
                principal=ex.principal, operation=ex.operation, model=ex.model,
                baa=self.upstream.baa(ex.model), phi=ex.phi,
                params={k: v for k, v in body.items() if k not in CONTENT_KEYS},
                provider=entries[0].provider if entries else "", phi_scores=max_scores(findings),
                content=user_text(body)))   # in memory only: never logged, traced or audited
        except PolicyEvaluationError as exc:
            log.error("policy evaluation failed: %s", exc)   # file and rule id, no request data
            raise GatewayError(500, "policy_evaluation_error",
                               "the policy could not be evaluated; the request was not forwarded") from None
        ex.decision = decision
        span.set_attribute("medgate.policy.action", decision.action)
        span.set_attribute("medgate.policy.reason_code", decision.reason_code)
        span.set_attribute("medgate.policy.fired_rules", list(decision.fired_rules))
        span.set_attribute("medgate.policy.reasons", list(decision.reasons))   # rule descriptions: policy text
        version = getattr(self.policy, "version", None)
        if version:
            span.set_attribute("medgate.policy.version", version)
        if decision.action == "block" or (decision.action == "respond" and ex.operation != "chat"):
            raise GatewayError(403, decision.reason_code,
                               decision.message or "the request was blocked by policy", type="policy_violation")
        if decision.limits and decision.action == "allow":
            await self.limiter.admit(decision.limits, ex.principal)
        return decision

    def _apply(self, ex: Exchange, body: dict, slots: list[TextSlot], findings: list[list[Finding]],
               decision: Decision) -> tuple[Vault, str]:
        if self.options.audit.store_content == "redacted" or decision.output.store_content:
            # the identifiers found, before redaction rewrites the slots
            ex.masker = Masker([s.text for s in slots], findings)
        vault = redact(slots, findings, decision.redact, self.hash_key)
        if ex.masker is not None:   # as the provider will see it; what the policy let through, masked
            ex.request_content = request_content(body, ex.masker)
        model = decision.route_to or ex.model
        if not self.upstream.has(model):
            raise GatewayError(500, "policy_route_invalid", "policy routed to a model that is not configured")
        if self.telemetry.capture_content:   # opt-in, and only the redacted text
            ex.span.set_attribute("gen_ai.input.messages", orjson.dumps(body.get("messages")
                                                                        or body.get("input")).decode())
        return vault, model

    def _routed(self, ex: Exchange, route: Route, span: Span) -> None:
        ex.route = route
        span.set_attribute(tm.PROVIDER, route.provider)

    async def _chat_once(self, ex: Exchange, model: str, body: dict, span: Span) -> dict:
        """Stage 6, or the policy's own reply (action `respond`): then nothing is forwarded."""
        assert ex.decision is not None
        if ex.decision.action == "respond":
            return policy_reply(ex.decision.message or "")
        reply = await self.upstream.chat(model, body)
        self._routed(ex, reply.route, span)
        return reply.body

    async def _chat_stream(self, ex: Exchange, model: str, body: dict, span: Span) -> AsyncIterator[dict]:
        assert ex.decision is not None
        if ex.decision.action == "respond":
            return policy_chunks(ex.decision.message or "")
        stream = await self.upstream.chat_stream(model, body)
        self._routed(ex, stream.route, span)
        return stream.chunks

    async def _charge(self, ex: Exchange) -> None:
        """Token budgets: what this reply cost, once its usage is known."""
        d = ex.decision
        if d is not None and d.limits and ex.usage and ex.principal is not None:
            tokens = ex.usage.get("total_tokens") or \
                (ex.usage.get("prompt_tokens") or 0) + (ex.usage.get("completion_tokens") or 0)
            await self.limiter.charge(d.limits, ex.principal, int(tokens or 0))

    async def _inspect(self, ex: Exchange, body: dict, vault: Vault, span: Span) -> dict:
        ex.response_model, ex.response_id, ex.usage = body.get("model"), body.get("id"), body.get("usage")
        places: list[tuple[dict, str]] = []   # (holder, key) of every text the model wrote
        for choice in body.get("choices", []):
            message = choice.get("message") or {}
            if isinstance(message.get("content"), str):
                places.append((message, "content"))
            for call in message.get("tool_calls") or []:
                fn = call.get("function") or {}
                if isinstance(fn.get("arguments"), str):
                    places.append((fn, "arguments"))
        texts, withheld = await self._oblige(ex, [holder[key] for holder, key in places], span)
        for (holder, key), text in zip(places, texts):
            holder[key] = vault.restore(text, json_string=key == "arguments")
        output = ex.decision.output if ex.decision else None
        for choice in body.get("choices", []):
            if withheld is not None:
                choice["message"] = {"role": "assistant", "content": withheld}
                choice["finish_reason"] = "content_filter"
            elif output is not None and isinstance((choice.get("message") or {}).get("content"), str):
                choice["message"]["content"] = with_disclaimer(choice["message"]["content"], output)
            ex.finish_reasons.append(str(choice.get("finish_reason")))
        ex.response_hash.update(orjson.dumps(body.get("choices")))
        await self._charge(ex)
        return body

    async def _oblige(self, ex: Exchange, produced: list[str], span: Span) -> tuple[list[str], str | None]:
        """Output obligations over what the model wrote, before restoration: identifiers the
        client sent are placeholders there, so any PHI found, the model introduced. Returns
        the texts (identifiers masked if the policy says so) and, if the reply must be
        withheld, the message that replaces it."""
        output = ex.decision.output if ex.decision else None
        if output is None or not produced:
            return produced, None
        raw, findings, withheld = produced, None, None
        if output.scan_phi != "off":
            findings = await self._scan_output(ex, produced, span)
            if findings is None and output.scan_phi in ("redact", "block"):
                withheld = self._mark(ex, "output_phi_unchecked", "output:withheld", PHI_WITHHELD)   # fail closed
            elif findings and any(findings) and output.scan_phi == "block":
                withheld = self._mark(ex, "output_phi_withheld", "output:withheld", PHI_WITHHELD)
            elif findings and any(findings) and output.scan_phi == "redact":
                produced = [mask(text, found) for text, found in zip(produced, findings)]
                self._mark(ex, None, "output:phi_masked", None)
        unsafe = unsafe_match("\n".join(produced), output.unsafe) if withheld is None else None
        if unsafe is not None:
            withheld = self._mark(ex, unsafe.reason_code, "output:withheld", unsafe.message)
        await self._keep_reply(ex, raw, findings)
        return produced, withheld

    async def _keep_reply(self, ex: Exchange, produced: list[str], findings: list[list[Finding]] | None) -> None:
        """The reply as the provider sent it, for the audit record (if content is stored):
        PHI the output scan found masked; scanned here if the policy did not scan it."""
        if ex.masker is None or ex.response_content is not None or not produced:
            return
        try:   # never in the way of the record itself
            if findings is None:
                findings = await self.detector.detect(produced)
            ex.response_content = response_content(produced, findings, ex.masker)
        except Exception as exc:
            log.error("PHI scan of the reply for the audit record failed (%s); its content is not stored",
                      type(exc).__name__)
            ex.response_content = "[medgate: not stored: the reply could not be scanned for PHI]"

    @staticmethod
    def _mark(ex: Exchange, reason_code: str | None, marker: str, message: str | None) -> str | None:
        """Record an output obligation's effect on the decision the audit record carries."""
        assert ex.decision is not None
        ex.decision = replace(ex.decision, reason_code=reason_code or ex.decision.reason_code,
                              fired_rules=ex.decision.fired_rules + (marker,))
        return message

    async def _scan_output(self, ex: Exchange, produced: list[str], span: Span) -> list[list[Finding]] | None:
        try:
            findings = await self.detector.detect(produced)
        except Exception as exc:   # recorded; a policy that masks or withholds then withholds
            log.error("output PHI scan failed (%s)", type(exc).__name__)
            span.set_attribute("medgate.output_phi.scan_failed", True)
            return None
        ex.output_phi = summarize(findings)
        span.set_attribute("medgate.output_phi.kinds", sorted(ex.output_phi))
        span.set_attribute("medgate.output_phi.count", sum(ex.output_phi.values()))
        return findings

    async def _inspect_stream(self, ex: Exchange, chunks: AsyncIterator[dict], vault: Vault,
                              wants_usage: bool) -> AsyncIterator[dict]:
        restorers: dict[tuple, StreamRestorer] = {}
        produced: dict[tuple, list[str]] = {}
        output = ex.decision.output if ex.decision else OutputObligations()
        hold = needs_whole_reply(output)   # masking / withholding must see the whole reply first
        held: list[dict] = []

        def restored(key: tuple, piece: str, json_string: bool = False) -> str:
            produced.setdefault(key, []).append(piece)
            if not vault:
                return piece
            if key not in restorers:
                restorers[key] = StreamRestorer(vault, json_string)
            return restorers[key].feed(piece)

        try:
            async for chunk in chunks:
                ex.response_model = ex.response_model or chunk.get("model")
                ex.response_id = ex.response_id or chunk.get("id")
                if chunk.get("usage"):
                    ex.usage = chunk["usage"]
                    if not wants_usage:
                        chunk.pop("usage")
                        if not chunk.get("choices"):
                            continue
                for choice in chunk.get("choices") or []:
                    index = choice.get("index", 0)
                    delta = choice.get("delta") or {}
                    if isinstance(delta.get("content"), str):
                        if hold:   # kept raw; the whole text goes out once inspected
                            produced.setdefault(("content", index), []).append(delta.pop("content"))
                        else:
                            delta["content"] = restored(("content", index), delta["content"])
                    for call in delta.get("tool_calls") or []:
                        fn = call.get("function") or {}
                        if isinstance(fn.get("arguments"), str):
                            key = ("tool", index, call.get("index", 0))
                            if hold:
                                produced.setdefault(key, []).append(fn["arguments"])
                                fn["arguments"] = ""
                            else:
                                fn["arguments"] = restored(key, fn["arguments"], json_string=True)
                    if choice.get("finish_reason"):
                        ex.finish_reasons.append(str(choice["finish_reason"]))
                        self._flush_into(delta, index, restorers)
                        if not hold and output.disclaimer and ("content", index) in produced:
                            delta["content"] = with_disclaimer(delta.get("content") or "", output)
                        choice["delta"] = delta
                if hold:
                    held.append(chunk)
                    continue
                ex.response_hash.update(orjson.dumps(chunk.get("choices")))
                yield chunk
            with self._stage(ex, "inspect") as span:
                keys = list(produced)
                texts, withheld = await self._oblige(ex, ["".join(produced[k]) for k in keys], span)
            if hold:
                for chunk in self._release(held, dict(zip(keys, texts)), vault, output, withheld):
                    ex.response_hash.update(orjson.dumps(chunk.get("choices")))
                    yield chunk
            await self._charge(ex)
        except GatewayError as exc:
            ex.outcome, ex.error_code = "stream_error", exc.code
            yield exc.body()
        except BaseException as exc:
            if isinstance(exc, (GeneratorExit, anyio.get_cancelled_exc_class())):
                ex.outcome, ex.error_code = "client_disconnect", "client_disconnect"
            else:
                ex.outcome, ex.error_code = "stream_error", "internal_error"
                _log_unexpected(exc)
            raise
        finally:
            with anyio.CancelScope(shield=True):
                await chunks.aclose()   # release the upstream connection now, not at GC
                # a stream cut short: what arrived of the reply (no-op if already kept)
                await self._keep_reply(ex, ["".join(p) for p in produced.values()], None)
                await self._finish(ex)

    @staticmethod
    def _release(held: list[dict], texts: dict[tuple, str], vault: Vault, output: OutputObligations,
                 withheld: str | None) -> list[dict]:
        """A held stream, inspected: each choice's whole content, and each tool call's whole
        arguments, go out in the first chunk that carried them."""
        pending = {key[1]: vault.restore(text) for key, text in texts.items() if key[0] == "content"}
        arguments = {key[1:]: vault.restore(text, json_string=True) for key, text in texts.items() if key[0] == "tool"}
        if withheld is not None:
            pending = {index: withheld for index in pending} or {0: withheld}
        for chunk in held:
            for choice in chunk.get("choices") or []:
                index = choice.get("index", 0)
                delta = choice.setdefault("delta", {})
                if withheld is not None:
                    delta.pop("tool_calls", None)
                    if choice.get("finish_reason"):
                        choice["finish_reason"] = "content_filter"
                for call in delta.get("tool_calls") or []:
                    fn = call.get("function") or {}
                    if isinstance(fn.get("arguments"), str):
                        fn["arguments"] = arguments.pop((index, call.get("index", 0)), "")
                if index in pending:
                    text = pending.pop(index)
                    delta["content"] = text if withheld is not None else with_disclaimer(text, output)
        return held

    @staticmethod
    def _flush_into(delta: dict, index: int, restorers: dict[tuple, StreamRestorer]) -> None:
        """A choice is finishing: what its restorers held back goes out with this chunk."""
        content = restorers.pop(("content", index), None)
        if content is not None:
            tail = content.flush()
            if tail:
                delta["content"] = tail + (delta.get("content") or "")
        for key in [k for k in restorers if k[0] == "tool" and k[1] == index]:
            tail = restorers.pop(key).flush()
            if tail:
                delta.setdefault("tool_calls", []).append({"index": key[2], "function": {"arguments": tail}})

    # -- 8 audit, 9 trace ------------------------------------------------------------------
    def _failed(self, ex: Exchange, exc: BaseException) -> BaseException:
        if isinstance(exc, GatewayError):
            ex.status, ex.error_code = exc.status, exc.code
            ex.outcome = "blocked" if exc.type == "policy_violation" else "error"
            return exc
        if isinstance(exc, anyio.get_cancelled_exc_class()):
            ex.status, ex.outcome, ex.error_code = 499, "client_disconnect", "client_disconnect"
            return exc
        _log_unexpected(exc)
        ex.status, ex.outcome, ex.error_code = 500, "error", "internal_error"
        return GatewayError(500, "internal_error", "internal error in the gateway")

    async def _finish(self, ex: Exchange) -> None:
        if ex.finished:
            return
        ex.finished = True
        duration = time.perf_counter() - ex.started
        p, d, usage = ex.principal, ex.decision, ex.usage or {}
        deployment_model = ex.route and ex.route.deployment.litellm_params.model
        record = AuditRecord(
            request_id=ex.request_id, ts=ex.ts, operation=ex.operation,
            key_id=p and p.key_id, app=p and p.app, role=p and p.role, team=p and p.team,
            # keyed: a plain SHA-256 of an email or MRN is reversed by guessing
            end_user_hash=ex.end_user and hmac.new(self.hash_key, ex.end_user.encode(), hashlib.sha256).hexdigest(),
            model_requested=ex.model, model_used=ex.response_model or deployment_model,
            provider=ex.route and ex.route.provider, stream=ex.stream, status=ex.status,
            outcome=ex.outcome, error_code=ex.error_code,
            decision=d and d.action, reason_code=d and d.reason_code,
            fired_rules=list(d.fired_rules) if d else [], phi_counts=ex.phi, output_phi_counts=ex.output_phi,
            prompt_tokens=usage.get("prompt_tokens"), completion_tokens=usage.get("completion_tokens"),
            cost_usd=cost_usd(deployment_model, usage.get("prompt_tokens"), usage.get("completion_tokens")),
            latency_ms=round(duration * 1000, 3), request_hash=ex.request_hash,
            response_hash=ex.response_hash.hexdigest() if ex.status == 200 else None,
            request_content=ex.request_content, response_content=ex.response_content)
        audit_error = None
        with anyio.CancelScope(shield=True):   # a client that went away must not cancel its record
            try:
                await self.audit.write(record)
            except Exception as exc:
                log.error("audit write failed (%s)", type(exc).__name__)
                audit_error = GatewayError(503, "audit_unavailable",
                                           "the audit trail could not be written; the reply was withheld")
        self.telemetry.record(ex.span, {
            tm.OPERATION: ex.operation, tm.REQUEST_MODEL: ex.model,
            tm.PROVIDER: ex.route and ex.route.provider, tm.RESPONSE_MODEL: ex.response_model,
            tm.RESPONSE_ID: ex.response_id, tm.INPUT_TOKENS: usage.get("prompt_tokens"),
            tm.OUTPUT_TOKENS: usage.get("completion_tokens"),
            tm.FINISH_REASONS: ex.finish_reasons or None, "medgate.request_id": ex.request_id,
            "medgate.outcome": ex.outcome, "http.response.status_code": ex.status,
        }, duration, ex.error_code if ex.outcome != "success" else None)
        if audit_error is not None and not ex.stream:
            raise audit_error   # fail closed: no reply leaves without its record


def _log_unexpected(exc: BaseException) -> None:
    # The type and the code locations only: an exception's message can quote content.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected %s in the pipeline\n%s", type(exc).__name__, frames)
