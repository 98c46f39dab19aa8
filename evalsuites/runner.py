"""Calls a model for every eval item: litellm, bounded concurrency, retries with backoff,
a progress bar on stderr and the on-disk response cache.

Works against any litellm provider, and against any OpenAI-compatible base URL
(`openai/<model>` + `api_base`) — the medgate gateway itself included, so guardrails are
evaluated together with the model.
"""
from __future__ import annotations

import asyncio
import os
import random
import sys
from dataclasses import dataclass, field
from typing import Any

from evalsuites.cache import ResponseCache, request_key

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")   # before litellm is imported: no network

# A 4xx other than these means the provider (or gateway policy) refused this item: a
# result, not a failed run. These mean the run itself is misconfigured or unfinished.
_RUN_ERRORS = {401, 403, 404, 408, 409, 429}


@dataclass(frozen=True)
class ModelSpec:
    model: str
    api_base: str | None = None
    api_key: str | None = None
    temperature: float = 0.0
    max_tokens: int = 600
    timeout: float = 60.0
    seed: int | None = 0

    @property
    def litellm_model(self) -> str:
        if self.api_base and "/" not in self.model:
            return f"openai/{self.model}"   # an OpenAI-compatible base URL
        return self.model

    @property
    def resolved_api_key(self) -> str | None:
        if self.api_key or not self.api_base:
            return self.api_key
        # A local OpenAI-compatible server often needs no key, but the OpenAI client refuses to start without one.
        return os.environ.get("OPENAI_API_KEY") or "no-key"

    def params(self) -> dict[str, Any]:
        """What goes into the cache key besides model, base and messages (never the key)."""
        return {"temperature": self.temperature, "max_tokens": self.max_tokens, "seed": self.seed}


@dataclass
class Request:
    id: str
    messages: list[dict[str, str]]
    response_format: dict[str, Any] | None = None


@dataclass
class Reply:
    id: str
    status: str                      # ok | refused | error
    content: str | None = None
    cached: bool = False
    structured: bool = False         # whether response_format was accepted
    error: str | None = None         # exception class and status code only: provider messages may echo input
    attempts: int = 0
    usage: dict[str, int] = field(default_factory=dict)


class Runner:
    def __init__(self, spec: ModelSpec, cache: ResponseCache | None, concurrency: int = 4, retries: int = 3,
                 backoff: float = 1.0, progress: bool = True) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.spec, self.cache, self.concurrency = spec, cache, concurrency
        self.retries, self.backoff, self.progress = retries, backoff, progress

    def run(self, requests: list[Request], desc: str = "eval") -> list[Reply]:
        return asyncio.run(self.arun(requests, desc))

    async def arun(self, requests: list[Request], desc: str = "eval") -> list[Reply]:
        from tqdm import tqdm

        semaphore = asyncio.Semaphore(self.concurrency)
        bar = tqdm(total=len(requests), desc=desc, file=sys.stderr, disable=not self.progress or None,
                   unit="item", dynamic_ncols=True)

        async def one(request: Request) -> Reply:
            async with semaphore:
                reply = await self._call(request)
            bar.update(1)
            return reply

        try:
            return list(await asyncio.gather(*(one(r) for r in requests)))
        finally:
            bar.close()

    async def _call(self, request: Request) -> Reply:
        spec = self.spec
        params = {**spec.params(), "response_format": request.response_format}
        key = request_key(spec.litellm_model, spec.api_base, request.messages, params)
        if self.cache and (hit := self.cache.get(key)) is not None:
            return Reply(request.id, "ok", hit["content"], cached=True, structured=hit.get("structured", False),
                         usage=hit.get("usage", {}))
        reply = await self._with_retries(request)
        if reply.status == "ok" and self.cache:
            self.cache.put(key, {"content": reply.content, "structured": reply.structured, "usage": reply.usage})
        return reply

    async def _with_retries(self, request: Request) -> Reply:
        import litellm

        litellm.suppress_debug_info = True   # no "Give Feedback" banners with provider errors on stderr
        response_format = request.response_format
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await litellm.acompletion(
                    model=self.spec.litellm_model, messages=request.messages, api_base=self.spec.api_base,
                    api_key=self.spec.resolved_api_key, temperature=self.spec.temperature,
                    max_tokens=self.spec.max_tokens,
                    seed=self.spec.seed, timeout=self.spec.timeout, num_retries=0,
                    **({"response_format": response_format} if response_format else {}))
                message = response.choices[0].message
                usage = getattr(response, "usage", None)
                return Reply(request.id, "ok", message.content or "", structured=response_format is not None,
                             attempts=attempt,
                             usage={"prompt_tokens": getattr(usage, "prompt_tokens", 0) or 0,
                                    "completion_tokens": getattr(usage, "completion_tokens", 0) or 0})
            except Exception as exc:   # litellm maps every provider error onto openai's classes
                status = getattr(exc, "status_code", None)
                label = f"{type(exc).__name__}" + (f" {status}" if status else "")
                if status == 400 and response_format is not None and "response_format" in str(exc).lower():
                    response_format = None   # provider has no structured output: ask in the prompt only
                    continue
                if isinstance(status, int) and 400 <= status < 500 and status not in _RUN_ERRORS:
                    return Reply(request.id, "refused", error=label, attempts=attempt)
                if attempt > self.retries or status in (401, 403, 404):
                    return Reply(request.id, "error", error=label, attempts=attempt)
                await asyncio.sleep(self.backoff * 2 ** (attempt - 1) * (0.5 + random.random()))
