"""Rate limits and token budgets that policy rules impose (action `limit`).

Fixed windows: requests per calendar minute, tokens per UTC day. A request is
admitted before it is forwarded (`admit`); its tokens are charged when the reply's
usage is known (`charge`), so a budget can be overrun by at most the requests in
flight when it runs out. `MemoryLimiter` counts in this process (one gateway);
`RedisLimiter` counts in Redis, shared by every replica (INCR/EXPIRE, one round
trip per request). If Redis cannot be reached the request fails closed (503).
"""
from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from gateway.auth import Principal
from gateway.errors import GatewayError
from gateway.policy import Limit
from gateway.settings import ConfigError

log = logging.getLogger("medgate")
MINUTE, DAY = 60, 86_400


class RateLimited(GatewayError):
    def __init__(self, code: str, message: str, retry_after: float) -> None:
        super().__init__(429, code, message)
        self.retry_after = max(1, math.ceil(retry_after))

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class RateLimiter(Protocol):
    async def admit(self, limits: Sequence[Limit], principal: Principal) -> None: ...
    async def charge(self, limits: Sequence[Limit], principal: Principal, tokens: int) -> None: ...
    async def aclose(self) -> None: ...


def subject(limit: Limit, principal: Principal) -> str:
    value = {"key": principal.key_id, "app": principal.app, "team": principal.team or "-"}[limit.per]
    return f"{limit.rule_id}:{limit.per}:{value}"


def _minute_exceeded(limit: Limit, now: float) -> RateLimited:
    return RateLimited(limit.reason_code, limit.message or f"rate limit of {limit.requests_per_minute} requests "
                       f"per minute reached (policy rule '{limit.rule_id}')", MINUTE - now % MINUTE)


def _day_exceeded(limit: Limit, now: float) -> RateLimited:
    code = limit.reason_code if limit.requests_per_minute is None else "token_budget_exceeded"
    return RateLimited(code, limit.message or f"daily budget of {limit.tokens_per_day} tokens used up "
                       f"(policy rule '{limit.rule_id}')", DAY - now % DAY)


class MemoryLimiter:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._counts: dict[str, int] = {}

    def _prune(self, now: float) -> None:
        if len(self._counts) > 50_000:   # old windows: keys end with their window number
            minute, day = int(now // MINUTE), int(now // DAY)
            self._counts = {k: v for k, v in self._counts.items()
                            if int(k.rsplit(":", 1)[1]) >= (minute if ":m:" in k else day)}

    async def admit(self, limits: Sequence[Limit], principal: Principal) -> None:
        now = self._clock()
        self._prune(now)
        for limit in limits:
            base = subject(limit, principal)
            if limit.tokens_per_day is not None and \
                    self._counts.get(f"{base}:d:{int(now // DAY)}", 0) >= limit.tokens_per_day:
                raise _day_exceeded(limit, now)
        for limit in limits:
            if limit.requests_per_minute is not None:
                key = f"{subject(limit, principal)}:m:{int(now // MINUTE)}"
                self._counts[key] = self._counts.get(key, 0) + 1
                if self._counts[key] > limit.requests_per_minute:
                    raise _minute_exceeded(limit, now)

    async def charge(self, limits: Sequence[Limit], principal: Principal, tokens: int) -> None:
        now = self._clock()
        for limit in limits:
            if limit.tokens_per_day is not None and tokens > 0:
                key = f"{subject(limit, principal)}:d:{int(now // DAY)}"
                self._counts[key] = self._counts.get(key, 0) + tokens

    async def aclose(self) -> None:
        return None


class RedisLimiter:
    def __init__(self, client, prefix: str = "medgate", clock: Callable[[], float] = time.time) -> None:
        self._redis, self._prefix, self._clock = client, prefix, clock

    def _key(self, limit: Limit, principal: Principal, window: str) -> str:
        return f"{self._prefix}:ratelimit:{subject(limit, principal)}:{window}"

    async def admit(self, limits: Sequence[Limit], principal: Principal) -> None:
        now = self._clock()
        minute, day = int(now // MINUTE), int(now // DAY)
        try:
            pipe = self._redis.pipeline(transaction=False)
            checks: list[tuple[str, Limit]] = []
            for limit in limits:
                if limit.tokens_per_day is not None:
                    pipe.get(self._key(limit, principal, f"d:{day}"))
                    checks.append(("day", limit))
                if limit.requests_per_minute is not None:
                    key = self._key(limit, principal, f"m:{minute}")
                    pipe.incr(key)
                    pipe.expire(key, 2 * MINUTE, nx=True)
                    checks.append(("minute", limit))
            results = await pipe.execute()
        except Exception as exc:
            log.error("rate limiter unavailable (%s)", type(exc).__name__)
            raise GatewayError(503, "rate_limit_unavailable",
                               "rate limits could not be checked; the request was not forwarded") from None
        values = iter(results)
        for kind, limit in checks:
            value = next(values)
            if kind == "day":
                if int(value or 0) >= (limit.tokens_per_day or 0):
                    raise _day_exceeded(limit, now)
            else:
                next(values)   # the EXPIRE's answer
                if int(value) > (limit.requests_per_minute or 0):
                    raise _minute_exceeded(limit, now)

    async def charge(self, limits: Sequence[Limit], principal: Principal, tokens: int) -> None:
        budgets = [limit for limit in limits if limit.tokens_per_day is not None]
        if not budgets or tokens <= 0:
            return
        day = int(self._clock() // DAY)
        try:
            pipe = self._redis.pipeline(transaction=False)
            for limit in budgets:
                key = self._key(limit, principal, f"d:{day}")
                pipe.incrby(key, tokens)
                pipe.expire(key, 2 * DAY, nx=True)
            await pipe.execute()
        except Exception as exc:   # the reply is already on its way; the charge is lost, say so
            log.error("token budget charge failed (%s)", type(exc).__name__)

    async def aclose(self) -> None:
        await self._redis.aclose()


def build_limiter(backend: str, redis_url: str | None, prefix: str) -> RateLimiter:
    if backend == "redis" or (backend == "auto" and redis_url):
        if not redis_url:
            raise ConfigError("medgate.policies.rate_limit_backend: redis, but no medgate.policies.redis_url "
                              "or MEDGATE_REDIS_URL")
        import redis.asyncio
        return RedisLimiter(redis.asyncio.from_url(redis_url), prefix)
    return MemoryLimiter()
