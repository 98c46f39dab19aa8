"""Provider calls.

Three kinds of deployment:
- `medgate/...`: the in-process simulator (gateway/local_model.py);
- OpenAI-compatible HTTP (`openai/...`, `hosted_vllm/...`) with `fast_path` on: a
  pooled aiohttp client, because litellm's SDK costs ~4 ms of CPU per call;
- everything else (and OpenAI-compatible with `fast_path: false`): litellm's Router.

The fast path keeps the Router's contract (litellm 1.106 `should_retry_this_error`):
per-deployment timeout; `num_retries` more tries on timeouts, connection errors,
408, 409, 429 and 5xx (401/403 only when the group has other deployments); once a
group gives up, for any error, the `fallbacks` groups in order. Cooldowns are off
on both paths, so a request's fate never depends on earlier requests. Streams are
retried only until their first chunk, which is fetched here, so that a failure
before any byte reaches the client still gets a proper HTTP status.
"""
from __future__ import annotations

import asyncio
import os
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
import orjson

from gateway.errors import GatewayError
from gateway.local_model import LocalModel
from gateway.settings import ConfigError, GatewayConfig, ModelEntry

OPENAI_COMPATIBLE = {"openai", "hosted_vllm"}
RETRYABLE_STATUS = {408, 409, 429}   # and every 5xx
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
T = TypeVar("T")


@dataclass(frozen=True)
class Route:
    """What served a call: for audit and traces."""
    model_group: str
    deployment: ModelEntry

    @property
    def provider(self) -> str:
        return self.deployment.provider


@dataclass
class Reply:
    body: dict
    route: Route


@dataclass
class Stream:
    chunks: AsyncIterator[dict]   # first chunk already fetched and included
    route: Route


class _Failure(Exception):
    """One failed attempt on the fast path or the simulator."""
    def __init__(self, kind: str, status: int | None = None, code: str | None = None) -> None:
        super().__init__(kind)
        self.kind, self.status, self.code = kind, status, code

    def retryable(self, deployments: int) -> bool:
        if self.kind in ("timeout", "connect"):
            return True
        status = self.status or 0
        return status in RETRYABLE_STATUS or status >= 500 or (status in (401, 403) and deployments > 1)


def _error(failure: _Failure) -> GatewayError:
    """The client-facing error for a call that failed for good. Upstream bodies are
    never echoed: they can quote the prompt or name the provider account."""
    if failure.kind == "timeout":
        return GatewayError(504, "upstream_timeout", "the model provider did not answer in time")
    if failure.status == 429:
        return GatewayError(429, "upstream_rate_limited", "the model provider is rate limiting requests")
    if failure.status in (400, 404, 413, 422) and failure.kind == "http":
        code = failure.code if failure.code and _CODE.match(failure.code) else "upstream_bad_request"
        return GatewayError(400, code, f"the model provider rejected the request (HTTP {failure.status})")
    if failure.kind == "invalid":
        return GatewayError(502, "upstream_invalid_response", "the model provider sent an invalid response")
    detail = f" (HTTP {failure.status})" if failure.status else ""
    return GatewayError(502, "upstream_error", f"the model provider failed{detail}")


def _litellm_failure(exc: Exception) -> _Failure:
    import litellm
    if isinstance(exc, litellm.exceptions.Timeout):
        return _Failure("timeout")
    if isinstance(exc, litellm.exceptions.ContextWindowExceededError):
        return _Failure("http", 400, "context_length_exceeded")
    status = getattr(exc, "status_code", None)
    if isinstance(exc, litellm.exceptions.APIConnectionError) and status in (None, 500):
        return _Failure("connect")
    return _Failure("http", status if isinstance(status, int) else 502)


def _kind(entry: ModelEntry, fast_path: bool) -> str:
    if entry.provider == "medgate":
        return "local"
    use_fast = entry.fast_path if entry.fast_path is not None else fast_path
    return "direct" if use_fast and entry.provider in OPENAI_COMPATIBLE else "litellm"


class Upstream:
    def __init__(self, config: GatewayConfig) -> None:
        self._config = config
        self._rs = config.router_settings
        self.groups: dict[str, list[ModelEntry]] = {}
        for entry in config.model_list:
            self.groups.setdefault(entry.model_name, []).append(entry)
        self._fallbacks = {src: targets for rule in self._rs.fallbacks for src, targets in rule.items()}
        self._kinds = {id(e): _kind(e, config.medgate.fast_path) for e in config.model_list}
        self._local = LocalModel()
        self._session: aiohttp.ClientSession | None = None
        self._router = None
        self._check_chains()
        if any(k == "litellm" for k in self._kinds.values()):
            self._router = self._build_router()

    # -- public ---------------------------------------------------------------
    def has(self, model: str) -> bool:
        return model in self.groups

    def baa(self, model: str) -> bool:
        """A group is BAA-covered only if every deployment it may land on is."""
        return all(e.baa for e in self.groups[model])

    async def chat(self, model: str, body: dict) -> Reply:
        if self._uses_router(model):
            return await self._router_call(model, "acompletion", body)
        return await self._direct(model, lambda e, t: self._chat_once(e, body, t))

    async def chat_stream(self, model: str, body: dict) -> Stream:
        if self._uses_router(model):
            return await self._router_stream(model, body)
        return await self._direct(model, lambda e, t: self._stream_once(e, body, t), stream=True)

    async def embed(self, model: str, body: dict) -> Reply:
        if self._uses_router(model):
            return await self._router_call(model, "aembedding", body)
        return await self._direct(model, lambda e, t: self._embed_once(e, body, t))

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()

    # -- routing ----------------------------------------------------------------
    def _chain(self, model: str) -> list[str]:
        return [model, *self._fallbacks.get(model, [])]

    def _uses_router(self, model: str) -> bool:
        return any(self._kinds[id(e)] == "litellm" for g in self._chain(model) for e in self.groups[g])

    def _check_chains(self) -> None:
        for model in self.groups:
            kinds = {self._kinds[id(e)] for g in self._chain(model) for e in self.groups[g]}
            if "local" in kinds and "litellm" in kinds:
                raise ConfigError(f"{self._config.source}: model {model!r}: the medgate simulator cannot "
                                  "share a deployment group or fallback chain with litellm-routed providers")

    def _timeout(self, entry: ModelEntry, stream: bool) -> float:
        p = entry.litellm_params
        if stream:
            return p.stream_timeout or self._rs.stream_timeout or p.timeout or self._rs.timeout
        return p.timeout or self._rs.timeout

    async def _direct(self, model: str, once: Callable[[ModelEntry, float], Awaitable[T]],
                      stream: bool = False) -> T:
        last: _Failure | None = None
        for group in self._chain(model):
            deployments = self.groups[group][:]
            random.shuffle(deployments)
            for attempt in range(self._rs.num_retries + 1):
                entry = deployments[attempt % len(deployments)]
                if attempt and self._rs.retry_after:
                    await asyncio.sleep(self._rs.retry_after)
                try:
                    result = await once(entry, self._timeout(entry, stream))
                except _Failure as failure:
                    last = failure
                    if not failure.retryable(len(deployments)):
                        break   # no retry in this group; the fallbacks may still serve it
                    continue
                route = Route(group, entry)
                if stream:
                    return Stream(result, route)   # type: ignore[return-value]
                return Reply(result, route)        # type: ignore[return-value]
        raise _error(last or _Failure("connect")) from None

    # -- one attempt on the fast path / simulator ---------------------------------
    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=512, ttl_dns_cache=300),
                json_serialize=lambda o: orjson.dumps(o).decode(), read_bufsize=2**21)
        return self._session

    @staticmethod
    def _target(entry: ModelEntry, path: str) -> tuple[str, dict[str, str]]:
        p = entry.litellm_params
        base = (p.api_base or os.environ.get("OPENAI_API_BASE") or "https://api.openai.com/v1").rstrip("/")
        headers = {"Content-Type": "application/json"}
        if p.api_key:
            headers["Authorization"] = f"Bearer {p.api_key}"
        return base + path, headers

    async def _post_json(self, entry: ModelEntry, path: str, body: dict, timeout: float) -> dict:
        url, headers = self._target(entry, path)
        payload = orjson.dumps({**body, "model": entry.upstream_model})
        try:
            async with asyncio.timeout(timeout):
                async with self._http().post(url, data=payload, headers=headers) as resp:
                    raw = await resp.read()
                    status = resp.status
        except TimeoutError:
            raise _Failure("timeout") from None
        except aiohttp.ClientError:
            raise _Failure("connect") from None
        if status >= 400:
            raise _Failure("http", status, _upstream_code(raw))
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise _Failure("invalid") from None
        if not isinstance(data, dict):
            raise _Failure("invalid")
        return data

    async def _chat_once(self, entry: ModelEntry, body: dict, timeout: float) -> dict:
        if self._kinds[id(entry)] == "local":
            return self._local.complete(body)
        data = await self._post_json(entry, "/chat/completions", body, timeout)
        if not isinstance(data.get("choices"), list):
            raise _Failure("invalid")
        return data

    async def _embed_once(self, entry: ModelEntry, body: dict, timeout: float) -> dict:
        if self._kinds[id(entry)] == "local":
            return self._local.embed(body)
        data = await self._post_json(entry, "/embeddings", body, timeout)
        if not isinstance(data.get("data"), list):
            raise _Failure("invalid")
        return data

    async def _stream_once(self, entry: ModelEntry, body: dict, timeout: float) -> AsyncIterator[dict]:
        if self._kinds[id(entry)] == "local":
            return self._local.stream(body)
        url, headers = self._target(entry, "/chat/completions")
        payload = orjson.dumps({**body, "model": entry.upstream_model, "stream": True})
        try:
            async with asyncio.timeout(timeout):
                resp = await self._http().post(url, data=payload, headers=headers)
                if resp.status >= 400:
                    raw = await resp.read()
                    resp.release()
                    raise _Failure("http", resp.status, _upstream_code(raw))
                events = _sse_events(resp, timeout)
                first = await anext(events, None)
        except TimeoutError:
            raise _Failure("timeout") from None
        except aiohttp.ClientError:
            raise _Failure("connect") from None
        if first is None:
            raise _Failure("invalid")
        return _prepend(first, events)

    # -- litellm Router ---------------------------------------------------------
    def _build_router(self):
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")   # never fetch the cost map
        import litellm
        litellm.telemetry = False
        model_list = [{"model_name": e.model_name,
                       "litellm_params": e.litellm_params.model_dump(exclude_none=True),
                       "model_info": {**e.model_info, "id": f"medgate-{i}"}}
                      for i, e in enumerate(self._config.model_list) if self._kinds[id(e)] != "local"]
        return litellm.Router(model_list=model_list, num_retries=self._rs.num_retries,
                              timeout=self._rs.timeout, stream_timeout=self._rs.stream_timeout,
                              retry_after=int(self._rs.retry_after), fallbacks=self._rs.fallbacks,
                              disable_cooldowns=True, set_verbose=False)

    def _route_of(self, model: str, response: Any) -> Route:
        # Each deployment is registered under model_info.id "medgate-<index>", which
        # litellm reports back for the deployment that actually served the call.
        model_id = str((getattr(response, "_hidden_params", None) or {}).get("model_id") or "")
        if model_id.startswith("medgate-") and model_id[8:].isdigit():
            entry = self._config.model_list[int(model_id[8:])]
            return Route(entry.model_name, entry)
        return Route(model, self.groups[model][0])

    async def _router_call(self, model: str, method: str, body: dict) -> Reply:
        params = {k: v for k, v in body.items() if k != "model"}
        try:
            response = await getattr(self._router, method)(model=model, **params)
        except Exception as exc:   # litellm raises its own exception zoo
            raise _error(_litellm_failure(exc)) from None
        return Reply(_clean(response.model_dump(warnings=False)), self._route_of(model, response))

    async def _router_stream(self, model: str, body: dict) -> Stream:
        params = {k: v for k, v in body.items() if k not in ("model", "stream")}
        try:
            response = await self._router.acompletion(model=model, stream=True, **params)
            iterator = response.__aiter__()
            first = await anext(iterator, None)
        except Exception as exc:
            raise _error(_litellm_failure(exc)) from None
        if first is None:
            raise _error(_Failure("invalid"))

        async def chunks() -> AsyncIterator[dict]:
            yield _clean(first.model_dump(warnings=False))
            try:
                async for chunk in iterator:
                    yield _clean(chunk.model_dump(warnings=False))
            except Exception as exc:
                raise _error(_litellm_failure(exc)) from None

        return Stream(chunks(), self._route_of(model, response))


# -- helpers -------------------------------------------------------------------------
_TOP = {"id", "object", "created", "model", "system_fingerprint", "choices", "usage", "data", "service_tier"}


def _clean(obj: dict) -> dict:
    """litellm's objects carry private fields; clients get OpenAI's shape."""
    out = {k: v for k, v in obj.items() if k in _TOP and v is not None}
    if "usage" in out and isinstance(out["usage"], dict):
        out["usage"] = {k: v for k, v in out["usage"].items()
                        if k in ("prompt_tokens", "completion_tokens", "total_tokens") and v is not None}
    if isinstance(out.get("choices"), list):
        for choice in out["choices"]:
            choice.pop("provider_specific_fields", None)
            for key in ("message", "delta"):
                if isinstance(choice.get(key), dict):
                    choice[key] = {k: v for k, v in choice[key].items()
                                   if k in ("role", "content", "tool_calls", "refusal", "function_call")
                                   and not (v is None and k != "content")}
        # litellm gives the usage-only last chunk an empty choice; OpenAI sends none.
        if out.get("usage") and all(c.get("finish_reason") is None and not any((c.get("delta") or {}).values())
                                    for c in out["choices"]) and "delta" in (out["choices"] or [{}])[0]:
            out["choices"] = []
    return out


def _upstream_code(raw: bytes) -> str | None:
    try:
        err = orjson.loads(raw).get("error")
        code = err.get("code") if isinstance(err, dict) else None
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return code if isinstance(code, str) else None


async def _prepend(first: dict, rest: AsyncIterator[dict]) -> AsyncIterator[dict]:
    yield first
    try:
        async for item in rest:
            yield item
    except _Failure as failure:   # past the first chunk there is no retry: tell the client
        raise _error(failure) from None
    finally:
        await rest.aclose()


async def _sse_events(resp: aiohttp.ClientResponse, read_timeout: float) -> AsyncIterator[dict]:
    """Parsed `data:` events of an OpenAI stream, up to [DONE]. A stream that ends
    without [DONE] raises: the client must learn it was cut, not see a clean end."""
    try:
        while True:
            try:
                async with asyncio.timeout(read_timeout):
                    line = await resp.content.readline()
            except TimeoutError:
                raise _Failure("timeout") from None
            except aiohttp.ClientError:
                raise _Failure("connect") from None
            if not line:
                raise _Failure("invalid")
            line = line.strip()
            if not line.startswith(b"data:"):
                continue
            data = line[5:].strip()
            if data == b"[DONE]":
                return
            try:
                event = orjson.loads(data)
            except orjson.JSONDecodeError:
                raise _Failure("invalid") from None
            if isinstance(event, dict) and "error" in event:
                raise _Failure("http", 502)
            yield event
    finally:
        resp.release()
